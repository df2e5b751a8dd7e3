/**
 * The S3 figures of the foundation issue (idle RSS, start time, 4 KiB GET ops/s, 64 MiB PUT/GET
 * MB/s vs disk, ListObjectsV2 of 1,000 keys, 1 GiB peak RSS), boltstack vs s3rver, measured by
 * bench/macro/s3-figures.ts: called in this process through its exported `run`, not re-implemented.
 * A failure there is reported in the result rather than failing the whole peers run.
 */
import type { Figure } from '../../../bench/lib/figure.js';

export interface S3FiguresResult {
  figures: Figure[];
  failing: string[];
  /** Set when s3-figures could not run. */
  error?: string;
  /** The rest of s3-figures' JSON (environment, options, raw per-server results, disk speed). */
  detail?: Record<string, unknown>;
}

type S3FiguresModule = typeof import('../../../bench/macro/s3-figures.js');

/** dist/bench/macro/s3-figures.js, from dist/src/bench/peers/s3-figures.js. */
const MODULE_URL = new URL('../../../bench/macro/s3-figures.js', import.meta.url);

export async function runS3Figures(args: string[], log: (message: string) => void): Promise<S3FiguresResult> {
  try {
    // Imported when asked for: it is benchmark code outside src/, needed only by this step.
    const mod = (await import(MODULE_URL.href)) as S3FiguresModule;
    const out = (await mod.run(args, (m) => log(`s3-figures: ${m}`))) as Record<string, unknown>;
    const { figures, failing, ...detail } = out as { figures?: Figure[]; failing?: string[] };
    return { figures: figures ?? [], failing: failing ?? [], detail };
  } catch (err) {
    return { figures: [], failing: [], error: err instanceof Error ? err.message : String(err) };
  }
}
