/**
 * The tables and items every server gets before it is measured, written through the SDK:
 *   bench-kv    hash key "id" (S), one 1 KiB item "k"          GetItem, PutItem
 *   bench-query "pk" (S) + "sk" (N), partition "p" of 100 items Query 25 of them
 *   bench-scan  "id" (S), 10,000 small items (one 1 MB page)    Scan with a 10% filter
 *   bench-load  "id" (S), empty                                  BatchWriteItem load
 */
import { BatchWriteItemCommand, CreateTableCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

const onDemand = { BillingMode: 'PAY_PER_REQUEST' as const };

async function hashTable(ddb: DynamoDBClient, TableName: string): Promise<void> {
  await ddb.send(new CreateTableCommand({ TableName, ...onDemand, AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }));
}

export const SCAN_ITEMS = 10_000;
export const QUERY_PARTITION = 100;

export async function seed(ddb: DynamoDBClient): Promise<void> {
  await hashTable(ddb, 'bench-kv');
  await hashTable(ddb, 'bench-scan');
  await hashTable(ddb, 'bench-load');
  await ddb.send(new CreateTableCommand({
    TableName: 'bench-query', ...onDemand,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  await ddb.send(new PutItemCommand({ TableName: 'bench-kv', Item: { id: { S: 'k' }, data: { S: 'x'.repeat(1024) } } }));
  const write = (TableName: string, items: Record<string, unknown>[]) => ddb.send(new BatchWriteItemCommand({
    RequestItems: { [TableName]: items.map((Item) => ({ PutRequest: { Item: Item as never } })) },
  }));
  for (let i = 0; i < QUERY_PARTITION; i += 25) {
    await write('bench-query', Array.from({ length: 25 }, (_, j) => ({ pk: { S: 'p' }, sk: { N: String(i + j) }, v: { S: 'y'.repeat(100) } })));
  }
  for (let i = 0; i < SCAN_ITEMS; i += 25) {
    await write('bench-scan', Array.from({ length: 25 }, (_, j) => ({ id: { S: `item-${String(i + j).padStart(5, '0')}` }, n: { N: String(i + j) }, v: { S: 'z'.repeat(16) } })));
  }
}

/** The body of BatchWriteItem number `n` of a load: 25 new items of about 100 bytes. */
export function loadBody(n: number): string {
  const requests = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { id: { S: `load-${n}-${j}` }, n: { N: String(n * 25 + j) }, v: { S: 'w'.repeat(64) } } } }));
  return JSON.stringify({ RequestItems: { 'bench-load': requests } });
}
