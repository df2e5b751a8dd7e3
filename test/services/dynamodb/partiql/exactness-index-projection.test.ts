/**
 * Index-qualified PartiQL SELECTs as paritysuite/dynamodb-conformance
 * tests/tier2/partiql/executeStatementIndex.test.ts pinned them on AWS (eu-west-1, 2026-09-02):
 * a GSI cannot give attributes it does not project (the refusal lists them in statement order),
 * on the query path and the scan path alike, while an LSI read reaches the base item for them.
 * The suite's compositeIndexedTableDef is not published; this table has what its rows name: gsi1
 * (ALL) and gsi2 (not projecting `alternate` or `mymap`) keyed on `lsi1sk`, lsi2 keyed on `lsi2sk`
 * projecting INCLUDE [lsi1sk] (so `data` is outside it).
 */
import test from 'ava';
import { CreateTableCommand, ExecuteStatementCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

const SRC = 'paritysuite/dynamodb-conformance tests/tier2/partiql/executeStatementIndex.test.ts';
let server: Boltstack;
let ddb: DynamoDBClient;
const T = uniqueTable('pqix');

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  const key = (hash: string, range?: string) => [{ AttributeName: hash, KeyType: 'HASH' as const }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : [])];
  await ddb.send(new CreateTableCommand({
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'lsi1sk', 'lsi2sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: key('pk', 'sk'),
    GlobalSecondaryIndexes: [
      { IndexName: 'gsi1', KeySchema: key('lsi1sk'), Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'gsi2', KeySchema: key('lsi1sk'), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['data'] } },
    ],
    LocalSecondaryIndexes: [
      { IndexName: 'lsi1', KeySchema: key('pk', 'lsi1sk'), Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'lsi2', KeySchema: key('pk', 'lsi2sk'), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['lsi1sk'] } },
    ],
  }));
  await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'pq-idx-select' }, sk: { S: 's1' }, lsi1sk: { S: 'pq-gsi-a' }, lsi2sk: { S: 'pq-lsi-b' }, data: { S: 'one' } } }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const run = (Statement: string, ConsistentRead?: boolean) => ddb.send(new ExecuteStatementCommand({ Statement, ...(ConsistentRead && { ConsistentRead }) }));

test(`reads through a GSI-qualified FROM with equality on the index partition key: ${SRC}`, async (t) => {
  t.deepEqual((await run(`SELECT * FROM "${T}"."gsi1" WHERE lsi1sk = 'pq-gsi-a'`)).Items?.map((i) => i.pk?.S), ['pq-idx-select']);
});

test(`a full index scan when WHERE lacks the index partition key: ${SRC}`, async (t) => {
  t.deepEqual((await run(`SELECT * FROM "${T}"."gsi1" WHERE pk = 'pq-idx-select'`)).Items?.map((i) => i.sk?.S), ['s1']);
});

test(`ConsistentRead on an LSI-qualified statement: ${SRC}`, async (t) => {
  t.is((await run(`SELECT * FROM "${T}"."lsi1" WHERE pk = 'pq-idx-select'`, true)).Items?.length, 1);
});

test(`an LSI read reaches attributes outside the index projection: ${SRC}`, async (t) => {
  t.deepEqual((await run(`SELECT data FROM "${T}"."lsi2" WHERE pk = 'pq-idx-select' AND lsi2sk = 'pq-lsi-b'`)).Items, [{ data: { S: 'one' } }]);
});

test(`a GSI refuses columns it does not project, in statement order: ${SRC}`, async (t) => {
  const err = await ddbErrorOf(run(`SELECT alternate, mymap FROM "${T}"."gsi2" WHERE lsi1sk = 'pq-gsi-a'`));
  t.is(`${err.name}: ${err.message}`, 'ValidationException: One or more parameter values were invalid: Global secondary index gsi2 does not project [alternate, mymap]');
});

test(`the same refusal on the GSI scan path: ${SRC}`, async (t) => {
  const err = await ddbErrorOf(run(`SELECT alternate FROM "${T}"."gsi2"`));
  t.is(`${err.name}: ${err.message}`, 'ValidationException: One or more parameter values were invalid: Global secondary index gsi2 does not project [alternate]');
});
