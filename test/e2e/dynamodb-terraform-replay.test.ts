/**
 * A replay of the calls the Terraform AWS provider makes for `aws_dynamodb_table`
 * (shared/conformance/terraform-aws-calls.md §3): create with hash+range keys, an LSI, a GSI, a
 * stream, tags, then TTL and point-in-time recovery with their waits; refresh reading every
 * field it reads; updates (billing mode, a new GSI, tags, TTL off); destroy and its waiter.
 * "No drift": each refresh reads back exactly what was configured.
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteTableCommand, DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand, TagResourceCommand, UntagResourceCommand, UpdateContinuousBackupsCommand, UpdateTableCommand,
  UpdateTimeToLiveCommand, type DynamoDBClient, type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../helpers/server.js';
import { ddbClient, ddbErrorOf } from '../services/dynamodb/helpers.js';

/** What the provider stores in state from one refresh (the attributes it reads). */
async function refresh(ddb: DynamoDBClient, name: string): Promise<Record<string, unknown>> {
  const t: TableDescription = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;
  const pitr = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription!;
  const ttl = (await ddb.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription!;
  const tags = (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn! }))).Tags ?? [];
  return {
    arn: t.TableArn, status: t.TableStatus,
    billing_mode: t.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    read_capacity: t.ProvisionedThroughput?.ReadCapacityUnits, write_capacity: t.ProvisionedThroughput?.WriteCapacityUnits,
    hash_key: t.KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName, range_key: t.KeySchema!.find((k) => k.KeyType === 'RANGE')?.AttributeName,
    attribute: (t.AttributeDefinitions ?? []).map((a) => `${a.AttributeName}:${a.AttributeType}`).sort(),
    lsi: (t.LocalSecondaryIndexes ?? []).map((i) => `${i.IndexName}:${i.KeySchema!.find((k) => k.KeyType === 'RANGE')!.AttributeName}:${i.Projection!.ProjectionType}`),
    // v5.46 records a GSI name only when ProvisionedThroughput is present.
    gsi: (t.GlobalSecondaryIndexes ?? []).filter((i) => i.ProvisionedThroughput).map((i) => `${i.IndexName}:${i.IndexStatus}:${i.ProvisionedThroughput!.ReadCapacityUnits}/${i.ProvisionedThroughput!.WriteCapacityUnits}:${i.Projection!.ProjectionType}`),
    stream_enabled: t.StreamSpecification?.StreamEnabled ?? false, stream_view_type: t.StreamSpecification?.StreamViewType, stream_arn: t.LatestStreamArn,
    table_class: t.TableClassSummary?.TableClass ?? 'STANDARD', deletion_protection_enabled: t.DeletionProtectionEnabled,
    point_in_time_recovery: pitr.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED',
    ttl: ttl.TimeToLiveStatus === 'ENABLED' ? ttl.AttributeName : null,
    tags: Object.fromEntries(tags.map((x) => [x.Key, x.Value])),
  };
}

test('aws_dynamodb_table: create, refresh, update, destroy without drift', async (t) => {
  const server = await startBoltstack();
  try {
    const ddb = ddbClient(server.endpoint);
    const name = 'tf-replay';
    const created = await ddb.send(new CreateTableCommand({
      TableName: name, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'lsk', AttributeType: 'N' }, { AttributeName: 'gpk', AttributeType: 'S' }],
      LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 } }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Tags: [{ Key: 'Name', Value: 'tf-replay' }, { Key: 'env', Value: 'test' }],
    }));
    t.is(created.TableDescription!.TableStatus, 'ACTIVE');
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } }));
    await ddb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    const state = await refresh(ddb, name);
    t.like(state, {
      status: 'ACTIVE', billing_mode: 'PROVISIONED', read_capacity: 5, write_capacity: 5, hash_key: 'pk', range_key: 'sk',
      attribute: ['gpk:S', 'lsk:N', 'pk:S', 'sk:S'], lsi: ['lsi:lsk:KEYS_ONLY'], gsi: ['gsi:ACTIVE:2/1:INCLUDE'],
      stream_enabled: true, stream_view_type: 'NEW_AND_OLD_IMAGES', table_class: 'STANDARD', deletion_protection_enabled: false,
      point_in_time_recovery: true, ttl: 'expires', tags: { Name: 'tf-replay', env: 'test' },
    });
    t.truthy(state.stream_arn);
    t.deepEqual(await refresh(ddb, name), state, 'a second refresh sees no drift');

    // Update: on-demand, a second GSI, tags, TTL off.
    await ddb.send(new UpdateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST' }));
    await ddb.send(new UpdateTableCommand({
      TableName: name, AttributeDefinitions: [{ AttributeName: 'g2', AttributeType: 'N' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'gsi2', KeySchema: [{ AttributeName: 'g2', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    }));
    for (let i = 0; i < 100; i++) {
      const gsis = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!.GlobalSecondaryIndexes!;
      if (gsis.every((g) => g.IndexStatus === 'ACTIVE')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await ddb.send(new TagResourceCommand({ ResourceArn: state.arn as string, Tags: [{ Key: 'owner', Value: 'ci' }] }));
    await ddb.send(new UntagResourceCommand({ ResourceArn: state.arn as string, TagKeys: ['env'] }));
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false } }));
    const after = await refresh(ddb, name);
    t.like(after, {
      status: 'ACTIVE', billing_mode: 'PAY_PER_REQUEST', read_capacity: 0, write_capacity: 0,
      attribute: ['g2:N', 'gpk:S', 'lsk:N', 'pk:S', 'sk:S'], gsi: ['gsi:ACTIVE:0/0:INCLUDE', 'gsi2:ACTIVE:0/0:ALL'],
      ttl: null, tags: { Name: 'tf-replay', owner: 'ci' },
    });
    t.deepEqual(await refresh(ddb, name), after, 'no drift after the update');

    // Destroy: DeleteTable, then the waiter polls until ResourceNotFoundException.
    await ddb.send(new DeleteTableCommand({ TableName: name }));
    const gone = await ddbErrorOf(ddb.send(new DescribeTableCommand({ TableName: name })));
    t.is(gone.name, 'ResourceNotFoundException');
    t.true(gone.message.startsWith('Requested resource not found: Table: '));
  } finally {
    await server.stop();
  }
});
