import test from 'ava';
import { parseStatement } from '../../../../src/services/dynamodb/partiql/parse.js';
import { translate, type TableKeys } from '../../../../src/services/dynamodb/partiql/translate.js';
import { isAwsError } from '../../../../src/errors/aws-error.js';

const KEYS: TableKeys = { key: { hash: 'pk', range: 'sk' }, indexes: { byEmail: { hash: 'email' } } };

function failure(statement: string): string {
  try {
    parseStatement(statement);
  } catch (e) {
    if (isAwsError(e) && e.code === 'ValidationException') return e.message;
    throw e;
  }
  throw new Error(`parsed: ${statement}`);
}

test('SELECT parses projection, target with index, WHERE with precedence and ORDER BY', (t) => {
  const { statement, parameterCount } = parseStatement(`select a, "b c".d[2], e['x'] FROM "T"."byEmail" WHERE email = ? AND NOT x <> 3 OR y IN [1, 2] ORDER BY sk DESC`);
  t.is(parameterCount, 1);
  t.like(statement, { kind: 'select', target: { table: 'T', index: 'byEmail' }, orderBy: [{ descending: true }] });
  if (statement.kind !== 'select' || statement.projection === '*') return t.fail();
  t.deepEqual(statement.projection[1]!.steps, [{ kind: 'name', name: 'b c' }, { kind: 'name', name: 'd' }, { kind: 'index', index: 2 }]);
  t.deepEqual(statement.projection[2]!.steps, [{ kind: 'name', name: 'e' }, { kind: 'name', name: 'x' }]);
  t.is(statement.where?.kind, 'or'); // AND binds tighter than OR
});

test('literals: strings with doubled quotes, negative and exponent numbers, booleans, null, maps, lists, sets', (t) => {
  const { statement } = parseStatement(`INSERT INTO t VALUE {'pk': 'it''s', 'sk': 1, 'n': -1.5e3, 'b': TRUE, 'z': null, 'l': [1, 'a'], 'ss': <<'a', 'b'>>, 'm': {'x': ?}}`);
  if (statement.kind !== 'insert') return t.fail();
  const out = translate({ statement, parameterCount: 1 }, [{ N: '7' }], KEYS);
  t.deepEqual(out.input.Item, {
    pk: { S: "it's" }, sk: { N: '1' }, n: { N: '-1.5e3' }, b: { BOOL: true }, z: { NULL: true },
    l: { L: [{ N: '1' }, { S: 'a' }] }, ss: { SS: ['a', 'b'] }, m: { M: { x: { N: '7' } } },
  });
  t.is(out.operation, 'PutItem');
  t.is(out.input.ConditionExpression, 'attribute_not_exists(#p0)');
  t.deepEqual(out.input.ExpressionAttributeNames, { '#p0': 'pk' });
});

test('a statement that is not DML is refused as DynamoDB words it', (t) => {
  t.is(failure('CREATE TABLE x'), "Statement wasn't well formed, can't be processed: Expected data manipulation");
  // DynamoDB's answer to an unquoted hyphenated table name after UPDATE, as a user reported it.
  t.is(failure('UPDATE Payment-x4ja2l3ph5c3nb3gcv4q2nzs4m-dev SET active=? WHERE subscriptionId=?'), "Statement wasn't well formed, can't be processed: Expected data manipulation");
  t.is(failure('UPDATE t WHERE a = 1'), "Statement wasn't well formed, can't be processed: Expected data manipulation");
  // Was "Unexpected end of statement" (no source); AWS answers "Unexpected term" (paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/partiqlGrammar.test.ts, October 2026, "WHERE at the end of a SELECT").
  t.is(failure('SELECT * FROM t WHERE'), "Statement wasn't well formed, can't be processed: Unexpected term");
  t.is(failure('SELECT * FROM select'), "Statement wasn't well formed, can't be processed: Unexpected keyword");
  t.is(failure("SELECT * FROM t WHERE a = 'open"), "Statement wasn't well formed, can't be processed: Unexpected end of statement");
  // Was "Invalid character" (no source); AWS leaves nothing after the colon (same file, "a hash comment").
  t.is(failure('SELECT * FROM t WHERE a = #'), "Statement wasn't well formed, can't be processed: ");
  t.is(failure('SELECT * FROM t t2 t3'), "Statement wasn't well formed, can't be processed: Unexpected term");
});

test("SQL's INSERT with a column list is 'Unexpected keyword', as DynamoDB answered it", (t) => {
  // The statement a user sent to DynamoDB (PyDynamoDB issue 26): KEY is a keyword.
  t.is(failure('INSERT INTO urls (key, secret_key, target_url, is_active, clicks) VALUES (?, ?, ?, ?, ?)'), "Statement wasn't well formed, can't be processed: Unexpected keyword");
  // Without a keyword in the list, VALUES after it is the keyword met.
  t.is(failure('INSERT INTO urls (a, b) VALUES (1, 2)'), "Statement wasn't well formed, can't be processed: Unexpected keyword");
});

test('a statement that ends before a closing parenthesis is "Expected RIGHT_PAREN", as DynamoDB says', (t) => {
  for (const statement of ["SELECT * FROM t WHERE (a = 1", "SELECT * FROM t WHERE begins_with(a, 'x'", 'SELECT * FROM t WHERE size(a) > 1 AND (b = 2 OR c = 3']) {
    t.is(failure(statement), "Statement wasn't well formed, can't be processed: Expected RIGHT_PAREN", statement);
  }
});

test('keywords are case-insensitive and quoted keywords are identifiers', (t) => {
  const { statement } = parseStatement('sElEcT "select" fRoM "from" wHeRe "where" = 1');
  t.like(statement, { kind: 'select', target: { table: 'from' } });
});

test('SELECT with the hash key by equality becomes a Query; sort key conditions go to KeyCondition', (t) => {
  const parsed = parseStatement(`SELECT * FROM t WHERE pk = ? AND sk BETWEEN 1 AND 5 AND begins_with(name, 'a') AND size(tags) > 2`);
  const out = translate(parsed, [{ S: 'h' }], KEYS);
  t.is(out.operation, 'Query');
  t.is(out.input.KeyConditionExpression, '#p0 = :v0 AND #p1 BETWEEN :v1 AND :v2');
  t.is(out.input.FilterExpression, '(begins_with(#p2, :v3)) AND (size(#p3) > :v4)');
  t.deepEqual(out.input.ExpressionAttributeValues, { ':v0': { S: 'h' }, ':v1': { N: '1' }, ':v2': { N: '5' }, ':v3': { S: 'a' }, ':v4': { N: '2' } });
});

test('value-first key comparisons are flipped; an index SELECT queries the index', (t) => {
  const out = translate(parseStatement(`SELECT * FROM "t"."byEmail" WHERE 'a@b' = email`), [], KEYS);
  t.is(out.operation, 'Query');
  t.is(out.input.IndexName, 'byEmail');
  t.is(out.input.KeyConditionExpression, '#p0 = :v0');
  const flipped = translate(parseStatement(`SELECT * FROM t WHERE pk = 'x' AND 3 < sk`), [], KEYS);
  t.is(flipped.input.KeyConditionExpression, '#p0 = :v0 AND #p1 > :v1');
});

test('SELECT without the hash key, or with OR at the top, scans with the whole WHERE as filter', (t) => {
  const out = translate(parseStatement(`SELECT * FROM t WHERE pk = 'a' OR x IS MISSING`), [], KEYS);
  t.is(out.operation, 'Scan');
  t.is(out.input.FilterExpression, '(#p0 = :v0) OR (attribute_not_exists(#p1))');
  t.is(translate(parseStatement('SELECT * FROM t'), [], KEYS).input.FilterExpression, undefined);
});

test('UPDATE needs every key attribute by equality; the rest becomes its condition', (t) => {
  const out = translate(parseStatement(`UPDATE t SET a = a + ?, l = list_append(l, [1]) REMOVE old SET s = set_add(s, <<'x'>>) WHERE pk = 'p' AND sk = 1 AND v < 3 RETURNING ALL NEW *`), [{ N: '2' }], KEYS);
  t.is(out.operation, 'UpdateItem');
  t.deepEqual(out.input.Key, { pk: { S: 'p' }, sk: { N: '1' } });
  t.is(out.input.UpdateExpression, 'SET #p0 = #p0 + :v0, #p1 = list_append(#p1, :v1) REMOVE #p2 ADD #p3 :v2');
  t.is(out.input.ConditionExpression, 'attribute_exists(#p4) AND (#p5 < :v3)');
  t.is(out.input.ReturnValues, 'ALL_NEW');
  const missing = t.throws(() => translate(parseStatement(`UPDATE t SET a = 1 WHERE pk = 'p'`), [], KEYS));
  t.is(missing?.message, 'Where clause does not contain a mandatory equality on all key attributes');
});

test('DELETE allows only RETURNING ALL OLD *', (t) => {
  const out = translate(parseStatement(`DELETE FROM t WHERE pk = 'p' AND sk = 2 RETURNING ALL OLD *`), [], KEYS);
  t.like(out, { operation: 'DeleteItem', input: { Key: { pk: { S: 'p' }, sk: { N: '2' } }, ReturnValues: 'ALL_OLD' } });
  t.is(out.input.ConditionExpression, undefined);
  const bad = t.throws(() => translate(parseStatement(`DELETE FROM t WHERE pk = 'p' AND sk = 2 RETURNING ALL NEW *`), [], KEYS));
  t.is(bad?.message, 'Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.');
});

test('EXISTS(SELECT ...) becomes a ConditionCheck on the pinned item', (t) => {
  const out = translate(parseStatement(`EXISTS(SELECT * FROM t WHERE pk = ? AND sk = 1 AND a IS MISSING)`), [{ S: 'p' }], KEYS);
  t.is(out.operation, 'ConditionCheck');
  t.deepEqual(out.input.Key, { pk: { S: 'p' }, sk: { N: '1' } });
  t.is(out.input.ConditionExpression, 'attribute_exists(#p0) AND (attribute_not_exists(#p1))');
});

test('parameters are counted in order of appearance', (t) => {
  t.is(parseStatement(`SELECT * FROM t WHERE a = ? AND b IN (?, ?) AND c = '?'`).parameterCount, 3);
});
