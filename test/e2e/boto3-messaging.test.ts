/**
 * SQS, SNS and STS through boto3 as a Python test suite drives them
 * (test/fixtures/boto3/sqs_queue.py, sns_sts.py). botocore, unlike the Java and JS SDKs, does not
 * check SQS's MD5OfMessageBody and MD5OfMessageAttributes, so the script computes both as AWS
 * documents them and the test asserts they agree. boto3 is an optional extra: where it is missing
 * the file says so and is skipped (required in CI: test/helpers/boto3.ts).
 */
import { boto3TestFor, sharedBoto3Session } from '../helpers/boto3.js';

const boto3Test = boto3TestFor('boto3-messaging.test');
const py = sharedBoto3Session().run;

boto3Test('sqs: Queue resource, send_messages batch, receive with All attributes and matching MD5s, long poll, visibility batch, redrive, FIFO', async (t) => {
  t.timeout(60_000);
  const got = await py('sqs_queue');
  // A RedrivePolicy's maxReceiveCount sent as "2" answers as the number 2, in AWS's compact JSON
  // (the rule and its reason: src/services/sqs/queue-attributes.ts, normalise).
  t.like(got.redrive_policy, { maxReceiveCount: 2 });
  t.deepEqual(got.sent, { ok: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], failed: [], md5_body: true, md5_attributes: true });
  t.like(got.received, {
    count: 10, md5_attributes: true, md5_body: true,
    attributes: {
      s: { DataType: 'String', StringValue: 'hé ✓' }, n: { DataType: 'Number', StringValue: '3.14' },
      b: { DataType: 'Binary', BinaryValue: '00ff' }, c: { DataType: 'String.custom', StringValue: 'x' },
    },
    system: ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp'],
  });
  t.deepEqual(got.visibility_batch, {
    ok: [{ Id: 'first' }],
    failed: [{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle is invalid.' }],
  });
  t.deepEqual(got.visible_again, ['body 0 ✓'], 'VisibilityTimeout 0 makes it visible at once');
  t.deepEqual(got.deleted, [10, null]);
  t.deepEqual(got.long_poll, { bodies: ['late'], woken_early: true }, 'a send wakes a waiting receive');
  // The receive after the second is past maxReceiveCount 2: the message moves to the dead-letter
  // queue, with DeadLetterQueueSourceArn (AWS docs, sqs-dead-letter-queues).
  t.deepEqual(got.redrive, { receives: [1, 1, 0], dead: ['poison'], source: [true], sources_listed: true });
  t.deepEqual(got.fifo, { deduplicated: true, sequence_numbers_grow: true, received: [['one', 'g1', true], ['two', 'g1', true]] });
});

boto3Test('sns → sqs with String/Number/Binary/String.Array attributes, raw publish_batch; sts get_caller_identity and assume_role credentials used by other clients', async (t) => {
  t.timeout(60_000);
  const got = await py('sns_sts');
  t.deepEqual(got.subscription, [true, 'false', 'false']);
  // The notification carries the attributes as {Type, Value}, Binary base64-encoded (native AWS,
  // radkawar/stackd testdata/aws/sns/delivery.json, as aws-cli-messaging pins).
  t.deepEqual(got.notification, {
    Type: 'Notification', Subject: 'subject', Message: 'hello', MessageId_matches: true,
    MessageAttributes: {
      s: { Type: 'String', Value: 'x' }, n: { Type: 'Number', Value: '1.5' }, b: { Type: 'Binary', Value: 'AP8=' },
      arr: { Type: 'String.Array', Value: '["a", 1]' },
    },
  });
  t.deepEqual(got.batch, { ok: ['a', 'b'], failed: [], raw: [['m1', { b: { BinaryValue: '0102', DataType: 'Binary' } }], ['m2', {}]] });
  t.deepEqual(got.missing_topic, { Type: 'Sender', Code: 'NotFound', Message: 'Topic does not exist' });
  t.deepEqual(got.caller, { UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
  t.like(got.assumed, {
    user: { Arn: 'arn:aws:sts::123456789012:assumed-role/test-role/py-session' },
    credential_keys: ['AccessKeyId', 'Expiration', 'SecretAccessKey', 'SessionToken'], expiration: 'datetime',
  });
  const assumed = got.assumed as { user: { AssumedRoleId: string } };
  t.regex(assumed.user.AssumedRoleId, /^AROA[A-Z0-9]{16,}:py-session$/);
  t.deepEqual(got.as_role, {
    caller: { UserId: assumed.user.AssumedRoleId, Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/test-role/py-session' },
    queue_url: '/123456789012/assumed-q',
  }, 'the assumed credentials act as the role\'s account');
});
