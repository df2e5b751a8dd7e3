/**
 * The bytes of a JSON answer as AWS writes them: members in name order, timestamps as Java writes
 * a double. The reference is a CreateTable and DescribeTable of 2021-03-08 against us-east-1,
 * recorded raw in rusoto's mock tests (its x-amz-crc32, 46742265, matches these 561 bytes):
 *   {"Table":{"AttributeDefinitions":[...],"CreationDateTime":1.615218678973E9,"ItemCount":0,
 *   "KeySchema":[...],"ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":10,
 *   "WriteCapacityUnits":10},"TableArn":"...","TableId":"...","TableName":"Movies-5",
 *   "TableSizeBytes":0,"TableStatus":"CREATING"}}
 */
import test from 'ava';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { javaDoubleText } from '../../src/protocols/json/java-double.js';
import { startBoltstack } from '../helpers/server.js';
import { ddbClient, uniqueTable } from '../services/dynamodb/helpers.js';

const CAPTURED_TABLE_KEYS = ['AttributeDefinitions', 'CreationDateTime', 'ItemCount', 'KeySchema', 'ProvisionedThroughput', 'TableArn', 'TableId', 'TableName', 'TableSizeBytes', 'TableStatus'];

test('Java\'s Double.toString, as AWS writes timestamps', (t) => {
  const cases: Array<[number, string]> = [
    [1615218678.973, '1.615218678973E9'], [1e9, '1.0E9'], [1464805270, '1.46480527E9'], [-1.5e9, '-1.5E9'],
    [0, '0.0'], [123, '123.0'], [123.5, '123.5'], [0.001, '0.001'], [9999999.5, '9999999.5'], [1e7, '1.0E7'], [1e-4, '1.0E-4'],
  ];
  for (const [value, text] of cases) t.is(javaDoubleText(value), text, String(value));
});

test('a DescribeTable answer: members in name order, CreationDateTime as AWS writes it, as the 2021 capture', async (t) => {
  const server = await startBoltstack();
  try {
    const ddb = ddbClient(server.endpoint);
    const TableName = uniqueTable('Movies');
    await ddb.send(new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'title', AttributeType: 'S' }, { AttributeName: 'year', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'year', KeyType: 'HASH' }, { AttributeName: 'title', KeyType: 'RANGE' }],
      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
    }));
    const res = await fetch(server.endpoint, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.DescribeTable', 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ TableName }) });
    const text = await res.text();
    t.regex(text, /^\{"Table":\{"AttributeDefinitions":\[\{"AttributeName":"title","AttributeType":"S"\},\{"AttributeName":"year","AttributeType":"N"\}\],"CreationDateTime":1\.\d{1,12}E9,/);
    t.regex(text, /"ProvisionedThroughput":\{"NumberOfDecreasesToday":0,"ReadCapacityUnits":10,"WriteCapacityUnits":10\}/);
    const keys = Object.keys((JSON.parse(text) as { Table: Record<string, unknown> }).Table);
    t.deepEqual(keys.filter((k) => CAPTURED_TABLE_KEYS.includes(k)), CAPTURED_TABLE_KEYS, 'the captured members, in the captured order');
    t.deepEqual(keys, [...keys].sort(), 'the members boltstack adds (DeletionProtectionEnabled, WarmThroughput) in name order too');
    // What the SDK makes of it: the same instant.
    const described = await ddb.send(new DescribeTableCommand({ TableName }));
    const seconds = Number(/"CreationDateTime":([^,]+),/.exec(text)![1]);
    t.is(described.Table!.CreationDateTime!.getTime(), Math.round(seconds * 1000));
  } finally {
    await server.stop();
  }
});
