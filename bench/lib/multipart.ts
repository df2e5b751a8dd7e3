/**
 * A multipart upload through presigned URLs with plain node:http: CreateMultipartUpload, parts
 * streamed one after another from one body source (never held whole), CompleteMultipartUpload.
 * Used where a single PUT cannot carry the object (uWS refuses a Content-Length of 10 digits).
 */
import { send } from './http-stream.js';
import { take, type BodySource } from './body-source.js';
import type { Presigner } from './presign.js';

function expect200(r: { status: number; body: string }, what: string): string {
  if (r.status !== 200) throw new Error(`${what} answered ${r.status}: ${r.body.slice(0, 300)}`);
  return r.body;
}

export async function uploadMultipart(p: Presigner, bucket: string, key: string, body: BodySource, partSize: number): Promise<void> {
  const created = expect200(await send('POST', await p.createMultipartUpload(bucket, key)), 'CreateMultipartUpload');
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
  if (!uploadId) throw new Error(`no UploadId in ${created.slice(0, 300)}`);
  const it = body.chunks()[Symbol.asyncIterator]();
  const carry: { rest?: Uint8Array } = {};
  const etags: string[] = [];
  for (let n = 1, off = 0; off < body.size; n++, off += partSize) {
    const len = Math.min(partSize, body.size - off);
    const url = await p.uploadPart(bucket, key, uploadId, n);
    const r = await send('PUT', url, take(it, len, carry), len);
    expect200(r, `UploadPart ${n}`);
    etags.push(r.etag ?? '');
  }
  const xml = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const done = expect200(await send('POST', await p.completeMultipartUpload(bucket, key, uploadId), Buffer.from(xml)), 'CompleteMultipartUpload');
  if (!done.includes('CompleteMultipartUploadResult')) throw new Error(`CompleteMultipartUpload failed: ${done.slice(0, 300)}`);
}
