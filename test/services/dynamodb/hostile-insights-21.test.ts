/**
 * Contributor Insights and Kinesis destinations fed hostile requests (session 21): forged or
 * borrowed ListContributorInsights tokens, indexes that do not exist, tables deleted in between.
 * Sources: the ack-api-quirks DynamoDB findings DDB-TABLE-094, 095, 137 (real AWS, 2026-10-08/09)
 * for the index and paging rows; radkawar/stackd testdata/aws/dynamodb/kinesis_destination.json
 * seq 11 (us-east-1, 2026-09-19) for a missing table. No capture shows AWS's answer to a forged
 * ListContributorInsights NextToken: ValidationException is the safest answer and the code
 * ListImports answers for one (scylladb test/alternator/test_import.py, PR #31619, 2026).
 */
import test from 'ava';
import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';

let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 9, 8, 23, 22, 46, 746);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return r.status === 200 ? [200, r.body] : [r.status, r.body.__type];
}

/** A table with GSIs gsi1 and gsi2, insights enabled on the table and both GSIs: three summaries. */
async function insightful(): Promise<string> {
  const TableName = uniqueTable('ci');
  const gsi = (name: string) => ({ IndexName: name, KeySchema: [{ AttributeName: name, KeyType: 'HASH' as const }], Projection: { ProjectionType: 'ALL' as const } });
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: ['pk', 'gsi1', 'gsi2'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })), GlobalSecondaryIndexes: [gsi('gsi1'), gsi('gsi2')],
  }));
  for (const IndexName of [undefined, 'gsi1', 'gsi2']) t0(await answer('UpdateContributorInsights', { TableName, IndexName, ContributorInsightsAction: 'ENABLE' }));
  return TableName;
}
const t0 = (a: unknown[]): void => { if (a[0] !== 200) throw new Error(`unexpected ${JSON.stringify(a)}`); };

test.serial('ListContributorInsights: a NextToken boltstack did not issue is a ValidationException, not the first page again', async (t) => {
  const TableName = await insightful();
  // Before: 'abc' parsed as offset 0 and answered page 1 again with a NextToken (a client looping
  // on it never ends); '2' skipped two entries silently.
  for (const NextToken of ['abc', '2', '-1', '1e3', Buffer.from('[1,""]').toString('base64'), 'x'.repeat(3000)]) {
    t.deepEqual(await answer('ListContributorInsights', { TableName, MaxResults: 1, NextToken }), [400, VALIDATION], NextToken.slice(0, 20));
  }
});

test.serial('ListContributorInsights: a NextToken from another table, or from the account-wide listing, is a ValidationException', async (t) => {
  const a = await insightful();
  const b = await insightful();
  const first = (await answer('ListContributorInsights', { TableName: a, MaxResults: 1 }))[1] as { NextToken: string };
  // Before: A's offset 1 was applied to B, silently skipping B's table entry.
  t.deepEqual(await answer('ListContributorInsights', { TableName: b, MaxResults: 1, NextToken: first.NextToken }), [400, VALIDATION]);
  const wide = (await answer('ListContributorInsights', { MaxResults: 1 }))[1] as { NextToken: string };
  t.deepEqual(await answer('ListContributorInsights', { TableName: b, MaxResults: 1, NextToken: wide.NextToken }), [400, VALIDATION]);
  // A token from the listing it came from still pages through every entry, once each (DDB-TABLE-095).
  const seen: unknown[] = [];
  let token: string | undefined;
  do {
    const page = (await answer('ListContributorInsights', { TableName: b, MaxResults: 1, ...(token && { NextToken: token }) }))[1] as { ContributorInsightsSummaries: Array<{ IndexName?: string }>; NextToken?: string };
    seen.push(...page.ContributorInsightsSummaries.map((s) => s.IndexName ?? '(table)'));
    token = page.NextToken;
  } while (token);
  t.deepEqual(seen, ['(table)', 'gsi1', 'gsi2']);
});

test.serial('pinned: insights for an index that does not exist, or a table deleted in between, are ResourceNotFoundException (DDB-TABLE-094, 137)', async (t) => {
  const TableName = await insightful();
  t.deepEqual(await answer('DescribeContributorInsights', { TableName, IndexName: 'nope' }), [400, `${PREFIX}ResourceNotFoundException`]);
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, IndexName: 'nope', ContributorInsightsAction: 'ENABLE' }), [400, `${PREFIX}ResourceNotFoundException`]);
  // A GSI dropped and made again under its name is a new index: the old one's insights are not its.
  await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'gsi1' } }] }));
  now += 60_000;
  t.deepEqual(await answer('DescribeContributorInsights', { TableName, IndexName: 'gsi1' }), [400, `${PREFIX}ResourceNotFoundException`]);
  await ddb.send(new DeleteTableCommand({ TableName }));
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), [400, `${PREFIX}ResourceNotFoundException`]);
  t.deepEqual(await answer('ListContributorInsights', { TableName }), [400, `${PREFIX}ResourceNotFoundException`]);
  // stackd kinesis_destination.json seq 11: a missing table.
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s' }), [400, `${PREFIX}ResourceNotFoundException`]);
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [400, `${PREFIX}ResourceNotFoundException`]);
  // A new table of the same name starts with nothing enabled (insights and destinations are per table id).
  await ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }));
  t.deepEqual(await answer('ListContributorInsights', { TableName }), [200, { ContributorInsightsSummaries: [] }]);
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [200, { KinesisDataStreamDestinations: [], TableName }]);
});
