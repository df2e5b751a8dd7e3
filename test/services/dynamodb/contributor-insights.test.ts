/**
 * Contributor Insights (Describe/Update/ListContributorInsights), as AWS answers them; nothing is
 * collected. Sources, named beside each row:
 * - QUIRKS: the ack-api-quirks DynamoDB findings DDB-TABLE-nnn (generated 2026-10-09 from probes
 *   of real AWS, us-west-2, verified 2026-10-08/09).
 * - CLI: the AWS CLI's describe-contributor-insights example (rule names and their order).
 * - API: the API reference's constraints (enum values, MaxResults at most 100).
 * The clock is the test's: ENABLING settles after 1 s and DISABLING after 2 s (QUIRKS DDB-TABLE-090).
 */
import test from 'ava';
import { CreateTableCommand, DeleteTableCommand, DescribeContributorInsightsCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

const QUIRKS = 'ack-api-quirks DynamoDB finding';
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';

let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 9, 8, 23, 22, 46, 746);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return r.status === 200 ? [200, r.body] : [r.status, r.body.__type, r.body.message ?? r.body.Message];
}

/** A hash+range table with a hash-only GSI `gsi1` and an LSI `lsi1`. */
async function tableWithIndexes(name: string): Promise<void> {
  await ddb.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }, { AttributeName: 'l', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    LocalSecondaryIndexes: [{ IndexName: 'lsi1', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
}

test.serial(`a table from never configured through enabled and back to disabled (${QUIRKS} DDB-TABLE-089, 090, 091, 095, 341, 343)`, async (t) => {
  const TableName = uniqueTable('ci');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), [200, { TableName, ContributorInsightsStatus: 'DISABLED' }], 'DDB-TABLE-089: fresh table');
  t.deepEqual(await answer('ListContributorInsights', { TableName }), [200, { ContributorInsightsSummaries: [] }], 'DDB-TABLE-095: a never-configured table is not listed');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'DISABLE' }), [200, { TableName, ContributorInsightsStatus: 'DISABLED' }], 'DDB-TABLE-089: DISABLE when never configured');

  const enabledAt = now;
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE' }),
    [200, { TableName, ContributorInsightsStatus: 'ENABLING', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-090: the ENABLE answer');
  t.is((await ddb.send(new DescribeContributorInsightsCommand({ TableName }))).ContributorInsightsStatus, 'ENABLING', 'DDB-TABLE-090: ENABLING first');
  now += 1_500;
  const enabled = await answer('DescribeContributorInsights', { TableName });
  t.deepEqual(enabled, [200, {
    TableName, ContributorInsightsRuleList: [`DynamoDBContributorInsights-PKC-${TableName}-${enabledAt}`, `DynamoDBContributorInsights-PKT-${TableName}-${enabledAt}`],
    ContributorInsightsStatus: 'ENABLED', LastUpdateDateTime: enabledAt / 1000, ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS',
  }], 'DDB-TABLE-090, 093: ENABLED, two rules for a hash-only table');
  t.deepEqual(await answer('ListContributorInsights', { TableName }),
    [200, { ContributorInsightsSummaries: [{ TableName, ContributorInsightsStatus: 'ENABLED', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }] }], 'DDB-TABLE-095');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE' }),
    [200, { TableName, ContributorInsightsStatus: 'ENABLED', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-091/341: re-ENABLE is a synchronous no-op');
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), enabled, 'DDB-TABLE-341: same rules, same LastUpdateDateTime');

  const disabledAt = now;
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'DISABLE' }),
    [200, { TableName, ContributorInsightsStatus: 'DISABLING', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-090: DISABLING');
  t.deepEqual(await answer('ListContributorInsights', { TableName }),
    [200, { ContributorInsightsSummaries: [{ TableName, ContributorInsightsStatus: 'DISABLING', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }] }], 'DDB-TABLE-343: DISABLING is listed');
  now += 2_500;
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }),
    [200, { TableName, ContributorInsightsStatus: 'DISABLED', LastUpdateDateTime: disabledAt / 1000, ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-089: after a cycle');
  t.deepEqual(await answer('ListContributorInsights', { TableName }), [200, { ContributorInsightsSummaries: [] }], 'DDB-TABLE-343: gone from the list once DISABLED');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'DISABLE' }),
    [200, { TableName, ContributorInsightsStatus: 'DISABLED', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-091: DISABLE when DISABLED');

  now += 1_000;
  const again = now;
  await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE' });
  now += 1_500;
  const rules = (await ddb.send(new DescribeContributorInsightsCommand({ TableName }))).ContributorInsightsRuleList;
  t.deepEqual(rules, [`DynamoDBContributorInsights-PKC-${TableName}-${again}`, `DynamoDBContributorInsights-PKT-${TableName}-${again}`], 'DDB-TABLE-093: new names after disable/re-enable');
});

test.serial(`GSIs have their own state, LSIs and unknown indexes none (${QUIRKS} DDB-TABLE-093, 094, 095, 137, 161, 341; CLI rule order)`, async (t) => {
  const TableName = uniqueTable('cix');
  await tableWithIndexes(TableName);
  const stamp = now;
  await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE' });
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, IndexName: 'gsi1', ContributorInsightsAction: 'ENABLE' }),
    [200, { TableName, IndexName: 'gsi1', ContributorInsightsStatus: 'ENABLING', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' }], 'DDB-TABLE-094');
  now += 1_500;
  const rule = (kind: string, resource: string): string => `DynamoDBContributorInsights-${kind}-${resource}-${stamp}`;
  t.deepEqual((await ddb.send(new DescribeContributorInsightsCommand({ TableName }))).ContributorInsightsRuleList,
    [rule('PKC', TableName), rule('SKC', TableName), rule('PKT', TableName), rule('SKT', TableName)], 'DDB-TABLE-093: four rules with a range key, CLI order');
  const gsi = await answer('DescribeContributorInsights', { TableName, IndexName: 'gsi1' });
  t.deepEqual((gsi[1] as Record<string, unknown>).ContributorInsightsRuleList, [rule('PKC', `${TableName}-gsi1`), rule('PKT', `${TableName}-gsi1`)], 'DDB-TABLE-112: a GSI rule names table and index');
  t.is((gsi[1] as Record<string, unknown>).IndexName, 'gsi1');

  for (const IndexName of ['lsi1', 'nope']) {
    const missing = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Index: ${IndexName} not found for table: ${TableName}`];
    t.deepEqual(await answer('DescribeContributorInsights', { TableName, IndexName }), missing, `DDB-TABLE-094: Describe ${IndexName}`);
    t.deepEqual(await answer('UpdateContributorInsights', { TableName, IndexName, ContributorInsightsAction: 'ENABLE' }), missing, `DDB-TABLE-094/137/161: Update ${IndexName}`);
  }

  const first = await answer('ListContributorInsights', { TableName, MaxResults: 1 });
  const summary = (IndexName?: string): Record<string, unknown> => ({ TableName, ...(IndexName ? { IndexName } : {}), ContributorInsightsStatus: 'ENABLED', ContributorInsightsMode: 'ACCESSED_AND_THROTTLED_KEYS' });
  const page1 = first[1] as { ContributorInsightsSummaries: unknown[]; NextToken?: string };
  t.deepEqual(page1.ContributorInsightsSummaries, [summary()], 'DDB-TABLE-095: the table first');
  t.truthy(page1.NextToken);
  t.deepEqual(await answer('ListContributorInsights', { TableName, MaxResults: 1, NextToken: page1.NextToken }),
    [200, { ContributorInsightsSummaries: [summary('gsi1')] }], 'DDB-TABLE-095: then the GSI, no NextToken on the last page');

  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE', ContributorInsightsMode: 'THROTTLED_KEYS' }),
    [200, { TableName, ContributorInsightsStatus: 'ENABLING', ContributorInsightsMode: 'THROTTLED_KEYS' }], 'DDB-TABLE-341: a mode change is a new ENABLING');
  now += 1_500;
  t.deepEqual((await ddb.send(new DescribeContributorInsightsCommand({ TableName }))).ContributorInsightsRuleList,
    [rule('PKT', TableName), rule('SKT', TableName)], 'DDB-TABLE-341: PKT/SKT kept with their time');
});

test.serial(`a deleted GSI takes its insights with it, and one created again under its name starts DISABLED (${QUIRKS} DDB-TABLE-112)`, async (t) => {
  const TableName = uniqueTable('cigsi');
  await tableWithIndexes(TableName);
  await answer('UpdateContributorInsights', { TableName, IndexName: 'gsi1', ContributorInsightsAction: 'ENABLE' });
  now += 1_500;
  await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'gsi1' } }] }));
  const gone = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Index: gsi1 not found for table: ${TableName}`];
  t.deepEqual(await answer('DescribeContributorInsights', { TableName, IndexName: 'gsi1' }), gone, 'Describe after the delete');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, IndexName: 'gsi1', ContributorInsightsAction: 'DISABLE' }), gone, 'DISABLE on the deleted index');
  t.deepEqual(await answer('ListContributorInsights', { TableName }), [200, { ContributorInsightsSummaries: [] }], 'no orphan in the list');
  await ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'gsi1', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
  }));
  t.deepEqual(await answer('DescribeContributorInsights', { TableName, IndexName: 'gsi1' }), [200, { TableName, IndexName: 'gsi1', ContributorInsightsStatus: 'DISABLED' }], 'a new GSI of the same name');
});

test.serial(`missing tables and invalid input (${QUIRKS} DDB-TABLE-094, 097; API constraints)`, async (t) => {
  const TableName = uniqueTable('cimissing');
  const gone = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${TableName} not found`];
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), gone, 'DDB-TABLE-097');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'DISABLE' }), gone, 'DDB-TABLE-097');
  t.deepEqual((await answer('ListContributorInsights', { TableName })).slice(0, 2), [400, `${PREFIX}ResourceNotFoundException`], 'DDB-TABLE-094: List on a missing table');
  const existing = uniqueTable('civ');
  await createKeyedTable(ddb, existing, [['pk', 'S']]);
  t.deepEqual(await answer('UpdateContributorInsights', { TableName: existing, ContributorInsightsAction: 'TOGGLE' }), [400, VALIDATION,
    "1 validation error detected: Value 'TOGGLE' at 'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value set: [ENABLE, DISABLE]"], 'API');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName: existing, ContributorInsightsAction: 'ENABLE', ContributorInsightsMode: 'ALL_KEYS' }), [400, VALIDATION,
    "1 validation error detected: Value 'ALL_KEYS' at 'contributorInsightsMode' failed to satisfy constraint: Member must satisfy enum value set: [ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]"], 'API');
  t.deepEqual(await answer('UpdateContributorInsights', { TableName: 'x', IndexName: 'ab' }), [400, VALIDATION,
    "3 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
    + "Value 'ab' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
    + "Value null at 'contributorInsightsAction' failed to satisfy constraint: Member must not be null"], 'API: members checked together, in member order');
  t.deepEqual(await answer('ListContributorInsights', { MaxResults: 101 }), [400, VALIDATION,
    "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"], 'API');
});

test.serial(`a table deleted and created again starts DISABLED (${QUIRKS} DDB-TABLE-097, 342)`, async (t) => {
  const TableName = uniqueTable('cidel');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await answer('UpdateContributorInsights', { TableName, ContributorInsightsAction: 'ENABLE' });
  await ddb.send(new DeleteTableCommand({ TableName }));
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${TableName} not found`]);
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  t.deepEqual(await answer('DescribeContributorInsights', { TableName }), [200, { TableName, ContributorInsightsStatus: 'DISABLED' }]);
  t.false(JSON.stringify((await answer('ListContributorInsights', {}))[1]).includes(TableName), 'not in the account-wide list');
});

test('the state survives a restart', async (t) => {
  const tmp = await tempDir();
  let clock = Date.UTC(2026, 9, 8, 12, 0, 0);
  const enabledAt = clock;
  try {
    const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => clock });
    try {
      await createKeyedTable(ddbClient(first.endpoint), 'cirestart', [['pk', 'S']]);
      await rawCall(first.endpoint, 'UpdateContributorInsights', { TableName: 'cirestart', ContributorInsightsAction: 'ENABLE', ContributorInsightsMode: 'THROTTLED_KEYS' });
    } finally {
      await first.stop();
    }
    clock += 5_000;
    const second = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => clock });
    try {
      const got = await ddbClient(second.endpoint).send(new DescribeContributorInsightsCommand({ TableName: 'cirestart' }));
      t.deepEqual([got.ContributorInsightsStatus, got.ContributorInsightsMode, got.ContributorInsightsRuleList],
        ['ENABLED', 'THROTTLED_KEYS', [`DynamoDBContributorInsights-PKT-cirestart-${enabledAt}`]]);
    } finally {
      await second.stop();
    }
  } finally {
    await tmp.remove();
  }
});
