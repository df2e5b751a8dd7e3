/**
 * What each worker does next: a weighted operation choice and a key index, both from the worker's
 * own seeded PRNG stream (so a worker's sequence is the same on every run), plus the body for
 * operations that write (its size fixed per key by the size distribution).
 */
import type { BodySource, Workload } from '../types.js';
import type { BodyFactory } from '../workload/body.js';
import { operationInfo } from '../workload/operations.js';
import { mixSeed, mulberry32, randomInt, type Random } from '../workload/prng.js';
import { sizeOfKey } from '../workload/sizes.js';

export interface Step { op: string; n: number; body: BodySource | undefined }

export type Chooser = (random: Random) => string;

/** Cumulative weights and a linear scan: mixes have a handful of entries. */
export function weightedChooser(mix: Workload['mix']): Chooser {
  const total = mix.reduce((a, m) => a + m.weight, 0);
  let acc = 0;
  const bounds = mix.map((m) => (acc += m.weight) / total);
  const ops = mix.map((m) => m.op);
  const last = ops.length - 1;
  return (random) => {
    const x = random();
    for (let i = 0; i < last; i++) if (x < bounds[i]!) return ops[i]!;
    return ops[last]!;
  };
}

/** The step sequence of worker `worker` in phase `phase` (0 warm-up, 1 measured). */
export function stepper(workload: Workload, bodies: BodyFactory, phase: number, worker: number): () => Step {
  const random = mulberry32(mixSeed(workload.seed, phase * 1_000_003 + worker + 1));
  const choose = weightedChooser(workload.mix);
  const writes = new Set(workload.mix.map((m) => m.op).filter((op) => operationInfo(workload.service, op)?.writes));
  return () => {
    const op = choose(random);
    const n = randomInt(random, workload.keys.count);
    const body = writes.has(op) ? bodies.body(n, sizeOfKey(workload.size, workload.seed, n)) : undefined;
    return { op, n, body };
  };
}
