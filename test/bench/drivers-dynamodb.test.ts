/** The DynamoDB drivers (sdk and raw) against the peer dynalite, started as its own process. */
import test from 'ava';
import type { DriverFactory, Workload } from '../../src/bench/types.js';
import dynamodbSdk from '../../src/bench/drivers/dynamodb/sdk.js';
import dynamodbRaw from '../../src/bench/drivers/dynamodb/raw.js';
import { startDynalite, targetFor } from '../../src/bench/peers/servers.js';
import type { PeerProcess } from '../../src/bench/peers/child.js';
import type { SetupError } from '../../src/bench/drivers/wire/setup-error.js';

function workload(table: string, options: Record<string, unknown> = {}): Workload {
  return {
    name: 'dynamodb-test', service: 'dynamodb', mix: [{ op: 'get', weight: 1 }], concurrency: 4, warmupSeconds: 0, rampSeconds: 0,
    size: { kind: 'fixed', bytes: 1000 }, keys: { count: 100, prefix: 'p', prefixes: 2, preload: 60 }, options: { table, ...options }, seed: 1,
  };
}

let server: PeerProcess | undefined;
test.before(async () => { server = await startDynalite(); });
test.after.always(async () => { await server?.stop(); });

for (const factory of [dynamodbSdk, dynamodbRaw] as DriverFactory[]) {
  test.serial(`${factory.kind}: setup preloads; put, get, update, query, scan, delete`, async (t) => {
    const driver = await factory.create(targetFor(server!));
    try {
      t.is(driver.service, 'dynamodb');
      await driver.setup(workload(`t-${factory.kind}`, { rangeKey: 'sk' }));
      // Preloaded item 7 is there; item 99 is not until put.
      const get7 = await driver.run('get', 7, undefined);
      t.true(get7.ok, get7.error);
      t.true(get7.bytes >= 1000);
      const put = await driver.run('put', 99, { size: 500, stream: async function* () { /* size only */ } });
      t.deepEqual(put, { ok: true, bytes: 500 });
      t.true((await driver.run('update', 99, undefined)).ok);
      t.true((await driver.run('update', 99, undefined)).ok);
      // 61 items over 2 partitions; a page is 25 items of 1000 bytes.
      const query = await driver.run('query', 1, undefined);
      t.true(query.ok, query.error);
      t.true(query.bytes >= 25 * 1000);
      const scan = await driver.run('scan', 0, undefined);
      t.true(scan.ok, scan.error);
      t.true(scan.bytes >= 25 * 1000);
      t.true((await driver.run('delete', 99, undefined)).ok);
      const gone = await driver.run('get', 99, undefined);
      t.true(gone.ok);
      t.true(gone.bytes < 100, 'an empty GetItem answer');
      t.is((await driver.run('frobnicate', 0, undefined)).error, 'UnknownOperation');
    } finally {
      await driver.close();
    }
  });

  test.serial(`${factory.kind}: a hash-only table (no rangeKey) and setup on an existing table`, async (t) => {
    const w = workload(`h-${factory.kind}`, { hashKey: 'id' });
    const first = await factory.create(targetFor(server!));
    const driver = await factory.create(targetFor(server!));
    try {
      await first.setup(w);
      await driver.setup(w);
      t.true((await driver.run('get', 3, undefined)).bytes >= 1000);
      const q = await driver.run('query', 3, undefined);
      t.true(q.ok, q.error);
    } finally {
      await first.close();
      await driver.close();
    }
  });

  test.serial(`${factory.kind}: failures come back as error codes, never thrown`, async (t) => {
    // A second workload on the same table with another key name: the table is reused as it is,
    // so every key this driver sends is wrong, and dynalite says so.
    const owner = await factory.create(targetFor(server!));
    await owner.setup(workload(`e-${factory.kind}`)).finally(() => owner.close());
    const wrongKey = await factory.create(targetFor(server!));
    const own = await startDynalite();
    const lost = await factory.create(targetFor(own));
    try {
      t.is((await wrongKey.run('get', 1, undefined)).error, 'NotSetUp');
      await wrongKey.setup({ ...workload(`e-${factory.kind}`, { hashKey: 'other' }), keys: { count: 10, prefix: 'p', prefixes: 1, preload: 0 } });
      t.deepEqual(await wrongKey.run('get', 1, undefined), { ok: false, bytes: 0, error: 'ValidationException' });
      // A server that went away: the transport's code.
      await lost.setup(workload(`l-${factory.kind}`));
      await own.stop();
      const r = await lost.run('put', 1, undefined);
      t.false(r.ok);
      t.regex(r.error ?? '', /^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|EPIPE)$/);
      const setup = await t.throwsAsync(lost.setup(workload(`l2-${factory.kind}`)));
      t.is((setup as SetupError).code, 'ECONNREFUSED');
    } finally {
      await own.stop();
      await wrongKey.close();
      await lost.close();
    }
  });
}
