/**
 * Shard iterators: opaque to clients, self-contained here (no server-side state, so they survive
 * a restart as AWS's do). Shape: `<stream arn>|1|<base64url of {shard, position, created}>`,
 * close to AWS's `<arn>|1|AAAA...`. A position is a sequence number and whether the record at it
 * is included; every iterator type resolves to one when it is created. Iterators expire 15
 * minutes after creation (GetShardIterator docs).
 */
import { expiredIterator, invalidIterator } from './errors.js';

export const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

export interface IteratorPosition {
  arn: string;
  shardId: string;
  /** Sequence number the iterator reads from. */
  sequence: string;
  /** true: the record at `sequence` is next (AT_ / TRIM_HORIZON); false: the one after it. */
  inclusive: boolean;
  /** ms since epoch (service clock). */
  createdAt: number;
}

interface Payload { s: string; q: string; i: 0 | 1; t: number }

export function encodeIterator(p: IteratorPosition): string {
  const payload: Payload = { s: p.shardId, q: p.sequence, i: p.inclusive ? 1 : 0, t: p.createdAt };
  return `${p.arn}|1|${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

/** Decodes and checks the age of an iterator; throws ValidationException or ExpiredIteratorException. */
export function decodeIterator(iterator: string, now: number): IteratorPosition {
  const cut = iterator.lastIndexOf('|1|');
  if (cut < 0) throw invalidIterator();
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(iterator.slice(cut + 3), 'base64url').toString('utf8')) as Payload;
  } catch {
    throw invalidIterator();
  }
  if (typeof payload?.s !== 'string' || typeof payload.q !== 'string' || typeof payload.t !== 'number' || !/^\d+$/.test(payload.q)) throw invalidIterator();
  if (now - payload.t > ITERATOR_LIFETIME_MS) throw expiredIterator();
  return { arn: iterator.slice(0, cut), shardId: payload.s, sequence: payload.q, inclusive: payload.i === 1, createdAt: payload.t };
}
