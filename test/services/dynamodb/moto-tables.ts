/**
 * The tables moto's `dynamodb_aws_verified` decorator creates (tests/test_dynamodb/__init__.py),
 * so the success answers of its aws_verified tests can be replayed on the same shapes: hash key
 * `pk` (S), optionally range key `sk`, a GSI `test_gsi` on `gsi_pk` (+ `gsi_sk`) and an LSI
 * `test_lsi` on `lsi_sk`, every index projecting ALL. Calls go through raw JSON (helpers.ts) so
 * the wire shape is what is compared.
 */
import type { ExecutionContext } from 'ava';
import { rawCall, uniqueTable } from './helpers.js';

export interface MotoTableOptions {
  range?: boolean;
  numericRange?: boolean;
  gsi?: boolean;
  gsiRange?: boolean;
  numericGsiRange?: boolean;
  lsi?: boolean;
  numericLsiRange?: boolean;
}

export async function createMotoTable(endpoint: string, o: MotoTableOptions = {}): Promise<string> {
  const TableName = uniqueTable('moto');
  const defs: Array<{ AttributeName: string; AttributeType: string }> = [{ AttributeName: 'pk', AttributeType: 'S' }];
  const KeySchema = [{ AttributeName: 'pk', KeyType: 'HASH' }];
  if (o.range || o.numericRange || o.lsi || o.numericLsiRange) {
    KeySchema.push({ AttributeName: 'sk', KeyType: 'RANGE' });
    defs.push({ AttributeName: 'sk', AttributeType: o.numericRange ? 'N' : 'S' });
  }
  const body: Record<string, unknown> = { TableName, KeySchema, AttributeDefinitions: defs, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 5 } };
  if (o.gsi || o.gsiRange || o.numericGsiRange) {
    const schema = [{ AttributeName: 'gsi_pk', KeyType: 'HASH' }];
    defs.push({ AttributeName: 'gsi_pk', AttributeType: 'S' });
    if (o.gsiRange || o.numericGsiRange) {
      schema.push({ AttributeName: 'gsi_sk', KeyType: 'RANGE' });
      defs.push({ AttributeName: 'gsi_sk', AttributeType: o.numericGsiRange ? 'N' : 'S' });
    }
    body.GlobalSecondaryIndexes = [{ IndexName: 'test_gsi', KeySchema: schema, Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }];
  }
  if (o.lsi || o.numericLsiRange) {
    defs.push({ AttributeName: 'lsi_sk', AttributeType: o.numericLsiRange ? 'N' : 'S' });
    body.LocalSecondaryIndexes = [{ IndexName: 'test_lsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsi_sk', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' } }];
  }
  const r = await rawCall(endpoint, 'CreateTable', body);
  if (r.status !== 200) throw new Error(`moto table: ${JSON.stringify(r.body)}`);
  return TableName;
}

/** One call that must succeed; its body. */
export async function ok(t: ExecutionContext, endpoint: string, op: string, body: unknown): Promise<Record<string, any>> {
  const r = await rawCall(endpoint, op, body);
  t.is(r.status, 200, `${op}: ${JSON.stringify(r.body)}`);
  return r.body as Record<string, any>;
}

/** Plain-string items (`{pk: 'x'}` → `{pk: {S: 'x'}}`; numbers as N): the boto3 resource's serialisation. */
export function item(plain: Record<string, string | number>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }]));
}

/** Puts each plain item in order. */
export async function putAll(t: ExecutionContext, endpoint: string, TableName: string, items: Array<Record<string, string | number>>): Promise<void> {
  for (const i of items) await ok(t, endpoint, 'PutItem', { TableName, Item: item(i) });
}

/** The string (or number, as text) value of one attribute of each item. */
export const column = (items: Array<Record<string, any>>, name: string): string[] => items.map((i) => i[name]?.S ?? i[name]?.N);
