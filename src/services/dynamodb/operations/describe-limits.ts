/**
 * DescribeLimits: AWS's default per-account and per-table capacity quotas (boltstack enforces
 * none of them). DescribeEndpoints: the endpoint the client reached, so SDKs that use endpoint
 * discovery stay on boltstack instead of going to AWS.
 */
import type { DescribeEndpointsInput, DescribeEndpointsOutput, DescribeLimitsInput, DescribeLimitsOutput } from '../../../model/generated/dynamodb-types.js';
import type { DdbHandler } from '../context.js';

export const describeLimits: DdbHandler<DescribeLimitsInput, DescribeLimitsOutput> = async () => ({
  AccountMaxReadCapacityUnits: 80000, AccountMaxWriteCapacityUnits: 80000,
  TableMaxReadCapacityUnits: 40000, TableMaxWriteCapacityUnits: 40000,
});

export const describeEndpoints: DdbHandler<DescribeEndpointsInput, DescribeEndpointsOutput> = async (_deps, ctx) => ({
  Endpoints: [{ Address: ctx.host || `dynamodb.${ctx.region}.amazonaws.com`, CachePeriodInMinutes: 1440 }],
});
