/**
 * Renders the metrics in the Prometheus text exposition format 0.0.4: per family one `# HELP`
 * and one `# TYPE` line, then its samples; counters end in `_total`; a histogram has cumulative
 * `_bucket{le=...}` samples ending at `+Inf`, then `_sum` and `_count`. Loaded on the first
 * scrape only. docs/metrics.md lists every family.
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
import {
  ABORTED, BUCKET0, BYTES_IN, BYTES_OUT, LATENCY_BUCKETS, SECONDS_SUM, STATUS_CLASSES,
  type RequestMetrics, type SlotLabels,
} from './request-metrics.js';
import type { EventLoopDelay } from './event-loop-delay.js';

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsSources {
  requests: RequestMetrics;
  pool: { readonly threads: number; readonly maxThreads: number; readonly queued: number };
  eventLoop: EventLoopDelay;
  version: string;
  httpAdapter: string;
}

/** Label values escape backslash, double quote and newline (the format's only escapes). */
const escape = (value: string): string => value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** Go-style float text: integers without a decimal point, infinities as +Inf/-Inf. */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

class Writer {
  readonly lines: string[] = [];

  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  }

  sample(name: string, labels: string, value: number): void {
    this.lines.push(labels === '' ? `${name} ${num(value)}` : `${name}{${labels}} ${num(value)}`);
  }
}

const opLabels = (l: SlotLabels): string => `service="${escape(l.service)}",operation="${escape(l.operation)}"`;

function requestFamilies(w: Writer, requests: RequestMetrics): void {
  const used = [...requests.slots()].filter(([, c]) => c.some((v) => v !== 0));
  w.family('boltstack_requests_total', 'counter', 'AWS requests answered, by service, operation and HTTP status class.');
  for (const [l, c] of used) {
    for (let i = 0; i < STATUS_CLASSES.length; i++) if (c[i] !== 0) w.sample('boltstack_requests_total', `${opLabels(l)},status="${STATUS_CLASSES[i]}"`, c[i]!);
  }
  w.family('boltstack_requests_aborted_total', 'counter', 'AWS requests whose client disconnected before the answer was complete.');
  for (const [l, c] of used) if (c[ABORTED] !== 0) w.sample('boltstack_requests_aborted_total', opLabels(l), c[ABORTED]!);
  w.family('boltstack_request_duration_seconds', 'histogram', 'Time from the request head to the last response byte handed to the socket.');
  for (const [l, c] of used) {
    const labels = opLabels(l);
    let cumulative = 0;
    for (let b = 0; b <= LATENCY_BUCKETS.length; b++) {
      cumulative += c[BUCKET0 + b]!;
      w.sample('boltstack_request_duration_seconds_bucket', `${labels},le="${b < LATENCY_BUCKETS.length ? num(LATENCY_BUCKETS[b]!) : '+Inf'}"`, cumulative);
    }
    w.sample('boltstack_request_duration_seconds_sum', labels, c[SECONDS_SUM]!);
    w.sample('boltstack_request_duration_seconds_count', labels, cumulative);
  }
  w.family('boltstack_request_body_bytes_total', 'counter', 'Request body bytes received (as declared by Content-Length).');
  for (const [l, c] of used) w.sample('boltstack_request_body_bytes_total', opLabels(l), c[BYTES_IN]!);
  w.family('boltstack_response_body_bytes_total', 'counter', 'Response body bytes sent.');
  for (const [l, c] of used) w.sample('boltstack_response_body_bytes_total', opLabels(l), c[BYTES_OUT]!);
  w.family('boltstack_requests_in_flight', 'gauge', 'AWS requests received and not yet answered.');
  w.sample('boltstack_requests_in_flight', '', requests.inFlight);
}

function processFamilies(w: Writer, src: MetricsSources): void {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const gauges: [string, string, number][] = [
    ['process_resident_memory_bytes', 'Resident set size (VmRSS) in bytes.', memory.rss],
    ['nodejs_heap_size_used_bytes', 'V8 heap in use, in bytes.', memory.heapUsed],
    ['nodejs_heap_size_total_bytes', 'V8 heap reserved, in bytes.', memory.heapTotal],
    ['nodejs_external_memory_bytes', 'Memory of C++ objects bound to JavaScript (buffers included), in bytes.', memory.external],
    ['boltstack_pool_threads', 'Worker pool threads alive (0 when idle: the pool starts threads on demand).', src.pool.threads],
    ['boltstack_pool_max_threads', 'Most threads the worker pool may start.', src.pool.maxThreads],
    ['boltstack_pool_queue_length', 'Worker pool tasks waiting for a free thread.', src.pool.queued],
  ];
  for (const [name, help, value] of gauges) {
    w.family(name, 'gauge', help);
    w.sample(name, '', value);
  }
  w.family('process_cpu_user_seconds_total', 'counter', 'User CPU time of the process, in seconds.');
  w.sample('process_cpu_user_seconds_total', '', cpu.user / 1e6);
  w.family('process_cpu_system_seconds_total', 'counter', 'System CPU time of the process, in seconds.');
  w.sample('process_cpu_system_seconds_total', '', cpu.system / 1e6);
  const delay = src.eventLoop.sample();
  w.family('boltstack_event_loop_delay_seconds', 'gauge', 'Event-loop delay since the previous scrape, by quantile (sampled from the first scrape on).');
  if (delay !== undefined) {
    for (const [q, v] of [['0.5', delay.p50], ['0.9', delay.p90], ['0.99', delay.p99], ['1', delay.max]] as const) {
      w.sample('boltstack_event_loop_delay_seconds', `quantile="${q}"`, v);
    }
  }
  w.family('boltstack_build_info', 'gauge', 'Always 1: the version and the HTTP adapter in use.');
  w.sample('boltstack_build_info', `version="${escape(src.version)}",http_adapter="${escape(src.httpAdapter)}"`, 1);
}

export function renderMetrics(src: MetricsSources): string {
  const w = new Writer();
  requestFamilies(w, src.requests);
  processFamilies(w, src);
  return w.lines.join('\n') + '\n';
}
