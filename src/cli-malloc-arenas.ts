/**
 * glibc's malloc arenas for the `boltstack` command's own process: the command restarts itself in
 * place with `MALLOC_ARENA_MAX=2` when nothing set it (src/cli.ts, first thing).
 *
 * Why: glibc gives each thread that allocates its own arena, up to 8 per core. The threads that
 * allocate here are libuv's pool (4, running LevelDB's reads and writes: memtable blocks, block
 * cache entries, iterator batches), LevelDB's compaction thread and two of Node's own. Each arena
 * keeps the chunks freed in it, so memory freed by one thread is not reused by another: at the
 * peak of the `dynamodb-figures` sequence the thread arenas held 12.5-14.7 MiB, 1-3 MiB in each
 * pool thread's arena (by gdb, which arena each thread allocates from; docs/configuration.md,
 * "Memory"). With two arenas for every thread the same sequence peaked 4-5 MiB lower, at the same
 * CPU per request.
 *
 * How: glibc reads MALLOC_ARENA_MAX once, when the process starts; nothing in Node can set it
 * later (mallopt needs native code). So the command replaces its process with a new node, the same
 * executable, flags and arguments, with the variable set: `process.execve` keeps the pid, the open
 * stdio and the parent, so to a supervisor, a container or a test it is the same process. It costs
 * one more start of node (0.08 s of CPU; about 40 ms on a quiet machine, more on a loaded one)
 * and no memory after it.
 *
 * When not:
 * - MALLOC_ARENA_MAX already set, to any value: the user's (or the container image's) choice wins.
 * - No `process.execve` (Node 20, and 22 before 22.15): without it a new node would be a child
 *   process, with the parent's ~40 MiB beside it. Node 20 users set it themselves (docs).
 * - Not Linux with glibc: musl and other systems do not read the variable.
 * - `boltstack bench`, `--help`, `--version`: no server, no load.
 */

/** What the restart needs from the running process (process.* in cli.ts; tests pass their own). */
export interface ArenaRestartSources {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** process.execve when this Node has it. */
  hasExecve: boolean;
  /** True when the C library is musl (Alpine), which ignores MALLOC_ARENA_MAX. */
  isMusl: () => boolean;
  /** The command's arguments: process.argv.slice(2). */
  args: readonly string[];
}

export const ARENA_MAX = '2';

/** The environment to restart with, or undefined when the command runs on as it is. */
export function arenaRestartEnv(o: ArenaRestartSources): NodeJS.ProcessEnv | undefined {
  if (o.platform !== 'linux' || !o.hasExecve) return undefined;
  if (o.env.MALLOC_ARENA_MAX !== undefined) return undefined;
  if (o.args[0] === 'bench' || o.args.some((a) => a === '--help' || a === '-h' || a === '--version')) return undefined;
  if (o.isMusl()) return undefined;
  return { ...o.env, MALLOC_ARENA_MAX: ARENA_MAX };
}
