/**
 * PartiQL's own errors, as DynamoDB words them. Parse errors share one envelope,
 * "Statement wasn't well formed, can't be processed: <detail>", with a short detail
 * ("Expected data manipulation", "Unexpected keyword", ...).
 */
import { AwsError } from '../../../errors/aws-error.js';
import { ddbErrors } from '../errors.js';

const validation = ddbErrors.validation;

export const statementNotWellFormed = (detail: string): AwsError =>
  validation(`Statement wasn't well formed, can't be processed: ${detail}`);

export const parameterCountMismatch = (): AwsError =>
  validation("Number of parameters in request and statement don't match.");

export const missingKeyEquality = (): AwsError =>
  validation('Where clause does not contain a mandatory equality on all key attributes');

export const unsupportedStatement = (detail: string): AwsError => validation(detail);

export const duplicateItem = (): AwsError =>
  new AwsError({ code: 'DuplicateItemException', status: 400, message: 'Duplicate primary key exists in table' });

export const invalidNextToken = (): AwsError => validation('Given NextToken is not valid');
