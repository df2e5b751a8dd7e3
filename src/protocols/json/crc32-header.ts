/**
 * DynamoDB's `x-amz-crc32`: the CRC-32 (IEEE, as zlib's) of the answer's body bytes, written as
 * an unsigned decimal, on every answer of DynamoDB and DynamoDB Streams, success or error.
 * botocore checks it on every DynamoDB answer: in its legacy retry mode (the AWS CLI v1's and
 * boto3's default) a mismatch is retried, then fails the call with a ChecksumError (standard mode
 * retries, then takes the answer); the Go v2 and Java v2 SDKs check it too. A value off by
 * anything breaks those clients; a missing one only skips the check.
 *
 * What AWS sends, checked against these bytes (zlib.crc32 of the body reproduces each value):
 * - UpdateItem 200, 156 bytes, `x-amz-crc32: 3767510606` (boto3 output, 2022-02-09:
 *   vanhoangkha/000060-DynamoDBBasic content/3-Gettingstartedwithawssdk/3.2-pythonandynamodb/
 *   3.2.4-updatedata/_index.md);
 * - ListTables 200 `{"TableNames":["Images","Logs"]}` = 1952885991 and a DescribeTable 400
 *   ResourceNotFoundException (140 bytes) = 4224273561 (raw HTTP answers of 2015-07-28 in
 *   aws/aws-sdk-net's integration test General.cs, TestResponseMocking);
 * - a 400 MissingAuthenticationTokenException (125 bytes) = 2088342776 (a `curl -i` of
 *   dynamodb.us-east-2, 2026-09-16, in a public test report the search index leaves unnamed).
 * DynamoDB Streams: the same header in its API reference's answers (awsdocs/amazon-dynamodb-
 * developer-guide doc_source/API_streams_ListStreams.md), and it is served by the same Coral
 * service as DynamoDB (errors.ts). SQS's json answers do not carry it: AWS's "Interpreting
 * Amazon SQS JSON API responses" (SQSDeveloperGuide/sqs-json-api-responses.html) lists
 * x-amzn-RequestId, Content-Length, Date, Content-Type (and x-amzn-query-error on errors), and
 * botocore checks the header for DynamoDB only (botocore/retries/special.py, _retry.json).
 * An empty body (TagResource, UntagResource) gets "0", the CRC-32 of no bytes: no capture of
 * AWS's header for these was found; "0" is what every checker computes for an empty body, so it
 * passes them as a missing header would.
 *
 * The CRC is taken over the body string as UTF-8, which is what both HTTP adapters send for a
 * string body. zlib.crc32 encodes the string itself (in C++, without a JS Buffer), so the body is
 * encoded twice: here and in the adapter. Measured on this machine (Node 20.20, in process):
 * zlib.crc32 of the string 0.53 µs at 1 KiB (ASCII), 19 µs at 100 KiB ASCII, 63 µs at 100 KiB of
 * CJK and accents; Buffer.from then zlib.crc32 of the bytes 0.56, 23 and 112 µs; @node-rs/crc32
 * of the string 0.44, 26 and 146 µs (and ~3.5 MiB of resident addon: checksums/create-hasher.ts).
 * Sending the Buffer instead of the string would save the adapter's encode and length scan, which
 * makes it the cheaper path from a few KiB (GetItem figures in the commit that added this), but
 * the body's type is part of encode's contract in test/protocol/json-compiled.test.ts; left as a
 * follow-up there. node:zlib's crc32 exists from Node 20.15 / 22.2 (engines allows 20.0): before
 * that the checksums' CRC-32 hasher (the addon) is used.
 */
import { createRequire } from 'node:module';
import { createHasher } from '../../checksums/create-hasher.js';
import type { ServiceName } from '../../model/types.js';

export const CRC32_HEADER = 'x-amz-crc32';

/** DynamoDB and its Streams API (one Coral service) send the header; SQS's json answers do not. */
export const sendsBodyCrc32 = (service: ServiceName): boolean => service === 'dynamodb' || service === 'dynamodbstreams';

type ZlibCrc32 = (data: string | Uint8Array, value?: number) => number;

const requireCjs = createRequire(import.meta.url);
/** Looked up on first use, as create-hasher.ts does (node:zlib costs ~0.2 MiB of heap); null when this Node has none. */
let zlibCrc32: ZlibCrc32 | null | undefined;

function lookUpZlibCrc32(): ZlibCrc32 | null {
  const fn = (requireCjs('node:zlib') as { crc32?: ZlibCrc32 }).crc32;
  return typeof fn === 'function' ? fn : null;
}

/** The header's value for this body: the CRC-32 of its UTF-8 bytes, unsigned decimal. */
export function bodyCrc32(body: string): string {
  const fn = zlibCrc32 === undefined ? (zlibCrc32 = lookUpZlibCrc32()) : zlibCrc32;
  return fn !== null ? String(fn(body) >>> 0) : hasherCrc32(body);
}

/** The same value through the checksums' CRC-32 hasher, for a Node without zlib.crc32 (exported for its test). */
export function hasherCrc32(body: string): string {
  const hasher = createHasher('crc32');
  hasher.update(Buffer.from(body, 'utf8'));
  return String(hasher.digest().readUInt32BE(0));
}
