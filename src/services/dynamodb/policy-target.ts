/**
 * The table or stream a policy operation's ResourceArn names, checked in AWS's order: the ARN's
 * shape, the caller's account, its region and partition (all before the policy document is
 * read), then whether the table or stream exists (after). Messages: the ack-api-quirks DynamoDB
 * finding DDB-TABLE-212 (AWS, 2026-10-09) and radkawar/stackd policies.json seq 114, 120.
 */
import type { RequestContext } from '../types.js';
import type { DdbDeps } from './context.js';
import { ddbErrors } from './errors.js';
import { policyErrors } from './policy-errors.js';
import type { PolicySlot } from './resource-policies.js';
import { StreamStore } from './streams/stream-store.js';

/** arn:<partition>:<service>:<region>:<account>:<resource> */
const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
const RESOURCE = /^table\/([a-zA-Z0-9_.-]{3,255})(?:\/(stream|index)\/([^/]+))?$/;
const STREAM_LABEL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/;
const ACCOUNT = /^\d{12}$/;

/** A well-formed ResourceArn of the caller's account and region. */
export interface PolicyArn { arn: string; account: string; region: string; table: string; streamLabel?: string }

/** What the operations need of the target once it is found. */
export interface PolicyTarget {
  slot: PolicySlot;
  /** How AWS's messages name it: "table <name>" or "stream <label>". */
  named: string;
}

export function parsePolicyArn(ctx: RequestContext, arn: string): PolicyArn {
  if (!arn.startsWith('arn:')) throw policyErrors.arnScheme(arn);
  const m = ARN.exec(arn);
  const resource = m && m[2] === 'dynamodb' ? RESOURCE.exec(m[5]!) : null;
  if (!m || !resource || !ACCOUNT.test(m[4]!)) throw policyErrors.notDynamoDbArn(arn);
  // An index ARN is a DynamoDB resource, just not one that takes a policy; any other suffix (a
  // backup's, an export's) is "not a DynamoDB resource arn" (DDB-TABLE-212: table/<t>/backup/0170).
  if (resource[2] === 'index') throw policyErrors.notTableOrStream(arn);
  if (resource[2] === 'stream' && !STREAM_LABEL.test(resource[3]!)) throw policyErrors.notDynamoDbArn(arn);
  if (m[4] !== ctx.accountId) throw policyErrors.otherAccount();
  if (m[1] !== 'aws' || m[3] !== ctx.region) throw policyErrors.otherRegion(arn);
  return { arn, account: m[4]!, region: m[3]!, table: resource[1]!, ...(resource[2] === 'stream' ? { streamLabel: resource[3]! } : {}) };
}

/** The key policy changes of this target serialize on: the table's own (table-store.ts locks). */
export const policyLockKey = (p: PolicyArn): string => `${p.account}\0${p.region}\0${p.table}`;

/**
 * A table by name (case-sensitive). A stream by its descriptor, which outlives a deleted table
 * (streams keep 24 hours of records), so its policy can still be read, changed or deleted, as
 * AWS's developer guide allows ("you can modify or delete a policy after a table is deleted"; the
 * policy itself went with the table: DDB-TABLE-214, Get on the old stream ARN is PolicyNotFound).
 */
export async function findPolicyTarget(deps: DdbDeps, p: PolicyArn): Promise<PolicyTarget> {
  const table = deps.tables.get(p.account, p.region, p.table);
  if (p.streamLabel === undefined) {
    if (!table) throw ddbErrors.tableNotFound(p.table);
    return { slot: { tableId: table.id }, named: `table ${p.table}` };
  }
  const stream = await new StreamStore(deps.meta).byArn(p.arn);
  if (!stream) throw table ? policyErrors.streamNotFound(p.streamLabel, p.table) : ddbErrors.tableNotFound(p.table);
  return { slot: { tableId: stream.tableId, streamLabel: p.streamLabel }, named: `stream ${p.streamLabel}` };
}
