/**
 * A request's primary key checked against the table's key schema, with AWS's messages. A Key
 * parameter (GetItem, DeleteItem, UpdateItem, BatchGetItem) must name exactly the key
 * attributes with the right types; an Item (PutItem, BatchWriteItem) must contain them.
 */
import { ddbErrors, INVALID } from './errors.js';
import type { KeyAttribute, TableRecord } from './table-record.js';
import { emptyKeyValueProblem, keySizeProblem, MAX_HASH_KEY_BYTES, typeOf, type AttributeValue, type Item } from './values/index.js';

function checkKeyValue(attr: KeyAttribute, value: AttributeValue, isHash: boolean, where: 'item' | 'key'): void {
  const empty = emptyKeyValueProblem(attr.name, value, where);
  if (empty !== undefined) throw ddbErrors.validation(empty);
  const size = keySizeProblem(value, isHash);
  if (size !== undefined) throw ddbErrors.validation(size);
}

/** A Key parameter: exactly the key attributes, of the schema's types. */
export function checkKey(table: TableRecord, key: Item): void {
  const { hash, range } = table;
  let n = 0;
  for (const name in key) { n++; if (name !== hash.name && name !== range?.name) throw ddbErrors.validation('The provided key element does not match the schema'); }
  if (n !== (range ? 2 : 1)) throw ddbErrors.validation('The provided key element does not match the schema');
  // The hash attribute, then the range one: no array and no closure per request (GetItem's hot path).
  checkKeyAttribute(hash, key[hash.name]!, true);
  if (range) checkKeyAttribute(range, key[range.name]!, false);
}

function checkKeyAttribute(attr: KeyAttribute, value: AttributeValue, isHash: boolean): void {
  if (typeOf(value) !== attr.type) throw ddbErrors.validation('The provided key element does not match the schema');
  checkKeyValue(attr, value, isHash, 'item');
}

/**
 * An item to write: it holds the table's key attributes with the right types, and index keys
 * that fit. PutItem names the key attribute at fault; BatchWriteItem (`batch`) only says the key
 * does not match. An index key at fault is reported with the first index (by name) keyed on it.
 */
export function checkItemKeys(table: TableRecord, item: Item, batch = false): void {
  // The hash key, then the range key, without an array or closure per item written.
  checkItemKey(table.hash, item, true, batch);
  if (table.range) checkItemKey(table.range, item, false, batch);
  if (table.indexes.length === 0) return;
  for (const index of [...table.indexes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const attr of index.range ? [index.hash, index.range] : [index.hash]) {
      const value = item[attr.name];
      if (value === undefined || attr.name === table.hash.name || attr.name === table.range?.name) continue;
      const actual = typeOf(value);
      if (actual !== attr.type) {
        throw ddbErrors.validation(`${INVALID}Type mismatch for Index Key ${attr.name} Expected: ${attr.type} Actual: ${actual} IndexName: ${index.name}`);
      }
      const empty = emptyKeyValueProblem(attr.name, value, 'item');
      if (empty !== undefined) {
        throw ddbErrors.validation('One or more parameter values are not valid. A value specified for a secondary index key is not supported. '
          + `The AttributeValue for a key attribute cannot contain an empty ${value.S !== undefined ? 'string' : 'binary'} value. IndexName: ${index.name}, IndexKey: ${attr.name}`);
      }
      if (attr === index.hash) checkIndexHashSize(attr.name, value, index.name);
    }
  }
}

/**
 * An index partition key value is at most 2048 bytes, as a table's is; AWS names the index
 * (quoted by architect/dynalite issue #35 and wellcomecollection/platform issue #2285). The
 * common short value costs one comparison: a string of at most 682 UTF-16 units has at most
 * 2046 UTF-8 bytes, so only a longer one is measured.
 */
function checkIndexHashSize(name: string, value: AttributeValue, indexName: string): void {
  const size = value.S !== undefined ? (value.S.length > 682 ? Buffer.byteLength(value.S, 'utf8') : 0) : value.B !== undefined ? value.B.length : 0;
  if (size > MAX_HASH_KEY_BYTES) {
    throw ddbErrors.validation(`${INVALID}Size limit exceeded for Index Key ${name} Actual Size: ${size} bytes Max Size: ${MAX_HASH_KEY_BYTES} bytes IndexName: ${indexName}`);
  }
}

function checkItemKey(attr: KeyAttribute, item: Item, isHash: boolean, batch: boolean): void {
  const value = item[attr.name];
  if (value === undefined) {
    throw batch ? ddbErrors.validation('The provided key element does not match the schema') : ddbErrors.invalidParameter(`Missing the key ${attr.name} in the item`);
  }
  const actual = typeOf(value);
  if (actual !== attr.type) {
    throw batch ? ddbErrors.validation('The provided key element does not match the schema') : ddbErrors.invalidParameter(`Type mismatch for key ${attr.name} expected: ${attr.type} actual: ${actual}`);
  }
  checkKeyValue(attr, value, isHash, 'item');
}

/** The key attributes of `item` alone (for LastEvaluatedKey, ReturnValues keys, batch answers). */
export function keyOf(table: { hash: KeyAttribute; range?: KeyAttribute }, item: Item): Item {
  const key: Item = { [table.hash.name]: item[table.hash.name]! };
  if (table.range) key[table.range.name] = item[table.range.name]!;
  return key;
}
