/**
 * The errors of the import operations. Codes from the API reference (API_ImportTable.html,
 * API_DescribeImport.html, API_ListImports.html); the conflict's words ("Duplicate request
 * detected with conflicting parameters") and "Invalid Import ARN" are what scylladb/scylladb
 * test/alternator/test_import.py (PR #31619, measured against AWS, 2026) matches; the rest of
 * each message is not verified. A table an import is still creating is AWS's CREATING table:
 * CreateTable and DeleteTable of it answer "Attempt to change a resource which is still in use:
 * Table is being created: <name>" (ack-api-quirks DDB-TABLE-444 live runs creating_dup_create and
 * creating_update_dp, us-east-1 and us-west-2; DDB-IMPORT-006 for DeleteTable; native AWS 2026-10-09).
 */
import { AwsError } from '../../../errors/aws-error.js';
import { notImplemented } from '../../../errors/common.js';
import { ddbErrors } from '../errors.js';

const e = (code: string, message: string): AwsError => new AwsError({ code, status: 400, message });

export const importErrors = {
  importNotFound: (arn: string) => e('ImportNotFoundException', `Import not found: ${arn}`),
  invalidArn: (arn: string) => e('ValidationException', `Invalid Import ARN: ${arn}`),
  conflict: () => e('ImportConflictException', 'Duplicate request detected with conflicting parameters'),
  csvOptionsWithoutCsv: () => e('ValidationException', 'InputFormatOptions can only be specified with the CSV InputFormat'),
  invalidNextToken: () => e('ValidationException', 'Invalid NextToken'),
  notImplemented: (detail: string) => notImplemented('DynamoDB', 'ImportTable', detail),
  tableBeingCreated: ddbErrors.tableBeingCreated,
};
