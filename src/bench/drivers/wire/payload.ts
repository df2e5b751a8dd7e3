/**
 * Payloads of the DynamoDB, SQS and SNS drivers: printable filler of the size the engine chose
 * (`body.size`; the bytes themselves do not matter for these services, and a message body must be
 * valid XML characters), or the workload's typical size when an operation has no body.
 */
import type { BodySource, SizeDistribution } from '../../types.js';

/** The typical size of a distribution: fixed size, middle of the range, or the median. */
export function typicalSize(dist: SizeDistribution): number {
  switch (dist.kind) {
    case 'fixed': return dist.bytes;
    case 'uniform': return Math.round((dist.min + dist.max) / 2);
    case 'lognormal': return dist.median;
  }
}

export interface Filler {
  /** A string of `size` bytes (clamped to the service's maximum). */
  text(body: BodySource | undefined): string;
}

/** Slices of one pre-built string, so no operation allocates its payload anew. */
export function createFiller(dist: SizeDistribution, maxBytes: number): Filler {
  const largest = Math.min(maxBytes, dist.kind === 'fixed' ? dist.bytes : dist.max);
  const fallback = Math.min(maxBytes, typicalSize(dist));
  const whole = 'x'.repeat(Math.max(largest, fallback, 1));
  const fixed = whole.slice(0, fallback);
  return {
    text: (body) => (body === undefined || body.size === fallback ? fixed : whole.slice(0, Math.min(body.size, maxBytes))),
  };
}
