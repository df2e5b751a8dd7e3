/**
 * CPU time of a process split by thread (Linux, /proc/<pid>/task/<tid>/stat, 10 ms ticks): the
 * main thread (tid = pid) against every other thread (worker threads, libuv's file-I/O pool, V8's
 * GC helpers). Taken before and after a timed phase, it tells which thread bounds an upload: one
 * upload's MD5 runs in one thread, so no upload can go faster than the busiest thread allows.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Ticks (ms) per thread id, for threads alive at the time of reading. */
export type ThreadCpu = Map<string, number>;

export async function readThreadCpu(pid: number): Promise<ThreadCpu> {
  const out: ThreadCpu = new Map();
  const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  await Promise.all(tids.map(async (tid) => {
    try {
      const text = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
      const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(rest[11]) + Number(rest[12])) * 10);
    } catch {
      // the thread ended between readdir and read: its time is lost to both readings alike
    }
  }));
  return out;
}

export interface ThreadCpuSplit {
  /** ms of CPU on the main thread. */
  mainMs: number;
  /** ms of CPU on all other threads together (threads started during the phase count whole). */
  otherMs: number;
  /** ms of the busiest thread other than the main one (a hash worker, when there is one). */
  busiestOtherMs: number;
}

export function splitThreadCpu(pid: number, before: ThreadCpu, after: ThreadCpu): ThreadCpuSplit {
  let mainMs = 0;
  let otherMs = 0;
  let busiestOtherMs = 0;
  for (const [tid, ms] of after) {
    const d = ms - (before.get(tid) ?? 0);
    if (tid === String(pid)) {
      mainMs += d;
    } else {
      otherMs += d;
      busiestOtherMs = Math.max(busiestOtherMs, d);
    }
  }
  return { mainMs, otherMs, busiestOtherMs };
}
