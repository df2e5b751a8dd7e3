/**
 * The ratio table of `bench peers`: per workload (total and each operation), boltstack's figure
 * divided by the peer's for ops/s, MB/s, p50 and p99. Above 1 is better for ops/s and MB/s,
 * below 1 is better for the latencies.
 */
import type { OperationStats } from '../types.js';
import type { PeerPair } from './run-peers.js';

export interface Figures { opsPerSecond: number; megabytesPerSecond: number; p50: number; p99: number }

export interface RatioRow {
  workload: string;
  peer: string;
  /** "total" or an operation of the mix. */
  scope: string;
  boltstack: Figures;
  peerFigures: Figures;
  /** boltstack / peer; null where the peer's figure is 0. */
  ratio: { [K in keyof Figures]: number | null };
}

function figures(s: OperationStats): Figures {
  return { opsPerSecond: s.opsPerSecond, megabytesPerSecond: s.megabytesPerSecond, p50: s.latency.p50, p99: s.latency.p99 };
}

const divide = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

export function ratioRows(pairs: readonly PeerPair[]): RatioRow[] {
  const rows: RatioRow[] = [];
  for (const pair of pairs) {
    const b = pair.boltstack.status === 'ok' ? pair.boltstack.result : undefined;
    const p = pair.peer?.status === 'ok' ? pair.peer.result : undefined;
    if (!b || !p || !pair.peer) continue;
    const scopes: [string, OperationStats, OperationStats | undefined][] = [['total', b.total, p.total]];
    for (const [op, s] of Object.entries(b.operations)) scopes.push([op, s, p.operations[op]]);
    for (const [scope, bs, ps] of scopes) {
      if (!ps || bs.count === 0 || ps.count === 0) continue;
      const bf = figures(bs);
      const pf = figures(ps);
      rows.push({
        workload: pair.workload, peer: pair.peer.server, scope, boltstack: bf, peerFigures: pf,
        ratio: {
          opsPerSecond: divide(bf.opsPerSecond, pf.opsPerSecond), megabytesPerSecond: divide(bf.megabytesPerSecond, pf.megabytesPerSecond),
          p50: divide(bf.p50, pf.p50), p99: divide(bf.p99, pf.p99),
        },
      });
    }
  }
  return rows;
}
