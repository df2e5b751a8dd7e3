/**
 * What Contributor Insights keeps per table and per GSI (keys.ts `c\0<tableId>\0i\0<index>`):
 * the requested state, the mode and when it changed. Nothing is collected: boltstack has no
 * CloudWatch, so the rules named in ContributorInsightsRuleList exist nowhere.
 *
 * AWS answers a change at once with ENABLING / DISABLING and settles later; here the settled
 * state is computed from the time of the change, so it survives a restart and needs no timer.
 * Settle times are AWS's usual ones (ack-api-quirks DDB-TABLE-090, 2026-10-08: ENABLING mostly
 * 1.01-1.02 s, DISABLING 2.02-2.03 s).
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, insightsKey, insightsRange } from './keys.js';
import type { IndexRecord, TableRecord } from './table-record.js';

export const ENABLING_MS = 1_000;
export const DISABLING_MS = 2_000;
export const DEFAULT_MODE = 'ACCESSED_AND_THROTTLED_KEYS';

export interface InsightsRecord {
  /** Where the last change goes. */
  target: 'ENABLED' | 'DISABLED';
  mode: string;
  /** Epoch ms of the last change: LastUpdateDateTime, and the start of ENABLING / DISABLING. */
  changedAt: number;
  /** Epoch ms that ends the rule names; a new one at each enable from DISABLED (DDB-TABLE-093). */
  ruleStamp: number;
  /** The GSI's incarnation: a GSI deleted and created again under its name starts DISABLED. */
  indexId?: string;
}

export type InsightsStatus = 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED';

export function statusAt(record: InsightsRecord | undefined, now: number): InsightsStatus {
  if (!record) return 'DISABLED';
  if (record.target === 'ENABLED') return now - record.changedAt < ENABLING_MS ? 'ENABLING' : 'ENABLED';
  return now - record.changedAt < DISABLING_MS ? 'DISABLING' : 'DISABLED';
}

/** The record of the table (no index) or of one of its GSIs; a stale GSI incarnation's is none. */
export async function readInsights(meta: MetaStore, table: TableRecord, index?: IndexRecord): Promise<InsightsRecord | undefined> {
  const raw = await meta.get(DDB_NS, insightsKey(table.id, index?.name));
  if (raw === undefined) return undefined;
  const record = JSON.parse(raw) as InsightsRecord;
  return index && record.indexId !== index.id ? undefined : record;
}

export async function writeInsights(meta: MetaStore, table: TableRecord, record: InsightsRecord, index?: IndexRecord): Promise<void> {
  await meta.put(DDB_NS, insightsKey(table.id, index?.name), JSON.stringify(index ? { ...record, indexId: index.id } : record));
}

/** The table's entry, then its live GSIs' by name (ListContributorInsights' order, DDB-TABLE-095). */
export async function allInsights(meta: MetaStore, table: TableRecord): Promise<Array<{ index?: IndexRecord; record: InsightsRecord }>> {
  const out: Array<{ index?: IndexRecord; record: InsightsRecord }> = [];
  for await (const [key, raw] of meta.iterate(DDB_NS, insightsRange(table.id))) {
    const name = key.slice(key.lastIndexOf('\u0000') + 1);
    const record = JSON.parse(raw) as InsightsRecord;
    if (name === '') { out.push({ record }); continue; }
    const index = table.indexes.find((i) => i.global && i.name === name && i.id === record.indexId);
    if (index) out.push({ index, record });
  }
  return out;
}

/**
 * The CloudWatch rule names AWS creates: PKC / SKC count accesses and are left out in
 * THROTTLED_KEYS mode, PKT / SKT count throttles; SK* only with a range key (DDB-TABLE-093: 2
 * rules for a hash-only table or GSI, 4 with a range key; DDB-TABLE-341: THROTTLED_KEYS keeps
 * PKT/SKT). Order and name form: the AWS CLI's describe-contributor-insights example
 * (DynamoDBContributorInsights-PKC-MusicCollection-1576629651520, then SKC, PKT, SKT); a GSI's
 * rules name table and index (DDB-TABLE-112: ...-PKC-<table>-gsi1-1791501766746).
 */
export function ruleNames(table: TableRecord, record: InsightsRecord, index?: IndexRecord): string[] {
  const ranged = (index ?? table).range !== undefined;
  const kinds = [...(record.mode === 'THROTTLED_KEYS' ? [] : ['PKC', ...(ranged ? ['SKC'] : [])]), 'PKT', ...(ranged ? ['SKT'] : [])];
  const resource = index ? `${table.name}-${index.name}` : table.name;
  return kinds.map((kind) => `DynamoDBContributorInsights-${kind}-${resource}-${record.ruleStamp}`);
}
