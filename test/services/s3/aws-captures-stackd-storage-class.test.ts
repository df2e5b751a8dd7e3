/**
 * x-amz-storage-class on PutObject's answer, which PutObject's model has no member for: native AWS
 * as radkawar/stackd recorded it (testdata/aws/s3/storage_class_replay.json, case
 * "storage-primary", 2026-09-21). Raw signed requests, to see the response headers themselves.
 */
import test from 'ava';
import { startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

const CAPTURE = 'radkawar/stackd testdata/aws/s3/storage_class_replay.json';
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test(`PutObject answers x-amz-storage-class for STANDARD_IA, none for STANDARD named or not [${CAPTURE} seq 4, 8, 12, 13 (2026-09-21)]`, async (t) => {
  const bucket = uniqueBucket('sdsc');
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}` })).status, 200);
  const put = (key: string, storageClass?: string) => signedRequest(server.endpoint, {
    method: 'PUT', path: `/${bucket}/${key}`, body: 'stackd native storage class bytes',
    headers: storageClass ? { 'x-amz-storage-class': storageClass } : {},
  });
  const omitted = await put('put/omitted');
  t.is(omitted.status, 200);
  t.false('x-amz-storage-class' in omitted.headers, 'seq 4: absent when no class is named');
  t.false('x-amz-storage-class' in (await put('put/STANDARD', 'STANDARD')).headers, 'seq 8: absent for STANDARD');
  const ia = await put('put/STANDARD_IA', 'STANDARD_IA');
  t.is(ia.status, 200);
  t.is(ia.headers['x-amz-storage-class'], 'STANDARD_IA', 'seq 12');
  // seq 13: HeadObject names it too.
  t.is((await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/put/STANDARD_IA` })).headers['x-amz-storage-class'], 'STANDARD_IA');
});
