/**
 * STS calls as the Ruby AWS SDK sends them (aws-sdk-core 3.168.1, Net::HTTP; STS ships inside
 * aws-sdk-core), captured through a logging proxy while it drove boltstack (2026-12-07) and
 * replayed raw. Ruby differs from the other SDKs in small ways: it signs an
 * x-amz-content-sha256 header on query calls too, sends an empty Accept-Encoding and
 * `Accept: *\/*`, and Aws::AssumeRoleCredentials calls AssumeRole without DurationSeconds, then
 * signs every later call with the session's keys and x-amz-security-token. Both rows work; they
 * pin the shapes so they keep doing so.
 */
import test from 'ava';
import { request } from 'node:http';
import { SigV4Signer, sha256Hex, type SigV4Credentials } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

/** A query POST with Ruby's headers, byte for byte as captured (values aside). */
function rubyQuery(endpoint: string, body: string, credentials: SigV4Credentials = CREDENTIALS): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(endpoint);
  const payloadHash = sha256Hex(body);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: url.host, 'x-amz-content-sha256': payloadHash,
  };
  Object.assign(headers, new SigV4Signer({ region: 'us-east-1', service: 'sts', credentials }).sign({ method: 'POST', path: '/', headers, payloadHash }));
  const sent = { 'accept-encoding': '', 'user-agent': 'aws-sdk-ruby3/3.168.1 ruby/3.1.2 x86_64-linux-gnu aws-sdk-core/3.168.1', ...headers, 'content-length': String(Buffer.byteLength(body)), accept: '*/*' };
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: sent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: text }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

// Works as on AWS. Aws::STS::Client#get_caller_identity: the long-term key's account root (AWS
// docs GetCallerIdentity, "Example 1 - Called by an IAM user" / root: Arn arn:aws:iam::<acct>:root),
// answered as text/xml as STS answers query calls.
test('Ruby Aws::STS::Client#get_caller_identity (x-amz-content-sha256 signed, empty Accept-Encoding): 200 text/xml, the account root [AWS docs GetCallerIdentity]', async (t) => {
  const res = await rubyQuery(server.endpoint, 'Action=GetCallerIdentity&Version=2011-06-15');
  t.is(res.status, 200, res.body);
  t.is(res.headers['content-type'], 'text/xml');
  t.is(xmlValue(res.body, 'Arn'), 'arn:aws:iam::000000000000:root');
  t.is(xmlValue(res.body, 'Account'), '000000000000');
});

// Works as on AWS. Aws::AssumeRoleCredentials.new(role_arn:, role_session_name:): AssumeRole with
// no DurationSeconds gives a one-hour session (AWS docs AssumeRole: "By default, the value is set to
// 3600 seconds"); the next call, signed with the session's keys and x-amz-security-token, is the
// assumed role (AWS docs GetCallerIdentity, "Example 2 - Called by user who assumed a role":
// UserId "<role id>:<session name>", Arn arn:aws:sts::<acct>:assumed-role/<role>/<session>).
test('Ruby Aws::AssumeRoleCredentials (AssumeRole without DurationSeconds, then GetCallerIdentity with x-amz-security-token): one hour, the assumed role [AWS docs AssumeRole, GetCallerIdentity]', async (t) => {
  const before = Date.now();
  const assumed = await rubyQuery(server.endpoint, 'Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fy&RoleSessionName=s2&Version=2011-06-15');
  t.is(assumed.status, 200, assumed.body);
  const expiration = Date.parse(xmlValue(assumed.body, 'Expiration')!);
  t.true(Math.abs(expiration - before - 3600_000) < 5000, xmlValue(assumed.body, 'Expiration'));
  const session: SigV4Credentials = {
    accessKeyId: xmlValue(assumed.body, 'AccessKeyId')!, secretAccessKey: xmlValue(assumed.body, 'SecretAccessKey')!, sessionToken: xmlValue(assumed.body, 'SessionToken')!,
  };
  const who = await rubyQuery(server.endpoint, 'Action=GetCallerIdentity&Version=2011-06-15', session);
  t.is(who.status, 200, who.body);
  t.is(xmlValue(who.body, 'Arn'), 'arn:aws:sts::123456789012:assumed-role/y/s2');
  t.is(xmlValue(who.body, 'Account'), '123456789012');
  t.is(xmlValue(who.body, 'UserId'), `${xmlValue(assumed.body, 'AssumedRoleId')!.split(':')[0]}:s2`);
});
