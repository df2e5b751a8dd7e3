/**
 * The limits paritysuite/dynamodb-conformance measured against real DynamoDB (tests/tier3/limits/:
 * numbers written with far-out exponents, the 4 KB expression limit on every surface, the 400 KB
 * item limit's wording per write surface) and the batch operations' validation order
 * (tests/tier3/validation-ordering/batchOperations.test.ts), row by row (see exactness-rows.ts).
 * UpdateItem's statement-sized item limit has its own boundary tests (update-item-size.test.ts).
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const LIM = 'paritysuite/dynamodb-conformance tests/tier3/limits';
const EXP = `${LIM}/numberExponent.test.ts`;
const SIZE = `${LIM}/expressionSize.test.ts`;
const SURF = `${LIM}/itemSizeBySurface.test.ts`;
const BATCH = 'paritysuite/dynamodb-conformance tests/tier3/validation-ordering/batchOperations.test.ts';
const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const UNCONVERTIBLE = 'The parameter cannot be converted to a numeric value';
const PUT_WORDING = 'Item size has exceeded the maximum allowed size';
const UPDATE_WORDING = 'Item size to update has exceeded the maximum allowed size';
const CANCELLED = 'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]';
const ENUM_RCC = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
const ENUM_RICM = "Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]";
const ABSENT = 'absent-table-exactness';
const NAME_TOO_LARGE = 'Attribute name is too large, must be less than 65536 bytes';
const MAX = 409_600;
const one = (m: string): string => `1 validation error detected: ${m}`;
/**
 * numberExponent.test.ts pins only the phrase ("some regions prefix them with '1 validation
 * error detected: ' and some do not"); where valueLayers.test.ts pinned the layer for the
 * operation the row is exact, elsewhere it takes either.
 */
const eitherLayer = (m: string): RegExp => new RegExp(`^(1 validation error detected: )?${m.replace(/\./g, '\\.')}$`);
/** expressionSize.test.ts pins the phrase; the envelope and the size tail vary by operation. */
const sizeOf = (kind: string): RegExp =>
  new RegExp(`^(1 validation error detected: )?Invalid ${kind}: Expression size has exceeded the maximum allowed size;( expression size: \\d+)?$`);

/** A ~50-byte attribute name per clause (expressionSize.test.ts's padName). */
const padName = (i: number, len = 50): string => { const suffix = `x${i}`; return 'a'.repeat(len - suffix.length) + suffix; };
/** Clauses joined to exactly `target` bytes, the last name stretched to land on the byte. */
function buildToBytes(target: number, prefix: string, joiner: string, clause: (i: number, n: number) => string): { expr: string; clauses: number } {
  const parts: string[] = [];
  let total = prefix.length;
  for (let i = 0; ; i++) {
    const add = (parts.length ? joiner.length : 0) + clause(i, 50).length;
    if (total + add > target) break;
    parts.push(clause(i, 50));
    total += add;
  }
  if (target > total) parts[parts.length - 1] = clause(parts.length - 1, 50 + target - total);
  return { expr: prefix + parts.join(joiner), clauses: parts.length };
}
const valuesFor = (clauses: number): Record<string, unknown> => Object.fromEntries(Array.from({ length: clauses }, (_, i) => [`:v${i}`, { S: 'x' }]));
const updateOver = () => { const { expr, clauses } = buildToBytes(4097, 'SET ', ', ', (i, n) => `${padName(i, n)} = :v${i}`); return { UpdateExpression: expr, ExpressionAttributeValues: valuesFor(clauses) }; };
const conditionOver = (): string => buildToBytes(4097, '', ' AND ', (i, n) => `attribute_not_exists(${padName(i, n)})`).expr;
const filterOver = () => { const { expr, clauses } = buildToBytes(4097, '', ' OR ', (i, n) => `${padName(i, n)} = :v${i}`); return { FilterExpression: expr, ExpressionAttributeValues: valuesFor(clauses) }; };
const projectionOver = (): string => buildToBytes(4097, '', ', ', (i, n) => padName(i, n)).expr;

/** An item on the hash fixture (key `a`) padded in `p` to exactly `bytes` (names and values, as DynamoDB sizes it). */
const sized = (id: string, bytes: number): Record<string, unknown> => ({ a: { S: id }, p: { S: 'x'.repeat(bytes - 1 - id.length - 1) } });
const put = (value: string) => (f: Fixtures) => ({ TableName: f.hash, Item: { a: { S: 'nx-rejected' }, val: { N: value } } });

const rows: Row[] = [
  // Numbers written with an exponent past the range (numberExponent.test.ts, eu-west-2, October 2026).
  { source: `${EXP} "an exponent past a 32-bit integer overflows"`, op: 'PutItem', body: put('1e99999999999'), message: one(OVERFLOW) },
  { source: `${EXP} "a negative exponent past a 32-bit integer underflows"`, op: 'PutItem', body: put('1e-99999999999'), message: one(UNDERFLOW) },
  { source: `${EXP} "an exponent one past a 32-bit integer overflows"`, op: 'PutItem', body: put('1e2147483648'), message: one(OVERFLOW) },
  { source: `${EXP} "an exponent past a 64-bit integer cannot be converted"`, op: 'PutItem', body: put('1e9223372036854775808'),
    message: new RegExp(`^1 validation error detected: ${UNCONVERTIBLE}(: 1e9223372036854775808)?$`) },
  { source: `${EXP} "zero with an exponent above the range overflows"`, op: 'PutItem', body: put('0e126'), message: one(OVERFLOW) },
  { source: `${EXP} "zero with an exponent below the range underflows"`, op: 'PutItem', body: put('0e-131'), message: one(UNDERFLOW) },
  { source: `${EXP} "an UpdateExpression value with an exponent past a 32-bit integer overflows"`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'nx-update' } }, UpdateExpression: 'SET m = :v', ExpressionAttributeValues: { ':v': { N: '1e99999999999' } } }), message: one(OVERFLOW) },
  { source: `${EXP} "a ConditionExpression value with an exponent past a 32-bit integer overflows"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'nx-condition' } }, ConditionExpression: 'attribute_not_exists(n) OR n = :v', ExpressionAttributeValues: { ':v': { N: '1e99999999999' } } }),
    message: one(OVERFLOW) },
  { source: `${EXP} "a GetItem key with an exponent past a 32-bit integer overflows"`, op: 'GetItem', body: (f) => ({ TableName: f.numeric, Key: { p: { N: '1e99999999999' } } }), message: OVERFLOW },
  { source: `${EXP} "a DeleteItem key with an exponent past a 32-bit integer overflows"`, op: 'DeleteItem', body: (f) => ({ TableName: f.numeric, Key: { p: { N: '1e99999999999' } } }), message: one(OVERFLOW) },
  { source: `${EXP} "an UpdateItem key with an exponent past a 32-bit integer overflows"`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.numeric, Key: { p: { N: '1e99999999999' } }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { S: 'x' } } }), message: one(OVERFLOW) },
  { source: `${EXP} "a BatchGetItem key with an exponent past a 32-bit integer overflows"`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.numeric]: { Keys: [{ p: { N: '1e99999999999' } }] } } }), message: eitherLayer(OVERFLOW) },

  // The 4 KB expression limit, 4,097 bytes on each surface (expressionSize.test.ts, four regions, 2026-07-12;
  // TransactWriteItems eu-west-2 and us-east-1, 2026-09-12: a top-level ValidationException, nothing written).
  { source: `${SIZE} "rejects an UpdateExpression over the 4096-byte limit"`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'lim-es-upd-over' } }, ...updateOver() }), message: sizeOf('UpdateExpression') },
  { source: `${SIZE} "rejects a ConditionExpression over the 4096-byte limit"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'lim-es-cond-over' } }, ConditionExpression: conditionOver() }), message: sizeOf('ConditionExpression') },
  { source: `${SIZE} "rejects a Query FilterExpression over the 4096-byte limit"`, op: 'Query', body: (f) => {
    const { FilterExpression, ExpressionAttributeValues } = filterOver();
    return { TableName: f.hash, KeyConditionExpression: 'a = :pk', FilterExpression, ExpressionAttributeValues: { ...ExpressionAttributeValues, ':pk': { S: 'lim-es-q' } } };
  }, message: sizeOf('FilterExpression') },
  { source: `${SIZE} "rejects a Scan FilterExpression over the 4096-byte limit"`, op: 'Scan', body: (f) => ({ TableName: f.hash, ...filterOver() }), message: sizeOf('FilterExpression') },
  { source: `${SIZE} "rejects a ProjectionExpression over the 4096-byte limit"`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'lim-es-proj' } }, ProjectionExpression: projectionOver() }), message: sizeOf('ProjectionExpression') },
  { source: `${SIZE} "rejects a Put ConditionExpression over the 4096-byte limit" (TransactWriteItems)`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [{ Put: { TableName: f.hash, Item: { a: { S: 'twi-cond-over' } }, ConditionExpression: conditionOver() } }] }), message: sizeOf('ConditionExpression') },
  { source: `${SIZE} "rejects an Update UpdateExpression over the 4096-byte limit" (TransactWriteItems)`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [{ Update: { TableName: f.hash, Key: { a: { S: 'twi-upd-over' } }, ...updateOver() } }] }), message: sizeOf('UpdateExpression') },
  { source: `${SIZE} "rejects the whole request when only the second member is oversized"`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [{ Put: { TableName: f.hash, Item: { a: { S: 'twi-second-first' } } } },
      { Put: { TableName: f.hash, Item: { a: { S: 'twi-second-over' } }, ConditionExpression: conditionOver() } }] }), message: sizeOf('ConditionExpression') },

  // The 400 KB item limit's wording by write surface (itemSizeBySurface.test.ts, eu-west-2, 2026-08-18):
  // a put says the item has exceeded, an update that the item *to update* has; a transacted Put is
  // refused up front, a transacted Update (sized on the stored item) is cancelled.
  { source: `${SURF} BatchWriteItem "refuses it one byte over, with the put wording"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: sized('bwi-over', MAX + 1) } }] } }), message: PUT_WORDING },
  { source: `${SURF} TransactWriteItems "a Put one byte over raises ValidationException, not a cancellation"`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [{ Put: { TableName: f.hash, Item: sized('txn-put-over', MAX + 1) } }] }), message: PUT_WORDING },
  { source: `${SURF} TransactWriteItems "an Update one byte over surfaces as a cancellation, with the update wording"`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [{ Update: { TableName: f.hash, Key: { a: { S: 'txn-upd-over' } }, UpdateExpression: 'SET p = :p',
      ExpressionAttributeValues: { ':p': sized('txn-upd-over', MAX + 1).p } } }] }), type: DDB('TransactionCanceledException'), message: CANCELLED },
  { source: `${SURF} PartiQL "INSERT refuses it one byte over, with the put wording"`, op: 'ExecuteStatement',
    body: (f) => ({ Statement: `INSERT INTO "${f.hash}" VALUE {'a': ?, 'p': ?}`, Parameters: [{ S: 'pql-ins-over' }, sized('pql-ins-over', MAX + 1).p] }), message: PUT_WORDING },
  { source: `${SURF} PartiQL "UPDATE refuses it one byte over, with the update wording"`, op: 'ExecuteStatement',
    setup: [{ op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'pql-upd-over' } } }) }],
    body: (f) => ({ Statement: `UPDATE "${f.hash}" SET p = ? WHERE a = ?`, Parameters: [sized('pql-upd-over', MAX + 1).p, { S: 'pql-upd-over' }] }), message: UPDATE_WORDING },
  { source: `${SURF} "AttributeUpdates sizes the finished item" (one byte over)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'au-over' } }, AttributeUpdates: { p: { Action: 'PUT', Value: sized('au-over', MAX + 1).p } } }), message: UPDATE_WORDING },
  { source: `${SURF} "refuses an over-limit charge even when the condition would fail"`, op: 'UpdateItem',
    setup: [{ op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'order-fails' }, c: { S: 'x' } } }) }],
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'order-fails' } }, UpdateExpression: 'SET c = if_not_exists(c, :huge)', ConditionExpression: 'attribute_exists(nope)',
      ExpressionAttributeValues: { ':huge': { S: 'h'.repeat(409_700) } } }), message: UPDATE_WORDING },
  { source: `${SURF} "refuses an over-limit charge when the condition passes, and with no condition"`, op: 'UpdateItem',
    setup: [{ op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'order-passes' }, c: { S: 'x' } } }) }],
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'order-passes' } }, UpdateExpression: 'SET c = if_not_exists(c, :huge)', ExpressionAttributeValues: { ':huge': { S: 'h'.repeat(409_700) } } }),
    message: UPDATE_WORDING },

  // A 65,536-byte attribute name (ExtendDB/extenddb#365, measured against the service 2026-09-16;
  // the SET #n answer is quoted cut short after "must").
  { source: 'ExtendDB/extenddb#365 "PutItem, top-level name of 65,536 bytes"', op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'name-top' }, ['n'.repeat(65_536)]: { S: 'x' } } }), message: one(NAME_TOO_LARGE) },
  { source: 'ExtendDB/extenddb#365 "PutItem, nested map key of 65,536 bytes"', op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'name-nested' }, doc: { M: { ['n'.repeat(65_536)]: { S: 'x' } } } } }), message: one(NAME_TOO_LARGE) },
  { source: 'ExtendDB/extenddb#365 "UpdateItem SET doc = :v, value containing a 65,536 byte nested key"', op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'name-upd' } }, UpdateExpression: 'SET doc = :v', ExpressionAttributeValues: { ':v': { M: { ['n'.repeat(65_536)]: { S: 'x' } } } } }),
    message: one(NAME_TOO_LARGE) },
  { source: 'ExtendDB/extenddb#365 "UpdateItem SET #n = :v, #n mapped to a 65,536 byte name"', op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'name-upd' } }, UpdateExpression: 'SET #n = :v', ExpressionAttributeNames: { '#n': 'n'.repeat(65_536) },
      ExpressionAttributeValues: { ':v': { S: 'x' } } }), message: /^1 validation error detected: Attribute name is too large, must/ },

  // Batch operations: member constraints first, together; BatchWriteItem's enum wins over a bad
  // table name, BatchGetItem reports both (batchOperations.test.ts, us-east-1 and eu-west-2, 2026-10-09).
  { source: `${BATCH} "BatchWriteItem refuses an unknown ReturnConsumedCapacity and writes nothing"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'vo-bw-rcc' } } } }] }, ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${BATCH} "BatchWriteItem refuses an unknown ReturnItemCollectionMetrics and writes nothing"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'vo-bw-ricm' } } } }] }, ReturnItemCollectionMetrics: 'BOGUS2' }), message: one(ENUM_RICM) },
  { source: `${BATCH} "BatchWriteItem reports both unknown enums in one message, ReturnConsumedCapacity first"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'vo-bw-both' } } } }] }, ReturnConsumedCapacity: 'BOGUS', ReturnItemCollectionMetrics: 'BOGUS2' }),
    message: `2 validation errors detected: ${ENUM_RCC}; ${ENUM_RICM}` },
  { source: `${BATCH} "BatchWriteItem reports an unknown ReturnConsumedCapacity ahead of a missing table"`, op: 'BatchWriteItem',
    body: () => ({ RequestItems: { [ABSENT]: [{ PutRequest: { Item: { a: { S: 'a' } } } }] }, ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${BATCH} "BatchWriteItem reports an unknown ReturnConsumedCapacity alone over a malformed table name"`, op: 'BatchWriteItem',
    body: () => ({ RequestItems: { 'bad!name': [{ PutRequest: { Item: { a: { S: 'vo-bw-badname' } } } }] }, ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${BATCH} "BatchGetItem refuses an unknown ReturnConsumedCapacity"`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.hash]: { Keys: [{ a: { S: 'a' } }] } }, ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${BATCH} "BatchGetItem reports an unknown ReturnConsumedCapacity ahead of a missing table"`, op: 'BatchGetItem',
    body: () => ({ RequestItems: { [ABSENT]: { Keys: [{ a: { S: 'a' } }] } }, ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${BATCH} "BatchGetItem reports a malformed table name and an unknown ReturnConsumedCapacity together"`, op: 'BatchGetItem',
    body: () => ({ RequestItems: { 'bad!name': { Keys: [{ pk: { S: 'a' } }] } }, ReturnConsumedCapacity: 'BOGUS' }),
    message: "2 validation errors detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
      + `[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; ${ENUM_RCC}` },
  { source: `${BATCH} "BatchWriteItem rejects more than 25 items with exact count in message" (the source's pattern)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { a: { S: `item_${i}` } } } })) } }),
    message: /member must have length less than or equal to 25|too many items/i },
  { source: `${BATCH} "BatchGetItem rejects more than 100 keys with exact count in message" (the source's pattern)`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.hash]: { Keys: Array.from({ length: 101 }, (_, i) => ({ a: { S: `key_${i}` } })) } } }),
    message: /member must have length less than or equal to 100|too many items/i },
];

registerRows(test, rows);
