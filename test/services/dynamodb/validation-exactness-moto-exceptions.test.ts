/**
 * Refusals as moto's aws_verified tests in tests/test_dynamodb/exceptions/ assert them (those
 * tests run against real DynamoDB; see exactness-rows.ts for the row harness). Only tests marked
 * `@pytest.mark.aws_verified` are used. moto's table has hash key `pk` (S), or `pk` + `rk`/`sk`:
 * here the hash fixture's `a`, or the range fixture's `a` + `b`, so a message naming the key names
 * `a`. Where the moto test used the boto3 resource, its Python values are written out as the
 * AttributeValues boto3 sends.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const EX = 'getmoto/moto tests/test_dynamodb/exceptions/test_dynamodb_exceptions.py';
const TX = 'getmoto/moto tests/test_dynamodb/exceptions/test_dynamodb_transactions.py';
const CLASH = `${EX} ::TestUpdateExpressionClausesWithClashingExpressions`;
const DUP = `${EX} ::TestDuplicateProjectionExpressions`;
const OVERLAP = 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; ';
const ENV_OVERLAP_START = /^(1 validation error detected: )?Invalid UpdateExpression: Two document paths overlap with each other;/;
const UNUSED = 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#count}';
const SCHEMA = 'The provided key element does not match the schema';
const PROJECTION_OVERLAP = /Invalid ProjectionExpression: .*Two document paths overlap with each other; must remove or rewrite one of these paths/;
const once = (section: string): string => `Invalid UpdateExpression: The "${section}" section can only be used once in an update expression;`;
/**
 * PutItem, UpdateItem and DeleteItem: moto's aws_verified tests saw these messages bare; the
 * paritysuite captures of AWS's 2026 validation rollout (four regions, 2026-10; see
 * validation-exactness-rollout.test.ts and docs/dynamodb-expressions.md) see them inside
 * `1 validation error detected: `. The newer capture is what boltstack answers; the row pins the
 * message and lets either envelope through.
 */
const escape = (m: string): string => m.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
const enveloped = (m: string): RegExp => new RegExp(`^(1 validation error detected: )?${escape(m)}$`);
type V = Record<string, unknown>;

/** An UpdateItem on the hash fixture's `the-key` (moto's `Key={"pk": "the-key"}`). */
const upd = (UpdateExpression: string, extra: V = {}) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'the-key' } }, UpdateExpression, ...extra });
const h = { ExpressionAttributeValues: { ':h': { S: 'H' } } };
const tx = (item: (f: Fixtures) => V) => (f: Fixtures) => ({ TransactItems: [item(f)] });

const rows: Row[] = [
  // The wrong key is not looked at: the empty names map is refused first.
  { source: `${EX} ::test_empty_expressionattributenames`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { id: { S: 'my_id' } }, ExpressionAttributeNames: {} }),
    message: 'ExpressionAttributeNames can only be specified when using expressions' },

  { source: `${CLASH}::test_multiple_add_clauses`, op: 'UpdateItem',
    body: upd('ADD x :one SET v = :a ADD y :one', { ExpressionAttributeValues: { ':one': { N: '1' }, ':a': { S: 'lore ipsum' } } }), message: enveloped(once('ADD')) },
  { source: `${CLASH}::test_multiple_remove_clauses`, op: 'UpdateItem',
    body: upd('REMOVE #ulist[0] SET current_user = :current_user REMOVE some_param',
      { ExpressionAttributeNames: { '#ulist': 'user_list' }, ExpressionAttributeValues: { ':current_user': { M: { name: { S: 'Jane' } } } } }),
    message: enveloped(once('REMOVE')) },
  { source: `${CLASH}::test_multiple_set_clauses`, op: 'UpdateItem',
    body: upd('SET current_user = :current_user SET some_param = :current_user', { ExpressionAttributeValues: { ':current_user': { M: { name: { S: 'Jane' } } } } }),
    message: enveloped(once('SET')) },
  { source: `${CLASH}::test_delete_and_add_on_same_set`, op: 'UpdateItem',
    body: upd('ADD #stringSet :addSet DELETE #stringSet :deleteSet',
      { ExpressionAttributeNames: { '#stringSet': 'string_set' }, ExpressionAttributeValues: { ':addSet': { SS: ['c'] }, ':deleteSet': { SS: ['a'] } } }),
    message: ENV_OVERLAP_START },
  { source: `${CLASH}::test_remove_and_add_on_same_set`, op: 'UpdateItem',
    body: upd('ADD #stringSet :addSet REMOVE #stringSet', { ExpressionAttributeNames: { '#stringSet': 'string_set.nested' }, ExpressionAttributeValues: { ':addSet': { SS: ['c'] } } }),
    message: ENV_OVERLAP_START },
  { source: `${CLASH}::test_set_and_remove_on_overlapping_paths`, op: 'UpdateItem', body: upd('REMOVE string_set SET string_set.nested = :h', h), message: ENV_OVERLAP_START },
  { source: `${CLASH}::test_set_path_overlap`, op: 'UpdateItem', body: upd('SET string_set = :h, string_set.nested = :h', h), message: ENV_OVERLAP_START },
  { source: `${CLASH}::test_path_overlap_error_uses_expression_attribute_name`, op: 'UpdateItem',
    body: upd('SET #stringSet = :h, #stringSet = :h', { ...h, ExpressionAttributeNames: { '#stringSet': 'string_set' } }),
    message: enveloped(`${OVERLAP}path one: [string_set], path two: [string_set]`) },
  { source: `${CLASH}::test_path_overlap_error_splits_paths`, op: 'UpdateItem', body: upd('SET string_set.nested = :h, string_set.nested = :h', h),
    message: enveloped(`${OVERLAP}path one: [string_set, nested], path two: [string_set, nested]`) },
  { source: `${CLASH}::test_overlapping_paths_error_if_identical_paths_are_expression_attribute_names`, op: 'UpdateItem',
    body: upd('SET #stringSet = :h, #nested = :h', { ...h, ExpressionAttributeNames: { '#stringSet': 'string_set', '#nested': 'string_set' } }),
    message: ENV_OVERLAP_START },

  // An unused name is refused before the unused value (:countChange), before the key is checked and before the table is looked up.
  { source: `${EX} ::test_update_item_unused_attribute_name (SET)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'pk1' } }, UpdateExpression: 'SET spec.#limit = :limit', ExpressionAttributeNames: { '#count': 'count', '#limit': 'limit' },
      ExpressionAttributeValues: { ':countChange': { N: '1' }, ':limit': { S: 'limit' } } }),
    setup: [{ op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'pk1' }, spec: { M: {} }, am: { N: '0' } } }) }],
    message: enveloped(UNUSED) },
  { source: `${EX} ::test_update_item_unused_attribute_name (ADD)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'pk1' } }, UpdateExpression: 'ADD am :limit', ExpressionAttributeNames: { '#count': 'count' }, ExpressionAttributeValues: { ':limit': { N: '2' } } }),
    message: enveloped(UNUSED) },
  { source: `${EX} ::test_put_item_unused_attribute_name`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'pk1' }, spec: { M: {} }, am: { N: '0' } }, ConditionExpression: 'attribute_not_exists(body)', ExpressionAttributeNames: { '#count': 'count' } }),
    message: enveloped(UNUSED) },
  { source: `${EX} ::test_get_item_unused_attribute_name`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'example_id' } }, ProjectionExpression: 'a', ExpressionAttributeNames: { '#count': 'count' } }), message: UNUSED },
  // The key condition names paths `x` and `a` where values belong: the unused name is still what is answered.
  { source: `${EX} ::test_query_unused_attribute_name`, op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditionExpression: '(#0 = x) AND (begins_with(#1, a))', ExpressionAttributeNames: { '#0': 'a', '#1': 'sk', '#count': 'count' } }),
    message: UNUSED },
  { source: `${EX} ::test_scan_unused_attribute_name`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, FilterExpression: '#h = :h', ExpressionAttributeNames: { '#h': 'a', '#count': 'count' }, ExpressionAttributeValues: { ':h': { M: { S: { S: 'hash_value' } } } } }),
    message: UNUSED },
  { source: `${EX} ::test_delete_unused_attribute_name`, op: 'DeleteItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'pk1' } }, ConditionExpression: 'attribute_not_exists(body)', ExpressionAttributeNames: { '#count': 'count' } }), message: enveloped(UNUSED) },
  { source: `${EX} ::test_batch_get_item_unused_attribute_name (table "users" does not exist)`, op: 'BatchGetItem',
    body: () => ({ RequestItems: { 'users-absent-moto': { Keys: ['user0', 'user1', 'user2', 'user3'].map((u) => ({ username: { S: u } })), ConsistentRead: true,
      ProjectionExpression: '#rl', ExpressionAttributeNames: { '#rl': 'username', '#count': 'count' } } } }),
    message: UNUSED },
  { source: `${EX} ::test_transact_write_item_put_unused_attribute_name`, op: 'TransactWriteItems',
    body: tx((f) => ({ Put: { Item: { a: { S: 'foo' }, foo: { S: 'bar' } }, TableName: f.hash, ConditionExpression: '#i <> foo', ExpressionAttributeNames: { '#i': 'a', '#count': 'count' } } })),
    message: UNUSED },
  { source: `${EX} ::test_transact_write_item_update_unused_attribute_name (a wrong key)`, op: 'TransactWriteItems',
    body: tx((f) => ({ Update: { Key: { id: { S: 'foo' } }, TableName: f.hash, UpdateExpression: 'SET #e = test', ExpressionAttributeNames: { '#e': 'email_address', '#count': 'count' } } })),
    message: UNUSED },
  { source: `${EX} ::test_transact_write_item_delete_unused_attribute_name (a key with an extra attribute)`, op: 'TransactWriteItems',
    body: tx((f) => ({ Delete: { Key: { a: { S: 'foo' }, foo: { S: 'bar' } }, TableName: f.hash, ConditionExpression: '#i <> foo', ExpressionAttributeNames: { '#i': 'a', '#count': 'count' } } })),
    message: UNUSED },
  { source: `${EX} ::test_transact_write_item_unused_attribute_name_in_condition_check`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [
      { ConditionCheck: { Key: { id: { S: 'foo' } }, TableName: f.hash, ConditionExpression: 'attribute_exists(#e)', ExpressionAttributeNames: { '#e': 'email_address', '#count': 'count' } } },
      { Put: { Item: { id: { S: 'bar' }, email_address: { S: 'bar@moto.com' } }, TableName: f.hash } },
    ] }),
    message: UNUSED },

  { source: `${DUP}::test_query_item_with_duplicate_path_in_projection_expressions`, op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditionExpression: '#n0 = :v0', ExpressionAttributeNames: { '#n0': 'a' }, ExpressionAttributeValues: { ':v0': { S: 'the-key' } },
      ProjectionExpression: 'body, subject, body' }),
    message: PROJECTION_OVERLAP },
  { source: `${DUP}::test_get_item_with_duplicate_path_in_projection_expressions`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'the-key' } }, ProjectionExpression: '#rl, #rt, subject, subject', ExpressionAttributeNames: { '#rl': 'body', '#rt': 'attachment' } }),
    message: PROJECTION_OVERLAP },
  { source: `${DUP}::test_scan_with_duplicate_path_in_projection_expressions`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, FilterExpression: '#n0 = :v0', ProjectionExpression: '#rl, #rt, subject, subject',
      ExpressionAttributeNames: { '#rl': 'body', '#rt': 'attachment', '#n0': 'forum_name' }, ExpressionAttributeValues: { ':v0': { S: 'the-key' } } }),
    message: PROJECTION_OVERLAP },

  // boto3's resource serialises {"SS": set()} as a map holding an empty *number* set (its empty-set guess).
  { source: `${EX} ::test_put_item_empty_set (resource: an empty set in a map)`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'some-irrelevant_key' }, attr2: { M: { SS: { NS: [] } } } } }),
    message: enveloped('One or more parameter values were invalid: An number set  may not be empty') },
  { source: `${EX} ::test_put_item_empty_set (client)`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'foo' }, stringSet: { SS: [] } } }), message: enveloped('One or more parameter values were invalid: An string set  may not be empty') },

  { source: `${EX} ::test_scan_with_missing_value (Scan)`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, FilterExpression: 'attr = loc', ExpressionAttributeValues: { loc: { S: 'sth' } } }),
    message: 'ExpressionAttributeValues contains invalid key: Syntax error; key: "loc"' },
  { source: `${EX} ::test_scan_with_missing_value (Query)`, op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditionExpression: 'attr = loc', ExpressionAttributeValues: { loc: { S: 'sth' } } }),
    message: 'ExpressionAttributeValues contains invalid key: Syntax error; key: "loc"' },

  { source: `${EX} ::test_provide_range_key_against_table_without_range_key (GetItem)`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'pk' }, sk: { S: 'sk' } } }), message: SCHEMA },
  { source: `${EX} ::test_provide_range_key_against_table_without_range_key (DeleteItem)`, op: 'DeleteItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'pk' }, sk: { S: 'sk' } } }), message: SCHEMA },
  { source: `${EX} ::test_provide_range_key_against_table_without_range_key (UpdateItem)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'x' }, ReceivedTime: { S: '12/9/2011 11:36:03 PM' } }, UpdateExpression: 'set body=:New',
      ExpressionAttributeValues: { ':New': { S: 'hello' } } }),
    message: SCHEMA },

  { source: `${TX} ::test_transact_write_items__put_and_delete_on_same_item`, op: 'TransactWriteItems',
    body: (f) => ({ TransactItems: [
      { Put: { TableName: f.range, Item: { a: { S: 'test-pk' }, b: { S: 'test-sk' }, field: { S: 'test-field' } } } },
      { Delete: { TableName: f.range, Key: { a: { S: 'test-pk' }, b: { S: 'test-sk' } } } },
    ] }),
    message: 'Transaction request cannot include multiple operations on one item' },
  // The key lacks the sort key: the expression is refused first.
  { source: `${TX} ::test_transact_write_items__update_with_multiple_set_clauses`, op: 'TransactWriteItems',
    body: tx((f) => ({ Update: { TableName: f.range, Key: { a: { S: 's' } }, UpdateExpression: 'SET expire_at_utc = :expire_at_utc SET is_final = :true ADD version :one',
      ExpressionAttributeValues: { ':true': { BOOL: true }, ':one': { N: '1' }, ':expire_at_utc': { S: 'asdf' } } } })),
    message: once('SET') },
  { source: `${TX} ::test_transaction_with_empty_key`, op: 'TransactWriteItems',
    body: tx((f) => ({ Update: { TableName: f.hash, Key: { a: { S: '' } }, UpdateExpression: 'SET sth = :v', ExpressionAttributeValues: { ':v': { N: '0' } } } })),
    message: 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a' },
];

registerRows(test, rows);
