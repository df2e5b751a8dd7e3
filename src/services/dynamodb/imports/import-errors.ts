/**
 * The errors of the import operations. Codes from the API reference (API_ImportTable.html,
 * API_DescribeImport.html, API_ListImports.html); the conflict's words ("Duplicate request
 * detected with conflicting parameters") and "Invalid Import ARN" are what scylladb/scylladb
 * test/alternator/test_import.py (PR #31619, measured against AWS, 2026) matches; the rest of
 * each message is not verified.
 */
import { AwsError } from '../../../errors/aws-error.js';
import { notImplemented } from '../../../errors/common.js';

const e = (code: string, message: string): AwsError => new AwsError({ code, status: 400, message });

export const importErrors = {
  importNotFound: (arn: string) => e('ImportNotFoundException', `Import not found: ${arn}`),
  invalidArn: (arn: string) => e('ValidationException', `Invalid Import ARN: ${arn}`),
  conflict: () => e('ImportConflictException', 'Duplicate request detected with conflicting parameters'),
  csvOptionsWithoutCsv: () => e('ValidationException', 'InputFormatOptions can only be specified with the CSV InputFormat'),
  invalidNextToken: () => e('ValidationException', 'Invalid NextToken'),
  notImplemented: (detail: string) => notImplemented('DynamoDB', 'ImportTable', detail),
};
