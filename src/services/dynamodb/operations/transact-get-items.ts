/**
 * TransactGetItems: up to 100 point reads, answered in request order from one consistent moment:
 * cancelled (TransactionConflict) if any item has a write ongoing or one starts meanwhile.
 * Transactional reads cost two read units per 4 KB.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
 */
import type { ConsumedCapacityItem, TransactGetItemsInput, TransactGetItemsOutput } from '../../../model/generated/dynamodb-types.js';
import { emptyConsumption, readUnits, transactionCapacity, type Consumption } from '../capacity.js';
import { isAwsError } from '../../../errors/aws-error.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { checkKey } from '../item-key.js';
import { parseItem } from '../item-codec.js';
import { itemLockKey } from '../item-store.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requestExpressions } from '../request-expressions.js';
import { requireTable } from '../table-lookup.js';
import type { TableRecord } from '../table-record.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { multipleOperationsOnOneItem, NONE_REASON, tooManyOrFew, transactionCanceled } from '../transactions/errors.js';
import { itemSize, validateItem, type Item } from '../values/index.js';
import { isExpired, ttlAttributeOf } from '../ttl/expiry.js';

/** checkKey's message when the key does not match the table's key schema, else undefined. */
function keyMismatch(table: TableRecord, key: Item): string | undefined {
  try {
    checkKey(table, key);
    return undefined;
  } catch (error) {
    if (isAwsError(error) && error.code === 'ValidationException') return error.message;
    throw error;
  }
}

export const transactGetItems: DdbHandler<TransactGetItemsInput, TransactGetItemsOutput> = async (deps, ctx, input) => {
  const items = input.TransactItems;
  const c = new Constraints();
  if (c.notNull('transactItems', items) && (items.length === 0 || items.length > 100)) throw tooManyOrFew('transactItems', items.length, 100);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.check();
  const plans = items.map((item, i) => {
    const get = item.Get;
    const c2 = new Constraints();
    c2.notNull(`transactItems.${i + 1}.member.get`, get);
    c2.check();
    const table = requireTable(deps, ctx, get.TableName);
    // The older validation layer's wording, as us-east-1 answers (values/errors.ts).
    const expressions = requestExpressions('GetItem', get as Parameters<typeof requestExpressions>[1], undefined, 'older');
    const key = validateItem(get.Key as Record<string, unknown>, { layer: 'older' });
    // A key that does not match the schema cancels the transaction with a ValidationError reason
    // instead of failing the request (paritysuite/dynamodb-conformance
    // tests/tier3/error-messages/transactGetItems.test.ts "missing key attribute", 2026-10).
    const keyError = keyMismatch(table, key);
    const encodedKey = keyError === undefined ? encodePrimaryKey(table.hash, table.range, key) : '';
    return { table, encodedKey, project: expressions.project, keyError };
  });
  if (plans.some((p) => p.keyError !== undefined)) {
    throw transactionCanceled(plans.map((p) => (p.keyError === undefined ? NONE_REASON : { Code: 'ValidationError', Message: p.keyError })));
  }
  const seen = new Set<string>();
  for (const p of plans) {
    const id = itemLockKey(p.table, p.encodedKey);
    if (seen.has(id)) throw multipleOperationsOnOneItem();
    seen.add(id);
  }
  // No locks: the read is refused instead when it meets a write of its items (AWS cancels it
  // with TransactionConflict), so what it reads is all from one moment.
  const watch = deps.ongoing.beginRead(plans.map((p) => itemLockKey(p.table, p.encodedKey)));
  let found: (Item | undefined)[];
  try {
    found = await Promise.all(plans.map(async (p) => {
      const text = await deps.items.readText(p.table, p.encodedKey);
      return text === undefined ? undefined : parseItem(text);
    }));
  } finally {
    watch.end();
  }
  const now = deps.now();
  const live = found.map((item, i) => (isExpired(item, ttlAttributeOf(plans[i]!.table.ttl), now) ? undefined : item));
  const out: TransactGetItemsOutput = {
    Responses: live.map((item, i) => (item === undefined ? {} : { Item: (plans[i]!.project ? plans[i]!.project!(item) : item) as Record<string, never> })),
  };
  if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
    const byTable = new Map<string, Consumption>();
    plans.forEach((p, i) => {
      let cons = byTable.get(p.table.name);
      if (!cons) byTable.set(p.table.name, cons = emptyConsumption());
      cons.table += 2 * readUnits(live[i] ? itemSize(live[i] as Item) : 0, true);
    });
    // Named ReadCapacityUnits too (radkawar/stackd testdata/aws/dynamodb/capacity.json, native AWS 2026-09-17).
    out.ConsumedCapacity = [...byTable].map(([name, cons]) => transactionCapacity(name, input.ReturnConsumedCapacity, cons, 'ReadCapacityUnits')!) as ConsumedCapacityItem[];
  }
  return out;
};
