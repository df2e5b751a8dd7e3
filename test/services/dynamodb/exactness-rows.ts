/**
 * The harness behind the validation-exactness tests: each row is one request and the `__type` and
 * message DynamoDB answers it with, as a source that ran against real AWS recorded it. Rows run
 * through raw JSON 1.0 calls (helpers.ts) so the wire `__type` is checked too, not the SDK's
 * reading of it. registerRows starts one server per file with the fixture tables; a row's body
 * may name them.
 */
import type { ExecutionContext, TestFn } from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { rawCall, uniqueTable } from './helpers.js';

/** The fixture tables each exactness file can use (dynalite's testHashTable / testRangeTable shapes). */
export interface Fixtures {
  /** Hash key `a` (S). */
  hash: string;
  /** Hash key `a` (S), range key `b` (S), GSI `index4` on `c` (S). */
  range: string;
  /** Hash key `p` (N). */
  numeric: string;
  /** Hash key `pk` (B): paritysuite's hashBTableDef, for its empty-binary-key rows. */
  binary: string;
}

export const VALIDATION = 'com.amazon.coral.validate#ValidationException';
export const DDB = (name: string): string => `com.amazonaws.dynamodb.v20120810#${name}`;

export interface Row {
  /** Source: repository + path + test name (or doc URL). */
  source: string;
  op: string;
  body: (f: Fixtures) => unknown;
  /** Wire `__type`; ValidationException unless said. */
  type?: string;
  /** The exact message, or a pattern where the source only gives a pattern. */
  message: string | RegExp;
  /** Requests to run first (e.g. put an item a condition reads). */
  setup?: Array<{ op: string; body: (f: Fixtures) => unknown }>;
}

export async function makeFixtures(endpoint: string): Promise<Fixtures> {
  const f: Fixtures = { hash: uniqueTable('xh'), range: uniqueTable('xr'), numeric: uniqueTable('xn'), binary: uniqueTable('xb') };
  const create = async (body: unknown): Promise<void> => {
    const r = await rawCall(endpoint, 'CreateTable', body);
    if (r.status !== 200) throw new Error(`fixture: ${JSON.stringify(r.body)}`);
  };
  await create({ TableName: f.hash, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }] });
  await create({
    TableName: f.range, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S' }, { AttributeName: 'b', AttributeType: 'S' }, { AttributeName: 'c', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }, { AttributeName: 'b', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'index4', KeySchema: [{ AttributeName: 'c', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  });
  await create({ TableName: f.numeric, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'N' }], KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }] });
  await create({ TableName: f.binary, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'B' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
  return f;
}

/**
 * Starts one server for the file (with the fixture tables) and registers one ava test per row,
 * named after its operation and source, so a difference shows alone.
 */
export function registerRows(test: TestFn, rows: Row[]): void {
  let server: Boltstack | undefined;
  let made: Fixtures | undefined;
  test.before(async () => { server = await startBoltstack(); made = await makeFixtures(server.endpoint); });
  test.after.always(async () => { await server?.stop(); });
  const endpoint = (): string => server!.endpoint;
  const fixtures = (): Fixtures => made!;
  rows.forEach((row, i) => {
    test(`${String(i + 1).padStart(3, '0')} ${row.op}: ${row.source}`, async (t: ExecutionContext) => {
      for (const s of row.setup ?? []) {
        const r = await rawCall(endpoint(), s.op, s.body(fixtures()));
        t.is(r.status, 200, `setup ${s.op}: ${JSON.stringify(r.body)}`);
      }
      const r = await rawCall(endpoint(), row.op, row.body(fixtures()));
      t.is(r.body.__type, row.type ?? VALIDATION, String(r.body.message ?? r.body.Message));
      t.is(r.status, 400);
      const message = r.body.message ?? r.body.Message;
      if (typeof row.message === 'string') t.is(message, row.message);
      else t.regex(String(message), row.message);
    });
  });
}
