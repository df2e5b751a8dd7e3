/**
 * Samples CPU and memory once a second during the measured phase: this process (the client) from
 * process.cpuUsage(), and the server when it is a local process, from /proc/PID/stat (utime+stime)
 * and /proc/PID/status (VmRSS, VmHWM). CPU is a percentage of one core (200 = two cores busy).
 * On systems without /proc the server figures are simply absent.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { ResourceSample } from '../types.js';

/** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every mainstream Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcSnapshot { cpuMs: number; rssMB: number; hwmMB: number }

export async function readProc(pid: number): Promise<ProcSnapshot | undefined> {
  try {
    const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
    // Fields after the parenthesised command name (which may hold spaces); utime and stime are 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const kB = (name: string): number => {
      const at = status.indexOf(`\n${name}:`);
      return at < 0 ? 0 : Number.parseInt(status.slice(at + name.length + 2).trimStart(), 10);
    };
    return {
      cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / CLOCK_TICKS_PER_SECOND,
      rssMB: round(kB('VmRSS') / 1024),
      hwmMB: round(kB('VmHWM') / 1024),
    };
  } catch {
    return undefined;
  }
}

const round = (x: number): number => Math.round(x * 10) / 10;

export interface ResourceReport {
  client: { cpuPercent: number; samples: ResourceSample[] };
  server?: { pid: number; peakRssMB: number; cpuPercent: number; samples: ResourceSample[] };
}

export class ResourceSampler {
  readonly #pid: number | undefined;
  readonly #start = performance.now();
  readonly #clientStart = process.cpuUsage();
  #clientLast = this.#clientStart;
  #last = this.#start;
  #serverFirst: ProcSnapshot | undefined;
  #serverLast: ProcSnapshot | undefined;
  readonly #client: ResourceSample[] = [];
  readonly #server: ResourceSample[] = [];
  /** Samples run one after another, so a timer's sample never interleaves with stop()'s. */
  #queue: Promise<void> = Promise.resolve();

  private constructor(pid: number | undefined) {
    this.#pid = pid;
  }

  /** Starts sampling; resets the server's VmHWM (allowed for our own child) so its peak covers this phase. */
  static async start(pid?: number): Promise<ResourceSampler> {
    const s = new ResourceSampler(pid);
    if (pid !== undefined) {
      await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
      s.#serverFirst = s.#serverLast = await readProc(pid);
    }
    return s;
  }

  sample(): Promise<void> {
    this.#queue = this.#queue.then(() => this.#sampleNow());
    return this.#queue;
  }

  async #sampleNow(): Promise<void> {
    const now = performance.now();
    const wallMs = now - this.#last;
    if (wallMs <= 0) return;
    const t = round((now - this.#start) / 1000);
    const cpu = process.cpuUsage(this.#clientLast);
    this.#clientLast = process.cpuUsage();
    this.#client.push({ t, rssMB: round(process.memoryUsage.rss() / 2 ** 20), cpuPercent: round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) });
    if (this.#pid !== undefined) {
      const snap = await readProc(this.#pid);
      if (snap && this.#serverLast) {
        this.#server.push({ t, rssMB: snap.rssMB, cpuPercent: round(((snap.cpuMs - this.#serverLast.cpuMs) / wallMs) * 100) });
      }
      if (snap) this.#serverLast = snap;
    }
    this.#last = now;
  }

  async stop(): Promise<ResourceReport> {
    await this.sample();
    const wallMs = Math.max(1, performance.now() - this.#start);
    const cpu = process.cpuUsage(this.#clientStart);
    const report: ResourceReport = {
      client: { cpuPercent: round(((cpu.user + cpu.system) / 1000 / wallMs) * 100), samples: this.#client },
    };
    if (this.#pid !== undefined && this.#serverFirst && this.#serverLast) {
      const peakSampled = Math.max(0, ...this.#server.map((s) => s.rssMB ?? 0));
      report.server = {
        pid: this.#pid,
        peakRssMB: Math.max(peakSampled, this.#serverLast.hwmMB),
        cpuPercent: round(((this.#serverLast.cpuMs - this.#serverFirst.cpuMs) / wallMs) * 100),
        samples: this.#server,
      };
    }
    return report;
  }
}
