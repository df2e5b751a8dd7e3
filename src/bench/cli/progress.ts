/**
 * The live progress line on a TTY (log-update rewrites it in place); nothing at all when stdout is
 * not a TTY, so piped output and CI logs hold only the summary.
 */
import { createLogUpdate } from 'log-update';
import type { Progress } from '../engine/run.js';

export interface ProgressLine {
  update(p: Progress): void;
  done(): void;
}

function bar(fraction: number, width = 20): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export function formatProgress(p: Progress): string {
  const time = p.planned ? `${p.elapsed.toFixed(0)}/${p.planned.toFixed(0)} s ${bar(p.elapsed / p.planned)}` : `${p.elapsed.toFixed(0)} s`;
  switch (p.phase) {
    case 'setup':
      return 'setting up (bucket/table/queue, preloading keys)...';
    case 'warmup':
      return `warm-up ${time}  ${p.operations} ops`;
    case 'measure': {
      const rate = p.opsPerSecond !== undefined ? `${Math.round(p.opsPerSecond)} ops/s` : '';
      const p99 = p.p99 !== undefined ? `p99 ${p.p99.toFixed(2)} ms` : '';
      const errors = p.errors ? `${p.errors} errors` : '';
      return [`measuring ${time}`, `${p.operations} ops`, rate, p99, errors].filter(Boolean).join('  ');
    }
  }
}

export function progressLine(stream: NodeJS.WriteStream = process.stdout): ProgressLine {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const log = createLogUpdate(stream);
  return {
    update: (p) => log(formatProgress(p)),
    done: () => log.clear(),
  };
}
