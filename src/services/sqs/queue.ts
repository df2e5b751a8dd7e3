/**
 * One queue in memory: its record (replaced on each save, never changed in place), its key and
 * ARN, and its messages' state, loaded from the store on first use (store.ts loadState).
 */
import { queueKey } from './keys.js';
import type { LogNumbers } from './log-numbers.js';
import { queueArn } from './names.js';
import { intAttribute } from './queue-attributes.js';
import type { QueueState } from './queue-state.js';
import type { QueueRecord } from './records.js';
import type { SqsStore } from './store.js';
import type { UuidV4Source } from '../../util/uuid-v4.js';

export class Queue {
  readonly key: string;
  readonly arn: string;
  #state: Promise<QueueState> | undefined;

  /**
   * `ids`: where its MessageIds come from; `numbers`: its messages' sequence numbers (one source
   * of each per store).
   */
  constructor(public record: QueueRecord, readonly ids: UuidV4Source, readonly numbers: LogNumbers) {
    this.key = queueKey(record.account, record.region, record.name);
    this.arn = queueArn(record);
  }

  #sendLimits: { of: QueueRecord; maxSize: number; delaySeconds: number } | undefined;

  /**
   * MaximumMessageSize and DelaySeconds as numbers, parsed once per record (records are replaced
   * by save, never changed in place): a send reads both for every message, an SNS publish for
   * every copy, and looking them up and parsing them was 3.5% of the main thread's profile of a
   * 10-subscription fan-out.
   */
  sendLimits(): { maxSize: number; delaySeconds: number } {
    if (this.#sendLimits?.of !== this.record) {
      const attributes = this.record.attributes;
      this.#sendLimits = { of: this.record, maxSize: intAttribute(attributes, 'MaximumMessageSize'), delaySeconds: intAttribute(attributes, 'DelaySeconds') };
    }
    return this.#sendLimits;
  }

  get id(): string { return this.record.id; }
  get fifo(): boolean { return this.record.fifo; }
  get name(): string { return this.record.name; }

  /** The queue's messages, loaded from the store on first use (with every queue not loaded yet: SqsStore.loadState). */
  state(store: SqsStore): Promise<QueueState> {
    if (this.loadedState !== undefined) return Promise.resolve(this.loadedState);
    this.#state ??= store.loadState(this);
    return this.#state;
  }

  /** The state if it is loaded already (no await on the hot path). */
  loadedState: QueueState | undefined;

  /**
   * Set, synchronously, when DeleteQueue takes the queue out of the store's maps: an operation
   * that found it before then draws no sequence number for it (send.ts prepare, a dead-letter
   * redrive, a move task), so nothing is written for it once its purge has taken its messages.
   */
  deleted = false;
}
