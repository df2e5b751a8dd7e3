/**
 * Node built-ins that modules on the start path take through `require()` rather than an ESM
 * `import` (DESIGN.md §6a: an idle emulator stays small).
 *
 * Why: an ESM import of a built-in makes its module namespace from every export, and node:fs
 * exports lazy getters (`promises`, `ReadStream`, `Dir`, ...) that the namespace reads: importing
 * `{ existsSync } from 'node:fs'` loads fs/promises, readline and the whole of node:stream, about
 * 30 of Node's own modules. `require('node:fs')` returns the same object without reading them.
 * node:stream itself (20 modules) is taken on first use: the first request with a body stream.
 * Measured in the container (test/e2e/container-image), idle VmRSS: 2.1 MiB less without node:fs's
 * namespace, node:stream and the net socket that `process.stdout` would be on a pipe
 * (docs/configuration.md, "Memory"). node:fs/promises, for its part, loads readline and 10 more of
 * Node's modules (0.9 MiB idle): the start path's few file calls go through `fsCall` instead.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function nodeFs(): typeof import('node:fs') {
  return require('node:fs') as typeof import('node:fs');
}

/** node:stream, loaded on the first call (Node caches it: later calls are a lookup). */
export function nodeStream(): typeof import('node:stream') {
  return require('node:stream') as typeof import('node:stream');
}

/** node:v8, loaded on the first call (src/cli.ts: only when a flag is left to set, or once busy). */
export function nodeV8(): typeof import('node:v8') {
  return require('node:v8') as typeof import('node:v8');
}

/** node:vm, loaded on the first call (native-store/iterator-memory.ts: the first forced GC). */
export function nodeVm(): typeof import('node:vm') {
  return require('node:vm') as typeof import('node:vm');
}

type Done<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;

/** One node:fs callback call as a promise: `await fsCall<string[]>((fs, done) => fs.readdir(dir, done))`. */
export function fsCall<T = void>(call: (fs: typeof import('node:fs'), done: Done<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => call(nodeFs(), (err, value) => (err ? reject(err) : resolve(value as T))));
}
