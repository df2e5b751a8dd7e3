/** Helpers of the GSI backfill tests: loading items, waiting for an index, reading what it holds. */
import {
  type AttributeValue, BatchWriteItemCommand, DescribeTableCommand, type DynamoDBClient, QueryCommand, ScanCommand, type ScanCommandInput, UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** Puts `count` items, `itemOf(i)` each, 25 to a BatchWriteItem, `parallel` calls at a time. */
export async function loadItems(ddb: DynamoDBClient, TableName: string, count: number, itemOf: (i: number) => Item, parallel = 4): Promise<void> {
  const batches: number[] = [];
  for (let b = 0; b * 25 < count; b++) batches.push(b);
  const worker = async (): Promise<void> => {
    for (let b = batches.shift(); b !== undefined; b = batches.shift()) {
      const items = Array.from({ length: Math.min(25, count - b * 25) }, (_, i) => ({ PutRequest: { Item: itemOf(b * 25 + i) } }));
      const answer = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: items } }));
      if (Object.keys(answer.UnprocessedItems ?? {}).length > 0) throw new Error('unprocessed items');
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Adds a GSI on the string attribute `g` (hash key), projecting `filler` too. */
export function addIndex(ddb: DynamoDBClient, TableName: string, IndexName: string): Promise<unknown> {
  return ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName, KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['filler'] } } }],
  }));
}

export interface IndexState { status: string | undefined; count: number | undefined; bytes: number | undefined }

export async function indexState(ddb: DynamoDBClient, TableName: string, IndexName: string): Promise<IndexState> {
  const gsi = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes?.find((i) => i.IndexName === IndexName);
  return { status: gsi?.IndexStatus, count: gsi?.ItemCount, bytes: gsi?.IndexSizeBytes };
}

/** Polls DescribeTable until the index is ACTIVE; throws after `timeoutMs`. */
export async function waitActive(ddb: DynamoDBClient, TableName: string, IndexName: string, timeoutMs = 15000): Promise<IndexState> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await indexState(ddb, TableName, IndexName);
    if (state.status === 'ACTIVE') return state;
    if (Date.now() > end) throw new Error(`index ${IndexName} still ${String(state.status)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function scanAll(ddb: DynamoDBClient, input: ScanCommandInput): Promise<Item[]> {
  const out: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ ...input, ...(ExclusiveStartKey && { ExclusiveStartKey }) }));
    out.push(...page.Items!);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/**
 * `pk=g` of every table item that has `g`, and of every entry Queries of the index return for
 * those `g` values and for `gone` (a value no item has any more), duplicates kept; both sorted.
 */
export async function indexedAndExpected(ddb: DynamoDBClient, TableName: string, IndexName: string, gone: string[] = []): Promise<{ indexed: string[]; expected: string[] }> {
  const expected = (await scanAll(ddb, { TableName, FilterExpression: 'attribute_exists(g)' })).map((i) => `${i.pk!.S!}=${i.g!.S!}`).sort();
  const indexed: string[] = [];
  for (const g of new Set([...expected.map((e) => e.slice(e.indexOf('=') + 1)), ...gone])) {
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await ddb.send(new QueryCommand({
        TableName, IndexName, KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: g } }, ...(ExclusiveStartKey && { ExclusiveStartKey }),
      }));
      indexed.push(...page.Items!.map((i) => `${i.pk!.S!}=${i.g!.S!}`));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return { indexed: indexed.sort(), expected };
}
