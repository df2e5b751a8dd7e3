/**
 * TagResource, UntagResource, ListTagsOfResource on table ARNs (the caller's account; tags of
 * another region's table are found through its ARN as in AWS).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
 */
import type { ListTagsOfResourceInput, ListTagsOfResourceOutput, TagResourceInput, TagResourceOutput, UntagResourceInput, UntagResourceOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import type { TableRecord } from '../table-record.js';
import { checkTagConstraints, checkTagRules, mergeTags } from '../tags.js';
import type { RequestContext } from '../../types.js';

const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:([^:]+):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})$/;
const PAGE = 10;

function tableOf(deps: DdbDeps, ctx: RequestContext, arn: string): TableRecord {
  if (!arn.startsWith('arn:')) throw ddbErrors.invalidParameter(`ARNs must start with 'arn:': ${arn}`);
  const m = TABLE_ARN.exec(arn);
  if (!m) {
    if (!/^arn:aws[a-z-]*:dynamodb:/.test(arn)) throw ddbErrors.invalidParameter(`Provided Arn is not a DynamoDB resource arn: ${arn}`);
    throw ddbErrors.invalidParameter(`Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}`);
  }
  const table = m[2] === ctx.accountId ? deps.tables.get(m[2], m[1]!, m[3]!) : undefined;
  if (!table) throw ddbErrors.resourceArnNotFound(arn);
  return table;
}

function checkArn(c: Constraints, arn: string | undefined): void {
  if (c.notNull('resourceArn', arn)) c.length('resourceArn', arn, 1, 1283);
}

export const tagResource: DdbHandler<TagResourceInput, TagResourceOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkArn(c, input.ResourceArn);
  c.notNull('tags', input.Tags);
  checkTagConstraints(c, 'tags', input.Tags);
  c.check();
  const found = tableOf(deps, ctx, input.ResourceArn);
  if (input.Tags.length === 0) throw ddbErrors.validation('Atleast one Tag needs to be provided as Input.');
  checkTagRules(input.Tags);
  await deps.tables.locks.run(`${found.account}\0${found.region}\0${found.name}`, async () => {
    const table = tableOf(deps, ctx, input.ResourceArn);
    await deps.tables.update({ ...table, tags: mergeTags(table.tags, input.Tags) });
  });
  return {};
};

export const untagResource: DdbHandler<UntagResourceInput, UntagResourceOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkArn(c, input.ResourceArn);
  c.notNull('tagKeys', input.TagKeys);
  c.check();
  const found = tableOf(deps, ctx, input.ResourceArn);
  if (input.TagKeys.length === 0) throw ddbErrors.validation('Atleast one Tag Key needs to be provided as Input.');
  await deps.tables.locks.run(`${found.account}\0${found.region}\0${found.name}`, async () => {
    const table = tableOf(deps, ctx, input.ResourceArn);
    const drop = new Set(input.TagKeys);
    await deps.tables.update({ ...table, tags: table.tags.filter((t) => !drop.has(t.Key)) });
  });
  return {};
};

/** Pages of ten tags; NextToken is the index of the next tag, as a string. */
export const listTagsOfResource: DdbHandler<ListTagsOfResourceInput, ListTagsOfResourceOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkArn(c, input.ResourceArn);
  c.check();
  const table = tableOf(deps, ctx, input.ResourceArn);
  const start = input.NextToken === undefined ? 0 : Number.parseInt(input.NextToken, 10);
  if (!Number.isInteger(start) || start < 0) throw ddbErrors.validation(`Invalid NextToken: ${input.NextToken}`);
  const page = table.tags.slice(start, start + PAGE);
  return { Tags: page, ...(start + PAGE < table.tags.length ? { NextToken: String(start + PAGE) } : {}) };
};
