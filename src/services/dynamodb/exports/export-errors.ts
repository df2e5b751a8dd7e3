/**
 * The errors of the export operations. Codes from the API reference
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html,
 * API_DescribeExport.html); no capture of their messages was found (radkawar/stackd holds none for
 * exports), so the messages follow the backups' (backups/backup-errors.ts) and are not verified.
 */
import { AwsError } from '../../../errors/aws-error.js';
import { notImplemented } from '../../../errors/common.js';

const e = (code: string, message: string): AwsError => new AwsError({ code, status: 400, message });

export const exportErrors = {
  tableNotFound: (name: string) => e('TableNotFoundException', `Table not found: ${name}`),
  pitrUnavailable: (name: string) => e('PointInTimeRecoveryUnavailableException', `Point in time recovery is not enabled for table '${name}'`),
  exportNotFound: (arn: string) => e('ExportNotFoundException', `Export not found: ${arn}`),
  conflict: (token: string) => e('ExportConflictException', `Export with client token ${token} already exists with different parameters`),
  invalidNextToken: () => e('ValidationException', 'Invalid NextToken'),
  notImplemented: (detail: string) => notImplemented('DynamoDB', 'ExportTableToPointInTime', detail),
};
