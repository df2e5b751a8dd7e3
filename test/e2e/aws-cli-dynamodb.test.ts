/**
 * DynamoDB and STS through the AWS CLI beyond the basics of dynamodb-aws-cli.test.ts:
 * batch-write-item from a file, a transaction cancelled by its condition, PartiQL with
 * --parameters, scan paged by the CLI (--max-items/--starting-token), TTL, the table-not-exists
 * waiter, and a 12-digit access key naming the account. Each row asserts what the CLI printed. The
 * CLI ships with this project's machine image (awscli v1); where it is missing the file says so
 * and is skipped (required in CI: test/helpers/aws-cli.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cliSession, cliTestFor } from '../helpers/aws-cli.js';
import { CREDENTIALS } from '../helpers/server.js';

const cliTest = cliTestFor('aws-cli-dynamodb.test');

type Item = Record<string, Record<string, unknown>>;

cliTest('aws dynamodb batch-write-item file://, transact-write-items cancelled, execute-statement --parameters, scan --max-items/--starting-token', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  const ddb = new DynamoDBClient({ endpoint: cli.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  try {
    await ddb.send(new CreateTableCommand({
      TableName: 'cli-items', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    const items = Array.from({ length: 5 }, (_, i) => ({ pk: { S: `k${i}` }, n: { N: String(i) }, tags: { SS: ['a', 'b'] } }));
    await writeFile(join(cli.dir, 'batch.json'), JSON.stringify({ 'cli-items': items.map((Item) => ({ PutRequest: { Item } })) }));
    t.deepEqual(await cli.json('dynamodb', 'batch-write-item', '--request-items', 'file://batch.json'), { UnprocessedItems: {} });

    // The CLI prints the exception's message, which names each action's reason in order.
    const cancelled = await cli.aws(['dynamodb', 'transact-write-items', '--transact-items', JSON.stringify([
      { Put: { TableName: 'cli-items', Item: { pk: { S: 'new' } } } },
      { ConditionCheck: { TableName: 'cli-items', Key: { pk: { S: 'k1' } }, ConditionExpression: 'n = :v', ExpressionAttributeValues: { ':v': { N: '99' } } } },
    ])]);
    t.is(cancelled.code, 255);
    t.is(cancelled.stderr.trim(), 'An error occurred (TransactionCanceledException) when calling the TransactWriteItems operation: '
      + 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]');

    t.deepEqual(await cli.json('dynamodb', 'execute-statement', '--statement', 'SELECT * FROM "cli-items" WHERE pk = ?', '--parameters', '[{"S":"k3"}]'),
      { Items: [items[3]] });
    t.deepEqual(await cli.json('dynamodb', 'execute-statement', '--statement', 'UPDATE "cli-items" SET n = n + ? WHERE pk = ? RETURNING MODIFIED NEW *',
      '--parameters', '[{"N":"10"},{"S":"k3"}]'), { Items: [{ n: { N: '13' } }] });
    const duplicate = await cli.aws(['dynamodb', 'execute-statement', '--statement', `INSERT INTO "cli-items" VALUE {'pk': ?}`, '--parameters', '[{"S":"k3"}]']);
    t.is(duplicate.code, 255);
    t.is(duplicate.stderr.trim(), 'An error occurred (DuplicateItemException) when calling the ExecuteStatement operation: Duplicate primary key exists in table');

    // --max-items truncates in the CLI; --page-size 2 makes the server page by LastEvaluatedKey.
    type Page = { Items: Item[]; NextToken?: string };
    const first = await cli.json<Page>('dynamodb', 'scan', '--table-name', 'cli-items', '--max-items', '3', '--page-size', '2');
    t.is(first.Items.length, 3);
    const rest = await cli.json<Page>('dynamodb', 'scan', '--table-name', 'cli-items', '--max-items', '3', '--page-size', '2', '--starting-token', first.NextToken!);
    t.is(rest.NextToken, undefined);
    t.deepEqual([...first.Items, ...rest.Items].map((i) => i.pk!.S).sort(), ['k0', 'k1', 'k2', 'k3', 'k4']);
  } finally {
    ddb.destroy();
    await cli.close();
  }
});

cliTest('aws dynamodb create-table, update-time-to-live, describe-time-to-live, delete-table, wait table-not-exists', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  try {
    const created = await cli.json<{ TableDescription: { TableArn: string; TableStatus: string } }>('dynamodb', 'create-table', '--table-name', 'cli-ttl',
      '--billing-mode', 'PAY_PER_REQUEST', '--attribute-definitions', 'AttributeName=pk,AttributeType=S', '--key-schema', 'AttributeName=pk,KeyType=HASH');
    t.is(created.TableDescription.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/cli-ttl');
    t.deepEqual(await cli.json('dynamodb', 'update-time-to-live', '--table-name', 'cli-ttl', '--time-to-live-specification', 'Enabled=true,AttributeName=expires'),
      { TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } });
    t.deepEqual(await cli.json('dynamodb', 'describe-time-to-live', '--table-name', 'cli-ttl'),
      { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' } });
    const again = await cli.aws(['dynamodb', 'update-time-to-live', '--table-name', 'cli-ttl', '--time-to-live-specification', 'Enabled=true,AttributeName=expires']);
    t.is(again.code, 255);
    t.is(again.stderr.trim(), 'An error occurred (ValidationException) when calling the UpdateTimeToLive operation: TimeToLive is already enabled');
    t.is((await cli.json<{ TableDescription: { TableStatus: string } }>('dynamodb', 'delete-table', '--table-name', 'cli-ttl')).TableDescription.TableStatus, 'DELETING');
    t.is(await cli.ok('dynamodb', 'wait', 'table-not-exists', '--table-name', 'cli-ttl'), '');
  } finally {
    await cli.close();
  }
});

cliTest('aws sts get-caller-identity with a 12-digit access key: that key is the account, for STS and for the queue it creates', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  try {
    const env = { AWS_ACCESS_KEY_ID: '123456789012' };
    const who = await cli.aws(['--output', 'json', 'sts', 'get-caller-identity'], { env });
    t.is(who.code, 0);
    t.deepEqual(JSON.parse(who.stdout), { UserId: '123456789012', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root' });
    const queue = await cli.aws(['--output', 'json', 'sqs', 'create-queue', '--queue-name', 'account-q'], { env });
    t.deepEqual(JSON.parse(queue.stdout), { QueueUrl: `${cli.endpoint}/123456789012/account-q` });
  } finally {
    await cli.close();
  }
});
