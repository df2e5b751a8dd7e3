/** Export records in the MetaStore (keys.ts `e\0`): one JSON record per export, rewritten as its status moves. */
import type { MetaStore } from '../../../storage/meta-store.js';
import { DDB_NS, EXPORT_RANGE, exportKey, exportRange } from '../keys.js';
import type { ExportRecord } from './export-record.js';

export async function putExport(meta: MetaStore, r: ExportRecord): Promise<void> {
  await meta.batch([{ type: 'put', ns: DDB_NS, key: exportKey(r.account, r.region, r.id), value: JSON.stringify(r) }]);
}

export async function getExport(meta: MetaStore, account: string, region: string, exportId: string): Promise<ExportRecord | undefined> {
  const text = await meta.get(DDB_NS, exportKey(account, region, exportId));
  return text === undefined ? undefined : JSON.parse(text) as ExportRecord;
}

/** Every export of an account and region, oldest first. */
export async function listExports(meta: MetaStore, account: string, region: string): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const [, text] of meta.iterate(DDB_NS, exportRange(account, region))) out.push(JSON.parse(text) as ExportRecord);
  return out;
}

/**
 * Exports a stop or kill -9 cut short become FAILED when the service opens: their files may be
 * half written, and a pipeline waiting on DescribeExport must not wait for ever.
 */
export async function failUnfinishedExports(meta: MetaStore, now: number): Promise<void> {
  for await (const [, text] of meta.iterate(DDB_NS, EXPORT_RANGE)) {
    const r = JSON.parse(text) as ExportRecord;
    if (r.status !== 'IN_PROGRESS') continue;
    await putExport(meta, { ...r, status: 'FAILED', endTime: now, failureCode: 'UNKNOWN', failureMessage: 'The export was interrupted by a restart of boltstack' });
  }
}
