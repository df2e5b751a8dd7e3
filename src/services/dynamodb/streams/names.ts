/**
 * How AWS names a stream and its parts:
 *   label   2015-05-11T21:21:33.291   (creation time, UTC, milliseconds, no zone)
 *   ARN     arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>
 *   shard   shardId-00000001414562045508-2bac9cd2   (20 digits of creation time, 8 hex)
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamDescription.html
 */
import { randomBytes } from 'node:crypto';

export const streamLabel = (createdAt: number): string => new Date(createdAt).toISOString().replace('Z', '');

export const streamArn = (region: string, account: string, table: string, label: string): string =>
  `arn:aws:dynamodb:${region}:${account}:table/${table}/stream/${label}`;

export interface StreamArnParts { region: string; account: string; table: string; label: string }

const ARN = /^arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})\/stream\/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})$/;

export function parseStreamArn(arn: string): StreamArnParts | undefined {
  const m = ARN.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, table: m[3]!, label: m[4]! } : undefined;
}

export const newShardId = (createdAt: number): string =>
  `shardId-${String(createdAt).padStart(20, '0')}-${randomBytes(4).toString('hex')}`;

/** Stream record event ids are 32 hex digits. */
export const newEventId = (): string => randomBytes(16).toString('hex');
