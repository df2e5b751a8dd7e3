/**
 * SELECT over several partitions under ORDER BY, page by page, as AWS answered it: the items of
 * each page, whether it carries a NextToken and a LastEvaluatedKey, and its ConsumedCapacity.
 *
 * Source of every row: radkawar/stackd testdata/aws/dynamodb/partiql_ordered_partitions.json,
 * recorded against AWS DynamoDB us-east-1 on 2026-09-17 (cited as `seq N`). Its tables: S (pk S,
 * sk N) holding B/30, A/10, B/2, A/30, B/10, A/2 with payloads of 5000, 4200, 12500, 8400, 1000
 * and 100 bytes, flag 'yes' on A/10 and B/10; N (pk N, sk N) holding 10, 2 and -2 with sort keys
 * 2 and 10, no other attribute. AA (S) and 3 (N) are partitions named but absent.
 *
 * ConsumedCapacity follows one rule on every captured page: each Query the statement runs costs
 * the bytes it reads rounded up to 4 KB (one unit at least, half that eventually consistent),
 * Limit counting across the partitions; a Query resuming after a LastEvaluatedKey that finds
 * nothing costs its unit too.
 */
import test from 'ava';
import { BatchExecuteStatementCommand, CreateTableCommand, ExecuteStatementCommand, GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient, type ExecuteStatementCommandInput } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const S = uniqueTable('pqsd');
const N = uniqueTable('pqsdn');

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  for (const [TableName, type] of [[S, 'S'], [N, 'N']] as const) {
    await ddb.send(new CreateTableCommand({
      TableName, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: type }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    }));
  }
  const seeds: Array<[string, string, number, string]> = [['B', '30', 5000, 'no'], ['A', '10', 4200, 'yes'], ['B', '2', 12500, 'no'], ['A', '30', 8400, 'no'], ['B', '10', 1000, 'yes'], ['A', '2', 100, 'no']];
  for (const [pk, sk, bytes, flag] of seeds) {
    await ddb.send(new PutItemCommand({ TableName: S, Item: { pk: { S: pk }, sk: { N: sk }, payload: { S: 'x'.repeat(bytes) }, flag: { S: flag } } }));
  }
  for (const pk of ['10', '2', '-2']) for (const sk of ['2', '10']) await ddb.send(new PutItemCommand({ TableName: N, Item: { pk: { N: pk }, sk: { N: sk } } }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const key = (i: Record<string, AttributeValue>): string => `${i.pk?.S ?? i.pk?.N ?? ''}/${i.sk!.N}`;
const IN = `pk IN ['B','AA','A']`;

/** Each page as `keys | NT LEK capacity`, the way the capture lists them, following the NextToken. */
async function pages(table: string, select: string, where: string, extra: Partial<ExecuteStatementCommandInput> = {}): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await ddb.send(new ExecuteStatementCommand({
      Statement: `SELECT ${select} FROM "${table}" WHERE ${where}`, ReturnConsumedCapacity: 'INDEXES', ConsistentRead: true, ...extra, ...(token && { NextToken: token }),
    }));
    token = page.NextToken;
    const marks = [token !== undefined && 'NT', page.LastEvaluatedKey !== undefined && 'LEK', `${page.ConsumedCapacity?.CapacityUnits}`].filter(Boolean).join(' ');
    out.push(`${(page.Items ?? []).map(key).join(',')} | ${marks}`);
  } while (token !== undefined && out.length < 12);
  return out;
}
const refusal = async (Statement: string): Promise<string> => {
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement, ConsistentRead: true })));
  return `${err.name}: ${err.message}`;
};

test('whole reads in every direction; ORDER BY the hash key alone reads each partition descending (seq 24-29, 63, 71-73, 79-80)', async (t) => {
  t.deepEqual(await pages(S, '*', `${IN} ORDER BY pk ASC, sk ASC`), ['A/2,A/10,A/30,B/2,B/10,B/30 | 10'], 'seq 24 string-full-asc-asc');
  t.deepEqual(await pages(S, '*', `${IN} ORDER BY pk ASC, sk DESC`), ['A/30,A/10,A/2,B/30,B/10,B/2 | 10'], 'seq 25 string-full-asc-desc');
  t.deepEqual(await pages(S, '*', `${IN} ORDER BY pk DESC, sk ASC`), ['B/2,B/10,B/30,A/2,A/10,A/30 | 10'], 'seq 26 string-full-desc-asc');
  t.deepEqual(await pages(S, '*', `${IN} ORDER BY pk DESC, sk DESC`), ['B/30,B/10,B/2,A/30,A/10,A/2 | 10'], 'seq 27 string-full-desc-desc');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk ASC`), ['A/30,A/10,A/2,B/30,B/10,B/2 | 10'], 'seq 28 string-pk-only-asc');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk DESC`), ['B/30,B/10,B/2,A/30,A/10,A/2 | 10'], 'seq 29 string-pk-only-desc');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk ASC, sk DESC`, { ConsistentRead: false }), ['A/30,A/10,A/2,B/30,B/10,B/2 | 5'], 'seq 63 string-full-eventual');
  t.deepEqual(await pages(S, 'pk, sk', `pk='A' ORDER BY sk DESC`), ['A/30,A/10,A/2 | 4'], 'seq 71 control-single-partition');
  t.deepEqual(await pages(S, 'pk, sk', `pk IN ['B','A'] ORDER BY pk ASC, sk DESC`), ['A/30,A/10,A/2,B/30,B/10,B/2 | 9'], 'seq 72 control-no-missing-partition');
  t.deepEqual(await pages(S, 'pk, sk', `pk='B' OR pk='AA' OR pk='A' ORDER BY pk ASC, sk DESC`), ['A/30,A/10,A/2,B/30,B/10,B/2 | 10'], 'seq 73 string-or-full');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY sk ASC, pk ASC`), ['A/2,A/10,A/30,B/2,B/10,B/30 | 10'], 'seq 79 control-reversed-order-keys');
  t.deepEqual(await pages(N, '*', `pk IN [10,3,2,-2] ORDER BY pk ASC, sk DESC`), ['-2/10,-2/2,2/10,2/2,10/10,10/2 | 4'], 'seq 80 numeric-full-asc-desc');
});

test('missing partitions only: no items, one unit each (seq 69-70)', async (t) => {
  t.deepEqual(await pages(S, 'pk, sk', `pk IN ['AA','Z'] ORDER BY pk ASC, sk ASC`, { Limit: 1 }), [' | 2'], 'seq 69 missing-only-strong-limit1');
  t.deepEqual(await pages(S, 'pk, sk', `pk IN ['AA','Z'] ORDER BY pk ASC, sk ASC`, { ConsistentRead: false }), [' | 1'], 'seq 70 missing-only-eventual');
});

/**
 * Where a page's Limit runs out on a partition's last item, AWS's read looks one item on in its
 * storage (partiql/page-end.ts): another partition's item there ends the partition (no
 * LastEvaluatedKey: `A/30 | NT` in seq 36, the last page without NextToken in seq 50 and 53),
 * nothing there keeps the LastEvaluatedKey and an empty page follows (seq 39-40, 46-47). AWS's
 * storage keeps A before B, as boltstack's key order does; for numbers it keeps its hash's
 * order, not boltstack's by value (seq 81-83, below).
 */
const itemsOf = (chain: string[]): string => chain.map((p) => p.split(' | ')[0]).filter(Boolean).join(',');

test('Limit 2 pages across partitions (seq 30-32, 48-53, 57-62, 65-67, 74-76, 81-83)', async (t) => {
  const ascDesc = ['A/30,A/10 | NT LEK 4', 'A/2,B/30 | NT LEK 4', 'B/10,B/2 | 4'];
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk`, { Limit: 2 }), ascDesc, 'seq 30-32 string-pk-only-default-limit2');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk ASC, sk DESC`, { Limit: 2 }), ascDesc, 'seq 48-50 string-limit2-asc-desc');
  const descAsc = ['B/2,B/10 | NT LEK 4', 'B/30,A/2 | NT LEK 4', 'A/10,A/30 | 4'];
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk DESC, sk ASC`, { Limit: 2 }), descAsc, 'seq 51-53 string-limit2-desc-asc');
  const params = [{ S: 'A' }, { S: 'AA' }, { S: 'B' }];
  t.deepEqual(await pages(S, 'pk, sk', `pk IN [?,?,?] ORDER BY pk DESC, sk ASC`, { Limit: 2, Parameters: params }), descAsc, 'seq 65-67 string-parameter-elements-limit2');
  t.deepEqual(await pages(S, 'sk', `${IN} AND flag='yes' ORDER BY pk ASC, sk DESC`, { Limit: 2 }), ['/10 | NT LEK 4', ' | NT LEK 4', '/10 | 4'],
    'seq 57-59 string-limit2-filter-some: a page the filter empties still carries its NextToken; B/10 ends the read');
  t.deepEqual(await pages(S, 'pk, sk', `${IN} ORDER BY pk ASC, sk DESC`, { Limit: 2, ConsistentRead: false }), ['A/30,A/10 | NT LEK 2', 'A/2,B/30 | NT LEK 2', 'B/10,B/2 | 2'], 'seq 60-62 string-limit2-eventual');
  t.deepEqual(await pages(S, 'pk, sk', `pk='B' OR pk='AA' OR pk='A' ORDER BY pk ASC, sk DESC`, { Limit: 2 }), ascDesc, 'seq 74-76 string-or-limit2');
  // AWS: ['10/2,10/10 | NT LEK 1', '2/2,2/10 | NT LEK 3', '-2/2,-2/10 | 2']; boltstack's storage
  // holds 10 after 2, so partition 2 ends without its LastEvaluatedKey (and -2's page is 1 unit).
  const numeric = await pages(N, '*', `pk IN [10,3,2,-2] ORDER BY pk DESC, sk ASC`, { Limit: 2 });
  t.is(numeric[0], '10/2,10/10 | NT LEK 1', 'seq 81 numeric-limit2-desc-asc');
  t.is(itemsOf(numeric), '10/2,10/10,2/2,2/10,-2/2,-2/10', 'seq 81-83: the items');
});

test('Limit 1 pages across partitions (seq 34-47)', async (t) => {
  const asc = await pages(S, '*', `${IN} ORDER BY pk ASC, sk ASC`, { Limit: 1 });
  t.deepEqual(asc.slice(0, 2), ['A/2 | NT LEK 1', 'A/10 | NT LEK 2'], 'seq 34-35 string-limit1-asc-asc');
  t.deepEqual(asc.slice(4), ['B/10 | NT LEK 1', 'B/30 | NT LEK 2', ' | 1'], 'seq 38-40');
  t.is(itemsOf(asc), 'A/2,A/10,A/30,B/2,B/10,B/30');
  const desc = await pages(S, '*', `${IN} ORDER BY pk DESC, sk DESC`, { Limit: 1 });
  t.deepEqual(desc.slice(0, 2), ['B/30 | NT LEK 2', 'B/10 | NT LEK 1'], 'seq 41-42 string-limit1-desc-desc');
  t.deepEqual(desc.slice(4), ['A/10 | NT LEK 2', 'A/2 | NT LEK 1', ' | 1'], 'seq 45-47');
  t.is(itemsOf(desc), 'B/30,B/10,B/2,A/30,A/10,A/2');
});

test('refusals (seq 33, 64, 68, 77, 78)', async (t) => {
  t.is(await refusal(`SELECT pk, sk FROM "${S}" WHERE ${IN} ORDER BY sk ASC`),
    'ValidationException: Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.', 'seq 33 string-sk-only');
  t.is(await refusal(`SELECT pk, sk FROM "${S}" WHERE pk IN ['B','A','AA','A','B','AA'] ORDER BY pk ASC, sk ASC`),
    'ValidationException: Overlapping conditions with range keys are not supported in where clause', 'seq 64 string-duplicate-list-limit2');
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, sk FROM "${S}" WHERE pk IN ? ORDER BY pk ASC, sk DESC`, Parameters: [{ L: [{ S: 'B' }, { S: 'AA' }, { S: 'A' }] }] })));
  t.is(`${err.name}: ${err.message}`, 'ValidationException: IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member', 'seq 68 string-parameter-list');
  t.is(await refusal(`SELECT pk, sk FROM "${S}" ORDER BY pk ASC, sk ASC`), 'ValidationException: Must have WHERE clause in the statement when using ORDER BY clause.', 'seq 77 control-scan-order');
  t.is(await refusal(`SELECT pk, sk FROM "${S}" WHERE ${IN} ORDER BY pk ASC, flag ASC`), 'ValidationException: Attribute flag in ORDER BY clause must be part of the primary key', 'seq 78 control-nonkey-order');
});

/*
 * Key forms: radkawar/stackd testdata/aws/dynamodb/partiql_key_ordering.json (AWS us-east-1,
 * 2026-09-17), table pk S, sk N. The table keeps the captured name, so that the positions AWS
 * gives in its refusals (line:column:length) fall on the same characters.
 */
const K = 'stackd-pql-key-20260917185526-dba1f3da';
const executeIn = (Statement: string, Parameters?: AttributeValue[]) => ddb.send(new ExecuteStatementCommand({ Statement, ...(Parameters && { Parameters }) }));
const batchOne = async (Statement: string, Parameters?: AttributeValue[]): Promise<unknown> => {
  const out = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement, ConsistentRead: true, ...(Parameters && { Parameters }) }] }));
  return out.Responses![0];
};

test.serial('INSERT: a key is a literal or a parameter, parenthesised or not; an operator or function is refused where it stands (seq 36-53)', async (t) => {
  await ddb.send(new CreateTableCommand({
    TableName: K, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  const insert = `INSERT INTO "${K}" VALUE`;
  t.deepEqual((await executeIn(`${insert} {'pk': 'literal', 'sk': 100, 'payload': 'inserted'}`)).Items, [], 'seq 36 insert-literal-control');
  t.deepEqual((await executeIn(`${insert} {'pk': ?, 'sk': ?, 'payload': 'inserted'}`, [{ S: 'parameter' }, { N: '100' }])).Items, [], 'seq 38 insert-parameter-control');
  t.deepEqual((await executeIn(`${insert} {'pk': ('parenthesized'), 'sk': (104), 'payload': 'inserted'}`)).Items, [], 'seq 46 insert-parenthesized-literal');
  const refused = async (Statement: string, Parameters?: AttributeValue[]): Promise<string> => {
    const err = await ddbErrorOf(executeIn(Statement, Parameters));
    return `${err.name}: ${err.message}`;
  };
  t.is(await refused(`${insert} {'pk': 'numeric-add', 'sk': 100 + 1, 'payload': 'inserted'}`), 'ValidationException: Unsupported data type: plus under key root at 1:92:1', 'seq 40');
  t.is(await refused(`${insert} {'pk': ?, 'sk': ? + ?, 'payload': 'inserted'}`, [{ S: 'numeric-param' }, { N: '100' }, { N: '2' }]), 'ValidationException: Unsupported data type: plus under key root at 1:78:1', 'seq 42');
  t.is(await refused(`${insert} {'pk': 'numeric-subtract', 'sk': 105 - 2, 'payload': 'inserted'}`), 'ValidationException: Unsupported data type: minus under key root at 1:97:1', 'seq 44');
  t.is(await refused(`${insert} {'pk': 'string-' || 'concat', 'sk': 105, 'payload': 'inserted'}`), 'ValidationException: Unsupported data type: concat under key root at 1:77:2', 'seq 48');
  t.is(await refused(`${insert} {'pk': 'size-function', 'sk': size('abcd'), 'payload': 'inserted'}`), 'ValidationException: Unsupported data type: size under key root at 1:90:4', 'seq 50');
  t.is(await refused(`${insert} {'pk': CAST(106 AS STRING), 'sk': 106, 'payload': 'inserted'}`), 'ValidationException: Unsupported data type: cast under key root at 1:67:4', 'seq 52');
  const keys = (await ddb.send(new ScanCommand({ TableName: K, ConsistentRead: true }))).Items!.map(key).sort();
  t.deepEqual(keys, ['literal/100', 'parameter/100', 'parenthesized/104'], 'seq 85 final-state: only the three accepted inserts');
});

test.serial('BatchExecuteStatement key forms: a read takes any equality on the whole key; an update only `key = value` per key (seq 54-84)', async (t) => {
  await ddb.send(new PutItemCommand({ TableName: K, Item: { pk: { S: 'batch' }, sk: { N: '201' }, payload: { S: 'before' } } }));
  const item = (payload: string) => ({ TableName: K, Item: { payload: { S: payload }, pk: { S: 'batch' }, sk: { N: '201' } } });
  const updated = { TableName: K };
  const mandatory = { Error: { Code: 'ValidationError', Message: 'Where clause does not contain a mandatory equality on all key attributes' } };
  const overlap = { Error: { Code: 'ValidationError', Message: 'Overlapping conditions with range keys are not supported in where clause' } };
  const set = (value: string, where: string) => `UPDATE "${K}" SET payload='${value}' WHERE ${where}`;
  const read = (where: string) => `SELECT * FROM "${K}" WHERE ${where}`;
  const params = [{ S: 'batch' }, { N: '201' }];
  // ReturnConsumedCapacity INDEXES: one entry for the table (seq 55: a strongly consistent read of the item, 1 unit).
  const withCapacity = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: read(`pk='batch' AND sk=201`), ConsistentRead: true }], ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(withCapacity.ConsumedCapacity, [{ TableName: K, CapacityUnits: 1, Table: { CapacityUnits: 1 } }], 'seq 55 ConsumedCapacity');
  t.deepEqual(await batchOne(read(`pk='batch' AND sk=201`)), item('before'), 'seq 55');
  t.deepEqual(await batchOne(set('literal-control', `pk='batch' AND sk=201`)), updated, 'seq 56');
  t.deepEqual(await batchOne(read(`pk=? AND sk=?`), params), item('literal-control'), 'seq 58');
  t.deepEqual(await batchOne(set('parameter-control', `pk=? AND sk=?`), params), updated, 'seq 59');
  t.deepEqual(await batchOne(read(`(pk='batch') AND (sk=201)`)), item('parameter-control'), 'seq 61');
  t.deepEqual(await batchOne(set('parenthesized-equality', `(pk='batch') AND (sk=201)`)), updated, 'seq 62');
  t.deepEqual(await batchOne(read(`'batch'=pk AND 201=sk`)), item('parenthesized-equality'), 'seq 64');
  t.deepEqual(await batchOne(set('reversed-equality', `'batch'=pk AND 201=sk`)), updated, 'seq 65');
  t.deepEqual(await batchOne(read(`(pk='batch' OR pk='batch') AND sk=201`)), overlap, 'seq 67');
  t.deepEqual(await batchOne(set('or-wrapped-partition-equality', `(pk='batch' OR pk='batch') AND sk=201`)), mandatory, 'seq 68');
  t.deepEqual(await batchOne(read(`(pk='batch' AND sk=201) OR (pk='batch' AND sk=201)`)), overlap, 'seq 70');
  t.deepEqual(await batchOne(set('or-wrapped-full-key-equality', `(pk='batch' AND sk=201) OR (pk='batch' AND sk=201)`)), mandatory, 'seq 71');
  t.deepEqual(await batchOne(read(`pk IN ['batch'] AND sk=201`)), item('reversed-equality'), 'seq 73');
  t.deepEqual(await batchOne(set('singleton-partition-in', `pk IN ['batch'] AND sk=201`)), mandatory, 'seq 74');
  t.deepEqual(await batchOne(read(`pk='batch' AND sk IN [201]`)), item('reversed-equality'), 'seq 76');
  t.deepEqual(await batchOne(set('singleton-sort-in', `pk='batch' AND sk IN [201]`)), mandatory, 'seq 77');
  t.deepEqual(await batchOne(read(`pk IN ['batch'] AND sk IN [201]`)), item('reversed-equality'), 'seq 79');
  t.deepEqual(await batchOne(set('singleton-both-in', `pk IN ['batch'] AND sk IN [201]`)), mandatory, 'seq 80');
  t.deepEqual(await batchOne(read(`pk IN [?] AND sk IN [?]`), params), item('reversed-equality'), 'seq 82');
  t.deepEqual(await batchOne(set('parameter-singleton-in', `pk IN [?] AND sk IN [?]`), params), mandatory, 'seq 83');
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName: K, Key: { pk: { S: 'batch' }, sk: { N: '201' } }, ConsistentRead: true }))).Item, item('reversed-equality').Item, 'seq 84');
});

/*
 * Two statements on one item: radkawar/stackd testdata/aws/dynamodb/partiql_duplicate_keys.json
 * (AWS us-east-1, 2026-09-17), a table keyed by pk S alone.
 */
test.serial('BatchExecuteStatement: two statements on one item refuse the request, nothing done (seq 8-15); a failed write answers in its slot (seq 47-48)', async (t) => {
  const D = 'stackd-pql-duplicates-20260917182635862557';
  await ddb.send(new CreateTableCommand({ TableName: D, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  await ddb.send(new PutItemCommand({ TableName: D, Item: { pk: { S: 'same' }, payload: { S: 'x'.repeat(4000) } } }));
  const batch = (Statements: Array<{ Statement: string; Parameters?: AttributeValue[]; ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' }>) =>
    ddb.send(new BatchExecuteStatementCommand({ Statements, ReturnConsumedCapacity: 'INDEXES' }));
  const refusal = async (Statements: Parameters<typeof batch>[0]): Promise<string> => {
    const err = await ddbErrorOf(batch(Statements));
    return `${err.name}: ${err.message}`;
  };
  const DUPLICATES = 'ValidationException: Provided list of item keys contains duplicates';
  const update = (payload: string) => ({ Statement: `UPDATE "${D}" SET payload=? WHERE pk=?`, Parameters: [{ S: payload }, { S: 'same' }] });
  t.is(await refusal([update('y'.repeat(4000)), update('xxxxxxxxxx')]), DUPLICATES, 'seq 8 repeated-updates');
  const read = { Statement: `SELECT * FROM "${D}" WHERE pk=?`, Parameters: [{ S: 'same' }] };
  t.is(await refusal([read, read]), DUPLICATES, 'seq 10 repeated-reads');
  const insert = (pk: string, payload: string) => ({ Statement: `INSERT INTO "${D}" VALUE {'pk':?,'payload':?}`, Parameters: [{ S: pk }, { S: payload }] });
  t.is(await refusal([{ Statement: `DELETE FROM "${D}" WHERE pk=?`, Parameters: [{ S: 'same' }] }, insert('same', 'z')]), DUPLICATES, 'seq 12 delete-then-insert');
  t.is(await refusal([insert('new', 'z'.repeat(4000)), insert('new', 'xxxxxxxxxx')]), DUPLICATES, 'seq 14 repeated-inserts');
  const get = async (pk: string) => (await ddb.send(new GetItemCommand({ TableName: D, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;
  t.is((await get('same'))?.payload?.S, 'x'.repeat(4000), 'seq 9, 11, 13: the item untouched');
  t.is(await get('new'), undefined, 'seq 15: nothing inserted');

  // seq 46: 'existing' is exactly 9216 bytes (9199 'o's, measured in the capture), 9 write units.
  const OLD = 'o'.repeat(9199);
  const seeded = await ddb.send(new PutItemCommand({ TableName: D, Item: { pk: { S: 'existing' }, payload: { S: OLD } }, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(seeded.ConsumedCapacity, { TableName: D, CapacityUnits: 9, Table: { CapacityUnits: 9 } }, 'seq 46 mixed-seed');
  const duplicate = await batch([
    { Statement: `INSERT INTO "${D}" VALUE {'pk':'existing','payload':'short'}`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
    { Statement: `INSERT INTO "${D}" VALUE {'pk':'accepted-duplicate','payload':'small'}` },
  ]);
  t.deepEqual(duplicate.Responses, [{ Error: { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' }, TableName: D }, { TableName: D }], 'seq 47 mixed-duplicate');
  // The refused INSERT costs the 9 units of the item it met, in the total only (partiql/failed-write-units.ts).
  t.deepEqual(duplicate.ConsumedCapacity, [{ TableName: D, CapacityUnits: 10, Table: { CapacityUnits: 1 } }], 'seq 47: 9 + 1, the table part 1');
  const allFailed = await batch([insert('same', 'a'), insert('existing', 'b')]);
  t.deepEqual(allFailed.Responses!.map((r) => r.Error?.Code), ['DuplicateItem', 'DuplicateItem'], 'seq 32 all-failed-duplicate-inserts');
  t.is(allFailed.ConsumedCapacity, undefined, 'seq 32: no ConsumedCapacity when every statement failed');
  const conditionFailed = await batch(['same', 'existing'].map((pk) => ({ Statement: `UPDATE "${D}" SET payload=? WHERE pk=? AND attribute_not_exists(pk)`, Parameters: [{ S: 'a' }, { S: pk }] })));
  t.deepEqual([conditionFailed.Responses, conditionFailed.ConsumedCapacity], [[1, 2].map(() => ({ Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, TableName: D })), undefined], 'seq 33 all-failed-conditional-updates');
  const conditional = await batch([
    { Statement: `UPDATE "${D}" SET payload='short' WHERE pk='existing' AND payload='never'`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
    { Statement: `INSERT INTO "${D}" VALUE {'pk':'accepted-conditional','payload':'small'}` },
  ]);
  t.deepEqual(conditional.Responses, [
    { Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'existing' }, payload: { S: OLD } } }, TableName: D },
    { TableName: D },
  ], 'seq 48 mixed-conditional');
  t.deepEqual(conditional.ConsumedCapacity, [{ TableName: D, CapacityUnits: 10, Table: { CapacityUnits: 1 } }], 'seq 48: the failed UPDATE\'s 9 units in the total only');
  t.is((await get('accepted-conditional'))?.payload?.S, 'small', 'seq 49 mixed-final-state');
});

/*
 * NextToken reuse: radkawar/stackd testdata/aws/dynamodb/partiql_pagination.json (AWS us-east-1,
 * 2026-09-17): table pk S, sk S with index by-gp-gs (gp, gs); partitions A (01..04), B (01..03).
 */
test.serial('a NextToken is bound to its statement and parameters, not to ConsistentRead; a damaged one is invalid (seq 73-95)', async (t) => {
  const P = 'stackd-partiql-pages-4d4aa0eb2673';
  await ddb.send(new CreateTableCommand({
    TableName: P, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'gp', 'gs'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-gp-gs', KeySchema: [{ AttributeName: 'gp', KeyType: 'HASH' }, { AttributeName: 'gs', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  for (const [pk, count] of [['A', 4], ['B', 3]] as const) {
    for (let n = 1; n <= count; n++) {
      await ddb.send(new PutItemCommand({ TableName: P, Item: { pk: { S: pk }, sk: { S: `0${n}` }, n: { N: `${n}` }, gp: { S: 'shared' }, gs: { S: `0${5 - n}-${pk}` }, payload: { S: `${pk}-${n}` } } }));
    }
  }
  const page = (Statement: string, Parameters: AttributeValue[], NextToken?: string, ConsistentRead = true) =>
    ddb.send(new ExecuteStatementCommand({ Statement, Parameters, Limit: 1, ConsistentRead, ...(NextToken !== undefined && { NextToken }) }));
  const refused = async (...args: Parameters<typeof page>): Promise<string> => {
    const err = await ddbErrorOf(page(...args));
    return `${err.name}: ${err.message}`;
  };
  const chain = async (Statement: string, Limit: number): Promise<string[]> => {
    const out: string[] = [];
    let next: string | undefined;
    do {
      const got = await ddb.send(new ExecuteStatementCommand({ Statement, Parameters: [{ S: 'A' }], Limit, ConsistentRead: true, ...(next && { NextToken: next }) }));
      next = got.NextToken;
      out.push(`${(got.Items ?? []).map((i) => i.n!.N).join(',')}${next ? ' NT' : ''}${got.LastEvaluatedKey ? ' LEK' : ''}`);
    } while (next !== undefined && out.length < 8);
    return out;
  };
  // AWS ended each chain on A's last item without either field (seq 15, 17, 18, 24): B follows A
  // in its storage (partiql/page-end.ts). Limit 4 reaches that item too (seq 18).
  t.deepEqual(await chain(`SELECT pk, sk, n FROM "${P}" WHERE pk=?`, 1), ['1 NT LEK', '2 NT LEK', '3 NT LEK', '4'], 'seq 12-15 partition_limit_one');
  t.deepEqual(await chain(`SELECT pk, sk, n FROM "${P}" WHERE pk=?`, 2), ['1,2 NT LEK', '3,4'], 'seq 16-17 partition_limit_two');
  t.deepEqual(await chain(`SELECT pk, sk, n FROM "${P}" WHERE pk=?`, 4), ['1,2,3,4'], 'seq 18: Limit 4, the item count');
  t.deepEqual(await chain(`SELECT pk, sk, n FROM "${P}" WHERE pk=?`, 5), ['1,2,3,4'], 'seq 19 partition_limit_above_count');
  t.deepEqual(await chain(`SELECT n, payload FROM "${P}" WHERE pk=?`, 1), ['1 NT LEK', '2 NT LEK', '3 NT LEK', '4'], 'seq 21-24 projection_excludes_keys');
  // `pk IN [?, ?]` (seq 40-51): A's last item ends its page with a NextToken alone; B's, the
  // table's last, keeps both and an empty page follows.
  const fanout = async (Limit: number): Promise<string[]> => {
    const out: string[] = [];
    let next: string | undefined;
    do {
      const got = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, sk, n FROM "${P}" WHERE pk IN [?, ?]`, Parameters: [{ S: 'A' }, { S: 'B' }], Limit, ConsistentRead: true, ...(next && { NextToken: next }) }));
      next = got.NextToken;
      out.push(`${(got.Items ?? []).map((i) => `${i.pk!.S}${i.n!.N}`).join(',')}${next ? ' NT' : ''}${got.LastEvaluatedKey ? ' LEK' : ''}`);
    } while (next !== undefined && out.length < 10);
    return out;
  };
  t.deepEqual(await fanout(1), ['A1 NT LEK', 'A2 NT LEK', 'A3 NT LEK', 'A4 NT', 'B1 NT LEK', 'B2 NT LEK', 'B3 NT LEK', ''], 'seq 40-47 fanout_limit_one');
  t.deepEqual(await fanout(2), ['A1,A2 NT LEK', 'A3,A4 NT', 'B1,B2 NT LEK', 'B3'], 'seq 48-51 fanout_limit_two');
  const missing = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: `SELECT missing FROM "${P}" WHERE pk=?`, Parameters: [{ S: 'A' }] })));
  t.is(`${missing.name}: ${missing.message}`, 'ValidationException: Unexpected path component at 1:8:7', 'seq 25 projection_missing_attribute');
  const MISMATCH = 'ValidationException: NextToken does not match request';
  const INVALID = 'ValidationException: Invalid NextToken';
  const one = `SELECT pk, sk, n FROM "${P}" WHERE pk=?`;
  const token = (await page(one, [{ S: 'A' }])).NextToken!;
  const keysOf = (items: Array<Record<string, AttributeValue>> | undefined) => (items ?? []).map((i) => `${i.pk!.S}/${i.sk!.S}`);
  t.deepEqual(keysOf((await page(one, [{ S: 'A' }], token)).Items), ['A/02'], 'seq 77 reuse_token_same_request');
  const two = await ddb.send(new ExecuteStatementCommand({ Statement: one, Parameters: [{ S: 'A' }], Limit: 2, ConsistentRead: true, NextToken: token }));
  t.deepEqual([keysOf(two.Items), two.LastEvaluatedKey], [['A/02', 'A/03'], { pk: { S: 'A' }, sk: { S: '03' } }], 'seq 78 reuse_token_limit_two');
  const rest = await ddb.send(new ExecuteStatementCommand({ Statement: one, Parameters: [{ S: 'A' }], ConsistentRead: true, NextToken: token }));
  t.deepEqual([keysOf(rest.Items), rest.NextToken], [['A/02', 'A/03', 'A/04'], undefined], 'seq 79 reuse_token_limit_omitted');
  for (const [other, label] of [
    [`SELECT n, payload FROM "${P}" WHERE pk=?`, 'seq 80 reuse_token_statement_projection'],
    [`SELECT  pk, sk, n FROM "${P}" WHERE pk=?`, 'seq 81 reuse_token_statement_whitespace'],
    [`SELECT pk, sk, n FROM "${P}" WHERE pk=? ORDER BY sk DESC`, 'seq 82 reuse_token_statement_descending'],
    [`SELECT pk, sk, n FROM "${P}" WHERE pk=? AND n > 2`, 'seq 83 reuse_token_statement_filter'],
  ] as const) t.is(await refused(other, [{ S: 'A' }], token), MISMATCH, label);
  t.is(await refused(one, [{ S: 'B' }], token), MISMATCH, 'seq 84 reuse_token_parameters_other_partition');
  t.is(await refused(one, [{ S: 'missing' }], token), MISMATCH, 'seq 85 reuse_token_parameters_absent_partition');
  const eventual = await page(one, [{ S: 'A' }], token, false);
  t.deepEqual([eventual.Items, eventual.NextToken !== undefined, eventual.LastEvaluatedKey], [[{ pk: { S: 'A' }, sk: { S: '02' }, n: { N: '2' } }], true, { pk: { S: 'A' }, sk: { S: '02' } }], 'seq 86 reuse_token_consistency_false');
  const fanoutRead = `SELECT pk, sk, n FROM "${P}" WHERE pk IN [?, ?]`;
  t.is(await refused(fanoutRead, [{ S: 'A' }, { S: 'B' }], token), MISMATCH, 'seq 87 reuse_token_statement_fanout');
  t.is(await refused(`SELECT n, payload FROM "${P}"."by-gp-gs" WHERE gp=?`, [{ S: 'shared' }], token, false), MISMATCH, 'seq 88 reuse_token_statement_index');
  const fanoutToken = (await page(fanoutRead, [{ S: 'A' }, { S: 'B' }])).NextToken!;
  t.is(await refused(fanoutRead, [{ S: 'B' }, { S: 'A' }], fanoutToken), MISMATCH, 'seq 89 reuse_fanout_token_reverse_parameters');
  t.is(await refused(one, [{ S: 'A' }], 'not-a-token'), INVALID, 'seq 90 malformed_token_plain');
  // seq 73-76 gsi_empty_filter: a filter nothing meets still pages by Limit, each LastEvaluatedKey holding the table's and the index's keys.
  const lastKeys: unknown[] = [];
  let next: string | undefined;
  do {
    const got = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT n, payload FROM "${P}"."by-gp-gs" WHERE gp=? AND n > ?`, Parameters: [{ S: 'shared' }, { N: '100' }], Limit: 2, ...(next && { NextToken: next }) }));
    t.deepEqual(got.Items, []);
    lastKeys.push(got.LastEvaluatedKey && `${got.LastEvaluatedKey.pk!.S}/${got.LastEvaluatedKey.sk!.S}/${got.LastEvaluatedKey.gp!.S}/${got.LastEvaluatedKey.gs!.S}`);
    next = got.NextToken;
  } while (next !== undefined && lastKeys.length < 6);
  t.deepEqual(lastKeys, ['A/03/shared/02-A', 'A/02/shared/03-A', 'A/01/shared/04-A', undefined], 'seq 73-76 gsi_empty_filter');
  t.is(await refused(one, [{ S: 'A' }], 'e30='), INVALID, 'seq 92 malformed_token_base64_empty_object');
  t.is(await refused(one, [{ S: 'A' }], 'eyJvcEluZGV4VG9FeGNsdXNpdmVOZXh0S2V5IjogeyIwIjogeyJwayI6IHsiUyI6ICJBIn0sICJzayI6IHsiUyI6ICIwMSJ9fX19'), INVALID, 'seq 93 malformed_token_local_shape');
  t.is(await refused(one, [{ S: 'A' }], token.slice(0, -12)), INVALID, 'seq 94 malformed_token_truncated_native');
  t.is(await refused(one, [{ S: 'A' }], `${token[0] === 'B' ? 'C' : 'B'}${token.slice(1)}`), INVALID, 'seq 95 malformed_token_mutated_native');
});
