/** The SQS drivers (sdk, raw json, raw query) against the peer local-aws-sqs in its own process. */
import test from 'ava';
import { DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Driver, DriverFactory, Workload } from '../../src/bench/types.js';
import sqsSdk from '../../src/bench/drivers/sqs/sdk.js';
import sqsRaw from '../../src/bench/drivers/sqs/raw.js';
import { startLocalSqs, targetFor } from '../../src/bench/peers/servers.js';
import type { PeerProcess } from '../../src/bench/peers/child.js';

function workload(queue: string, options: Record<string, unknown> = {}): Workload {
  return {
    name: 'sqs-test', service: 'sqs', mix: [{ op: 'send', weight: 1 }], concurrency: 4, warmupSeconds: 0, rampSeconds: 0,
    size: { kind: 'fixed', bytes: 300 }, keys: { count: 100, prefix: 'm', prefixes: 1, preload: 4 },
    options: { queue, batchSize: 5, ...options }, seed: 1,
  };
}

/** Receives until a receive comes back empty; the bytes it drained. */
async function drain(driver: Driver): Promise<number> {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const r = await driver.run('receive', 0, undefined);
    if (!r.ok) throw new Error(r.error);
    if (r.bytes === 0) return total;
    total += r.bytes;
  }
  return total;
}

let server: PeerProcess | undefined;
test.before(async () => { server = await startLocalSqs(); });
test.after.always(async () => { await server?.stop(); });

const cases: [string, DriverFactory, Record<string, unknown>][] = [
  ['sdk', sqsSdk, {}],
  ['raw json', sqsRaw, {}],
  ['raw query', sqsRaw, { protocol: 'query' }],
];

for (const [label, factory, options] of cases) {
  const queue = `q-${label.replace(' ', '-')}`;

  test.serial(`${label}: setup preloads; send, send-batch, receive deletes what it got`, async (t) => {
    const driver = await factory.create(targetFor(server!));
    try {
      await driver.setup(workload(queue, options));
      t.is(await drain(driver), 4 * 300, 'the preloaded messages');
      t.deepEqual(await driver.run('send', 0, undefined), { ok: true, bytes: 300 });
      t.deepEqual(await driver.run('send', 1, { size: 120, stream: async function* () { /* size only */ } }), { ok: true, bytes: 120 });
      t.deepEqual(await driver.run('send-batch', 2, undefined), { ok: true, bytes: 5 * 300 });
      t.is(await drain(driver), 300 + 120 + 5 * 300);
      t.is(await drain(driver), 0, 'receive deleted them');
      t.is((await driver.run('nope', 0, undefined)).error, 'UnknownOperation');
    } finally {
      await driver.close();
    }
  });

  test.serial(`${label}: a queue that went away comes back as an error code`, async (t) => {
    const target = targetFor(server!);
    const driver = await factory.create(target);
    const sqs = new SQSClient({ endpoint: target.endpoint, region: target.region, credentials: target.credentials });
    try {
      await driver.setup({ ...workload(`${queue}-gone`, options), keys: { count: 1, prefix: 'm', prefixes: 1, preload: 0 } });
      const url = `${server!.endpoint}/123456789012/${queue}-gone`;
      await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
      for (const op of ['send', 'send-batch', 'receive']) {
        const r = await driver.run(op, 0, undefined);
        t.false(r.ok, op);
        t.regex(r.error ?? '', /QueueDoesNotExist|NonExistentQueue/, op);
      }
    } finally {
      sqs.destroy();
      await driver.close();
    }
  });
}
