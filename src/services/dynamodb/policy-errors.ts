/**
 * The errors of Put/Get/DeleteResourcePolicy, with AWS's codes and messages (native AWS:
 * radkawar/stackd testdata/aws/dynamodb/policies.json, 2026-09-17; the ack-api-quirks DynamoDB
 * findings DDB-TABLE-211/212/356, verified 2026-10-09; moto's AWS-verified
 * tests/test_dynamodb/test_dynamodb_resource_policy.py). Kept beside errors.ts so that the
 * policy work touches no shared file; each is one factory, as there.
 */
import { AwsError } from '../../errors/aws-error.js';
import { ddbErrors } from './errors.js';

const NOT_FOUND = 'Resource-based policy not found for the provided ResourceArn: ';
const notFound = (detail: string): AwsError => new AwsError({ code: 'PolicyNotFoundException', status: 400, message: NOT_FOUND + detail });
const badDocument = (detail: string): AwsError => ddbErrors.invalidParameter(`Invalid policy document: ${detail}`);

export const policyErrors = {
  /** GetResourcePolicy of a table or stream without a policy: the ARN as sent. */
  noPolicy: (arn: string) => notFound(arn),
  /** `target` is "table <name>" or "stream <label>". */
  revisionMismatch: (expected: string, target: string, current: string) =>
    notFound(`Requested update for policy with revision id ${expected}, but the policy associated to target ${target} has revision id ${current}.`),
  expectedNone: (target: string, current: string) =>
    notFound(`Requested policy update expecting none to be present for ${target}, but a policy exists with revision id ${current}.`),
  noneToUpdate: (expected: string, target: string) =>
    notFound(`Requested update for policy with revision id ${expected}, but ${target} has no associated policy.`),
  arnScheme: (arn: string) => ddbErrors.invalidParameter(`ARNs must start with 'arn:': ${arn}`),
  notDynamoDbArn: (arn: string) => ddbErrors.invalidParameter(`Provided Arn is not a DynamoDB resource arn: ${arn}`),
  notTableOrStream: (arn: string) => ddbErrors.invalidParameter(`Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}`),
  // AWS's text has a typographic apostrophe (U+2019) and no "One or more parameter values" prefix.
  otherAccount: () => ddbErrors.validation('This action is only supported by accounts that match the resource owner\u2019s account.'),
  otherRegion: (arn: string) => ddbErrors.invalidParameter(`Invalid resource Arn: ${arn}`),
  streamNotFound: (label: string, table: string) => ddbErrors.resourceNotFoundNamed(`Requested resource not found: Stream: ${label} not found for Table: ${table}`),
  tooLarge: () => ddbErrors.invalidParameter('Maximum policy size of 20480 bytes exceeded'),
  invalidJson: () => badDocument('This policy contains invalid Json'),
  emptyStatement: () => badDocument('Could not parse the policy: Statement is empty!'),
  duplicateSids: () => badDocument('The Statement Ids in the policy are not unique'),
  missingResource: () => badDocument('Missing required field Resource'),
  invalidActions: (actions: readonly string[]) => badDocument(`The following action names are invalid: ${actions.map((a) => `"${a}"`).join(', ')}`),
  /** IAM's grammar error; AWS names the (line,column) where its parser stopped. */
  syntaxError: (line: number, column: number) => badDocument(`Syntax error at position (${line},${column})`),
  unboundedAccess: () => ddbErrors.validation(
    'Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access'),
};
