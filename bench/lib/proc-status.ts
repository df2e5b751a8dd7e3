/**
 * Reads memory figures of a process from /proc/<pid>/status (Linux): VmRSS, RssAnon, RssFile and
 * VmHWM (peak RSS), in MiB. `resetPeak` writes "5" to /proc/<pid>/clear_refs, which sets VmHWM
 * back to the current RSS (allowed for our own child processes), so a peak can be scoped to a phase.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface MemoryStatus {
  vmRssMiB: number;
  rssAnonMiB: number;
  rssFileMiB: number;
  vmHwmMiB: number;
}

function field(text: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  if (!m) throw new Error(`/proc status has no ${name}`);
  return Math.round((Number(m[1]) / 1024) * 10) / 10;
}

export async function readMemory(pid: number): Promise<MemoryStatus> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  return {
    vmRssMiB: field(text, 'VmRSS'),
    rssAnonMiB: field(text, 'RssAnon'),
    rssFileMiB: field(text, 'RssFile'),
    vmHwmMiB: field(text, 'VmHWM'),
  };
}

/** True when the kernel accepted the reset; a peak read later then covers only what followed. */
export async function resetPeak(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time (user + system, all threads) the process has used so far, in ms (10 ms resolution). */
export async function readCpuMs(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) * 10;
}
