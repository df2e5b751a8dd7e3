/**
 * The SDK's schemas have one numeric type for every number; the protocols reject a fraction where
 * the model says integer (xml/query/json decode), so the few floating-point members are named
 * here. Taken from the service models' `Double` targets (the aws-sdk v2 models agreed when the
 * source moved to the SDK schemas); a list entry means its items are floating point. S3, SQS, SNS, STS and
 * DynamoDB Streams have none.
 */
import type { ServiceName } from '../types.js';

export const FLOATING_POINT_MEMBERS: Partial<Record<ServiceName, readonly string[]>> = {
  dynamodb: [
    'AutoScalingTargetTrackingScalingPolicyConfigurationDescription.TargetValue',
    'AutoScalingTargetTrackingScalingPolicyConfigurationUpdate.TargetValue',
    'Capacity.ReadCapacityUnits', 'Capacity.WriteCapacityUnits', 'Capacity.CapacityUnits',
    'ConsumedCapacity.CapacityUnits', 'ConsumedCapacity.ReadCapacityUnits', 'ConsumedCapacity.WriteCapacityUnits',
    'ItemCollectionMetrics.SizeEstimateRangeGB',
  ],
};
