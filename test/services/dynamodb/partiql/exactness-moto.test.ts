/**
 * PartiQL answers as moto's AWS-verified tests assert them (getmoto/moto
 * tests/test_dynamodb/test_dynamodb_statements.py, only the tests marked
 * `@pytest.mark.aws_verified` / `@dynamodb_aws_verified()`: those run against real DynamoDB).
 * Their table is `dynamodb_aws_verified`'s: hash key `pk` (S), named "T" + six hex digits, so a
 * statement may name it unquoted. Each test names the source test it reproduces.
 */
import test from 'ava';
import { ExecuteStatementCommand, PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, rawCall } from '../helpers.js';

const MOTO = 'getmoto/moto tests/test_dynamodb/test_dynamodb_statements.py::';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

type Item = Record<string, AttributeValue>;
const item1: Item = {
  pk: { S: 'msg1' }, body: { S: 'some text' }, nested_attrs: { M: { some: { S: 'key' } } }, price: { N: '123.4' },
  list_attrs: { L: [{ BOOL: true }, { BOOL: false }] }, bool_attr: { BOOL: true },
};
const item2: Item = { pk: { S: 'msg2' }, body: { S: 'n/a' }, unique_key: { S: 'key' } };

let n = 0;
/** A fresh `dynamodb_aws_verified` table ("T" + six hex digits, hash `pk` S), optionally with item1 and item2. */
async function table(withItems = true): Promise<string> {
  const name = `T${(0xa00000 + process.pid * 97 + n++ * 7919).toString(16).slice(-6)}`;
  const r = await rawCall(server.endpoint, 'CreateTable', {
    TableName: name, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 5 }, Tags: [{ Key: 'environment', Value: 'moto_tests' }],
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  if (withItems) for (const Item of [item1, item2]) await ddb.send(new PutItemCommand({ TableName: name, Item }));
  return name;
}
const run = (Statement: string, Parameters?: AttributeValue[]) => ddb.send(new ExecuteStatementCommand({ Statement, ...(Parameters && { Parameters }) }));
const scan = async (TableName: string): Promise<Item[]> => (await ddb.send(new ScanCommand({ TableName }))).Items ?? [];
const byPk = (items: Item[]): Item[] => [...items].sort((a, b) => (a.pk!.S! < b.pk!.S! ? -1 : 1));

test(`${MOTO}test_execute_statement_select_star`, async (t) => {
  const name = await table();
  t.deepEqual(byPk((await run(`select * from ${name}`)).Items!), [item1, item2]);
});

test(`${MOTO}test_execute_statement_select_attr (an item without the attribute is {})`, async (t) => {
  const name = await table();
  const items = (await run(`select unique_key from ${name}`)).Items!;
  t.is(items.length, 2);
  t.true(items.some((i) => Object.keys(i).length === 0));
  t.true(items.some((i) => JSON.stringify(i) === JSON.stringify({ unique_key: { S: 'key' } })));
});

test(`${MOTO}test_execute_statement_with_quoted_table`, async (t) => {
  const name = await table();
  t.deepEqual(byPk((await run(`select * from "${name}"`)).Items!), [item1, item2]);
});

test(`${MOTO}test_execute_statement_with_parameter`, async (t) => {
  const name = await table();
  t.deepEqual((await run(`select * from ${name} where pk = ?`, [{ S: 'msg1' }])).Items, [item1]);
  t.deepEqual((await run(`select pk from ${name} where pk = ?`, [{ S: 'msg1' }])).Items, [{ pk: { S: 'msg1' } }]);
});

test(`${MOTO}test_execute_statement_with_no_results`, async (t) => {
  const name = await table();
  t.deepEqual((await run(`select * from ${name} where pk = ?`, [{ S: 'msg3' }])).Items, []);
});

test(`${MOTO}test_execute_statement_with_all_clauses`, async (t) => {
  const name = await table(false);
  const rows: Item[] = [
    { pk: { S: '0' }, Name: { S: 'Lambda' }, NameLower: { S: 'lambda' }, Description: { S: 'Run code in under 15 minutes' },
      DescriptionLower: { S: 'run code in under 15 minutes' }, Price: { N: '2E-7' }, Unit: { S: 'invocation' }, Category: { S: 'free' }, FreeTier: { N: '1E+6' } },
    { pk: { S: '1' }, Name: { S: 'Auto Scaling' }, NameLower: { S: 'auto scaling' }, Description: { S: 'Automatically scale the number of EC2 instances with demand' },
      DescriptionLower: { S: 'automatically scale the number of ec2 instances with demand' }, Price: { N: '0' }, Unit: { S: 'group' }, Category: { S: 'free' }, FreeTier: { NULL: true } },
    { pk: { S: '2' }, Name: { S: 'EC2' }, NameLower: { S: 'ec2' }, Description: { S: 'Servers in the cloud' }, DescriptionLower: { S: 'servers in the cloud' },
      Price: { N: '7.2' }, Unit: { S: 'instance' }, Category: { S: 'trial' } },
    { pk: { S: '3' }, Name: { S: 'Config' }, NameLower: { S: 'config' }, Description: { S: 'Audit the configuration of AWS resources' },
      DescriptionLower: { S: 'audit the configuration of aws resources' }, Price: { N: '0.003' }, Unit: { S: 'configuration item' }, Category: { S: 'paid' } },
  ];
  for (const Item of rows) await ddb.send(new PutItemCommand({ TableName: name, Item }));
  const statement = `SELECT pk FROM "${name}" WHERE (contains("NameLower", 'code') OR contains("DescriptionLower", 'code')) AND Category = 'free' `
    + `AND Price >= 0 AND Price <= 1 AND FreeTier IS NOT MISSING AND attribute_type("FreeTier", 'N')`;
  t.deepEqual((await run(statement)).Items, [{ pk: { S: '0' } }]);
});

test(`${MOTO}test_insert_data (Items is [], a nested literal is stored as M / L)`, async (t) => {
  const name = await table();
  const r = await run(`INSERT INTO "${name}" value {'pk': 'msg3'}`);
  t.deepEqual(r.Items, []);
  let items = await scan(name);
  t.is(items.length, 3);
  t.deepEqual(items.find((i) => i.pk!.S === 'msg3'), { pk: { S: 'msg3' } });
  await run(`INSERT INTO "${name}" value {'pk': 'msg4', 'attr':{'sth': ['other']}}`);
  items = await scan(name);
  t.is(items.length, 4);
  t.deepEqual(items.find((i) => i.pk!.S === 'msg4'), { pk: { S: 'msg4' }, attr: { M: { sth: { L: [{ S: 'other' }] } } } });
});

test(`${MOTO}test_update_data (SET an attribute, SET a new one, REMOVE it)`, async (t) => {
  const name = await table();
  await run(`UPDATE "${name}" SET body='other' WHERE pk='msg1'`);
  const updated: Item = { ...item1, body: { S: 'other' } };
  t.deepEqual(byPk(await scan(name)), [updated, item2]);
  await run(`UPDATE "${name}" SET new_attr='asdf' WHERE pk='msg1'`);
  t.deepEqual(byPk(await scan(name)), [{ ...updated, new_attr: { S: 'asdf' } }, item2]);
  await run(`UPDATE "${name}" REMOVE new_attr WHERE pk='msg1'`);
  t.deepEqual(byPk(await scan(name)), [updated, item2]);
});

test(`${MOTO}test_delete_data`, async (t) => {
  const name = await table();
  await run(`DELETE FROM "${name}" WHERE pk='msg1'`);
  t.deepEqual(await scan(name), [item2]);
});
