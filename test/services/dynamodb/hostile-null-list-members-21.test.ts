/**
 * A null member of a request's top-level list answered 500 InternalFailure in twelve DynamoDB
 * operations and three SQS batch operations (a probe of every top-level list of the models,
 * hostile pass 21). DynamoDB now answers its validation layer's "Member must not be null" at the
 * member's path (the form of its other member constraints; no capture of this exact case), SQS
 * a batch entry without an Id (InvalidBatchEntryId, the closest of its batch errors).
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { sqsJson, sqsJsonOk, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const ROWS: Array<[string, Record<string, unknown>, string]> = [
  ['CreateTable', { AttributeDefinitions: [null] }, 'attributeDefinitions.1.member'],
  ['CreateTable', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, null] }, 'keySchema.2.member'],
  ['CreateTable', { GlobalSecondaryIndexes: [null] }, 'globalSecondaryIndexes.1.member'],
  ['CreateTable', { LocalSecondaryIndexes: [null] }, 'localSecondaryIndexes.1.member'],
  ['CreateTable', { Tags: [null] }, 'tags.1.member'],
  ['TagResource', { ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t', Tags: [null] }, 'tags.1.member'],
  ['TransactWriteItems', { TransactItems: [null] }, 'transactItems.1.member'],
  ['TransactGetItems', { TransactItems: [null] }, 'transactItems.1.member'],
  ['Query', { TableName: 'tbl', AttributesToGet: [null] }, 'attributesToGet.1.member'],
  ['Scan', { TableName: 'tbl', AttributesToGet: ['a', null] }, 'attributesToGet.2.member'],
  ['BatchExecuteStatement', { Statements: [null] }, 'statements.1.member'],
  ['ExecuteTransaction', { TransactStatements: [null] }, 'transactStatements.1.member'],
];

test('DynamoDB: a null member of a top-level list is a ValidationException at its path, never a 500', async (t) => {
  for (const [operation, input, path] of ROWS) {
    const answer = await rawCall(server.endpoint, operation, { TableName: uniqueTable(), ...input });
    t.is(answer.status, 400, `${operation} ${path}`);
    t.deepEqual(answer.body, {
      __type: 'com.amazon.coral.validate#ValidationException',
      message: `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    }, `${operation} ${path}`);
  }
});

test('SQS: a null batch entry is a batch entry without an Id, never a 500', async (t) => {
  const { QueueUrl } = await sqsJsonOk(server.endpoint, 'CreateQueue', { QueueName: uniqueQueue('nulls') }) as { QueueUrl: string };
  for (const operation of ['SendMessageBatch', 'DeleteMessageBatch', 'ChangeMessageVisibilityBatch']) {
    const answer = await sqsJson(server.endpoint, operation, { QueueUrl, Entries: [null] });
    t.is(answer.status, 400, operation);
    t.is(answer.body.__type, 'com.amazonaws.sqs#InvalidBatchEntryId', operation);
    t.is(answer.queryError, 'AWS.SimpleQueueService.InvalidBatchEntryId;Sender', operation);
  }
});
