/**
 * The server is busy when its CPU says so, too: the command turns TurboFan (and Maglev) on when
 * the process has used at least a quarter of a core for two seconds in a row, whatever the number of
 * requests (src/cli.ts; the request count is src/gateway/busy-signal.ts).
 *
 * Why: the request count (1,000 AWS requests) is passed in a fraction of a second by small
 * requests, but not by heavy ones. A DynamoDB Scan of 10,000 items takes ~15 ms of CPU with
 * optimised code; 16 clients doing nothing but Scans ran at 10-19 Scans/s and 50-100 ms of CPU
 * per Scan without TurboFan (bench dynamodb-figures --only scan,batch, loaded machine; 13-20 ms
 * in the same session once TurboFan was on): 1,000 requests would have taken over a minute.
 * Two windows at a quarter of a core: the start-up's module loading and the AWS CLI basic session's
 * first requests are shorter bursts, so an idle or lightly used server still keeps TurboFan's
 * code (about 3.5 MiB of RSS) out (at rest after that session: 54.1 MiB, RssAnon 11.7, as
 * before). Not half a core: on a machine shared with the load generator and other jobs the
 * server may get no more than a third of one, and at half a core a Scan-only load on the
 * project's loaded 2-core machine still ran without TurboFan (4-6 Scans/s, 97-118 ms of CPU each,
 * against 23/s and 21 ms once it was on).
 *
 * One getrusage() a second (process.cpuUsage), on an unref'd timer that ends once busy.
 */

export interface CpuBusyOptions {
  /** Length of one window, ms. */
  windowMs: number;
  /** Share of one core the process must use in a window (user + system, every thread). */
  share: number;
  /** Consecutive windows at or above the share. */
  windows: number;
}

export const CPU_BUSY: CpuBusyOptions = { windowMs: 1000, share: 0.25, windows: 2 };

export interface CpuClock {
  /** CPU time used by the process so far, µs (process.cpuUsage(): user + system). */
  cpuMicros: () => number;
  every: (ms: number, tick: () => void) => { stop: () => void };
}

const realClock: CpuClock = {
  cpuMicros: () => { const u = process.cpuUsage(); return u.user + u.system; },
  every: (ms, tick) => { const timer = setInterval(tick, ms).unref(); return { stop: () => clearInterval(timer) }; },
};

/** Calls `onBusy` once, after `windows` windows in a row at `share` of a core; returns a stop function. */
export function whenCpuBusy(onBusy: () => void, options: CpuBusyOptions = CPU_BUSY, clock: CpuClock = realClock): () => void {
  let last = clock.cpuMicros();
  let inRow = 0;
  const timer = clock.every(options.windowMs, () => {
    const now = clock.cpuMicros();
    inRow = now - last >= options.share * options.windowMs * 1000 ? inRow + 1 : 0;
    last = now;
    if (inRow >= options.windows) {
      timer.stop();
      onBusy();
    }
  });
  return () => timer.stop();
}
