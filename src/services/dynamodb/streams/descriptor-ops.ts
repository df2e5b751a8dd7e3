/**
 * Creating and closing streams. The table operations (CreateTable, UpdateTable with a
 * StreamSpecification, DeleteTable) add these puts to their own batch, so a stream exists exactly
 * when its table says it does. A disabled stream stays readable for 24 hours, as in AWS.
 */
import type { MetaOp } from '../../../storage/meta-store.js';
import { STREAMS_NS, descriptorKey } from './keys.js';
import { newShardId, streamArn, streamLabel } from './names.js';
import { SequenceClock } from './sequence-clock.js';
import type { KeySchemaElement, StreamDescriptor, StreamTarget, StreamViewType } from './types.js';

export interface NewStream {
  account: string;
  region: string;
  tableName: string;
  tableId: string;
  viewType: StreamViewType;
  keySchema: KeySchemaElement[];
  /** ms since epoch (service clock). */
  now: number;
}

/** A new stream: its descriptor, the put that stores it, and what the table record should keep. */
export function enableStream(s: NewStream): { descriptor: StreamDescriptor; ops: MetaOp[] } {
  const label = streamLabel(s.now);
  const descriptor: StreamDescriptor = {
    arn: streamArn(s.region, s.account, s.tableName, label),
    label,
    account: s.account,
    region: s.region,
    tableName: s.tableName,
    tableId: s.tableId,
    viewType: s.viewType,
    keySchema: s.keySchema,
    createdAt: s.now,
    shardId: newShardId(s.now),
    startingSequence: SequenceClock.floor(Date.now()),
    status: 'ENABLED',
  };
  return { descriptor, ops: [putDescriptor(descriptor)] };
}

/** Closes a stream (stream disabled, or table deleted): its shard gets an ending sequence number. */
export function disableStream(d: StreamDescriptor, now: number, sequence: SequenceClock): MetaOp[] {
  if (d.status === 'DISABLED') return [];
  return [putDescriptor({ ...d, status: 'DISABLED', disabledAt: now, endingSequence: sequence.next() })];
}

export function putDescriptor(d: StreamDescriptor): MetaOp {
  return { type: 'put', ns: STREAMS_NS, key: descriptorKey(d.account, d.region, d.tableName, d.label), value: JSON.stringify(d) };
}

/** What the write path of this stream's table needs (see record.ts). */
export const streamTargetOf = (d: StreamDescriptor): StreamTarget => ({
  tableId: d.tableId,
  label: d.label,
  region: d.region,
  viewType: d.viewType,
  keyNames: [...d.keySchema].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0)).map((k) => k.AttributeName),
});
