/**
 * PartiQL ConsumedCapacity as AWS answered it, read by read and write by write.
 *
 * Source of every row (unless it names another file): radkawar/stackd testdata/aws/dynamodb/partiql_capacity.json, recorded against
 * AWS DynamoDB us-east-1 on 2026-09-17 (cited as `seq N`): its `nativeFacts` summarise the calls
 * they name. Its table: pk S, sk S, a KEYS_ONLY GSI `by-g` on g. The items here are rebuilt to the
 * exact byte sizes those facts state (attribute names plus values, the DynamoDB item-size rule),
 * so each row checks AWS's rounding on the same sizes.
 */
import test from 'ava';
import { BatchExecuteStatementCommand, CreateTableCommand, ExecuteStatementCommand, ExecuteTransactionCommand, PutItemCommand, type AttributeValue, type DynamoDBClient, type ExecuteStatementCommandInput } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const T = uniqueTable('pqcap');
const W = uniqueTable('pqcapw');

/** An item of exactly `bytes` bytes: 'pk' + pk + 'sk' + sk + 'payload' + the payload. */
const sized = (pk: string, sk: string, bytes: number): Record<string, AttributeValue> =>
  ({ pk: { S: pk }, sk: { S: sk }, payload: { S: 'x'.repeat(bytes - (2 + pk.length + 2 + sk.length + 7)) } });

const POINT_SIZES = [1023, 1024, 1025, 4095, 4096, 4097];
// Partition A: six items, 15360 bytes in all, whose point reads would sum to 7 units (seq 32-41).
const A_SIZES = [1024, 1024, 2100, 2100, 4096, 5016];

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  for (const TableName of [T, W]) {
    await ddb.send(new CreateTableCommand({
      TableName, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    }));
  }
  for (const size of POINT_SIZES) await ddb.send(new PutItemCommand({ TableName: T, Item: sized('P', `s${size}`, size) }));
  for (const [i, size] of A_SIZES.entries()) await ddb.send(new PutItemCommand({ TableName: T, Item: sized('A', `0${i + 1}`, size) }));
  for (const sk of ['01', '02']) await ddb.send(new PutItemCommand({ TableName: T, Item: sized('B', sk, 1500) }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const units = async (Statement: string, extra: Partial<ExecuteStatementCommandInput> = {}): Promise<number | undefined> =>
  (await ddb.send(new ExecuteStatementCommand({ Statement, ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true, ...extra }))).ConsumedCapacity?.CapacityUnits;

test('a full-key SELECT costs its item rounded up to 4 KB; a missing item one unit, half eventually (seq 20-31)', async (t) => {
  const got = [];
  for (const size of POINT_SIZES) got.push(await units(`SELECT * FROM "${T}" WHERE pk='P' AND sk='s${size}'`));
  t.deepEqual(got, [1, 1, 1, 1, 1, 2], 'seq 20-25: 1023/1024/1025/4095/4096/4097 bytes');
  t.is(await units(`SELECT pk FROM "${T}" WHERE pk='P' AND sk='s4097'`), 2, 'seq 26: projecting pk reads the whole item');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='P' AND sk='s4097' AND payload='nope'`), 2, 'seq 27: a filter that drops the item still pays for it');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='P' AND sk='s4097'`, { ConsistentRead: false }), 1, 'seq 28: eventual');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='P' AND sk='missing'`), 1, 'seq 29: missing full key, strong');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='P' AND sk='missing'`, { ConsistentRead: false }), 0.5, 'seq 30: missing full key, eventual');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='nothing'`), 1, 'seq 31: missing partition, strong');
});

test('a partition SELECT costs its bytes rounded once, whatever it projects or filters (seq 32-41, 61-62)', async (t) => {
  const A = `SELECT * FROM "${T}" WHERE pk='A'`;
  t.is(await units(A), 4, 'seq 32: 15360 bytes, not the 7 of six point reads');
  t.is(await units(`SELECT pk, sk FROM "${T}" WHERE pk='A'`), 4, 'seq 33: projection');
  t.is(await units(`${A} AND payload <> 'y'`), 4, 'seq 34: filter-some');
  t.is(await units(`${A} AND payload = 'y'`), 4, 'seq 35: filter-none');
  t.is(await units(A, { ConsistentRead: false }), 2, 'seq 36: eventual halves it');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='B'`), 1, 'seq 37: two 1500-byte items');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk='B'`, { ConsistentRead: false }), 0.5, 'seq 38: eventual');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk IN ['A','B']`), 5, 'seq 61: IN across A and B');
  t.is(await units(`SELECT * FROM "${T}" WHERE pk IN ['A','B'] AND sk='01'`), 2, 'seq 62: IN across their sk=01 full keys');
});

test('partition A by Limit 2: each page costs its own bytes, the last ends the read (seq 47-55)', async (t) => {
  // "A with Limit=2 returned three actual NextToken pages costing strong 1, 2, 3. Full items,
  // projected keys and fully filtered empty results each had that same page cost sequence": the
  // page on A's last item is the last (B follows A in the table: partiql/page-end.ts).
  const chain = async (Statement: string): Promise<string[]> => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await ddb.send(new ExecuteStatementCommand({ Statement, Limit: 2, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL', ...(token && { NextToken: token }) }));
      token = page.NextToken;
      out.push(`${page.Items?.length} ${page.ConsumedCapacity?.CapacityUnits}${token ? ' NT' : ''}${page.LastEvaluatedKey ? ' LEK' : ''}`);
    } while (token !== undefined && out.length < 6);
    return out;
  };
  t.deepEqual(await chain(`SELECT * FROM "${T}" WHERE pk='A'`), ['2 1 NT LEK', '2 2 NT LEK', '2 3'], 'seq 47-49 full items');
  t.deepEqual(await chain(`SELECT pk, sk FROM "${T}" WHERE pk='A'`), ['2 1 NT LEK', '2 2 NT LEK', '2 3'], 'projected keys');
  t.deepEqual(await chain(`SELECT * FROM "${T}" WHERE pk='A' AND payload = 'y'`), ['0 1 NT LEK', '0 2 NT LEK', '0 3'], 'fully filtered');
});

test('batch and transaction reads: one ConsumedCapacity entry per table (seq 82-84)', async (t) => {
  const keys = ['s1023', 's4097', 'missing'].map((sk) => ({ Statement: `SELECT pk FROM "${T}" WHERE pk='P' AND sk='${sk}'` }));
  const strong = await ddb.send(new BatchExecuteStatementCommand({ Statements: keys.map((s) => ({ ...s, ConsistentRead: true })), ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(strong.ConsumedCapacity, [{ TableName: T, CapacityUnits: 4, Table: { CapacityUnits: 4 } }], 'seq 82: strong 1 + 2 + 1');
  t.deepEqual(strong.Responses?.map((r) => Object.keys(r).sort().join()), ['Item,TableName', 'Item,TableName', 'TableName'], 'seq 82: a missing item answers its TableName alone');
  const eventual = await ddb.send(new BatchExecuteStatementCommand({ Statements: keys.map((s) => ({ ...s, ConsistentRead: false })), ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(eventual.ConsumedCapacity, [{ TableName: T, CapacityUnits: 2, Table: { CapacityUnits: 2 } }], 'seq 83: eventual 0.5 + 1 + 0.5');
  const tx = await ddb.send(new ExecuteTransactionCommand({ TransactStatements: keys, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(tx.ConsumedCapacity?.map((c) => [c.TableName, c.CapacityUnits, c.Table?.CapacityUnits]), [[T, 8, 8]], 'seq 84: transactional reads cost twice');
  t.deepEqual(tx.Responses?.map((r) => Object.keys(r).join()), ['Item', 'Item', ''], 'seq 84');
});

test('INSERT VALUE ? is refused: AWS wants the struct form (seq 85-86, 92, 94)', async (t) => {
  const M = { M: { pk: { S: 'W' }, sk: { S: '01' }, payload: { S: 'x' } } };
  const message = 'Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:';
  const insert = `INSERT INTO "${T}" VALUE ?`;
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: insert, Parameters: [M], ReturnConsumedCapacity: 'INDEXES' })));
  // AWS's column is 60 for its table name of 38 characters: 22 plus the name's length.
  t.is(`${err.name}: ${err.message}`, `ValidationException: ${message}${22 + T.length}:1`, 'seq 85');
  const batch = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: insert, Parameters: [M] }], ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(batch.Responses, [{ Error: { Code: 'ValidationError', Message: `${message}${22 + T.length}:1` } }], 'seq 92: the slot carries no TableName');
});

test.serial('BatchExecuteStatement writes on missing items (seq 93-94)', async (t) => {
  const out = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [
      { Statement: `UPDATE "${W}" SET payload='x' WHERE pk='BW' AND sk='01' RETURNING ALL OLD *` },
      { Statement: `DELETE FROM "${W}" WHERE pk='BW' AND sk='02' RETURNING ALL OLD *` },
    ],
    ReturnConsumedCapacity: 'INDEXES',
  }));
  t.deepEqual(out.Responses, [{ Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, TableName: W }, { TableName: W }], 'seq 93: an UPDATE needs its item; a DELETE does not');
  // The UPDATE refused on a missing item costs 1 unit, in the total only (partiql/failed-write-units.ts).
  t.deepEqual(out.ConsumedCapacity, [{ TableName: W, CapacityUnits: 2, Table: { CapacityUnits: 1 } }], 'seq 93: 1 + 1, the table part 1');
  const failed = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [{ Statement: `UPDATE "${W}" SET payload='bad' WHERE pk='BW' AND sk='01' AND payload='never'`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }],
    ReturnConsumedCapacity: 'INDEXES',
  }));
  t.deepEqual(failed.Responses, [{ Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, TableName: W }], 'seq 94: no Item for a missing one');
  t.is(failed.ConsumedCapacity, undefined, 'seq 94: every statement failed, no ConsumedCapacity');
});

test.serial('writes cost the larger of the old and new item per KB (seq 109-115)', async (t) => {
  const item = (bytes: number): string => `{'pk': 'w', 'sk': '1', 'payload': '${'x'.repeat(bytes - 13)}'}`;
  t.is(await units(`INSERT INTO "${W}" VALUE ${item(1024)}`), 1, 'seq 110: 1024-byte INSERT');
  const grow = await ddb.send(new ExecuteStatementCommand({ Statement: `UPDATE "${W}" SET payload='${'x'.repeat(4097 - 13)}' WHERE pk='w' AND sk='1' RETURNING ALL NEW *`, ReturnConsumedCapacity: 'TOTAL' }));
  t.is(grow.ConsumedCapacity?.CapacityUnits, 5, 'seq 111: grow to 4097 bytes');
  t.is(grow.Items?.length, 1, 'seq 111: RETURNING answers the item');
  t.is(await units(`UPDATE "${W}" SET payload='${'x'.repeat(1023 - 13)}' WHERE pk='w' AND sk='1' RETURNING ALL OLD *`, { ConsistentRead: undefined }), 5, 'seq 112: shrink from 4097 bytes');
  t.is(await units(`DELETE FROM "${W}" WHERE pk='w' AND sk='1' RETURNING ALL OLD *`, { ConsistentRead: undefined }), 1, 'seq 113: delete a 1023-byte item');
  t.is(await units(`DELETE FROM "${W}" WHERE pk='w' AND sk='1'`, { ConsistentRead: undefined }), 1, 'seq 114: deleting again');
});

test.serial('batch and transaction writes (seq 116-121)', async (t) => {
  const insert = (sk: string, bytes: number): { Statement: string } => ({ Statement: `INSERT INTO "${W}" VALUE {'pk': 'b', 'sk': '${sk}', 'payload': '${'x'.repeat(bytes - 12 - sk.length)}'}` });
  const batch = await ddb.send(new BatchExecuteStatementCommand({ Statements: [insert('1', 1024), insert('2', 1025)], ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(batch.ConsumedCapacity, [{ TableName: W, CapacityUnits: 3 }], 'seq 116: 1 + 2');
  // seq 118: an UPDATE refused on a 1-unit item {pk, sk, payload: 'x'} beside a 1025-byte INSERT:
  // "aggregate CapacityUnits=3 but Table.CapacityUnits=2" (the capture's nativeFacts).
  await ddb.send(new PutItemCommand({ TableName: W, Item: { pk: { S: 'BW' }, sk: { S: '01' }, payload: { S: 'x' } } }));
  const partial = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [
      { Statement: `UPDATE "${W}" SET payload='bad' WHERE pk='BW' AND sk='01' AND payload='never'`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
      insert('5', 1025),
    ],
    ReturnConsumedCapacity: 'INDEXES',
  }));
  t.deepEqual(partial.Responses?.map((r) => r.Error?.Item), [{ pk: { S: 'BW' }, sk: { S: '01' }, payload: { S: 'x' } }, undefined], 'seq 118: the old item');
  t.deepEqual(partial.ConsumedCapacity, [{ TableName: W, CapacityUnits: 3, Table: { CapacityUnits: 2 } }], 'seq 118: 1 + 2, the table part 2');
  const tx = await ddb.send(new ExecuteTransactionCommand({ TransactStatements: [insert('3', 1024), insert('4', 1025)], ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(tx.ConsumedCapacity?.map((c) => [c.TableName, c.CapacityUnits]), [[W, 6]], 'seq 119: transactional writes cost twice');
});

// ExecuteTransaction passes on what TransactGetItems / TransactWriteItems answer.
test('ExecuteTransaction names its units ReadCapacityUnits / WriteCapacityUnits too (seq 84, 119)', async (t) => {
  const read = await ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT pk FROM "${T}" WHERE pk='P' AND sk='s1023'` }], ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(read.ConsumedCapacity, [{ TableName: T, CapacityUnits: 2, ReadCapacityUnits: 2, Table: { ReadCapacityUnits: 2, CapacityUnits: 2 } }], 'seq 84 shape');
  const write = await ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `INSERT INTO "${W}" VALUE {'pk': 'f', 'sk': '1'}` }], ReturnConsumedCapacity: 'TOTAL' }));
  t.is(write.ConsumedCapacity?.[0]?.WriteCapacityUnits, 2, 'seq 119: "6 WriteCapacityUnits"');
});

// radkawar/stackd testdata/aws/dynamodb/partiql_key_ordering.json (2026-09-17): one partition 'order'
// (pk S, sk N), payloads of 1000, 2000, 8000 and 12000 bytes at sk 10, 20, 30, 40.
async function orderPartition(prefix: string): Promise<string> {
  const O = uniqueTable(prefix);
  await ddb.send(new CreateTableCommand({
    TableName: O, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  for (const [sk, bytes, flag] of [['10', 1000, 'yes'], ['20', 2000, 'no'], ['30', 8000, 'yes'], ['40', 12000, 'no']] as const) {
    await ddb.send(new PutItemCommand({ TableName: O, Item: { pk: { S: 'order' }, sk: { N: sk }, payload: { S: 'x'.repeat(bytes) }, flag: { S: flag } } }));
  }
  return O;
}

test('one partition under ORDER BY, Limit 1: each page costs its item (partiql_key_ordering.json seq 11-12, 101-102)', async (t) => {
  const O = await orderPartition('pqko');
  const page = async (select: string, order: string, NextToken?: string): Promise<[string, boolean, string | undefined, number | undefined, string | undefined]> => {
    const out = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT ${select} FROM "${O}" WHERE pk='order' ORDER BY sk ${order}`, ConsistentRead: true, Limit: 1, ReturnConsumedCapacity: 'INDEXES', ...(NextToken && { NextToken }) }));
    return [(out.Items ?? []).map((i) => i.sk!.N).join(), out.NextToken !== undefined, out.LastEvaluatedKey?.sk?.N, out.ConsumedCapacity?.CapacityUnits, out.NextToken];
  };
  const first = await page('*', 'ASC');
  t.deepEqual(first.slice(0, 4), ['10', true, '10', 1], 'seq 11 order-asc-limit1-full-page-1');
  t.deepEqual((await page('*', 'ASC', first[4])).slice(0, 4), ['20', true, '20', 1], 'seq 12 order-asc-limit1-full-page-2');
  t.deepEqual((await page('sk', 'ASC')).slice(0, 4), ['10', true, '10', 1], 'seq 101 projection-sort-only-asc');
  t.deepEqual((await page('sk', 'DESC')).slice(0, 4), ['40', true, '40', 3], 'seq 102 projection-sort-only-desc');
});

// radkawar/stackd testdata/aws/dynamodb/partiql_pagination.json (2026-09-17): items A/01..A/04 and
// B/01..B/03 (pk, sk S) with n, payload 'A-n', and a GSI by-gp-gs on gp 'shared', gs '0<5-n>-<pk>'.
test('a GSI SELECT pages by Limit, its LastEvaluatedKey naming both keys (partiql_pagination.json seq 65-71)', async (t) => {
  const G = uniqueTable('pqgsi');
  await ddb.send(new CreateTableCommand({
    TableName: G, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'gp', 'gs'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-gp-gs', KeySchema: [{ AttributeName: 'gp', KeyType: 'HASH' }, { AttributeName: 'gs', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  for (const [pk, count] of [['A', 4], ['B', 3]] as const) {
    for (let n = 1; n <= count; n++) {
      await ddb.send(new PutItemCommand({ TableName: G, Item: { pk: { S: pk }, sk: { S: `0${n}` }, n: { N: `${n}` }, payload: { S: `${pk}-${n}` }, gp: { S: 'shared' }, gs: { S: `0${5 - n}-${pk}` } } }));
    }
  }
  const pages = async (select: string): Promise<string[]> => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT ${select} FROM "${G}"."by-gp-gs" WHERE gp=?`, Parameters: [{ S: 'shared' }], Limit: 2, ...(token && { NextToken: token }) }));
      token = page.NextToken;
      const lek = page.LastEvaluatedKey && ['pk', 'sk', 'gp', 'gs'].map((k) => page.LastEvaluatedKey![k]?.S).join('/');
      out.push(`${(page.Items ?? []).map((i) => i.payload?.S ?? i.gs?.S).join(',')} | ${token !== undefined ? 'NT ' : ''}${lek ?? ''}`);
    } while (token !== undefined && out.length < 8);
    return out;
  };
  t.deepEqual(await pages('n, payload'), ['A-4,A-3 | NT A/03/shared/02-A', 'B-3,A-2 | NT A/02/shared/03-A', 'B-2,A-1 | NT A/01/shared/04-A', 'B-1 | '], 'seq 65-68 gsi_excludes_all_keys');
  t.deepEqual((await pages('gp, gs')).slice(0, 3), ['01-A,02-A | NT A/03/shared/02-A', '02-B,03-A | NT A/02/shared/03-A', '03-B,04-A | NT A/01/shared/04-A'], 'seq 69-71 gsi_projects_index_keys');
});

// radkawar/stackd testdata/aws/dynamodb/partiql_pagination.json (2026-09-17): partition A holds sk
// 01..04 (pk, sk S) with n 1..4, partition B sk 01..03.
/** A new table holding partitions A and B, and its Limit-1 pages for partition A for a WHERE: "items | NT? LEK?" each. */
async function partitionAPages(prefix: string): Promise<(where: string, Parameters: AttributeValue[]) => Promise<string[]>> {
  const P = uniqueTable(prefix);
  await ddb.send(new CreateTableCommand({
    TableName: P, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  // Partition B too, as in the captured table: A's end is seen by the item after it (partiql/page-end.ts).
  for (const [pk, count] of [['A', 4], ['B', 3]] as const) {
    for (let n = 1; n <= count; n++) await ddb.send(new PutItemCommand({ TableName: P, Item: { pk: { S: pk }, sk: { S: `0${n}` }, n: { N: `${n}` }, payload: { S: `${pk}-${n}` } } }));
  }
  const pages = async (where: string, Parameters: AttributeValue[]): Promise<string[]> => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, sk, n FROM "${P}" WHERE ${where}`, Parameters, Limit: 1, ConsistentRead: true, ...(token && { NextToken: token }) }));
      token = page.NextToken;
      out.push(`${(page.Items ?? []).map((i) => i.sk!.S).join(',')} |${token !== undefined ? ' NT' : ''}${page.LastEvaluatedKey ? ` LEK ${page.LastEvaluatedKey.sk!.S}` : ''}`);
    } while (token !== undefined && out.length < 8);
    return out;
  };
  return pages;
}

test('one partition, Limit 1: a point read, descending pages (partiql_pagination.json seq 34-39)', async (t) => {
  const pages = await partitionAPages('pqpg');
  const A = { S: 'A' };
  t.deepEqual(await pages('pk=? AND sk=?', [A, { S: '01' }]), ['01 | LEK 01'], 'seq 34 point_key_limit_one: a LastEvaluatedKey, no NextToken');
  // Descending, A's first item is the table's first: nothing before it, so both fields stay and an empty page follows.
  t.deepEqual(await pages('pk=? ORDER BY sk DESC', [A]), ['04 | NT LEK 04', '03 | NT LEK 03', '02 | NT LEK 02', '01 | NT LEK 01', ' |'], 'seq 35-39 partition_descending');
});

test('one partition, Limit 1: a filtered ascending read ends on its last item (partiql_pagination.json seq 26-33)', async (t) => {
  const pages = await partitionAPages('pqpf');
  const A = { S: 'A' };
  t.deepEqual(await pages('pk=? AND n >= ?', [A, { N: '3' }]), [' | NT LEK 01', ' | NT LEK 02', '03 | NT LEK 03', '04 |'], 'seq 26-29 filter_some_empty: the last item ends it');
  t.deepEqual(await pages('pk=? AND n > ?', [A, { N: '100' }]), [' | NT LEK 01', ' | NT LEK 02', ' | NT LEK 03', ' |'], 'seq 30-33 filter_all_empty');
});

// radkawar/stackd testdata/aws/dynamodb/partiql_key_ordering.json (2026-09-17): the table's one
// partition 'order' (pk S, sk N), payloads of 1000, 2000, 8000 and 12000 bytes at sk 10..40, flag
// 'yes' on 10 and 30. Every strongly consistent chain ended on its last item without NextToken
// or LastEvaluatedKey, either way (partiql/page-end.ts: the partition is the table's only one).
test('one partition alone in its table: each chain ends with its last item (partiql_key_ordering.json seq 11-31)', async (t) => {
  const O = await orderPartition('pqkoend');
  const chain = async (select: string, where: string, Limit: number, ConsistentRead = true): Promise<string[]> => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT ${select} FROM "${O}" WHERE pk='order'${where}`, Limit, ConsistentRead, ReturnConsumedCapacity: 'INDEXES', ...(token && { NextToken: token }) }));
      token = page.NextToken;
      const marks = [token !== undefined && 'NT', page.LastEvaluatedKey !== undefined && 'LEK', `${page.ConsumedCapacity?.CapacityUnits}`].filter(Boolean).join(' ');
      out.push(`${(page.Items ?? []).map((i) => i.sk!.N).join(',')} | ${marks}`);
    } while (token !== undefined && out.length < 8);
    return out;
  };
  t.deepEqual(await chain('*', ' ORDER BY sk ASC', 1), ['10 | NT LEK 1', '20 | NT LEK 1', '30 | NT LEK 2', '40 | 3'], 'seq 11-14 order-asc-limit1-full');
  t.deepEqual(await chain('pk, sk', ' ORDER BY sk ASC', 2), ['10,20 | NT LEK 1', '30,40 | 5'], 'seq 15-16 order-asc-limit2-projected');
  t.deepEqual(await chain('pk, sk', ` AND flag='never' ORDER BY sk ASC`, 2), [' | NT LEK 1', ' | 5'], 'seq 17-18 order-asc-limit2-filter-empty');
  t.deepEqual(await chain('*', ' ORDER BY sk DESC', 1), ['40 | NT LEK 3', '30 | NT LEK 2', '20 | NT LEK 1', '10 | 1'], 'seq 19-22 order-desc-limit1-full');
  t.deepEqual(await chain('pk, sk', ' ORDER BY sk DESC', 2), ['40,30 | NT LEK 5', '20,10 | 1'], 'seq 23-24 order-desc-limit2-projected');
  t.deepEqual(await chain('pk, sk', ` AND flag='never' ORDER BY sk DESC`, 2), [' | NT LEK 5', ' | 1'], 'seq 25-26 order-desc-limit2-filter-empty');
  t.deepEqual(await chain('pk, sk', ` AND flag='yes' ORDER BY sk DESC`, 1), [' | NT LEK 3', '30 | NT LEK 2', ' | NT LEK 1', '10 | 1'], 'seq 27-30 order-desc-limit1-filter-some');
  // Eventually consistent, AWS kept both fields on '20,10 | 0.5' and answered an empty page (seq
  // 32-33); boltstack ends there as for a strong read. Pinned: the first page.
  t.is((await chain('pk, sk', ' ORDER BY sk DESC', 2, false))[0], '40,30 | NT LEK 2.5', 'seq 31 order-desc-limit2-projected-eventual');
});

// partiql_capacity.json seq 76-78 (2026-09-17): its table's LSI by-l (pk, l; INCLUDE flag), items
// A/01..A/06 with l equal to sk, and partition B after A.
test('an LSI read pages by Limit, its LastEvaluatedKey naming the index key; A\'s last item ends it (partiql_capacity.json seq 76-78)', async (t) => {
  const L = uniqueTable('pqlsi');
  await ddb.send(new CreateTableCommand({
    TableName: L, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'l'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [{ IndexName: 'by-l', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['flag'] } }],
  }));
  for (const [pk, count] of [['A', 6], ['B', 2]] as const) {
    for (let n = 1; n <= count; n++) await ddb.send(new PutItemCommand({ TableName: L, Item: { pk: { S: pk }, sk: { S: `0${n}` }, l: { S: `0${n}` }, flag: { S: 'no' }, payload: { S: 'x'.repeat(1000) } } }));
  }
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, sk FROM "${L}"."by-l" WHERE pk='A'`, Limit: 2, ConsistentRead: true, ...(token && { NextToken: token }) }));
    token = page.NextToken;
    const lek = page.LastEvaluatedKey && ['pk', 'sk', 'l'].map((k) => page.LastEvaluatedKey![k]?.S).join('/');
    out.push(`${(page.Items ?? []).map((i) => `${i.pk!.S}/${i.sk!.S}`).join(',')} |${token ? ' NT' : ''}${lek ? ` ${lek}` : ''}`);
  } while (token !== undefined && out.length < 6);
  t.deepEqual(out, ['A/01,A/02 | NT A/02/02', 'A/03,A/04 | NT A/04/04', 'A/05,A/06 |'], 'seq 76-78 by-l-limit2-keys');
});
