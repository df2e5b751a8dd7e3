/**
 * The AWS CLI's high-level S3 commands as a new user runs them: sync both ways (odd key names, a
 * 0-byte file, a second sync that copies nothing, --delete), cp from stdin (unknown length: the
 * CLI streams it as a multipart upload) and to stdout, mv within and across buckets, rm with
 * --exclude/--include, cp with headers, presign, ls --human-readable --summarize, s3api
 * pagination and tagging, and `s3 website`, which boltstack does not have. Each row asserts what
 * the CLI printed. The CLI ships with this project's machine image (awscli v1); where it is
 * missing the file says so and is skipped (required in CI: test/helpers/aws-cli.ts).
 * What AWS prints is the CLI's own format around S3's answers (docs.aws.amazon.com/cli/latest/
 * reference/s3/); rows that need an AWS-specific answer name their source.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { ExecutionContext } from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { cliSession, cliTestFor } from '../helpers/aws-cli.js';
import { md5Hex, patternBuffer } from '../helpers/bytes.js';
import { s3Client } from '../helpers/server.js';

const cliTest = cliTestFor('aws-cli-s3-sync.test');

async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), body);
  }
}

async function readTree(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    tree[relative(root, path)] = await readFile(path, 'utf8');
  }
  return tree;
}

/** The lines a transfer command printed, sorted (the CLI transfers in parallel). */
const lines = (stdout: string): string[] => stdout.split('\n').filter((l) => l !== '').sort();

/** Every key of a bucket with its size, read with the SDK. */
async function keysOf(s3: S3Client, bucket: string): Promise<Record<string, number>> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return Object.fromEntries((listed.Contents ?? []).map((o) => [o.Key!, o.Size!]));
}

async function bucketWith(s3: S3Client, bucket: string, objects: Record<string, string | Buffer> = {}): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

cliTest('aws s3 sync up and down: odd names and a 0-byte file, a second sync copies nothing, --delete both ways', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    const files: Record<string, string> = {
      'a.txt': 'hello\n', 'dir with space/file with space.txt': 'sp\n', 'a+b.txt': 'plus\n', 'ünï©ødé 😀.txt': 'uni\n',
      'empty.bin': '', 'sub/deep.txt': 'deep\n', "100%&=?#;'~.txt": 'odd\n',
    };
    await writeTree(join(cli.dir, 'src'), files);
    const names = Object.keys(files).sort();
    await bucketWith(s3, 'sync-cli');
    // The CLI prints paths relative to its working directory, the session's temp dir.
    t.deepEqual(lines(await cli.ok('s3', 'sync', 'src', 's3://sync-cli', '--no-progress')),
      names.map((n) => `upload: src/${n} to s3://sync-cli/${n}`).sort());
    t.deepEqual(await keysOf(s3, 'sync-cli'), Object.fromEntries(Object.entries(files).map(([n, body]) => [n, Buffer.byteLength(body)])));
    t.is(await cli.ok('s3', 'sync', 'src', 's3://sync-cli', '--no-progress'), '', 'the second sync up copies nothing');
    t.deepEqual(lines(await cli.ok('s3', 'sync', 's3://sync-cli', 'dst', '--no-progress')),
      names.map((n) => `download: s3://sync-cli/${n} to dst/${n}`).sort());
    t.deepEqual(await readTree(join(cli.dir, 'dst')), files);
    t.is(await cli.ok('s3', 'sync', 's3://sync-cli', 'dst', '--no-progress'), '', 'the second sync down copies nothing');

    await rm(join(cli.dir, 'src/a.txt'));
    await writeFile(join(cli.dir, 'src/sub/deep.txt'), 'deeper now\n');
    t.deepEqual(lines(await cli.ok('s3', 'sync', '--delete', 'src', 's3://sync-cli', '--no-progress')),
      ['delete: s3://sync-cli/a.txt', 'upload: src/sub/deep.txt to s3://sync-cli/sub/deep.txt']);
    t.deepEqual(lines(await cli.ok('s3', 'sync', '--delete', 's3://sync-cli', 'dst', '--no-progress')),
      ['delete: dst/a.txt', 'download: s3://sync-cli/sub/deep.txt to dst/sub/deep.txt']);
    t.deepEqual(await readTree(join(cli.dir, 'dst')), await readTree(join(cli.dir, 'src')));
  } finally {
    s3.destroy();
    await cli.close();
  }
});

cliTest('aws s3 cp from stdin (streamed multipart) and to stdout, mv within and across buckets, rm --recursive with --exclude/--include', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    await bucketWith(s3, 'stream-a');
    await bucketWith(s3, 'stream-b', { 'logs/x/1.txt': '1', 'logs/x/2.log': '2', 'logs/y/3.log': '3', 'logs/y/keep.txt': 'k' });
    // Of unknown length, the CLI uploads stdin in 8 MiB parts: 9 MiB + 7 is two.
    const big = patternBuffer(9 * 1024 * 1024 + 7, 5);
    t.like(await cli.aws(['s3', 'cp', '-', 's3://stream-a/in/big.bin'], { input: big }), { code: 0, stdout: '' });
    const bigHead = await s3.send(new HeadObjectCommand({ Bucket: 'stream-a', Key: 'in/big.bin' }));
    t.regex(bigHead.ETag!, /^"[0-9a-f]{32}-2"$/);
    t.is(bigHead.ContentLength, big.length);
    // Less than one part: one PutObject, with S3's default type as nothing names one.
    t.like(await cli.aws(['s3', 'cp', '-', 's3://stream-a/in/tiny.txt'], { input: 'tiny\n' }), { code: 0, stdout: '' });
    const tinyHead = await s3.send(new HeadObjectCommand({ Bucket: 'stream-a', Key: 'in/tiny.txt' }));
    t.deepEqual([tinyHead.ETag, tinyHead.ContentType], [`"${md5Hex(Buffer.from('tiny\n'))}"`, 'binary/octet-stream']);
    const down = await cli.aws(['s3', 'cp', 's3://stream-a/in/big.bin', '-']);
    t.is(down.code, 0);
    t.is(md5Hex(down.stdoutBytes), md5Hex(big));

    t.is(await cli.ok('s3', 'mv', 's3://stream-a/in/tiny.txt', 's3://stream-a/moved/ti ny+ü.txt', '--no-progress'),
      'move: s3://stream-a/in/tiny.txt to s3://stream-a/moved/ti ny+ü.txt\n');
    // Across buckets, the 9 MiB object is copied as a multipart copy (UploadPartCopy), then deleted.
    t.is(await cli.ok('s3', 'mv', '--recursive', 's3://stream-a/in/', 's3://stream-b/in/', '--no-progress'),
      'move: s3://stream-a/in/big.bin to s3://stream-b/in/big.bin\n');
    t.deepEqual(await keysOf(s3, 'stream-a'), { 'moved/ti ny+ü.txt': 5 });
    const moved = await s3.send(new GetObjectCommand({ Bucket: 'stream-a', Key: 'moved/ti ny+ü.txt' }));
    t.is(await moved.Body!.transformToString(), 'tiny\n');

    t.deepEqual(lines(await cli.ok('s3', 'rm', '--recursive', 's3://stream-b/logs/', '--exclude', '*', '--include', '*.log')),
      ['delete: s3://stream-b/logs/x/2.log', 'delete: s3://stream-b/logs/y/3.log']);
    t.deepEqual(lines(await cli.ok('s3', 'rm', '--recursive', 's3://stream-b/logs/', '--exclude', 'y/*')), ['delete: s3://stream-b/logs/x/1.txt']);
    t.deepEqual(await keysOf(s3, 'stream-b'), { 'in/big.bin': big.length, 'logs/y/keep.txt': 1 });
  } finally {
    s3.destroy();
    await cli.close();
  }
});

cliTest('aws s3 cp with headers, presign + GET, ls --human-readable --summarize, s3api pagination and tagging, s3 website NotImplemented', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    await bucketWith(s3, 'headers-cli', { 'k.bin': Buffer.alloc(1536, 1), 'z.txt': 'zz\n' });
    await writeFile(join(cli.dir, 'm.txt'), 'meta\n');
    t.is(await cli.ok('s3', 'cp', 'm.txt', 's3://headers-cli/meta/m.txt', '--no-progress', '--metadata', '{"Owner":"Ann","x-y":"Z z"}',
      '--content-type', 'text/x-custom; charset=utf-8', '--cache-control', 'max-age=60', '--sse', 'AES256', '--storage-class', 'STANDARD_IA'),
    'upload: ./m.txt to s3://headers-cli/meta/m.txt\n');
    t.like(await s3.send(new HeadObjectCommand({ Bucket: 'headers-cli', Key: 'meta/m.txt' })), {
      ContentLength: 5, ETag: `"${md5Hex(Buffer.from('meta\n'))}"`, CacheControl: 'max-age=60', ContentType: 'text/x-custom; charset=utf-8',
      ServerSideEncryption: 'AES256', Metadata: { owner: 'Ann', 'x-y': 'Z z' }, StorageClass: 'STANDARD_IA',
    });

    // awscli v1 presigns with SigV2 (AWSAccessKeyId, Signature, Expires) in us-east-1.
    const url = (await cli.ok('s3', 'presign', 's3://headers-cli/meta/m.txt')).trim();
    t.regex(url, /^http:\/\/127\.0\.0\.1:\d+\/headers-cli\/meta\/m\.txt\?AWSAccessKeyId=test&Signature=[^&]+&Expires=\d+$/);
    const got = await fetch(url);
    t.is(got.status, 200);
    t.is(await got.text(), 'meta\n');

    const summary = await cli.ok('s3', 'ls', '--recursive', '--human-readable', '--summarize', 's3://headers-cli');
    t.deepEqual(summary.split('\n').map((l) => l.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'DATE')), [
      'DATE    1.5 KiB k.bin', 'DATE    5 Bytes meta/m.txt', 'DATE    3 Bytes z.txt', '', 'Total Objects: 3', '   Total Size: 1.5 KiB', '',
    ]);

    // --max-items pages in the CLI; --page-size 1 makes each of its pages a ListObjectsV2 call
    // continued by the server's NextContinuationToken.
    type Page = { Contents: { Key: string }[]; NextToken?: string };
    const first = await cli.json<Page>('s3api', 'list-objects-v2', '--bucket', 'headers-cli', '--max-items', '2', '--page-size', '1');
    t.deepEqual(first.Contents.map((o) => o.Key), ['k.bin', 'meta/m.txt']);
    const rest = await cli.json<Page>('s3api', 'list-objects-v2', '--bucket', 'headers-cli', '--max-items', '2', '--page-size', '1', '--starting-token', first.NextToken!);
    t.deepEqual(rest.Contents.map((o) => o.Key), ['z.txt']);
    t.is(rest.NextToken, undefined);

    t.is(await cli.ok('s3api', 'put-object-tagging', '--bucket', 'headers-cli', '--key', 'z.txt', '--tagging', 'TagSet=[{Key=env,Value=test},{Key=team,Value=a b+c}]'), '');
    t.deepEqual(await cli.json('s3api', 'get-object-tagging', '--bucket', 'headers-cli', '--key', 'z.txt'),
      { TagSet: [{ Key: 'env', Value: 'test' }, { Key: 'team', Value: 'a b+c' }] });

    const website = await cli.aws(['s3', 'website', 's3://headers-cli', '--index-document', 'index.html']);
    t.is(website.code, 255);
    t.is(website.stderr.trim(), 'An error occurred (NotImplemented) when calling the PutBucketWebsite operation: boltstack does not implement the S3 operation PutBucketWebsite yet');
  } finally {
    s3.destroy();
    await cli.close();
  }
});

/**
 * A presigned URL stops working when it expires (SigV2 `Expires`, the CLI v1's default presign):
 * S3 answers 403 AccessDenied "Request has expired" (docs.aws.amazon.com/AmazonS3/latest/
 * userguide/using-presigned-url.html; src/gateway/presign-expiry.ts has the recorded answers).
 */
cliTest('aws s3 presign --expires-in 1: a GET after it expired is 403 AccessDenied "Request has expired"', async (t: ExecutionContext) => {
  t.timeout(30_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    await bucketWith(s3, 'expiry-cli', { k: 'k' });
    const url = (await cli.ok('s3', 'presign', 's3://expiry-cli/k', '--expires-in', '1')).trim();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const got = await fetch(url);
    t.is(got.status, 403);
    t.regex(await got.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  } finally {
    s3.destroy();
    await cli.close();
  }
});

/** The CLI presigning with SigV4 (X-Amz-Date, X-Amz-Expires), as it does where configured so. */
async function presignV4(cli: Awaited<ReturnType<typeof cliSession>>, ...args: string[]): Promise<string> {
  await writeFile(join(cli.dir, 'v4.cfg'), '[default]\ns3 =\n    signature_version = s3v4\n');
  const presigned = await cli.aws(['s3', 'presign', ...args], { env: { AWS_CONFIG_FILE: join(cli.dir, 'v4.cfg') } });
  if (presigned.code !== 0) throw new Error(presigned.stderr);
  return presigned.stdout.trim();
}

// As the row above, for SigV4's X-Amz-Date + X-Amz-Expires.
cliTest('aws s3 presign (SigV4) --expires-in 1: a GET after it expired is 403 AccessDenied "Request has expired"', async (t: ExecutionContext) => {
  t.timeout(30_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    await bucketWith(s3, 'expiry-v4', { k: 'k' });
    const url = await presignV4(cli, 's3://expiry-v4/k', '--expires-in', '1');
    t.regex(url, /[?&]X-Amz-Expires=1&/);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const got = await fetch(url);
    t.is(got.status, 403);
    t.regex(await got.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  } finally {
    s3.destroy();
    await cli.close();
  }
});

/**
 * S3 refuses a SigV4 presigned URL valid for more than a week, which the CLI signs without
 * complaint (aws/aws-cli issue #5464, 2020, quoting S3: AuthorizationQueryParametersError
 * "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be
 * less than 604800 seconds").
 */
cliTest('aws s3 presign (SigV4) --expires-in 604801: S3 refuses it, AuthorizationQueryParametersError', async (t: ExecutionContext) => {
  t.timeout(30_000);
  const cli = await cliSession();
  const s3 = s3Client(cli.endpoint);
  try {
    await bucketWith(s3, 'expiry-week', { k: 'k' });
    const got = await fetch(await presignV4(cli, 's3://expiry-week/k', '--expires-in', '604801'));
    t.is(got.status, 400);
    t.regex(await got.text(), /<Code>AuthorizationQueryParametersError<\/Code><Message>X-Amz-Expires must be less than a week \(in seconds\); that is, the given X-Amz-Expires must be less than 604800 seconds<\/Message>/);
  } finally {
    s3.destroy();
    await cli.close();
  }
});
