/**
 * The errors of the backup operations, with AWS's codes and messages (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/backups.json seq 2, 216, 228 and backup_arn_grammar.json seq 2-37,
 * backup_arn_case.json seq 7; point-in-time restores: point_in_time_recovery.json seq 45-49,
 * 2026-09-18).
 */
import { AwsError } from '../../../errors/aws-error.js';
import { ddbErrors } from '../errors.js';

const e = (code: string, message: string): AwsError => new AwsError({ code, status: 400, message });

export const backupErrors = {
  backupNotFound: (arn: string) => e('BackupNotFoundException', `Backup not found: ${arn}`),
  tableNotFound: (name: string) => e('TableNotFoundException', `Table not found: ${name}`),
  tableAlreadyExists: (name: string) => e('TableAlreadyExistsException', `Table already exists: ${name}`),
  accessDenied: () => e('AccessDeniedException', 'Access is denied'),
  invalidArnRequest: () => ddbErrors.validation('Invalid Request: BackupArn is not valid'),
  invalidArn: () => ddbErrors.validation('Invalid Backup ARN'),
  /** backup_arn_grammar.json seq 22: a restore from another region's backup. */
  crossRegionNeedsSse: () => ddbErrors.validation('Invalid Request: sseSpecificationOverride must be provided for cross-region restores'),
  /** point_in_time_recovery.json seq 47-48: neither a time nor UseLatestRestorableTime true. */
  restoreTimeMissing: () => ddbErrors.validation('Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both'),
  /** point_in_time_recovery.json seq 49 (and recovery_audit.json "restore-conflict"). */
  restoreTimeTwice: () => ddbErrors.validation('Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime'),
  /** point_in_time_recovery.json seq 45-46: the times as Java's Instant prints them. */
  invalidRestoreTime: (time: number, earliest: number, latest: number, table: string) => e('InvalidRestoreTimeException',
    `RestoreDateTime '${instant(time)}' must be within EarliestRestorableDateTime '${instant(earliest)}' and LatestRestorableDateTime '${instant(latest)}' for table '${table}'`),
  /**
   * Not captured: the message is the API reference's description of the exception
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html).
   */
  /**
   * CreateBackup of a table an import is still creating (ack-api-quirks DDB-IMPORT-001, native AWS
   * 2026-10-09: ContinuousBackupsUnavailableException); the message is the one AWS gives for a
   * table whose backups are not ready yet (backup_arn_case.json seq 7; DDB-BACKUP-001).
   */
  backupsNotReady: (name: string) => e('ContinuousBackupsUnavailableException', `Backups are being enabled for the table: ${name}. Please retry later`),
  pitrUnavailable: () => e('PointInTimeRecoveryUnavailableException', 'Point in time recovery has not yet been enabled for this source table.'),
};

/** ISO-8601 as java.time.Instant prints it: no fraction for a whole second ('2026-09-18T15:07:28Z'). */
function instant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}
