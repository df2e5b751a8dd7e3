/**
 * The AWS CLI drives SQS as a user would (botocore verifies MD5OfMessageBody and
 * MD5OfMessageAttributes itself and fails the command on a mismatch). The CLI ships with this
 * project's machine image; where it is missing the test says so and is skipped (required in CI).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cliTestFor } from '../helpers/aws-cli.js';
import { startBoltstack } from '../helpers/server.js';
import { uniqueQueue } from '../helpers/sqs.js';

const run = promisify(execFile);
const cliTest = cliTestFor('sqs-aws-cli.test');

cliTest('aws sqs create-queue / send-message with attributes / receive-message / delete-message / get-queue-attributes', async (t) => {
  t.timeout(120_000);
  const server = await startBoltstack();
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '' };
  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run('aws', ['--endpoint-url', server.endpoint, '--output', 'json', 'sqs', ...args], { env, maxBuffer: 1 << 24 });
    return stdout.trim() === '' ? {} : JSON.parse(stdout) as Record<string, unknown>;
  };
  try {
    const name = uniqueQueue('cli');
    const url = (await aws('create-queue', '--queue-name', name, '--attributes', 'VisibilityTimeout=40')).QueueUrl as string;
    t.regex(url, new RegExp(`/000000000000/${name}$`));
    const attributes = JSON.stringify({
      s: { DataType: 'String', StringValue: 'héllo' }, n: { DataType: 'Number.int', StringValue: '7' }, b: { DataType: 'Binary', BinaryValue: 'AAEC/w==' },
    });
    const sent = await aws('send-message', '--queue-url', url, '--message-body', 'from the cli ✓', '--message-attributes', attributes);
    t.regex(sent.MD5OfMessageAttributes as string, /^[0-9a-f]{32}$/);
    const got = await aws('receive-message', '--queue-url', url, '--message-attribute-names', 'All', '--attribute-names', 'All');
    const [m] = got.Messages as Array<{ Body: string; ReceiptHandle: string; MessageAttributes: Record<string, { StringValue?: string }>; Attributes: Record<string, string> }>;
    t.is(m!.Body, 'from the cli ✓');
    t.is(m!.MessageAttributes.s!.StringValue, 'héllo');
    t.is(m!.Attributes.ApproximateReceiveCount, '1');
    await aws('delete-message', '--queue-url', url, '--receipt-handle', m!.ReceiptHandle);
    const attrs = (await aws('get-queue-attributes', '--queue-url', url, '--attribute-names', 'All')).Attributes as Record<string, string>;
    t.is(attrs.VisibilityTimeout, '40');
    t.is(attrs.ApproximateNumberOfMessages, '0');
    t.is(attrs.ApproximateNumberOfMessagesNotVisible, '0');
    const listed = await aws('list-queues', '--queue-name-prefix', name);
    t.deepEqual(listed.QueueUrls, [url]);
    await t.throwsAsync(aws('get-queue-url', '--queue-name', `${name}-missing`), { message: /NonExistentQueue|QueueDoesNotExist/ });
  } finally {
    await server.stop();
  }
});
