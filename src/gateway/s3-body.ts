/**
 * Turns the raw request body of a streaming S3 operation (PutObject, UploadPart) into the
 * IncomingBody the handler writes to the blob store: aws-chunked framing removed on the fly
 * (DESIGN.md §4), the payload length checked, and a signed payload hash verified as it streams.
 * Errors thrown from the stream abort the blob write, so nothing partial ever becomes visible.
 */
import { createHash } from 'node:crypto';
import type { IncomingBody } from '../protocols/types.js';
import { awsChunkedErrors, decodeAwsChunked } from '../protocols/shared/aws-chunked.js';
import { s3Errors } from '../services/s3/errors.js';

const UNSIGNED = 'UNSIGNED-PAYLOAD';

function isAwsChunked(headers: Record<string, string>): boolean {
  const sha = headers['x-amz-content-sha256'] ?? '';
  if (sha.startsWith('STREAMING-')) return true;
  return (headers['content-encoding'] ?? '').split(',').some((e) => e.trim().toLowerCase() === 'aws-chunked');
}

function parseLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Verifies a hex x-amz-content-sha256 against the bytes as they pass. */
async function* verifySha256(source: AsyncIterable<Uint8Array>, expectedHex: string): AsyncIterable<Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
  const actual = hash.digest('hex');
  if (actual !== expectedHex.toLowerCase()) throw s3Errors.contentSha256Mismatch(expectedHex, actual);
}

/**
 * A body that is not aws-chunked cannot carry the trailers x-amz-trailer announces. S3 answers an
 * announced trailer the body lacks with MalformedTrailerError (versity/versitygw#1691, #1600,
 * recorded against S3); it is thrown once the body is read, where an aws-chunked body's missing
 * trailer is found, so the bucket and upload are checked first as they are there.
 */
async function* lackingAnnouncedTrailers(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  for await (const chunk of source) yield chunk;
  throw awsChunkedErrors.malformedTrailer();
}

export function prepareS3Body(headers: Record<string, string>, body: AsyncIterable<Uint8Array>): IncomingBody {
  const contentLength = parseLength(headers['content-length']);
  const trailerNames = (headers['x-amz-trailer'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (isAwsChunked(headers)) {
    const declared = headers['x-amz-decoded-content-length'];
    const decodedLength = parseLength(declared);
    // A declared length that is not a number gets S3's answer for none at all (as recorded against
    // S3 in versity/versitygw#1656), rather than being ignored in favour of Content-Length.
    if (declared !== undefined && decodedLength === undefined) throw s3Errors.missingContentLength();
    if (decodedLength === undefined && contentLength === undefined) throw s3Errors.missingContentLength();
    // The trailers must be the ones x-amz-trailer announced, no more and no fewer (aws-chunked.ts).
    const decoded = decodeAwsChunked(body, decodedLength === undefined ? { announcedTrailers: trailerNames } : { decodedLength, announcedTrailers: trailerNames });
    return { ...decoded, trailerNames };
  }
  if (contentLength === undefined) throw s3Errors.missingContentLength();
  const sha = headers['x-amz-content-sha256'];
  const verified = sha && sha !== UNSIGNED && /^[0-9a-fA-F]{64}$/.test(sha) ? verifySha256(body, sha) : body;
  const stream = trailerNames.length > 0 ? lackingAnnouncedTrailers(verified) : verified;
  return { stream, length: contentLength, trailers: () => ({}), trailerNames };
}
