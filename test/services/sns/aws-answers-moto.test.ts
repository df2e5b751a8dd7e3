/**
 * SNS's answers as moto's AWS-verified tests pin them: getmoto/moto tests/test_sns/test_application_boto3.py
 * (as stored, 2024), only the tests decorated `@sns_aws_verified` (run against AWS with
 * MOTO_TEST_ALLOW_AWS_REQUEST=true, a GCM platform application made with a Firebase key). The
 * other tests of moto's SNS suite assert moto's own behaviour and are not used. boto3 speaks the
 * query protocol to SNS, so these rows do; each compares the status, Code, Type and exact message.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const MOTO = 'getmoto/moto tests/test_sns/test_application_boto3.py';

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const value = (params: Record<string, string>, element: string): Promise<string> => queryValue(server.endpoint, 'sns', params, element);

test.before(async () => {
  // The virtual gate: application subscriptions are judged, not refused as not implemented.
  server = await startBoltstack({ features: ['virtual'] });
});
test.after.always(async () => { await server?.stop(); });

const createApp = (name: string): Promise<string> => value({
  Action: 'CreatePlatformApplication', Name: name, Platform: 'GCM', 'Attributes.entry.1.key': 'PlatformCredential', 'Attributes.entry.1.value': 'mock_api_key',
}, 'PlatformApplicationArn');

/** CreatePlatformEndpoint's parameters: Attributes as entries, CustomUserData when given. */
const endpointParams = (app: string, token: string, attributes: Record<string, string> = {}, userData?: string): Record<string, string> => ({
  Action: 'CreatePlatformEndpoint', PlatformApplicationArn: app, Token: token,
  ...(userData === undefined ? {} : { CustomUserData: userData }),
  ...Object.fromEntries(Object.entries(attributes).flatMap(([k, v], i) => [[`Attributes.entry.${i + 1}.key`, k], [`Attributes.entry.${i + 1}.value`, v]])),
});
const createEndpoint = (...args: Parameters<typeof endpointParams>): Promise<string> => value(endpointParams(...args), 'EndpointArn');

async function refused(t: import('ava').ExecutionContext, params: Record<string, string>, status: number, code: string, message: string): Promise<void> {
  const answer = await sns(params);
  t.is(answer.status, status, answer.body);
  t.is(xmlValue(answer.body, 'Code'), code);
  t.is(xmlValue(answer.body, 'Type'), 'Sender');
  t.is(xmlValue(answer.body, 'Message'), message);
}

const accountOf = (arn: string): string => arn.split(':')[4]!;

test(`CreatePlatformEndpoint: the same token twice, and again with the default Enabled=true, is one endpoint [${MOTO}::test_create_duplicate_default_platform_endpoint]`, async (t) => {
  const app = await createApp(unique('dup'));
  const arn1 = await createEndpoint(app, 'token');
  t.is(await createEndpoint(app, 'token'), arn1);
  t.is(await createEndpoint(app, 'token', { Enabled: 'true' }), arn1);
});

test(`CreatePlatformEndpoint: idempotent for the same token and attributes, refused for other attributes; an unknown application [${MOTO}::test_create_duplicate_platform_endpoint_with_attrs]`, async (t) => {
  const name = unique('attrs');
  const app = await createApp(name);
  t.is(app, `arn:aws:sns:us-east-1:${accountOf(app)}:app/GCM/${name}`);

  const endpoint1 = await createEndpoint(app, 'token_without_userdata', { Enabled: 'false' });
  t.is(await createEndpoint(app, 'token_without_userdata', { Enabled: 'false' }), endpoint1);
  await refused(t, endpointParams(app, 'token_without_userdata', { Enabled: 'false' }, 'some user data'), 400, 'InvalidParameter',
    `Invalid parameter: Token Reason: Endpoint ${endpoint1} already exists with the same Token, but different attributes.`);

  const endpoint2 = await createEndpoint(app, 'token_with_userdata', { Enabled: 'false' }, 'some user data');
  t.true(endpoint2.startsWith(`arn:aws:sns:us-east-1:${accountOf(app)}:endpoint/GCM/${name}/`), endpoint2);
  t.is(await createEndpoint(app, 'token_with_userdata', { Enabled: 'false' }, 'some user data'), endpoint2);
  await refused(t, endpointParams(app, 'token_with_userdata', { Enabled: 'true' }, 'some user data'), 400, 'InvalidParameter',
    `Invalid parameter: Token Reason: Endpoint ${endpoint2} already exists with the same Token, but different attributes.`);

  // NotFound is SNS's 404 (CommonErrors; moto's test checks the code and message).
  await refused(t, { Action: 'CreatePlatformEndpoint', PlatformApplicationArn: `${app}2`, Token: 'unknown_arn' }, 404, 'NotFound', 'PlatformApplication does not exist');
});

test(`ListEndpointsByPlatformApplication: the endpoint and its CustomUserData; DeleteEndpoint twice is OK; an unknown application [${MOTO}::test_get_list_endpoints_by_platform_application]`, async (t) => {
  const app = await createApp(unique('list'));
  const endpoint = await createEndpoint(app, 'some_unique_id', { CustomUserData: 'some data' });
  const listed = await sns({ Action: 'ListEndpointsByPlatformApplication', PlatformApplicationArn: app });
  t.is(listed.status, 200, listed.body);
  t.deepEqual(xmlValues(listed.body, 'EndpointArn'), [endpoint]);
  t.regex(listed.body, /<entry><key>CustomUserData<\/key><value>some data<\/value><\/entry>/);

  // "Idempotent operation".
  t.is((await sns({ Action: 'DeleteEndpoint', EndpointArn: endpoint })).status, 200);
  t.is((await sns({ Action: 'DeleteEndpoint', EndpointArn: endpoint })).status, 200);
  t.is((await sns({ Action: 'DeletePlatformApplication', PlatformApplicationArn: app })).status, 200);
  await refused(t, { Action: 'ListEndpointsByPlatformApplication', PlatformApplicationArn: `${app}2` }, 404, 'NotFound', 'PlatformApplication does not exist');
});

test(`GetEndpointAttributes of an endpoint that does not exist: NotFound, Sender [${MOTO}::test_get_non_existent_endpoint_attributes]`, async (t) => {
  const app = await createApp(unique('none'));
  const arn = `arn:aws:sns:us-east-1:${accountOf(app)}:endpoint/APNS/my-application/c1f76c42-192a-4e75-b04f-a9268ce2abf3`;
  await refused(t, { Action: 'GetEndpointAttributes', EndpointArn: arn }, 404, 'NotFound', 'Endpoint does not exist');
});

test(`Publish to a disabled endpoint: EndpointDisabled, before the message ("msg" is no JSON for MessageStructure json) is judged [${MOTO}::test_publish_to_disabled_platform_endpoint]`, async (t) => {
  const app = await createApp(unique('off'));
  const endpoint = await createEndpoint(app, 'some_unique_id', { Enabled: 'false' });
  await refused(t, { Action: 'Publish', TargetArn: endpoint, Message: 'msg', MessageStructure: 'json' }, 400, 'EndpointDisabled', 'Endpoint is disabled');
});

// moto's docstring: this ran against AWS until SNS began refusing GCM credentials it cannot verify
// (2024, FCM HTTP v1); the wording is AWS's, "arn" and the ARN run together as AWS writes them.
test(`Subscribe an application endpoint that was deleted: InvalidParameter naming it [${MOTO}::test_publish_to_deleted_platform_endpoint (@sns_aws_verified)]`, async (t) => {
  const app = await createApp(unique('gone'));
  const endpoint = await createEndpoint(app, 'some_unique_id', { Enabled: 'false' });
  const topic = await value({ Action: 'CreateTopic', Name: unique('topic') }, 'TopicArn');
  t.is((await sns({ Action: 'DeleteEndpoint', EndpointArn: endpoint })).status, 200);
  await refused(t, { Action: 'Subscribe', TopicArn: topic, Endpoint: endpoint, Protocol: 'application' }, 400, 'InvalidParameter',
    `Invalid parameter: Endpoint Reason: Endpoint does not exist for endpoint arn${endpoint}`);
});
