/**
 * Hostile pass 24 over the refusal of ended sessions (src/services/sts/expired-session.ts, the
 * gateway's check). A session boltstack issued and that has ended was refused only when signed
 * with SigV4: the gateway took the access key from the SigV4 credential scope alone, so the same
 * key and token sent with SigV2 (`Authorization: AWS <key>:<signature>` and a presigned URL's
 * `AWSAccessKeyId`, which old S3 clients still send and which carry a session token as
 * x-amz-security-token) kept working after the session's Expiration.
 *
 * AWS's answer does not depend on the signature version: the token is the session's, and S3
 * refuses an expired one with 400 ExpiredToken "The provided token has expired." and the token
 * sent as <Token-0> (romange/helio#15, 2022-09, and craftcms/aws-s3#182, 2025-03, raw S3
 * answers; neither says which signature version was used, so the SigV2 rows are inferred).
 *
 * The server runs in this process: moving Date.now moves the clock the gateway reads.
 */
import test from 'ava';
import { createHmac } from 'node:crypto';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import type { Boltstack } from '../../../src/index.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

type Session = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

async function session(): Promise<Session> {
  const { Credentials } = await new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS })
    .send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
}

/** Runs `body` with this process's clock `ms` ahead (the server checks with it). */
async function later<T>(ms: number, body: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + ms;
  try {
    return await body();
  } finally {
    Date.now = realNow;
  }
}

const SIXTEEN_MINUTES = 16 * 60_000;

/** ListBuckets signed with SigV2 in the Authorization header, the token as x-amz-security-token. */
async function listBucketsV2Header(s: Session): Promise<{ status: number; body: string }> {
  const date = new Date(Date.now()).toUTCString();
  const signature = createHmac('sha1', s.secretAccessKey).update(`GET\n\n\n${date}\nx-amz-security-token:${s.sessionToken}\n/`).digest('base64');
  const res = await fetch(`${server.endpoint}/`, { headers: { date, authorization: `AWS ${s.accessKeyId}:${signature}`, 'x-amz-security-token': s.sessionToken } });
  return { status: res.status, body: await res.text() };
}

/** ListBuckets presigned with SigV2, the token in the query as botocore's HmacV1QueryAuth puts it. */
async function listBucketsV2Query(s: Session): Promise<{ status: number; body: string }> {
  const expires = Math.floor(Date.now() / 1000) + 300;
  const signature = createHmac('sha1', s.secretAccessKey).update(`GET\n\n\n${expires}\nx-amz-security-token:${s.sessionToken}\n/`).digest('base64');
  const query = `AWSAccessKeyId=${s.accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}&x-amz-security-token=${encodeURIComponent(s.sessionToken)}`;
  const res = await fetch(`${server.endpoint}/?${query}`);
  return { status: res.status, body: await res.text() };
}

for (const [row, send] of [['Authorization header', listBucketsV2Header], ['presigned URL', listBucketsV2Query]] as const) {
  test.serial(`SigV2 ${row}: served while the session lasts, 400 ExpiredToken with Token-0 once it has ended`, async (t) => {
    const s = await session();
    const live = await later(14 * 60_000, () => send(s));
    t.is(live.status, 200, live.body);
    const ended = await later(SIXTEEN_MINUTES, () => send(s));
    t.is(ended.status, 400);
    t.true(ended.body.includes('<Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Token-0>'), ended.body);
    t.is(/<Token-0>([^<]+)<\/Token-0>/.exec(ended.body)?.[1], s.sessionToken);
  });
}
