/**
 * An in-memory driver for the engine tests: S3-shaped ops with a fixed delay, errors on demand
 * (`failEvery`: every Nth download fails with NoSuchKey; head always fails with HTTP 503).
 */
import type { BodySource, Driver, OpResult, Workload } from '../../src/bench/types.js';

export interface FakeDriver extends Driver {
  readonly calls: Map<string, number>;
  readonly store: Map<number, number>;
  setupCalls: number;
  closed: boolean;
}

export function fakeDriver(opts: { delayMs?: number; failEvery?: number } = {}): FakeDriver {
  const calls = new Map<string, number>();
  const store = new Map<number, number>();
  let downloads = 0;
  const wait = (): Promise<void> => new Promise((r) => (opts.delayMs ? setTimeout(r, opts.delayMs) : setImmediate(r)));
  const driver: FakeDriver = {
    name: 'fake',
    service: 's3',
    operations: ['upload', 'download', 'head', 'list', 'delete'],
    calls,
    store,
    setupCalls: 0,
    closed: false,
    async setup(w: Workload) {
      driver.setupCalls++;
      for (let n = 0; n < w.keys.preload; n++) store.set(n, 1);
    },
    async run(op: string, n: number, body: BodySource | undefined): Promise<OpResult> {
      calls.set(op, (calls.get(op) ?? 0) + 1);
      await wait();
      if (op === 'upload') {
        let bytes = 0;
        for await (const c of body!.stream()) bytes += c.length;
        store.set(n, bytes);
        return { ok: true, bytes };
      }
      if (op === 'head') return { ok: false, bytes: 0, error: 'HTTP 503' };
      if (op === 'download') {
        downloads++;
        if (opts.failEvery && downloads % opts.failEvery === 0) return { ok: false, bytes: 0, error: 'NoSuchKey' };
        return { ok: true, bytes: store.get(n) ?? 0 };
      }
      return { ok: true, bytes: 0 };
    },
    async close() { driver.closed = true; },
  };
  return driver;
}
