/**
 * DynamoDB through boto3 as a Python test suite drives it (test/fixtures/boto3/dynamodb_*.py): the
 * resource layer's Table with its waiters, batch_writer, Key/Attr conditions and the Decimal,
 * Binary and set types; the client's transactions (botocore's CancellationReasons), conditional
 * failures with the old item, TTL and the Streams client. botocore checks every DynamoDB answer's
 * x-amz-crc32 itself (retries are off in these scripts, so a wrong one fails the script). boto3 is
 * an optional extra: where it is missing the file says so and is skipped (required in CI:
 * test/helpers/boto3.ts).
 */
import { boto3TestFor, sharedBoto3Session } from '../helpers/boto3.js';

const boto3Test = boto3TestFor('boto3-dynamodb.test');
const py = sharedBoto3Session().run;

boto3Test('resource Table: waiters, batch_writer, Key and Attr conditions, paged scan, update_item ReturnValues, Decimal/Binary/sets', async (t) => {
  t.timeout(60_000);
  const got = await py('dynamodb_table');
  t.deepEqual(got.created, ['ACTIVE', 0, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]]);
  // BatchWriteItem refuses two requests for one key (AWS docs, BatchWriteItem: "Provided list of
  // item keys contains duplicates"); overwrite_by_pkeys collapses them before sending.
  t.deepEqual(got.duplicates, { Code: 'ValidationException', Message: 'Provided list of item keys contains duplicates' });
  t.deepEqual(got.types, {
    n: ['51', 'Decimal'], big: '12345678901234567890123456789.012345678', bin: '0001ff', ss: ['a', 'b'], ns: ['1', '2.5'],
    bs: ['x', 'y'], l: ['1', 'x', null, true], m: '0.1',
  });
  t.true(got.serializer_round_trip);
  t.deepEqual(got.query, {
    begins_with: [10, ['order#000', 'order#001', 'order#002'], '51'],
    between_desc: [['order#020', 'order#019', 'order#018', 'order#017', 'order#016'], { pk: 'user#1', sk: 'order#016' }],
  });
  // 49 items (order#049 deleted), n 10..59 with 49 gone: 40..48 and 50..59; Limit 7 reads 7 a page.
  t.deepEqual(got.scan, { matched: [40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59], pages: 8 });
  t.is(got.scan_paginator, 49);
  t.deepEqual(got.update, { updated_new: { count: '1', ns: ['2.5'], price: '20.99', ss: ['a', 'b', 'c'] }, updated_old: { price: '20.99' } });
  t.is(got.float, 'Float types are not supported. Use Decimal types instead.');
});

boto3Test('client: transact_write_items cancelled (CancellationReasons with the item), conditional update with the old item, TTL, streams', async (t) => {
  t.timeout(60_000);
  const got = await py('dynamodb_client');
  // Reason per item in order, "None" for those that would have succeeded, the item only where
  // ReturnValuesOnConditionCheckFailure asked (AWS docs, TransactWriteItems and CancellationReason).
  // Debian's botocore (1.29) predates ReturnValuesOnConditionCheckFailure: not sent there, no item.
  const oldItem = got.item_on_failure ? { Item: { pk: { S: 'a' }, v: { N: '1' } } } : {};
  t.deepEqual(got.transaction, {
    Error: { Code: 'TransactionCanceledException', Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]' },
    CancellationReasons: [
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', ...oldItem },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ],
  });
  t.is(got.b_after_cancel, null, 'nothing of a cancelled transaction is written');
  t.deepEqual(got.conditional, { Error: { Code: 'ConditionalCheckFailedException', Message: 'The conditional request failed' }, Item: oldItem.Item ?? null });
  t.deepEqual(got.ttl, [
    { TimeToLiveStatus: 'DISABLED' },
    { TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } },
    { AttributeName: 'expires', TimeToLiveStatus: 'ENABLED' },
  ]);
  t.like(got.stream, { status: ['ENABLED', 'NEW_AND_OLD_IMAGES'], listed: [true] });
  t.deepEqual((got.stream as { records: unknown }).records, [['INSERT', 'aws:dynamodb', { pk: { S: 'a' } }, { pk: { S: 'a' }, v: { N: '1' } }, null, 'datetime']],
    'the one put; the cancelled transaction and the failed update wrote no record');
});
