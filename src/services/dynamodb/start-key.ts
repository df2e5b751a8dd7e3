/**
 * ExclusiveStartKey → where a Query or Scan resumes, and an item → the LastEvaluatedKey that
 * resumes after it. On a table the key is the primary key; on an index it is the index key plus
 * the table's primary key.
 */
import { ddbErrors } from './errors.js';
import { indexEntryKeyOf } from './index-entries.js';
import { encodePrimaryKey } from './key-encoding.js';
import { itemKey } from './keys.js';
import type { IndexRecord, KeyAttribute, TableRecord } from './table-record.js';
import { typeOf, validateItem, type Item } from './values/index.js';

const INVALID_START = 'The provided starting key is invalid: ';

function keyAttrs(table: TableRecord, index: IndexRecord | undefined): KeyAttribute[] {
  const attrs = [table.hash, ...(table.range ? [table.range] : [])];
  if (index) for (const a of [index.hash, ...(index.range ? [index.range] : [])]) if (!attrs.some((x) => x.name === a.name)) attrs.push(a);
  return attrs;
}

/** The stored key a page starts after (exclusive). */
export function startAfter(table: TableRecord, index: IndexRecord | undefined, raw: Record<string, unknown>): string {
  let key: Item;
  try {
    key = validateItem(raw);
  } catch (err) {
    if (err instanceof Error && !/contains duplicates|number set|numeric value|significant digits|magnitude/.test(err.message)) throw ddbErrors.validation(INVALID_START + err.message);
    throw err;
  }
  const attrs = keyAttrs(table, index);
  const names = Object.keys(key);
  const matches = names.length === attrs.length && attrs.every((a) => key[a.name] !== undefined && typeOf(key[a.name]!) === a.type);
  if (!matches) throw ddbErrors.validation(index ? 'The provided starting key is invalid' : `${INVALID_START}The provided key element does not match the schema`);
  const tableKey = encodePrimaryKey(table.hash, table.range, key);
  return index ? indexEntryKeyOf(table, index, key, tableKey)! : itemKey(table.id, tableKey);
}

/** The LastEvaluatedKey for a page that ended at `item`. */
export function lastEvaluatedKey(table: TableRecord, index: IndexRecord | undefined, item: Item): Item {
  const out: Item = {};
  for (const a of keyAttrs(table, index)) out[a.name] = item[a.name]!;
  return out;
}
