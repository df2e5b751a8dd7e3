/**
 * Per-request counters for `GET /_boltstack/metrics` (docs/metrics.md): requests by service,
 * operation and status class, a latency histogram, body bytes in and out, and requests in flight.
 *
 * Recording runs on every request, so it allocates nothing and builds no string: each operation
 * gets a fixed slot of STRIDE numbers in one Float64Array the first time it is seen (a Map keyed
 * by the operation's model object, assigned once), and a request adds to its slot. Everything
 * else (labels, cumulative buckets, text) is done by the exposition on a scrape
 * (bench/micro/metrics-record.ts measures the cost per request).
 */
import type { OperationModel } from '../model/types.js';
import type { WireResponse } from '../protocols/types.js';
import type { HttpRequest, HttpResponse } from '../server/types.js';

/** Upper bounds (seconds) of the latency buckets: 0.5 ms to 10 s, roughly 1-2.5-5 per decade. */
export const LATENCY_BUCKETS: readonly number[] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Offsets inside a slot. The status classes come first, in order 2xx, 3xx, 4xx, 5xx. */
export const STATUS_CLASSES: readonly string[] = ['2xx', '3xx', '4xx', '5xx'];
export const ABORTED = 4;
export const SECONDS_SUM = 5;
export const BYTES_IN = 6;
export const BYTES_OUT = 7;
/** Per-bucket (not cumulative) counts; the last one is +Inf. */
export const BUCKET0 = 8;
export const STRIDE = BUCKET0 + LATENCY_BUCKETS.length + 1;

export interface SlotLabels { service: string; operation: string }

/** Requests that never resolved to an operation (unknown route, malformed head) share slot 0. */
const UNRESOLVED: SlotLabels = { service: 'unknown', operation: 'unknown' };

const statusClass = (status: number): number => (status < 300 ? 0 : status < 400 ? 1 : status < 500 ? 2 : 3);

/** The request body's size as declared; aws-chunked bodies declare their framed length, which is what crossed the wire. */
function requestBytes(headers: Record<string, string>): number {
  const length = headers['content-length'];
  return length === undefined ? 0 : Number(length) || 0;
}

/** The response body's size as sendResponse writes it (HEAD, 204 and 304 carry none). */
function responseBytes(method: string, wire: WireResponse): number {
  if (method === 'HEAD' || wire.status === 204 || wire.status === 304) return 0;
  if (wire.stream !== undefined) return wire.stream.length;
  const body = wire.body;
  return body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
}

export class RequestMetrics {
  #counts = new Float64Array(STRIDE * 32);
  readonly #slots = new Map<OperationModel, number>();
  readonly #labels: SlotLabels[] = [UNRESOLVED];
  #inFlight = 0;

  /** A request reached the AWS pipeline (internal endpoints are not counted). */
  begin(): void {
    this.#inFlight++;
  }

  /**
   * The answer is sent (or the client left while it was): counts it in its operation's slot.
   * `elapsedMs` is the time from the request's arrival to now, read by the caller: the
   * `performance` global is a getter in Node 20 (a call per read, seen in the GetItem profile),
   * and importing node:perf_hooks here would load it at start-up (DESIGN.md §6a).
   */
  finish(req: HttpRequest, res: HttpResponse, wire: WireResponse | undefined, service: string | undefined, operation: OperationModel | undefined, elapsedMs: number): void {
    this.#inFlight--;
    const base = operation === undefined ? 0 : this.#slots.get(operation) ?? this.#add(service ?? UNRESOLVED.service, operation);
    const counts = this.#counts;
    counts[base + BYTES_IN] += requestBytes(req.headers);
    if (wire === undefined || res.aborted) {
      counts[base + ABORTED]++;
      return;
    }
    counts[base + statusClass(wire.status)]++;
    counts[base + BYTES_OUT] += responseBytes(req.method, wire);
    const seconds = elapsedMs / 1000;
    counts[base + SECONDS_SUM] += seconds;
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    counts[base + BUCKET0 + bucket]++;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** For the exposition: each slot's labels and its numbers (a view, valid until the next request). */
  *slots(): Iterable<[SlotLabels, Float64Array]> {
    for (let i = 0; i < this.#labels.length; i++) yield [this.#labels[i]!, this.#counts.subarray(i * STRIDE, (i + 1) * STRIDE)];
  }

  /** Assigns the next slot to an operation seen for the first time (once per operation). */
  #add(service: string, operation: OperationModel): number {
    const base = this.#labels.length * STRIDE;
    if (base + STRIDE > this.#counts.length) {
      const grown = new Float64Array(this.#counts.length * 2);
      grown.set(this.#counts);
      this.#counts = grown;
    }
    this.#labels.push({ service, operation: operation.name });
    this.#slots.set(operation, base);
    return base;
  }
}
