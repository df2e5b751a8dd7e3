/**
 * Contracts of the benchmark harness (`boltstack bench`), shared by the workload parser, the
 * engine, the drivers, the reports and the comparison. Endpoint-agnostic by design (DESIGN §9):
 * the same workload measures boltstack, a peer emulator, real AWS or any S3-compatible cluster.
 */

// ---------------------------------------------------------------- workloads (bench/workloads/*.yaml)

export type ServiceKind = 's3' | 'dynamodb' | 'sqs' | 'sns';

/** Byte sizes in workload files may be written "4KiB", "64 MiB", "1GiB", "500kB" or a number. */
export type SizeDistribution =
  | { kind: 'fixed'; bytes: number }
  | { kind: 'uniform'; min: number; max: number }
  /** Log-normal around `median` with shape `sigma`, clamped to [min, max]. */
  | { kind: 'lognormal'; median: number; sigma: number; min: number; max: number };

export interface OperationWeight {
  /** A driver operation name of the workload's service (S3: upload, download, delete, list, head). */
  op: string;
  weight: number;
}

export interface KeySpace {
  /** Distinct keys (objects, items, ...) the workload touches. */
  count: number;
  /** Key prefix; keys are `${prefix}${prefixIndex}/${n}` when `prefixes` > 1. */
  prefix: string;
  prefixes: number;
  /** Keys written before the measured phase so reads find something. */
  preload: number;
}

export interface Workload {
  name: string;
  description?: string;
  service: ServiceKind;
  mix: OperationWeight[];
  /** Concurrent in-flight operations (virtual users). */
  concurrency: number;
  /** Measured phase length in seconds; with `operations`, whichever ends first. */
  durationSeconds?: number;
  operations?: number;
  /** Unmeasured warm-up in seconds before the measured phase. */
  warmupSeconds: number;
  /** Seconds over which concurrency ramps from 1 to `concurrency` at the start of measurement. */
  rampSeconds: number;
  /** Object / item / message size. Bodies are generated on the fly, never held whole in memory. */
  size: SizeDistribution;
  keys: KeySpace;
  /** S3 uploads above this size use multipart with `partSize` parts. */
  multipart?: { threshold: number; partSize: number };
  /** Service-specific settings (table name, queue name, batch size, subscribers, ...). */
  options: Record<string, unknown>;
  /** Seed for sizes, keys and operation choice, so two runs do the same work. */
  seed: number;
}

// ---------------------------------------------------------------- drivers

/** Where and how to reach the endpoint under test. */
export interface Target {
  endpoint: string;
  region: string;
  /** `sessionToken` for temporary credentials (real AWS); drivers sign it as x-amz-security-token. */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** S3 path-style addressing (default true). */
  forcePathStyle: boolean;
}

/** What every driver call returns: it never throws for a failed operation. */
export interface OpResult {
  ok: boolean;
  /** Payload bytes moved (uploaded or downloaded). */
  bytes: number;
  /** AWS error code, HTTP status ("HTTP 503") or a transport error name ("ECONNRESET"). */
  error?: string;
}

/** A body generated on the fly: `size` bytes, same bytes for the same seed. */
export interface BodySource {
  size: number;
  stream(): AsyncIterable<Uint8Array>;
  /**
   * The whole body as one buffer, offered when it fits one 1 MiB chunk, so a driver can skip
   * streaming for small objects, items and messages. Read-only: it may be a view shared by bodies.
   */
  whole?: () => Uint8Array;
}

export interface S3Driver {
  readonly name: string;
  setup(bucket: string): Promise<void>;
  upload(bucket: string, key: string, body: BodySource, multipart?: { threshold: number; partSize: number }): Promise<OpResult>;
  download(bucket: string, key: string): Promise<OpResult>;
  head(bucket: string, key: string): Promise<OpResult>;
  list(bucket: string, prefix: string, maxKeys: number): Promise<OpResult>;
  delete(bucket: string, key: string): Promise<OpResult>;
  close(): Promise<void>;
}

/**
 * A driver for any service: named operations taking the workload's generated arguments.
 * S3 drivers also implement this generic form (op = 'upload' | 'download' | ...), so the engine
 * needs one code path; service-specific interfaces (S3Driver) are for readability and tests.
 */
export interface Driver {
  readonly name: string;
  readonly service: ServiceKind;
  /** Creates what the workload needs (bucket, table, queue, topic) and preloads keys. */
  setup(workload: Workload): Promise<void>;
  /** Runs one operation of the mix. `n` is the key index chosen by the engine; `body` when the op writes. */
  run(op: string, n: number, body: BodySource | undefined): Promise<OpResult>;
  /** Operations this driver understands (validated against the workload's mix). */
  readonly operations: readonly string[];
  close(): Promise<void>;
}

export type DriverKind = 'sdk' | 'raw';

/** A driver module: one file exports one factory (docs/benchmarking.md: "writing a driver"). */
export interface DriverFactory {
  service: ServiceKind;
  kind: string;
  create(target: Target): Driver | Promise<Driver>;
}

// ---------------------------------------------------------------- results (JSON files)

export interface LatencySummary {
  /** Milliseconds. */
  p50: number; p90: number; p99: number; p999: number; max: number; mean: number;
}

export interface OperationStats {
  count: number;
  errors: Record<string, number>;
  opsPerSecond: number;
  megabytesPerSecond: number;
  latency: LatencySummary;
  /** The full HDR histogram (microseconds), base64 compressed, so results can be merged later. */
  histogram: string;
}

export interface WindowStats {
  /** Seconds since the measured phase started (window end). */
  t: number;
  opsPerSecond: number;
  megabytesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ResourceSample {
  t: number;
  rssMB?: number;
  cpuPercent?: number;
}

export interface Environment {
  boltstackVersion: string;
  node: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cores: number;
  memoryGB: number;
  commit?: string;
  date: string;
}

export interface RunResult {
  schema: 'boltstack-bench/1';
  workload: Workload;
  target: { endpoint: string; label: string; driver: string };
  environment: Environment;
  /** Measured phase wall time. */
  durationSeconds: number;
  total: OperationStats;
  operations: Record<string, OperationStats>;
  windows: WindowStats[];
  client: { cpuPercent: number; samples: ResourceSample[] };
  /** Present when the server is a local process the harness can observe. */
  server?: { pid: number; peakRssMB: number; cpuPercent: number; samples: ResourceSample[] };
}
