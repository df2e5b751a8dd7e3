/**
 * SELECT over several partitions ordered by the hash key: `WHERE pk IN [...] ORDER BY pk`.
 * DynamoDB serves it as one Query per partition, partition by partition in hash-key order;
 * boltstack refused it with the wording AWS uses for a WHERE that names no partition.
 *
 * Sources, beside each row:
 * - FLOCI_ORDER: floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest.ordersByTheKey,
 *   every expectation captured from AWS (eu-west-2, 2026-09-17).
 * - FLOCI_EDGE: floci-io/floci DynamoDbPartiQLEdgeCaseIntegrationTest
 *   .refusesTooManyInOperandsAndTooManyDecomposedReads (AWS eu-west-2, 2026-09-17).
 * - GUIDE: the developer guide's PartiQL SELECT page (ql-reference.select.html): `ORDER BY key
 *   [DESC|ASC], ...`, `WHERE OrderID IN [1, 2, 3] ORDER BY OrderID DESC` and `OrderID = 1 OR
 *   OrderID = 2` read by key; ql-operators.html: IN takes at most 50 hash attribute values.
 */
import test from 'ava';
import {
  BatchExecuteStatementCommand, CreateTableCommand, ExecuteStatementCommand, ExecuteTransactionCommand, PutItemCommand, type DynamoDBClient, type ExecuteStatementCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const T = uniqueTable('pqob');
const N = uniqueTable('pqobn');

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  await ddb.send(new CreateTableCommand({
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  await ddb.send(new CreateTableCommand({
    TableName: N, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  // FLOCI_ORDER's items: partitions o and p, sort keys 1..3; `flag` marks the odd ones.
  for (const pk of ['o', 'p']) {
    for (const sk of ['1', '2', '3']) {
      await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: pk }, sk: { S: sk }, g: { S: `g${pk}` }, ...(sk !== '2' && { flag: { S: 'odd' } }) } }));
    }
  }
  for (const id of ['9', '10', '100', '-1']) await ddb.send(new PutItemCommand({ TableName: N, Item: { id: { N: id } } }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const run = (Statement: string, extra: Partial<ExecuteStatementCommandInput> = {}) => ddb.send(new ExecuteStatementCommand({ Statement, ...extra }));
const rows = async (where: string, extra: Partial<ExecuteStatementCommandInput> = {}): Promise<string[]> =>
  ((await run(`SELECT pk, sk FROM "${T}" WHERE ${where}`, extra)).Items ?? []).map((i) => `${i.pk!.S}/${i.sk!.S}`);
const refusal = async (Statement: string): Promise<string> => {
  const err = await ddbErrorOf(run(Statement));
  return `${err.name}: ${err.message}`;
};
const inValues = (count: number): string => Array.from({ length: count }, (_, i) => `'v${i}'`).join(',');

test('IN on the hash key ordered by it: partition by partition, sort key descending unless named (FLOCI_ORDER)', async (t) => {
  t.deepEqual(await rows(`pk IN ['o', 'p'] ORDER BY pk DESC, sk ASC`), ['p/1', 'p/2', 'p/3', 'o/1', 'o/2', 'o/3'], 'FLOCI_ORDER');
  // Without its own term the sort key runs descending (FLOCI_ORDER: `pk = 'o' ORDER BY pk ASC`
  // answers o/3, o/2, o/1; the ORDER BY pk DESC pages below read p/3, p/2, p/1, o/3).
  t.deepEqual(await rows(`pk IN ['o', 'p'] ORDER BY pk DESC`), ['p/3', 'p/2', 'p/1', 'o/3', 'o/2', 'o/1']);
  t.deepEqual(await rows(`pk IN ['p', 'o'] ORDER BY pk`), ['o/3', 'o/2', 'o/1', 'p/3', 'p/2', 'p/1']);
  t.deepEqual(await rows(`pk IN ['p', 'o'] ORDER BY pk ASC, sk DESC`), ['o/3', 'o/2', 'o/1', 'p/3', 'p/2', 'p/1']);
  // GUIDE lists ORDER BY terms as `key [DESC|ASC], ...`; the partitions lead whatever the terms' order
  // (not captured: the reads are per partition, so the hash key is the outer order).
  t.deepEqual(await rows(`pk IN ['o', 'p'] ORDER BY sk ASC, pk DESC`), ['p/1', 'p/2', 'p/3', 'o/1', 'o/2', 'o/3']);
});

test('the single-partition ORDER BY pk reads the sort key descending (FLOCI_ORDER)', async (t) => {
  t.deepEqual(await rows(`pk = 'o' ORDER BY pk ASC`), ['o/3', 'o/2', 'o/1']);
  t.deepEqual(await rows(`pk = 'o' ORDER BY sk`), ['o/1', 'o/2', 'o/3']);
  t.deepEqual(await rows(`pk = 'o' ORDER BY sk DESC`), ['o/3', 'o/2', 'o/1']);
  t.deepEqual(await rows(`pk IN ['o'] ORDER BY sk`), ['o/1', 'o/2', 'o/3'], 'one partition named by IN needs no hash-key term');
});

test('Limit and NextToken page across the partitions (FLOCI_ORDER)', async (t) => {
  const statement = `SELECT pk, sk FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY pk DESC`;
  const first = await run(statement, { Limit: 2 });
  t.deepEqual(first.Items!.map((i) => i.sk!.S), ['3', '2']);
  t.truthy(first.NextToken);
  const second = await run(statement, { Limit: 2, NextToken: first.NextToken! });
  t.deepEqual(second.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`), ['p/1', 'o/3']);
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = await run(statement, { Limit: 4, ...(token && { NextToken: token }) });
    pages.push(page.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`));
    token = page.NextToken;
  } while (token !== undefined && pages.length < 5);
  t.deepEqual(pages.flat(), ['p/3', 'p/2', 'p/1', 'o/3', 'o/2', 'o/1'], 'every item once, in order');
  const err = await ddbErrorOf(run(`SELECT pk, sk FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY pk`, { NextToken: first.NextToken! }));
  t.is(err.message, 'NextToken does not match request', 'a token belongs to its statement');
});

test('OR of hash-key equalities counts like IN (GUIDE)', async (t) => {
  t.deepEqual(await rows(`pk = 'p' OR pk = 'o' ORDER BY pk`), ['o/3', 'o/2', 'o/1', 'p/3', 'p/2', 'p/1']);
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk = 'o' OR pk = 'p' ORDER BY sk`),
    'ValidationException: Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.');
});

test('a filter and a sort-key condition apply in every partition', async (t) => {
  t.deepEqual(await rows(`pk IN ['o', 'p'] AND flag = 'odd' ORDER BY pk DESC, sk`), ['p/1', 'p/3', 'o/1', 'o/3']);
  t.deepEqual(await rows(`pk IN ['o', 'p'] AND sk >= '2' ORDER BY pk, sk`), ['o/2', 'o/3', 'p/2', 'p/3']);
  t.deepEqual(await rows(`pk IN ['o', 'p'] AND sk BETWEEN '1' AND '2' AND flag = 'odd' ORDER BY pk`), ['o/1', 'p/1']);
  t.deepEqual(await rows(`pk IN ['o', 'absent', 'p'] ORDER BY pk, sk`), ['o/1', 'o/2', 'o/3', 'p/1', 'p/2', 'p/3'], 'an empty partition adds nothing');
  // A partition named twice is refused, as AWS answered `pk IN ['B','A','AA','A','B','AA'] ORDER BY
  // pk ASC, sk ASC` (radkawar/stackd testdata/aws/dynamodb/partiql_ordered_partitions.json seq 64,
  // AWS us-east-1, 2026-09-17).
  t.is(await refusal(`SELECT pk, sk FROM "${T}" WHERE pk IN ['o', 'p', 'o'] ORDER BY pk, sk`), 'ValidationException: Overlapping conditions with range keys are not supported in where clause', 'a partition named twice overlaps');
  const params = await run(`SELECT pk, sk FROM "${T}" WHERE pk IN [?, ?] ORDER BY pk DESC, sk DESC`, { Parameters: [{ S: 'o' }, { S: 'p' }] });
  t.deepEqual(params.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`), ['p/3', 'p/2', 'p/1', 'o/3', 'o/2', 'o/1']);
});

test('numbers order by value, and a projection applies', async (t) => {
  const asc = await run(`SELECT id FROM "${N}" WHERE id IN [100, 9, -1, 10, 7] ORDER BY id`);
  t.deepEqual(asc.Items!.map((i) => i.id!.N), ['-1', '9', '10', '100']);
  const desc = await run(`SELECT * FROM "${N}" WHERE id IN [100, 9, 10] ORDER BY id DESC`);
  t.deepEqual(desc.Items!.map((i) => i.id!.N), ['100', '10', '9']);
});

test('on an index, by the index hash key', async (t) => {
  const got = await run(`SELECT pk, sk FROM "${T}"."byG" WHERE g IN ['go', 'gp'] ORDER BY g DESC, sk`);
  t.deepEqual(got.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`), ['p/1', 'p/2', 'p/3', 'o/1', 'o/2', 'o/3']);
});

test('ReturnConsumedCapacity answers one total for the statement', async (t) => {
  const got = await run(`SELECT * FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY pk`, { ReturnConsumedCapacity: 'TOTAL' });
  t.is(got.ConsumedCapacity?.TableName, T);
  t.true((got.ConsumedCapacity?.CapacityUnits ?? 0) >= 1);
});

test('past 50 partitions: too many decomposed reads; past 100 values: too many operands (FLOCI_EDGE, GUIDE)', async (t) => {
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk IN [${inValues(51)}] ORDER BY pk`), 'ValidationException: Too many decomposed read operations for a given query.');
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk IN [${inValues(101)}] ORDER BY pk`), 'ValidationException: The IN operator is provided with too many operands; number of operands: 101');
  const fifty = await run(`SELECT sk FROM "${T}" WHERE pk IN [${inValues(48)}, 'o', 'p'] ORDER BY pk`);
  t.is(fifty.Items!.length, 6, '50 partitions are served');
});

test('the refusals AWS makes stay (FLOCI_ORDER refusesAnOrderByItCannotServe)', async (t) => {
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY sk DESC`),
    'ValidationException: Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.');
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY Total`), 'ValidationException: Attribute Total in ORDER BY clause must be part of the primary key');
  t.is(await refusal(`SELECT sk FROM "${T}" WHERE pk > 'a' ORDER BY sk`),
    'ValidationException: Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.');
});

test('a page holds 1 MB across the partitions, ending with the item that reaches it', async (t) => {
  // As one Query pages (read-page.ts): the item that brings the page to 1 MB is its last.
  const B = uniqueTable('pqobmb');
  await ddb.send(new CreateTableCommand({
    TableName: B, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  const big = 'x'.repeat(300 * 1024);
  for (const pk of ['a', 'b', 'c']) for (const sk of ['1', '2']) await ddb.send(new PutItemCommand({ TableName: B, Item: { pk: { S: pk }, sk: { S: sk }, big: { S: big } } }));
  const statement = `SELECT pk, sk FROM "${B}" WHERE pk IN ['c', 'b', 'a'] ORDER BY pk, sk`;
  const first = await run(statement);
  t.deepEqual(first.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`), ['a/1', 'a/2', 'b/1', 'b/2'], 'the fourth item reaches 1 MB');
  t.deepEqual(first.LastEvaluatedKey, { pk: { S: 'b' }, sk: { S: '2' } });
  const second = await run(statement, { NextToken: first.NextToken! });
  t.deepEqual(second.Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`), ['c/1', 'c/2']);
  t.is(second.NextToken, undefined);
});

test('without ORDER BY too: a SELECT decomposing into more than 50 reads is refused (FLOCI_EDGE)', async (t) => {
  const select = `SELECT sk FROM "${T}" WHERE `;
  const tooManyReads = 'ValidationException: Too many decomposed read operations for a given query.';
  for (const where of [`pk IN [${inValues(51)}]`, `pk = 'o' AND sk IN [${inValues(51)}]`, `pk IN [${inValues(26)}] AND sk IN ['1', '2']`]) {
    t.is(await refusal(select + where), tooManyReads, where);
  }
  for (const where of [`pk IN [${inValues(50)}] AND flag IN [${inValues(100)}]`, `pk IN [${inValues(51)}] OR flag = 'one'`]) {
    await t.notThrowsAsync(run(select + where), where);
  }
  const batch = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `${select}pk IN [${inValues(51)}] AND sk = '1'` }] }));
  t.is(batch.Responses?.[0]?.Error?.Message, 'Too many decomposed read operations for a given query.');
  const operands = 'ValidationException: The IN operator is provided with too many operands; number of operands: 101';
  t.is(await refusal(`${select}pk = 'o' AND flag IN [${inValues(101)}]`), operands);
  const tx = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT * FROM "${T}" WHERE pk IN [${inValues(101)}] AND sk = '1'` }] })));
  t.is(`${tx.name}: ${tx.message}`, 'ValidationException: Validation failed in TransactStatements[0]: The IN operator is provided with too many operands; number of operands: 101');
});
