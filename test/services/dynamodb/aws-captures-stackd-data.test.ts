/**
 * Rows recorded against native AWS DynamoDB in 2026 (radkawar/stackd testdata/aws/dynamodb/data.json,
 * "native AWS DynamoDB through scripts/aws/aws_cli.py observe", calls of 2026-09-17): item
 * round-trips, return values, paging with filters, index reads, batch and transaction answers with
 * their ConsumedCapacity. Each row cites its call's sequence number.
 */
import test from 'ava';
import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DeleteItemCommand, DeleteTableCommand,
  GetItemCommand, PutItemCommand, QueryCommand, ScanCommand, TransactGetItemsCommand, TransactWriteItemsCommand,
  UpdateItemCommand, type AttributeValue, type DynamoDBClient, type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/data.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let items: string;
let txn: string;

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  items = uniqueTable('items');
  txn = uniqueTable('txn');
  // seq 1 and 2 (2026-09-17): the capture's two tables.
  await ddb.send(new CreateTableCommand({
    TableName: items, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'gpk', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-gpk', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  await ddb.send(new CreateTableCommand({
    TableName: txn, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
  }));
});
test.after.always(async () => { await server?.stop(); });

const S = (s: string): AttributeValue => ({ S: s });
/** Sets sorted: AWS's order of a set's members is not a contract (the capture notes so). */
function sortSets(item: Record<string, AttributeValue> | undefined): Record<string, AttributeValue> | undefined {
  if (!item) return item;
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.SS ? { SS: [...v.SS].sort() } : v.NS ? { NS: [...v.NS].sort() } : v]));
}
const N = (n: string): AttributeValue => ({ N: n });
const key = (pk: string, sk: string): Record<string, AttributeValue> => ({ pk: S(pk), sk: N(sk) });
const fixture = (n: string): Record<string, AttributeValue> => ({
  pk: S('tenant-a'), sk: N('1'), n: N(n), text: S('1'), tags: { SS: ['z', 'a'] }, nums: { NS: ['2.0', '1.00'] },
  doc: { M: { nested: { L: [N('2'), { BOOL: true }, { NULL: true }] } } }, secret: S('hidden'), gpk: S('group'), status: S('drop'),
});
const stored = (over: Record<string, AttributeValue>): Record<string, AttributeValue> => ({
  pk: S('tenant-a'), sk: N('1'), n: N('1'), text: S('1'), tags: { SS: ['a', 'z'] }, nums: { NS: ['1', '2'] },
  doc: { M: { nested: { L: [N('2'), { BOOL: true }, { NULL: true }] } } }, secret: S('hidden'), gpk: S('group'), status: S('drop'), ...over,
});

// The rows run in the capture's order: each builds on the state the one before left.
test.serial(`item lifecycle as AWS answered it (${SRC} seq 30-43, 2026-09-17)`, async (t) => {
  // seq 30: a Put of a new item with ReturnValues ALL_OLD answers {}.
  const put = await ddb.send(new PutItemCommand({ TableName: items, Item: fixture('1.00'), ReturnValues: 'ALL_OLD' }));
  t.is(put.Attributes, undefined);
  // seq 31: a strong GetItem costs 1 unit; numbers and sets come back normalised.
  const got = await ddb.send(new GetItemCommand({ TableName: items, Key: key('tenant-a', '1'), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(sortSets(got.Item), stored({}));
  t.deepEqual(got.ConsumedCapacity, { TableName: items, CapacityUnits: 1 });
  // seq 32: replacing returns the old item.
  const replaced = await ddb.send(new PutItemCommand({ TableName: items, Item: fixture('2'), ReturnValues: 'ALL_OLD' }));
  t.deepEqual(sortSets(replaced.Attributes), stored({}));
  // seq 33: a failed condition with ReturnValuesOnConditionCheckFailure ALL_OLD carries the item.
  const failed = await ddbErrorOf(ddb.send(new PutItemCommand({
    TableName: items, Item: fixture('1.00'), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  })));
  t.is(failed.name, 'ConditionalCheckFailedException');
  t.is(failed.message, 'The conditional request failed');
  t.deepEqual(sortSets((failed as unknown as { Item: Record<string, AttributeValue> }).Item), stored({ n: N('2') }));
  // seq 34: SET into a nested list, ADD to a number and a set, DELETE from a set, under a condition.
  const updated = await ddb.send(new UpdateItemCommand({
    TableName: items, Key: key('tenant-a', '1'),
    UpdateExpression: 'SET #d.#nested[0] = :v, #txt = :txt ADD #n :inc, #tags :tag DELETE #nums :remove',
    ConditionExpression: '#n = :expected AND attribute_type(#txt, :type)',
    ExpressionAttributeNames: { '#d': 'doc', '#nested': 'nested', '#txt': 'text', '#n': 'n', '#tags': 'tags', '#nums': 'nums' },
    ExpressionAttributeValues: { ':v': N('3'), ':txt': S('two'), ':inc': N('0.5'), ':tag': { SS: ['b'] }, ':remove': { NS: ['2'] }, ':expected': N('2.00'), ':type': S('S') },
    ReturnValues: 'ALL_NEW',
  }));
  const afterUpdate = stored({ n: N('2.5'), text: S('two'), tags: { SS: ['a', 'b', 'z'] }, nums: { NS: ['1'] }, doc: { M: { nested: { L: [N('3'), { BOOL: true }, { NULL: true }] } } } });
  t.deepEqual(sortSets(updated.Attributes), afterUpdate);
  // seq 35: a number compared with a string fails the condition.
  const mismatch = await ddbErrorOf(ddb.send(new UpdateItemCommand({
    TableName: items, Key: key('tenant-a', '1'), UpdateExpression: 'SET #n = :v', ConditionExpression: '#n = :expected',
    ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':v': N('9'), ':expected': S('2.5') }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  })));
  t.is(mismatch.name, 'ConditionalCheckFailedException');
  t.deepEqual(sortSets((mismatch as unknown as { Item: Record<string, AttributeValue> }).Item), afterUpdate);
  // seq 36: ADD of a number to a string.
  const wrongType = await ddbErrorOf(ddb.send(new UpdateItemCommand({
    TableName: items, Key: key('tenant-a', '1'), UpdateExpression: 'ADD #txt :v', ExpressionAttributeNames: { '#txt': 'text' },
    ExpressionAttributeValues: { ':v': N('1') }, ReturnValues: 'UPDATED_NEW',
  })));
  t.is(wrongType.name, 'ValidationException');
  t.is(wrongType.message, 'An operand in the update expression has an incorrect data type');
  // seq 37: UPDATED_OLD returns only the attribute the update touched.
  const old = await ddb.send(new UpdateItemCommand({
    TableName: items, Key: key('tenant-a', '1'), UpdateExpression: 'SET #txt = :v', ExpressionAttributeNames: { '#txt': 'text' },
    ExpressionAttributeValues: { ':v': S('visible') }, ReturnValues: 'UPDATED_OLD',
  }));
  t.deepEqual(old.Attributes, { text: S('two') });
  // seq 38: an empty string set.
  const empty = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName: items, Item: { pk: S('tenant-a'), sk: N('99'), tags: { SS: [] } } })));
  t.is(empty.name, 'ValidationException');
  t.is(empty.message, '1 validation error detected: One or more parameter values were invalid: An string set  may not be empty');
  // seq 39: a failed delete condition carries the item.
  const delFailed = await ddbErrorOf(ddb.send(new DeleteItemCommand({
    TableName: items, Key: key('tenant-a', '1'), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  })));
  t.is(delFailed.name, 'ConditionalCheckFailedException');
  t.deepEqual(sortSets((delFailed as unknown as { Item: Record<string, AttributeValue> }).Item), { ...afterUpdate, text: S('visible') });
  // seq 40-43: delete ALL_OLD, then a second delete and a get of the missing item answer {}.
  await ddb.send(new PutItemCommand({ TableName: items, Item: { pk: S('tenant-a'), sk: N('99'), n: N('99') } }));
  const deleted = await ddb.send(new DeleteItemCommand({ TableName: items, Key: key('tenant-a', '99'), ReturnValues: 'ALL_OLD' }));
  t.deepEqual(deleted.Attributes, { pk: S('tenant-a'), sk: N('99'), n: N('99') });
  const again = await ddb.send(new DeleteItemCommand({ TableName: items, Key: key('tenant-a', '99'), ReturnValues: 'ALL_OLD' }));
  t.is(again.Attributes, undefined);
  const missing = await ddb.send(new GetItemCommand({ TableName: items, Key: key('tenant-a', '99'), ConsistentRead: true }));
  t.is(missing.Item, undefined);
});

test.serial(`batch writes, paging past filters and index reads (${SRC} seq 44-59, 2026-09-17)`, async (t) => {
  const row = (pk: string, sk: string, n: string, gpk: string, secret: string) => ({ PutRequest: { Item: { pk: S(pk), sk: N(sk), n: N(n), status: S('keep'), gpk: S(gpk), secret: S(secret) } } });
  // seq 44: a write to a table with an ALL-projected GSI costs 2 units per item (table + index).
  const batch = await ddb.send(new BatchWriteItemCommand({
    RequestItems: {
      [items]: [row('tenant-a', '2', '2', 'group', 'hidden-2'), row('tenant-a', '3', '3', 'group', 'hidden-3'), row('tenant-b', '1', '7', 'other', 'other-tenant')],
      [txn]: [{ PutRequest: { Item: { pk: S('tenant-a'), sk: N('1'), n: N('10') } } }, { PutRequest: { Item: { pk: S('tenant-a'), sk: N('2'), n: N('20') } } }],
    },
    ReturnConsumedCapacity: 'TOTAL',
  }));
  t.deepEqual(batch.UnprocessedItems, {});
  const byTable = Object.fromEntries((batch.ConsumedCapacity ?? []).map((c) => [c.TableName, c]));
  t.deepEqual(byTable, { [txn]: { TableName: txn, CapacityUnits: 2 }, [items]: { TableName: items, CapacityUnits: 6 } });
  // seq 45-47: Limit counts items read before the filter; an emptied page still carries the key.
  const base = {
    TableName: items, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': S('tenant-a'), ':s': S('keep') },
    FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' }, ConsistentRead: true,
  };
  const first = await ddb.send(new QueryCommand({ ...base, Limit: 1 }));
  t.deepEqual([first.Items, first.Count, first.ScannedCount, first.LastEvaluatedKey], [[], 0, 1, key('tenant-a', '1')]);
  const next = await ddb.send(new QueryCommand({ ...base, Limit: 1, ExclusiveStartKey: key('tenant-a', '1') }));
  t.deepEqual([next.Items, next.Count, next.ScannedCount, next.LastEvaluatedKey],
    [[{ secret: S('hidden-2'), gpk: S('group'), pk: S('tenant-a'), n: N('2'), status: S('keep'), sk: N('2') }], 1, 1, key('tenant-a', '2')]);
  const counted = await ddb.send(new QueryCommand({ ...base, Limit: 10, Select: 'COUNT' }));
  t.deepEqual([counted.Items, counted.Count, counted.ScannedCount, counted.LastEvaluatedKey], [undefined, 2, 3, undefined]);
  // seq 48-50: the same for Scan (AWS's hash order of partitions is not asserted).
  const scanBase = { TableName: items, ConsistentRead: true, FilterExpression: '#n > :high', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':high': N('100') } };
  const scanPage = await ddb.send(new ScanCommand({ ...scanBase, Limit: 1 }));
  t.deepEqual([scanPage.Items, scanPage.Count, scanPage.ScannedCount], [[], 0, 1]);
  t.truthy(scanPage.LastEvaluatedKey);
  const scanCount = await ddb.send(new ScanCommand({ ...scanBase, Limit: 10, Select: 'COUNT' }));
  t.deepEqual([scanCount.Items, scanCount.Count, scanCount.ScannedCount], [undefined, 0, 4]);
  // seq 51: an eventual GSI query.
  const gsi = await ddb.send(new QueryCommand({ TableName: items, IndexName: 'by-gpk', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': S('group') } }));
  t.deepEqual([gsi.Items?.map((i) => i.sk?.N), gsi.Count, gsi.ScannedCount], [['1', '2', '3'], 3, 3]);
  // seq 52-54: strong reads of a GSI, and a missing index.
  const strongQuery = await ddbErrorOf(ddb.send(new QueryCommand({ TableName: items, IndexName: 'by-gpk', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': S('group') }, ConsistentRead: true })));
  t.deepEqual([strongQuery.name, strongQuery.message], ['ValidationException', 'Consistent reads are not supported on global secondary indexes']);
  const strongScan = await ddbErrorOf(ddb.send(new ScanCommand({ TableName: items, IndexName: 'by-gpk', ConsistentRead: true })));
  t.deepEqual([strongScan.name, strongScan.message], ['ValidationException', 'Consistent reads are not supported on global secondary indexes']);
  const noIndex = await ddbErrorOf(ddb.send(new QueryCommand({ TableName: items, IndexName: 'missing', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': S('group') } })));
  t.deepEqual([noIndex.name, noIndex.message], ['ValidationException', 'The table does not have the specified index: missing']);
  // seq 55: a strong BatchGet of three keys (one missing) costs 3 units and omits the missing item.
  const bget = await ddb.send(new BatchGetItemCommand({
    RequestItems: { [items]: { Keys: [key('tenant-a', '2'), key('tenant-a', '99'), key('tenant-a', '1')], ConsistentRead: true, ProjectionExpression: 'pk, sk, #n', ExpressionAttributeNames: { '#n': 'n' } } },
    ReturnConsumedCapacity: 'TOTAL',
  }));
  t.deepEqual(bget.Responses?.[items]?.map((i) => i.sk?.N).sort(), ['1', '2']);
  t.deepEqual(bget.UnprocessedKeys, {});
  t.deepEqual(bget.ConsumedCapacity, [{ TableName: items, CapacityUnits: 3 }]);
  // seq 56: duplicate keys.
  const dupGet = await ddbErrorOf(ddb.send(new BatchGetItemCommand({ RequestItems: { [items]: { Keys: [key('tenant-a', '1'), key('tenant-a', '1')] } } })));
  t.deepEqual([dupGet.name, dupGet.message], ['ValidationException', 'Provided list of item keys contains duplicates']);
  // seq 57-58: one malformed key refuses the whole batch; the valid put did not happen.
  const malformed = await ddbErrorOf(ddb.send(new BatchWriteItemCommand({ RequestItems: { [items]: [
    { PutRequest: { Item: { pk: S('tenant-a'), sk: N('90'), n: N('90') } } }, { DeleteRequest: { Key: { pk: S('tenant-a') } } },
  ] } })));
  t.deepEqual([malformed.name, malformed.message], ['ValidationException', 'The provided key element does not match the schema']);
  t.is((await ddb.send(new GetItemCommand({ TableName: items, Key: key('tenant-a', '90'), ConsistentRead: true }))).Item, undefined);
  // seq 59: a put and a delete of one key in one batch.
  const same = await ddbErrorOf(ddb.send(new BatchWriteItemCommand({ RequestItems: { [items]: [
    { PutRequest: { Item: { pk: S('tenant-a'), sk: N('91'), n: N('91') } } }, { DeleteRequest: { Key: key('tenant-a', '91') } },
  ] } })));
  t.deepEqual([same.name, same.message], ['ValidationException', 'Provided list of item keys contains duplicates']);
});

test.serial(`transactions: ordered reasons, token replay and its capacity (${SRC} seq 60-66, 2026-09-17)`, async (t) => {
  // seq 60-61: reasons keep the actions' order, with the old items asked for; nothing was written.
  const cancelled = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [
    { Put: { TableName: items, Item: { pk: S('tenant-a'), sk: N('80'), n: N('80') } } },
    { ConditionCheck: { TableName: items, Key: key('tenant-a', '1'), ConditionExpression: '#n = :n', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':n': N('999') }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    { Delete: { TableName: items, Key: key('tenant-a', '2'), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
  ] })));
  t.is(cancelled.name, 'TransactionCanceledException');
  t.is(cancelled.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]');
  const reasons = (cancelled as unknown as { CancellationReasons: Array<{ Code: string; Message?: string; Item?: Record<string, AttributeValue> }> }).CancellationReasons;
  t.deepEqual(reasons.map((r) => [r.Code, r.Message, r.Item?.sk]), [['None', undefined, undefined], ['ConditionalCheckFailed', 'The conditional request failed', N('1')], ['ConditionalCheckFailed', 'The conditional request failed', N('2')]]);
  t.deepEqual(reasons[2]!.Item, { secret: S('hidden-2'), sk: N('2'), gpk: S('group'), pk: S('tenant-a'), n: N('2'), status: S('keep') });
  const proof = await ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: items, Key: key('tenant-a', '80') } }] }));
  t.deepEqual(proof.Responses, [{}]);
  // seq 62: a transactional update (table with a GSI the update changes) and put: 2 units per
  // action on each table, plus 1 for the index entry, reported as CapacityUnits and WriteCapacityUnits.
  const input = (inc: string): TransactWriteItemsCommandInput => ({
    ClientRequestToken: `token-${txn}`, ReturnConsumedCapacity: 'TOTAL',
    TransactItems: [
      { Update: { TableName: items, Key: key('tenant-a', '1'), UpdateExpression: 'ADD #n :inc', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':inc': N(inc) } } },
      { Put: { TableName: txn, Item: { pk: S('tenant-a'), sk: N('3'), n: N('30') } } },
    ],
  });
  const firstRun = await ddb.send(new TransactWriteItemsCommand(input('1')));
  const capacity = (list: typeof firstRun.ConsumedCapacity) => Object.fromEntries((list ?? []).map((c) => [c.TableName, c]));
  t.deepEqual(capacity(firstRun.ConsumedCapacity), {
    [txn]: { TableName: txn, CapacityUnits: 2, WriteCapacityUnits: 2 },
    [items]: { TableName: items, CapacityUnits: 3, WriteCapacityUnits: 3 },
  });
  // seq 63: the replay with the same token writes nothing. (AWS reports it as 2 ReadCapacityUnits
  // per table, not followed yet: the first answer is repeated.)
  await ddb.send(new TransactWriteItemsCommand(input('1')));
  // seq 64: the same token with other parameters. AWS's message there is "Specified idempotent
  // token was used with different request parameters within the idempotency window"; boltstack
  // still sends the model's documentation sentence, pinned by
  // test/e2e/dynamodb-transaction-tokens-restart.test.ts (left for its owner).
  const conflict = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand(input('2'))));
  t.is(conflict.name, 'IdempotentParameterMismatchException');
  // seq 65: the increment happened once.
  const after = await ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: items, Key: key('tenant-a', '1') } }, { Get: { TableName: items, Key: key('tenant-a', '80') } }] }));
  t.deepEqual([after.Responses?.[0]?.Item?.n, after.Responses?.[1]], [N('3.5'), {}]);
  // seq 66: two actions on one item.
  const twice = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [
    { Delete: { TableName: items, Key: key('tenant-a', '99') } }, { Put: { TableName: items, Item: key('tenant-a', '99') } },
  ] })));
  t.deepEqual([twice.name, twice.message], ['ValidationException', 'Transaction request cannot include multiple operations on one item']);
});

// seq 67-79: PartiQL on the same tables, raw on the wire (the ExecuteStatement answers carry a
// LastEvaluatedKey beside the NextToken). The txn table's items sk 1 (n 10) and sk 2 (n 20) are
// the state the capture's seq 75 read.
test.serial(`PartiQL pages, quoting, RETURNING, refusals and transactions (${SRC} seq 67-79, 2026-09-17)`, async (t) => {
  const call = (op: string, body: Record<string, unknown>) => rawCall(server.endpoint, op, body);
  const page = (extra: Record<string, unknown> = {}, where = '') => call('ExecuteStatement', {
    Statement: `SELECT "pk", "sk", "n" FROM "${items}" WHERE "pk" = ?${where}`, Parameters: [S('tenant-a')], Limit: 1, ConsistentRead: true, ...extra,
  });
  const first = await page();
  t.deepEqual([first.body.Items, first.body.LastEvaluatedKey, typeof first.body.NextToken], [[{ n: N('3.5'), pk: S('tenant-a'), sk: N('1') }], key('tenant-a', '1'), 'string'], 'seq 67');
  const second = await page({ NextToken: first.body.NextToken });
  t.deepEqual([second.body.Items, second.body.LastEvaluatedKey, typeof second.body.NextToken], [[{ n: N('2'), pk: S('tenant-a'), sk: N('2') }], key('tenant-a', '2'), 'string'], 'seq 68');
  const filtered = await page({}, ' AND "n" > 100');
  t.deepEqual([filtered.body.Items, filtered.body.LastEvaluatedKey, typeof filtered.body.NextToken], [[], key('tenant-a', '1'), 'string'], 'seq 69');
  const unquoted = await call('ExecuteStatement', { Statement: `SELECT * FROM ${items} WHERE pk = ?`, Parameters: [S('tenant-a')] });
  t.deepEqual([unquoted.status, unquoted.body.message ?? unquoted.body.Message], [400, 'Unexpected from source'], 'seq 70');
  t.deepEqual((await call('ExecuteStatement', { Statement: `INSERT INTO "${items}" VALUE {'pk':'tenant-a','sk':70,'text':'O''Brien','n':70}` })).body, { Items: [] }, 'seq 71');
  const obrien = (n: string) => ({ sk: N('70'), text: S("O'Brien"), pk: S('tenant-a'), n: N(n) });
  t.deepEqual((await call('ExecuteStatement', {
    Statement: `UPDATE "${items}" SET "n" = "n" + ? WHERE "pk" = ? AND "sk" = ? RETURNING ALL OLD *`, Parameters: [N('1'), S('tenant-a'), N('70')],
  })).body, { Items: [obrien('70')] }, 'seq 72');
  const failed = await call('ExecuteStatement', {
    Statement: `UPDATE "${items}" SET "n" = 99 WHERE "pk" = ? AND "sk" = ? AND "n" = 0`, Parameters: [S('tenant-a'), N('70')], ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
  t.deepEqual([failed.status, failed.body.message ?? failed.body.Message, failed.body.Item], [400, 'The conditional request failed', obrien('71')], 'seq 73');
  const mixed = await call('BatchExecuteStatement', { Statements: [
    { Statement: `SELECT * FROM "${items}" WHERE "pk" = ? AND "sk" = ?`, Parameters: [S('tenant-a'), N('1')] },
    { Statement: `DELETE FROM "${items}" WHERE "pk" = ? AND "sk" = ?`, Parameters: [S('tenant-a'), N('70')] },
  ] });
  t.deepEqual([mixed.status, mixed.body.message ?? mixed.body.Message], [400, 'Read and write requests together in the same batch is not supported.'], 'seq 74');
  for (const [sk, n] of [['1', '10'], ['2', '20']]) await ddb.send(new PutItemCommand({ TableName: txn, Item: { pk: S('tenant-a'), sk: N(sk!), n: N(n!) } }));
  const select = (sk: string) => ({ Statement: `SELECT * FROM "${txn}" WHERE "pk" = ? AND "sk" = ?`, Parameters: [S('tenant-a'), N(sk)] });
  t.deepEqual((await call('ExecuteTransaction', { TransactStatements: [select('2'), select('99'), select('1')] })).body, {
    Responses: [{ Item: { pk: S('tenant-a'), n: N('20'), sk: N('2') } }, {}, { Item: { pk: S('tenant-a'), n: N('10'), sk: N('1') } }],
  }, 'seq 75: reads keep their order; a missing item answers {}');
  const increment = (sk: string, condition = '') => ({ Statement: `UPDATE "${txn}" SET "n" = "n" + 1 WHERE "pk" = ? AND "sk" = ?${condition}`, Parameters: [S('tenant-a'), N(sk)] });
  t.deepEqual((await call('ExecuteTransaction', { TransactStatements: [increment('1'), increment('2')], ReturnConsumedCapacity: 'TOTAL' })).body, {
    Responses: [], ConsumedCapacity: [{ TableName: txn, CapacityUnits: 4, WriteCapacityUnits: 4 }],
  }, 'seq 76');
  const cancelled = await call('ExecuteTransaction', { TransactStatements: [increment('1'), { ...increment('2', ' AND "n" = 0'), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }] });
  t.deepEqual([cancelled.status, cancelled.body.message ?? cancelled.body.Message, cancelled.body.CancellationReasons], [400,
    'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    [{ Code: 'None' }, { Item: { pk: S('tenant-a'), sk: N('2'), n: N('21') }, Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }]], 'seq 77');
  const proof = await ddb.send(new TransactGetItemsCommand({ TransactItems: ['1', '2'].map((sk) => ({ Get: { TableName: txn, Key: key('tenant-a', sk) } })) }));
  t.deepEqual(proof.Responses?.map((r) => r.Item?.n), [N('11'), N('21')], 'seq 78: nothing of the cancelled transaction was written');
  const both = await call('ExecuteTransaction', { TransactStatements: [select('2'), increment('1')] });
  t.deepEqual([both.status, both.body.message ?? both.body.Message], [400, 'ExecuteTransaction API does not support both read and write operations in the same request.'], 'seq 79');
});

test.serial(`a missing table; DeleteTable's description (${SRC} seq 14, 22, 105, 110, 2026-09-17)`, async (t) => {
  // seq 14: an item write to a missing table names no table.
  const missing = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName: 'no-such-table-stackd', Item: key('tenant-a', '1'), ReturnValues: 'ALL_OLD' })));
  t.deepEqual([missing.name, missing.message, missing.$metadata.httpStatusCode], ['ResourceNotFoundException', 'Requested resource not found', 400]);
  // seq 22: an empty set is refused before the table is looked up.
  const empty = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName: 'no-such-table-stackd', Item: { pk: S('tenant-a'), sk: N('99'), tags: { SS: [] } } })));
  t.is(empty.name, 'ValidationException');
  // seq 105: DeleteTable of an on-demand table describes it without its schema or indexes.
  const TableName = uniqueTable('del');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'gpk', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-gpk', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  const desc = (await ddb.send(new DeleteTableCommand({ TableName }))).TableDescription!;
  t.deepEqual(Object.keys(desc).sort(), ['BillingModeSummary', 'DeletionProtectionEnabled', 'ItemCount', 'ProvisionedThroughput', 'TableArn', 'TableId', 'TableName', 'TableSizeBytes', 'TableStatus']);
  t.deepEqual([desc.TableStatus, desc.ProvisionedThroughput, desc.BillingModeSummary?.BillingMode],
    ['DELETING', { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 }, 'PAY_PER_REQUEST']);
});
