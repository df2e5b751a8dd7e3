/**
 * Reads of a local secondary index that fetch from the table, and filters on attributes an index
 * does not project, against what AWS documents and answered:
 *   - capacity: the index read (its entries summed, rounded up to 4 KB) on the index, plus a read of
 *     each fetched table item, each item rounded up to 4 KB on its own, on the table
 *     (awsdocs/amazon-dynamodb-developer-guide doc_source/LSI.md "Read capacity units": "you are
 *     charged for read capacity units for every base table item fetched ... each entire item",
 *     "The size of each matching item in the base table, with each item individually rounded up
 *     to the next 4 KB"); the split between the table and the index as AWS reported it for three
 *     fetched items (nubo-db/dynoxide tests/partiql_index_qualifier.rs Q27, real DynamoDB
 *     eu-west-2, 2026-08-15: total 2, table 1.5, lsi 0.5);
 *   - a Query's filter is evaluated on the index entry, so a filter naming an attribute a
 *     non-ALL index does not project is refused on a GSI and an LSI alike, with "Secondary index"
 *     and no Global or Local in front (a Query on a GSI: sensedeep/dynamodb-onetable#377, 2022,
 *     AWS's answer quoted; keyed PartiQL reads of a GSI and of an LSI: dynoxide Q28/Q34,
 *     eu-west-2 2026-08-15, and nubo-db/dynamodb-conformance
 *     tests/tier3/error-messages/partiqlIndexQualifier.test.ts, exact text, eu-west-2), while a Scan
 *     is served and its filter sees the attribute as absent (dynoxide Q7/Q37: an unkeyed read
 *     "matches nothing rather than failing").
 */
import test from 'ava';
import {
  CreateTableCommand, ExecuteStatementCommand, PutItemCommand, QueryCommand, ScanCommand,
  type AttributeValue, type DynamoDBClient, type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const LSI_MD = 'awsdocs/amazon-dynamodb-developer-guide doc_source/LSI.md "Read capacity units"';
const Q = 'nubo-db/dynoxide tests/partiql_index_qualifier.rs (real DynamoDB eu-west-2, 2026-08-15)';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const S = (s: string): AttributeValue => ({ S: s });

/** pk/sk with a KEYS_ONLY and an INCLUDE [p] LSI on x, and a KEYS_ONLY GSI on g. */
async function indexedTable(): Promise<string> {
  const TableName = uniqueTable('lsifetch');
  const lsi = (IndexName: string, Projection: object) => ({ IndexName, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }, { AttributeName: 'x', KeyType: 'RANGE' as const }], Projection });
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'x', 'g'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [lsi('lsi-keys', { ProjectionType: 'KEYS_ONLY' }), lsi('lsi-inc', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['p'] })],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi-keys', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  }));
  return TableName;
}

/** Three items in partition `p` (x1..x3), `q` of `qBytes` characters each. */
async function seed(TableName: string, qBytes = 2): Promise<void> {
  for (const n of [1, 2, 3]) {
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: S('p'), sk: S(`s${n}`), x: S(`x${n}`), g: S('g'), p: S(`p${n}`), q: S('q'.repeat(qBytes)) } }));
  }
}

const inPartition = { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p') } };
const query = (TableName: string, extra: Partial<QueryCommandInput>) =>
  ddb.send(new QueryCommand({ TableName, IndexName: 'lsi-keys', ...inPartition, ReturnConsumedCapacity: 'INDEXES', ...extra }));

test(`an LSI Query that fetches charges the index read on the index and each fetched item on the table (${LSI_MD}; ${Q} Q27)`, async (t) => {
  const TableName = await indexedTable();
  await seed(TableName);
  // Q27: three small items fetched, eventually consistent: index 0.5, table 3 x 0.5.
  const projected = await query(TableName, { ProjectionExpression: 'q' });
  t.is(projected.Count, 3);
  t.deepEqual(projected.ConsumedCapacity, { TableName, CapacityUnits: 2, Table: { CapacityUnits: 1.5 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
  // Select ALL_ATTRIBUTES fetches the same way; strongly consistent, each read counts whole.
  const all = await query(TableName, { Select: 'ALL_ATTRIBUTES', ConsistentRead: true });
  t.deepEqual(all.ConsumedCapacity, { TableName, CapacityUnits: 4, Table: { CapacityUnits: 3 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 1 } } });
  t.deepEqual(all.Items?.map((i) => i['q']), [S('qq'), S('qq'), S('qq')]);
  // TOTAL answers the same sum.
  t.deepEqual((await query(TableName, { ProjectionExpression: 'q', ReturnConsumedCapacity: 'TOTAL' })).ConsumedCapacity, { TableName, CapacityUnits: 2 });
  // A read of projected attributes alone touches no table item (Q27's control).
  t.deepEqual((await query(TableName, { ProjectionExpression: 'sk, x' })).ConsumedCapacity,
    { TableName, CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
});

test(`each fetched item is rounded up to 4 KB on its own, the index entries together (${LSI_MD}, its 300-byte example)`, async (t) => {
  const TableName = await indexedTable();
  // Items of ~5,000 bytes: 2 units each, strongly consistent; their tiny index entries: 1 unit.
  await seed(TableName, 5000);
  const all = await query(TableName, { Select: 'ALL_ATTRIBUTES', ConsistentRead: true });
  t.deepEqual(all.ConsumedCapacity, { TableName, CapacityUnits: 7, Table: { CapacityUnits: 6 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 1 } } });
  // A Scan of the LSI that fetches is charged the same way (API_Scan, Select).
  const scanned = await ddb.send(new ScanCommand({ TableName, IndexName: 'lsi-keys', Select: 'ALL_ATTRIBUTES', ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(scanned.ConsumedCapacity, { TableName, CapacityUnits: 3.5, Table: { CapacityUnits: 3 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
});

test(`only the items the filter keeps are fetched ("each matching item", ${LSI_MD})`, async (t) => {
  const TableName = await indexedTable();
  await seed(TableName, 5000);
  // lsi-inc projects p, so the filter runs on the index entry; one of three items matches.
  const kept = await ddb.send(new QueryCommand({
    TableName, IndexName: 'lsi-inc', ...inPartition, ExpressionAttributeValues: { ':p': S('p'), ':v': S('p2') },
    FilterExpression: 'p = :v', Select: 'ALL_ATTRIBUTES', ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES',
  }));
  t.is(kept.Count, 1);
  t.is(kept.ScannedCount, 3);
  t.deepEqual(kept.ConsumedCapacity, { TableName, CapacityUnits: 3, Table: { CapacityUnits: 2 }, LocalSecondaryIndexes: { 'lsi-inc': { CapacityUnits: 1 } } });
});

const NOT_PROJECTED = (index: string, names: string) => `One or more parameter values were invalid: Secondary index ${index} does not project one or more filter attributes: [${names}]`;

test('a Query filter naming an attribute the index does not project is refused, GSI and LSI alike (sensedeep/dynamodb-onetable#377, 2022; dynoxide Q28/Q34)', async (t) => {
  const TableName = await indexedTable();
  await seed(TableName);
  const filterOnQ = { FilterExpression: 'q = :q', ExpressionAttributeValues: { ':p': S('p'), ':q': S('qq') } };
  // A GSI never fetches.
  const gsi = await ddbErrorOf(ddb.send(new QueryCommand({ TableName, IndexName: 'gsi-keys', KeyConditionExpression: 'g = :g', FilterExpression: 'q = :q', ExpressionAttributeValues: { ':g': S('g'), ':q': S('qq') } })));
  t.is(gsi.name, 'ValidationException');
  t.is(gsi.message, NOT_PROJECTED('gsi-keys', 'q'));
  // An LSI read of its projection (Select ALL_PROJECTED_ATTRIBUTES, the default).
  const lsi = await ddbErrorOf(query(TableName, filterOnQ));
  t.is(lsi.message, NOT_PROJECTED('lsi-keys', 'q'));
  // An LSI read that fetches: the filter still runs on the index entry, before the fetch (the
  // docs fetch for Select and ProjectionExpression only, and fetch "each matching item").
  t.is((await ddbErrorOf(query(TableName, { ...filterOnQ, Select: 'ALL_ATTRIBUTES' }))).message, NOT_PROJECTED('lsi-keys', 'q'));
  // Every unprojected name, once each, sorted (DynamoDB Local's validateQueryFilterAndFilterExprOnIndex sorts them).
  const two = await ddbErrorOf(query(TableName, { FilterExpression: 'attribute_exists(#z) OR q = :q OR q = :q', ExpressionAttributeNames: { '#z': 'zz' }, ExpressionAttributeValues: { ':p': S('p'), ':q': S('qq') } }));
  t.is(two.message, NOT_PROJECTED('lsi-keys', 'q, zz'));
  // The legacy QueryFilter is held to the same rule.
  const legacy = await ddbErrorOf(ddb.send(new QueryCommand({ TableName, IndexName: 'lsi-keys', KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [S('p')] } }, QueryFilter: { q: { ComparisonOperator: 'EQ', AttributeValueList: [S('qq')] } } })));
  t.is(legacy.message, NOT_PROJECTED('lsi-keys', 'q'));
  // What the index does project may be filtered on: p on lsi-inc, the table's sort key anywhere.
  const included = await ddb.send(new QueryCommand({ TableName, IndexName: 'lsi-inc', ...inPartition, ExpressionAttributeValues: { ':p': S('p'), ':v': S('p1') }, FilterExpression: 'p = :v' }));
  t.is(included.Count, 1);
  const bySk = await query(TableName, { FilterExpression: 'sk = :s', ExpressionAttributeValues: { ':p': S('p'), ':s': S('s2') } });
  t.is(bySk.Count, 1);
});

test(`a Scan of an index with such a filter is served, the attribute absent (${Q} Q7, Q37)`, async (t) => {
  const TableName = await indexedTable();
  await seed(TableName);
  for (const IndexName of ['gsi-keys', 'lsi-keys']) {
    const out = await ddb.send(new ScanCommand({ TableName, IndexName, FilterExpression: 'q = :q', ExpressionAttributeValues: { ':q': S('qq') } }));
    t.is(out.Count, 0, IndexName);
    t.is(out.ScannedCount, 3, IndexName);
  }
});

test(`PartiQL: a keyed SELECT on an LSI is held to the filter rule; a listed unprojected attribute is fetched and charged (${Q} Q27, Q28)`, async (t) => {
  const TableName = await indexedTable();
  await seed(TableName);
  const refused = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}"."lsi-keys" WHERE pk = 'p' AND q = 'qq'` })));
  t.is(refused.name, 'ValidationException');
  t.is(refused.message, NOT_PROJECTED('lsi-keys', 'q'));
  const fetched = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT q FROM "${TableName}"."lsi-keys" WHERE pk = 'p'`, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(fetched.Items, [{ q: S('qq') }, { q: S('qq') }, { q: S('qq') }]);
  t.deepEqual(fetched.ConsumedCapacity, { TableName, CapacityUnits: 2, Table: { CapacityUnits: 1.5 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
  // Listing only what the index projects reaches no table item.
  const local = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, x FROM "${TableName}"."lsi-keys" WHERE pk = 'p'`, ReturnConsumedCapacity: 'INDEXES' }));
  t.is(local.Items?.length, 3);
  t.deepEqual(local.ConsumedCapacity, { TableName, CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
  // Unkeyed, the statement is a Scan: served, matching nothing (Q37).
  const scanned = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}"."lsi-keys" WHERE q = 'qq'` }));
  t.deepEqual(scanned.Items, []);
});

test(`PartiQL: a read keyed through IN is refused, one reached through OR is served (${Q} R11, R12)`, async (t) => {
  const TableName = await indexedTable();
  await seed(TableName);
  // R12: an IN on the index partition key counts as keyed.
  const keyedIn = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}"."gsi-keys" WHERE g IN ['g', 'h'] AND q = 'qq'` })));
  t.is(keyedIn.message, NOT_PROJECTED('gsi-keys', 'q'));
  // R11: the index key reached through OR does not.
  const viaOr = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}"."gsi-keys" WHERE (g = 'g' AND q = 'qq') OR g = 'h'` }));
  t.deepEqual(viaOr.Items, []);
});

test(`a page that fetches holds at most 1 MB counting each fetched item rounded up to 4 KB (${LSI_MD}: "the result size is the sum of ...")`, async (t) => {
  const TableName = await indexedTable();
  // 300 items whose lsi-keys entries are 14 bytes (pk p, sk sNNN, x xNNN): after j entries the
  // index part is 4 KB (14 x 292 < 4,096) and the table part 4 KB per item, so 4,096 + 4,096 j
  // reaches 1 MB at j = 255.
  const items = Array.from({ length: 300 }, (_, i) => String(i).padStart(3, '0'));
  for (const n of items) await ddb.send(new PutItemCommand({ TableName, Item: { pk: S('p'), sk: S(`s${n}`), x: S(`x${n}`) } }));
  const first = await query(TableName, { Select: 'ALL_ATTRIBUTES' });
  t.is(first.Count, 255);
  t.is(first.ScannedCount, 255);
  t.deepEqual(first.LastEvaluatedKey, { pk: S('p'), sk: S('s254'), x: S('x254') });
  // The index read of 255 entries (3,570 bytes) and 255 fetched items, eventually consistent.
  t.deepEqual(first.ConsumedCapacity, { TableName, CapacityUnits: 128, Table: { CapacityUnits: 127.5 }, LocalSecondaryIndexes: { 'lsi-keys': { CapacityUnits: 0.5 } } });
  const second = await query(TableName, { Select: 'ALL_ATTRIBUTES', ExclusiveStartKey: first.LastEvaluatedKey });
  t.is(second.Count, 45);
  t.is(second.LastEvaluatedKey, undefined);
  // Without a fetch the same partition is one page.
  const local = await query(TableName, {});
  t.is(local.Count, 300);
  t.is(local.LastEvaluatedKey, undefined);
});
