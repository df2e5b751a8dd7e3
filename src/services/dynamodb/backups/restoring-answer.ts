/**
 * The TableDescription a restore answers while AWS restores, for RestoreTableFromBackup and
 * RestoreTableToPointInTime alike: CREATING, statistics 0, GSIs without IndexStatus, BillingModeSummary
 * even for a provisioned table, no DeletionProtectionEnabled nor WarmThroughput (backups.json
 * seq 42; point_in_time_recovery.json seq 50-51), an on-demand one without NumberOfDecreasesToday
 * on the table and its GSIs, and with their OnDemandThroughput (backup_on_demand_restore.json
 * seq 24-145), all native AWS in radkawar/stackd testdata/aws/dynamodb/, 2026-09-18. Only the
 * RestoreSummary differs: a backup's names it (SourceBackupArn), a point-in-time one does not.
 */
import type { RestoreSummary, TableDescription } from '../../../model/generated/dynamodb-types.js';
import { describeTable } from '../describe-table-shape.js';
import type { TableRecord } from '../table-record.js';

export function restoringAnswer(record: TableRecord, summary: RestoreSummary): TableDescription {
  const out = describeTable(record, { count: 0, bytes: 0 }, 'CREATING');
  const onDemand = record.billingMode === 'PAY_PER_REQUEST';
  delete out.DeletionProtectionEnabled;
  delete out.WarmThroughput;
  if (onDemand) delete out.ProvisionedThroughput!.NumberOfDecreasesToday;
  for (const gsi of out.GlobalSecondaryIndexes ?? []) {
    delete gsi.IndexStatus; delete gsi.WarmThroughput;
    if (onDemand) delete gsi.ProvisionedThroughput!.NumberOfDecreasesToday;
  }
  out.BillingModeSummary = { BillingMode: record.billingMode };
  out.RestoreSummary = summary;
  return out;
}
