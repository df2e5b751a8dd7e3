/**
 * PartiQL answers pinned against real DynamoDB by paritysuite/dynamodb-conformance (tests run
 * against AWS in eu-west-2 and other regions, October 2026). Each row names the file and the test
 * it reproduces; the statements are theirs with our table names.
 */
import test from 'ava';
import {
  BatchExecuteStatementCommand, ExecuteStatementCommand, ExecuteTransactionCommand,
  GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';
import { createParitysuiteTables } from './paritysuite-tables.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const S = uniqueTable('pqcs'); // pk S
const N = uniqueTable('pqcn'); // pk N
const C = uniqueTable('pqcc'); // pk S, sk S

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  await createParitysuiteTables(ddb, { S, N, C });
  const put = (TableName: string, Item: Record<string, AttributeValue>) => ddb.send(new PutItemCommand({ TableName, Item }));
  for (const n of ['7310000', '7.3', '-7.3']) await put(N, { pk: { N: n } });
  for (const s of ['a', 'b', 'c']) await put(S, { pk: { S: `g-${s}` } });
  await put(S, {
    pk: { S: 'fn' }, ss: { SS: ['a', 'b', 'c'] }, ns: { NS: ['1', '2', '3'] }, s: { S: 'str' },
    m: { M: { sub: { S: 'x' }, inner: { SS: ['x'] } } }, nul: { NULL: true }, flag: { BOOL: true }, b: { B: Uint8Array.from([1, 2, 3]) },
  });
  for (const sk of ['1', '2', '3']) await put(C, { pk: { S: 'ov' }, sk: { S: sk } });
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const errorOf = async (Statement: string, Parameters?: AttributeValue[]): Promise<string> => {
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement, ...(Parameters && { Parameters }) })));
  return `${err.name}: ${err.message}`;
};
const V = 'ValidationException: ';
const NWF = "Statement wasn't well formed, can't be processed: ";
const LEFTOVER = `${NWF}Unexpected token after expression`;
const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const GRAMMAR = 'paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlGrammar.test.ts';
const FUNCS = 'paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts';
const PARAMS = 'paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlParameterNumbers.test.ts';
const CMP = 'paritysuite/dynamodb-conformance tests/tier2/partiql/comparison.test.ts';

/** [source + test name, statement, parameters, the error DynamoDB answers]. */
const ERROR_ROWS: Array<[string, string, AttributeValue[] | undefined, string]> = [
  [`${GRAMMAR} a token after a SELECT WHERE clause`, `SELECT * FROM "${N}" WHERE pk = 1 foo`, undefined, LEFTOVER],
  [`${GRAMMAR} a number split from its exponent`, `SELECT * FROM "${N}" WHERE pk = 1 e5`, undefined, LEFTOVER],
  [`${GRAMMAR} a token after an INSERT item literal`, `INSERT INTO "${N}" VALUE {'pk': 970001} foo`, undefined, LEFTOVER],
  [`${GRAMMAR} a token after an UPDATE WHERE clause`, `UPDATE "${N}" SET a = 9 WHERE pk = 970002 foo`, undefined, LEFTOVER],
  [`${GRAMMAR} a token after a DELETE WHERE clause`, `DELETE FROM "${N}" WHERE pk = 970003 foo`, undefined, LEFTOVER],
  [`${GRAMMAR} a stray closing parenthesis`, `SELECT * FROM "${N}" WHERE pk = 1)`, undefined, LEFTOVER],
  [`${GRAMMAR} ORDER BY on a DELETE`, `DELETE FROM "${N}" WHERE pk = 970004 ORDER BY pk`, undefined, LEFTOVER],
  [`${GRAMMAR} ORDER BY ahead of WHERE`, `SELECT * FROM "${N}" ORDER BY pk WHERE pk = 1`, undefined, LEFTOVER],
  [`${GRAMMAR} an exponent that does not fit a 32-bit integer`, `SELECT * FROM "${N}" WHERE pk = 1e2147483648`, undefined, NWF],
  [`${GRAMMAR} a far larger exponent`, `SELECT * FROM "${N}" WHERE pk = 1e99999999999`, undefined, NWF],
  [`${GRAMMAR} an exponent that fits but leaves a scale that does not`, `SELECT * FROM "${N}" WHERE pk = 1.5e-2147483647`, undefined, NWF],
  [`${GRAMMAR} an unterminated block comment`, `SELECT * FROM "${N}" WHERE pk = 1 /* note`, undefined, NWF],
  [`${GRAMMAR} an alias on a SELECT`, `SELECT * FROM "${S}" t WHERE pk = 'x'`, undefined, 'Aliasing is not supported'],
  [`${GRAMMAR} an AS alias on a SELECT`, `SELECT * FROM "${S}" AS t WHERE pk = 'x'`, undefined, 'Aliasing is not supported'],
  [`${GRAMMAR} an alias on an UPDATE`, `UPDATE "${S}" t SET a = 3 WHERE pk = 'x'`, undefined, 'Aliasing is not supported'],
  [`${GRAMMAR} an alias on a DELETE`, `DELETE FROM "${S}" t WHERE pk = 'x'`, undefined, 'Aliasing is not supported'],
  [`${GRAMMAR} an alias on an INSERT is a leftover token`, `INSERT INTO "${S}" t VALUE {'pk': 'x'}`, undefined, LEFTOVER],
  [`${GRAMMAR} a WHERE literal above the largest number`, `SELECT * FROM "${N}" WHERE pk = 1e126`, undefined, `${OVERFLOW} under root`],
  [`${GRAMMAR} a WHERE literal below the smallest number`, `SELECT * FROM "${N}" WHERE pk = 1e-131`, undefined, `${UNDERFLOW} under root`],
  [`${GRAMMAR} a WHERE literal with 39 significant digits`, `SELECT * FROM "${N}" WHERE pk = 123456789012345678901234567890123456789`, undefined, 'Attempting to store more than 38 significant digits in a Number under root'],
  [`${GRAMMAR} an INSERT literal above the largest number`, `INSERT INTO "${N}" VALUE {'pk': 1e126}`, undefined, `${OVERFLOW} under root`],
  [`${GRAMMAR} an UPDATE SET literal below the smallest number`, `UPDATE "${N}" SET a = 1e-131 WHERE pk = 970005`, undefined, `${UNDERFLOW} under root`],
  [`${GRAMMAR} a literal inside a map names its path`, `INSERT INTO "${N}" VALUE {'pk': 970006, 'm': {'x': 1e126}}`, undefined, `${OVERFLOW} under root.x`],
  [`${GRAMMAR} a literal inside a list names its index`, `INSERT INTO "${N}" VALUE {'pk': 970007, 'l': [1, 1e126]}`, undefined, `${OVERFLOW} under root[1]`],
  [`${FUNCS} attribute_exists with a string literal`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists('ss')`, undefined, 'Operator or function requires a document path; operator or function: attribute_exists'],
  [`${FUNCS} attribute_exists with a parameter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(?)`, [{ S: 'ss' }], 'Operator or function requires a document path; operator or function: attribute_exists'],
  [`${FUNCS} attribute_exists with no operand`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists()`, undefined, 'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 0'],
  [`${FUNCS} attribute_exists with two operands`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(ss, ns)`, undefined, 'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2'],
  [`${FUNCS} a path through an attribute named inner`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(m.inner)`, undefined, `${NWF}Invalid path dot component`],
  [`${FUNCS} set_add of a number to a string set`, `UPDATE "${S}" SET ss = set_add(ss, <<1>>) WHERE pk = 'fn'`, undefined, 'An operand in the update expression has an incorrect data type'],
  [`${FUNCS} set_add to an attribute that is not a set`, `UPDATE "${S}" SET s = set_add(s, <<'x'>>) WHERE pk = 'fn'`, undefined, 'An operand in the update expression has an incorrect data type'],
  [`${FUNCS} set_add of a set literal with a repeated member`, `UPDATE "${S}" SET ss = set_add(ss, <<'x', 'x'>>) WHERE pk = 'fn'`, undefined, 'One or more parameter values were invalid: Input collection [x, x] contains duplicates.'],
  [`${FUNCS} set_add of an empty set literal`, `UPDATE "${S}" SET ss = set_add(ss, <<>>) WHERE pk = 'fn'`, undefined, 'Empty bags are not supported'],
  [`${FUNCS} set_delete of a number from a string set`, `UPDATE "${S}" SET ss = set_delete(ss, <<1>>) WHERE pk = 'fn'`, undefined, 'An operand in the update expression has an incorrect data type'],
  [`${PARAMS} the parameter 1e99999999999 in a WHERE comparison`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND n = ?`, [{ N: '1e99999999999' }], 'The parameter cannot be converted to a numeric value: 1e99999999999'],
  [`${PARAMS} the parameter -1e99999999999 in an INSERT value`, `INSERT INTO "${C}" VALUE {'pk': 'pq-pn-insert', 'sk': 's', 'n': ?}`, [{ N: '-1e99999999999' }], 'The parameter cannot be converted to a numeric value: -1e99999999999'],
  [`${PARAMS} the parameter 1e2147483648 in an UPDATE SET`, `UPDATE "${C}" SET n = ? WHERE pk = 'pq-pn' AND sk = 's'`, [{ N: '1e2147483648' }], 'The parameter cannot be converted to a numeric value: 1e2147483648'],
  [`${PARAMS} the parameter 1e-2147483648 in a key`, `SELECT * FROM "${C}" WHERE pk = ?`, [{ N: '1e-2147483648' }], 'The parameter cannot be converted to a numeric value: 1e-2147483648'],
  [`${PARAMS} an empty number parameter in a WHERE comparison`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND n = ?`, [{ N: '' }], 'The parameter cannot be converted to a numeric value'],
  [`${PARAMS} an unconvertible number inside a list parameter`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND n = ?`, [{ L: [{ N: '1' }, { N: '1e99999999999' }] }], 'The parameter cannot be converted to a numeric value: 1e99999999999'],
  [`${PARAMS} an unconvertible number inside a map parameter`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND n = ?`, [{ M: { x: { N: '1e99999999999' } } }], 'The parameter cannot be converted to a numeric value: 1e99999999999'],
  [`${PARAMS} an unconvertible member of a number set parameter`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND n = ?`, [{ NS: ['1', '1e99999999999'] }], 'The parameter cannot be converted to a numeric value: 1e99999999999'],
  [`${PARAMS} an unconvertible parameter before a deep one (nested 40 levels)`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND x = ? AND y = ?`, [{ N: 'abc' }, deep(40)], 'The parameter cannot be converted to a numeric value: abc'],
  [`${PARAMS} a deep parameter before an unconvertible one (nested 40 levels)`, `SELECT * FROM "${C}" WHERE pk = 'pq-pn' AND x = ? AND y = ?`, [deep(40), { N: 'abc' }], 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit'],
  ...positioned(),
  [`${CMP} names BETWEEN as written too`, `SELECT pk FROM "${S}" WHERE pk = ? AND val BETWEEN ? AND ?`, [{ S: 'fn' }, { BOOL: true }, { BOOL: false }], 'Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL'],
  ...([['NULL', { NULL: true }], ['L', { L: [{ S: 'a' }] }], ['M', { M: { a: { S: 'b' } } }], ['SS', { SS: ['a'] }], ['NS', { NS: ['1'] }], ['BS', { BS: [Uint8Array.from([1])] }]] as Array<[string, AttributeValue]>)
    .map(([type, value]): [string, string, AttributeValue[], string] => [`${CMP} rejects < against ${type}`, `SELECT pk FROM "${S}" WHERE pk = ? AND val < ?`, [{ S: 'fn' }, value], `Incorrect operand type for operator or function; operator or function: <, operand type: ${type}`]),
  ...['<', '<=', '>', '>='].map((op): [string, string, AttributeValue[], string] => [`${CMP} names the operator ${op} as written`, `SELECT pk FROM "${S}" WHERE pk = ? AND val ${op} ?`, [{ S: 'fn' }, { BOOL: true }], `Incorrect operand type for operator or function; operator or function: ${op}, operand type: BOOL`]),
];

/** `1:<column>:<length>` of the first `token` at or after `from`, as the source test computes it. */
function at(statement: string, token: string, length = token.length, from = 0): string {
  return `1:${statement.indexOf(token, from) + 1}:${length}`;
}

/** The rows whose message names a place in the statement (partiqlFunctions.test.ts). */
function positioned(): Array<[string, string, undefined, string]> {
  const where = (cond: string) => `SELECT * FROM "${S}" WHERE pk = 'fn' AND ${cond}`;
  const update = (set: string) => `UPDATE "${S}" SET ${set} WHERE pk = 'fn'`;
  const projection = `SELECT attribute_exists(ss) FROM "${S}" WHERE pk = 'fn'`;
  const rows: Array<[string, string, (st: string) => string]> = [
    ['attribute_exists as a SELECT projection', projection, (st) => `Unexpected path component at ${at(st, 'attribute_exists')}`],
    ['EXISTS(path) in a WHERE is not a function', where('EXISTS(ss)'), (st) => `Unrecognized function: exists at ${at(st, 'EXISTS')}`],
    ['set_add in a SELECT WHERE', where("set_add(ss, <<'x'>>) = ss"), (st) => `Unrecognized function: set_add at ${at(st, 'set_add')}`],
    ['set_add assigned to another attribute', update("t = set_add(ss, <<'x'>>)"), (st) => `The first argument to SET_ADD must equal the assignment value at ${at(st, 'set_add')}`],
    ['set_add whose first argument is not a path', update("ss = set_add(<<'a'>>, <<'b'>>)"), (st) => `The first argument to SET_ADD must equal the assignment value at ${at(st, 'set_add')}`],
    ['set_add with a string to add', update("ss = set_add(ss, 'x')"), (st) => `The second argument to SET_ADD must be a value with type SET at ${at(st, 'ss', 2, st.indexOf('set_add('))}`],
    ['set_add with a list to add', update("ss = set_add(ss, ['x'])"), (st) => `The second argument to SET_ADD must be a value with type SET at ${at(st, 'ss', 2, st.indexOf('set_add('))}`],
    ['set_add with one argument', update('ss = set_add(ss)'), (st) => `SET_ADD must have exactly two arguments at ${at(st, 'set_add')}`],
    ['set_add with three arguments', update("ss = set_add(ss, <<'x'>>, <<'y'>>)"), (st) => `SET_ADD must have exactly two arguments at ${at(st, 'set_add')}`],
    ['set_add on a path through an attribute named inner', update("m.inner = set_add(m.inner, <<'y'>>)"), () => `${NWF}Invalid path dot component`],
    ['set_delete assigned to another attribute', update("t = set_delete(ss, <<'a'>>)"), (st) => `The first argument to SET_DELETE must equal the assignment value at ${at(st, 'set_delete')}`],
    ['set_delete with a string to remove', update("ss = set_delete(ss, 'a')"), (st) => `The second argument to SET_DELETE must be a value with type SET at ${at(st, 'ss', 2, st.indexOf('set_delete('))}`],
  ];
  return rows.map(([name, st, message]) => [`${FUNCS} ${name}`, st, undefined, message(st)]);
}

function deep(depth: number, leaf: AttributeValue = { S: 'leaf' }): AttributeValue {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { M: { n: v } };
  return v;
}

test('ExecuteStatement refusals, in DynamoDB words', async (t) => {
  const wrong: string[] = [];
  for (const [source, statement, params, message] of ERROR_ROWS) {
    const got = await errorOf(statement, params).catch((e: Error) => `no error (${e.message})`);
    if (got !== V + message) wrong.push(`${source}\n  ${statement}\n  got:  ${got}\n  want: ${V + message}`);
  }
  t.deepEqual(wrong, []);
});

const GRAMMAR2 = 'paritysuite/dynamodb-conformance tests/tier2/partiql/grammar.test.ts';
const WHERE_FN = 'paritysuite/dynamodb-conformance tests/tier2/partiql/whereFunctions.test.ts';
const OVERLAP = 'paritysuite/dynamodb-conformance tests/tier2/partiql/whereOverlap.test.ts';

/** [source + test name, statement, parameters, the sorted keys (pk, or sk for the composite table) DynamoDB returns]. */
const SELECT_ROWS: Array<[string, string, AttributeValue[] | undefined, string[]]> = [
  ...['7.31e6', '7.31E6', '7.31e+6', '731e4', '73100000e-1'].map((n): [string, string, undefined, string[]] => [`${GRAMMAR2} an upper-case E, an explicit sign and a shifted mantissa all match the same number`, `SELECT * FROM "${N}" WHERE pk = ${n}`, undefined, ['7310000']]),
  [`${GRAMMAR2} a number with no leading digit matches in WHERE`, `SELECT * FROM "${N}" WHERE pk = .73e1`, undefined, ['7.3']],
  [`${GRAMMAR2} a negative number with no leading digit matches in WHERE`, `SELECT * FROM "${N}" WHERE pk = -.73e1`, undefined, ['-7.3']],
  [`${GRAMMAR2} a line comment after the statement is ignored`, `SELECT * FROM "${S}" WHERE pk = 'g-a' -- a note`, undefined, ['g-a']],
  [`${GRAMMAR2} a line comment between FROM and WHERE leaves the WHERE clause in force`, `SELECT * FROM "${S}" -- a note\nWHERE pk = 'g-b'`, undefined, ['g-b']],
  [`${GRAMMAR2} a line comment before the statement is ignored`, `-- a note\nSELECT * FROM "${S}" WHERE pk = 'g-a'`, undefined, ['g-a']],
  [`${GRAMMAR2} a block comment between clauses is ignored`, `SELECT * FROM "${S}" /* a note */ WHERE pk = 'g-c'`, undefined, ['g-c']],
  [`${WHERE_FN} attribute_exists keeps an item that has the attribute`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(ss)`, undefined, ['fn']],
  [`${WHERE_FN} attribute_exists drops an item without the attribute`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(nope)`, undefined, []],
  [`${WHERE_FN} NOT attribute_exists keeps an item without the attribute`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND NOT attribute_exists(nope)`, undefined, ['fn']],
  [`${WHERE_FN} the function name is case-insensitive`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND ATTRIBUTE_EXISTS(ss)`, undefined, ['fn']],
  [`${WHERE_FN} works inside OR and parentheses`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND (attribute_exists(nope) OR attribute_exists(ss))`, undefined, ['fn']],
  [`${WHERE_FN} can be compared with true`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(ss) = true`, undefined, ['fn']],
  [`${WHERE_FN} takes a quoted attribute name`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists("ss")`, undefined, ['fn']],
  [`${WHERE_FN} a nested path that is present is true`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(m.sub)`, undefined, ['fn']],
  [`${WHERE_FN} a nested path that is absent is false`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(m.nope)`, undefined, []],
  [`${WHERE_FN} size() compares the length of a string`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND size(s) = 3`, undefined, ['fn']],
  [`${WHERE_FN} size() compares the length of a string`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND size(s) = 4`, undefined, []],
  [`${WHERE_FN} attribute_type() tests the type of an attribute`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_type(ss, 'SS')`, undefined, ['fn']],
  [`${WHERE_FN} attribute_type() tests the type of an attribute`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_type(ss, 'S')`, undefined, []],
  [`${WHERE_FN} IS NULL runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND nul IS NULL`, undefined, ['fn']],
  [`${WHERE_FN} IS NULL runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND s IS NULL`, undefined, []],
  [`${WHERE_FN} IS NOT NULL runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND s IS NOT NULL`, undefined, ['fn']],
  [`${WHERE_FN} IS NOT NULL runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND nul IS NOT NULL`, undefined, []],
  [`${WHERE_FN} IS with a type name runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND flag IS BOOL`, undefined, ['fn']],
  [`${WHERE_FN} IS with a type name runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND s IS STRING`, undefined, ['fn']],
  [`${WHERE_FN} IS with a type name runs as a filter`, `SELECT * FROM "${S}" WHERE pk = 'fn' AND s IS BOOL`, undefined, []],
  [`${CMP} accepts = and <> against BOOL`, `SELECT pk FROM "${S}" WHERE pk = ? AND b = ?`, [{ S: 'fn' }, { BOOL: true }], []],
  [`${CMP} accepts = and <> against BOOL`, `SELECT pk FROM "${S}" WHERE pk = ? AND b <> ?`, [{ S: 'fn' }, { BOOL: true }], ['fn']],
  [`${CMP} orders binary by its bytes`, `SELECT pk FROM "${S}" WHERE pk = ? AND b < ?`, [{ S: 'fn' }, { B: Uint8Array.from([1, 2, 4]) }], ['fn']],
  [`${CMP} orders binary by its bytes`, `SELECT pk FROM "${S}" WHERE pk = ? AND b > ?`, [{ S: 'fn' }, { B: Uint8Array.from([1, 2, 4]) }], []],
  [`${CMP} 'SS' matches a permuted value, because a string set is unordered`, `SELECT pk FROM "${S}" WHERE pk = ? AND ss = ?`, [{ S: 'fn' }, { SS: ['c', 'a', 'b'] }], ['fn']],
  [`${CMP} 'M' matches a permuted value`, `SELECT pk FROM "${S}" WHERE pk = ? AND m = ?`, [{ S: 'fn' }, { M: { inner: { SS: ['x'] }, sub: { S: 'x' } } }], ['fn']],
  [`${OVERLAP} a branch with NOT sk = ... beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND NOT sk = '1' OR pk = 'ov' AND sk = '2'`, undefined, ['2', '3']],
  [`${OVERLAP} a branch with sk <> ... beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND sk <> '1' OR pk = 'ov' AND sk = '2'`, undefined, ['2', '3']],
  [`${OVERLAP} a branch with NOT begins_with beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND NOT begins_with(sk, 'x') OR pk = 'ov' AND sk = '2'`, undefined, ['1', '2', '3']],
  [`${OVERLAP} a branch with NOT sk IN beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND NOT sk IN ['1', '3'] OR pk = 'ov' AND sk = '2'`, undefined, ['2']],
  [`${OVERLAP} a branch with NOT sk > ... beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND NOT sk > '5' OR pk = 'ov' AND sk = '2'`, undefined, ['1', '2', '3']],
  [`${OVERLAP} a branch with NOT (sk = ...) beside an equality branch runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' AND NOT (sk = '1') OR pk = 'ov' AND sk = '2'`, undefined, ['2', '3']],
  [`${OVERLAP} a bare partition branch beside one with a negated sort key runs`, `SELECT * FROM "${C}" WHERE pk = 'ov' OR pk = 'ov' AND NOT sk = '1'`, undefined, ['1', '2', '3']],
];

test('SELECT answers', async (t) => {
  const wrong: string[] = [];
  for (const [source, Statement, Parameters, keys] of SELECT_ROWS) {
    const got = await ddb.send(new ExecuteStatementCommand({ Statement, ConsistentRead: true, ...(Parameters && { Parameters }) }))
      .then((r) => JSON.stringify((r.Items ?? []).map((i) => i.sk?.S ?? i.pk?.S ?? i.pk?.N).sort()), (e: Error) => `${e.name}: ${e.message}`);
    if (got !== JSON.stringify([...keys].sort())) wrong.push(`${source}\n  ${Statement}\n  got:  ${got}\n  want: ${JSON.stringify(keys)}`);
  }
  t.deepEqual(wrong, []);
});

const WRITES = 'paritysuite/dynamodb-conformance tests/tier2/partiql/writeResponses.test.ts';
const FROM_FIRST = 'paritysuite/dynamodb-conformance tests/tier2/partiql/fromFirstUpdate.test.ts';
const SETS = 'paritysuite/dynamodb-conformance tests/tier2/partiql/setFunctions.test.ts';


const stored = async (pk: string): Promise<Record<string, AttributeValue> | undefined> =>
  (await ddb.send(new GetItemCommand({ TableName: S, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;
const seed = (pk: string): Promise<unknown> =>
  ddb.send(new PutItemCommand({ TableName: S, Item: { pk: { S: pk }, a: { N: '1' }, b: { S: 'bee' }, ss: { SS: ['a', 'b', 'c'] }, ns: { NS: ['1', '2', '3'] } } }));
const run = (Statement: string, Parameters?: AttributeValue[]) => ddb.send(new ExecuteStatementCommand({ Statement, ...(Parameters && { Parameters }) }));
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: Error) => e.name);
const sorted = (xs: string[] | undefined): string[] => [...(xs ?? [])].sort();

/**
 * [source + test name, what to do to a freshly seeded item `pk`, the answer and the item after,
 * as one string]. Each row seeds its own item, so none depends on another's writes.
 */
const WRITE_ROWS: Array<[string, (pk: string) => Promise<string>, string]> = [
  [`${WRITES} an INSERT returns an empty Items list`, async (pk) => JSON.stringify((await run(`INSERT INTO "${S}" VALUE {'pk': '${pk}-new'}`)).Items), '[]'],
  [`${WRITES} an UPDATE returns an empty Items list`, async (pk) => JSON.stringify((await run(`UPDATE "${S}" SET a = 2 WHERE pk = '${pk}'`)).Items), '[]'],
  [`${WRITES} a DELETE that removes an item returns an empty Items list`, async (pk) => JSON.stringify((await run(`DELETE FROM "${S}" WHERE pk = '${pk}'`)).Items), '[]'],
  [`${WRITES} a DELETE that finds no item returns an empty Items list`, async (pk) => JSON.stringify((await run(`DELETE FROM "${S}" WHERE pk = '${pk}-never'`)).Items), '[]'],
  [`${WRITES} a transaction of updates returns an empty Responses list`, async (pk) => JSON.stringify((await ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [{ Statement: `UPDATE "${S}" SET a = 2 WHERE pk = '${pk}'` }, { Statement: `INSERT INTO "${S}" VALUE {'pk': '${pk}-tx'}` }],
  }))).Responses), '[]'],
  [`${WRITES} a transaction of writes asked for its capacity returns it beside an empty Responses list`, async (pk) => {
    const res = await ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `UPDATE "${S}" SET a = 3 WHERE pk = '${pk}'` }], ReturnConsumedCapacity: 'TOTAL' }));
    return `${JSON.stringify(res.Responses)} ${res.ConsumedCapacity?.length} ${res.ConsumedCapacity?.[0]?.TableName === S}`;
  }, '[] 1 true'],
  [`${GRAMMAR2} an exponent literal in an INSERT stores the number it denotes; so does one with no leading digit`, async () => {
    await run(`INSERT INTO "${N}" VALUE {'pk': 7.32e6, 'tag': 'grammar'}`);
    await run(`INSERT INTO "${N}" VALUE {'pk': .7325e1, 'tag': 'grammar'}`);
    const got = async (n: string) => (await ddb.send(new GetItemCommand({ TableName: N, Key: { pk: { N: n } }, ConsistentRead: true }))).Item?.tag?.S;
    return `${await got('7320000')} ${await got('7.325')}`;
  }, 'grammar grammar'],
  [`${GRAMMAR2} an INSERT with a token left over is refused and writes nothing`, async () =>
    `${await outcome(run(`INSERT INTO "${N}" VALUE {'pk': 7330000} foo`))} ${(await ddb.send(new GetItemCommand({ TableName: N, Key: { pk: { N: '7330000' } } }))).Item}`, 'ValidationException undefined'],
  [`${WHERE_FN} an UPDATE whose attribute_exists is false fails its condition and changes nothing`, async (pk) =>
    `${await outcome(run(`UPDATE "${S}" SET z = 2 WHERE pk = '${pk}' AND attribute_exists(nope)`))} ${JSON.stringify((await stored(pk))?.z)}`, 'ConditionalCheckFailedException undefined'],
  [`${WHERE_FN} an UPDATE guarded by attribute_not_exists sets the attribute once`, async (pk) => {
    const first = await outcome(run(`UPDATE "${S}" SET y = 1 WHERE pk = '${pk}' AND attribute_not_exists(y)`));
    const second = await outcome(run(`UPDATE "${S}" SET y = 2 WHERE pk = '${pk}' AND attribute_not_exists(y)`));
    return `${first} ${second} ${(await stored(pk))?.y?.N}`;
  }, 'ok ConditionalCheckFailedException 1'],
  [`${WHERE_FN} a DELETE whose attribute_exists is false fails its condition and keeps the item`, async (pk) =>
    `${await outcome(run(`DELETE FROM "${S}" WHERE pk = '${pk}' AND attribute_exists(nope)`))} ${(await stored(pk)) !== undefined}`, 'ConditionalCheckFailedException true'],
  [`${WHERE_FN} an UPDATE of a missing item guarded by attribute_not_exists(pk) fails and creates nothing`, async (pk) =>
    `${await outcome(run(`UPDATE "${S}" SET z = 1 WHERE pk = '${pk}-absent' AND attribute_not_exists(pk)`))} ${await stored(`${pk}-absent`)}`, 'ConditionalCheckFailedException undefined'],
  [`${WHERE_FN} an UPDATE in ExecuteTransaction takes attribute_exists as its condition`, async (pk) => {
    await ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `UPDATE "${S}" SET z = 1 WHERE pk = '${pk}' AND attribute_exists(a)` }] }));
    return (await stored(pk))?.z?.N ?? 'none';
  }, '1'],
  [`${FROM_FIRST} FROM ... WHERE ... SET updates the item`, async (pk) => { await run(`FROM "${S}" WHERE pk = '${pk}' SET c = 1`); return (await stored(pk))?.c?.N ?? 'none'; }, '1'],
  [`${FROM_FIRST} SET and REMOVE can follow each other`, async (pk) => {
    await run(`FROM "${S}" WHERE pk = '${pk}' SET c = 2 REMOVE a`);
    const item = await stored(pk);
    return `${item?.c?.N} ${item?.a?.N}`;
  }, '2 undefined'],
  [`${FROM_FIRST} the keywords are case-insensitive; takes parameters`, async (pk) => { await run(`from "${S}" where pk = ? set e = ?`, [{ S: pk }, { N: '4' }]); return (await stored(pk))?.e?.N ?? 'none'; }, '4'],
  [`${FROM_FIRST} a further condition in the WHERE that fails stops the update`, async (pk) =>
    `${await outcome(run(`FROM "${S}" WHERE pk = '${pk}' AND a = 2 SET c = 5`))} ${(await stored(pk))?.c?.N}`, 'ConditionalCheckFailedException undefined'],
  [`${FROM_FIRST} a key that matches no item fails its condition and creates nothing`, async (pk) =>
    `${await outcome(run(`FROM "${S}" WHERE pk = '${pk}-absent' SET c = 1`))} ${await stored(`${pk}-absent`)}`, 'ConditionalCheckFailedException undefined'],
  [`${SETS} set_add adds members to a string set`, async (pk) => { await run(`UPDATE "${S}" SET ss = set_add(ss, <<'0', 'z'>>) WHERE pk = '${pk}'`); return sorted((await stored(pk))?.ss?.SS).join(); }, '0,a,b,c,z'],
  [`${SETS} set_add to a missing attribute creates the set`, async (pk) => { await run(`UPDATE "${S}" SET nss = set_add(nss, <<'x'>>) WHERE pk = '${pk}'`); return JSON.stringify((await stored(pk))?.nss); }, '{"SS":["x"]}'],
  [`${SETS} the function name is case-insensitive`, async (pk) => { await run(`UPDATE "${S}" SET ss = SET_ADD(ss, <<'x'>>) WHERE pk = '${pk}'`); return sorted((await stored(pk))?.ss?.SS).join(); }, 'a,b,c,x'],
  [`${SETS} RETURNING ALL NEW * returns the set after the addition`, async (pk) => sorted((await run(`UPDATE "${S}" SET ss = set_add(ss, <<'r'>>) WHERE pk = '${pk}' RETURNING ALL NEW *`)).Items?.[0]?.ss?.SS).join(), 'a,b,c,r'],
  [`${SETS} set_add on a missing item fails its condition and creates nothing`, async (pk) =>
    `${await outcome(run(`UPDATE "${S}" SET ss = set_add(ss, <<'x'>>) WHERE pk = '${pk}-absent'`))} ${await stored(`${pk}-absent`)}`, 'ConditionalCheckFailedException undefined'],
  [`${SETS} set_delete removes a member from a number set`, async (pk) => { await run(`UPDATE "${S}" SET ns = set_delete(ns, <<2>>) WHERE pk = '${pk}'`); return sorted((await stored(pk))?.ns?.NS).join(); }, '1,3'],
  [`${SETS} removing every member removes the attribute`, async (pk) => { await run(`UPDATE "${S}" SET ss = set_delete(ss, <<'a', 'b', 'c'>>) WHERE pk = '${pk}'`); return String((await stored(pk))?.ss); }, 'undefined'],
  [`${SETS} BatchExecuteStatement runs set_add`, async (pk) => {
    const res = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `UPDATE "${S}" SET ss = set_add(ss, <<'t'>>) WHERE pk = '${pk}'` }] }));
    return `${res.Responses?.length} ${JSON.stringify(res.Responses?.[0]?.Error)} ${sorted((await stored(pk))?.ss?.SS).join()}`;
  }, '1 undefined a,b,c,t'],
];

test('writes: answers and the item after', async (t) => {
  const wrong: string[] = [];
  let n = 0;
  for (const [source, act, want] of WRITE_ROWS) {
    const pk = `w${n++}`;
    await seed(pk);
    const got = await act(pk).catch((e: Error) => `${e.name}: ${e.message}`);
    if (got !== want) wrong.push(`${source}\n  got:  ${got}\n  want: ${want}`);
  }
  t.deepEqual(wrong, []);
});

test('BatchExecuteStatement and ExecuteTransaction: per-statement errors', async (t) => {
  const where = `SELECT * FROM "${S}" WHERE pk = 'fn' AND attribute_exists(ss)`;
  const batch = await ddb.send(new BatchExecuteStatementCommand({
    Statements: [
      { Statement: where },
      { Statement: `SELECT * FROM "${C}" WHERE pk = 'ov'` },
      { Statement: `SELECT * FROM "${C}" WHERE pk = 'ov' AND sk = 's' AND n = ?`, Parameters: [{ N: '1e99999999999' }] },
    ],
  }));
  t.deepEqual(batch.Responses!.map((r) => r.Error && `${r.Error.Code}: ${r.Error.Message}`), [
    // tests/tier3/error-messages/partiqlFunctions.test.ts "a SELECT in BatchExecuteStatement whose WHERE uses attribute_exists"
    'ValidationError: Select statements within BatchExecuteStatement must specify the primary key in the where clause.',
    // tests/tier2/partiql/executeStatementIndex.test.ts "rejects index-qualified and partial-key SELECT statements per slot"
    'ValidationError: Select statements within BatchExecuteStatement must specify the primary key in the where clause.',
    // tests/tier3/error-messages/partiqlParameterNumbers.test.ts "an unconvertible number in BatchExecuteStatement"
    'ValidationError: The parameter cannot be converted to a numeric value: 1e99999999999',
  ]);
  // partiqlParameterNumbers.test.ts "an unconvertible number in ExecuteTransaction": no "Validation failed in" prefix.
  const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({
    TransactStatements: [{ Statement: `UPDATE "${C}" SET n = ? WHERE pk = 'pq-pn' AND sk = 's'`, Parameters: [{ N: '1e99999999999' }] }],
  })));
  t.is(`${err.name}: ${err.message}`, `${V}The parameter cannot be converted to a numeric value: 1e99999999999`);
});
