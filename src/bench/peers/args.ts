/** Flags of `boltstack bench peers`, parsed and checked; a bad one is a PeersUsageError (exit 2). */
import type { ServiceKind } from '../types.js';
import { parseDuration } from '../workload/units.js';
import { PEER_SERVICES } from './plan.js';

export class PeersUsageError extends Error {}

export interface PeersArgs {
  help: boolean;
  durationSeconds?: number;
  warmupSeconds?: number;
  only?: ServiceKind[];
  driver?: string;
  out?: string;
  html?: string;
  /** Arguments for s3-figures; null with --no-s3-figures. */
  s3FiguresArgs: string[] | null;
}

export const PEERS_USAGE = `Usage: boltstack bench peers [options]

Runs the shipped workloads against boltstack and a peer emulator, each a fresh process on
127.0.0.1 (S3: s3rver, DynamoDB: dynalite, SQS: local-aws-sqs, SNS: boltstack only), prints
boltstack / peer ratios, then the S3 figures of the foundation issue (boltstack vs s3rver).
A service boltstack does not serve yet is reported as "not implemented yet".

  --duration 10s         Measured phase per workload (default: the workload file's).
  --warmup 2s            Warm-up per workload (default: the workload file's).
  --only s3,dynamodb     Services to run (${PEER_SERVICES.join(', ')}; default all).
  --driver KIND          raw (default) or sdk, for every workload.
  --out FILE             Write the JSON report (every RunResult, ratios, S3 figures).
  --html FILE            Write an HTML report with side-by-side charts.
  --figures 1,3,5        Which S3 figures to measure (default all: 1-6).
  --reps N               Repetitions of each S3 figure (s3-figures default 3).
  --no-s3-figures        Skip the S3 figures.
`;

const VALUE_FLAGS = ['--duration', '--warmup', '--only', '--driver', '--out', '--html', '--figures', '--reps'];

function seconds(flag: string, v: string, allowZero: boolean): number {
  const s = parseDuration(v);
  if (s === undefined || (!allowZero && s === 0)) throw new PeersUsageError(`${flag}: expected a duration such as 10s or 1m, got "${v}"`);
  return s;
}

export function parsePeersArgs(argv: readonly string[]): PeersArgs {
  const values = new Map<string, string>();
  let help = false;
  let noFigures = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { help = true; continue; }
    if (a === '--no-s3-figures') { noFigures = true; continue; }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (!VALUE_FLAGS.includes(flag)) throw new PeersUsageError(`unknown ${a.startsWith('-') ? 'option' : 'argument'} ${a}`);
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new PeersUsageError(`${flag}: needs a value`);
    values.set(flag, v);
  }
  const args: PeersArgs = { help, s3FiguresArgs: noFigures ? null : [] };
  const get = (f: string): string | undefined => values.get(f);
  if (get('--duration')) args.durationSeconds = seconds('--duration', get('--duration')!, false);
  if (get('--warmup')) args.warmupSeconds = seconds('--warmup', get('--warmup')!, true);
  if (get('--only')) {
    const names = get('--only')!.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = names.filter((n) => !(PEER_SERVICES as readonly string[]).includes(n));
    if (bad.length || !names.length) throw new PeersUsageError(`--only: expected some of ${PEER_SERVICES.join(',')}, got "${get('--only')}"`);
    args.only = names as ServiceKind[];
  }
  for (const [flag, key] of [['--driver', 'driver'], ['--out', 'out'], ['--html', 'html']] as const) {
    if (get(flag) !== undefined) args[key] = get(flag);
  }
  if (args.s3FiguresArgs) {
    // s3-figures' own flags: its autocannon duration follows --duration.
    if (args.durationSeconds !== undefined) args.s3FiguresArgs.push('--duration', String(args.durationSeconds));
    if (get('--figures')) {
      if (!/^[1-6](,[1-6])*$/.test(get('--figures')!)) throw new PeersUsageError(`--figures: expected figure numbers 1-6 such as 1,3,5, got "${get('--figures')}"`);
      args.s3FiguresArgs.push('--only', get('--figures')!);
    }
    if (get('--reps')) {
      const n = Number(get('--reps'));
      if (!Number.isInteger(n) || n <= 0) throw new PeersUsageError(`--reps: expected a positive integer, got "${get('--reps')}"`);
      args.s3FiguresArgs.push('--reps', String(n));
    }
  }
  return args;
}
