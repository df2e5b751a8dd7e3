/**
 * The stream record of one item change, and the MetaStore put that stores it. The write path of
 * every item change (PutItem, UpdateItem, DeleteItem, batches, transactions, PartiQL, TTL) adds
 * `streamRecordOps(...)` to the batch that changes the item, so the record exists exactly when
 * the change does, also across a crash.
 * Record shape: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
 */
import type { MetaOp } from '../../../storage/meta-store.js';
import { stringifyWithBinary } from './attribute-json.js';
import { STREAMS_NS, recordKey } from './keys.js';
import { newEventId } from './names.js';
import { itemSize } from '../values/index.js';
import type { SequenceClock } from './sequence-clock.js';
import type { Item, StreamRecord, StreamTarget } from './types.js';
import { setOwn } from '../../../util/own-member.js';

export interface ItemChange {
  /** The item before the change; undefined when it did not exist. */
  oldItem?: Item;
  /** The item after the change; undefined when it was deleted. */
  newItem?: Item;
}

export interface RecordContext {
  sequence: SequenceClock;
  /** ms since epoch, the service clock (ApproximateCreationDateTime). */
  now: number;
  /** A TTL deletion: AWS marks it as done by the service. */
  byTtl?: boolean;
}

/** AWS writes a TTL deletion with this identity. */
export const TTL_IDENTITY = { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' } as const;

export function buildStreamRecord(target: StreamTarget, change: ItemChange, ctx: RecordContext): StreamRecord | undefined {
  const { oldItem, newItem } = change;
  const source = newItem ?? oldItem;
  if (source === undefined) return undefined; // deleting an absent item changes nothing
  const eventName = oldItem === undefined ? 'INSERT' : newItem === undefined ? 'REMOVE' : 'MODIFY';
  const keys: Item = {};
  for (const name of target.keyNames) if (source[name] !== undefined) setOwn(keys, name, source[name]!);
  const withNew = newItem !== undefined && (target.viewType === 'NEW_IMAGE' || target.viewType === 'NEW_AND_OLD_IMAGES');
  const withOld = oldItem !== undefined && (target.viewType === 'OLD_IMAGE' || target.viewType === 'NEW_AND_OLD_IMAGES');
  const size = itemSize(keys) + (withNew ? itemSize(newItem!) : 0) + (withOld ? itemSize(oldItem!) : 0);
  return {
    eventID: newEventId(),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: target.region,
    dynamodb: {
      // AWS rounds it down to the second.
      ApproximateCreationDateTime: Math.floor(ctx.now / 1000),
      Keys: keys,
      ...(withNew && { NewImage: newItem }),
      ...(withOld && { OldImage: oldItem }),
      SequenceNumber: ctx.sequence.next(),
      SizeBytes: size,
      StreamViewType: target.viewType,
    },
    ...(ctx.byTtl && { userIdentity: { ...TTL_IDENTITY } }),
  };
}

/** The puts to add to the item change's batch: none when the change is a no-op. */
export function streamRecordOps(target: StreamTarget | undefined, change: ItemChange, ctx: RecordContext): MetaOp[] {
  if (target === undefined) return [];
  const record = buildStreamRecord(target, change, ctx);
  if (record === undefined) return [];
  return [{ type: 'put', ns: STREAMS_NS, key: recordKey(target.tableId, target.label, record.dynamodb.SequenceNumber), value: stringifyWithBinary(record) }];
}
