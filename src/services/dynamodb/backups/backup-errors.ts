/**
 * The errors of the backup operations, with AWS's codes and messages (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/backups.json seq 2, 216, 228 and backup_arn_grammar.json seq 2-37,
 * backup_arn_case.json seq 7, 2026-09-18).
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
};
