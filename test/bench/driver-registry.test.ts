import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DriverNotFoundError, availableDrivers, getDriverFactory, loadDriverFactory, resolveDriver,
} from '../../src/bench/drivers/registry.js';

test('built-in S3 drivers are found by kind', async (t) => {
  for (const kind of ['sdk', 'raw']) {
    const f = await getDriverFactory('s3', kind);
    t.is(f.service, 's3');
    t.is(f.kind, kind);
  }
  t.deepEqual((await availableDrivers('s3')).filter((k) => k === 'raw' || k === 'sdk'), ['raw', 'sdk']);
});

test('an unknown kind is a clear error listing the available ones', async (t) => {
  const err = await t.throwsAsync(getDriverFactory('s3', 'turbo'), { instanceOf: DriverNotFoundError });
  t.regex(err!.message, /no s3 driver "turbo" \(available: .*raw.*sdk/);
});

test('a third-party driver is one file, loaded by path', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-driver-'));
  try {
    const file = join(dir, 'my-driver.mjs');
    await writeFile(file, `export default {
      service: 's3', kind: 'mine',
      create: () => ({ name: 'mine', service: 's3', operations: ['head'], setup: async () => {}, run: async () => ({ ok: true, bytes: 0 }), close: async () => {} }),
    };\n`);
    const f = await resolveDriver('s3', file);
    t.is(f.kind, 'mine');
    const driver = await f.create({ endpoint: 'http://x', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, forcePathStyle: true });
    t.deepEqual(await driver.run('head', 0, undefined), { ok: true, bytes: 0 });
    const wrong = await t.throwsAsync(loadDriverFactory(file, 'sqs'), { instanceOf: DriverNotFoundError });
    t.regex(wrong!.message, /no DriverFactory for sqs \(it has: s3\/mine\)/);
    const empty = join(dir, 'empty.mjs');
    await writeFile(empty, 'export const x = 1;\n');
    await t.throwsAsync(loadDriverFactory(empty), { message: /no DriverFactory export/ });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
