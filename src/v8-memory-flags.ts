/**
 * The V8 memory settings the `boltstack` command applies to its own process (cli.ts), and the
 * rules that a user's own flag for the same setting wins and that BOLTSTACK_V8_FLAGS replaces them.
 *
 * Why these, measured with `npm run bench -- v8-settings` (docs/configuration.md, "Memory"):
 * under load V8 grows its young generation from 1 MiB to 16 MiB semi-spaces (32 MiB of new space
 * on Node 20 and 22, 64 MiB on Node 24), and its old generation runs up to about 3x the live heap
 * before a full GC; peak VmRSS under `s3-small-objects` was 110-130 MiB for a live heap near 8 MiB.
 * An old-generation flag on its own does little while the young generation is unbounded.
 *
 * They have to be set at run time: `--max-semi-space-size` given to setFlagsFromString() after the
 * heap is set up is ignored (the heap reads it once, at isolate creation). The growth factor and
 * `--heap-growing-percent` are read each time V8 decides to grow, so setting them first thing still works,
 * and a re-exec of node with command-line flags (a second node start, ~40 ms and its memory) is
 * not needed. They also hold for worker threads (the piscina pool) created afterwards. The other
 * way round, `--semi-space-growth-factor=1` on node's command line does nothing: V8 raises a
 * factor below 2 to 2 when it sets the heap up (Heap::ConfigureHeap), after which it is only
 * read; measured, new space still reached 32 MiB (Node 20/22) and 64 MiB (Node 24) with it.
 *
 * Node 24 (V8 13) needs a third flag for the same bound: it turned on `--separate-gc-phases`,
 * under which no young-generation GC runs while a full GC is marking, so new space takes every
 * allocation of that spell and grows page by page past its 2 MiB (to 5-7 MiB under the probe of
 * test/e2e/cli-memory-flags, and more the longer marking lasts). `--no-separate-gc-phases` is
 * what Node 20 and 22 run with (their V8's default): scavenges go on during marking and new space
 * stays at 2 MiB. The flag exists in all three lines; should a later V8 drop it, V8 prints
 * "unrecognized flag" at start, which the same test fails on.
 */

/** One setting: the flags boltstack sets, and the user flags that mean "I chose this myself". */
interface MemorySetting {
  readonly flags: readonly string[];
  readonly userFlags: readonly string[];
}

export const MEMORY_SETTINGS: readonly MemorySetting[] = [
  {
    // The young generation keeps the 1 MiB semi-spaces it starts with (2 MiB of new space), also
    // while a full GC marks (Node 24; a no-op on Node 20/22, where it is V8's default).
    flags: ['--semi-space-growth-factor=1', '--no-separate-gc-phases'],
    userFlags: ['--max-semi-space-size', '--min-semi-space-size', '--semi-space-growth-factor', '--max-heap-size', '--separate-gc-phases', '--no-separate-gc-phases'],
  },
  {
    // The old generation's next full-GC limit is live x 1.2 (at least live + 8 MiB, V8's minimum
    // step) instead of up to live x 4: old space stays near live + 8 MiB. --optimize-for-size
    // gave the same peaks but measured 20-40% more server CPU per request; this one only changes
    // when full GCs come.
    flags: ['--heap-growing-percent=20'],
    userFlags: ['--heap-growing-percent', '--optimize-for-size', '--no-optimize-for-size'],
  },
];

/** `--max_semi_space_size=4` → `--max-semi-space-size`: V8 accepts both spellings. */
function flagName(arg: string): string {
  const eq = arg.indexOf('=');
  return (eq < 0 ? arg : arg.slice(0, eq)).replaceAll('_', '-');
}

export interface FlagSources {
  /** node's own arguments: process.execArgv. */
  execArgv: readonly string[];
  /** NODE_OPTIONS (node accepts only a few V8 flags there, --max-semi-space-size among them). */
  nodeOptions: string | undefined;
  /** BOLTSTACK_V8_FLAGS: when set, these flags replace the defaults ("" sets none). */
  override: string | undefined;
}

/**
 * The flags to set: BOLTSTACK_V8_FLAGS when given, else every default setting whose group the
 * user did not set with node flags or NODE_OPTIONS.
 */
export function memoryFlags(o: FlagSources): string[] {
  const words = (text: string | undefined): string[] => (text ?? '').split(/\s+/).filter((a) => a.startsWith('--'));
  if (o.override !== undefined) return words(o.override);
  const given = new Set([...o.execArgv, ...words(o.nodeOptions)].filter((a) => a.startsWith('--')).map(flagName));
  return MEMORY_SETTINGS.filter((s) => !s.userFlags.some((f) => given.has(f))).flatMap((s) => s.flags);
}

/**
 * Sets `flags` again each time a worker thread (hash workers, the piscina pool) comes online.
 * Why: V8 flags are process-wide, and every new isolate's heap set-up (Heap::ConfigureHeap)
 * raises --semi-space-growth-factor below 2 back to 2 for the whole process. Measured on Node 20
 * and 22: after the first worker started, the main thread's new space grew to 16-32 MiB again
 * (s3-mixed at concurrency 32: 21 MiB of new space at the peak, where the bound keeps 2 MiB).
 * 'online' comes after the worker's isolate exists, so the flag set then stays set.
 */
export function keepAcrossWorkerThreads(flags: readonly string[], setFlags: (flag: string) => void): void {
  if (flags.length === 0) return;
  process.on('worker', (worker) => worker.once('online', () => { for (const flag of flags) setFlags(flag); }));
}

/**
 * The command-line form of the default settings, for a node the command starts in its own place
 * (cli-malloc-arenas.ts), as the container image's command line has them: `--max-semi-space-size=1`
 * is the young-generation bound on the command line (the growth factor set there is raised back
 * to 2 at heap set-up, see above), and holds for worker threads too. Only when `flags` are exactly
 * the defaults: a user's choice (their own node flags, NODE_OPTIONS, BOLTSTACK_V8_FLAGS) keeps the
 * run-time path, where their flag wins. Once on the command line, `memoryFlags()` of the new
 * process finds every group chosen and sets nothing, so node:v8 stays unloaded at start.
 */
export const COMMAND_LINE_DEFAULTS: readonly string[] = ['--max-semi-space-size=1', '--no-separate-gc-phases', '--heap-growing-percent=20'];

export function commandLineForm(flags: readonly string[]): readonly string[] {
  const defaults = MEMORY_SETTINGS.flatMap((s) => s.flags);
  const same = flags.length === defaults.length && flags.every((f, i) => f === defaults[i]);
  return same ? COMMAND_LINE_DEFAULTS : [];
}
