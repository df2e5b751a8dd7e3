/**
 * Streams follow their table: every change of a table record (CreateTable, UpdateTable with a
 * StreamSpecification, DeleteTable) adds `streamTableOps(before, after, now)` to the batch that
 * stores it. A new stream label creates a stream; a label that goes away (stream disabled, table
 * deleted) closes that stream, which stays readable for 24 hours as in AWS. Both are plain puts
 * computed from the two table records, so the hook needs no read and cannot disagree with the
 * table after a crash.
 */
import type { MetaOp } from '../../../storage/meta-store.js';
import { STREAMS_NS, closingKey, descriptorKey } from './keys.js';
import { newShardId, streamArn } from './names.js';
import { SequenceClock } from './sequence-clock.js';
import type { StreamClosing, StreamDescriptor, StreamTarget, StreamViewType } from './types.js';

/** What the hook reads of a table record (ddb-core's TableRecord has these members). */
export interface StreamedTable {
  account: string;
  region: string;
  name: string;
  id: string;
  hash: { name: string };
  range?: { name: string };
  stream?: { enabled: boolean; viewType?: string; label?: string };
}

const liveLabel = (t: StreamedTable | undefined): string | undefined => (t?.stream?.enabled ? t.stream.label : undefined);

export function streamTableOps(before: StreamedTable | undefined, after: StreamedTable | undefined, now: number): MetaOp[] {
  const ops: MetaOp[] = [];
  const oldLabel = liveLabel(before);
  const newLabel = liveLabel(after);
  if (oldLabel !== undefined && oldLabel !== newLabel) {
    const closing: StreamClosing = { disabledAt: now, endingSequence: endingSequenceAt(Date.now()) };
    ops.push({ type: 'put', ns: STREAMS_NS, key: closingKey(before!.account, before!.region, before!.name, oldLabel), value: JSON.stringify(closing) });
  }
  if (newLabel !== undefined && newLabel !== oldLabel) ops.push(putDescriptor(newDescriptor(after!, newLabel, now)));
  return ops;
}

function newDescriptor(t: StreamedTable, label: string, now: number): StreamDescriptor {
  return {
    arn: streamArn(t.region, t.account, t.name, label),
    label,
    account: t.account,
    region: t.region,
    tableName: t.name,
    tableId: t.id,
    viewType: t.stream!.viewType as StreamViewType,
    keySchema: [{ AttributeName: t.hash.name, KeyType: 'HASH' }, ...(t.range ? [{ AttributeName: t.range.name, KeyType: 'RANGE' as const }] : [])],
    createdAt: now,
    shardId: newShardId(now),
    startingSequence: SequenceClock.floor(Date.now()),
  };
}

/** Above every sequence number given out up to `wallMs` (SequenceClock numbers are time-based). */
const endingSequenceAt = (wallMs: number): string => (BigInt(SequenceClock.floor(wallMs + 1)) - 1n).toString();

export function putDescriptor(d: StreamDescriptor): MetaOp {
  return { type: 'put', ns: STREAMS_NS, key: descriptorKey(d.account, d.region, d.tableName, d.label), value: JSON.stringify(d) };
}

/** What the item write path needs for a table whose stream is on; undefined when it is off. */
export function streamTargetOf(t: StreamedTable): StreamTarget | undefined {
  const label = liveLabel(t);
  if (label === undefined) return undefined;
  return {
    tableId: t.id,
    label,
    region: t.region,
    viewType: t.stream!.viewType as StreamViewType,
    keyNames: t.range ? [t.hash.name, t.range.name] : [t.hash.name],
  };
}
