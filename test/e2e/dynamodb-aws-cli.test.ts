/**
 * The AWS CLI drives DynamoDB as a user would (issue #8: "plus the AWS CLI for a few"): botocore
 * parses every answer with its own model, waits for the table with its waiter, and turns a
 * conditional failure into a non-zero exit naming the error. The CLI ships with this project's
 * machine image; where it is missing the test says so and is skipped (required in CI).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cliTestFor } from '../helpers/aws-cli.js';
import { startBoltstack } from '../helpers/server.js';
import { uniqueTable } from '../services/dynamodb/helpers.js';

const run = promisify(execFile);
const cliTest = cliTestFor('dynamodb-aws-cli.test');

cliTest('aws dynamodb create-table / wait / put-item / get-item / query / scan / update-item / conditional failure / delete-table', async (t) => {
  t.timeout(120_000);
  const server = await startBoltstack();
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '' };
  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run('aws', ['--endpoint-url', server.endpoint, '--output', 'json', 'dynamodb', ...args], { env, maxBuffer: 1 << 24 });
    return stdout.trim() === '' ? {} : JSON.parse(stdout) as Record<string, unknown>;
  };
  try {
    const name = uniqueTable('cli');
    const created = await aws('create-table', '--table-name', name, '--billing-mode', 'PAY_PER_REQUEST',
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S', 'AttributeName=sk,AttributeType=N',
      '--key-schema', 'AttributeName=pk,KeyType=HASH', 'AttributeName=sk,KeyType=RANGE');
    t.is((created.TableDescription as { TableName: string }).TableName, name);
    await aws('wait', 'table-exists', '--table-name', name);
    for (let i = 0; i < 5; i++) {
      await aws('put-item', '--table-name', name, '--item', JSON.stringify({ pk: { S: 'p' }, sk: { N: String(i) }, label: { S: `héllo ${i}` } }));
    }
    const got = await aws('get-item', '--table-name', name, '--key', JSON.stringify({ pk: { S: 'p' }, sk: { N: '3' } }));
    t.deepEqual(got.Item, { pk: { S: 'p' }, sk: { N: '3' }, label: { S: 'héllo 3' } });
    const queried = await aws('query', '--table-name', name, '--key-condition-expression', 'pk = :p AND sk >= :s',
      '--expression-attribute-values', JSON.stringify({ ':p': { S: 'p' }, ':s': { N: '2' } }), '--no-scan-index-forward');
    t.deepEqual((queried.Items as Array<{ sk: { N: string } }>).map((i) => i.sk.N), ['4', '3', '2']);
    // The CLI pages a Scan itself (here 2 items a page) and joins the pages.
    const scanned = await aws('scan', '--table-name', name, '--page-size', '2', '--filter-expression', 'sk <> :s', '--expression-attribute-values', JSON.stringify({ ':s': { N: '0' } }));
    t.is(scanned.Count, 4);
    t.is(scanned.ScannedCount, 5);
    const updated = await aws('update-item', '--table-name', name, '--key', JSON.stringify({ pk: { S: 'p' }, sk: { N: '1' } }),
      '--update-expression', 'ADD hits :one', '--expression-attribute-values', JSON.stringify({ ':one': { N: '1' } }), '--return-values', 'UPDATED_NEW');
    t.deepEqual(updated.Attributes, { hits: { N: '1' } });
    await t.throwsAsync(aws('put-item', '--table-name', name, '--item', JSON.stringify({ pk: { S: 'p' }, sk: { N: '1' } }), '--condition-expression', 'attribute_not_exists(pk)'),
      { message: /ConditionalCheckFailedException/ });
    const described = await aws('describe-table', '--table-name', name);
    t.is((described.Table as { ItemCount: number }).ItemCount, 5);
    await aws('delete-table', '--table-name', name);
    await t.throwsAsync(aws('describe-table', '--table-name', name), { message: /ResourceNotFoundException/ });
  } finally {
    await server.stop();
  }
});
