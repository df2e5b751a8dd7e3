// rest-xml round trips through the real S3 client: decode what the SDK sends, and let the SDK
// parse what we encode.
import test from 'ava';
import { Readable } from 'node:stream';
import * as s3 from '@aws-sdk/client-s3';
import { AwsError } from '../../src/errors/aws-error.js';
import { loadModel } from '../../src/model/generated/index.js';
import { getProtocol } from '../../src/protocols/index.js';
import { matchRestOperation } from '../../src/protocols/rest-xml/router.js';
import type { ProtocolContext, WireRequest, WireResponse } from '../../src/protocols/types.js';
import { capture, captureHandler, clientConfig, respondHandler } from './sdk-harness.js';

const rest = getProtocol('rest-xml');
const config = { ...clientConfig, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' } as const;
const capturing = new s3.S3Client({ ...config, requestHandler: captureHandler });
const answering = (wire: WireResponse): s3.S3Client => new s3.S3Client({ ...config, requestHandler: respondHandler(wire) });

async function decode(send: (c: s3.S3Client) => Promise<unknown>): Promise<{ name: string; input: Record<string, unknown>; wire: WireRequest }> {
  const model = await loadModel('s3');
  const wire = await capture(() => send(capturing));
  const match = matchRestOperation(model, wire.method, wire.path, wire.query, wire.headers);
  if (match === undefined) throw new Error('no route');
  const input = rest.decode({ model, operation: match.operation, requestId: 'req-1' }, wire, match.labels);
  return { name: match.operation.name, input, wire };
}

async function ctx(operation: string): Promise<ProtocolContext> {
  const model = await loadModel('s3');
  return { model, operation: model.operations[operation]!, requestId: 'REQ123' };
}

test('PutObject: labels, headers, timestamps and x-amz-meta-* decode', async (t) => {
  const expires = new Date('2030-01-02T03:04:05Z');
  const { name, input } = await decode((c) => c.send(new s3.PutObjectCommand({
    Bucket: 'bkt', Key: 'dir/a b+c.txt', Body: 'hello', ContentType: 'text/plain', CacheControl: 'no-cache',
    Expires: expires, Metadata: { color: 'red', 'Two-Words': 'x y' }, ContentLength: 5, Tagging: 'a=b',
  })));
  t.is(name, 'PutObject');
  t.like(input, {
    Bucket: 'bkt', Key: 'dir/a b+c.txt', ContentType: 'text/plain', CacheControl: 'no-cache', ContentLength: 5,
    Tagging: 'a=b', Metadata: { color: 'red', 'two-words': 'x y' },
  });
  t.deepEqual(input.Expires, expires);
  t.false('Body' in input, 'the streaming body is attached by the gateway, not decoded');
});

test('GetObject: decode range/conditional headers; encode headers, metadata and a streaming body', async (t) => {
  const since = new Date('2024-05-06T07:08:09Z');
  const { input } = await decode((c) => c.send(new s3.GetObjectCommand({
    Bucket: 'bkt', Key: 'k', Range: 'bytes=0-1', IfModifiedSince: since, PartNumber: 2, ResponseContentType: 'a/b',
  })));
  t.like(input, { Bucket: 'bkt', Key: 'k', Range: 'bytes=0-1', PartNumber: 2, ResponseContentType: 'a/b' });
  t.deepEqual(input.IfModifiedSince, since);

  const lastModified = new Date('2024-01-01T00:00:00Z');
  const wire = rest.encode(await ctx('GetObject'), {
    Body: { stream: Readable.from([Buffer.from('hello')]), length: 5 },
    ContentType: 'text/plain', ContentLength: 5, ETag: '"5d41402abc4b2a76b9719d911017c592"', LastModified: lastModified,
    Metadata: { color: 'red' }, AcceptRanges: 'bytes', TagCount: 2,
  });
  t.is(wire.status, 200);
  t.is(wire.headers['last-modified'], 'Mon, 01 Jan 2024 00:00:00 GMT');
  t.is(wire.headers['x-amz-meta-color'], 'red');
  const out = await answering(wire).send(new s3.GetObjectCommand({ Bucket: 'bkt', Key: 'k' }));
  t.is(await out.Body?.transformToString(), 'hello');
  t.is(out.ContentType, 'text/plain');
  t.is(out.ContentLength, 5);
  t.is(out.TagCount, 2);
  t.deepEqual(out.LastModified, lastModified);
  t.deepEqual(out.Metadata, { color: 'red' });
  t.is(out.$metadata.requestId, 'REQ123');
});

test('ListObjectsV2: query decode; XML body with flattened lists and escaping encodes', async (t) => {
  const { name, input } = await decode((c) => c.send(new s3.ListObjectsV2Command({
    Bucket: 'bkt', Prefix: 'a/', Delimiter: '/', MaxKeys: 10, StartAfter: 'a/0', FetchOwner: true,
  })));
  t.is(name, 'ListObjectsV2');
  t.like(input, { Bucket: 'bkt', Prefix: 'a/', Delimiter: '/', MaxKeys: 10, StartAfter: 'a/0', FetchOwner: true });

  const modified = new Date('2024-02-03T04:05:06.789Z');
  const wire = rest.encode(await ctx('ListObjectsV2'), {
    Name: 'bkt', Prefix: 'a/', Delimiter: '/', MaxKeys: 10, KeyCount: 3, IsTruncated: true, NextContinuationToken: 'tok',
    Contents: [
      { Key: 'a/1 & <2>', LastModified: modified, ETag: '"e1"', Size: 12, StorageClass: 'STANDARD', Owner: { ID: 'o1' } },
      { Key: 'a/3', LastModified: modified, ETag: '"e3"', Size: 0, StorageClass: 'STANDARD' },
    ],
    CommonPrefixes: [{ Prefix: 'a/b/' }],
  });
  t.regex(String(wire.body), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListBucketResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/">/);
  t.is(wire.headers['content-type'], 'application/xml');
  const out = await answering(wire).send(new s3.ListObjectsV2Command({ Bucket: 'bkt' }));
  t.is(out.Name, 'bkt');
  t.is(out.KeyCount, 3);
  t.true(out.IsTruncated);
  t.is(out.NextContinuationToken, 'tok');
  t.is(out.Contents?.length, 2);
  t.is(out.Contents?.[0]?.Key, 'a/1 & <2>');
  t.is(out.Contents?.[0]?.Size, 12);
  t.is(out.Contents?.[0]?.Owner?.ID, 'o1');
  t.deepEqual(out.Contents?.[0]?.LastModified, modified);
  t.deepEqual(out.CommonPrefixes, [{ Prefix: 'a/b/' }]);
});

test('CompleteMultipartUpload: XML payload decodes; result encodes', async (t) => {
  const { name, input } = await decode((c) => c.send(new s3.CompleteMultipartUploadCommand({
    Bucket: 'bkt', Key: 'big', UploadId: 'u-1',
    MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }, { PartNumber: 2, ETag: '"b"', ChecksumCRC32: 'AAAAAA==' }] },
  })));
  t.is(name, 'CompleteMultipartUpload');
  t.deepEqual(input, {
    Bucket: 'bkt', Key: 'big', UploadId: 'u-1',
    MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }, { PartNumber: 2, ETag: '"b"', ChecksumCRC32: 'AAAAAA==' }] },
  });
  const wire = rest.encode(await ctx('CompleteMultipartUpload'), {
    Location: 'http://localhost:4566/bkt/big', Bucket: 'bkt', Key: 'big', ETag: '"abc-2"', VersionId: 'v1',
  });
  t.regex(String(wire.body), /<CompleteMultipartUploadResult xmlns=/);
  const out = await answering(wire).send(new s3.CompleteMultipartUploadCommand({ Bucket: 'bkt', Key: 'big', UploadId: 'u-1' }));
  t.like(out, { Location: 'http://localhost:4566/bkt/big', Bucket: 'bkt', Key: 'big', ETag: '"abc-2"', VersionId: 'v1' });
});

test('DeleteObjects: flattened Object list decodes; Deleted/Error lists encode', async (t) => {
  const { name, input } = await decode((c) => c.send(new s3.DeleteObjectsCommand({
    Bucket: 'bkt', Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: true },
  })));
  t.is(name, 'DeleteObjects');
  t.deepEqual(input.Delete, { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: true });
  const wire = rest.encode(await ctx('DeleteObjects'), {
    Deleted: [{ Key: 'a' }], Errors: [{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }],
  });
  t.regex(String(wire.body), /<DeleteResult xmlns="[^"]+"><Deleted><Key>a<\/Key><\/Deleted><Error><Key>b<\/Key>/);
  const out = await answering(wire).send(new s3.DeleteObjectsCommand({ Bucket: 'bkt', Delete: { Objects: [{ Key: 'a' }] } }));
  t.deepEqual(out.Deleted, [{ Key: 'a' }]);
  t.deepEqual(out.Errors, [{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }]);
});

test('malformed XML is MalformedXML with S3 message', async (t) => {
  const c = await ctx('DeleteObjects');
  const err = t.throws(() => rest.decode(c, { method: 'POST', path: '/bkt', query: 'delete', headers: {}, body: Buffer.from('<Delete><Object>') }, { Bucket: 'bkt' }));
  t.true(err instanceof AwsError);
  t.is((err as AwsError).code, 'MalformedXML');
  t.is(err?.message, 'The XML you provided was not well-formed or did not validate against our published schema');
});

test('S3 error body is exact and the SDK parses code, message, status and fields', async (t) => {
  const c = await ctx('GetObject');
  const error = new AwsError({ code: 'NoSuchKey', status: 404, message: 'The specified key does not exist.', fields: { Key: 'k' } });
  const wire = rest.encodeError({ ...c, method: 'GET' }, error);
  t.is(wire.headers['content-type'], 'application/xml');
  t.is(wire.body, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>' +
    `<Key>k</Key><RequestId>REQ123</RequestId><HostId>${wire.headers['x-amz-id-2']}</HostId></Error>`);
  const err = await t.throwsAsync(answering(wire).send(new s3.GetObjectCommand({ Bucket: 'bkt', Key: 'k' })));
  t.is(err?.name, 'NoSuchKey');
  t.is(err?.message, 'The specified key does not exist.');
  const meta = (err as unknown as { $metadata: { httpStatusCode: number; requestId: string } }).$metadata;
  t.is(meta.httpStatusCode, 404);
  t.is(meta.requestId, 'REQ123');
  t.is((err as unknown as { Key: string }).Key, 'k');
});

test('HEAD errors have no body and the SDK still reports NotFound with the status', async (t) => {
  const c = await ctx('HeadObject');
  const wire = rest.encodeError({ ...c, method: 'HEAD' }, new AwsError({ code: 'NoSuchKey', status: 404, message: 'x' }));
  t.is(wire.body, undefined);
  const err = await t.throwsAsync(answering(wire).send(new s3.HeadObjectCommand({ Bucket: 'bkt', Key: 'k' })));
  t.is(err?.name, 'NotFound');
  t.is((err as unknown as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 404);
});

test('GetBucketLocation writes the constraint as the root text', async (t) => {
  const wire = rest.encode(await ctx('GetBucketLocation'), { LocationConstraint: 'eu-west-1' });
  t.is(String(wire.body), '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>');
  const out = await answering(wire).send(new s3.GetBucketLocationCommand({ Bucket: 'bkt' }));
  t.is(out.LocationConstraint, 'eu-west-1');
});

test('ListBuckets encodes wrapped lists; CopyObject its payload structure', async (t) => {
  const created = new Date('2023-03-04T05:06:07.000Z');
  const wire = rest.encode(await ctx('ListBuckets'), {
    Buckets: [{ Name: 'b1', CreationDate: created }, { Name: 'b2', CreationDate: created }], Owner: { ID: 'id', DisplayName: 'me' },
  });
  t.regex(String(wire.body), /<ListAllMyBucketsResult xmlns="[^"]+"><Buckets><Bucket><Name>b1<\/Name>/);
  const out = await answering(wire).send(new s3.ListBucketsCommand({}));
  t.deepEqual(out.Buckets?.map((b) => b.Name), ['b1', 'b2']);
  t.deepEqual(out.Buckets?.[0]?.CreationDate, created);
  t.is(out.Owner?.DisplayName, 'me');

  const copy = rest.encode(await ctx('CopyObject'), { CopyObjectResult: { ETag: '"e"', LastModified: created }, VersionId: 'v' });
  t.regex(String(copy.body), /<CopyObjectResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><ETag>/);
  const copied = await answering(copy).send(new s3.CopyObjectCommand({ Bucket: 'b', Key: 'k', CopySource: 's/k' }));
  t.is(copied.CopyObjectResult?.ETag, '"e"');
  t.is(copied.VersionId, 'v');
});

test('DeleteObject answers 204 with no body', async (t) => {
  const wire = rest.encode(await ctx('DeleteObject'), { DeleteMarker: true, VersionId: 'v' });
  t.is(wire.status, 204);
  t.is(wire.body, undefined);
  t.is(wire.headers['x-amz-delete-marker'], 'true');
});
