/** Flags of `boltstack bench run`, parsed and checked; a bad one is a UsageError (exit code 2). */
import { parseDuration } from '../workload/units.js';

export class UsageError extends Error {}

export interface RunArgs {
  workload: string;
  endpoint?: string;
  durationSeconds?: number;
  operations?: number;
  concurrency?: number;
  warmupSeconds?: number;
  driver?: string;
  out?: string;
  html?: string;
  label?: string;
  region?: string;
  serverPid?: number;
  help: boolean;
}

export const RUN_USAGE = `Usage: boltstack bench run WORKLOAD [options]

WORKLOAD is a workload file (YAML or JSON) or the name of a shipped one (bench/workloads/).
Without --endpoint an ephemeral boltstack is started in its own process and measured too.

  --endpoint URL       Endpoint under test (boltstack, real AWS, any S3-compatible server).
  --duration 30s       Measured phase length (overrides the workload's duration/operations).
  --operations N       Stop after N operations instead.
  --concurrency N      Concurrent operations (virtual users).
  --warmup 2s          Unmeasured warm-up.
  --driver KIND|PATH   sdk, raw (default when the service has one) or a driver file.
  --out FILE           Write the JSON result.
  --html FILE          Write a self-contained HTML report.
  --label NAME         Name of the target in results and reports.
  --region REGION      Signing region (default AWS_REGION or us-east-1).
  --server-pid PID     Sample RSS/CPU of this local server process.
Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default test/test).
`;

const VALUE_FLAGS = ['--endpoint', '--duration', '--operations', '--concurrency', '--warmup', '--driver', '--out', '--html', '--label', '--region', '--server-pid'];

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag}: expected a positive integer, got "${v}"`);
  return n;
}

function seconds(flag: string, v: string, allowZero: boolean): number {
  const s = parseDuration(v);
  if (s === undefined || (!allowZero && s === 0)) throw new UsageError(`${flag}: expected a duration such as 30s or 2m, got "${v}"`);
  return s;
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { help = true; continue; }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.includes(flag)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      values.set(flag, v);
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  if (help) return { workload: '', help };
  if (positional.length !== 1) throw new UsageError(positional.length ? `one WORKLOAD expected, got: ${positional.join(' ')}` : 'WORKLOAD is required');
  const get = (f: string): string | undefined => values.get(f);
  const args: RunArgs = { workload: positional[0]!, help: false };
  if (get('--endpoint')) {
    try { new URL(get('--endpoint')!); } catch { throw new UsageError(`--endpoint: not a URL: "${get('--endpoint')}"`); }
    args.endpoint = get('--endpoint');
  }
  if (get('--duration')) args.durationSeconds = seconds('--duration', get('--duration')!, false);
  if (get('--operations')) args.operations = positiveInt('--operations', get('--operations')!);
  if (get('--concurrency')) args.concurrency = positiveInt('--concurrency', get('--concurrency')!);
  if (get('--warmup')) args.warmupSeconds = seconds('--warmup', get('--warmup')!, true);
  if (get('--server-pid')) args.serverPid = positiveInt('--server-pid', get('--server-pid')!);
  for (const [flag, key] of [['--driver', 'driver'], ['--out', 'out'], ['--html', 'html'], ['--label', 'label'], ['--region', 'region']] as const) {
    if (get(flag) !== undefined) args[key] = get(flag);
  }
  return args;
}
