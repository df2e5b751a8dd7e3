/**
 * One memory-reducing collection once the server is up, if it is still idle then (src/cli.ts).
 *
 * Why: start-up leaves garbage and a grown young generation behind (new space 2 MiB), and V8's
 * memory reducer gives them back only 8-20 s later, when its timer finds the process idle.
 * Measured on Node 22, 2 s after Ready: VmRSS 52.4 MiB (RssAnon 10.3), 51.0 (8.6) with this;
 * the same as V8 reaches on its own by 20 s. The collection takes 10-70 ms, once, on a small heap.
 *
 * How: Node has no API for V8's low-memory GC, so the `gc` extension is exposed for one new
 * context (`--expose-gc` set and unset at run time: the main context never gets `gc`) and asked
 * for its `last-resort` flavour, the collection V8 runs on low-memory notifications (it shrinks new
 * space and compacts). V8 11 (Node 20) does not know that option and would run an ordinary GC,
 * which measured no gain, so there it is not done: its memory reducer gets there by ~10 s.
 * When node was started with `--expose-gc` (the container image is, so that node:v8 and node:vm,
 * about 1.8 MiB of RSS with the node:stream that node:v8 loads, stay unloaded), that `gc` is used.
 */

export function canReduceHeap(v8Version: string = process.versions.v8): boolean {
  return Number(v8Version.split('.')[0]) >= 12;
}

type GcExtension = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

export async function reduceHeap(): Promise<void> {
  const exposed = (globalThis as { gc?: unknown }).gc;
  const gc = typeof exposed === 'function' ? (exposed as GcExtension) : await gcOfNewContext();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

async function gcOfNewContext(): Promise<GcExtension> {
  const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as GcExtension;
  setFlagsFromString('--no-expose-gc');
  return gc;
}
