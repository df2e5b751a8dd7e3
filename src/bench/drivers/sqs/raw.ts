/**
 * SQS over raw signed POSTs on undici, in the protocol the SDK speaks (json, X-Amz-Target:
 * AmazonSQS.*) or, with `options.protocol: query`, the form-encoded query protocol (codec.ts).
 * Same operations and byte counts as the SDK driver; setup is shared (queue.ts).
 */
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { SignedPoster, type PostAnswer } from '../wire/signed-post.js';
import { jsonCodec, queryCodec, type SqsCodec, type WireRequest } from './codec.js';
import { MAX_MESSAGE_BYTES, queueSpec, setupQueue, type QueueSpec } from './queue.js';
import { SQS_OPERATIONS } from './sdk.js';

interface Ready { codec: SqsCodec; http: SignedPoster; spec: QueueSpec; filler: Filler; batchFiller: Filler }

class SqsRawDriver implements Driver {
  readonly name = 'sqs-raw';
  readonly service = 'sqs' as const;
  readonly operations = SQS_OPERATIONS;
  readonly #target: Target;
  #ready: Ready | undefined;

  constructor(target: Target) {
    this.#target = target;
  }

  async setup(workload: Workload): Promise<void> {
    const url = await setupQueue(this.#target, workload);
    const spec = queueSpec(workload);
    const codec = spec.protocol === 'query' ? queryCodec(url, spec) : jsonCodec(url, spec);
    await this.#ready?.http.close();
    this.#ready = {
      codec, spec,
      // The transport depends on the protocol, so it is made here rather than in the constructor.
      http: new SignedPoster(this.#target, { service: 'sqs', headers: codec.headers, errorCode: codec.errorCode }),
      filler: createFiller(workload.size, MAX_MESSAGE_BYTES),
      batchFiller: createFiller(workload.size, spec.maxBatchEntryBytes),
    };
  }

  #post(r: Ready, req: WireRequest): Promise<PostAnswer> {
    return r.http.post(req.body, req.headers, req.payloadHash);
  }

  async run(op: string, _n: number, body: BodySource | undefined): Promise<OpResult> {
    const r = this.#ready;
    if (!r) return { ok: false, bytes: 0, error: 'NotSetUp' };
    switch (op) {
      case 'send': {
        const m = r.filler.text(body);
        const a = await this.#post(r, r.codec.send(m));
        return a.error ? { ok: false, bytes: 0, error: a.error } : { ok: true, bytes: m.length };
      }
      case 'send-batch': {
        const m = r.batchFiller.text(body);
        const a = await this.#post(r, r.codec.sendBatch(m, r.spec.batchSize));
        const error = a.error ?? r.codec.batchFailure(a.body);
        return error ? { ok: false, bytes: 0, error } : { ok: true, bytes: m.length * r.spec.batchSize };
      }
      case 'receive': return this.#receive(r);
      default: return { ok: false, bytes: 0, error: 'UnknownOperation' };
    }
  }

  async #receive(r: Ready): Promise<OpResult> {
    const a = await this.#post(r, r.codec.receive);
    if (a.error) return { ok: false, bytes: 0, error: a.error };
    let got;
    try {
      got = r.codec.received(a.body);
    } catch {
      return { ok: false, bytes: 0, error: 'UnparsableAnswer' };
    }
    if (got.handles.length === 0) return { ok: true, bytes: 0 };
    const d = await this.#post(r, r.codec.deleteBatch(got.handles));
    const error = d.error ?? r.codec.batchFailure(d.body);
    return error ? { ok: false, bytes: got.bytes, error } : { ok: true, bytes: got.bytes };
  }

  async close(): Promise<void> {
    await this.#ready?.http.close();
  }
}

export const sqsRawDriver: DriverFactory = {
  service: 'sqs',
  kind: 'raw',
  create: (target) => new SqsRawDriver(target),
};

export default sqsRawDriver;
