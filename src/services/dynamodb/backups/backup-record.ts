/**
 * What boltstack stores for an on-demand backup (JSON in the MetaStore, keys.ts backupKey): the
 * source table's record as it was when the backup was taken (the source may since have changed
 * or been deleted: a backup outlives its table, as in AWS), its item count and size then, and the
 * id its copy of the items is stored under (keys.ts: the item layout, under the backup's own id).
 * A stored backup is complete: its record is written after its copy (create-backup.ts), so
 * BackupStatus is AVAILABLE from the first DescribeBackup on.
 */
import type { TableRecord } from '../table-record.js';

export interface BackupRecord {
  arn: string;
  /** `<14-digit ms>-<8 hex>`, the end of the ARN and of the record's key. */
  backupId: string;
  name: string;
  /** Epoch ms (BackupCreationDateTime, also RestoreSummary.RestoreDateTime of its restores). */
  created: number;
  /** Where the copied items are: itemPrefix(copyId) (keys.ts). */
  copyId: string;
  itemCount: number;
  sizeBytes: number;
  source: TableRecord;
}
