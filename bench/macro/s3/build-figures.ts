/** Turns the raw per-server results of s3-figures into the reported figures and their targets. */
import { figure, type Figure } from '../../lib/figure.js';
import type { DiskSpeed } from '../../lib/disk-speed.js';
import type { ServerResult } from './measure-server.js';

const MB = { on: 'value', op: '<', limit: 50, text: '< 50 MB (MiB, VmRSS)' } as const;
const x = (n: number): { on: 'ratio'; op: '>='; limit: number; text: string } => ({ on: 'ratio', op: '>=', limit: n, text: `>= ${n}x s3rver` });

export function buildFigures(b: ServerResult, p: ServerResult | null, disk: DiskSpeed | null): Figure[] {
  const v = <T>(r: ServerResult | null | undefined, f: (r: ServerResult) => T | undefined): T | null => (r ? f(r) ?? null : null);
  const out: Figure[] = [
    figure('1a idle VmRSS', 'MiB', b.idle.vmRssMiB, v(p, (r) => r.idle.vmRssMiB), MB, { boltstackRssAnonMiB: b.idle.rssAnonMiB, boltstackRssFileMiB: b.idle.rssFileMiB, peerRssAnonMiB: v(p, (r) => r.idle.rssAnonMiB) }),
    figure('1b start to first answer', 'ms', b.startMs, v(p, (r) => r.startMs), { on: 'value', op: '<', limit: 300, text: '< 300 ms' }),
  ];
  if (b.session) {
    out.push(figure('2 VmRSS after AWS CLI session', 'MiB', b.session.after.vmRssMiB, v(p, (r) => r.session?.after.vmRssMiB), MB, {
      boltstackRssAnonMiB: b.session.after.rssAnonMiB, boltstackPeakMiB: b.session.after.vmHwmMiB,
      md5Match: b.session.md5Match, peerMd5Match: v(p, (r) => r.session?.md5Match), boltstackSeconds: b.session.seconds, peerSeconds: v(p, (r) => r.session?.seconds),
    }));
  }
  if (b.smallGet) {
    for (const k of ['pipelining1', 'pipelining10'] as const) {
      const bl = b.smallGet[k];
      const pl = p?.smallGet?.[k];
      out.push(figure(`3 GetObject 4 KiB, ${k === 'pipelining1' ? 'pipelining 1' : 'pipelining 10'}`, 'ops/s', bl.opsPerSec, pl?.opsPerSec ?? null, x(10), {
        ...(bl.ok === 0 && bl.total > 0 ? { note: 'no answer at all: uWS closes a connection when a pipelined request arrives while an async response is pending (uWebSockets.js#277, wontfix)' } : {}),
        boltstackP99Ms: bl.latencyP99Ms, peerP99Ms: pl?.latencyP99Ms ?? null, boltstackCpuUsPerOp: bl.serverCpuUsPerOp, peerCpuUsPerOp: pl?.serverCpuUsPerOp ?? null, boltstackNon2xx: bl.non2xx + bl.errors, peerNon2xx: pl ? pl.non2xx + pl.errors : null,
      }));
    }
  }
  if (b.large) {
    const d = {
      verified: b.large.verified && (p?.large?.verified ?? true), boltstackSamples: b.large.putSamples, peerSamples: p?.large?.putSamples ?? null,
      boltstackCpuMsPerGB: b.large.serverCpuMsPerGBPut, peerCpuMsPerGB: p?.large?.serverCpuMsPerGBPut ?? null,
    };
    out.push(figure('4a PutObject 64 MiB', 'MB/s', b.large.putMBps, v(p, (r) => r.large?.putMBps), x(5), d));
    out.push(figure('4b GetObject 64 MiB', 'MB/s', b.large.getMBps, v(p, (r) => r.large?.getMBps), x(5), {
      verified: d.verified, boltstackSamples: b.large.getSamples, peerSamples: p?.large?.getSamples ?? null,
      boltstackCpuMsPerGB: b.large.serverCpuMsPerGBGet, peerCpuMsPerGB: p?.large?.serverCpuMsPerGBGet ?? null,
    }));
    if (disk) {
      const frac = (n: number): number => Math.round((b.large!.putMBps / n) * 100) / 100;
      out.push(figure('4c PutObject / disk write (fdatasync)', 'fraction', frac(disk.fdatasyncMBps), null, { on: 'value', op: '>=', limit: 0.5, text: '>= 0.5 of disk write speed' }, {
        diskBufferedMBps: disk.bufferedMBps, diskFdatasyncMBps: disk.fdatasyncMBps, fractionOfBuffered: frac(disk.bufferedMBps),
      }));
    }
  }
  if (b.list) {
    out.push(figure('5 ListObjectsV2 1,000 keys', 'ops/s', b.list.opsPerSec, v(p, (r) => r.list?.opsPerSec), x(100), {
      boltstackP99Ms: b.list.latencyP99Ms, peerP99Ms: v(p, (r) => r.list?.latencyP99Ms), boltstackCpuUsPerOp: b.list.serverCpuUsPerOp, peerCpuUsPerOp: v(p, (r) => r.list?.serverCpuUsPerOp), boltstackNon2xx: b.list.non2xx + b.list.errors,
    }));
  }
  if (b.huge) {
    out.push(figure('6 peak RSS, PUT+GET 1 GiB', 'MiB', b.huge.peakMiB, v(p, (r) => r.huge?.peakMiB), { on: 'value', op: '<', limit: 100, text: '< 100 MB (MiB, VmHWM)' }, {
      verified: b.huge.verified, peerVerified: v(p, (r) => r.huge?.verified), peakScopedToTransfer: b.huge.peakScoped,
      boltstackPutMBps: b.huge.putMBps, boltstackGetMBps: b.huge.getMBps, peerPutMBps: v(p, (r) => r.huge?.putMBps), peerGetMBps: v(p, (r) => r.huge?.getMBps),
      upload: 'multipart, 128 MiB parts (uWS drops a Content-Length of >= 1e9 bytes)', boltstackRssAfterMiB: b.huge.after.vmRssMiB,
    }));
  }
  // A figure measured on wrong data is no figure: an unverified transfer fails it.
  for (const f of out) if (f.detail?.verified === false || f.detail?.md5Match === false) f.pass = false;
  return out;
}
