/**
 * TransactWriteItems and TransactGetItems refusals as ScyllaDB Alternator's test_transact.py
 * asserts them, row by row (see exactness-rows.ts). Those tests are xfail on Alternator (it lacks
 * transactions) but pass on AWS, which they were written against; they pin which errors are a
 * ValidationException for the whole request rather than a per-action cancellation reason.
 * Alternator's test_table_s (hash `p`) is the hash fixture here (hash `a`). Not here:
 * test_transact_write_items_put_5MB (AWS refuses a transaction over 4 MB with a message matching
 * "size cannot exceed"; its exact wording is in no source we have, so boltstack does not refuse it).
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const TR = 'scylladb/scylladb test/alternator/test_transact.py';
type V = Record<string, unknown>;
const key = (k: string): V => ({ a: { S: k } });
const put = (f: Fixtures, k: string, extra: V = {}): V => ({ Put: { TableName: f.hash, Item: key(k), ...extra } });
const check = (f: Fixtures, k: string): V => ({ ConditionCheck: { TableName: f.hash, Key: key(k), ConditionExpression: 'attribute_not_exists(a)' } });
const write = (test: string, items: (f: Fixtures) => V[], message: RegExp, extra: V = {}): Row =>
  ({ source: `${TR} ${test}`, op: 'TransactWriteItems', body: (f) => ({ TransactItems: items(f), ...extra }), message });
const get = (test: string, items: (f: Fixtures) => V[], message: RegExp): Row =>
  ({ source: `${TR} ${test}`, op: 'TransactGetItems', body: (f) => ({ TransactItems: items(f) }), message });
/** test_transact_write_items_returnvaluesonconditioncheckfailure's Update, with the given option. */
const update = (f: Fixtures, option: string): V => ({ Update: { ReturnValuesOnConditionCheckFailure: option, TableName: f.hash, Key: key('alt-tr'),
  ConditionExpression: 'x = :fourtythree', UpdateExpression: 'SET x = x + :one', ExpressionAttributeValues: { ':one': { N: '1' }, ':fourtythree': { N: '43' } } } });

const rows: Row[] = [
  write('test_transact_write_items_single_conditioncheck_unconditional', (f) => [{ ConditionCheck: { TableName: f.hash, Key: key('alt-tr') } }],
    /[cC]onditionExpression/),
  write('test_transact_write_items_clientrequesttoken_length (37 characters)', (f) => [put(f, 'alt-tr')], /[cC]lientRequestToken/,
    { ClientRequestToken: 't'.repeat(37) }),
  write('test_transact_write_items_multi_action_conflict (two Puts)', (f) => [put(f, 'alt-tr1'), put(f, 'alt-tr1')], /one item/),
  write('test_transact_write_items_multi_action_conflict (a Put and a ConditionCheck)', (f) => [put(f, 'alt-tr1'), check(f, 'alt-tr1')], /one item/),
  write('test_transact_write_items_multi_action_conflict (two ConditionChecks)', (f) => [put(f, 'alt-tr1'), check(f, 'alt-tr2'), check(f, 'alt-tr2')], /one item/),
  write('test_transact_write_items_empty', () => [], /[tT]ransactItems/),
  write('test_transact_write_items_101', (f) => Array.from({ length: 101 }, (_, i) => put(f, `alt-tr${i}`)), /[tT]ransactItems.*100/),
  ...['none', 'dog'].map((option) => write(`test_transact_write_items_returnvaluesonconditioncheckfailure (${option})`, (f) => [update(f, option)],
    /[rR]eturnValuesOnConditionCheckFailure/)),
  write('test_transact_write_items_missing_name', (f) => [put(f, 'alt-tr', { ConditionExpression: 'attribute_exists(#xyz)' })], /#xyz/),
  write('test_transact_write_items_missing_value', (f) => [put(f, 'alt-tr', { ConditionExpression: 'a = :xyz' })], /:xyz/),
  write('test_transact_write_items_unused_name', (f) => [put(f, 'alt-tr', { ConditionExpression: 'attribute_exists(a)', ExpressionAttributeNames: { '#xyz': 'x' } })],
    /unused.*#xyz/),
  write('test_transact_write_items_unused_value', (f) => [put(f, 'alt-tr', { ConditionExpression: 'attribute_exists(a)', ExpressionAttributeValues: { ':xyz': { N: '7' } } })],
    /unused.*:xyz/),
  write('test_transact_write_items_syntax_error', (f) => [put(f, 'alt-tr', { ConditionExpression: 'hello!' })], /Syntax error/),
  get('test_transact_get_items_unused_expressionattributenames', (f) => [{ Get: { TableName: f.hash, Key: key('alt-tr'), ProjectionExpression: '#xx,#zz',
    ExpressionAttributeNames: { '#xx': 'x', '#zz': 'z', '#qq': 'q' } } }], /unused.*#qq/),
  get('test_transact_get_items_missing_expressionattributenames', (f) => [{ Get: { TableName: f.hash, Key: key('alt-tr'), ProjectionExpression: '#xx,#zz',
    ExpressionAttributeNames: { '#xx': 'x' } } }], /#zz/),
  get('test_transact_get_items_101', (f) => Array.from({ length: 101 }, (_, i) => ({ Get: { TableName: f.hash, Key: key(String(i)) } })), /[tT]ransactItems.*100/),
];

registerRows(test, rows);
