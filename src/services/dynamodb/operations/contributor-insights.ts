/**
 * DescribeContributorInsights, UpdateContributorInsights, ListContributorInsights: the state of
 * CloudWatch Contributor Insights per table and per GSI, answered as AWS answers it; nothing is
 * collected (contributor-insights-state.ts). Terraform's aws_dynamodb_contributor_insights polls
 * Describe until ENABLED / DISABLED.
 *
 * Source: the ack-api-quirks DynamoDB findings DDB-TABLE-089..097, 112, 116, 137, 161, 337-345
 * (real AWS, verified 2026-10-08/09).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContributorInsights.html
 */
import type {
  DescribeContributorInsightsInput, DescribeContributorInsightsOutput, ListContributorInsightsInput, ListContributorInsightsOutput,
  UpdateContributorInsightsInput, UpdateContributorInsightsOutput, ContributorInsightsSummary,
} from '../../../model/generated/dynamodb-types.js';
import { Constraints, NAME_PATTERN } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import {
  DEFAULT_MODE, type InsightsRecord, allInsights, readInsights, ruleNames, statusAt, writeInsights,
} from '../contributor-insights-state.js';
import { ddbErrors } from '../errors.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, requireNamedTable } from '../table-lookup.js';
import type { IndexRecord, TableRecord } from '../table-record.js';

const MODES = ['ACCESSED_AND_THROTTLED_KEYS', 'THROTTLED_KEYS'];

/** TableName (a name or the table's ARN) and IndexName, reported together as Coral does. */
function checkNames(c: Constraints, table: string | undefined, index: string | undefined): void {
  if (!isResolvableName(table, 3)) checkTableName(c, 'tableName', table);
  c.length('indexName', index, 3, 255).pattern('indexName', index, NAME_PATTERN);
}

/**
 * Only GSIs have insights: an LSI or an unknown name is ResourceNotFoundException naming both
 * (DDB-TABLE-094, DDB-TABLE-137, DDB-TABLE-161).
 */
function findIndex(table: TableRecord, name: string | undefined): IndexRecord | undefined {
  if (name === undefined) return undefined;
  const index = table.indexes.find((i) => i.global && i.name === name);
  if (!index) throw ddbErrors.resourceNotFoundNamed(`Requested resource not found: Index: ${name} not found for table: ${table.name}`);
  return index;
}

/** Describe's answer, in AWS's member order (DDB-TABLE-089, 112, 340). */
function describe(table: TableRecord, index: IndexRecord | undefined, record: InsightsRecord | undefined, now: number): DescribeContributorInsightsOutput {
  const status = statusAt(record, now);
  const out: DescribeContributorInsightsOutput = { TableName: table.name, ...(index ? { IndexName: index.name } : {}) };
  // A never-configured table or index reads {TableName, ContributorInsightsStatus: DISABLED}.
  if (!record) return { ...out, ContributorInsightsStatus: status };
  if (status === 'ENABLED') out.ContributorInsightsRuleList = ruleNames(table, record, index);
  return { ...out, ContributorInsightsStatus: status, LastUpdateDateTime: new Date(record.changedAt), ContributorInsightsMode: record.mode };
}

export const describeContributorInsights: DdbHandler<DescribeContributorInsightsInput, DescribeContributorInsightsOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkNames(c, input.TableName, input.IndexName);
  c.check();
  const table = requireNamedTable(deps, ctx, input.TableName);
  const index = findIndex(table, input.IndexName);
  return describe(table, index, await readInsights(deps.meta, table, index), deps.now());
};

export const updateContributorInsights: DdbHandler<UpdateContributorInsightsInput, UpdateContributorInsightsOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkNames(c, input.TableName, input.IndexName);
  if (c.notNull('contributorInsightsAction', input.ContributorInsightsAction)) c.oneOf('contributorInsightsAction', input.ContributorInsightsAction, ['ENABLE', 'DISABLE']);
  c.oneOf('contributorInsightsMode', input.ContributorInsightsMode, MODES);
  c.check();
  const found = requireNamedTable(deps, ctx, input.TableName);
  return deps.tables.locks.run(`insights\0${found.id}`, async () => {
    const table = requireNamedTable(deps, ctx, input.TableName);
    const index = findIndex(table, input.IndexName);
    const now = deps.now();
    const current = await readInsights(deps.meta, table, index);
    const next = input.ContributorInsightsAction === 'ENABLE' ? enable(index, current, input.ContributorInsightsMode, now) : disable(current, now);
    if (next !== current) await writeInsights(deps.meta, table, next!, index);
    const status = statusAt(next, now);
    return { TableName: table.name, ...(index ? { IndexName: index.name } : {}), ContributorInsightsStatus: status, ...(next ? { ContributorInsightsMode: next.mode } : {}) };
  });
};

/**
 * ENABLE on a settled ENABLED entry in the same mode changes nothing and answers ENABLED
 * (DDB-TABLE-091, 341); a mode change is a new ENABLING that keeps the rule names' time
 * (DDB-TABLE-341); without a mode the mode is ACCESSED_AND_THROTTLED_KEYS (DDB-TABLE-092). A
 * GSI still being created refuses it (DDB-TABLE-116, after its first ~20 s).
 */
function enable(index: IndexRecord | undefined, current: InsightsRecord | undefined, mode: string | undefined, now: number): InsightsRecord {
  if (index?.status === 'CREATING') {
    throw ddbErrors.validation('Table or Index is not in a valid state to update Key Access Insights: IndexStatus must be ACTIVE to enable ContributorInsights.');
  }
  const wanted = mode ?? DEFAULT_MODE;
  const status = statusAt(current, now);
  if (current && (status === 'ENABLED' || status === 'ENABLING') && current.mode === wanted) return current;
  const keepRules = current !== undefined && current.target === 'ENABLED';
  return { target: 'ENABLED', mode: wanted, changedAt: now, ruleStamp: keepRules ? current.ruleStamp : now };
}

/** DISABLE on a disabled or never-configured entry is a no-op answering DISABLED (DDB-TABLE-089, 091). */
function disable(current: InsightsRecord | undefined, now: number): InsightsRecord | undefined {
  if (!current || current.target === 'DISABLED') return current;
  return { ...current, target: 'DISABLED', changedAt: now };
}

/**
 * Entries that are not DISABLED (DDB-TABLE-095, 340, 343), the table before its GSIs; with a
 * TableName the table must exist (DDB-TABLE-094). Pages hold MaxResults entries and the last
 * has no NextToken (DDB-TABLE-095, 399). Unlike AWS, the account-wide list has no empty pages
 * (DDB-TABLE-344).
 */
export const listContributorInsights: DdbHandler<ListContributorInsightsInput, ListContributorInsightsOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  c.range('maxResults', input.MaxResults, undefined, 100);
  c.check();
  const tables = input.TableName !== undefined
    ? [requireNamedTable(deps, ctx, input.TableName)]
    : deps.tables.all().filter((t) => t.account === ctx.accountId && t.region === ctx.region).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const summaries = await listed(deps, tables);
  const start = input.NextToken !== undefined ? tokenOffset(input.NextToken, input.TableName) : 0;
  const size = input.MaxResults !== undefined && input.MaxResults > 0 ? input.MaxResults : summaries.length;
  const page = summaries.slice(start, start + size);
  const end = start + page.length;
  return { ContributorInsightsSummaries: page, ...(end < summaries.length ? { NextToken: pageToken(end, input.TableName) } : {}) };
};

/**
 * NextToken: the offset of the next page and the TableName the listing was for (none: the whole
 * account), base64 so clients treat it as opaque. A token boltstack did not issue, or one issued
 * for another TableName, is a ValidationException: read as an offset it restarted the listing at
 * 0 ('abc') or skipped entries silently (another table's). AWS's words for it are not captured;
 * the code is the one ListImports and ListExports answer (scylladb test_import.py, 2026).
 */
const pageToken = (offset: number, tableName: string | undefined): string => Buffer.from(JSON.stringify([offset, tableName ?? ''])).toString('base64');

function tokenOffset(token: string, tableName: string | undefined): number {
  let decoded: unknown;
  try { decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')); } catch { decoded = undefined; }
  const offset = Array.isArray(decoded) ? decoded[0] as unknown : undefined;
  // Re-encoding must give the token back: no other text (padding, whitespace, another table) passes.
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 1 || pageToken(offset, tableName) !== token) throw ddbErrors.validation('Invalid NextToken');
  return offset;
}

async function listed(deps: DdbDeps, tables: TableRecord[]): Promise<ContributorInsightsSummary[]> {
  const now = deps.now();
  const out: ContributorInsightsSummary[] = [];
  for (const table of tables) {
    for (const { index, record } of await allInsights(deps.meta, table)) {
      const status = statusAt(record, now);
      if (status === 'DISABLED') continue;
      out.push({ TableName: table.name, ...(index ? { IndexName: index.name } : {}), ContributorInsightsStatus: status, ContributorInsightsMode: record.mode });
    }
  }
  return out;
}
