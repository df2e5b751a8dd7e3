/**
 * A string for an Integer member over SQS's JSON protocol, as AWS SQS answered it: HTTP 400,
 * SerializationException, "STRING_VALUE can not be converted to an Integer" (the older phrase,
 * with the JSON token named; DynamoDB's codec says "cannot be converted to Integer").
 *
 * No radkawar/stackd SQS capture (testdata/aws/sqs/) sends a value of the wrong type; the answers
 * here are AWS's as users reported them when their clients moved to the JSON protocol and sent
 * VisibilityTimeout as a string: async-aws/aws issue #1667 (sqs.eu-central-1.amazonaws.com,
 * 2024-02-16) and symfony/symfony pull #53910 (sqs.eu-west-1.amazonaws.com, 2024-02-12). Neither
 * shows the body's member casing, so only the text is compared.
 */
import test from 'ava';
import { ChangeMessageVisibilityCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, sqsJson, sqsJsonOk, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const ASYNC_AWS = 'async-aws/aws issue #1667 (AWS SQS eu-central-1, 2024-02-16)';
const SYMFONY = 'symfony/symfony pull #53910 (AWS SQS eu-west-1, 2024-02-12)';
const MESSAGE = 'STRING_VALUE can not be converted to an Integer';

let server: Boltstack;
let sqs: SQSClient;
let queueUrl: string;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
  queueUrl = (await sqsJsonOk(server.endpoint, 'CreateQueue', { QueueName: uniqueQueue('serialization') })).QueueUrl as string;
});
test.after.always(async () => { await server?.stop(); });

test(`ReceiveMessage with VisibilityTimeout as a string is refused (${ASYNC_AWS}; ${SYMFONY})`, async (t) => {
  const raw = await sqsJson(server.endpoint, 'ReceiveMessage', { QueueUrl: queueUrl, VisibilityTimeout: '30' });
  t.deepEqual([raw.status, String(raw.body.__type).split('#').pop(), raw.body.Message ?? raw.body.message], [400, 'SerializationException', MESSAGE]);
  // The SDK sends the string as given (its JSON serializer copies scalars).
  const viaSdk = await sqsErrorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: '30' as unknown as number })));
  t.deepEqual([viaSdk.name, viaSdk.message, viaSdk.$metadata.httpStatusCode], ['SerializationException', MESSAGE, 400]);
});

// The same Integer member on another operation: the wording is the codec's, not the operation's,
// and the body is read before the receipt handle is.
test(`ChangeMessageVisibility with VisibilityTimeout as a string is refused the same way (${ASYNC_AWS})`, async (t) => {
  const viaSdk = await sqsErrorOf(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: 'not-a-handle', VisibilityTimeout: '0' as unknown as number })));
  t.deepEqual([viaSdk.name, viaSdk.message, viaSdk.$metadata.httpStatusCode], ['SerializationException', MESSAGE, 400]);
});
