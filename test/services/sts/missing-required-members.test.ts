/**
 * A request that leaves out a required member gets AWS's validation answer, not an
 * InternalFailure: the query decoder sets only the members a request names, and the handlers read
 * required ones without checking (found by fuzzing: AssumeRole without RoleArn answered 500).
 * The JS SDK v3 does not check required members itself, so it sends such requests as they are.
 */
import test from 'ava';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetAccessKeyInfoCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sts: STSClient;
test.before(async () => {
  server = await startBoltstack();
  sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { sts?.destroy(); await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }
const nullAt = (at: string): string => `Value null at '${at}' failed to satisfy constraint: Member must not be null`;

test('AssumeRole without RoleArn and RoleSessionName: ValidationError naming both', async (t) => {
  const err = await t.throwsAsync(sts.send(new AssumeRoleCommand({} as never))) as unknown as SdkError;
  t.is(err.name, 'ValidationError');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, `2 validation errors detected: ${nullAt('roleArn')}; ${nullAt('roleSessionName')}`);
});

test('AssumeRoleWithWebIdentity without RoleSessionName, GetAccessKeyInfo without AccessKeyId: ValidationError', async (t) => {
  const web = await t.throwsAsync(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', WebIdentityToken: 'xxxx' } as never))) as unknown as SdkError;
  t.is(web.name, 'ValidationError');
  t.is(web.message, `1 validation error detected: ${nullAt('roleSessionName')}`);
  const info = await t.throwsAsync(sts.send(new GetAccessKeyInfoCommand({} as never))) as unknown as SdkError;
  t.is(info.name, 'ValidationError');
  t.is(info.message, `1 validation error detected: ${nullAt('accessKeyId')}`);
});

test('AssumeRole with a tag without its Value: the member path inside the list', async (t) => {
  const err = await t.throwsAsync(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'ok', Tags: [{ Key: 'k' }] } as never))) as unknown as SdkError;
  t.is(err.name, 'ValidationError');
  t.is(err.message, `1 validation error detected: ${nullAt('tags.1.member.value')}`);
});
