/**
 * CPU time of a process split by thread (Linux, /proc/<pid>/task/<tid>/schedstat, nanoseconds): the
 * main thread (tid = pid) against every other thread (worker threads, libuv's file-I/O pool, V8's
 * GC helpers). Taken before and after a timed phase, it tells which thread bounds an upload: one
 * upload's MD5 runs in one thread, so no upload can go faster than the busiest thread allows.
 *
 * Why schedstat and not stat: stat's utime + stime count 10 ms ticks, about 150 ms per GB of
 * resolution on one 64 MiB upload, as much as the differences the upload figures look for;
 * schedstat's first field is the thread's time on a CPU in nanoseconds. Where the kernel has no
 * schedstat (built without CONFIG_SCHED_INFO), the ticks are read instead.
 */
import { readdir, readFile } from 'node:fs/promises';

/** CPU time (ms) per thread id, for threads alive at the time of reading. */
export type ThreadCpu = Map<string, number>;

export async function readThreadCpu(pid: number): Promise<ThreadCpu> {
  const out: ThreadCpu = new Map();
  const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  await Promise.all(tids.map(async (tid) => {
    try {
      out.set(tid, await threadCpuMs(`/proc/${pid}/task/${tid}`));
    } catch {
      // the thread ended between readdir and read: its time is lost to both readings alike
    }
  }));
  return out;
}

/** One thread's CPU time in ms: schedstat's nanoseconds, else stat's ticks. */
async function threadCpuMs(dir: string): Promise<number> {
  const schedstat = await readFile(`${dir}/schedstat`, 'utf8').catch(() => undefined);
  if (schedstat !== undefined) return Number(schedstat.slice(0, schedstat.indexOf(' '))) / 1e6;
  const text = await readFile(`${dir}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) * 10;
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
