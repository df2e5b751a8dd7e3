/**
 * Resource-based policies (Put/Get/DeleteResourcePolicy, CreateTable's ResourcePolicy), as AWS
 * answers them. Sources, named beside each row:
 * - STACKD: native AWS calls, radkawar/stackd testdata/aws/dynamodb/policies.json (us-east-1,
 *   2026-09-17); its table name and account are used as they are, so messages compare whole.
 * - QUIRKS: the ack-api-quirks DynamoDB findings DDB-TABLE-nnn (generated 2026-10-09 from probes
 *   of real AWS, us-west-2).
 * - MOTO: moto's AWS-verified tests, tests/test_dynamodb/test_dynamodb_resource_policy.py.
 * AWS shows a change to the next Get 1-3 s later and holds the next change back 15 s; boltstack
 * does neither (docs/dynamodb.md), so rows that waited on AWS follow at once here.
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteResourcePolicyCommand, DeleteTableCommand, GetResourcePolicyCommand, PutResourcePolicyCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

const STACKD = 'radkawar/stackd testdata/aws/dynamodb/policies.json';
const QUIRKS = 'ack-api-quirks DynamoDB finding';
const MOTO = 'moto tests/test_dynamodb/test_dynamodb_resource_policy.py (AWS-verified)';
const ACCOUNT = '000000000000';
const arnOf = (table: string, region = 'us-east-1'): string => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table}`;
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';

let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 8, 17, 9, 21, 2, 247);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

/** The status, `__type` and message of a raw call (or its body when it succeeded). */
async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return r.status === 200 ? [200, r.body] : [r.status, r.body.__type, r.body.message ?? r.body.Message];
}

/** A policy of the capture's form: minified, AWS's key order. */
const grant = (table: string, action: string | string[] = 'dynamodb:GetItem', sid = 'UserRead'): string => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/Delegated` }, Action: action, Resource: arnOf(table) }],
});

async function newTable(prefix: string): Promise<string> {
  const name = uniqueTable(prefix);
  await createKeyedTable(ddb, name, [['pk', 'S']]);
  return name;
}

// STACKD seq 10, 18, 22-25, 49, 53-54, 58, 60-61: one table's policy from none to deleted, each
// answer whole. seq 18's RevisionId is the Put's epoch ms (09:21:02.247 UTC).
test.serial(`a table's policy from none to deleted (${STACKD} seq 10-61)`, async (t) => {
  const name = 'stackd-ddb-pol-20260917092027-8fd7e7';
  const ResourceArn = arnOf(name);
  await createKeyedTable(ddb, name, [['pk', 'S']]);
  const notFound = `Resource-based policy not found for the provided ResourceArn: ${ResourceArn}`;
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), [400, `${PREFIX}PolicyNotFoundException`, notFound], 'seq 10');
  // seq 18's document, as sent.
  const Policy = '{"Version":"2012-10-17","Statement":[{"Sid":"RecoverableAdministrator","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/Delegated"},"Action":["dynamodb:PutResourcePolicy","dynamodb:GetResourcePolicy","dynamodb:DeleteResourcePolicy"],"Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/stackd-ddb-pol-20260917092027-8fd7e7"},{"Sid":"UserRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/stackd-ddb-pol-20260917092027-8fd7e7-u"},"Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/stackd-ddb-pol-20260917092027-8fd7e7"}]}';
  now = Date.UTC(2026, 8, 17, 9, 21, 2, 247);
  t.deepEqual(await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy, ExpectedRevisionId: 'NO_POLICY' })).then((r) => r.RevisionId), '1789636862247', 'seq 18');
  const got = await ddb.send(new GetResourcePolicyCommand({ ResourceArn }));
  t.deepEqual([got.Policy, got.RevisionId], [Policy, '1789636862247'], 'seq 22: the document as sent (it is in canonical form)');
  now += 24_000;
  t.is((await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy }))).RevisionId, '1789636862247', 'seq 23: the same document changes nothing');
  const mismatch = `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id not-the-current-revision, but the policy associated to target table ${name} has revision id 1789636862247.`;
  t.deepEqual(await answer('PutResourcePolicy', { ResourceArn, Policy, ExpectedRevisionId: 'not-the-current-revision' }), [400, `${PREFIX}PolicyNotFoundException`, mismatch], 'seq 24');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn, ExpectedRevisionId: 'not-the-current-revision' }), [400, `${PREFIX}PolicyNotFoundException`, mismatch], 'seq 25');
  // seq 49 put the same document again after AWS had rewritten a deleted user's principal: a change.
  now = Date.UTC(2026, 8, 17, 9, 25, 12, 848);
  const changed = Policy.replace('"Sid":"UserRead"', '"Sid":"UserReadAgain"');
  t.is((await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: changed }))).RevisionId, '1789637112848', 'seq 49');
  t.is((await ddb.send(new GetResourcePolicyCommand({ ResourceArn }))).RevisionId, '1789637112848', 'seq 53');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn, ExpectedRevisionId: '1789637112848' }), [200, { RevisionId: '1789637112848' }], 'seq 54');
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), [400, `${PREFIX}PolicyNotFoundException`, notFound], 'seq 58');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn }), [200, {}], 'seq 60: no policy, no revision: an empty answer');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn, ExpectedRevisionId: '1789637112848' }), [400, `${PREFIX}PolicyNotFoundException`,
    `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id 1789637112848, but table ${name} has no associated policy.`], 'seq 61');
  // seq 84: a Delete without ExpectedRevisionId answers the revision it deleted.
  now = Date.UTC(2026, 8, 17, 9, 27, 15, 289);
  t.is((await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy }))).RevisionId, '1789637235289', 'seq 72');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn }), [200, { RevisionId: '1789637235289' }], 'seq 84');
  await ddb.send(new DeleteTableCommand({ TableName: name }));
});

test(`a table that never had a policy: Delete answers empty (${STACKD} seq 109)`, async (t) => {
  const name = await newTable('polnever');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn: arnOf(name) }), [200, {}]);
});

test.serial(`NO_POLICY while a policy exists; a revision that was replaced (${MOTO})`, async (t) => {
  const name = await newTable('polnone');
  const ResourceArn = arnOf(name);
  now = 1_790_000_000_000;
  const first = (await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: grant(name) }))).RevisionId!;
  t.deepEqual(await answer('PutResourcePolicy', { ResourceArn, Policy: grant(name, 'dynamodb:PutItem'), ExpectedRevisionId: 'NO_POLICY' }), [400, `${PREFIX}PolicyNotFoundException`,
    `Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table ${name}, but a policy exists with revision id ${first}.`],
  'test_put_resource_policy_against_norevision_when_revision_exists');
  now += 16_000;
  const second = (await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: grant(name, 'dynamodb:PutItem'), ExpectedRevisionId: first }))).RevisionId!;
  t.true(Number(second) > Number(first), 'test_put_resource_policy_multiple_times: ids are change times');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn, ExpectedRevisionId: first }), [400, `${PREFIX}PolicyNotFoundException`,
    `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id ${first}, but the policy associated to target table ${name} has revision id ${second}.`],
  'test_delete_resource_policy_from_former_revision');
});

test(`a missing table: ResourceNotFoundException naming it, on all three (${STACKD} seq 114, 120; ${QUIRKS} DDB-TABLE-212; ${MOTO})`, async (t) => {
  const name = `${uniqueTable('polmissing')}unknown`;
  const expected = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${name} not found`];
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: arnOf(name) }), expected);
  t.deepEqual(await answer('PutResourcePolicy', { ResourceArn: arnOf(name), Policy: grant(name) }), expected);
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn: arnOf(name) }), expected);
  // Table names are case-sensitive.
  const existing = await newTable('polcase');
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: arnOf(existing.toUpperCase()) }),
    [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${existing.toUpperCase()} not found`]);
});

test(`ResourceArn forms other than a table or stream of the caller's account and region (${QUIRKS} DDB-TABLE-212)`, async (t) => {
  const name = await newTable('polarn');
  const invalid = (detail: string) => [400, VALIDATION, `One or more parameter values were invalid: ${detail}`];
  const rows: Array<[string, string, unknown[]]> = [
    ['bare table name', name, invalid(`ARNs must start with 'arn:': ${name}`)],
    ['another account', `arn:aws:dynamodb:us-east-1:111111111111:table/${name}`, [400, VALIDATION, 'This action is only supported by accounts that match the resource owner\u2019s account.']],
    ['another region', arnOf(name, 'us-west-2'), invalid(`Invalid resource Arn: ${arnOf(name, 'us-west-2')}`)],
    ['the aws-cn partition', `arn:aws-cn:dynamodb:us-east-1:${ACCOUNT}:table/${name}`, invalid(`Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:${ACCOUNT}:table/${name}`)],
    ['a backup-shaped ARN', `${arnOf(name)}/backup/0170`, invalid(`Provided Arn is not a DynamoDB resource arn: ${arnOf(name)}/backup/0170`)],
  ];
  for (const [what, ResourceArn, expected] of rows) {
    t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), expected, `Get: ${what}`);
    t.deepEqual(await answer('PutResourcePolicy', { ResourceArn, Policy: grant(name) }), expected, `Put: ${what}`);
    t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn }), expected, `Delete: ${what}`);
  }
  // The capture's message is cut at 'Provided resource arn: arn:aws:dynamodb:us-west-2:<ACCOUNT>'; the ARN follows whole here.
  const index = await rawCall(server.endpoint, 'GetResourcePolicy', { ResourceArn: `${arnOf(name)}/index/byOther` });
  t.is(index.body.__type, VALIDATION);
  t.is(index.body.message, `One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arnOf(name)}/index/byOther`);
});

test(`a stream is a policy slot of its own; a stream label that does not exist (${QUIRKS} DDB-TABLE-212, 213)`, async (t) => {
  const TableName = uniqueTable('polstream');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  }));
  const streamArn = created.TableDescription!.LatestStreamArn!;
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: streamArn }), [400, `${PREFIX}PolicyNotFoundException`, `Resource-based policy not found for the provided ResourceArn: ${streamArn}`]);
  const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ['dynamodb:GetRecords', 'dynamodb:DescribeStream'], Resource: streamArn }] });
  const rev = (await ddb.send(new PutResourcePolicyCommand({ ResourceArn: streamArn, Policy }))).RevisionId;
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: streamArn }), [200, { Policy, RevisionId: rev }], 'the stream\'s own policy');
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: arnOf(TableName) }),
    [400, `${PREFIX}PolicyNotFoundException`, `Resource-based policy not found for the provided ResourceArn: ${arnOf(TableName)}`], 'the table has none');
  const bogus = `${arnOf(TableName)}/stream/2000-01-01T00:00:00.000`;
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: bogus }),
    [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: ${TableName}`]);
  // After DeleteTable the stream lives on (24 h of records) without its policy (DDB-TABLE-214).
  await ddb.send(new DeleteTableCommand({ TableName }));
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: streamArn }), [400, `${PREFIX}PolicyNotFoundException`, `Resource-based policy not found for the provided ResourceArn: ${streamArn}`]);
});

test(`DeleteTable takes the policy with it; a table re-created under the name has none (${STACKD} seq 116-120; ${QUIRKS} DDB-TABLE-214, 236)`, async (t) => {
  const name = await newTable('poldelete');
  const ResourceArn = arnOf(name);
  await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: grant(name) }));
  await ddb.send(new DeleteTableCommand({ TableName: name }));
  const gone = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${name} not found`];
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), gone, 'Get');
  t.deepEqual(await answer('PutResourcePolicy', { ResourceArn, Policy: grant(name) }), gone, 'Put');
  t.deepEqual(await answer('DeleteResourcePolicy', { ResourceArn }), gone, 'Delete: not idempotent across the table\'s deletion');
  await createKeyedTable(ddb, name, [['pk', 'S']]);
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), [400, `${PREFIX}PolicyNotFoundException`, `Resource-based policy not found for the provided ResourceArn: ${ResourceArn}`], 're-created: fresh');
});

test(`policy documents DynamoDB refuses (${QUIRKS} DDB-TABLE-211, 352, 356)`, async (t) => {
  const name = await newTable('polrefused');
  const ResourceArn = arnOf(name);
  const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
  const allow = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'dynamodb:GetItem', Resource: ResourceArn };
  const invalid = (detail: string) => [400, VALIDATION, `One or more parameter values were invalid: ${detail}`];
  const rows: Array<[string, string, unknown[]]> = [
    ['not JSON (211)', '{not json', invalid('Invalid policy document: This policy contains invalid Json')],
    ['an empty string (211)', '', invalid('Invalid policy document: This policy contains invalid Json')],
    ['an empty Statement list (211)', JSON.stringify({ Version: '2012-10-17', Statement: [] }), invalid('Invalid policy document: Could not parse the policy: Statement is empty!')],
    ['no Resource (211)', doc({ ...allow, Resource: undefined }), invalid('Invalid policy document: Missing required field Resource')],
    ['a Streams action on a table (211)', doc({ ...allow, Action: 'dynamodb:GetRecords' }), invalid('Invalid policy document: The following action names are invalid: "dynamodb:GetRecords"')],
    ['21504 bytes, whitespace-padded (211)', doc(allow) + ' '.repeat(21504 - doc(allow).length), invalid('Maximum policy size of 20480 bytes exceeded')],
    ['two statements with one Sid (356)', JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'A', ...allow }, { Sid: 'A', ...allow }] }), invalid('Invalid policy document: The Statement Ids in the policy are not unique')],
    ['an Allow to "*" (352)', doc({ ...allow, Principal: '*' }), [400, VALIDATION, 'Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access']],
    ['an Allow to {"AWS": "*"} (352)', doc({ ...allow, Principal: { AWS: '*' } }), [400, VALIDATION, 'Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access']],
  ];
  for (const [what, Policy, expected] of rows) t.deepEqual(await answer('PutResourcePolicy', { ResourceArn, Policy }), expected, what);
  // The column AWS names depends on a document the finding does not give: only the start is pinned.
  const bare = await rawCall(server.endpoint, 'PutResourcePolicy', { ResourceArn, Policy: doc({ ...allow, Principal: ACCOUNT }) });
  t.is(bare.body.__type, VALIDATION);
  t.regex(String(bare.body.message), /^One or more parameter values were invalid: Invalid policy document: Syntax error at position \(1,\d+\)$/, 'a bare account-id Principal (352)');
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn }), [400, `${PREFIX}PolicyNotFoundException`, `Resource-based policy not found for the provided ResourceArn: ${ResourceArn}`], 'nothing was stored');
  for (const [what, Resource] of [['another table', arnOf('someone-elses-table')], ['*', '*'], ['an index of the table', `${ResourceArn}/index/byOther`]]) {
    t.regex((await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: doc({ ...allow, Sid: what!.replace(/\W/g, ''), Resource }) }))).RevisionId!, /^\d{13}$/, `Resource naming ${what} is accepted (211)`);
  }
  const padded = doc(allow) + ' '.repeat(19456 - doc(allow).length);
  await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: padded }));
  t.is((await ddb.send(new GetResourcePolicyCommand({ ResourceArn }))).Policy, doc(allow), '19456 bytes are accepted and read back minified (211)');
});

test.serial(`the canonical form Get answers; equivalent documents keep their RevisionId (${QUIRKS} DDB-TABLE-207, 208, 351-355)`, async (t) => {
  const name = await newTable('polcanon');
  const ResourceArn = arnOf(name);
  const put = async (Policy: string) => (await ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy }))).RevisionId!;
  const get = async () => (await ddb.send(new GetResourcePolicyCommand({ ResourceArn }))).Policy!;
  now = 1_791_000_000_000;
  // Pretty-printed, keys scrambled, a Statement object, Effect in lower case, one-element lists,
  // an account id, a duplicated principal, a one-element condition value (352, 353, 355).
  const sent = JSON.stringify({
    Statement: {
      Resource: [ResourceArn], Action: ['dynamodb:GetItem'], Condition: { StringEquals: { 'aws:PrincipalAccount': [ACCOUNT] } },
      Principal: { AWS: [ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`] }, Effect: 'allow', Sid: 'Read',
    },
    Version: '2012-10-17',
  }, null, 2);
  const rev = await put(sent);
  const canonical = `{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:root"},"Action":"dynamodb:GetItem","Resource":"${ResourceArn}","Condition":{"StringEquals":{"aws:PrincipalAccount":"${ACCOUNT}"}}}]}`;
  t.is(await get(), canonical, '208, 351-353, 355');
  now += 1000;
  t.is(await put(canonical), rev, 'the Get output is the same policy (207, 351)');
  t.is(await put(JSON.stringify(JSON.parse(sent))), rev, 'minified (207)');
  // Longer lists stay as sent: order and duplicates kept, no case folding (353).
  const lists = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ['dynamodb:Query', 'dynamodb:getitem', 'dynamodb:Query'], Resource: [`${ResourceArn}/index/*`, ResourceArn] }] });
  const listsRev = await put(lists);
  t.true(Number(listsRev) > Number(rev), 'a different document is a change');
  t.is(await get(), lists, 'no Sid is added; lists kept (353, 355)');
  // Without Version: Get shows 2008-10-17, yet re-Putting that output is a change (354).
  const versionless = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'dynamodb:GetItem', Resource: ResourceArn }] });
  now += 16_000;
  const noVersion = await put(versionless);
  const shown = await get();
  t.is(shown, `{"Version":"2008-10-17",${versionless.slice(1)}`);
  t.is(await put(versionless), noVersion, 'the same Version-less document changes nothing');
  now += 16_000;
  t.not(await put(shown), noVersion, 'explicit 2008-10-17 is another document (354)');
  now += 16_000;
  t.not(await put(canonical), rev, 'document A again after another one: a new id, ids are change times (207)');
});

test.serial(`CreateTable's ResourcePolicy: stored with the creation time as its RevisionId (${QUIRKS} DDB-TABLE-233)`, async (t) => {
  const TableName = uniqueTable('polcreate');
  now = 1_791_506_149_206;
  const input = {
    TableName, BillingMode: 'PAY_PER_REQUEST' as const, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
  };
  const refused = await ddbErrorOf(ddb.send(new CreateTableCommand({ ...input, ResourcePolicy: '{not json' })));
  t.deepEqual([refused.name, refused.message], ['ValidationException', 'One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json']);
  t.deepEqual(await answer('GetResourcePolicy', { ResourceArn: arnOf(TableName) }),
    [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${TableName} not found`], 'a refused policy creates no table');
  const created = await ddb.send(new CreateTableCommand({ ...input, ResourcePolicy: grant(TableName) }));
  t.false('ResourcePolicy' in created.TableDescription! || 'RevisionId' in created.TableDescription!, 'the description shows no policy');
  const got = await ddb.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(TableName) }));
  t.deepEqual([got.Policy, got.RevisionId], [grant(TableName), '1791506149206']);
  now += 16_000;
  t.is((await ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(TableName), Policy: grant(TableName, 'dynamodb:Query') }))).RevisionId, String(now));
});

test('a policy survives a restart', async (t) => {
  const tmp = await tempDir();
  try {
    const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    const name = 'polrestart';
    let stored: unknown[];
    try {
      const client = ddbClient(first.endpoint);
      await createKeyedTable(client, name, [['pk', 'S']]);
      const RevisionId = (await client.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name), Policy: grant(name) }))).RevisionId;
      stored = [grant(name), RevisionId];
    } finally {
      await first.stop();
    }
    const second = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const got = await ddbClient(second.endpoint).send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) }));
      t.deepEqual([got.Policy, got.RevisionId], stored);
    } finally {
      await second.stop();
    }
  } finally {
    await tmp.remove();
  }
});

test(`ConfirmRemoveSelfResourceAccess is accepted; not enforcing policies, boltstack never finds a lockout (${STACKD} seq 72)`, async (t) => {
  const name = await newTable('polconfirm');
  const put = await ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name), Policy: grant(name), ConfirmRemoveSelfResourceAccess: true }));
  t.regex(put.RevisionId!, /^\d{13}$/);
  t.is((await ddb.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) }))).RevisionId, put.RevisionId);
});

test('the SDK names the errors (PolicyNotFoundException is modelled)', async (t) => {
  const name = await newTable('polsdk');
  const err = await ddbErrorOf(ddb.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) })));
  t.is(err.name, 'PolicyNotFoundException');
  t.is((await ddbErrorOf(ddb.send(new DeleteResourcePolicyCommand({ ResourceArn: arnOf(name), ExpectedRevisionId: '1' })))).name, 'PolicyNotFoundException');
});
