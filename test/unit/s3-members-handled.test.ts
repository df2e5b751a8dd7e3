/**
 * Strict by default (DESIGN.md §7): every input member of an implemented S3 operation must be
 * handled or gated — named in the operation's handler file or in a shared helper it uses — so a
 * parameter can never be silently ignored. A member added to the model later fails this test
 * until someone decides what it means.
 */
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import model from '../../src/model/generated/s3.js';
import { implementedOperations } from '../../src/services/s3/index.js';

const root = new URL('../../../src/services/s3/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Helpers that read members for several operations (content headers, checksums, gates). */
const SHARED = ['context.ts', 'object-headers.ts', 'checksum-plan.ts', 'bucket-access.ts'].map(read).join('\n');
const HANDLER_FILES = new Map(readdirSync(new URL('operations/', root)).map((f) => [f, read(`operations/${f}`)] as const));

/** Content-MD5 and x-amz-checksum-* of a buffered body are verified by the gateway for every
 * S3 operation (src/gateway/verify-body-checksums.ts) before decoding. */
const BUFFERED_BODY = new Set(['ContentMD5', 'ChecksumAlgorithm']);

/** Members with the same meaning everywhere, handled once for all operations. */
const EVERYWHERE = new Set([
  'Bucket', 'Key', // URI labels every handler uses
  'ExpectedBucketOwner', 'ExpectedSourceBucketOwner', // bucket-access.ts, for every operation
  'RequestPayer', // a no-op for a bucket's owner (bucket-access.ts explains)
]);

/** The handler's file plus the sibling operation files it imports (HeadObject uses GetObject's). */
const handlerOf = (op: string): string => {
  const camel = op[0]!.toLowerCase() + op.slice(1);
  const file = [...HANDLER_FILES.values()].find((text) => text.includes(`export const ${camel}:`));
  if (!file) throw new Error(`no handler file exports ${camel}`);
  const siblings = [...file.matchAll(/from '\.\/([a-z-]+)\.js'/g)].map((m) => HANDLER_FILES.get(`${m[1]}.ts`) ?? '');
  return [file, ...siblings].join('\n');
};

for (const op of implementedOperations) {
  test(`${op}: every input member is handled or gated`, (t) => {
    const text = handlerOf(op) + '\n' + SHARED;
    const members = Object.keys(model.operations[op]!.input?.members ?? {});
    const buffered = !model.operations[op]!.streamingInput;
    const ignored = members.filter((m) => !EVERYWHERE.has(m) && !(buffered && BUFFERED_BODY.has(m)) && !new RegExp(`\\b${m}\\b`).test(text));
    t.deepEqual(ignored, [], `members of ${op} that nothing reads or gates`);
  });
}
