/**
 * Runs a read over several partitions or keys (read-plan.ts): one Query per read in reading
 * order, the items concatenated, a page at a time as a single Query pages. Limit counts the items
 * evaluated across the partitions (ExecuteStatement's Limit, as Query's); a page also ends where
 * a partition's Query stopped on its own (its 1 MB), or once the items gathered reach 1 MB. The
 * NextToken says which partition to go on with, and after which key (next-token.ts). AWS pages
 * across partitions this way: with Limit 2, `pk IN ['o', 'p'] ORDER BY pk DESC` answered p/3,
 * p/2, then p/1, o/3 (floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest, AWS
 * eu-west-2, 2026-09-17). A read of one key (sort-key values named) ends with its item: with
 * Limit 2, `pk IN ['b','a'] AND sk IN [20,7,-2] ORDER BY pk, sk` paged a/-2, a/20 | b/-2, b/20,
 * the last page without a NextToken (radkawar/stackd partiql_ordered_ranges.json, AWS us-east-1,
 * 2026-09-17).
 */
import type { ConsumedCapacityItem, ExecuteStatementInput, ExecuteStatementOutput } from '../../../model/generated/dynamodb-types.js';
import type { AttributeValue } from './ast.js';
import { decodePartitionToken, encodePartitionToken, type PartitionPosition } from './next-token.js';
import { HASH_PLACEHOLDER, RANGE_PLACEHOLDER, type PartitionsRead } from './read-plan.js';
import { project } from './project.js';
import { addCapacity } from './add-capacity.js';
import { partitionEnded, type RunRead } from './page-end.js';
import { PAGE_BYTES } from '../read-page.js';
import { itemSize } from '../values/item-size.js';
import type { Item } from '../values/types.js';

type Key = Record<string, AttributeValue>;
interface QueryPage { Items?: Key[]; ScannedCount?: number; LastEvaluatedKey?: Key; ConsumedCapacity?: ConsumedCapacityItem }
export type RunQuery = (input: Record<string, unknown>) => Promise<QueryPage>;
type Request = Pick<ExecuteStatementInput, 'Statement' | 'NextToken' | 'Limit' | 'ReturnConsumedCapacity'>;

/** `lookAhead`: a Query or Scan with no capacity counted, to tell a partition's end (page-end.ts). */
export async function readPartitions(query: RunQuery, t: PartitionsRead, request: Request, params: readonly AttributeValue[], lookAhead: RunRead): Promise<ExecuteStatementOutput> {
  const scope = { statement: request.Statement, params };
  let at: PartitionPosition = request.NextToken !== undefined ? decodePartitionToken(scope, request.NextToken) : { partition: 0 };
  let remaining = request.Limit;
  let bytes = 0;
  let capacity: ConsumedCapacityItem | undefined;
  const items: Key[] = [];
  let next: PartitionPosition | undefined;
  let lastKey: Key | undefined;
  while (at.partition < t.reads.length) {
    const read = t.reads[at.partition]!;
    const input = read.input === undefined ? t.input : { ...t.input, ...read.input };
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
    const queryInput = {
      ...input, ExpressionAttributeValues: { ...values, [HASH_PLACEHOLDER]: read.hash, ...(read.range && { [RANGE_PLACEHOLDER]: read.range }) },
      ...(remaining !== undefined && { Limit: remaining }),
      ...(at.lastKey && { ExclusiveStartKey: at.lastKey }),
      ...(request.ReturnConsumedCapacity !== undefined && { ReturnConsumedCapacity: request.ReturnConsumedCapacity }),
    };
    const page = await query(queryInput);
    const got = page.Items ?? [];
    if (page.ConsumedCapacity) capacity = capacity === undefined ? page.ConsumedCapacity : addCapacity(capacity, page.ConsumedCapacity);
    if (remaining !== undefined) remaining -= page.ScannedCount ?? got.length;
    // The page's 1 MB spans the partitions: the item that reaches it ends the page, as in one
    // Query (read-page.ts). Measured on the items returned (a filter's rejects are not seen here).
    let cut = -1;
    for (let i = 0; i < got.length && cut < 0; i++) {
      items.push(got[i]!);
      bytes += itemSize(got[i] as Item);
      if (bytes >= PAGE_BYTES) cut = i;
    }
    if (cut >= 0) { next = { partition: at.partition, lastKey: keyOf(got[cut]!, t.keyAttributes) }; lastKey = next.lastKey; break; }
    if (t.pointReads) {
      // One key, at most one item: the read is done. Limit spent ends the page after it, the
      // next page (if any read is left) starting at the next read.
      at = { partition: at.partition + 1 };
      if (remaining === 0) {
        if (got.length > 0) lastKey = keyOf(got[got.length - 1]!, t.keyAttributes);
        if (at.partition < t.reads.length) next = at;
        break;
      }
      continue;
    }
    if (page.LastEvaluatedKey) {
      // The Limit ran out on the partition's last item: the next page starts at the next
      // partition, and this one answers no LastEvaluatedKey (page-end.ts).
      if (remaining === 0 && await partitionEnded(lookAhead, queryInput, page.LastEvaluatedKey, t.hashAttribute)) {
        if (at.partition + 1 < t.reads.length) next = { partition: at.partition + 1 };
        break;
      }
      // The Query stopped inside the partition (Limit reached, or its own 1 MB): go on from there.
      next = { partition: at.partition, lastKey: page.LastEvaluatedKey }; lastKey = next.lastKey; break;
    }
    at = { partition: at.partition + 1 };
  }
  const out: ExecuteStatementOutput = { Items: (t.projection ? items.map((i) => project(i, t.projection!)) : items) as ExecuteStatementOutput['Items'] };
  if (next) out.NextToken = encodePartitionToken(scope, next);
  if (lastKey) out.LastEvaluatedKey = lastKey as ExecuteStatementOutput['LastEvaluatedKey'];
  if (capacity) out.ConsumedCapacity = capacity;
  return out;
}

/** An item's key: the attributes a LastEvaluatedKey of the read holds (table and index keys). */
function keyOf(item: Key, names: readonly string[]): Key {
  const key: Key = {};
  for (const name of names) if (item[name] !== undefined) key[name] = item[name]!;
  return key;
}
