import test from 'ava';
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, tempDir } from '../helpers/server.js';

test('a client that disconnects mid-body leaves nothing visible, no temp file, and the server serves on', async (t) => {
  const tmp = await tempDir();
  const server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
  try {
    const s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'aborts' }));
    const url = new URL(`${server.endpoint}/aborts/half`);
    await new Promise<void>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, method: 'PUT', path: url.pathname, headers: { 'content-length': String(50 * 1024 * 1024) } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(4 * 1024 * 1024, 1));
      setTimeout(() => { req.destroy(); setTimeout(resolve, 300); }, 200);
    });
    const err = await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: 'aborts', Key: 'half' })));
    t.is((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 404);
    // The disconnect is noticed and the temp file removed asynchronously: allow it to settle.
    let tmpFiles: string[] = [];
    for (let waited = 0; waited <= 5000; waited += 100) {
      tmpFiles = await readdir(join(tmp.dir, 'blobs', 'tmp')).catch(() => []);
      if (tmpFiles.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    t.deepEqual(tmpFiles, []);
    await s3.send(new PutObjectCommand({ Bucket: 'aborts', Key: 'after', Body: 'still alive' }));
    t.pass();
  } finally {
    await server.stop();
    await tmp.remove();
  }
});
