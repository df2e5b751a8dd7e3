/**
 * Every option in one typed object, validated once (DESIGN.md §2). Each option has a CLI flag,
 * a BOLTSTACK_* env var and a default; docs/configuration.md lists the same table.
 * Invalid values are refused with a one-line message naming the option.
 */
import type { LogLevel } from './log.js';

export const FEATURE_GATES = ['loose', 'virtual'] as const;
export type FeatureGate = (typeof FEATURE_GATES)[number];
export type Features = ReadonlySet<FeatureGate>;

export interface BoltstackOptions {
  port: number;
  host: string;
  /** Where metadata and blobs live; ignored when `ephemeral`. */
  dataDir: string;
  /** Use a temp data dir removed at stop. */
  ephemeral: boolean;
  features: Features;
  logLevel: LogLevel;
  durability: 'process' | 'fsync';
  /** Force the HTTP adapter ('auto' picks uWS and falls back loudly to node:http). */
  httpAdapter: 'auto' | 'uws' | 'node-http';
  /** Keys the S3 listing index may hold across buckets (0: every listing reads LevelDB). */
  listingIndexKeys: number;
  /** The account of requests whose access key id is not 12 digits (and of unsigned ones). */
  defaultAccountId: string;
  /** Most worker threads (checksums, large XML); 'auto' sizes from the cores; 0: none, all inline. */
  poolThreads: number | 'auto';
}

export interface OptionSpec {
  key: keyof BoltstackOptions;
  flag: string;
  env: string;
  default: string;
  help: string;
}

export const OPTION_SPECS: OptionSpec[] = [
  { key: 'port', flag: '--port', env: 'BOLTSTACK_PORT', default: '4566', help: 'TCP port to listen on (0 picks a free one).' },
  { key: 'host', flag: '--host', env: 'BOLTSTACK_HOST', default: '127.0.0.1', help: 'Address to bind; 0.0.0.0 exposes it to other machines/containers.' },
  { key: 'dataDir', flag: '--data-dir', env: 'BOLTSTACK_DATA_DIR', default: './data', help: 'Directory for persistent data (metadata and blobs).' },
  { key: 'ephemeral', flag: '--ephemeral', env: 'BOLTSTACK_EPHEMERAL', default: 'false', help: 'Keep data in a temp dir removed at exit.' },
  { key: 'features', flag: '--features', env: 'BOLTSTACK_FEATURES', default: '', help: `Comma-separated feature gates: ${FEATURE_GATES.join(', ')}.` },
  { key: 'logLevel', flag: '--log-level', env: 'BOLTSTACK_LOG_LEVEL', default: 'info', help: 'debug (one line per request), info, warn, error or silent.' },
  { key: 'durability', flag: '--durability', env: 'BOLTSTACK_DURABILITY', default: 'process', help: 'process: survives kill -9; fsync: also survives power loss (slower).' },
  { key: 'httpAdapter', flag: '--http-adapter', env: 'BOLTSTACK_HTTP_ADAPTER', default: 'auto', help: 'auto, uws or node-http.' },
  { key: 'listingIndexKeys', flag: '--listing-index-keys', env: 'BOLTSTACK_LISTING_INDEX_KEYS', default: '20000', help: 'S3 keys kept in memory for fast listings, across buckets (about 1 KB each); 0 turns the index off.' },
  { key: 'defaultAccountId', flag: '--default-account-id', env: 'BOLTSTACK_DEFAULT_ACCOUNT_ID', default: '000000000000', help: 'Account of requests whose access key id is not 12 digits (a 12-digit key id is its own account).' },
  { key: 'poolThreads', flag: '--pool-threads', env: 'BOLTSTACK_POOL_THREADS', default: 'auto', help: 'Most worker threads for checksums and large XML, started on demand and gone when idle; auto: cores - 1, 1 to 4; 0: all on the main thread.' },
];

export class ConfigError extends Error {
  constructor(spec: OptionSpec, value: string, expected: string) {
    super(`invalid ${spec.flag} (${spec.env}) value ${JSON.stringify(value)}: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function parseOne(spec: OptionSpec, raw: string): unknown {
  const oneOf = (values: readonly string[]): string => {
    if (!values.includes(raw)) throw new ConfigError(spec, raw, `one of ${values.join(', ')}`);
    return raw;
  };
  switch (spec.key) {
    case 'port': {
      if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new ConfigError(spec, raw, 'an integer from 0 to 65535');
      return Number(raw);
    }
    case 'host':
    case 'dataDir':
      if (raw.trim() === '') throw new ConfigError(spec, raw, 'a non-empty value');
      return raw;
    case 'ephemeral':
      return oneOf(['true', 'false', '1', '0']) === 'true' || raw === '1';
    case 'features': {
      const gates = raw.split(',').map((s) => s.trim()).filter(Boolean);
      for (const gate of gates) {
        if (!(FEATURE_GATES as readonly string[]).includes(gate)) throw new ConfigError(spec, raw, `a comma-separated list of ${FEATURE_GATES.join(', ')}`);
      }
      return new Set(gates as FeatureGate[]);
    }
    case 'logLevel': return oneOf(LOG_LEVELS);
    case 'durability': return oneOf(['process', 'fsync']);
    case 'httpAdapter': return oneOf(['auto', 'uws', 'node-http']);
    case 'listingIndexKeys': {
      if (!/^\d+$/.test(raw) || Number(raw) > 100_000_000) throw new ConfigError(spec, raw, 'an integer from 0 to 100000000');
      return Number(raw);
    }
    case 'defaultAccountId':
      if (!/^\d{12}$/.test(raw)) throw new ConfigError(spec, raw, 'an AWS account id of exactly 12 digits');
      return raw;
    case 'poolThreads': {
      if (raw === 'auto') return raw;
      if (!/^\d+$/.test(raw) || Number(raw) > 64) throw new ConfigError(spec, raw, 'auto or an integer from 0 to 64');
      return Number(raw);
    }
  }
}

/**
 * Resolves options from, in rising precedence: defaults, environment, explicit values (from
 * flags or from a programmatic caller). Explicit values may be strings (CLI) or typed values.
 */
export function resolveOptions(
  explicit: Partial<Record<keyof BoltstackOptions, unknown>> = {},
  env: NodeJS.ProcessEnv = process.env,
  defaults: Partial<Record<keyof BoltstackOptions, string>> = {},
): BoltstackOptions {
  const out: Record<string, unknown> = {};
  for (const spec of OPTION_SPECS) {
    const given = explicit[spec.key];
    if (given !== undefined && typeof given !== 'string') {
      out[spec.key] = spec.key === 'features' && Array.isArray(given) ? parseOne(spec, given.join(',')) : parseOne(spec, String(given));
      continue;
    }
    const raw = (given as string | undefined) ?? env[spec.env] ?? defaults[spec.key] ?? spec.default;
    out[spec.key] = parseOne(spec, raw);
  }
  return out as unknown as BoltstackOptions;
}

/** Parses argv flags (`--port 1`, `--port=1`, bare boolean `--ephemeral`) into raw strings. */
export function parseArgv(argv: string[]): Partial<Record<keyof BoltstackOptions, string>> {
  const out: Partial<Record<keyof BoltstackOptions, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = OPTION_SPECS.find((s) => s.flag === flag);
    if (!spec) throw new Error(`unknown option ${flag}; see --help`);
    if (spec.key === 'ephemeral' && inline === undefined) { out.ephemeral = 'true'; continue; }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`option ${flag} needs a value`);
    out[spec.key] = value;
  }
  return out;
}
