/**
 * DescribeTimeToLive and UpdateTimeToLive: the setting is stored on the table record (expiry
 * itself is done by the TTL module, which reads it). Terraform polls DescribeTimeToLive until
 * ENABLED / DISABLED, so the change shows at once.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
 */
import type { DescribeTimeToLiveInput, DescribeTimeToLiveOutput, UpdateTimeToLiveInput, UpdateTimeToLiveOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { requireNamedTable, requireChangeableTable } from '../table-lookup.js';

export const describeTimeToLive: DdbHandler<DescribeTimeToLiveInput, DescribeTimeToLiveOutput> = async (deps, ctx, input) => {
  const table = requireNamedTable(deps, ctx, input.TableName);
  const ttl = table.ttl;
  return { TimeToLiveDescription: ttl?.enabled ? { TimeToLiveStatus: 'ENABLED', AttributeName: ttl.attributeName } : { TimeToLiveStatus: 'DISABLED' } };
};

export const updateTimeToLive: DdbHandler<UpdateTimeToLiveInput, UpdateTimeToLiveOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  const spec = input.TimeToLiveSpecification;
  if (c.notNull('timeToLiveSpecification', spec)) {
    if (c.notNull('timeToLiveSpecification.attributeName', spec.AttributeName)) c.length('timeToLiveSpecification.attributeName', spec.AttributeName, 1, 255);
    c.notNull('timeToLiveSpecification.enabled', spec.Enabled);
  }
  const found = requireChangeableTable(deps, ctx, input.TableName);
  c.check();
  return deps.tables.locks.run(`${found.account}\0${found.region}\0${found.name}`, async () => {
    const table = requireNamedTable(deps, ctx, input.TableName);
    const current = table.ttl;
    if (spec.Enabled) {
      if (current?.enabled && current.attributeName !== spec.AttributeName) throw ddbErrors.validation(`TimeToLive is active on a different AttributeName: current AttributeName is ${current.attributeName}`);
      if (current?.enabled) throw ddbErrors.validation('TimeToLive is already enabled');
    } else if (!current?.enabled) {
      throw ddbErrors.validation('TimeToLive is already disabled');
    } else if (current.attributeName !== spec.AttributeName) {
      throw ddbErrors.validation(`TimeToLive is active on a different AttributeName: current AttributeName is ${current.attributeName}`);
    }
    await deps.tables.update({ ...table, ttl: { attributeName: spec.AttributeName, enabled: spec.Enabled } });
    return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } };
  });
};
