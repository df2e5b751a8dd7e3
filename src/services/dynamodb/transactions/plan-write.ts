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
import { ddbErrors } from '../errors.js';
import { applyUpdate, updateTargets } from '../expressions/index.js';
import { checkItemKeys, checkKey } from '../item-key.js';
import { itemLockKey } from '../item-store.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { checkPutItem } from '../operations/put-item.js';
import { requestExpressions } from '../request-expressions.js';
import type { TableRecord } from '../table-record.js';
import { requireTable } from '../table-lookup.js';
import { itemSize, MAX_ITEM_SIZE, validateItem, type Item } from '../values/index.js';
import { checkWriteCondition } from '../write-condition.js';
import { oneActionPerItem } from './errors.js';
import type { WriteParticipant } from './execute-write.js';

export interface PlannedWrite extends WriteParticipant<Item> {
  table: TableRecord;
  encodedKey: string;
  /** The action's key (or the Put item's key attributes), for ItemCollectionMetrics. */
  keyItem: Item;
}

export function planWrite(deps: DdbDeps, ctx: RequestContext, action: TransactWriteItem): PlannedWrite {
  const kinds = (['ConditionCheck', 'Put', 'Delete', 'Update'] as const).filter((k) => action[k] !== undefined && action[k] !== null);
  if (kinds.length !== 1) throw oneActionPerItem();
  const kind = kinds[0]!;
  const body = action[kind]! as { TableName: string; Key?: Record<string, unknown>; Item?: Record<string, unknown>; ReturnValuesOnConditionCheckFailure?: string };
  const table = requireTable(deps, ctx, body.TableName);
  const expressions = requestExpressions(kind === 'Put' ? 'PutItem' : kind === 'Update' ? 'UpdateItem' : 'DeleteItem', body as Parameters<typeof requestExpressions>[1]);
  const onFailure = body.ReturnValuesOnConditionCheckFailure;
  let keyItem: Item;
  let putItem: Item | undefined;
  if (kind === 'Put') {
    putItem = checkPutItem(table, body.Item as Record<string, unknown>);
    keyItem = { [table.hash.name]: putItem[table.hash.name]!, ...(table.range && { [table.range.name]: putItem[table.range.name]! }) };
  } else {
    keyItem = validateItem(body.Key as Record<string, unknown>);
    checkKey(table, keyItem);
  }
  if (kind === 'Update' && expressions.update) {
    const keyNames = new Set([table.hash.name, ...(table.range ? [table.range.name] : [])]);
    for (const path of updateTargets(expressions.update)) {
      if (keyNames.has(path[0] as string)) throw ddbErrors.invalidParameter(`Cannot update attribute ${String(path[0])}. This attribute is part of the key`);
    }
  }
  const encodedKey = encodePrimaryKey(table.hash, table.range, keyItem);
  const decide = (old: Item | undefined): { next: Item | undefined } | 'unchanged' => {
    checkWriteCondition(expressions.condition, old, onFailure);
    switch (kind) {
      case 'ConditionCheck': return 'unchanged';
      case 'Put': return { next: putItem };
      case 'Delete': return { next: undefined };
      case 'Update': {
        const base: Item = old ?? { ...keyItem };
        if (!expressions.update) return { next: base };
        const next = applyUpdate(expressions.update, base).item;
        checkItemKeys(table, next);
        if (itemSize(next) > MAX_ITEM_SIZE) throw ddbErrors.validation('Item size to update has exceeded the maximum allowed size');
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
