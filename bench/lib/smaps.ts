/**
 * Where a process's resident memory is, from /proc/<pid>/smaps (Linux): resident MiB per mapped
 * file (the node binary, native addons, libc, ...) and the anonymous total, so a figure such as
 * "VmRSS 58 MiB" can be told apart into what the code controls (anonymous: heaps, malloc,
 * stacks) and pages of executables and libraries.
 */
import { readFile } from 'node:fs/promises';

export interface ResidentMap {
  /** Resident MiB of anonymous mappings ([heap], [stack], V8 pages, malloc arenas). */
  anonMiB: number;
  /** Resident MiB per mapped file, largest first. */
  files: Record<string, number>;
}

const mib = (kb: number): number => Math.round((kb / 1024) * 10) / 10;

export async function residentMap(pid: number): Promise<ResidentMap> {
  const text = await readFile(`/proc/${pid}/smaps`, 'utf8');
  const byFile = new Map<string, number>();
  let anonKb = 0;
  let current = '';
  for (const line of text.split('\n')) {
    // A mapping header: "start-end perms offset dev inode [path]".
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) { current = header[1]!.startsWith('/') ? header[1]! : ''; continue; }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    if (current) byFile.set(current, (byFile.get(current) ?? 0) + Number(rss[1]));
    else anonKb += Number(rss[1]);
  }
  const files = Object.fromEntries([...byFile].filter(([, kb]) => kb >= 64).sort((a, b) => b[1] - a[1]).map(([f, kb]) => [f, mib(kb)]));
  return { anonMiB: mib(anonKb), files };
}
