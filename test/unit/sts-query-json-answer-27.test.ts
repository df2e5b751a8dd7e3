/**
 * STS's query API asked for JSON answers the XML document's JSON form (query/answer-json.ts).
 * Sources: kubernetes-sigs/aws-iam-authenticator pkg/token/token.go (what EKS runs against real
 * STS): a presigned GetCallerIdentity URL fetched with `Accept: application/json`, answer read as
 * {"GetCallerIdentityResponse": {"GetCallerIdentityResult": {"Account", "Arn", "UserId"},
 * "ResponseMetadata": {"RequestId"}}}; an AssumeRole answer quoted as "Sample response from STS"
 * in a lua-resty AWS library: members in name order, absent ones null ("PackedPolicySize": null),
 * Credentials.Expiration in epoch seconds.
 */
import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../helpers/node-sha256.js';
import { startBoltstack } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;

test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function presignedGet(params: Record<string, string>, accept: string | undefined): Promise<{ status: number; type: string | null; body: string }> {
  const u = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
  const presigned = await signer.presign(new HttpRequest({ method: 'GET', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: '/', query: params, headers: { host: u.host } }), { expiresIn: 60 });
  const query = Object.entries(presigned.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  const res = await fetch(`${u.origin}/?${query}`, { headers: accept === undefined ? {} : { accept } });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

test('a presigned GetCallerIdentity fetched with Accept: application/json answers the JSON envelope (aws-iam-authenticator)', async (t) => {
  const res = await presignedGet({ Action: 'GetCallerIdentity', Version: '2011-06-15' }, 'application/json');
  t.is(res.status, 200);
  t.is(res.type, 'application/json');
  const doc = JSON.parse(res.body) as { GetCallerIdentityResponse: { GetCallerIdentityResult: { Account: string; Arn: string; UserId: string }; ResponseMetadata: { RequestId: string } } };
  t.deepEqual(Object.keys(doc.GetCallerIdentityResponse), ['GetCallerIdentityResult', 'ResponseMetadata']);
  const result = doc.GetCallerIdentityResponse.GetCallerIdentityResult;
  t.deepEqual(Object.keys(result), ['Account', 'Arn', 'UserId']);
  t.regex(result.Account, /^\d{12}$/);
  t.true(result.Arn.startsWith(`arn:aws:iam::${result.Account}:`));
  t.is(typeof result.UserId, 'string');
  t.is(typeof doc.GetCallerIdentityResponse.ResponseMetadata.RequestId, 'string');
});

test('the same request without Accept: application/json is XML', async (t) => {
  const res = await presignedGet({ Action: 'GetCallerIdentity', Version: '2011-06-15' }, undefined);
  t.is(res.status, 200);
  t.true(res.body.includes('<GetCallerIdentityResponse'));
});

test('AssumeRole in JSON: members in name order, absent ones null, Expiration in epoch seconds (lua-resty sample)', async (t) => {
  const u = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
  const body = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=session-27';
  const signed = await signer.sign(new HttpRequest({ method: 'POST', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: '/', headers: { host: u.host, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body }));
  const res = await fetch(`${u.origin}/`, { method: 'POST', headers: signed.headers, body });
  t.is(res.status, 200);
  const doc = JSON.parse(await res.text()) as { AssumeRoleResponse: { AssumeRoleResult: Record<string, unknown> } };
  const result = doc.AssumeRoleResponse.AssumeRoleResult;
  t.deepEqual(Object.keys(result).slice(0, 3), ['AssumedRoleUser', 'Credentials', 'PackedPolicySize']);
  t.is(result.PackedPolicySize, null);
  const credentials = result.Credentials as { Expiration: unknown; AccessKeyId: string };
  t.is(typeof credentials.Expiration, 'number');
  t.true(Math.abs((credentials.Expiration as number) - (Date.now() / 1000 + 3600)) < 120);
});
