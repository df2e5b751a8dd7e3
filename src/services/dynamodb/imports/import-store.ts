/** Import records in the MetaStore (keys.ts `m\0`): one JSON record per import, rewritten as its status moves. */
import type { MetaStore } from '../../../storage/meta-store.js';
import { DDB_NS, IMPORT_RANGE, importKey, importRange } from '../keys.js';
import type { ImportRecord } from './import-record.js';

export async function putImport(meta: MetaStore, r: ImportRecord): Promise<void> {
  await meta.batch([{ type: 'put', ns: DDB_NS, key: importKey(r.account, r.region, r.id), value: JSON.stringify(r) }]);
}

export async function getImport(meta: MetaStore, account: string, region: string, importId: string): Promise<ImportRecord | undefined> {
  const text = await meta.get(DDB_NS, importKey(account, region, importId));
  return text === undefined ? undefined : JSON.parse(text) as ImportRecord;
}

/** Every import of an account and region, oldest first. */
export async function listImports(meta: MetaStore, account: string, region: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const [, text] of meta.iterate(DDB_NS, importRange(account, region))) out.push(JSON.parse(text) as ImportRecord);
  return out;
}

/**
 * Imports a stop or kill -9 cut short become FAILED when the service opens, so no client polls
 * them for ever. Their half-written table goes with its pending mark (backups/pending-copies.ts:
 * the table record is written only when the import ends, so the mark's items are dropped).
 */
export async function failUnfinishedImports(meta: MetaStore, now: number): Promise<void> {
  for await (const [, text] of meta.iterate(DDB_NS, IMPORT_RANGE)) {
    const r = JSON.parse(text) as ImportRecord;
    if (r.status !== 'IN_PROGRESS') continue;
    await putImport(meta, { ...r, status: 'FAILED', endTime: now, failureCode: 'UNKNOWN', failureMessage: 'The import was interrupted by a restart of boltstack' });
  }
}
