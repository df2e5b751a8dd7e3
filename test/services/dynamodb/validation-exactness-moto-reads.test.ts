/**
 * Query and Scan answers (items, order, Count, ScannedCount, LastEvaluatedKey) as moto's
 * aws_verified tests in tests/test_dynamodb/test_dynamodb_query.py and test_dynamodb_scan.py
 * assert them, on the tables its decorator creates (moto-tables.ts). Where AWS's order is its
 * own (a Scan across partitions, by AWS's hash of the key), the rows check only what moto checks
 * or the order within one partition.
 */
import test, { type ExecutionContext } from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { column, createMotoTable, item, ok, putAll } from './moto-tables.js';

const QU = 'getmoto/moto tests/test_dynamodb/test_dynamodb_query.py';
const SC = 'getmoto/moto tests/test_dynamodb/test_dynamodb_scan.py';
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });
const e = (): string => server.endpoint;
const range = (from: number, to: number, step = 1): number[] => { const out: number[] = []; for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i); return out; };
/** moto's insertion order for the pagination tests: 3..6, then 9..7, then 0..2. */
const ORDER = [...range(3, 7), ...range(9, 6, -1), ...range(0, 3)];
const eqKey = (name: string, value: string) => ({ KeyConditionExpression: '#n0 = :v0', ExpressionAttributeNames: { '#n0': name }, ExpressionAttributeValues: { ':v0': { S: value } } });

test(`${QU} ::test_query_gsi_range_comparison`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true, numericGsiRange: true });
  await putAll(t, e(), TableName, [
    { pk: 'the-key', sk: '123', gsi_pk: 'johndoe', gsi_sk: 3 }, { pk: 'the-key', sk: '456', gsi_pk: 'johndoe', gsi_sk: 1 },
    { pk: 'the-key', sk: '789', gsi_pk: 'johndoe', gsi_sk: 2 }, { pk: 'the-key', sk: '159', gsi_pk: 'janedoe', gsi_sk: 2 },
    { pk: 'the-key', sk: '601', gsi_pk: 'janedoe', gsi_sk: 5 },
  ]);
  const q = (KeyConditionExpression: string, pk: string, sk: number, extra = {}) => ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', KeyConditionExpression,
    ExpressionAttributeNames: { '#n0': 'gsi_pk', '#n1': 'gsi_sk' }, ExpressionAttributeValues: { ':v0': { S: pk }, ':v1': { N: String(sk) } }, ...extra });
  let r = await q('(#n0 = :v0 AND #n1 > :v1)', 'johndoe', 0, { ScanIndexForward: true });
  t.is(r.ScannedCount, 3);
  t.deepEqual(column(r.Items, 'sk'), ['456', '789', '123']);
  r = await q('(#n0 = :v0 AND #n1 > :v1)', 'johndoe', 0, { ScanIndexForward: false });
  t.deepEqual(column(r.Items, 'sk'), ['123', '789', '456']);
  r = await q('(#n1 > :v1 AND #n0 = :v0)', 'johndoe', 1);
  t.is(r.Count, 2);
  t.deepEqual(column(r.Items, 'gsi_sk'), ['2', '3']);
  t.is((await q('(#n0 = :v0 AND #n1 > :v1)', 'janedoe', 9)).Count, 0);
  t.is((await q('(#n0 = :v0 AND #n1 = :v1)', 'janedoe', 5)).Count, 1);
});

test(`${QU} ::test_query_pagination`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true });
  await putAll(t, e(), TableName, ORDER.map((i) => ({ pk: 'the-key', sk: `${i}` })));
  const page1 = await ok(t, e(), 'Query', { TableName, ...eqKey('pk', 'the-key'), Limit: 6 });
  t.is(page1.Count, 6);
  t.is(page1.ScannedCount, 6);
  t.deepEqual(column(page1.Items, 'sk'), ['0', '1', '2', '3', '4', '5']);
  const page2 = await ok(t, e(), 'Query', { TableName, ...eqKey('pk', 'the-key'), Limit: 6, ExclusiveStartKey: page1.LastEvaluatedKey });
  t.is(page2.Count, 4);
  t.is(page2.ScannedCount, 4);
  t.false('LastEvaluatedKey' in page2);
  t.deepEqual(column(page2.Items, 'sk'), ['6', '7', '8', '9']);
});

test(`${QU} ::test_query_gsi_pagination`, async (t) => {
  const TableName = await createMotoTable(e(), { gsi: true });
  await putAll(t, e(), TableName, [...range(3, 7).map((i) => ({ pk: `pk${i}`, gsi_pk: 'a' })), ...range(11, 6, -1).map((i) => ({ pk: `pk${i}`, gsi_pk: 'b' })),
    ...range(0, 3).map((i) => ({ pk: `pk${i}`, gsi_pk: 'c' }))]);
  const seen: string[] = [];
  let start: unknown;
  for (const expected of [2, 2, 1]) {
    const page = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'b'), Limit: 2, ...(start !== undefined && { ExclusiveStartKey: start }) });
    t.is(page.Items.length, expected);
    seen.push(...column(page.Items, 'pk'));
    start = page.LastEvaluatedKey;
  }
  t.deepEqual([...new Set(seen)].sort(), ['pk10', 'pk11', 'pk7', 'pk8', 'pk9']);
});

/** moto's four GSI pagination tests: ten items on one GSI key, pages of `limits`; `omit` leaves an index key out of some items. */
async function gsiPages(t: ExecutionContext, o: { range: boolean; gsiRange: boolean; omit?: 'gsi_pk' | 'gsi_sk'; limits: [number, number];
  counts: [number, number]; expect: string[]; key: 'sk' | 'pk' }): Promise<void> {
  const TableName = await createMotoTable(e(), { range: o.range, gsiRange: o.gsiRange, gsi: !o.gsiRange });
  const row = (i: number, omit: boolean): Record<string, string> => {
    const base: Record<string, string> = o.range ? { pk: 'the-key', sk: `${i}` } : { pk: `${i}` };
    const gsi: Record<string, string> = o.gsiRange ? { gsi_pk: 'john', gsi_sk: 'jane' } : { gsi_pk: 'john' };
    if (omit && o.omit) delete gsi[o.omit];
    return { ...base, ...gsi };
  };
  // moto leaves the key out of the items 0..2 (empty gsi_pk) or 3..6 (empty gsi_sk).
  const omitted = (i: number): boolean => (o.omit === 'gsi_pk' ? i < 3 : o.omit === 'gsi_sk' ? i >= 3 && i < 7 : false);
  await putAll(t, e(), TableName, ORDER.map((i) => row(i, omitted(i))));
  const page1 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'john'), Limit: o.limits[0] });
  t.is(page1.Count, o.counts[0]);
  t.is(page1.ScannedCount, o.counts[0]);
  const page2 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'john'), Limit: o.limits[1], ExclusiveStartKey: page1.LastEvaluatedKey });
  t.is(page2.Count, o.counts[1]);
  t.false('LastEvaluatedKey' in page2);
  t.deepEqual([...column([...page1.Items, ...page2.Items], o.key)].sort(), [...o.expect].sort());
  // The same pages through a Scan of the index (test_dynamodb_scan.py's twins).
  const s1 = await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi', Limit: o.limits[0] });
  t.is(s1.Count, o.counts[0]);
  const s2 = await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi', Limit: o.limits[1], ExclusiveStartKey: s1.LastEvaluatedKey });
  t.is(s2.Count, o.counts[1]);
  t.false('LastEvaluatedKey' in s2);
  t.deepEqual([...column([...s1.Items, ...s2.Items], o.key)].sort(), [...o.expect].sort());
}
const ALL = range(0, 10).map(String);

test(`${QU} ::test_query_gsi_pagination_with_string_range (and ${SC})`, (t) => gsiPages(t, { range: true, gsiRange: false, limits: [6, 6], counts: [6, 4], expect: ALL, key: 'sk' }));
test(`${QU} ::test_query_gsi_pagination_with_string_gsi_range (and ${SC} ::test_scan_gsi_pagination_with_string_gsi_range)`,
  (t) => gsiPages(t, { range: true, gsiRange: true, limits: [6, 6], counts: [6, 4], expect: ALL, key: 'sk' }));
test(`${QU} ::test_query_gsi_pagination_with_string_gsi_range_and_empty_gsi_pk (and ${SC})`,
  (t) => gsiPages(t, { range: true, gsiRange: true, omit: 'gsi_pk', limits: [6, 6], counts: [6, 1], expect: ['3', '4', '5', '6', '7', '8', '9'], key: 'sk' }));
test(`${QU} ::test_query_gsi_pagination_with_string_gsi_range_and_empty_gsi_sk (and ${SC})`,
  (t) => gsiPages(t, { range: true, gsiRange: true, omit: 'gsi_sk', limits: [5, 6], counts: [5, 1], expect: ['0', '1', '2', '7', '8', '9'], key: 'sk' }));
test(`${QU} ::test_query_gsi_pagination_with_string_gsi_range_no_sk (and ${SC})`,
  (t) => gsiPages(t, { range: false, gsiRange: true, limits: [6, 6], counts: [6, 4], expect: ALL, key: 'pk' }));

test(`${QU} ::test_query_gsi_pagination_with_numeric_range`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true, numericGsiRange: true });
  await putAll(t, e(), TableName, ORDER.map((i) => ({ pk: 'the-key', sk: `${i}`, gsi_pk: 'johndoe', gsi_sk: i })));
  const page1 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'johndoe'), Limit: 6 });
  t.deepEqual([page1.Count, page1.ScannedCount], [6, 6]);
  t.deepEqual(column(page1.Items, 'sk'), ['0', '1', '2', '3', '4', '5']);
  const page2 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'johndoe'), Limit: 6, ExclusiveStartKey: page1.LastEvaluatedKey });
  t.deepEqual([page2.Count, page2.ScannedCount], [4, 4]);
  t.false('LastEvaluatedKey' in page2);
  t.deepEqual(column(page2.Items, 'sk'), ['6', '7', '8', '9']);
});

test(`${QU} ::test_query_lsi_pagination`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true, lsi: true });
  await putAll(t, e(), TableName, [...ORDER.map((i) => ({ pk: 'the-key', sk: `${i}`, lsi_sk: `${i}` })), ...range(15, 20).map((i) => ({ pk: 'the-key', sk: `${i}` })),
    ...range(25, 30).map((i) => ({ pk: 'other', sk: `${i}` })), ...range(35, 40).map((i) => ({ pk: 'other_in_lsi', sk: `${i}`, lsi_sk: `${i}` }))]);
  const kq = (lsi?: string) => (lsi === undefined ? eqKey('pk', 'the-key') : { KeyConditionExpression: '#n0 = :v0 AND #n1 = :v1',
    ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'lsi_sk' }, ExpressionAttributeValues: { ':v0': { S: 'the-key' }, ':v1': { S: lsi } } });
  let r = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...kq('1') });
  t.is(r.Count, 1);
  t.deepEqual(r.Items, [item({ lsi_sk: '1', pk: 'the-key', sk: '1' })]);
  r = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...kq('2'), ConsistentRead: true });
  t.deepEqual(r.Items, [item({ lsi_sk: '2', pk: 'the-key', sk: '2' })]);
  const page1 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...kq(), Limit: 6 });
  t.deepEqual(column(page1.Items, 'sk'), ['0', '1', '2', '3', '4', '5']);
  t.deepEqual(page1.LastEvaluatedKey, item({ pk: 'the-key', sk: '5', lsi_sk: '5' }));
  const page2 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...kq(), ExclusiveStartKey: page1.LastEvaluatedKey });
  t.deepEqual(column(page2.Items, 'sk'), ['6', '7', '8', '9']);
});

test(`${QU} ::test_query_lsi_pagination_with_numerical_local_range_key`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true, numericLsiRange: true });
  await putAll(t, e(), TableName, ORDER.map((i) => ({ pk: 'the-key', sk: `${i}`, lsi_sk: i })));
  const page1 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...eqKey('pk', 'the-key'), Limit: 6 });
  t.deepEqual(column(page1.Items, 'lsi_sk'), ['0', '1', '2', '3', '4', '5']);
  t.deepEqual(page1.LastEvaluatedKey, item({ pk: 'the-key', sk: '5', lsi_sk: 5 }));
  const page2 = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...eqKey('pk', 'the-key'), ExclusiveStartKey: page1.LastEvaluatedKey });
  t.deepEqual(column(page2.Items, 'lsi_sk'), ['6', '7', '8', '9']);
});

test(`${QU} ::test_query_gsi_with_range_key`, async (t) => {
  const TableName = await createMotoTable(e(), { gsiRange: true });
  const full = { pk: { S: 'test1' }, gsi_pk: { S: 'key1' }, gsi_sk: { S: 'range1' } };
  await ok(t, e(), 'PutItem', { TableName, Item: full });
  await ok(t, e(), 'PutItem', { TableName, Item: { pk: { S: 'test2' }, gsi_pk: { S: 'key1' } } });
  const r = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', KeyConditionExpression: 'gsi_pk = :gsi_hash_key and gsi_sk = :gsi_range_key',
    ExpressionAttributeValues: { ':gsi_hash_key': { S: 'key1' }, ':gsi_range_key': { S: 'range1' } } });
  t.is(r.Count, 1);
  t.deepEqual(r.Items[0], full);
});

test(`${QU} ::test_sorted_query_with_numerical_sort_key`, async (t) => {
  const TableName = await createMotoTable(e(), { numericRange: true });
  await putAll(t, e(), TableName, [2, 1, 10, 3].map((sk) => ({ pk: 'M', sk })));
  const r = await ok(t, e(), 'Query', { TableName, ...eqKey('pk', 'M') });
  t.deepEqual(column(r.Items, 'sk'), ['1', '2', '3', '10']);
});

test(`${QU} ::test_gsi_verify_negative_number_order`, async (t) => {
  const TableName = await createMotoTable(e(), { numericGsiRange: true });
  await putAll(t, e(), TableName, [{ pk: 'pk-3', gsi_pk: 'gsi-k1', gsi_sk: 0.7 }, { pk: 'pk-1', gsi_pk: 'gsi-k1', gsi_sk: -0.6 }, { pk: 'pk-2', gsi_pk: 'gsi-k1', gsi_sk: -0.7 }]);
  const r = await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'gsi-k1') });
  t.deepEqual(column(r.Items, 'gsi_sk'), ['-0.7', '-0.6', '0.7']);
});

test(`${SC} ::test_scan_with_unknown_last_evaluated_key`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true });
  await putAll(t, e(), TableName, range(0, 10).map((i) => ({ pk: 'hash_value', sk: `range_value${i}` })));
  const scan = (ExclusiveStartKey?: unknown) => ok(t, e(), 'Scan', { TableName, FilterExpression: '#h = :h', ExpressionAttributeNames: { '#h': 'pk' },
    ExpressionAttributeValues: { ':h': { S: 'hash_value' } }, Limit: 1, ...(ExclusiveStartKey !== undefined && { ExclusiveStartKey }) });
  const p1 = await scan();
  t.deepEqual(p1.Items, [item({ pk: 'hash_value', sk: 'range_value0' })]);
  t.deepEqual((await scan(p1.LastEvaluatedKey)).Items, [item({ pk: 'hash_value', sk: 'range_value1' })]);
  // A start key that is no item's: the scan resumes after it.
  t.deepEqual((await scan(item({ pk: 'hash_value', sk: 'range_value00' }))).Items, [item({ pk: 'hash_value', sk: 'range_value1' })]);
  t.deepEqual((await scan(item({ pk: 'hash_value', sk: 'range_value500' }))).Items, [item({ pk: 'hash_value', sk: 'range_value6' })]);
});

/** test_scan_with_alternating_hash_keys / _numeric_range_key: pages of 3; AWS's order of partitions is its own, so only each partition's order is compared. */
for (const numeric of [false, true]) {
  test(`${SC} ::${numeric ? 'test_scan_with_numeric_range_key' : 'test_scan_with_alternating_hash_keys'} (order within a partition, page count)`, async (t) => {
    const TableName = await createMotoTable(e(), numeric ? { numericRange: true } : { range: true });
    const sk = (i: number): string | number => (numeric ? i : `${i}`);
    await putAll(t, e(), TableName, [...range(0, 8).map((i) => ({ pk: i % 2 ? 'A' : 'B', sk: sk(i) })), ...range(20, 15, -1).map((i) => ({ pk: 'A', sk: sk(i) }))]);
    const pages: Array<Array<Record<string, any>>> = [];
    let r = await ok(t, e(), 'Scan', { TableName, Limit: 3 });
    pages.push(r.Items);
    while (r.LastEvaluatedKey) { r = await ok(t, e(), 'Scan', { TableName, Limit: 3, ExclusiveStartKey: r.LastEvaluatedKey }); pages.push(r.Items); }
    t.is(pages.length, 5);
    const all = pages.flat();
    const order = (pk: string) => column(all.filter((i) => i.pk.S === pk), 'sk');
    t.deepEqual(order('A'), numeric ? ['1', '3', '5', '7', '16', '17', '18', '19', '20'] : ['1', '16', '17', '18', '19', '20', '3', '5', '7']);
    t.deepEqual(order('B'), ['0', '2', '4', '6']);
  });
}

test(`${SC} ::test_scan_by_global_index`, async (t) => {
  const TableName = await createMotoTable(e(), { gsi: true });
  await putAll(t, e(), TableName, [...range(0, 5), ...range(20, 15, -1)].map((i) => ({ pk: `A${i}`, gsi_pk: `gsi${i}` })));
  t.is((await ok(t, e(), 'Scan', { TableName })).Count, 10);
  t.is((await ok(t, e(), 'Scan', { TableName, ConsistentRead: true })).Items.length, 10);
  t.is((await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi' })).Count, 10);
  const page1 = await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi', Limit: 6 });
  t.is(page1.Count, 6);
  const page2 = await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi', ExclusiveStartKey: page1.LastEvaluatedKey });
  t.is(page2.Count, 4);
  t.deepEqual(column([...page1.Items, ...page2.Items], 'gsi_pk').sort(), ['gsi0', 'gsi1', 'gsi16', 'gsi17', 'gsi18', 'gsi19', 'gsi2', 'gsi20', 'gsi3', 'gsi4']);
});

const SE = 'getmoto/moto tests/test_dynamodb/test_dynamodb_select.py';

test(`${SE} ::test_scan_count_omits_items_and_preserves_pagination, ::test_select_values_are_case_sensitive (the COUNT answers)`, async (t) => {
  const TableName = await createMotoTable(e());
  const count = await ok(t, e(), 'Query', { TableName, ...eqKey('pk', 'value'), Select: 'COUNT' });
  t.is(count.Count, 0);
  t.false('Items' in count);
  t.false('Items' in (await ok(t, e(), 'Scan', { TableName, Select: 'COUNT' })));
  await putAll(t, e(), TableName, [{ pk: 'first' }, { pk: 'second' }]);
  const page = await ok(t, e(), 'Scan', { TableName, Select: 'COUNT', Limit: 1, ConsistentRead: true });
  t.is(page.Count, 1);
  t.is(page.ScannedCount, 1);
  t.false('Items' in page);
  t.true('LastEvaluatedKey' in page);
});

test(`${SE} ::test_all_attributes_rejected_for_keys_only_gsi (the reads AWS accepts)`, async (t) => {
  const TableName = await createMotoTable(e(), { range: true, gsi: true, lsi: true });
  // An LSI fetches the table's other attributes, so ALL_ATTRIBUTES is fine there; moto's indexes
  // project KEYS_ONLY, ours ALL, which the accepted reads do not depend on.
  const lsi = await ok(t, e(), 'Query', { TableName, IndexName: 'test_lsi', ...eqKey('pk', 'value'), Select: 'ALL_ATTRIBUTES' });
  t.is(lsi.Count, 0);
  t.is((await ok(t, e(), 'Scan', { TableName, IndexName: 'test_gsi', Select: 'ALL_PROJECTED_ATTRIBUTES' })).Count, 0);
  t.is((await ok(t, e(), 'Query', { TableName, IndexName: 'test_gsi', ...eqKey('gsi_pk', 'value'), Select: 'SPECIFIC_ATTRIBUTES', ProjectionExpression: 'pk' })).Count, 0);
});
