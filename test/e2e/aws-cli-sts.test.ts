/**
 * `aws sts get-caller-identity` and `aws sts assume-role` as a user runs them (the AWS CLI of
 * this machine image, v1, speaks the query protocol to STS). Skipped, with a visible line, where
 * the CLI is not installed — except in CI, where a missing CLI fails the run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cliTestFor } from '../helpers/aws-cli.js';
import { startBoltstack } from '../helpers/server.js';

const run = promisify(execFile);
const cliTest = cliTestFor('aws-cli-sts.test');

cliTest('aws sts get-caller-identity, assume-role, and get-caller-identity with the assumed credentials', async (t) => {
  const server = await startBoltstack();
  const base = { ...process.env, AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  const aws = async (env: Record<string, string>, ...args: string[]): Promise<Record<string, unknown>> =>
    JSON.parse((await run('aws', ['--endpoint-url', server.endpoint, '--output', 'json', ...args], { env: { ...base, ...env } })).stdout) as Record<string, unknown>;
  try {
    const root = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    t.deepEqual(await aws(root, 'sts', 'get-caller-identity'), { UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
    const assumed = await aws(root, 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::123456789012:role/admin', '--role-session-name', 'cli');
    const c = assumed.Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    const who = await aws({ AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken }, 'sts', 'get-caller-identity');
    t.is(who.Account, '123456789012');
    t.is(who.Arn, 'arn:aws:sts::123456789012:assumed-role/admin/cli');
  } finally {
    await server.stop();
  }
});
