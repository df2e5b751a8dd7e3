/**
 * POST Object: a browser form upload to a bucket (RESTObjectPOST). In S3's order (the checks a
 * form fails first come first, as recorded in test_s3.py TestS3PresignedPost): the bucket, the
 * form up to its file part, the signer's fields, the bucket's owner, the policy (read, expiry,
 * conditions, fields it does not cover), then the file, streamed through PutObject itself (so the
 * object is written, checked and made visible exactly as a PUT of it would be), held to the
 * policy's content-length-range as it streams. The rest of the form is read and ignored.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import type { Readable } from 'node:stream';
import type { IncomingBody } from '../../bodies.js';
import { checkBucketAccess } from '../bucket-access.js';
import { checkFormRegion } from './form-region.js';
import type { S3Handler } from '../context.js';
import { storeObject } from '../operations/put-object.js';
import { postAnswer } from './answer.js';
import { asSigner, authenticate } from './auth.js';
import { checkConditions, type LengthRange } from './conditions.js';
import { postErrors } from './errors.js';
import { Fields } from './fields.js';
import { readFormHead } from './form-reader.js';
import type { PostObjectInput, PostObjectOutput } from './operation.js';
import { readPolicy } from './policy.js';
import { putObjectInput } from './put-input.js';

export const postObject: S3Handler<PostObjectInput, PostObjectOutput> = async (deps, ctx, input) => {
  const bucketRead = deps.store.assertBucket(input.Bucket);
  if (bucketRead !== undefined) await bucketRead;
  if (input.Body === undefined || input.ContentType === undefined) throw postErrors.malformed();
  const form = await readFormHead(input.Body, input.ContentType);
  try {
    const fields = new Fields(form.fields, form.file.filename);
    const key = fields.value('key');
    if (key === undefined) throw postErrors.missingField('key');
    const signer = authenticate(fields, ctx.accountId);
    const caller = asSigner(ctx, signer);
    const region = checkFormRegion(deps.store, input.Bucket, signer, ctx);
    if (region !== undefined) await region;
    const access = checkBucketAccess(deps.store, caller, { Bucket: input.Bucket });
    if (access !== undefined) await access;
    const policy = readPolicy(signer.policy);
    if (policy.expiration <= Date.now()) throw postErrors.policyExpired();
    const range = checkConditions(policy.conditions, fields, input.Bucket);
    const body: IncomingBody = { stream: withinRange(form.file.stream, range, form.finished), trailers: () => ({}) };
    const put = await storeObject(deps, caller, putObjectInput(input.Bucket, key, fields, body), false);
    await form.finished;
    const answer = postAnswer(fields, { bucket: input.Bucket, key, etag: put.ETag!, host: ctx.host });
    answer.ServerSideEncryption = put.ServerSideEncryption;
    ctx.responseHeaders = { ...ctx.responseHeaders, ...checksumHeaders(put as Record<string, unknown>) };
    return answer;
  } catch (err) {
    form.abort();
    throw err;
  }
};

/**
 * The file's bytes, refused past the policy's bounds (inclusive). Past the maximum the rest is
 * read and dropped so the error names the whole size, as S3's ProposedSize does
 * (test_s3.py::test_post_object_policy_validation_size: 12 bytes against 10). The stream ends
 * only once the whole form is read (`finished`), so a body cut short after the file fails the
 * upload before PutObject stores it, rather than storing it and then answering an error.
 */
async function* withinRange(file: Readable, range: LengthRange | undefined, finished: Promise<void>): AsyncIterable<Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (range === undefined || size <= range.max) yield chunk;
    }
  } catch (err) {
    // The reader reports a cut-short part as S3's error on the stream's state (form-reader.ts);
    // the parser's own raw error, heard in the same tick, is not an answer.
    throw file.errored ?? err;
  }
  if (range !== undefined && size > range.max) throw postErrors.tooLarge(size, range.max);
  if (range !== undefined && size < range.min) throw postErrors.tooSmall(size, range.min);
  await finished;
}

/** The x-amz-checksum-* PutObject answered with, as headers (the form's answer has no such members). */
function checksumHeaders(put: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [member, value] of Object.entries(put)) {
    if (typeof value !== 'string') continue;
    if (member === 'ChecksumType') out['x-amz-checksum-type'] = value;
    else if (member.startsWith('Checksum')) out[`x-amz-checksum-${member.slice('Checksum'.length).toLowerCase()}`] = value;
  }
  return out;
}
