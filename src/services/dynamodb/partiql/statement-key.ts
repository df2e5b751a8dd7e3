/**
 * The item a prepared statement of a batch names, as one string (its table and encoded key), so
 * that BatchExecuteStatement can refuse two statements on one item as BatchGetItem and
 * BatchWriteItem do.
 */
import type { AttributeValue } from './ast.js';
import type { Prepared } from './prepare.js';
import { keyFromWhere } from './translate.js';
import { encodeKeyValue } from '../key-encoding.js';
import type { AttributeValue as StoredValue } from '../values/types.js';

export function statementKey(p: Prepared): string {
  const s = p.parsed.statement;
  const names = p.keys.key.range === undefined ? [p.keys.key.hash] : [p.keys.key.hash, p.keys.key.range];
  let key: Record<string, AttributeValue>;
  if (s.kind === 'insert') key = (p.translated.input as { Item: Record<string, AttributeValue> }).Item;
  else if (s.kind === 'select') key = keyFromWhere(s.where, p.keys.key, p.params, undefined, true).key;
  else key = keyFromWhere(s.where, p.keys.key, p.params).key;
  // Numbers by value (1 and 1.0 are one key); strings and binaries as written.
  const encoded = names.map((name) => (key[name]?.N !== undefined ? encodeKeyValue('N', key[name] as StoredValue) : JSON.stringify(key[name])));
  return JSON.stringify([s.target.table, ...encoded]);
}
