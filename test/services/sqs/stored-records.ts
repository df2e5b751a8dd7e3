/**
 * What SQS has stored, by kind, read straight from the MetaStore (src/services/sqs/keys.ts), in
 * both the log layout and the earlier one: tests check what a call wrote and what it left behind.
 */
import { logQueueOf, logRange } from '../../../src/services/sqs/keys.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';

type Entry = [key: string, value: string];

async function under(meta: MetaStore, first: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const entry of meta.iterate('sqs', { gte: `${first}\u0000`, lt: `${first}\u0001` })) out.push(entry);
  return out;
}

/** Whether `key` is a shared body's (shared-bodies.ts). */
export const isSharedBodyKey = (key: string): boolean => key.startsWith('b\u0000') || (key.startsWith(logRange.gt) && logQueueOf(key) === undefined);

/** Whether `key` is a message's (a log key with a queue id; a block marker's is empty, log-numbers.ts). */
export const isMessageKey = (key: string): boolean => key.startsWith('m\u0000') || (key.startsWith(logRange.gt) && Boolean(logQueueOf(key)));

/** Every stored shared body. */
export async function storedBodies(meta: MetaStore): Promise<Entry[]> {
  return [...await under(meta, 'b'), ...(await under(meta, '~')).filter(([key]) => isSharedBodyKey(key))];
}

/** Every stored message. */
export async function storedMessages(meta: MetaStore): Promise<Entry[]> {
  return [...await under(meta, 'm'), ...(await under(meta, '~')).filter(([key]) => isMessageKey(key))];
}

/** Every key whose first part is `first` (a key family of keys.ts). */
export async function keysUnder(meta: MetaStore, first: string): Promise<string[]> {
  return (await under(meta, first)).map(([key]) => key);
}

/** Every stored state record's key (state-records.ts), in the earlier `r` family and after the log. */
export async function storedStateRecords(meta: MetaStore): Promise<string[]> {
  return [...await keysUnder(meta, 'r'), ...(await under(meta, '\u007fr')).map(([key]) => key)];
}

/** Every stored FIFO deduplication record's key, in the earlier `d` family and after the log. */
export async function storedDedupRecords(meta: MetaStore): Promise<string[]> {
  return [...await keysUnder(meta, 'd'), ...(await under(meta, '\u007fd')).map(([key]) => key)];
}
