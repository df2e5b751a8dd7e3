/**
 * The restorable window of a table with point-in-time recovery enabled, as
 * DescribeContinuousBackups reports it and RestoreTableToPointInTime checks a RestoreDateTime
 * against it: from the whole second PITR was enabled (or the recovery period ago, whichever is
 * later) to five minutes before now, never before the earliest (radkawar/stackd
 * testdata/aws/dynamodb/point_in_time_recovery.json seq 13-14 and 43-44, native AWS 2026-09-18).
 * Shared by operations/continuous-backups.ts and backups/restore-point-in-time.ts.
 */
import type { TableRecord } from './table-record.js';

const DAY_MS = 86_400_000;
const LATEST_LAG_MS = 5 * 60_000;

export interface RestorableWindow { days: number; earliest: number; latest: number }

/** undefined when the table's point-in-time recovery is not enabled. */
export function restorableWindow(t: TableRecord, now: number): RestorableWindow | undefined {
  const pitr = t.pointInTimeRecovery;
  if (!pitr?.enabled) return undefined;
  const days = pitr.recoveryPeriodInDays ?? 35;
  const earliest = Math.max(pitr.since ?? now, now - days * DAY_MS);
  return { days, earliest, latest: Math.max(now - LATEST_LAG_MS, earliest) };
}
