/**
 * Multipart upload over raw signed requests: CreateMultipartUpload, UploadPart for each
 * `partSize` slice of the streamed body (one part in flight, nothing buffered), then
 * CompleteMultipartUpload; on failure an AbortMultipartUpload, best effort. UploadId and ETags
 * are read with indexOf, not an XML parser.
 */
import type { BodySource, OpResult } from '../../types.js';
import type { RawS3Http } from './raw-http.js';
import { uriEncode } from './sign.js';

/** Hands out consecutive byte ranges of a chunk stream, splitting chunks at part boundaries. */
export class ChunkReader {
  readonly #it: AsyncIterator<Uint8Array>;
  #rest: Uint8Array | undefined;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#it = source[Symbol.asyncIterator]();
  }

  async *take(bytes: number): AsyncGenerator<Uint8Array> {
    let left = bytes;
    while (left > 0) {
      let chunk = this.#rest;
      this.#rest = undefined;
      if (!chunk) {
        const next = await this.#it.next();
        if (next.done) return;
        chunk = next.value;
      }
      if (chunk.length > left) {
        this.#rest = chunk.subarray(left);
        chunk = chunk.subarray(0, left);
      }
      left -= chunk.length;
      yield chunk;
    }
  }
}

/** The text between <tag> and </tag>, or undefined. */
export function between(text: string, tag: string): string | undefined {
  const open = text.indexOf(`<${tag}>`);
  if (open < 0) return undefined;
  const close = text.indexOf(`</${tag}>`, open);
  return close < 0 ? undefined : text.slice(open + tag.length + 2, close);
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function rawMultipartUpload(http: RawS3Http, path: string, body: BodySource, partSize: number): Promise<OpResult> {
  const created = await http.request({ method: 'POST', path, query: 'uploads=', text: true });
  if (created.error) return { ok: false, bytes: 0, error: created.error };
  const uploadId = between(created.text, 'UploadId');
  if (!uploadId) return { ok: false, bytes: 0, error: 'NoUploadId' };
  const id = uriEncode(uploadId);
  const reader = new ChunkReader(body.stream());
  const etags: string[] = [];
  let failure: string | undefined;
  for (let off = 0, part = 1; off < body.size; off += partSize, part++) {
    const length = Math.min(partSize, body.size - off);
    const answer = await http.request({ method: 'PUT', path, query: `partNumber=${part}&uploadId=${id}`, body: reader.take(length), length });
    const etag = answer.headers.etag;
    if (answer.error || typeof etag !== 'string') { failure = answer.error ?? 'NoETag'; break; }
    etags.push(etag);
  }
  if (!failure) {
    const parts = etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeXml(e)}</ETag></Part>`).join('');
    const xml = `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`;
    const done = await http.request({ method: 'POST', path, query: `uploadId=${id}`, body: xml, length: Buffer.byteLength(xml), text: true });
    // Complete can fail after a 200 status, with an <Error> in the body.
    failure = done.error ?? (done.text.includes('<Error>') ? between(done.text, 'Code') ?? 'InternalError' : undefined);
  }
  if (failure) {
    await http.request({ method: 'DELETE', path, query: `uploadId=${id}` });
    return { ok: false, bytes: 0, error: failure };
  }
  return { ok: true, bytes: body.size };
}
