/**
 * Whether a SELECT page whose Limit ran out on a partition's item (`lastKey`) has reached that
 * partition's end, as AWS tells it: the read looks one item on in the table's storage, in its
 * direction. When that item is another partition's (or lies past the key condition), the read
 * knows it is done: AWS answers no LastEvaluatedKey (and a NextToken only if other partitions
 * remain to read). When the storage holds nothing further that way (and the partition is not the
 * table's only one), AWS keeps the LastEvaluatedKey, the next page coming back empty.
 *
 * As AWS answered (radkawar/stackd testdata/aws/dynamodb, AWS us-east-1, 2026-09-17; tables of
 * partitions A and B, which AWS's storage keeps A before B as boltstack's key order does):
 * - partiql_pagination.json: `pk=?` ascending ends A without either field (seq 15, 17, 18, 24,
 *   29, 33); `pk IN [?, ?]` ends A with a NextToken alone (seq 43, 49, 53, 57); descending, A
 *   ends with both and then an empty page (seq 38-39), as B does ascending (seq 46-47).
 * - partiql_ordered_partitions.json: A ends ascending with a NextToken alone (seq 36), with
 *   neither as the last partition (seq 53); B descending with neither (seq 50); B ascending
 *   (seq 39-40) and A descending (seq 46-47) keep both, then an empty page.
 * - partiql_key_ordering.json, a table of one partition: every strongly consistent chain ended
 *   without either field, ascending or descending (its "pages": seq 11-30).
 * - partiql_ordered_ranges.json (partitions a, b): `pk='a' AND sk BETWEEN -2 AND 20`, Limit 1,
 *   ended a without either field both ways (its "pages": seq 20-23, 77-80).
 * So the table's edge keeps the fields only where other partitions exist. This is a fit to the
 * captured chain ends (33 of 36; answering "ended" always would fit 29), not a documented rule:
 * AWS's storage order is its hash's, which boltstack cannot know. Not matched: partitions 10 and 2
 * of a numeric table each kept both ascending (ordered_partitions seq 81-82: boltstack's order by
 * value puts 10 after 2); a, the first partition here, ended descending (ordered_ranges seq 80);
 * an eventually consistent chain of the one-partition table kept both (key_ordering seq 31-33).
 * The look-ahead reads no capacity: each captured page costs only the items it returned.
 */
import type { AttributeValue } from './ast.js';
import { valuesEqual } from '../values/compare.js';
import type { AttributeValue as StoredValue } from '../values/types.js';

type Key = Record<string, AttributeValue>;
interface ReadPage { Items?: Key[]; LastEvaluatedKey?: Key }
export type RunRead = (operation: 'Query' | 'Scan', input: Record<string, unknown>) => Promise<ReadPage>;

/** The first item a one-item read evaluates (returned, or stopped on by its filter). */
const firstOf = (page: ReadPage): Key | undefined => page.Items?.[0] ?? page.LastEvaluatedKey;

const sameKey = (a: Key, b: Key): boolean =>
  Object.keys(b).every((name) => a[name] !== undefined && valuesEqual(a[name] as StoredValue, b[name] as StoredValue));

/**
 * `query`: the Query input the page ran (its key condition, filter and maps kept, so that the
 * maps stay all used); its Limit, start key and ReturnConsumedCapacity are replaced. `hash`: the
 * partition key of the table or index read.
 */
export async function partitionEnded(run: RunRead, query: Record<string, unknown>, lastKey: Key, hash: string): Promise<boolean> {
  const { Limit: _limit, ExclusiveStartKey: _start, ReturnConsumedCapacity: _capacity, ...rest } = query;
  if (firstOf(await run('Query', { ...rest, ExclusiveStartKey: lastKey, Limit: 1 })) !== undefined) return false;
  const scan = { TableName: query.TableName, Limit: 1, ...(query.IndexName !== undefined && { IndexName: query.IndexName }), ...(query.ConsistentRead !== undefined && { ConsistentRead: query.ConsistentRead }) };
  const samePartition = (k: Key | undefined): boolean => k !== undefined && valuesEqual(k[hash] as StoredValue, lastKey[hash] as StoredValue);
  if (query.ScanIndexForward !== false) {
    if (firstOf(await run('Scan', { ...scan, ExclusiveStartKey: lastKey })) !== undefined) return true;
    // The table's last partition: ended only when it is the table's one partition.
    return samePartition(firstOf(await run('Scan', scan)));
  }
  const first = firstOf(await run('Scan', scan));
  if (first !== undefined && !sameKey(first, lastKey)) return true;
  // The table's first partition: ended only when nothing follows its last item either.
  const last = firstOf(await run('Query', {
    ...scan, KeyConditionExpression: '#h = :h', ExpressionAttributeNames: { '#h': hash }, ExpressionAttributeValues: { ':h': lastKey[hash] }, ScanIndexForward: false,
  }));
  const partitionEnd = last && Object.fromEntries(Object.keys(lastKey).map((name) => [name, last[name]!]));
  return partitionEnd !== undefined && firstOf(await run('Scan', { ...scan, ExclusiveStartKey: partitionEnd })) === undefined;
}
