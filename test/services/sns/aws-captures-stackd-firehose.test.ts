/**
 * Subscribing a Firehose delivery stream or a Lambda function across accounts (under the
 * `virtual` gate, which captures their deliveries), against raw captures of native AWS
 * (us-east-1, 2026-09-23): radkawar/stackd testdata/aws/sns/cross_account_firehose.json
 * (`rejected_configurations`, `findings`) and cross_account_lambda.json (`conclusions`). What
 * SNS checks without IAM: the role is of the caller's account, the stream is the caller's, a role
 * is given. (Whether SNS may assume the role is IAM's, which boltstack does not serve.)
 */
import test from 'ava';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, SNSClient, SNSServiceException, SubscribeCommand } from '@aws-sdk/client-sns';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

const FIREHOSE = 'radkawar/stackd testdata/aws/sns/cross_account_firehose.json';
const A = '000000000000';
const B = '917546008205';

let server: Boltstack;
const sns = (account: string): SNSClient => new SNSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' } });

test.before(async () => { server = await startBoltstack({ features: ['virtual'] }); });
test.after.always(async () => { await server?.stop(); });

async function refusal(call: Promise<unknown>): Promise<{ code: string; status: number | undefined; message: string }> {
  try { await call; } catch (err) {
    if (err instanceof SNSServiceException) return { code: err.name, status: err.$metadata.httpStatusCode, message: err.message };
    throw err;
  }
  return { code: 'none', status: 200, message: '' };
}

const stream = `arn:aws:firehose:us-east-1:${B}:deliverystream/stackd-xfh`;
const role = (account: string): string => `arn:aws:iam::${account}:role/sns-firehose`;

test(`Subscribe firehose: another account's role is "Cross-account pass role is not allowed.", another account's stream "not the owner of the endpoint", no role "can only be subscribed with subscription role arn"; the stream's own account with its own role subscribes, confirmed [${FIREHOSE} A-cross-foreign-role-B, B-cross-foreign-role-A, A-cross-local-role-A, A-cross-missing-role, B-cross-missing-role, findings B-cross-local-role-B (2026-09-23)]`, async (t) => {
  const { TopicArn } = await sns(A).send(new CreateTopicCommand({ Name: `xfh-${process.pid}` }));
  const subscribe = (account: string, attributes: Record<string, string>) =>
    sns(account).send(new SubscribeCommand({ TopicArn, Protocol: 'firehose', Endpoint: stream, Attributes: attributes, ReturnSubscriptionArn: true }));
  const passRole = { code: 'AuthorizationErrorException', status: 403, message: 'Cross-account pass role is not allowed.' };
  t.deepEqual(await refusal(subscribe(A, { SubscriptionRoleArn: role(B) })), passRole);
  t.deepEqual(await refusal(subscribe(B, { SubscriptionRoleArn: role(A) })), passRole);
  const notOwner = { code: 'AuthorizationErrorException', status: 403, message: `The account ${A} is not the owner of the endpoint ${stream}` };
  t.deepEqual(await refusal(subscribe(A, { SubscriptionRoleArn: role(A) })), notOwner);
  t.deepEqual(await refusal(subscribe(A, {})), notOwner);
  t.deepEqual(await refusal(subscribe(B, {})),
    { code: 'InvalidParameterException', status: 400, message: 'Invalid parameter: Delivery protocol firehose can only be subscribed with subscription role arn' });
  const { SubscriptionArn } = await subscribe(B, { SubscriptionRoleArn: role(B) });
  t.true(SubscriptionArn!.startsWith(`${TopicArn}:`));
  t.like((await sns(B).send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes, { Owner: B, PendingConfirmation: 'false', SubscriptionRoleArn: role(B) });
});

test(`Subscribe lambda by the function's own account to another account's topic: confirmed, ConfirmationWasAuthenticated true, owned by the subscriber [radkawar/stackd testdata/aws/sns/cross_account_lambda.json conclusions (endpoint-owner B Subscribe), 2026-09-23]`, async (t) => {
  const { TopicArn } = await sns(A).send(new CreateTopicCommand({ Name: `xlambda-${process.pid}` }));
  const fn = `arn:aws:lambda:us-east-1:${B}:function:stackd-xlambda`;
  const { SubscriptionArn } = await sns(B).send(new SubscribeCommand({ TopicArn, Protocol: 'lambda', Endpoint: fn, ReturnSubscriptionArn: true }));
  t.true(SubscriptionArn!.startsWith(`${TopicArn}:`));
  t.like((await sns(B).send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes,
    { Owner: B, Protocol: 'lambda', PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
});
