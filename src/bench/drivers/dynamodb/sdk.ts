/**
 * DynamoDB through @aws-sdk/client-dynamodb: put, get, update, delete, query, scan on the table
 * of `table.ts`. `bytes` is the item payload written or read (the `data` attribute). The SDK is
 * optional: it loads in `setup` (wire/load-sdk.ts); the table is set up over the wire (table.ts).
 */
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { loadSdk } from '../wire/load-sdk.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { closeSdkClient, sdkClientConfig, sdkErrorCode } from '../wire/sdk.js';
import { MAX_ITEM_PAYLOAD, sdkItem, sdkKey, setupTable, tableSpec, type TableSpec } from './table.js';

const loadDynamoDbSdk = () => loadSdk(['@aws-sdk/client-dynamodb'], () => import('@aws-sdk/client-dynamodb'));
type DynamoDbSdk = Awaited<ReturnType<typeof loadDynamoDbSdk>>;

export const DYNAMODB_OPERATIONS = ['put', 'get', 'update', 'delete', 'query', 'scan'] as const;

function dataBytes(items: Record<string, AttributeValue>[] | undefined): number {
  let bytes = 0;
  for (const item of items ?? []) bytes += item.data?.S?.length ?? 0;
  return bytes;
}

class DynamoDbSdkDriver implements Driver {
  readonly name = 'dynamodb-sdk';
  readonly service = 'dynamodb' as const;
  readonly operations = DYNAMODB_OPERATIONS;
  readonly #target: Target;
  readonly #clientConfig: ReturnType<typeof sdkClientConfig>;
  #sdk: DynamoDbSdk | undefined;
  #client: DynamoDBClient | undefined;
  #spec: TableSpec | undefined;
  #filler: Filler | undefined;

  constructor(target: Target) {
    this.#target = target;
    this.#clientConfig = sdkClientConfig(target);
  }

  async setup(workload: Workload): Promise<void> {
    const sdk = (this.#sdk ??= await loadDynamoDbSdk());
    this.#client ??= new sdk.DynamoDBClient(this.#clientConfig);
    await setupTable(this.#target, workload);
    this.#spec = tableSpec(workload);
    this.#filler = createFiller(workload.size, MAX_ITEM_PAYLOAD);
  }

  async run(op: string, n: number, body: BodySource | undefined): Promise<OpResult> {
    const spec = this.#spec;
    const sdk = this.#sdk;
    const client = this.#client;
    if (!spec || !this.#filler || !sdk || !client) return { ok: false, bytes: 0, error: 'NotSetUp' };
    try {
      switch (op) {
        case 'put': {
          const data = this.#filler.text(body);
          await client.send(new sdk.PutItemCommand({ TableName: spec.table, Item: sdkItem(spec, n, data) }));
          return { ok: true, bytes: data.length };
        }
        case 'get': {
          const out = await client.send(new sdk.GetItemCommand({ TableName: spec.table, Key: sdkKey(spec, n) }));
          return { ok: true, bytes: dataBytes(out.Item ? [out.Item] : undefined) };
        }
        case 'update':
          await client.send(new sdk.UpdateItemCommand({
            TableName: spec.table, Key: sdkKey(spec, n),
            UpdateExpression: 'SET #u = :u ADD #v :one',
            ExpressionAttributeNames: { '#u': 'updated', '#v': 'v' },
            ExpressionAttributeValues: { ':u': { N: String(Date.now()) }, ':one': { N: '1' } },
          }));
          return { ok: true, bytes: 0 };
        case 'delete':
          await client.send(new sdk.DeleteItemCommand({ TableName: spec.table, Key: sdkKey(spec, n) }));
          return { ok: true, bytes: 0 };
        case 'query': {
          const out = await client.send(new sdk.QueryCommand({
            TableName: spec.table, Limit: spec.queryLimit,
            KeyConditionExpression: '#h = :h',
            ExpressionAttributeNames: { '#h': spec.hashKey },
            ExpressionAttributeValues: { ':h': sdkKey(spec, n)[spec.hashKey]! },
          }));
          return { ok: true, bytes: dataBytes(out.Items) };
        }
        case 'scan': {
          const out = await client.send(new sdk.ScanCommand({ TableName: spec.table, Limit: spec.scanLimit }));
          return { ok: true, bytes: dataBytes(out.Items) };
        }
        default:
          return { ok: false, bytes: 0, error: 'UnknownOperation' };
      }
    } catch (err) {
      return { ok: false, bytes: 0, error: sdkErrorCode(err) };
    }
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client) await closeSdkClient(client, this.#clientConfig);
  }
}

export const dynamodbSdkDriver: DriverFactory = {
  service: 'dynamodb',
  kind: 'sdk',
  create: (target) => new DynamoDbSdkDriver(target),
};

export default dynamodbSdkDriver;
