/**
 * DescribeImport and ListImports. An import is found by the caller's account and region and the ARN's id; the
 * whole ARN must match. ListImports lists running imports too, oldest first, PageSize 1 to 25
 * (scylladb/scylladb test/alternator/test_import.py, PR #31619, measured against AWS, 2026: an
 * ARN with a too-short table name is "Invalid Import ARN"; a NextToken not from a listing is a
 * ValidationException). NextToken's grammar is the API reference's: `([0-9a-f]{16})+`, 112 to
 * 1024 characters.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeImport.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListImports.html
 */
import type { DescribeImportInput, DescribeImportOutput, ListImportsInput, ListImportsOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import { importErrors } from './import-errors.js';
import { describeImport, summarizeImport } from './import-record.js';
import { getImport, listImports as storedImports } from './import-store.js';
import type { ImportHandler } from './import-table.js';

const IMPORT_ARN = /^arn:aws:dynamodb:([^:]+):(\d{12}):table\/[a-zA-Z0-9_.-]{3,255}\/import\/(\d{14}-[0-9a-f]{8})$/;
const TOKEN_CHARS = 112;

/** The id of the first import of the next page as hex, zero-padded to the token's least length. */
const tokenOf = (id: string): string => Buffer.from(id).toString('hex').padEnd(TOKEN_CHARS, '0');
const idOf = (token: string): string => Buffer.from(token, 'hex').toString('utf8').replace(/\0+$/, '');

export const describeImportOperation: ImportHandler<DescribeImportInput, DescribeImportOutput> = async (ddb, _runs, ctx, input) => {
  const c = new Constraints();
  if (c.notNull('importArn', input.ImportArn)) c.length('importArn', input.ImportArn, 37, 1024);
  c.check();
  const parts = IMPORT_ARN.exec(input.ImportArn);
  if (!parts) throw importErrors.invalidArn(input.ImportArn);
  // Looked up in the caller's own account and region, never the ARN's: another account's import
  // is not found (it was described to anyone who had its ARN), as a backup is (backups/describe-backup.ts).
  const found = await getImport(ddb.meta, ctx.accountId, ctx.region, parts[3]!);
  if (!found || found.arn !== input.ImportArn) throw importErrors.importNotFound(input.ImportArn);
  return { ImportTableDescription: describeImport(found) };
};

export const listImportsOperation: ImportHandler<ListImportsInput, ListImportsOutput> = async (ddb, _runs, ctx, input) => {
  const c = new Constraints();
  c.length('tableArn', input.TableArn, 1, 1024);
  c.range('pageSize', input.PageSize, 1, 25);
  c.length('nextToken', input.NextToken, TOKEN_CHARS, 1024).pattern('nextToken', input.NextToken, '([0-9a-f]{16})+');
  c.check();
  const all = (await storedImports(ddb.meta, ctx.accountId, ctx.region)).filter((r) => input.TableArn === undefined || r.tableArn === input.TableArn);
  let start = 0;
  if (input.NextToken !== undefined) {
    const id = idOf(input.NextToken);
    start = all.findIndex((r) => r.id === id);
    if (start < 0) throw importErrors.invalidNextToken();
  }
  const limit = input.PageSize ?? 25;
  const next = all[start + limit];
  return { ImportSummaryList: all.slice(start, start + limit).map(summarizeImport), ...(next && { NextToken: tokenOf(next.id) }) };
};
