/**
 * QueueDeletedRecently holds across a restart and kill -9 (recently-deleted.ts): AWS does not
 * restart, so a name deleted less than 60 s ago stays refused whatever boltstack does meanwhile.
 * The restarts here are a second service over the same in-memory store (what kill -9 leaves: only
 * committed batches), and one real kill -9 of a child process. The stored deletion records are
 * removed once stale, so they do not pile up.
 *
 * Sources: the 60 s wait ("When you delete a queue, you must wait at least 60 seconds before
 * creating a queue with the same name", API_DeleteQueue.html, quoted in boto/botocore#1821); the
 * error's code, legacy query code and message are AWS's as sqs/errors.ts already answers them
 * (test/services/sqs/hostile-recreated-queue-22.test.ts). Serial: some rows move the process's clock.
 */
import test from 'ava';
import { CreateQueueCommand, DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { deletedNameKey } from '../../../src/services/sqs/keys.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { CREDENTIALS, startChild, tempDir } from '../../helpers/server.js';
import { sqsErrorOf } from '../../helpers/sqs.js';
import { keysUnder } from './stored-records.js';
import { withClockAhead } from '../../helpers/clock.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };

const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});

interface Fixture {
  meta: MetaStore;
  call<T>(op: string, input: Record<string, unknown>): Promise<T>;
  /** The answer's error, or 'ok'. */
  outcome(op: string, input: Record<string, unknown>): Promise<{ code: string; queryCode?: string; status?: number; message: string } | 'ok'>;
  /** A new service over what the store holds (as after kill -9: every answered call's batch is written). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function fixture(): Promise<Fixture> {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  return {
    meta: storage.meta,
    call,
    outcome: (op, input) => call(op, input).then(() => 'ok' as const, (e: unknown) => e as { code: string; message: string }),
    restart: async () => { await sqs.close?.(); sqs = await start(storage.meta); },
    close: async () => { await sqs.close?.(); await storage.close(); },
  };
}

const deletedKey = (name: string): string => deletedNameKey(ctx.accountId, ctx.region, name);

test.serial('a name deleted less than 60 s ago is refused after a restart, standard and FIFO; other names, and the name after 60 s, are not [API_DeleteQueue.html]', async (t) => {
  const f = await fixture();
  try {
    for (const QueueName of ['gone', 'gone.fifo']) {
      const Attributes = QueueName.endsWith('.fifo') ? { FifoQueue: 'true' } : undefined;
      const { QueueUrl } = await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName, Attributes });
      await f.call('DeleteQueue', { QueueUrl });
    }
    await f.restart();
    for (const QueueName of ['gone', 'gone.fifo']) {
      const Attributes = QueueName.endsWith('.fifo') ? { FifoQueue: 'true' } : undefined;
      const err = await f.outcome('CreateQueue', { QueueName, Attributes });
      t.like(err, {
        code: 'QueueDeletedRecently', queryCode: 'AWS.SimpleQueueService.QueueDeletedRecently', status: 400,
        message: 'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
      });
    }
    t.is(await f.outcome('CreateQueue', { QueueName: 'other' }), 'ok');
    // A second restart still within the minute: still refused.
    await f.restart();
    t.like(await f.outcome('CreateQueue', { QueueName: 'gone' }), { code: 'QueueDeletedRecently' });
    await withClockAhead(61_000, async () => {
      await f.restart();
      t.is(await f.outcome('CreateQueue', { QueueName: 'gone' }), 'ok');
      t.is(await f.outcome('CreateQueue', { QueueName: 'gone.fifo', Attributes: { FifoQueue: 'true' } }), 'ok');
    });
    t.deepEqual(await keysUnder(f.meta, 'n'), [], 'stale records were removed at open');
  } finally {
    await f.close();
  }
});

test.serial('the records are removed once stale: swept by the next DeleteQueue, and by CreateQueue taking the name again', async (t) => {
  const f = await fixture();
  try {
    const urls: Record<string, string> = {};
    for (const QueueName of ['a', 'b', 'c']) urls[QueueName] = (await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName })).QueueUrl;
    await f.call('DeleteQueue', { QueueUrl: urls.a });
    await f.call('DeleteQueue', { QueueUrl: urls.b });
    t.deepEqual(await keysUnder(f.meta, 'n'), [deletedKey('a'), deletedKey('b')]);
    await withClockAhead(61_000, async () => {
      // Taking a name again removes its record; a later deletion sweeps the rest.
      await f.call('CreateQueue', { QueueName: 'a' });
      t.deepEqual(await keysUnder(f.meta, 'n'), [deletedKey('b')]);
      await f.call('DeleteQueue', { QueueUrl: urls.c });
      t.deepEqual(await keysUnder(f.meta, 'n'), [deletedKey('c')]);
      t.like(await f.outcome('CreateQueue', { QueueName: 'c' }), { code: 'QueueDeletedRecently' });
      t.is(await f.outcome('CreateQueue', { QueueName: 'b' }), 'ok');
    });
  } finally {
    await f.close();
  }
});

test.serial('kill -9 right after DeleteQueue: the restarted server still answers QueueDeletedRecently (SDK v3, json protocol)', async (t) => {
  t.timeout(60_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  const client = (endpoint: string): SQSClient => new SQSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  try {
    let sqs = client(server.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'killed' }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    sqs.destroy();
    await server.kill9();
    server = await startChild(args);
    sqs = client(server.endpoint);
    const err = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: 'killed' })));
    t.is(err.name, 'QueueDeletedRecently');
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.message, 'You must wait 60 seconds after deleting a queue before you can create another with the same name.');
    sqs.destroy();
  } finally {
    await server.stop();
    await tmp.remove();
  }
});
