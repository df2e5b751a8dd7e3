/**
 * Workload files (YAML or JSON; YAML is a superset) → a validated `Workload` with defaults.
 * File fields: name, description, service, mix, concurrency, duration, operations, warmup, ramp,
 * size, keys, multipart, options, seed. docs/benchmarking.md documents each; a RunResult's
 * `workload` (durationSeconds, ...) is accepted too, so a result can be re-run as it was.
 */
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KeySpace, OperationWeight, ServiceKind, SizeDistribution, Workload } from '../types.js';
import { Fields, WorkloadError, isObject, shown } from './fields.js';
import { SERVICE_OPERATIONS, SERVICES, operationInfo } from './operations.js';

export { WorkloadError } from './fields.js';

const TOP_FIELDS = [
  'name', 'description', 'service', 'mix', 'concurrency', 'duration', 'durationSeconds', 'operations',
  'warmup', 'warmupSeconds', 'ramp', 'rampSeconds', 'size', 'keys', 'multipart', 'options', 'seed',
] as const;

export const DEFAULTS = {
  concurrency: 16, durationSeconds: 30, warmupSeconds: 2, rampSeconds: 0, size: 4096, keyCount: 1000,
  prefix: 'bench/', seed: 1, multipart: { threshold: 64 * 2 ** 20, partSize: 16 * 2 ** 20 },
} as const;

/** S3 rejects parts below 5 MiB except the last one. */
const MIN_PART_SIZE = 5 * 2 ** 20;

export function parseWorkloadText(text: string, file: string): Workload {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    throw new WorkloadError(file, '', `not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  return toWorkload(raw, file);
}

export function toWorkload(raw: unknown, file: string): Workload {
  if (!isObject(raw)) throw new WorkloadError(file, '', `expected a mapping of workload fields, got ${shown(raw)}`);
  const f = new Fields(file, '', raw);
  f.only(TOP_FIELDS);
  const service = (f.string('service') ?? f.fail('service', `required (one of: ${SERVICES.join(', ')})`)) as ServiceKind;
  if (!SERVICES.includes(service)) f.fail('service', `expected one of ${SERVICES.join(', ')}, got ${shown(service)}`);
  const mix = parseMix(f, service);
  let durationSeconds = f.duration(['duration', 'durationSeconds']);
  const operations = f.number('operations', { integer: true, positive: true });
  if (durationSeconds === undefined && operations === undefined) durationSeconds = DEFAULTS.durationSeconds;
  if (durationSeconds === 0) f.fail('duration', 'must be greater than 0');
  const options = f.obj.options === undefined ? {} : f.object('options')!.obj;
  const keys = parseKeys(f, mix.some((m) => operationInfo(service, m.op)!.reads));
  const workload: Workload = {
    name: f.string('name') ?? basename(file, extname(file)),
    service,
    mix,
    concurrency: f.number('concurrency', { integer: true, positive: true }) ?? DEFAULTS.concurrency,
    warmupSeconds: f.duration(['warmup', 'warmupSeconds']) ?? DEFAULTS.warmupSeconds,
    rampSeconds: f.duration(['ramp', 'rampSeconds']) ?? DEFAULTS.rampSeconds,
    size: parseSizeDistribution(f),
    keys,
    options: { ...options },
    seed: f.number('seed', { integer: true, min: 0 }) ?? DEFAULTS.seed,
  };
  if (service === 's3' && mix.some((m) => m.op === 'delete') && keys.preload > 0 && keys.preload >= keys.count) {
    // Reads go to keys below `preload`, deletes above it (drivers/s3/generic.ts), so reads never miss.
    f.fail('keys.preload', `with delete in the mix, must be below keys.count (${keys.count}) so deletes have keys of their own`);
  }
  const description = f.string('description');
  if (description !== undefined) workload.description = description;
  if (durationSeconds !== undefined) workload.durationSeconds = durationSeconds;
  if (operations !== undefined) workload.operations = operations;
  const multipart = parseMultipart(f, service);
  if (multipart) workload.multipart = multipart;
  return workload;
}

/** `mix: [{op: download, weight: 80}, ...]` or the short form `mix: {download: 80, upload: 20}`. */
function parseMix(f: Fields, service: ServiceKind): OperationWeight[] {
  const known = Object.keys(SERVICE_OPERATIONS[service]).join(', ');
  const raw = f.obj.mix;
  if (raw === undefined) f.fail('mix', `required: a list of {op, weight} (${service} ops: ${known})`);
  let mix: OperationWeight[];
  if (Array.isArray(raw)) {
    mix = raw.map((value, i) => {
      if (!isObject(value)) throw new WorkloadError(f.file, `mix[${i}]`, `expected {op, weight}, got ${shown(value)}`);
      const e = new Fields(f.file, `mix[${i}]`, value);
      e.only(['op', 'weight']);
      const op = e.string('op') ?? e.fail('op', `required (one of: ${known})`);
      if (!operationInfo(service, op)) e.fail('op', `${shown(op)} is not a ${service} operation (expected one of: ${known})`);
      return { op, weight: e.number('weight', { positive: true }) ?? 1 };
    });
  } else if (isObject(raw)) {
    const m = new Fields(f.file, 'mix', raw);
    mix = Object.keys(raw).map((op) => {
      if (!operationInfo(service, op)) m.fail(op, `${shown(op)} is not a ${service} operation (expected one of: ${known})`);
      return { op, weight: m.number(op, { positive: true })! };
    });
  } else {
    return f.fail('mix', `expected a list of {op, weight}, got ${shown(raw)}`);
  }
  if (mix.length === 0) f.fail('mix', 'needs at least one operation');
  mix.forEach((m, i) => {
    if (mix.findIndex((o) => o.op === m.op) !== i) throw new WorkloadError(f.file, `mix[${i}].op`, `${shown(m.op)} appears twice`);
  });
  return mix;
}

function parseSizeDistribution(f: Fields): SizeDistribution {
  const raw = f.obj.size;
  if (raw === undefined) return { kind: 'fixed', bytes: DEFAULTS.size };
  if (!isObject(raw)) return { kind: 'fixed', bytes: f.size('size')! };
  const s = f.object('size')!;
  const kind = s.string('distribution') ?? s.string('kind') ?? 'fixed';
  switch (kind) {
    case 'fixed':
      s.only(['distribution', 'kind', 'bytes']);
      return { kind, bytes: s.size('bytes') ?? s.fail('bytes', 'required for a fixed size') };
    case 'uniform': {
      s.only(['distribution', 'kind', 'min', 'max']);
      const min = s.size('min', false) ?? s.fail('min', 'required for a uniform size');
      const max = s.size('max') ?? s.fail('max', 'required for a uniform size');
      if (max < min) s.fail('max', `must be ≥ min (${min} bytes), got ${shown(s.obj.max)}`);
      return { kind, min, max };
    }
    case 'lognormal': {
      s.only(['distribution', 'kind', 'median', 'sigma', 'min', 'max']);
      const median = s.size('median') ?? s.fail('median', 'required for a lognormal size');
      const sigma = s.number('sigma', { positive: true }) ?? 1;
      const min = s.size('min', false) ?? 0;
      const max = s.size('max') ?? median * 16;
      if (max < min) s.fail('max', `must be ≥ min (${min} bytes)`);
      return { kind, median, sigma, min, max };
    }
    default:
      return s.fail(s.obj.distribution !== undefined ? 'distribution' : 'kind', `expected fixed, uniform or lognormal, got ${shown(kind)}`);
  }
}

function parseKeys(f: Fields, reads: boolean): KeySpace {
  const k = f.object('keys') ?? new Fields(f.file, 'keys', {});
  k.only(['count', 'prefix', 'prefixes', 'preload']);
  const count = k.number('count', { integer: true, positive: true }) ?? DEFAULTS.keyCount;
  const prefixes = k.number('prefixes', { integer: true, positive: true }) ?? 1;
  const preload = k.number('preload', { integer: true, min: 0 }) ?? (reads ? count : 0);
  if (preload > count) k.fail('preload', `must be ≤ keys.count (${count}), got ${preload}`);
  const prefix = k.obj.prefix === '' ? '' : k.string('prefix') ?? DEFAULTS.prefix;
  return { count, prefix, prefixes, preload };
}

function parseMultipart(f: Fields, service: ServiceKind): Workload['multipart'] {
  if (f.obj.multipart === false) return undefined;
  const m = f.object('multipart');
  if (!m) return service === 's3' ? { ...DEFAULTS.multipart } : undefined;
  if (service !== 's3') f.fail('multipart', 'only applies to s3 workloads');
  m.only(['threshold', 'partSize']);
  const partSize = m.size('partSize') ?? DEFAULTS.multipart.partSize;
  if (partSize < MIN_PART_SIZE) m.fail('partSize', `must be at least 5 MiB (S3's minimum part size), got ${shown(m.obj.partSize)}`);
  return { threshold: m.size('threshold') ?? DEFAULTS.multipart.threshold, partSize };
}
