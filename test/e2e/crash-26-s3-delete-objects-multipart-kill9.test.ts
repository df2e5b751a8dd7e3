/**
 * kill -9 while DeleteObjects removes many keys, CompleteMultipartUpload and CopyObject run
 * (DESIGN.md §5: an acknowledged write survives; an object never points at a missing body;
 * unreferenced bodies are removed at open). After the restart: every listed key reads back with
 * the bytes, ETag and metadata it was written with; a key DeleteObjects was deleting is either
 * whole or gone; acknowledged copies and completed uploads are there and a completed upload is
 * no longer listed; and once every object is deleted and every upload aborted, a restart leaves
 * no body file behind. Found clean by the crash-26 torture pass; pinned because it crosses the
 * object index, the listing, the uploads and the blob references at once.
 */
import test from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startChild, tempDir, type ChildServer } from '../helpers/server.js';

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
interface Written { md5: string; etag?: string; meta: Record<string, string> }

async function listAll(s3: S3Client, Bucket: string): Promise<Map<string, { size: number; etag: string }>> {
  const out = new Map<string, { size: number; etag: string }>();
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
    for (const o of page.Contents ?? []) out.set(o.Key!, { size: o.Size!, etag: o.ETag! });
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return out;
}

async function bodyFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  await walk(join(dir, 'blobs'));
  return out;
}

test('kill -9 during DeleteObjects, CompleteMultipartUpload and CopyObject: nothing half-done is visible', async (t) => {
  const tmp = await tempDir();
  let server: ChildServer | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let s3 = s3Client(server.endpoint, { maxAttempts: 1 });
    const Bucket = 'crash-26-s3';
    await s3.send(new CreateBucketCommand({ Bucket }));
    const acked = new Map<string, Written>();
    // Keys whose outcome the kill leaves open: each maps to what it may hold (null: deleted).
    const open = new Map<string, Array<Written | null>>();
    const maybe = (key: string, w: Written | null): void => { open.set(key, [...(open.get(key) ?? []), w]); };

    const doomed = Array.from({ length: 600 }, (_, i) => `d/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < doomed.length; i += 30) {
      await Promise.all(doomed.slice(i, i + 30).map(async (key) => {
        const body = Buffer.from(`body of ${key}`);
        const r = await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: body, Metadata: { k: key } }));
        acked.set(key, { md5: md5(body), etag: r.ETag!, meta: { k: key } });
      }));
    }
    const uploads = new Map<string, { key: string; written: Written; acked: boolean }>();
    let running = true;
    let deleteSent = false;
    const deleter = async (): Promise<void> => {
      for (const k of doomed) maybe(k, null);
      deleteSent = true;
      const r = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: doomed.map((Key) => ({ Key })), Quiet: true } }));
      t.deepEqual(r.Errors ?? [], []);
      for (const k of doomed) { acked.delete(k); open.delete(k); }
    };
    const copier = async (): Promise<void> => {
      for (let i = 0; running; i++) {
        const src = doomed[i % 40]!;
        const key = `c/${i}`;
        const w = { ...acked.get(src)!, etag: undefined };
        try {
          const r = await s3.send(new CopyObjectCommand({ Bucket, Key: key, CopySource: `${Bucket}/${src}` }));
          acked.set(key, { ...w, etag: r.CopyObjectResult!.ETag! });
        } catch { maybe(key, w); return; }
      }
    };
    const uploader = async (w: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const key = `m/${w}-${i}`;
        try {
          const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: key, Metadata: { mp: String(i) } }));
          const bodies = [randomBytes(5 * 1024 * 1024), randomBytes(1000)];
          const parts = [];
          for (const [n, Body] of bodies.entries()) parts.push({ PartNumber: n + 1, ETag: (await s3.send(new UploadPartCommand({ Bucket, Key: key, UploadId, PartNumber: n + 1, Body }))).ETag! });
          const written: Written = { md5: md5(Buffer.concat(bodies)), meta: { mp: String(i) } };
          uploads.set(UploadId!, { key, written, acked: false });
          try {
            const r = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
            acked.set(key, { ...written, etag: r.ETag! });
            uploads.get(UploadId!)!.acked = true;
          } catch { maybe(key, written); return; }
        } catch { return; }
      }
    };
    const loops = Promise.all([copier(), uploader(0), uploader(1), sleep(300).then(deleter).catch(() => undefined)]);
    // The kill lands as soon as DeleteObjects of 600 keys has removed its first key, with copies
    // and uploads (5 MiB parts, completions) going on beside it.
    while (!deleteSent) await sleep(1);
    const watcher = s3Client(server.endpoint, { maxAttempts: 1 });
    for (const started = Date.now(); Date.now() - started < 5000;) {
      const gone = await watcher.send(new HeadObjectCommand({ Bucket, Key: doomed[0] })).then(() => false, () => true);
      if (gone) break;
    }
    await server.kill9();
    watcher.destroy();
    running = false;
    await loops;
    s3.destroy();

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    s3 = s3Client(server.endpoint, { maxAttempts: 1 });
    const listed = await listAll(s3, Bucket);
    const readBack = new Map<string, string>();
    for (const key of new Set([...acked.keys(), ...open.keys(), ...listed.keys()])) {
      const allowed = [acked.get(key) ?? null, ...(open.get(key) ?? [])];
      let got: Written & { size: number } | null = null;
      try {
        const r = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
        const body = await r.Body!.transformToByteArray();
        got = { md5: md5(body), etag: r.ETag!, meta: r.Metadata ?? {}, size: body.length };
      } catch (err) {
        t.is((err as Error).name, 'NoSuchKey', `GET ${key}`);
      }
      if (got === null) {
        t.false(listed.has(key), `${key} is listed but cannot be read`);
        t.true(allowed.includes(null), `acknowledged ${key} is lost`);
        continue;
      }
      readBack.set(key, got.md5);
      t.deepEqual(listed.get(key), { size: got.size, etag: got.etag }, `${key}: the listing agrees with the object`);
      t.true(allowed.some((w) => w !== null && w.md5 === got!.md5 && (w.etag === undefined || w.etag === got!.etag) && JSON.stringify(w.meta) === JSON.stringify(got!.meta)), `${key} holds what was written`);
    }
    t.log(`${doomed.filter((k) => readBack.has(k)).length} of ${doomed.length} keys DeleteObjects was deleting survive; ${[...uploads.values()].filter((u) => u.acked).length} uploads completed`);
    const stillListed = new Set(((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? []).map((u) => u.UploadId!));
    for (const [id, u] of uploads) {
      const completed = u.acked || readBack.get(u.key) === u.written.md5;
      if (completed) t.false(stillListed.has(id), `completed upload of ${u.key} is still listed`);
    }

    // Everything deleted, every upload aborted, a restart: no body file is left.
    const keys = [...listed.keys()];
    for (let i = 0; i < keys.length; i += 1000) await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) } }));
    for (const u of (await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? []) await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key!, UploadId: u.UploadId! }));
    s3.destroy();
    await server.kill9();
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    s3 = s3Client(server.endpoint, { maxAttempts: 1 });
    t.deepEqual((await listAll(s3, Bucket)).size, 0);
    t.deepEqual(await bodyFiles(tmp.dir), [], 'no body file outlives its references');
    s3.destroy();
  } finally {
    await server?.kill9();
    await tmp.remove();
  }
});
