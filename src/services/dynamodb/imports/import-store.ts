/** Import records in the MetaStore (keys.ts `m\0`): one JSON record per import, rewritten as its status moves. */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { DDB_NS, IMPORT_RANGE, importKey, importRange, pendingCopyKey } from '../keys.js';
import type { TableStore } from '../table-store.js';
import type { ImportRecord } from './import-record.js';

/** The write that stores an import record as it is now (it joins the batch that moves its table). */
export const putImportOp = (r: ImportRecord): MetaOp => ({ type: 'put', ns: DDB_NS, key: importKey(r.account, r.region, r.id), value: JSON.stringify(r) });

export async function putImport(meta: MetaStore, r: ImportRecord): Promise<void> {
  await meta.batch([putImportOp(r)]);
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
 * When the service opens no import runs, so none can be IN_PROGRESS nor any table CREATING: an
 * import a kill -9 cut short becomes FAILED, and its CREATING table goes (its record, and its
 * items to the background removal), each in one batch; a stop does the same as it stops
 * (run-import.ts). AWS imports are never cut short; FAILED with no table is what AWS leaves for
 * an import that failed before its items were written (developer guide, "Import format quotas and
 * validation", troubleshooting "The specified bucket does not exist").
 */
export async function failUnfinishedImports(meta: MetaStore, tables: TableStore, now: number): Promise<void> {
  const unfinished: ImportRecord[] = [];
  for await (const [, text] of meta.iterate(DDB_NS, IMPORT_RANGE)) {
    const r = JSON.parse(text) as ImportRecord;
    if (r.status === 'IN_PROGRESS') unfinished.push(r);
  }
  for (const r of unfinished) {
    const failed = putImportOp(interrupted(r, now, 'a restart'));
    const table = tables.creating(r.account, r.region, r.tableName);
    if (table?.id === r.tableId) await tables.dropCreating(table, [{ type: 'del', ns: DDB_NS, key: pendingCopyKey(table.id) }, failed]);
    else await meta.batch([failed]);
  }
  // A CREATING table is written in one batch with its import, so none should be left now; one that
  // is (written otherwise) goes all the same, so that no name stays taken for ever.
  for (const table of tables.allCreating()) await tables.dropCreating(table, [{ type: 'del', ns: DDB_NS, key: pendingCopyKey(table.id) }]);
}

/** An import cut short by `what` (a stop, a restart): FAILED, FailureCode UNKNOWN (no AWS import is ever cut short so). */
export const interrupted = (r: ImportRecord, now: number, what: string): ImportRecord => ({
  ...r, status: 'FAILED', endTime: now, failureCode: 'UNKNOWN', failureMessage: `The import was interrupted by ${what} of boltstack`,
});
