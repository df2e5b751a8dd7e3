/**
 * ConsumedCapacity as DynamoDB computes it from item sizes: a read unit per 4 KB (half for an
 * eventually consistent read), a write unit per 1 KB of the larger of the old and new item, each
 * index entry written, changed or removed counted on its index (an unchanged entry costs
 * nothing). TOTAL answers the sum; INDEXES also breaks it down by table and index. Nothing is
 * ever throttled.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import type { ConsumedCapacityItem as ConsumedCapacity } from '../../model/generated/dynamodb-types.js';
import { projectForIndex, indexEntryKeyOf } from './index-entries.js';
import type { IndexRecord, TableRecord } from './table-record.js';
import { itemSize, valuesEqual, type Item } from './values/index.js';

export const readUnits = (bytes: number, consistent: boolean): number => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

/** Units per part: the table, and each index by name. */
export interface Consumption { table: number; indexes: Map<string, { global: boolean; units: number }> }

export const emptyConsumption = (): Consumption => ({ table: 0, indexes: new Map() });

export function addIndexUnits(c: Consumption, name: string, global: boolean, units: number): void {
  const entry = c.indexes.get(name);
  if (entry) entry.units += units; else c.indexes.set(name, { global, units });
}

/** What replacing `old` by `next` costs on the table and on each index it touches. */
export function writeConsumption(table: TableRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, into = emptyConsumption()): Consumption {
  into.table += writeUnits(Math.max(old ? itemSize(old) : 0, next ? itemSize(next) : 0));
  for (const index of table.indexes) {
    const before = old && indexEntryKeyOf(table, index, old, encodedKey);
    const after = next && indexEntryKeyOf(table, index, next, encodedKey);
    const oldSize = before !== undefined ? itemSize(projectForIndex(table, index, old!)) : 0;
    const newSize = after !== undefined ? itemSize(projectForIndex(table, index, next!)) : 0;
    let units = 0;
    if (before !== undefined && after !== undefined) {
      if (before !== after) units = writeUnits(oldSize) + writeUnits(newSize);
      // An entry whose key and projected attributes are unchanged is not written, so costs nothing
      // (radkawar/stackd testdata/aws/dynamodb/index_capacity.json seq 23-24, 32-33, 50-52, 60-62,
      // native AWS 2026-09-17: identical overwrites charge the table only; a change outside an
      // INCLUDE or KEYS_ONLY projection charges only the ALL indexes).
      else if (!sameEntry(table, index, old!, next!)) units = writeUnits(Math.max(oldSize, newSize));
    }
    else if (before !== undefined) units = writeUnits(oldSize);
    else if (after !== undefined) units = writeUnits(newSize);
    if (units > 0) addIndexUnits(into, index.name, index.global, units);
  }
  return into;
}

function sameEntry(table: TableRecord, index: IndexRecord, old: Item, next: Item): boolean {
  if (old === next) return true;
  return valuesEqual({ M: projectForIndex(table, index, old) }, { M: projectForIndex(table, index, next) });
}

/** The ConsumedCapacity member for `mode` (undefined for NONE or absent). */
export function consumedCapacity(tableName: string, mode: string | undefined, c: Consumption): ConsumedCapacity | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  let total = c.table;
  for (const i of c.indexes.values()) total += i.units;
  if (mode === 'TOTAL') return { TableName: tableName, CapacityUnits: total };
  const out: ConsumedCapacity = { TableName: tableName, CapacityUnits: total, Table: { CapacityUnits: c.table } };
  for (const [name, i] of c.indexes) {
    const group = i.global ? (out.GlobalSecondaryIndexes ??= {}) : (out.LocalSecondaryIndexes ??= {});
    group[name] = { CapacityUnits: i.units };
  }
  return out;
}

/**
 * A transaction's ConsumedCapacity also names the kind of its units, on the total, the table and
 * each index: WriteCapacityUnits for TransactWriteItems (ConditionCheck included), ReadCapacityUnits
 * for TransactGetItems (radkawar/stackd testdata/aws/dynamodb/index_capacity.json seq 40-80,
 * capacity.json "conclusions", native AWS 2026-09-17).
 */
export function transactionCapacity(tableName: string, mode: string | undefined, c: Consumption, kind: 'WriteCapacityUnits' | 'ReadCapacityUnits'): ConsumedCapacity | undefined {
  const out = consumedCapacity(tableName, mode, c);
  if (!out) return undefined;
  out[kind] = out.CapacityUnits;
  if (out.Table) out.Table[kind] = out.Table.CapacityUnits;
  for (const group of [out.GlobalSecondaryIndexes, out.LocalSecondaryIndexes]) {
    for (const part of Object.values(group ?? {})) part[kind] = part.CapacityUnits;
  }
  return out;
}
