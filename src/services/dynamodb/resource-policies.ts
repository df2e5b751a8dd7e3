/**
 * Where resource-based policies live: one record per table and per stream, in the metadata store
 * under the table's id (keys.ts `p`), so they survive a restart, and a table re-created under the
 * same name starts without one, as in AWS (ack-api-quirks DDB-TABLE-236, 2026-10-09).
 *
 * A RevisionId is the epoch-ms time of the change, as AWS's are (policies.json seq 18: 1789636862247
 * for a Put at 09:21:02.247 UTC; DDB-TABLE-207: 13 digits, strictly increasing). A deleted policy
 * leaves its last RevisionId behind, so the next one is still greater on a clock that stood still.
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, policyKey, policyRange } from './keys.js';

export interface PolicyRecord {
  /** The canonical document (policy-document.ts); absent once deleted. */
  policy?: string;
  /** What decides whether a re-Put changes the policy (policy-document.ts). */
  identity?: string;
  revisionId: string;
}

/** The slot of one table (`streamLabel` absent) or of one of its streams. */
export interface PolicySlot { tableId: string; streamLabel?: string }

export async function readPolicy(meta: MetaStore, slot: PolicySlot): Promise<PolicyRecord | undefined> {
  const raw = await meta.get(DDB_NS, policyKey(slot.tableId, slot.streamLabel));
  return raw === undefined ? undefined : JSON.parse(raw) as PolicyRecord;
}

export async function writePolicy(meta: MetaStore, slot: PolicySlot, record: PolicyRecord): Promise<void> {
  await meta.put(DDB_NS, policyKey(slot.tableId, slot.streamLabel), JSON.stringify(record));
}

/** DeleteTable: the table's policy and its streams' go with it. */
export async function removePolicies(meta: MetaStore, tableId: string): Promise<void> {
  const keys: string[] = [];
  for await (const [key] of meta.iterate(DDB_NS, policyRange(tableId))) keys.push(key);
  if (keys.length > 0) await meta.batch(keys.map((key) => ({ type: 'del', ns: DDB_NS, key })));
}

/** The id of a change at `now`: above the slot's last one, should the clock not have moved. */
export function nextRevision(now: number, last?: PolicyRecord): string {
  const previous = last === undefined ? 0 : Number(last.revisionId);
  return String(Math.max(Math.floor(now), previous + 1));
}
