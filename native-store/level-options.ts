/**
 * How the metadata store's LevelDB is opened (level-meta-store.ts): its memory settings, and a
 * plain reason when it cannot be opened.
 */

/**
 * Sized for an idle emulator (DESIGN.md §6a, idle RSS < 50 MB): LevelDB's defaults are an 8 MiB
 * block cache and a 4 MiB memtable, both of which stay resident once filled. Metadata records
 * are small and hot ones are in the OS page cache anyway, so a 2 MiB cache loses little; a 2 MiB
 * memtable means more frequent (small, background) flushes under heavy load.
 */
export const LEVEL_OPTIONS = {
  cacheSize: 2 * 1024 * 1024,
  writeBufferSize: 2 * 1024 * 1024,
  // Each cached table is mmapped and the pages read from it stay in VmRSS until it leaves the
  // cache. 74 (LevelDB's floor: 64 tables) lowered the benches' peaks by 1-5 MiB, but once
  // the data has more than 64 tables (~130 MB) a read of an evicted table reopens it (~300 µs of
  // CPU): random GetItems over 97 tables cost 1.2-2.5x as much (docs/configuration.md).
  maxOpenFiles: 128,
} as const;

/**
 * classic-level says only "Database failed to open"; the reason is in `cause`. The common one is
 * a second process on the same data dir (LevelDB's LOCK file), which deserves a plain sentence.
 */
export function openError(err: unknown, location: string): Error {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'LEVEL_LOCKED') {
    return new Error(`the data dir is in use by another process (another boltstack?): ${location} is locked`);
  }
  return new Error(`cannot open the metadata store ${location}: ${cause?.message ?? (err instanceof Error ? err.message : String(err))}`);
}
