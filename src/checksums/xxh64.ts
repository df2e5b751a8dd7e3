/**
 * xxh64 through xxhash-wasm. Instantiating the wasm module is async and costs ~1 ms and some
 * memory, so it happens once per process, lazily, behind `loadXxhash()`; callers never see or
 * replace the instance. `createXxh64()` is synchronous and requires a prior `await loadXxhash()`
 * (boltstack awaits `initChecksums()` when the blob store opens and at worker start).
 */
import xxhash from 'xxhash-wasm';
import type { Hasher } from './types.js';

/**
 * xxhash-wasm copies each update into wasm linear memory, which grows to fit and never shrinks:
 * one 64 MiB update would keep 64 MiB resident for the life of the process. Feeding slices of at
 * most this size keeps it at one slice.
 */
const MAX_UPDATE = 64 * 1024;

type XxhashApi = Awaited<ReturnType<typeof xxhash>>;

let api: XxhashApi | undefined;
let loading: Promise<XxhashApi> | undefined;

export function loadXxhash(): Promise<void> {
  if (api) return Promise.resolve();
  loading ??= xxhash().then((a) => (api = a));
  return loading.then(() => undefined);
}

export function xxhashLoaded(): boolean {
  return api !== undefined;
}

export function createXxh64(): Hasher {
  if (!api) throw new Error('xxh64 used before initChecksums() resolved: await initChecksums() once at startup');
  const state = api.create64();
  return {
    update: (chunk) => {
      if (chunk.byteLength <= MAX_UPDATE) state.update(chunk);
      else for (let i = 0; i < chunk.byteLength; i += MAX_UPDATE) state.update(chunk.subarray(i, i + MAX_UPDATE));
    },
    digest: () => {
      const out = Buffer.allocUnsafe(8);
      out.writeBigUInt64BE(state.digest());
      return out;
    },
  };
}
