/**
 * Object records of data format 1 (plain JSON) are read by this version, which writes format 2
 * (a listing header ahead of the JSON, services/s3/object-record-codec.ts) and raises the data
 * dir's version so that a format-1 boltstack refuses it afterwards.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FORMAT_KEY, FORMAT_VERSION, LEGACY_FORMAT_KEY } from '../../../native-store/format-version.js';
import * as keys from '../../../src/services/s3/keys.js';
import { decodeObjectRecord, decodeObjectSummary, encodeObjectRecord } from '../../../src/services/s3/object-record-codec.js';
import type { ObjectRecord } from '../../../src/services/s3/records.js';
import { s3Client, startBoltstack, tempDir } from '../../helpers/server.js';

const record: ObjectRecord = {
  size: 0, etag: '"d41d8cd98f00b204e9800998ecf8427e"', lastModified: Date.UTC(2025, 0, 2, 3, 4, 5, 6), version: 'v1', spans: [],
  contentType: 'text/plain', storageClass: 'STANDARD_IA', checksum: { algorithm: 'CRC32', value: 'AAAAAA==', type: 'FULL_OBJECT' },
};

test('encode and decode round-trip a record and its summary', (t) => {
  const stored = encodeObjectRecord(record);
  t.deepEqual(decodeObjectRecord(stored), record);
  t.deepEqual(decodeObjectSummary(stored), { size: 0, etag: record.etag, lastModified: record.lastModified, storageClass: 'STANDARD_IA', checksumAlgorithm: 'CRC32', checksumType: 'FULL_OBJECT' });
  // A header written before the checksum type was kept (five elements): no type.
  const older = stored.replace(',"FULL_OBJECT"]', ']');
  t.not(older, stored);
  t.deepEqual(decodeObjectSummary(older), { size: 0, etag: record.etag, lastModified: record.lastModified, storageClass: 'STANDARD_IA', checksumAlgorithm: 'CRC32' });
  const bare: ObjectRecord = { size: 5, etag: '"abc-2"', lastModified: 1, version: 'v', spans: [] };
  t.deepEqual(decodeObjectSummary(encodeObjectRecord(bare)), { size: 5, etag: '"abc-2"', lastModified: 1 });
  t.deepEqual(decodeObjectSummary(JSON.stringify(record)), decodeObjectSummary(stored), 'format 1 too');
});

test('a format-1 data dir is read and upgraded', async (t) => {
  const tmp = await tempDir();
  try {
    // What a format-1 boltstack left: a bucket and an empty object, both plain JSON.
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const s3ns = db.sublevel<string, string>(keys.S3_NS, {});
    await db.put(LEGACY_FORMAT_KEY, '1'); // formats 1 and 2 kept the version after the namespaces
    await s3ns.put(keys.bucketKey('old-bucket'), JSON.stringify({ name: 'old-bucket', region: 'us-east-1', created: 0, owner: '000000000000' }));
    await s3ns.put(keys.objectKey('old-bucket', 'old.txt'), JSON.stringify(record));
    await db.close();

    const server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const s3 = s3Client(server.endpoint);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'old-bucket', Key: 'old.txt' }));
      t.is(head.ETag, record.etag);
      t.is(head.ContentType, 'text/plain');
      t.is((await (await s3.send(new GetObjectCommand({ Bucket: 'old-bucket', Key: 'old.txt' }))).Body!.transformToString()), '');
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'old-bucket' }));
      // A listing shows whole seconds, as S3's do (services/s3/list-contents.ts, listedTime).
      t.deepEqual(listed.Contents!.map((c) => [c.Key, c.Size, c.ETag, c.StorageClass, c.LastModified?.toISOString()]),
        [['old.txt', 0, record.etag, 'STANDARD_IA', '2025-01-02T03:04:05.000Z']]);
    } finally {
      await server.stop();
    }
    const after = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    t.is(await after.get(FORMAT_KEY), String(FORMAT_VERSION));
    await after.close();
  } finally {
    await tmp.remove();
  }
});
