/**
 * 24-hour retention: records older than a day are deleted, and the stream remembers where it was
 * trimmed (TRIM_HORIZON starts there; an iterator below it gets TrimmedDataAccessException).
 * A stream disabled (or whose table was deleted) more than a day ago is removed entirely.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html#Streams.DataRetention
 */
import type { MetaOp } from '../../../storage/meta-store.js';
import { putDescriptor } from './descriptor-ops.js';
import { STREAMS_NS, closingKey, descriptorKey, prefixEnd, recordPrefix } from './keys.js';
import type { StreamStore } from './stream-store.js';
import type { StreamDescriptor, StreamRecord, StreamState } from './types.js';

export const RETENTION_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/** Trims every stream; returns how many records were deleted. */
export async function trimStreams(store: StreamStore, now: number): Promise<number> {
  const descriptors: StreamState[] = [];
  for await (const d of store.everyStream()) descriptors.push(d);
  let deleted = 0;
  for (const d of descriptors) deleted += await trimStream(store, d, now);
  return deleted;
}

async function trimStream(store: StreamStore, d: StreamState, now: number): Promise<number> {
  const cutoff = now - RETENTION_MS;
  const dropAll = d.status === 'DISABLED' && d.disabledAt !== undefined && d.disabledAt < cutoff;
  const prefix = recordPrefix(d.tableId, d.label);
  let deleted = 0;
  let trimmedBefore: string | undefined;
  for (;;) {
    const ops: MetaOp[] = [];
    let more = false;
    for await (const [key, value] of store.meta.iterate(STREAMS_NS, { gte: prefix, lt: prefixEnd(prefix), limit: BATCH })) {
      const record = JSON.parse(value) as StreamRecord;
      if (!dropAll && record.dynamodb.ApproximateCreationDateTime * 1000 >= cutoff) break;
      ops.push({ type: 'del', ns: STREAMS_NS, key });
      trimmedBefore = (BigInt(key.slice(prefix.length)) + 1n).toString();
    }
    more = ops.length === BATCH;
    if (ops.length === 0) break;
    if (!dropAll) ops.push(putDescriptor({ ...descriptorOf(d), trimmedBefore: trimmedBefore! }));
    await store.meta.batch(ops);
    deleted += ops.filter((o) => o.type === 'del').length;
    if (!more) break;
  }
  if (dropAll) {
    await store.meta.batch([
      { type: 'del', ns: STREAMS_NS, key: descriptorKey(d.account, d.region, d.tableName, d.label) },
      { type: 'del', ns: STREAMS_NS, key: closingKey(d.account, d.region, d.tableName, d.label) },
    ]);
  }
  return deleted;
}

/** The stored part of a stream's state (its closing is stored apart and never rewritten here). */
function descriptorOf(s: StreamState): StreamDescriptor {
  const { status: _s, endingSequence: _e, disabledAt: _d, ...descriptor } = s;
  return descriptor;
}
