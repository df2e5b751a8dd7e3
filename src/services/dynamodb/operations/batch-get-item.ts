/**
 * BatchGetItem: up to 100 keys over any tables, validated first (tables exist, keys match, no
 * key twice per table); items come back per table in request order. Past 16 MB of items the
 * remaining keys are returned in UnprocessedKeys, as DynamoDB does. Items are sized (and checked
 * for TTL) from their stored text and spliced into the answer as stored (util/raw-json.ts).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 */
import type { BatchGetItemInput, BatchGetItemOutput, ConsumedCapacityItem } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity, emptyConsumption, readUnits } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { requestExpressions } from '../request-expressions.js';
import { ddbErrors } from '../errors.js';
import { parseItem } from '../item-codec.js';
import { checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, requireTable } from '../table-lookup.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { validateItem, type Item } from '../values/index.js';
import { livePredicate } from '../ttl/read-filter.js';
import { ItemTextReader } from '../item-text.js';
import { holdingRawJson, rawJsonAs } from '../../../util/raw-json.js';

const RESPONSE_LIMIT = 16 * 1024 * 1024;

/** RequestItems echoed as JSON, binary values in base64 as they came on the wire. */
const echo = (items: BatchGetItemInput['RequestItems']): string =>
  JSON.stringify(items, (_, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));

/**
 * The validation framework's newer wording, as AWS answers BatchGetItem in all but one region
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts, captured
 * 2026-08 to 2026-10): an empty map or Keys list is named without its value, a malformed table
 * name fails the map's key constraint with the whole map echoed as JSON.
 */
function checkConstraints(input: BatchGetItemInput): void {
  const c = new Constraints();
  if (!c.notNull('requestItems', input.RequestItems)) c.check();
  if (Object.keys(input.RequestItems).length === 0) {
    throw ddbErrors.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }
  let badName = false;
  for (const [name, request] of Object.entries(input.RequestItems)) {
    const names = new Constraints();
    // A map key may be a table ARN, as any TableName (API_BatchGetItem / API_BatchWriteItem: 1 to 1024 characters).
    if (!isResolvableName(name, 1)) checkTableName(names, `requestItems.${name}`, name, 1);
    // Reported once, together with the other member constraints (an unknown ReturnConsumedCapacity:
    // paritysuite/dynamodb-conformance tests/tier3/validation-ordering/batchOperations.test.ts, 2026-10-09).
    if (names.failed && !badName) {
      badName = true;
      c.fail('requestItems', echo(input.RequestItems), 'Map keys must satisfy constraint: '
        + '[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]');
    }
    if (request.Keys === undefined) c.fail(`requestItems.${name}.member.keys`, undefined, 'Member must not be null');
    else if (request.Keys.length > 100) c.failUnshown(`RequestItems.${name}.member.Keys`, 'Member must have length less than or equal to 100');
    else if (request.Keys.length === 0) c.failUnshown(`RequestItems.${name}.member.Keys`, 'Member must have length greater than or equal to 1');
  }
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.check();
}

export const batchGetItem: DdbHandler<BatchGetItemInput, BatchGetItemOutput> = async (deps, ctx, input) => {
  checkConstraints(input);
  const plan = Object.entries(input.RequestItems).map(([name, request]) => {
    const expressions = requestExpressions('BatchGetItem', request);
    const table = requireTable(deps, ctx, name);
    const seen = new Set<string>();
    const keys = request.Keys.map((raw) => {
      const key = validateItem(raw as Record<string, unknown>);
      checkKey(table, key);
      const encoded = encodePrimaryKey(table.hash, table.range, key);
      if (seen.has(encoded)) throw ddbErrors.validation('Provided list of item keys contains duplicates');
      seen.add(encoded);
      return { raw, encoded };
    });
    return { name, request, table, keys, project: expressions.project };
  });
  if (plan.reduce((n, p) => n + p.keys.length, 0) > 100) throw ddbErrors.validation('Too many items requested for the BatchGetItem call');
  const out: BatchGetItemOutput = { Responses: {}, UnprocessedKeys: {} };
  const capacities: ConsumedCapacityItem[] = [];
  let bytes = 0;
  const now = deps.now();
  for (const { name, request, table, keys, project } of plan) {
    const texts = await deps.items.readMany(table, keys.map((k) => k.encoded));
    const items: Item[] = [];
    const consumption = emptyConsumption();
    const consistent = request.ConsistentRead === true;
    const live = livePredicate(table, now);
    const reader = new ItemTextReader(live?.reads ?? []);
    texts.forEach((text, i) => {
      if (bytes >= RESPONSE_LIMIT) {
        const rest = (out.UnprocessedKeys![name] ??= { ...request, Keys: [] });
        rest.Keys.push(keys[i]!.raw);
        return;
      }
      const picked: Item = {};
      const size = text === undefined ? 0 : reader.read(text, picked);
      // An expired item is not there: it costs what a missing one does.
      if (text === undefined || (live !== undefined && !live.test(picked))) {
        consumption.table += readUnits(0, consistent);
        return;
      }
      consumption.table += readUnits(size, consistent);
      items.push(project ? project(parseItem(text)) : rawJsonAs<Item>(text));
      bytes += size;
    });
    out.Responses![name] = items;
    const c = consumedCapacity(name, input.ReturnConsumedCapacity, consumption);
    if (c) capacities.push(c);
  }
  if (capacities.length > 0) out.ConsumedCapacity = capacities;
  return holdingRawJson(out);
};
