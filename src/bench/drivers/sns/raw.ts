/**
 * SNS over the query protocol, raw: form-encoded `Action=Publish&Version=2010-03-31` POSTs,
 * SigV4-signed, on undici. Bodies are template strings around the pre-encoded topic ARN; the
 * filler text needs no form-encoding. Same operations and byte counts as the SDK driver.
 */
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { SignedPoster, queryErrorCode } from '../wire/signed-post.js';
import { SNS_OPERATIONS } from './sdk.js';
import { MAX_SNS_MESSAGE_BYTES, setupTopic, topicSpec } from './topic.js';

interface Ready { tail: string; batchSize: number; filler: Filler; batchFiller: Filler }

/** The first failed entry's code in a PublishBatch answer (`<Failed><member>...<Code>`). */
export function publishBatchFailure(answer: Buffer): string | undefined {
  return /<Failed>\s*<member>[\s\S]*?<Code>([^<]+)<\/Code>/.exec(answer.toString('utf8'))?.[1];
}

class SnsRawDriver implements Driver {
  readonly name = 'sns-raw';
  readonly service = 'sns' as const;
  readonly operations = SNS_OPERATIONS;
  readonly #target: Target;
  readonly #http: SignedPoster;
  #ready: Ready | undefined;

  constructor(target: Target) {
    this.#target = target;
    this.#http = new SignedPoster(target, {
      service: 'sns', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, errorCode: queryErrorCode,
    });
  }

  async setup(workload: Workload): Promise<void> {
    const topicArn = await setupTopic(this.#target, workload);
    const { batchSize } = topicSpec(workload);
    this.#ready = {
      tail: `TopicArn=${encodeURIComponent(topicArn)}&Version=2010-03-31`,
      batchSize,
      filler: createFiller(workload.size, MAX_SNS_MESSAGE_BYTES),
      batchFiller: createFiller(workload.size, Math.floor(MAX_SNS_MESSAGE_BYTES / batchSize)),
    };
  }

  async run(op: string, _n: number, body: BodySource | undefined): Promise<OpResult> {
    const r = this.#ready;
    if (!r) return { ok: false, bytes: 0, error: 'NotSetUp' };
    switch (op) {
      case 'publish': {
        const m = r.filler.text(body);
        const a = await this.#http.post(`Action=Publish&Message=${m}&${r.tail}`);
        return a.error ? { ok: false, bytes: 0, error: a.error } : { ok: true, bytes: m.length };
      }
      case 'publish-batch': {
        const m = r.batchFiller.text(body);
        let entries = '';
        for (let i = 1; i <= r.batchSize; i++) entries += `&PublishBatchRequestEntries.member.${i}.Id=${i}&PublishBatchRequestEntries.member.${i}.Message=${m}`;
        const a = await this.#http.post(`Action=PublishBatch${entries}&${r.tail}`);
        const error = a.error ?? publishBatchFailure(a.body);
        return error ? { ok: false, bytes: 0, error } : { ok: true, bytes: m.length * r.batchSize };
      }
      default: return { ok: false, bytes: 0, error: 'UnknownOperation' };
    }
  }

  close(): Promise<void> {
    return this.#http.close();
  }
}

export const snsRawDriver: DriverFactory = {
  service: 'sns',
  kind: 'raw',
  create: (target) => new SnsRawDriver(target),
};

export default snsRawDriver;
