/**
 * A table's Kinesis streaming destinations (keys.ts `c\0<tableId>\0k`). boltstack has no Kinesis,
 * so every stream ARN names a stream that does not exist, and AWS's answer for such a stream is
 * what is kept: Enable is accepted (ENABLING) and the destination fails a moment later
 * (ENABLE_FAILED, with the reason AWS gives for that kind of ARN). Nothing is ever streamed.
 *
 * The failure is computed from the time of the Enable, so it survives a restart and needs no
 * timer. Source: native AWS, radkawar/stackd testdata/aws/dynamodb/kinesis_destination.json
 * (us-east-1, 2026-09-19), its destinationTransitions:
 * - a stream of the table's account and region that does not exist: ENABLE_FAILED "User does not
 *   have a permission to use kinesis stream" within 0.7-2.1 s (seq 17-20);
 * - a stream of another region: "... not in the current region" after ~3 s (seq 360-362);
 * - another account, a consumer ARN, a DynamoDB stream ARN: "... not in Active state"; another
 *   account's stream failed between 61.9 and 64.5 s (seq 334-359), a consumer ARN between 61.1
 *   and 63.7 s (seq 363-388), so 62 s here (a DynamoDB stream ARN took 74-78 s, seq 20-47).
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, kinesisDestinationsKey } from './keys.js';
import type { TableRecord } from './table-record.js';

export interface DestinationRecord {
  streamArn: string;
  /** Epoch ms of the last Enable: the destination is ENABLING until `enabledAt + failsAfter`. */
  enabledAt: number;
  failsAfter: number;
  failure: string;
  /** ApproximateCreationDateTimePrecision as the Enable gave it (absent: not shown). */
  precision?: string;
}

const NO_PERMISSION = 'User does not have a permission to use kinesis stream';
const OTHER_REGION = 'The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region';
const NOT_ACTIVE = 'The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state';
const STREAM_ARN = /^arn:aws[a-z-]*:kinesis:([^:]*):([^:]*):stream\/.+$/;

/** How and when AWS fails an Enable of this ARN for a table of `region` in `account`. */
export function failureOf(streamArn: string, account: string, region: string): { failure: string; failsAfter: number } {
  const stream = STREAM_ARN.exec(streamArn);
  if (stream && stream[1] === region && stream[2] === account) return { failure: NO_PERMISSION, failsAfter: 1_000 };
  if (stream && stream[1] !== region) return { failure: OTHER_REGION, failsAfter: 3_000 };
  return { failure: NOT_ACTIVE, failsAfter: 62_000 };
}

export const isEnabling = (d: DestinationRecord, now: number): boolean => now - d.enabledAt < d.failsAfter;

/** Newest Enable first, as AWS lists them (seq 375, 393: a re-enabled destination moves to the top). */
export async function readDestinations(meta: MetaStore, table: TableRecord): Promise<DestinationRecord[]> {
  const raw = await meta.get(DDB_NS, kinesisDestinationsKey(table.id));
  return raw === undefined ? [] : JSON.parse(raw) as DestinationRecord[];
}

export async function writeDestinations(meta: MetaStore, table: TableRecord, destinations: DestinationRecord[]): Promise<void> {
  await meta.put(DDB_NS, kinesisDestinationsKey(table.id), JSON.stringify(destinations));
}
