/**
 * A SELECT whose WHERE names its partitions (`pk IN [...]`, `pk = a OR pk = b`), and perhaps its
 * sort-key values (`sk IN [...]`), is one read per partition or per key, with or without ORDER BY.
 * boltstack ran it as a filtered Scan without ORDER BY (a full-table read), and refused a sort-key
 * IN under ORDER BY with the wording AWS uses for a WHERE naming no partition.
 *
 * Sources, beside each row:
 * - STACKD: radkawar/stackd testdata/aws/dynamodb/partiql_ordered_ranges.json, captured from AWS
 *   us-east-1 on 2026-09-17 (table pk S, sk N; partitions a and b with sort keys -2, 2, 10, 20
 *   carrying payloads of 1000, 4200, 8100, 12500 bytes; flag 'yes' on -2 and 10).
 * - STACKD_COMPOUND: radkawar/stackd testdata/aws/dynamodb/partiql_compound_predicates.json (same
 *   table and items, AWS us-east-1, 2026-09-17).
 * - FLOCI_EDGE: floci-io/floci DynamoDbPartiQLEdgeCaseIntegrationTest
 *   .refusesOverlappingKeyConditionsAndMismatchedKeyTypes (AWS eu-west-2, 2026-09-17).
 * - GUIDE: the developer guide's ql-operators.html (IN reads each named partition) and
 *   ql-reference.select.html (a WHERE naming the partition key by equality is not a full scan).
 */
import test from 'ava';
import { CreateTableCommand, type AttributeValue, ExecuteStatementCommand, ExecuteTransactionCommand, PutItemCommand, type DynamoDBClient, type ExecuteStatementCommandInput } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const T = uniqueTable('pqin');
const PAYLOAD: Record<string, number> = { '-2': 1000, '2': 4200, '10': 8100, '20': 12500 };

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  await ddb.send(new CreateTableCommand({
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  for (const pk of ['a', 'b']) {
    for (const [sk, size] of Object.entries(PAYLOAD)) {
      await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: pk }, sk: { N: sk }, payload: { S: 'x'.repeat(size) }, flag: { S: sk === '-2' || sk === '10' ? 'yes' : 'no' } } }));
    }
  }
  // A partition none of the statements names: a full-table read would pay for it.
  for (let i = 0; i < 8; i++) await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'z' }, sk: { N: String(i) }, payload: { S: 'y'.repeat(30_000) } } }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const run = (where: string, extra: Partial<ExecuteStatementCommandInput> = {}) =>
  ddb.send(new ExecuteStatementCommand({ Statement: `SELECT pk, sk FROM "${T}" WHERE ${where}`, ConsistentRead: true, ...extra }));
const keys = (items: Array<Record<string, AttributeValue>> | undefined): string[] => (items ?? []).map((i) => `${i.pk!.S}/${i.sk!.N}`);
const rows = async (where: string, extra: Partial<ExecuteStatementCommandInput> = {}): Promise<string[]> => keys((await run(where, extra)).Items);
const capacity = async (where: string): Promise<number> => (await run(where, { ReturnConsumedCapacity: 'TOTAL' })).ConsumedCapacity!.CapacityUnits!;
const pages = async (where: string, Limit: number): Promise<string[][]> => {
  const out: string[][] = [];
  let token: string | undefined;
  do {
    const page = await run(where, { Limit, ...(token && { NextToken: token }) });
    out.push(keys(page.Items));
    token = page.NextToken;
  } while (token !== undefined && out.length < 10);
  return out;
};
const refusal = async (where: string): Promise<string> => {
  const err = await ddbErrorOf(run(where));
  return `${err.name}: ${err.message}`;
};
const OVERLAP = 'ValidationException: Overlapping conditions with range keys are not supported in where clause';

test('without ORDER BY, IN on the hash key reads only the partitions it names (GUIDE)', async (t) => {
  // The reads are per partition: the statement pays for partitions a and b, as two Queries do,
  // not for the 240 KB of partition z a full-table read meets.
  const perPartition = (await capacity(`pk = 'a'`)) + (await capacity(`pk = 'b'`));
  t.is(await capacity(`pk IN ['b', 'a']`), perPartition);
  t.is(await capacity(`pk = 'b' OR pk = 'a'`), perPartition);
  // Not captured: the order across partitions without ORDER BY. Chosen: the hash-key order the
  // ORDER BY path reads in, each partition's items by sort key as its Query returns them.
  t.deepEqual(await rows(`pk IN ['b', 'a']`), ['a/-2', 'a/2', 'a/10', 'a/20', 'b/-2', 'b/2', 'b/10', 'b/20']);
  t.deepEqual(await rows(`pk IN ['b', 'a'] AND sk >= 10 AND flag = 'yes'`), ['a/10', 'b/10']);
  t.deepEqual(await rows(`pk IN ['b', 'a', 'absent']`, { Limit: 3 }), ['a/-2', 'a/2', 'a/10']);
  t.deepEqual((await pages(`pk IN ['b', 'a']`, 3)).flat(), ['a/-2', 'a/2', 'a/10', 'a/20', 'b/-2', 'b/2', 'b/10', 'b/20'], 'pages go on across the partitions');
});

test('a hash value named twice without ORDER BY overlaps (FLOCI_EDGE)', async (t) => {
  t.is(await refusal(`pk IN ['a', 'a']`), OVERLAP);
  t.is(await refusal(`pk = 'a' OR pk = 'a'`), OVERLAP);
});

test('sort-key values read by key, ascending without ORDER BY (STACKD sparse-in-unordered, no-order-sort-or)', async (t) => {
  t.deepEqual(await rows(`pk = 'a' AND sk IN [20, -2]`), ['a/-2', 'a/20']);
  t.deepEqual(await rows(`pk = 'a' AND (sk = 20 OR sk = -2)`), ['a/-2', 'a/20']);
  // STACKD: ConsumedCapacity 5.0, the two items' reads (1 + 4 units), not a scan's.
  t.is(await capacity(`pk = 'a' AND sk IN [20, -2]`), 5);
});

test('ORDER BY the sort key over IN values: the values in key order, missing ones skipped (STACKD)', async (t) => {
  t.deepEqual(await rows(`pk = 'a' AND sk IN [20, -2] ORDER BY sk DESC`), ['a/20', 'a/-2'], 'sparse-in-desc');
  t.deepEqual(await rows(`pk = 'a' AND sk IN [20, -2] ORDER BY sk ASC`), ['a/-2', 'a/20'], 'sparse-in-asc');
  t.deepEqual(await rows(`pk = 'a' AND sk IN [20, 2, -2, 10] ORDER BY sk DESC`), ['a/20', 'a/10', 'a/2', 'a/-2'], 'unsorted-desc');
  t.deepEqual(await rows(`pk = 'a' AND sk IN [7, 8] ORDER BY sk DESC`), [], 'missing-only-desc');
  const params = await run(`pk = ? AND sk IN [?, ?, ?, ?, ?] ORDER BY sk DESC`, { Parameters: [{ S: 'a' }, { N: '20' }, { N: '7' }, { N: '2.0' }, { N: '-2' }, { N: '10' }], Limit: 2 });
  t.deepEqual(keys(params.Items), ['a/20', 'a/10'], 'parameterized-desc-limit2 page 1');
  const second = await run(`pk = ? AND sk IN [?, ?, ?, ?, ?] ORDER BY sk DESC`, { Parameters: [{ S: 'a' }, { N: '20' }, { N: '7' }, { N: '2.0' }, { N: '-2' }, { N: '10' }], Limit: 2, NextToken: params.NextToken! });
  t.deepEqual(keys(second.Items), ['a/2', 'a/-2'], 'parameterized-desc-limit2 page 2');
  t.is(second.NextToken, undefined, 'the last key ends the read: no further page');
  t.deepEqual(await pages(`pk = 'a' AND sk IN [20, -2] ORDER BY sk DESC`, 1), [['a/20'], ['a/-2']], 'sparse-in-desc-limit1');
  // A missing key evaluates nothing, so Limit 1 pages read on past it (filtered-some-asc-limit1).
  t.deepEqual(await pages(`pk = 'a' AND sk IN [20, 7, 2, -2, 10] AND flag = 'yes' ORDER BY sk ASC`, 1), [['a/-2'], [], ['a/10'], []]);
  t.deepEqual(await pages(`pk = 'a' AND (sk = 20 OR sk = -2) ORDER BY sk ASC`, 1), [['a/-2'], ['a/20']], 'sort-or-asc-limit1');
});

test('IN on both keys ordered by the hash key: partitions x sort-key values (STACKD combined-pk-sk-in-asc-limit2)', async (t) => {
  t.deepEqual(await pages(`pk IN ['b', 'a'] AND sk IN [20, 7, -2] ORDER BY pk ASC, sk ASC`, 2), [['a/-2', 'a/20'], ['b/-2', 'b/20']]);
  // Not captured: without a sort-key term the values run descending, the rule FLOCI's
  // `pk = 'o' ORDER BY pk ASC` (o/3, o/2, o/1) shows for a partition's Query.
  t.deepEqual(await rows(`pk IN ['b', 'a'] AND sk IN [20, 7, -2] ORDER BY pk DESC`), ['b/20', 'b/-2', 'a/20', 'a/-2']);
  t.is(await refusal(`pk IN ['b', 'a'] AND sk IN [20, -2] ORDER BY sk ASC`),
    'ValidationException: Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.', 'sk-only-order-multiple-pk');
});

test('a sort-key value named twice overlaps; a value of the wrong type is refused (STACKD, FLOCI_EDGE)', async (t) => {
  t.is(await refusal(`pk = 'a' AND sk IN [2, 2.0, 2e0] ORDER BY sk DESC`), OVERLAP, 'parameterized-duplicates');
  t.is(await refusal(`pk = 'a' AND (sk = 20 OR sk = -2 OR sk = 20) ORDER BY sk ASC`), OVERLAP, 'sort-or-duplicate-asc');
  t.is(await refusal(`pk = 'a' AND sk IN ['2'] ORDER BY sk ASC`), "ValidationException: Key attribute's data type should match its data type in table's schema: Key sk", 'wrong-type-sort-in');
  t.is(await refusal(`pk = 'a' AND sk IN [2, '2']`), "ValidationException: Key attribute's data type should match its data type in table's schema: Key sk", 'FLOCI_EDGE');
});

test('a further condition on the sort key: served by a scan without ORDER BY, refused under it (STACKD_COMPOUND)', async (t) => {
  const noHashKey = 'ValidationException: Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.';
  for (const where of [`pk = 'a' AND sk <> 2`, `pk = 'a' AND NOT sk = 2`, `pk = 'a' AND sk IN [2, 10] AND sk IN [10, 2]`]) {
    t.is(await refusal(`${where} ORDER BY pk ASC, sk ASC`), noHashKey, where);
  }
  t.deepEqual(await rows(`pk = 'a' AND sk <> 2`), ['a/-2', 'a/10', 'a/20'], 'unequal-sort-key-unordered');
  t.deepEqual(await rows(`pk = 'a' AND NOT sk = 2`), ['a/-2', 'a/10', 'a/20'], 'negated-sort-equality-unordered');
  t.deepEqual(await rows(`pk = 'a' AND sk IN [2, 10] AND sk IN [2.0, 10.0]`), ['a/2', 'a/10'], 'equivalent-sort-in-unordered');
  t.is(await refusal(`pk = 'a' AND (sk = 10 OR flag = 'yes') ORDER BY pk ASC, sk ASC`), OVERLAP, 'mixed-key-filter-or');
  t.is(await refusal(`pk = 'a' AND (sk = 10 OR flag = 'yes')`), OVERLAP, 'mixed-key-filter-or-unordered');
});

test('captured across partitions: terms in any order keep the partitions outer; IN takes a list, not a parameter (STACKD_PARTITIONS)', async (t) => {
  // radkawar/stackd testdata/aws/dynamodb/partiql_ordered_partitions.json (AWS us-east-1,
  // 2026-09-17): control-reversed-order-keys answered A/2, A/10, A/30, B/2, ... for
  // `pk IN ['B','AA','A'] ORDER BY sk ASC, pk ASC`; string-parameter-list refused `pk IN ?`.
  t.deepEqual(await rows(`pk IN ['b', 'absent', 'a'] ORDER BY sk ASC, pk ASC`), ['a/-2', 'a/2', 'a/10', 'a/20', 'b/-2', 'b/2', 'b/10', 'b/20']);
  const err = await ddbErrorOf(run(`pk IN ? ORDER BY pk ASC, sk DESC`, { Parameters: [{ L: [{ S: 'b' }, { S: 'a' }] }] }));
  const inNeedsList = 'ValidationException: IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member';
  t.is(`${err.name}: ${err.message}`, inNeedsList);
  t.is(await refusal(`pk = 'a' AND sk IN [] ORDER BY sk ASC`), inNeedsList, 'STACKD empty-sort-in');
});

test('a transaction read naming one partition twice overlaps too (FLOCI_EDGE)', async (t) => {
  const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT * FROM "${T}" WHERE pk IN ['a', 'a'] AND sk = 2` }] })));
  t.is(`${err.name}: ${err.message}`, `${OVERLAP.replace('ValidationException: ', 'ValidationException: Validation failed in TransactStatements[0]: ')}`);
});

test('under ORDER BY, an OR of whole keys with their own filters reads each key (STACKD_COMPOUND, STACKD)', async (t) => {
  t.deepEqual(await rows(`(pk = 'b' AND sk = 10 AND flag = 'yes') OR (pk = 'a' AND sk = 2 AND flag = 'no') ORDER BY pk ASC, sk ASC`), ['a/2', 'b/10'], 'branch-local-filters');
  t.deepEqual(await rows(`(pk = 'b' AND sk = 10 AND flag = 'no') OR (pk = 'a' AND sk = 2 AND flag = 'no') ORDER BY pk ASC, sk ASC`), ['a/2'], 'a branch filter applies to its key only');
  t.deepEqual(await pages(`(pk = 'a' AND sk = 20) OR (pk = 'a' AND sk = -2) ORDER BY sk DESC`, 1), [['a/20'], ['a/-2']], 'full-key-or-desc-limit1');
  t.deepEqual(await pages(`(pk = 'a' AND sk = 20) OR (pk = 'a' AND sk = -2) ORDER BY sk ASC`, 1), [['a/-2'], ['a/20']], 'full-key-or-asc-limit1');
});
