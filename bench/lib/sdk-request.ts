/**
 * The exact request an AWS SDK v3 S3 client with default settings sends for GetObject, captured
 * once (after signing, just before the HTTP handler) so a load generator can replay it byte for
 * byte: Authorization SigV4 header, x-amz-date, x-amz-content-sha256, x-amz-checksum-mode,
 * user-agent, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request... Whatever a future SDK
 * adds is captured too. Only the endpoint, credentials and path-style addressing are set, as a
 * user pointing the SDK at a local emulator does. The captured call really goes to the server,
 * so it also proves the request is answered (200, the expected bytes).
 */
import { request } from 'node:http';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { CREDENTIALS, REGION } from './presign.js';

export interface CapturedRequest {
  method: string;
  /** Path and query, as on the request line. */
  path: string;
  headers: Record<string, string>;
}

interface WireRequest { method: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string> }

function pathWithQuery(r: WireRequest): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(r.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      pairs.push(v === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
    }
  }
  return pairs.length === 0 ? r.path : `${r.path}?${pairs.join('&')}`;
}

export async function captureSdkGetObject(endpoint: string, bucket: string, key: string, expected: Buffer): Promise<CapturedRequest> {
  const client = new S3Client({ endpoint, region: REGION, forcePathStyle: true, credentials: CREDENTIALS });
  let captured: CapturedRequest | undefined;
  // The lowest step before the HTTP handler: signing, retry headers and the host header are done.
  client.middlewareStack.add((next) => async (args) => {
    const r = args.request as WireRequest;
    captured = { method: r.method, path: pathWithQuery(r), headers: { ...r.headers } };
    return next(args);
  }, { step: 'deserialize', priority: 'low', name: 'benchCaptureRequest' });
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = Buffer.from(await out.Body!.transformToByteArray());
    if (!body.equals(expected)) throw new Error(`SDK GetObject returned ${body.length} bytes that differ from the object put`);
  } finally {
    client.destroy();
  }
  if (captured === undefined) throw new Error('the SDK request was not captured');
  return captured;
}

export interface Replayed { status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }

/** Sends a captured request once more over plain node:http, headers exactly as captured. */
export function replay(endpoint: string, r: CapturedRequest): Promise<Replayed> {
  return new Promise((resolve, reject) => {
    const req = request(endpoint + r.path, { method: r.method, headers: r.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}
