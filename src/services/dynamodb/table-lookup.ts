/**
 * Finds the table a request names. Operations accept a table name or (since 2024) a table ARN;
 * tables are scoped by the caller's account and region. A missing table is
 * ResourceNotFoundException: item operations say only "Requested resource not found", table
 * operations name the table (Terraform's delete waiter matches "Requested resource not found: Table: ").
 */
import type { RequestContext } from '../types.js';
import { Constraints, NAME_PATTERN } from './constraints.js';
import type { DdbDeps } from './context.js';
import { ddbErrors } from './errors.js';
import { checkTableName } from './table-constraints.js';
import type { TableRecord } from './table-record.js';

/** NAME_PATTERN (constraints.ts) as one anchored expression. */
const PLAIN_NAME = new RegExp(`^(?:${NAME_PATTERN})$`);
const ARN = /^arn:aws[a-z-]*:dynamodb:([^:]*):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})$/;

/** The table a TableName member refers to. */
export interface TableRef { account: string; region: string; name: string }

/**
 * The account, region and name a TableName member refers to (checked as Coral checks it: item
 * operations accept names of 1 to 255 characters, table operations 3 to 255).
 */
/**
 * An empty name where the operation runs AWS's 2026 validation framework (PutItem): it stops at
 * the name and reports it alone, naming the member without its value
 * (paritysuite/dynamodb-conformance registry/splits.json "put-item-validation-error-aggregation",
 * us-east-1 and 30 other regions, 2026-10-07).
 */
const emptyNameAlone = () => ddbErrors.validation("1 validation error detected: Value at 'TableName' failed to satisfy constraint: Member must have length greater than or equal to 1");

/** A name resolveTableName accepts as it is: a valid plain name, or a table ARN. */
export function isResolvableName(name: string | undefined, minLength: number): boolean {
  if (typeof name !== 'string') return false;
  return (name.length >= minLength && name.length <= 255 && PLAIN_NAME.test(name)) || ARN.test(name);
}

/** How a rare bad name is reported: `path` names the member (a transaction action's own), `emptyAlone` as above. */
export interface NameReport { path?: string; emptyAlone?: boolean }

export function resolveTableName(ctx: RequestContext, name: string | undefined, minLength = 3, report?: NameReport): TableRef {
  // A plain valid name (nearly every request, twice per item operation): no ARN match (a name
  // has no ':'), no Constraints object, no violations to report.
  if (typeof name === 'string' && name.length >= minLength && name.length <= 255 && PLAIN_NAME.test(name)) return { account: ctx.accountId, region: ctx.region, name };
  const arn = name !== undefined ? ARN.exec(name) : null;
  if (arn) return { region: arn[1]!, account: arn[2]!, name: arn[3]! };
  if (report?.emptyAlone === true && name === '') throw emptyNameAlone();
  const c = new Constraints();
  checkTableName(c, report?.path ?? 'tableName', name, minLength);
  c.check();
  return { account: ctx.accountId, region: ctx.region, name: name! };
}

export function findTable(deps: DdbDeps, ctx: RequestContext, name: string | undefined, minLength = 3): TableRecord | undefined {
  const ref = resolveTableName(ctx, name, minLength);
  return deps.tables.get(ref.account, ref.region, ref.name);
}

/** For item operations (GetItem, PutItem, Query...). */
export function requireTable(deps: DdbDeps, ctx: RequestContext, name: string | undefined): TableRecord {
  return requireResolvedTable(deps, resolveTableName(ctx, name, 1));
}

/**
 * As requireTable, for an item operation that resolved its TableName first (it checks the name
 * before its other members): the name is not matched and resolved a second time.
 */
export function requireResolvedTable(deps: DdbDeps, ref: TableRef): TableRecord {
  const table = deps.tables.get(ref.account, ref.region, ref.name);
  if (!table) throw ddbErrors.resourceNotFound();
  return table;
}

/** For table operations (DescribeTable, DeleteTable, UpdateTable...). */
export function requireNamedTable(deps: DdbDeps, ctx: RequestContext, name: string | undefined): TableRecord {
  const table = findTable(deps, ctx, name);
  if (!table) throw ddbErrors.tableNotFound(resolveTableName(ctx, name).name);
  return table;
}

/**
 * For table changes (UpdateTable, UpdateTimeToLive): as requireNamedTable, but a table an import
 * is still creating is in use, not missing. While CREATING under an import AWS answered
 * UpdateTable and UpdateTimeToLive with ResourceInUseException (ack-api-quirks DDB-IMPORT-001,
 * native AWS 2026-10-09; the words are DeleteTable's and CreateTable's for such a table,
 * DDB-IMPORT-006 and DDB-TABLE-444, not captured for these two). Looked up only after a miss.
 */
export function requireChangeableTable(deps: DdbDeps, ctx: RequestContext, name: string | undefined): TableRecord {
  const table = findTable(deps, ctx, name);
  if (table) return table;
  const ref = resolveTableName(ctx, name);
  if (deps.tables.creating(ref.account, ref.region, ref.name)) throw ddbErrors.tableBeingCreated(ref.name);
  throw ddbErrors.tableNotFound(ref.name);
}
