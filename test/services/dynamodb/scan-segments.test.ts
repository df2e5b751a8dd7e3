/**
 * A parallel Scan reads its own segment only, as on AWS, where a segment is a part of the table a
 * worker scans ("Segment ... identifies an individual segment to be scanned by an application
 * worker"; Limit is "the maximum number of items to evaluate", ScannedCount "the number of items
 * evaluated": https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html): Limit
 * and ScannedCount count the segment's items, and a page's LastEvaluatedKey lies in it. A start
 * key outside the segment is refused in AWS's words, naming the request's TotalSegments and
 * Segment (scylladb/scylladb#9270: nyh quoting real DynamoDB for test/alternator/test_scan.py
 * test_scan_parallel_with_exclusive_start_key, 2021).
 */
import test from 'ava';
import { PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
const ITEMS = 60;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('segments');
  await createKeyedTable(ddb, TableName, [['p', 'S']]);
  for (let i = 0; i < ITEMS; i++) await ddb.send(new PutItemCommand({ TableName, Item: { p: { S: `k${i}` } } }));
});
test.after.always(async () => { await server?.stop(); });

const TotalSegments = 4;

test('Limit and ScannedCount count the segment\'s own items; each page resumes in the segment', async (t) => {
  const seen: string[] = [];
  for (let Segment = 0; Segment < TotalSegments; Segment++) {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await ddb.send(new ScanCommand({ TableName, TotalSegments, Segment, Limit: 3, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }));
      // Nothing is filtered, so every item evaluated is returned; a page cut by Limit holds 3.
      t.is(page.ScannedCount, page.Count);
      if (page.LastEvaluatedKey) t.is(page.Count, 3);
      seen.push(...page.Items!.map((i) => i['p']!.S!));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  t.is(seen.length, ITEMS);
  t.is(new Set(seen).size, ITEMS);
});

test('a start key from another segment is refused in AWS\'s words (scylladb/scylladb#9270)', async (t) => {
  const first = await ddb.send(new ScanCommand({ TableName, TotalSegments, Segment: 1, Limit: 1 }));
  t.truthy(first.LastEvaluatedKey);
  // Its own segment continues from it.
  t.is((await ddb.send(new ScanCommand({ TableName, TotalSegments, Segment: 1, ExclusiveStartKey: first.LastEvaluatedKey }))).$metadata.httpStatusCode, 200);
  const refused = await ddbErrorOf(ddb.send(new ScanCommand({ TableName, TotalSegments, Segment: 2, ExclusiveStartKey: first.LastEvaluatedKey })));
  t.is(refused.name, 'ValidationException');
  t.is(refused.message, 'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 4 Segment: 2');
  // Without segments (or with one) any start key is taken.
  t.is((await ddb.send(new ScanCommand({ TableName, ExclusiveStartKey: first.LastEvaluatedKey }))).$metadata.httpStatusCode, 200);
  t.is((await ddb.send(new ScanCommand({ TableName, TotalSegments: 1, Segment: 0, ExclusiveStartKey: first.LastEvaluatedKey }))).$metadata.httpStatusCode, 200);
});
