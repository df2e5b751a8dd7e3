/**
 * Size distributions: each key's size is a pure function of (seed, key index), so a key keeps its
 * size across preload and later uploads, and two runs with one seed write the same bytes.
 */
import type { SizeDistribution } from '../types.js';
import { gaussian, mixSeed, mulberry32, type Random } from './prng.js';

export function sampleSize(dist: SizeDistribution, random: Random): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.bytes;
    case 'uniform':
      return dist.min + Math.floor(random() * (dist.max - dist.min + 1));
    case 'lognormal': {
      const v = Math.round(dist.median * Math.exp(dist.sigma * gaussian(random)));
      return Math.min(dist.max, Math.max(dist.min, v));
    }
  }
}

/** The size of key `n` under `seed`. */
export function sizeOfKey(dist: SizeDistribution, seed: number, n: number): number {
  if (dist.kind === 'fixed') return dist.bytes;
  return sampleSize(dist, mulberry32(mixSeed(seed, n)));
}

/** Largest size the distribution can produce (for memory checks and summaries). */
export function maxSize(dist: SizeDistribution): number {
  return dist.kind === 'fixed' ? dist.bytes : dist.max;
}
