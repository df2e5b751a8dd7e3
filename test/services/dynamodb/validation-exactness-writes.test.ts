/**
 * DeleteItem, UpdateItem, GetItem, BatchWriteItem and TransactWriteItems refusals, row by row
 * against what real DynamoDB answered (see exactness-rows.ts).
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const PS = 'paritysuite/dynamodb-conformance tests/tier3/error-messages';
const DYN = 'architect/dynalite test';
const INVALID = 'One or more parameter values were invalid: ';
const SCHEMA = 'The provided key element does not match the schema';
const EMPTY_KEY = 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a';
const one = (m: string): string => `1 validation error detected: ${m}`;
const ABSENT = 'absent-table-exactness';
const CANCELLED = 'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]';

const del = (extra: Record<string, unknown>) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'k' } }, ...extra });
const upd = (extra: Record<string, unknown>) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'k' } }, ...extra });
const tx = (...items: unknown[]) => () => ({ TransactItems: items });

const rows: Row[] = [
  // DeleteItem (paritysuite deleteItem.test.ts; the envelope rows captured in two regions, 2026-10-09).
  { source: `${PS}/deleteItem.test.ts "non-existent table"`, op: 'DeleteItem', body: () => ({ TableName: ABSENT, Key: { a: { S: 'k' } } }),
    type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
  { source: `${PS}/deleteItem.test.ts "missing range key on composite table"`, op: 'DeleteItem', body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' } } }), message: SCHEMA },
  { source: `${PS}/deleteItem.test.ts "mixing Expected with ConditionExpression"`, op: 'DeleteItem',
    body: del({ Expected: { a: { Exists: false } }, ConditionExpression: 'attribute_not_exists(a)' }),
    message: /^(1 validation error detected: )?Can not use both expression and non-expression parameters in the same request: Non-expression parameters: \{Expected\} Expression parameters: \{ConditionExpression\}$/ },
  { source: `${PS}/deleteItem.test.ts "ExpressionAttributeValues ... without an expression"`, op: 'DeleteItem', body: del({ ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    message: one('ExpressionAttributeValues can only be specified when using expressions') },
  { source: `${PS}/deleteItem.test.ts "ExpressionAttributeNames without an expression"`, op: 'DeleteItem', body: del({ ExpressionAttributeNames: { '#a': 'a' } }),
    message: one('ExpressionAttributeNames can only be specified when using expressions') },
  { source: `${PS}/deleteItem.test.ts "ExpressionAttributeNames beside Expected"`, op: 'DeleteItem',
    body: del({ Expected: { a: { Exists: false } }, ExpressionAttributeNames: { '#a': 'a' } }),
    message: one('ExpressionAttributeNames can only be specified when using expressions') },
  { source: `${PS}/deleteItem.test.ts "an empty ExpressionAttributeValues map"`, op: 'DeleteItem',
    body: del({ ConditionExpression: 'attribute_exists(a)', ExpressionAttributeValues: {} }), message: one('ExpressionAttributeValues must not be empty') },
  { source: `${PS}/deleteItem.test.ts "an empty ExpressionAttributeNames map"`, op: 'DeleteItem',
    body: del({ ConditionExpression: 'attribute_exists(a)', ExpressionAttributeNames: {} }), message: one('ExpressionAttributeNames must not be empty') },
  { source: `${PS}/deleteItem.test.ts "an empty ConditionExpression"`, op: 'DeleteItem', body: del({ ConditionExpression: '' }),
    message: one('Invalid ConditionExpression: The expression can not be empty;') },
  { source: `${PS}/deleteItem.test.ts "ReturnValues ALL_NEW or UPDATED_NEW"`, op: 'DeleteItem', body: del({ ReturnValues: 'ALL_NEW' }),
    message: one('ReturnValues can only be ALL_OLD or NONE') },
  { source: `${PS}/deleteItem.test.ts "ReturnValues ALL_NEW or UPDATED_NEW"`, op: 'DeleteItem', body: del({ ReturnValues: 'UPDATED_NEW' }),
    message: one('ReturnValues can only be ALL_OLD or NONE') },
  { source: `${PS}/deleteItem.test.ts "every malformed Expected condition" (Value and AttributeValueList)`, op: 'DeleteItem',
    body: del({ Expected: { a: { Value: { S: 'x' }, ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] } } }),
    message: one(`${INVALID}Value and AttributeValueList cannot be used together for Attribute: a`) },
  { source: `${PS}/deleteItem.test.ts "every malformed Expected condition" (BETWEEN)`, op: 'DeleteItem',
    body: del({ Expected: { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: 'x' }] } } }),
    message: one(`${INVALID}Invalid number of argument(s) for the BETWEEN ComparisonOperator`) },
  { source: `${PS}/valueLayers.test.ts "DeleteItem refuses a malformed number ... in the key inside the envelope"`, op: 'DeleteItem',
    body: (f) => ({ TableName: f.numeric, Key: { p: { N: 'abc' } } }), message: one('The parameter cannot be converted to a numeric value: abc') },
  { source: `${DYN}/deleteItem.js "key has incorrect attributes" (modern wording as GetItem)`, op: 'DeleteItem', body: (f) => ({ TableName: f.hash, Key: { b: { S: 'a' } } }), message: SCHEMA },

  // UpdateItem (paritysuite updateItem.test.ts).
  { source: `${PS}/updateItem.test.ts "cannot update hash key attribute"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { S: 'new' } } }),
    message: `${INVALID}Cannot update attribute a. This attribute is part of the key` },
  { source: `${PS}/updateItem.test.ts "cannot update range key attribute on composite table"`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' }, b: { S: 'k' } }, UpdateExpression: 'SET b = :v', ExpressionAttributeValues: { ':v': { S: 'new' } } }),
    message: `${INVALID}Cannot update attribute b. This attribute is part of the key` },
  { source: `${PS}/updateItem.test.ts "invalid UpdateExpression syntax" (envelope floated there)`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'INVALID SYNTAX HERE', ExpressionAttributeValues: { ':v': { S: 'val' } } }),
    message: /^(1 validation error detected: )?Invalid UpdateExpression: Syntax error; token: "INVALID", near: "INVALID SYNTAX"$/ },
  { source: `${PS}/updateItem.test.ts "unused ExpressionAttributeNames"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET attr1 = :v', ExpressionAttributeValues: { ':v': { S: 'val' } }, ExpressionAttributeNames: { '#unused': 'someattr' } }),
    message: /^(1 validation error detected: )?Value provided in ExpressionAttributeNames unused in expressions: keys: \{#unused\}$/ },
  { source: `${PS}/updateItem.test.ts "unused ExpressionAttributeValues"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET attr1 = :v', ExpressionAttributeValues: { ':v': { S: 'val' }, ':unused': { S: 'extra' } } }),
    message: /^(1 validation error detected: )?Value provided in ExpressionAttributeValues unused in expressions: keys: \{:unused\}$/ },
  { source: `${PS}/updateItem.test.ts "missing ExpressionAttributeValues reference"`, op: 'UpdateItem', body: upd({ UpdateExpression: 'SET attr1 = :v' }),
    message: /^(1 validation error detected: )?Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v$/ },
  { source: `${PS}/updateItem.test.ts "undefined value in the ConditionExpression beside a defined one"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET b = :w', ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':w': { S: 'x' } } }),
    message: one('Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v') },
  { source: `${PS}/updateItem.test.ts "mixing UpdateExpression with AttributeUpdates"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET attr1 = :v', ExpressionAttributeValues: { ':v': { S: 'val' } }, AttributeUpdates: { attr1: { Value: { S: 'val' }, Action: 'PUT' } } }),
    message: /^(1 validation error detected: )?Can not use both expression and non-expression parameters in the same request: Non-expression parameters: \{AttributeUpdates\} Expression parameters: \{UpdateExpression\}$/ },
  { source: `${PS}/updateItem.test.ts "empty UpdateExpression"`, op: 'UpdateItem', body: upd({ UpdateExpression: '' }),
    message: /^(1 validation error detected: )?Invalid UpdateExpression: The expression can not be empty;$/ },
  { source: `${PS}/valueLayers.test.ts "UpdateItem refuses a malformed number in a value ... inside the envelope"`, op: 'UpdateItem',
    body: upd({ UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': { N: '1e126' } } }),
    message: one('Number overflow. Attempting to store a number with magnitude larger than supported range') },
  { source: `${PS}/valueLayers.test.ts "UpdateItem refuses a malformed number ... in AttributeUpdates"`, op: 'UpdateItem',
    body: upd({ AttributeUpdates: { n: { Action: 'PUT', Value: { N: '' } } } }), message: one('The parameter cannot be converted to a numeric value: ') },
  { source: `${PS}/valueLayers.test.ts "UpdateItem refuses a duplicate ... in AttributeUpdates inside the envelope"`, op: 'UpdateItem',
    body: upd({ AttributeUpdates: { s: { Action: 'PUT', Value: { SS: ['b', 'a', 'b'] } } } }),
    message: one(`${INVALID}Input collection ["a", "b", "b"] contains duplicates.`) },

  // GetItem: bare, current wording (paritysuite valueLayers.test.ts); key mismatch (dynalite getItem.js).
  { source: `${PS}/valueLayers.test.ts "GetItem ... refuse a malformed number bare"`, op: 'GetItem', body: (f) => ({ TableName: f.numeric, Key: { p: { N: '1e2147483647' } } }),
    message: 'Number overflow. Attempting to store a number with magnitude larger than supported range' },
  { source: `${PS}/valueLayers.test.ts "GetItem and BatchGetItem refuse a duplicate in the key bare"`, op: 'GetItem', body: (f) => ({ TableName: f.hash, Key: { a: { NS: ['2', '1', '2'] } } }),
    message: `${INVALID}Input collection contains duplicates.` },
  { source: `${DYN}/getItem.js "key has incorrect attributes"`, op: 'GetItem', body: (f) => ({ TableName: f.hash, Key: { b: { S: 'a' } } }), message: SCHEMA },
  { source: `${DYN}/getItem.js "key is incorrect numeric type"`, op: 'GetItem', body: (f) => ({ TableName: f.hash, Key: { a: { N: '1' } } }), message: SCHEMA },
  { source: `${DYN}/getItem.js "missing range key"`, op: 'GetItem', body: (f) => ({ TableName: f.range, Key: { a: { S: 'a' } } }), message: SCHEMA },
  { source: 'scylladb/scylladb test/alternator/test_item.py test_get_item_wrong_key_type (spurious key columns)', op: 'GetItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'a' }, b: { S: 'b' }, spurious: { S: 'c' } } }), message: SCHEMA },

  // BatchWriteItem (paritysuite batchWriteItem.test.ts; key values captured in four regions, 2026-06-23).
  { source: `${PS}/batchWriteItem.test.ts "empty RequestItems" (either answer while AWS rolls out)`, op: 'BatchWriteItem', body: () => ({ RequestItems: {} }),
    message: /^(The requestItems parameter is required for BatchWriteItem|1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1)$/ },
  { source: `${PS}/batchWriteItem.test.ts "> 25 requests"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { a: { S: `bw-${i}` } } } })) } }),
    message: /^1 validation error detected: (?:Value '\{xh-[^=]+=\[.+\]\}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\]|Value at 'RequestItems\.xh-[^.]+\.member' failed to satisfy constraint: Member must have length less than or equal to 25)$/s },
  { source: `${PS}/batchWriteItem.test.ts "same key Put and Delete in one batch"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'dup' } } } }, { DeleteRequest: { Key: { a: { S: 'dup' } } } }] } }),
    message: 'Provided list of item keys contains duplicates' },
  { source: `${PS}/batchWriteItem.test.ts "non-existent table"`, op: 'BatchWriteItem', body: () => ({ RequestItems: { [ABSENT]: [{ PutRequest: { Item: { a: { S: 'x' } } } }] } }),
    type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
  { source: `${PS}/batchWriteItem.test.ts "wrong-typed table key"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { N: '5' } } } }] } }), message: SCHEMA },
  { source: `${PS}/batchWriteItem.test.ts "non-scalar table key"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { L: [{ S: 'x' }] } } } }] } }), message: SCHEMA },
  { source: `${PS}/batchWriteItem.test.ts "empty-string table key"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: '' } } } }] } }), message: EMPTY_KEY },
  { source: `${PS}/batchWriteItem.test.ts "item without the partition key"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { other: { S: 'x' } } } }] } }), message: SCHEMA },
  { source: `${PS}/batchWriteItem.test.ts "delete key without the partition key"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [{ DeleteRequest: { Key: { other: { S: 'x' } } } }] } }), message: SCHEMA },
  { source: `${PS}/batchWriteItem.test.ts "empty request list for a table"`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.hash]: [] } }),
    message: /^1 validation error detected: Value '\{xh-[^=]+=\[\]\}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\]$/ },
  { source: `${PS}/valueLayers.test.ts "BatchWriteItem refuses a malformed number bare, in the older wording"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'x' }, n: { N: '' } } } }] } }), message: 'The parameter cannot be converted to a numeric value' },

  // TransactWriteItems (paritysuite transactWriteItems.test.ts).
  { source: `${PS}/transactWriteItems.test.ts "empty TransactItems" (either answer while AWS rolls out)`, op: 'TransactWriteItems', body: tx(),
    message: /^1 validation error detected: (Value '\[\]' at 'transactItems'|Value at 'TransactItems') failed to satisfy constraint: Member must have length greater than or equal to 1$/ },
  { source: `${PS}/transactWriteItems.test.ts "> 100 actions"`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: f.hash, Item: { a: { S: `tx-${i}` } } } })) }),
    message: /^1 validation error detected: (?:Value '\[.+\]' at 'transactItems'|Value at 'TransactItems') failed to satisfy constraint: Member must have length less than or equal to 100$/s },
  { source: `${PS}/transactWriteItems.test.ts "duplicate target keys in same transaction"`, op: 'TransactWriteItems',
    body: (f) => tx({ Put: { TableName: f.hash, Item: { a: { S: 'dup' } } } }, { Put: { TableName: f.hash, Item: { a: { S: 'dup' } } } })(),
    message: 'Transaction request cannot include multiple operations on one item' },
  { source: `${PS}/transactWriteItems.test.ts "non-existent table"`, op: 'TransactWriteItems', body: tx({ Put: { TableName: ABSENT, Item: { a: { S: 'x' } } } }),
    type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
  { source: `${PS}/transactWriteItems.test.ts "Put wrong-typed table key"`, op: 'TransactWriteItems', body: (f) => tx({ Put: { TableName: f.hash, Item: { a: { N: '5' } } } })(),
    type: DDB('TransactionCanceledException'), message: CANCELLED },
  { source: `${PS}/transactWriteItems.test.ts "Put empty-string table key"`, op: 'TransactWriteItems', body: (f) => tx({ Put: { TableName: f.hash, Item: { a: { S: '' } } } })(), message: EMPTY_KEY },
  { source: `${PS}/transactWriteItems.test.ts "Delete empty-string Key"`, op: 'TransactWriteItems', body: (f) => tx({ Delete: { TableName: f.hash, Key: { a: { S: '' } } } })(), message: EMPTY_KEY },
  { source: `${PS}/transactWriteItems.test.ts "ConditionCheck empty-string Key"`, op: 'TransactWriteItems',
    body: (f) => tx({ ConditionCheck: { TableName: f.hash, Key: { a: { S: '' } }, ConditionExpression: 'attribute_not_exists(a)' } })(), message: EMPTY_KEY },
  { source: `${PS}/transactWriteItems.test.ts "Update wrong-typed Key"`, op: 'TransactWriteItems',
    body: (f) => tx({ Update: { TableName: f.hash, Key: { a: { N: '5' } }, UpdateExpression: 'SET attr1 = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } } })(),
    type: DDB('TransactionCanceledException'), message: CANCELLED },
  { source: `${PS}/transactWriteItems.test.ts "Delete non-scalar Key"`, op: 'TransactWriteItems', body: (f) => tx({ Delete: { TableName: f.hash, Key: { a: { L: [{ S: 'x' }] } } } })(),
    type: DDB('TransactionCanceledException'), message: CANCELLED },
  // The older validation layer (us-east-1, us-west-2, eu-west-1; eu-west-2 runs the current one on
  // transactions: paritysuite valueLayers.test.ts accepts exactly those two answers).
  { source: `${PS}/valueLayers.test.ts "BatchWriteItem refuses a duplicate in an item ... in the older wording"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: 'x' }, s: { SS: ['b', 'a', 'b'] } } } }] } }),
    message: `${INVALID}Input collection [b, a, b] contains duplicates.` },
  { source: `${PS}/valueLayers.test.ts "BatchWriteItem refuses a duplicate in ... a delete key"`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ DeleteRequest: { Key: { a: { NS: ['2', '1', '2'] } } } }] } }), message: 'Input collection contains duplicates' },
  { source: `${PS}/valueLayers.test.ts "TransactWriteItems refuses a malformed number in a Put item up front"`, op: 'TransactWriteItems',
    body: (f) => tx({ Put: { TableName: f.hash, Item: { a: { S: 'x' }, n: { N: '' } } } })(),
    message: /^The parameter cannot be converted to a numeric value(: )?$/ },
  { source: `${PS}/valueLayers.test.ts "TransactWriteItems refuses a malformed number in an Update value up front"`, op: 'TransactWriteItems',
    body: (f) => tx({ Update: { TableName: f.hash, Key: { a: { S: 'x' } }, UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': { N: 'abc' } } } })(),
    message: /^(ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: abc for key :v|The parameter cannot be converted to a numeric value: abc)$/ },
  { source: `${PS}/valueLayers.test.ts "TransactGetItems refuses a duplicate in a key up front"`, op: 'TransactGetItems',
    body: (f) => tx({ Get: { TableName: f.hash, Key: { a: { SS: ['b', 'a', 'b'] } } } })(),
    message: /^One or more parameter values were invalid: Input collection (\[b, a, b\]|\["a", "b", "b"\]) contains duplicates\.$/ },
];

registerRows(test, rows);
