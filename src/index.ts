/**
 * createBoltstack(options) → a running emulator instance that owns everything it uses (store,
 * pool, server): no module-level state, so two instances can run in one process (STYLE habit 6).
 *
 * Embedded use (a test suite starting one per file) defaults to an ephemeral store, a random
 * port and warn-level logs, and ignores BOLTSTACK_* env vars: only the options passed count.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveOptions, type BoltstackOptions, type FeatureGate } from './config.js';
import { createLogger, type Logger } from './log.js';
import { createLazyGateway } from './gateway/lazy-gateway.js';
import { createVirtualHostParser } from './gateway/s3-host.js';
import { ServiceRegistry } from './gateway/service-registry.js';
import { BackgroundMarkers } from './storage/background-markers.js';
import { createHttpServer } from './server/index.js';
import { createWorkerPool, type WorkerPool } from './pool/index.js';
import { RequestMetrics } from './metrics/request-metrics.js';
import type { EventLoopDelay } from './metrics/event-loop-delay.js';
import { signalWhenBusy } from './gateway/busy-signal.js';
import { fsCall, nodeFs } from './util/node-builtins.js';
import { ensureDir } from '../native-store/ensure-dir.js';
import { lockDataDir } from '../native-store/dir-lock.js';
import type { NativeStore } from '../native-store/index.js';

export type { BoltstackOptions } from './config.js';

export interface Boltstack {
  /** http://host:port */
  readonly endpoint: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly httpAdapter: 'uws' | 'node-http';
  /** Why node:http serves (chosen, or no native uWS build for this Node and glibc); undefined on uWS. */
  readonly httpAdapterReason: string | undefined;
  /** Finishes in-flight requests, closes the store, removes an ephemeral data dir. */
  stop(): Promise<void>;
}

export type CreateOptions = Partial<Omit<BoltstackOptions, 'features'>> & {
  features?: Iterable<FeatureGate> | string;
  logger?: Logger;
  /** Internal: the CLI resolves options itself, env vars included. */
  resolved?: BoltstackOptions;
  /** Internal: called when the store fails to open on first use (the CLI exits). */
  onStoreFailure?: (err: Error) => void;
  /** Internal: called once, after BUSY_AFTER_REQUESTS AWS requests (the CLI turns TurboFan on). */
  onBusy?: () => void;
  /** Embedded only: the clock services read (DynamoDB TTL, streams), so tests need not wait. */
  clock?: () => number;
};

/**
 * AWS requests after which the emulator counts as busy (gateway/busy-signal.ts): more than a
 * session of a few commands or a small test suite, less than a fraction of a second of load.
 */
const BUSY_AFTER_REQUESTS = 1000;

const removeDir = (dir: string): Promise<void> => fsCall((fs, done) => fs.rm(dir, { recursive: true, force: true }, done));

export function packageVersion(): string {
  const pkg = JSON.parse(nodeFs().readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function embeddedOptions(options: CreateOptions): BoltstackOptions {
  const { logger: _l, resolved: _r, clock: _c, features, ...rest } = options;
  const explicit: Record<string, unknown> = { ...rest };
  if (features !== undefined) explicit.features = typeof features === 'string' ? features : [...features].join(',');
  // A dataDir passed without `ephemeral` names where the data is to live: ephemeral by default
  // would put it in a temp dir instead and remove it at stop(), losing what the caller meant to
  // keep (a test that stops and restarts on its dir, found writing one, 2026-12-06).
  const ephemeral = options.dataDir !== undefined && options.ephemeral === undefined ? 'false' : 'true';
  return resolveOptions(explicit, {}, { ephemeral, port: '0', logLevel: 'warn' });
}

export async function createBoltstack(options: CreateOptions = {}): Promise<Boltstack> {
  const config = options.resolved ?? embeddedOptions(options);
  const log = options.logger ?? createLogger(config.logLevel);
  const dataDir = config.ephemeral ? await fsCall<string>((fs, done) => fs.mkdtemp(join(tmpdir(), 'boltstack-'), done)) : resolve(config.dataDir);
  let unlock: (() => Promise<void>) | undefined;
  const pool = createWorkerPool(config.poolThreads === 'auto' ? {} : { maxThreads: config.poolThreads });
  const metrics = new RequestMetrics();
  // Made on the first scrape, with the exposition code: its module (node:perf_hooks, ~0.4 MiB)
  // is not loaded by an emulator nobody scrapes.
  let eventLoop: EventLoopDelay | undefined;
  // The store (LevelDB and its addon, ~7 MB of RSS) opens on the first request that needs it,
  // not at start (DESIGN.md §6a). What can be checked without it is checked now: the data dir
  // is usable, and no other emulator holds it.
  let opened: Promise<NativeStore> | undefined;
  const storage = (): Promise<NativeStore> => (opened ??= openStore(dataDir, config.durability, log, pool).catch((err: unknown) => {
    opened = undefined;
    const error = err instanceof Error ? err : new Error(String(err));
    log.error('cannot open the store', { dataDir, err: error.message });
    options.onStoreFailure?.(error);
    throw error;
  }));
  const closeStore = async (): Promise<void> => { if (opened) await (await opened.catch(() => undefined))?.close(); };
  let closing = false;
  try {
    await ensureDir(dataDir, 'data dir');
    unlock = await lockDataDir(dataDir);
    // Which services an earlier run left background work to (registry.start): a listing of
    // small marker files, so a data dir with none does not open its store at start.
    const markers = config.ephemeral ? undefined : new BackgroundMarkers(dataDir, config.durability);
    const marked = (await markers?.marked()) ?? [];
    const registry = new ServiceRegistry({
      storage, pool, ...(markers && { markers }), features: config.features, log, durability: config.durability, listingIndexKeys: config.listingIndexKeys,
      ...(options.clock && { clock: options.clock }),
    });
    // Assigned once the server exists; read lazily by health.
    let http: { adapter: 'uws' | 'node-http'; reason?: string } = { adapter: 'uws' };
    const version = packageVersion();
    const gateway = createLazyGateway({
      registry, pool, log, defaultAccountId: config.defaultAccountId, features: config.features, metrics,
      virtualHost: createVirtualHostParser(),
      internal: {
        version,
        httpAdapter: () => http,
        features: () => [...config.features],
        registry,
        metrics: async () => {
          const [{ CONTENT_TYPE, renderMetrics }, { EventLoopDelay }] = await Promise.all([import('./metrics/exposition.js'), import('./metrics/event-loop-delay.js')]);
          const delay = (eventLoop ??= new EventLoopDelay());
          return { contentType: CONTENT_TYPE, text: renderMetrics({ requests: metrics, pool, eventLoop: delay, version, httpAdapter: http.adapter }) };
        },
        info: () => ({ dataDir, ephemeral: config.ephemeral, durability: config.durability, pid: process.pid, poolThreads: pool.threads }),
        reset: async () => {
          await registry.closeAll();
          const store = await storage();
          await store.meta.clear();
          await store.blobs.clear();
        },
      },
    });
    const handler = options.onBusy ? signalWhenBusy(gateway, BUSY_AFTER_REQUESTS, options.onBusy) : gateway;
    const server = await createHttpServer({ handler, adapter: config.httpAdapter, logger: log, spillDir: dataDir });
    http = server.adapterReason === undefined ? { adapter: server.adapter } : { adapter: server.adapter, reason: server.adapterReason };
    const port = await server.listen(config.host, config.port);
    // Services resume what a previous run left (SNS HTTP deliveries, SQS move tasks, DynamoDB GSI
    // backfills and table removals) now, not on
    // their first request. With no marker there is nothing to resume, and the store stays unopened.
    const resuming = marked.length > 0 ? registry.start(marked).catch((err: unknown) => log.warn('resuming background work failed', { err: String(err) })) : undefined;
    const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      endpoint: `http://${displayHost}:${port}`,
      port,
      host: config.host,
      dataDir,
      httpAdapter: server.adapter,
      httpAdapterReason: server.adapterReason,
      stop: async () => {
        if (closing) return;
        closing = true;
        await server.close(5000);
        eventLoop?.close();
        await resuming;
        await registry.closeAll();
        await pool.close();
        await closeStore();
        await unlock?.();
        if (config.ephemeral) await removeDir(dataDir);
      },
    };
  } catch (err) {
    eventLoop?.close();
    await pool.close().catch(() => undefined);
    await closeStore().catch(() => undefined);
    await unlock?.().catch(() => undefined);
    if (config.ephemeral) await removeDir(dataDir).catch(() => undefined);
    throw err;
  }
}

/**
 * Opens the on-disk store: LevelDB (whose LOCK is the final guard against a second process),
 * format version check, and the sweep of temp files and orphan blobs a crash may have left,
 * before the first request is served. Imported here so that nothing loads LevelDB before then.
 */
async function openStore(dir: string, durability: BoltstackOptions['durability'], log: Logger, pool: WorkerPool): Promise<NativeStore> {
  const [{ openNativeStore }] = await Promise.all([import('../native-store/index.js'), pool.prepareBodyHashing()]);
  // Large upload bodies hash in the pool while the main thread receives and writes (DESIGN.md §6).
  return openNativeStore({ dir, durability, log, bodyHashers: (algorithms, bytes) => pool.bodyHasher(algorithms, bytes) });
}
