/**
 * A request that leaves out a required member gets AWS's validation answer, not an
 * InternalFailure: the query decoder sets only the members a request names, and the handlers read
 * required ones without checking (found by fuzzing: CreateTopic without Name, Subscribe without
 * Protocol, a tag without Key and AddPermission without its lists answered 500). The JS SDK v3
 * does not check required members itself, so it sends such requests as they are.
 */
import test from 'ava';
import { AddPermissionCommand, CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sns: SNSClient;
test.before(async () => {
  server = await startBoltstack();
  sns = new SNSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { sns?.destroy(); await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }
const nullAt = (at: string): string => `Value null at '${at}' failed to satisfy constraint: Member must not be null`;
const refusal = async (t: import('ava').ExecutionContext, call: Promise<unknown>): Promise<SdkError> => {
  const err = await t.throwsAsync(call) as unknown as SdkError;
  t.is(err.name, 'ValidationError');
  t.is(err.$metadata.httpStatusCode, 400);
  return err;
};

test('CreateTopic without Name, or with a tag without Key: ValidationError naming the member', async (t) => {
  t.is((await refusal(t, sns.send(new CreateTopicCommand({} as never)))).message, `1 validation error detected: ${nullAt('name')}`);
  const tagged = await refusal(t, sns.send(new CreateTopicCommand({ Name: 'tagged', Tags: [{ Value: 'v' }] } as never)));
  t.is(tagged.message, `1 validation error detected: ${nullAt('tags.1.member.key')}`);
});

test('Subscribe without Protocol, AddPermission without its lists: ValidationError', async (t) => {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'needs-members' }));
  t.is((await refusal(t, sns.send(new SubscribeCommand({ TopicArn } as never)))).message, `1 validation error detected: ${nullAt('protocol')}`);
  const perm = await refusal(t, sns.send(new AddPermissionCommand({ TopicArn, Label: 'l' } as never)));
  t.is(perm.message, `2 validation errors detected: ${nullAt('aWSAccountId')}; ${nullAt('actionName')}`);
});
