/**
 * DynamoDB's errors: one factory each, with AWS's code and message. ValidationException renders
 * as `com.amazon.coral.validate#ValidationException` (protocols/json/errors.ts), the others under
 * DynamoDB's own namespace, as DynamoDB sends them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html
 */
import { AwsError } from '../../errors/aws-error.js';

const e = (code: string, message: string, status = 400): AwsError => new AwsError({ code, status, message });

/** The prefix AWS puts before most semantic validation messages. */
export const INVALID = 'One or more parameter values were invalid: ';

export const ddbErrors = {
  validation: (message: string) => e('ValidationException', message),
  invalidParameter: (detail: string) => e('ValidationException', INVALID + detail),
  /** Item operations name nothing; table operations name the table (Terraform matches on it). */
  resourceNotFound: () => e('ResourceNotFoundException', 'Requested resource not found'),
  resourceNotFoundNamed: (message: string) => e('ResourceNotFoundException', message),
  /** Legacy global tables (operations/global-tables.ts): `prefix` is "Global table not found: " where AWS adds it. */
  globalTableNotFound: (name: string, prefix = '') => e('GlobalTableNotFoundException', `${prefix}Global table with name: '${name}' does not exist.`),
  /** DescribeTableReplicaAutoScaling and its Update for a table without replicas. */
  noGlobalTable: (name: string) => e('ResourceNotFoundException', `Global table with name: '${name}' does not exist.`),
  tableNotFound: (name: string) => e('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`),
  resourceArnNotFound: (arn: string) => e('ResourceNotFoundException', `Requested resource not found: ResourcArn: ${arn} not found`),
  tableAlreadyExists: (name: string) => e('ResourceInUseException', `Table already exists: ${name}`),
  resourceInUse: (message: string) => e('ResourceInUseException', message),
  /** A table an import is still creating, changed (imports/import-errors.ts names the sources). */
  tableBeingCreated: (name: string) => e('ResourceInUseException', `Attempt to change a resource which is still in use: Table is being created: ${name}`),
  /** DeleteTable while a GSI is being created (continuous_backup_readiness.json seq 145, AWS 2026-09-18). */
  indexesInProgress: () => e('ResourceInUseException',
    'Attempt to change a resource which is still in use: Cannot delete table while indexes are being created, updated, or deleted.'),
  limitExceeded: (message: string) => e('LimitExceededException', message),
  conditionalCheckFailed: () => e('ConditionalCheckFailedException', 'The conditional request failed'),
  deletionProtected: () => e('ValidationException',
    'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.'),
};
