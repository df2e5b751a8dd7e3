/**
 * A FIFO topic's message archive: every message the topic accepts while its ArchivePolicy
 * archives is kept in the MetaStore under `h/<topic ARN> <sequence number>` (keys.ts), so a
 * topic's archive is one range in publish order. Nothing of it is held in memory but, per topic,
 * the highest sequence number whose write has begun and how many writes are under way: the
 * replayer (replayer.ts) reads the archive with iterators and uses those two to know when it has
 * caught up with the live messages.
 *
 * A message is kept MessageRetentionPeriod days from its publish time: an expired one is never
 * replayed, and it is removed in the background (expired messages are the head of their topic's
 * range, so a sweep reads only what it removes). Turning archiving off ("{}") removes the
 * archive in the background, as does a start that finds messages of a topic that no longer
 * archives or from before its BeginningArchiveTime (a crash during a removal).
 * https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-topic-owner.html
 */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import type { Logger } from '../../../log.js';
import { ARCHIVE_PREFIX, SNS_NS, archiveKey, archivePrefix, prefixRange } from '../keys.js';
import type { PublishedMessage } from '../delivery/message.js';
import type { TopicRecord } from '../records.js';
import { archivedOf, fromArchived, type ArchivedMessage } from './archived-message.js';

const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 3_600_000;
const REMOVE_BATCH = 256;

interface TopicWrites { latest: string; writing: number; settled: Array<() => void> }

/** The retention of a topic's ArchivePolicy, in ms (undefined when it archives nothing). */
export function retentionMs(topic: TopicRecord): number | undefined {
  const policy = topic.attributes.ArchivePolicy;
  if (policy === undefined || topic.beginningArchiveTime === undefined) return undefined;
  const days = Number((JSON.parse(policy) as { MessageRetentionPeriod: number | string }).MessageRetentionPeriod);
  return days * DAY_MS;
}

export class MessageArchive {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #topics: (arn: string) => TopicRecord | undefined;
  readonly #writes = new Map<string, TopicWrites>();
  #timer: NodeJS.Timeout | undefined;

  constructor(meta: MetaStore, log: Logger, topics: (arn: string) => TopicRecord | undefined) {
    this.#meta = meta;
    this.#log = log;
    this.#topics = topics;
  }

  /** Starts the background removals: now (what a previous run left), then hourly. */
  start(): void {
    const sweep = (): void => { this.sweep().catch((err: unknown) => this.#log.warn('sns: archive sweep failed', { err: String(err) })); };
    sweep();
    this.#timer = setInterval(sweep, SWEEP_EVERY_MS);
    this.#timer.unref();
  }

  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  /**
   * Keeps these accepted messages of `topic` (which archives). Their sequence numbers are noted
   * at once, in the caller's synchronous run (so in publish order); resolves once durable.
   */
  add(topic: TopicRecord, messages: PublishedMessage[]): Promise<void> {
    let writes = this.#writes.get(topic.arn);
    if (writes === undefined) this.#writes.set(topic.arn, (writes = { latest: '', writing: 0, settled: [] }));
    const at = Date.now();
    const ops: MetaOp[] = [];
    for (const m of messages) {
      m.archived = true;
      writes.latest = m.sequenceNumber!;
      ops.push({ type: 'put', ns: SNS_NS, key: archiveKey(topic.arn, m.sequenceNumber!), value: JSON.stringify(archivedOf(m, at)) });
    }
    writes.writing++;
    const done = writes;
    return this.#meta.batch(ops).finally(() => {
      if (--done.writing === 0) for (const wake of done.settled.splice(0)) wake();
    });
  }

  /** The highest sequence number of `topicArn` whose archiving has begun ('' if none). */
  latest(topicArn: string): string {
    return this.#writes.get(topicArn)?.latest ?? '';
  }

  /** Resolves once no archive write of `topicArn` is under way. */
  settled(topicArn: string): Promise<void> {
    const writes = this.#writes.get(topicArn);
    if (writes === undefined || writes.writing === 0) return Promise.resolve();
    return new Promise((resolve) => writes.settled.push(resolve));
  }

  /**
   * The archived messages of `topic` after sequence number `after` ('' for all), in publish
   * order, up to `limit`, read with an iterator; an expired one comes without its message.
   */
  async read(topic: TopicRecord, after: string, limit: number): Promise<Array<{ sequence: string; message?: PublishedMessage }>> {
    const prefix = archivePrefix(topic.arn);
    const range = after === '' ? { ...prefixRange(prefix), limit } : { gt: prefix + after, lt: `${prefix}\xff`, limit };
    const keep = retentionMs(topic);
    const now = Date.now();
    const out: Array<{ sequence: string; message?: PublishedMessage }> = [];
    for await (const [key, value] of this.#meta.iterate(SNS_NS, range)) {
      const archived = JSON.parse(value) as ArchivedMessage;
      const sequence = key.slice(prefix.length);
      out.push(keep === undefined || archived.at + keep <= now ? { sequence } : { sequence, message: fromArchived(archived, topic) });
    }
    return out;
  }

  /**
   * Removes what no replay may read: expired messages, and every message of a topic that is gone
   * or no longer archives, or from before its BeginningArchiveTime (archiving turned off and on).
   */
  async sweep(): Promise<number> {
    const now = Date.now();
    let ops: MetaOp[] = [];
    let removed = 0;
    const flush = async (): Promise<void> => {
      if (ops.length === 0) return;
      await this.#meta.batch(ops);
      removed += ops.length;
      ops = [];
    };
    // A topic's messages are in publish order, so what goes is the head of its range: at the
    // first message kept, the sweep seeks past the rest of that topic's range.
    let from = ARCHIVE_PREFIX;
    for (let seeking = true; seeking;) {
      seeking = false;
      for await (const [key, value] of this.#meta.iterate(SNS_NS, { gte: from, lt: `${ARCHIVE_PREFIX}\xff` })) {
        const topicArn = key.slice(ARCHIVE_PREFIX.length, key.lastIndexOf(' '));
        const topic = this.#topics(topicArn);
        const keep = topic === undefined ? undefined : retentionMs(topic);
        const at = (JSON.parse(value) as ArchivedMessage).at;
        if (keep !== undefined && at + keep > now && at >= Date.parse(topic!.beginningArchiveTime!)) {
          from = `${archivePrefix(topicArn)}\xff`;
          seeking = true;
          break;
        }
        ops.push({ type: 'del', ns: SNS_NS, key });
        if (ops.length >= REMOVE_BATCH) await flush();
      }
    }
    await flush();
    return removed;
  }

  /** Archiving of `topicArn` was turned off: its archive goes (in the background). */
  forget(topicArn: string): void {
    this.#writes.delete(topicArn);
    this.sweep().catch((err: unknown) => this.#log.warn('sns: archive removal failed', { topicArn, err: String(err) }));
  }
}
