/**
 * One TransactWriteItems action → a WriteParticipant: the request is validated up front (table,
 * key, item, expressions: a problem there fails the whole request with ValidationException, as
 * AWS does), and what can only fail against the stored item (the condition, an update on an
 * attribute of the wrong type, the 400 KB limit after an update) is left to `decide`, so it
 * becomes a cancellation reason.
 */
import type { TransactWriteItemsInputTransactItem as TransactWriteItem } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import type { DdbDeps } from '../context.js';
import { ddbErrors, INVALID } from '../errors.js';
import { applyUpdate, removesOnly, updateTargets } from '../expressions/index.js';
import { checkItemKeys, checkKey } from '../item-key.js';
import { itemLockKey } from '../item-store.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { checkPutItemAgainst } from '../operations/put-item.js';
import { requestExpressions, type RequestExpressions } from '../request-expressions.js';
import type { TableRecord } from '../table-record.js';
import type { Constraints } from '../constraints.js';
import { isResolvableName, requireResolvedTable, resolveTableName, type TableRef } from '../table-lookup.js';
import { checkTableName } from '../table-constraints.js';
import { updatedTooDeep } from '../updated-depth.js';
import { itemSize, MAX_ITEM_SIZE, typeOf, validateItem, valueMessages, type Item } from '../values/index.js';
import { checkWriteCondition } from '../write-condition.js';
import { noAction, oneActionPerItem } from './errors.js';
import { keyAndValuesBytes } from './payload-size.js';
import type { WriteParticipant } from './execute-write.js';

export interface PlannedWrite extends WriteParticipant<Item> {
  table: TableRecord;
  encodedKey: string;
  /** The action's key (or the Put item's key attributes), for ItemCollectionMetrics. */
  keyItem: Item;
}

/**
 * A key attribute of the wrong type (or not a scalar) is found when the action runs, not up
 * front: the transaction is cancelled with a ValidationError reason carrying this message (Put:
 * PutItem's "Type mismatch for key" words; Update, Delete and ConditionCheck: "The provided key
 * element does not match the schema"), where an empty key value or a missing key attribute is
 * refused up front (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/transactWriteItems.test.ts, four regions, 2026-06-23).
 */
function keyTypeMismatch(table: TableRecord, item: Item, isPut: boolean): string | undefined {
  for (const attr of table.range ? [table.hash, table.range] : [table.hash]) {
    const value = item[attr.name];
    if (value === undefined) return undefined;
    const actual = typeOf(value);
    if (actual !== attr.type) return isPut ? `${INVALID}Type mismatch for key ${attr.name} expected: ${attr.type} actual: ${actual}` : 'The provided key element does not match the schema';
  }
  return undefined;
}

/** One action checked on its own, before any table is looked up. */
export interface ParsedWrite {
  kind: 'ConditionCheck' | 'Put' | 'Delete' | 'Update';
  body: { TableName: string; Key?: Record<string, unknown>; Item?: Record<string, unknown>; ReturnValuesOnConditionCheckFailure?: string };
  ref: TableRef;
  expressions: RequestExpressions;
  /** The validated Put item or action key. */
  values: Item;
  /** What the action carries toward the transaction's 4 MB (payload-size.ts). */
  bytes: number;
}

/** The member name of each action kind in Coral's paths ('transactItems.1.member.conditionCheck'). */
const MEMBER = { ConditionCheck: 'conditionCheck', Put: 'put', Delete: 'delete', Update: 'update' } as const;

const kindsOf = (action: TransactWriteItem) => (['ConditionCheck', 'Put', 'Delete', 'Update'] as const).filter((k) => action[k] !== undefined && action[k] !== null);

const ON_CONDITION_FAILURE = ['ALL_OLD', 'NONE'] as const;

/**
 * An action's model constraints are among the request's member constraints, reported with the
 * others (ClientRequestToken, the enums) in one message before anything else is read
 * (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts): its
 * table name, a ConditionCheck's required ConditionExpression, and the
 * ReturnValuesOnConditionCheckFailure enum, which AWS refuses for the whole request rather than
 * as a cancellation reason (scylladb/scylladb test/alternator/test_transact.py
 * test_transact_write_items_single_conditioncheck_unconditional and
 * test_transact_write_items_returnvaluesonconditioncheckfailure).
 */
export function checkActionMembers(c: Constraints, action: TransactWriteItem, index: number): void {
  const kinds = kindsOf(action);
  if (kinds.length !== 1) return;
  const kind = kinds[0]!;
  const body = action[kind] as { TableName?: string; ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: string };
  const path = `transactItems.${index + 1}.member.${MEMBER[kind]}`;
  if (!isResolvableName(body.TableName, 1)) checkTableName(c, `${path}.tableName`, body.TableName, 1);
  if (kind === 'ConditionCheck') c.notNull(`${path}.conditionExpression`, body.ConditionExpression);
  c.oneOf(`${path}.returnValuesOnConditionCheckFailure`, body.ReturnValuesOnConditionCheckFailure, ON_CONDITION_FAILURE);
}

/**
 * What AWS checks of an action before it looks any table up: its table name (reported at the
 * action's own member path), its expressions, its values. Actions are parsed in request order
 * and the first problem wins (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/transactWriteItems.test.ts "Put malformed table name" and
 * tests/tier3/validation-ordering/deepRequests.test.ts, absent tables, 2026-10-09).
 */
export function parseWriteAction(ctx: RequestContext, action: TransactWriteItem, index: number): ParsedWrite {
  const kinds = kindsOf(action);
  if (kinds.length === 0) throw noAction();
  if (kinds.length !== 1) throw oneActionPerItem();
  const kind = kinds[0]!;
  const body = action[kind]! as ParsedWrite['body'];
  const ref = resolveTableName(ctx, body.TableName, 1, { path: `transactItems.${index + 1}.member.${MEMBER[kind]}.tableName` });
  // Bad values answer in the older validation layer's wording, as us-east-1 does (values/errors.ts).
  const expressions = requestExpressions(kind === 'Put' ? 'PutItem' : kind === 'Update' ? 'UpdateItem' : 'DeleteItem', body as Parameters<typeof requestExpressions>[1], undefined, 'older');
  const values = validateItem((kind === 'Put' ? body.Item : body.Key) as Record<string, unknown>, { layer: 'older' });
  // A Put's size is its 400 KB check's too (planWrite): one pass over the item for both.
  const bytes = kind === 'Put' ? itemSize(values) : keyAndValuesBytes(values, (body as { ExpressionAttributeValues?: Record<string, unknown> }).ExpressionAttributeValues);
  return { kind, body, ref, expressions, values, bytes };
}

export function planWrite(deps: DdbDeps, parsed: ParsedWrite): PlannedWrite {
  const { kind, body, expressions } = parsed;
  const table = requireResolvedTable(deps, parsed.ref);
  const onFailure = body.ReturnValuesOnConditionCheckFailure;
  let keyItem: Item;
  let putItem: Item | undefined;
  let mismatch: string | undefined;
  if (kind === 'Put') {
    const item = parsed.values;
    mismatch = keyTypeMismatch(table, item, true);
    putItem = mismatch === undefined ? checkPutItemAgainst(table, item, parsed.bytes) : item;
    keyItem = { [table.hash.name]: putItem[table.hash.name]!, ...(table.range && { [table.range.name]: putItem[table.range.name]! }) };
  } else {
    keyItem = parsed.values;
    mismatch = keyTypeMismatch(table, keyItem, false);
    if (mismatch === undefined) checkKey(table, keyItem);
  }
  if (kind === 'Update' && expressions.update) {
    const keyNames = new Set([table.hash.name, ...(table.range ? [table.range.name] : [])]);
    for (const path of updateTargets(expressions.update)) {
      if (keyNames.has(path[0] as string)) throw ddbErrors.invalidParameter(`Cannot update attribute ${String(path[0])}. This attribute is part of the key`);
    }
  }
  // A mismatched key names no stored item: the action reads nothing and cancels the transaction.
  const encodedKey = mismatch === undefined ? encodePrimaryKey(table.hash, table.range, keyItem) : `\u0000mismatch:${JSON.stringify(keyItem)}`;
  const decide = (old: Item | undefined): { next: Item | undefined } | 'unchanged' => {
    if (mismatch !== undefined) throw ddbErrors.validation(mismatch);
    checkWriteCondition(expressions.condition, old, onFailure);
    switch (kind) {
      case 'ConditionCheck': return 'unchanged';
      case 'Put': return { next: putItem };
      case 'Delete': return { next: undefined };
      case 'Update': {
        const base: Item = old ?? { ...keyItem };
        if (!expressions.update) return { next: base };
        // Only REMOVE/DELETE on a missing item: nothing is written (expressions/update-ast.ts)
        // and no path is refused, as UpdateItem does (operations/update-item.ts).
        if (old === undefined && removesOnly(expressions.update)) return { next: undefined };
        const applied = applyUpdate(expressions.update, base);
        const next = applied.item;
        checkItemKeys(table, next);
        if (itemSize(next) > MAX_ITEM_SIZE) throw ddbErrors.validation('Item size to update has exceeded the maximum allowed size');
        if (updatedTooDeep(next, applied.updatedPaths)) throw ddbErrors.validation(valueMessages.nesting);
        return { next };
      }
    }
  };
  return {
    table,
    encodedKey,
    keyItem,
    lock: { key: itemLockKey(table, encodedKey), run: (section) => deps.items.withItem(table, encodedKey, section) },
    read: () => deps.items.read(table, encodedKey),
    decide,
    // The record as it is now, under the lock: a GSI added meanwhile is maintained too.
    changeOps: (old, next) => {
      const current = deps.tables.byId(table.id);
      if (!current) throw ddbErrors.resourceNotFound();
      return deps.items.changeOps(current, encodedKey, old, next);
    },
  };
}
