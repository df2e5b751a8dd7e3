/**
 * PartiQL through @aws-sdk/client-dynamodb with default settings: ExecuteStatement (with
 * parameters and pagination), BatchExecuteStatement and ExecuteTransaction on a table and its
 * index, and DynamoDB's errors for malformed statements.
 */
import test from 'ava';
import {
  BatchExecuteStatementCommand, CreateTableCommand, ExecuteStatementCommand, ExecuteTransactionCommand, GetItemCommand,
  TransactionCanceledException, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../helpers/server.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../services/dynamodb/helpers.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(`http://127.0.0.1:${server.port}`);
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

async function table(): Promise<string> {
  const TableName = uniqueTable('pql');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'email', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byEmail', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  return TableName;
}

const run = (Statement: string, Parameters?: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  ddb.send(new ExecuteStatementCommand({ Statement, ...(Parameters && { Parameters: Parameters as never }), ...extra }));

test('INSERT, SELECT by key and by index, UPDATE, DELETE', async (t) => {
  const T = await table();
  await run(`INSERT INTO "${T}" VALUE {'pk': ?, 'sk': 1, 'email': 'a@x', 'tags': <<'red', 'blue'>>, 'doc': {'n': [1, 2]}}`, [{ S: 'p' }]);
  await run(`INSERT INTO "${T}" VALUE {'pk': 'p', 'sk': 2, 'email': 'b@x', 'n': 5}`);
  const byKey = await run(`SELECT * FROM "${T}" WHERE pk = ? AND sk = 1`, [{ S: 'p' }]);
  t.deepEqual(byKey.Items, [{ pk: { S: 'p' }, sk: { N: '1' }, email: { S: 'a@x' }, tags: { SS: ['red', 'blue'] }, doc: { M: { n: { L: [{ N: '1' }, { N: '2' }] } } } }]);
  const projected = await run(`SELECT sk, doc.n[1] FROM "${T}" WHERE pk = 'p' ORDER BY sk DESC`);
  t.deepEqual(projected.Items, [{ sk: { N: '2' } }, { sk: { N: '1' }, n: { N: '2' } }]);
  const byIndex = await run(`SELECT pk, sk FROM "${T}"."byEmail" WHERE email = 'b@x'`);
  t.deepEqual(byIndex.Items, [{ pk: { S: 'p' }, sk: { N: '2' } }]);
  const filtered = await run(`SELECT sk FROM "${T}" WHERE n BETWEEN 1 AND 9 OR begins_with(email, 'a')`);
  t.deepEqual(filtered.Items!.map((i) => i.sk!.N).sort(), ['1', '2']);
  await run(`UPDATE "${T}" SET n = n + 1 SET extra = 'e' REMOVE email WHERE pk = 'p' AND sk = 2`);
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName: T, Key: { pk: { S: 'p' }, sk: { N: '2' } } }))).Item, { pk: { S: 'p' }, sk: { N: '2' }, n: { N: '6' }, extra: { S: 'e' } });
  const deleted = await run(`DELETE FROM "${T}" WHERE pk = 'p' AND sk = 2 RETURNING ALL OLD *`);
  t.is(deleted.Items!.length, 1);
  t.is((await run(`SELECT * FROM "${T}" WHERE pk = 'p'`)).Items!.length, 1);
});

test('a SELECT pages with Limit and NextToken', async (t) => {
  const T = await table();
  for (let i = 0; i < 5; i++) await run(`INSERT INTO "${T}" VALUE {'pk': 'p', 'sk': ${i}}`);
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await run(`SELECT sk FROM "${T}" WHERE pk = 'p'`, undefined, { Limit: 2, ...(NextToken && { NextToken }) });
    seen.push(...page.Items!.map((i) => i.sk!.N!));
    NextToken = page.NextToken;
  } while (NextToken);
  t.deepEqual(seen, ['0', '1', '2', '3', '4']);
});

test('DynamoDB\'s errors: malformed statements, parameters, duplicates, missing keys', async (t) => {
  const T = await table();
  const bad = await ddbErrorOf(run(`UPSERT INTO "${T}" VALUE {'pk': 'x'}`));
  t.is(bad.name, 'ValidationException');
  t.is(bad.message, "Statement wasn't well formed, can't be processed: Expected data manipulation");
  const count = await ddbErrorOf(run(`SELECT * FROM "${T}" WHERE pk = ?`));
  t.is(count.message, "Number of parameters in request and statement don't match.");
  await run(`INSERT INTO "${T}" VALUE {'pk': 'd', 'sk': 1}`);
  const dup = await ddbErrorOf(run(`INSERT INTO "${T}" VALUE {'pk': 'd', 'sk': 1}`));
  t.is(dup.name, 'DuplicateItemException');
  t.is(dup.message, 'Duplicate primary key exists in table');
  const noKey = await ddbErrorOf(run(`UPDATE "${T}" SET a = 1 WHERE pk = 'd'`));
  t.is(noKey.message, 'Where clause does not contain a mandatory equality on all key attributes');
  const missing = await ddbErrorOf(run(`UPDATE "${T}" SET a = 1 WHERE pk = 'nope' AND sk = 1`));
  t.is(missing.name, 'ConditionalCheckFailedException');
  const noTable = await ddbErrorOf(run('SELECT * FROM "no-such-table"'));
  t.is(noTable.name, 'ResourceNotFoundException');
});

test('BatchExecuteStatement answers each statement on its own', async (t) => {
  const T = await table();
  await run(`INSERT INTO "${T}" VALUE {'pk': 'b', 'sk': 1, 'v': 'one'}`);
  const writes = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [
      { Statement: `INSERT INTO "${T}" VALUE {'pk': 'b', 'sk': 2}` },
      { Statement: `INSERT INTO "${T}" VALUE {'pk': 'b', 'sk': 1}` },
    ],
  }));
  t.deepEqual(writes.Responses, [{ TableName: T }, { TableName: T, Error: { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' } }]);
  const reads = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [
      { Statement: `SELECT v FROM "${T}" WHERE pk = ? AND sk = ?`, Parameters: [{ S: 'b' }, { N: '1' }] },
      { Statement: `SELECT * FROM "${T}" WHERE pk = 'b' AND sk = 9` },
      { Statement: `SELECT * FROM "${T}" WHERE pk = 'b'` },
    ],
  }));
  t.deepEqual(reads.Responses![0], { TableName: T, Item: { v: { S: 'one' } } });
  t.deepEqual(reads.Responses![1], { TableName: T });
  t.is(reads.Responses![2]!.Error!.Code, 'ValidationError');
});

test('ExecuteTransaction writes all or nothing and reads by full key', async (t) => {
  const T = await table();
  await ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: `INSERT INTO "${T}" VALUE {'pk': 't', 'sk': 1, 'n': 1}` },
      { Statement: `INSERT INTO "${T}" VALUE {'pk': 't', 'sk': 2, 'n': 2}` },
    ],
  }));
  const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: `UPDATE "${T}" SET n = 10 WHERE pk = 't' AND sk = 1` },
      { Statement: `INSERT INTO "${T}" VALUE {'pk': 't', 'sk': 2}` },
    ],
  })));
  t.true(err instanceof TransactionCanceledException);
  t.deepEqual((err as TransactionCanceledException).CancellationReasons, [{ Code: 'None' }, { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' }]);
  const exists = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: `EXISTS(SELECT * FROM "${T}" WHERE pk = 't' AND sk = 1 AND n = 99)` },
      { Statement: `UPDATE "${T}" SET n = 10 WHERE pk = 't' AND sk = 2` },
    ],
  })));
  t.deepEqual((exists as TransactionCanceledException).CancellationReasons!.map((r) => r.Code), ['ConditionalCheckFailed', 'None']);
  await ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: `EXISTS(SELECT * FROM "${T}" WHERE pk = 't' AND sk = 1 AND n = 1)` },
      { Statement: `UPDATE "${T}" SET n = 20 WHERE pk = 't' AND sk = 2` },
    ],
  }));
  const read = await ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: `SELECT n FROM "${T}" WHERE pk = 't' AND sk = 1` },
      { Statement: `SELECT * FROM "${T}" WHERE pk = ? AND sk = ?`, Parameters: [{ S: 't' }, { N: '3' }] },
    ],
  }));
  t.deepEqual(read.Responses, [{ Item: { n: { N: '1' } } }, {}]);
});
