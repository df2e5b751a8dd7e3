/**
 * Coral's model constraints for the members CreateTable and UpdateTable share (key schemas,
 * projections, throughput, indexes), checked before any semantic rule, as DynamoDB does.
 */
import type { KeySchemaItem, Projection, ProvisionedThroughput } from '../../model/generated/dynamodb-types.js';
import { Constraints, NAME_PATTERN } from './constraints.js';

export const MAX_CAPACITY_UNITS = 1_000_000_000_000;

export function checkTableName(c: Constraints, path: string, name: string | undefined, minLength = 3): void {
  if (!c.notNull(path, name)) return;
  c.length(path, name, minLength, 255).pattern(path, name, NAME_PATTERN);
}

export function checkKeySchema(c: Constraints, path: string, schema: KeySchemaItem[] | undefined): void {
  if (!c.notNull(path, schema)) return;
  c.length(path, schema, 1, 2);
  schema!.forEach((k, i) => {
    const at = `${path}.${i + 1}.member`;
    if (c.notNull(`${at}.attributeName`, k.AttributeName)) c.length(`${at}.attributeName`, k.AttributeName, 1, 255);
    if (c.notNull(`${at}.keyType`, k.KeyType)) c.oneOf(`${at}.keyType`, k.KeyType, ['HASH', 'RANGE']);
  });
}

export function checkThroughput(c: Constraints, path: string, t: ProvisionedThroughput | undefined): void {
  if (t === undefined) return;
  // Write before read, as AWS reports them (architect/dynalite test/createTable.js "low ProvisionedThroughput.WriteCapacityUnits").
  if (c.notNull(`${path}.writeCapacityUnits`, t.WriteCapacityUnits)) c.range(`${path}.writeCapacityUnits`, t.WriteCapacityUnits, 1);
  if (c.notNull(`${path}.readCapacityUnits`, t.ReadCapacityUnits)) c.range(`${path}.readCapacityUnits`, t.ReadCapacityUnits, 1);
}

export function checkProjection(c: Constraints, path: string, p: Projection | undefined): void {
  if (!c.notNull(path, p)) return;
  // AWS's order for this enum (architect/dynalite test/createTable.js "22").
  c.oneOf(`${path}.projectionType`, p!.ProjectionType, ['ALL', 'INCLUDE', 'KEYS_ONLY']);
  c.length(`${path}.nonKeyAttributes`, p!.NonKeyAttributes, 1, 20);
}

export interface IndexInput { IndexName?: string; KeySchema?: KeySchemaItem[]; Projection?: Projection; ProvisionedThroughput?: ProvisionedThroughput }

export function checkIndex(c: Constraints, path: string, index: IndexInput): void {
  if (c.notNull(`${path}.indexName`, index.IndexName)) c.length(`${path}.indexName`, index.IndexName, 3, 255).pattern(`${path}.indexName`, index.IndexName, NAME_PATTERN);
  checkKeySchema(c, `${path}.keySchema`, index.KeySchema);
  checkProjection(c, `${path}.projection`, index.Projection);
  checkThroughput(c, `${path}.provisionedThroughput`, index.ProvisionedThroughput);
}

/** In the order AWS's enum message lists them (ack-api-quirks dynamodb DDB-TABLE-035, verified 2026-10-08). */
export const STREAM_VIEW_TYPES = ['OLD_IMAGE', 'KEYS_ONLY', 'NEW_AND_OLD_IMAGES', 'NEW_IMAGE'] as const;
export const TABLE_CLASSES = ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] as const;
export const BILLING_MODES = ['PROVISIONED', 'PAY_PER_REQUEST'] as const;
