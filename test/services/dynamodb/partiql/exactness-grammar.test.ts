/**
 * PartiQL parse refusals pinned against real DynamoDB by paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts (eu-west-2, October 2026; the version at
 * commit a48c5ae), the rows conformance-exactness.test.ts does not already hold: a hash comment,
 * a WHERE with nothing where a condition should start, IS / LIKE where a term should start,
 * DELETE FROM / SELECT ... FROM with no table, the FROM-first UPDATE refusals and OR branches
 * that overlap on the sort key. Their tables: hashTableDef (`pk` S), hashNTableDef (`pk` N),
 * compositeTableDef (`pk`, `sk` S).
 */
import test from 'ava';
import {
  BatchExecuteStatementCommand, ExecuteStatementCommand, ExecuteTransactionCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';
import { createParitysuiteTables } from './paritysuite-tables.js';

const SRC = 'paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlGrammar.test.ts';
let server: Boltstack;
let ddb: DynamoDBClient;
const S = uniqueTable('pqgs');
const N = uniqueTable('pqgn');
const C = uniqueTable('pqgc');

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  await createParitysuiteTables(ddb, { S, N, C });
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const NWF = "Statement wasn't well formed, can't be processed: ";
const LEFTOVER = `${NWF}Unexpected token after expression`;
const NO_KEY = 'Where clause does not contain a mandatory equality on all key attributes';

/** [source test name, statement, the ValidationException message]. */
const rows = (): Array<[string, string, string]> => [
  ['a hash comment - nothing after the colon', `SELECT * FROM "${N}" WHERE pk = 1 # note`, NWF],
  ...([
    ['WHERE at the end of a SELECT', `SELECT * FROM "${S}" WHERE`],
    ['WHERE then a semicolon', `SELECT * FROM "${S}" WHERE;`],
    ['WHERE then spaces', `SELECT * FROM "${S}" WHERE   `],
    ['WHERE after a projection', `SELECT pk FROM "${S}" WHERE`],
    ['WHERE at the end of an UPDATE', `UPDATE "${S}" SET a = 1 WHERE`],
    ['WHERE at the end of a DELETE', `DELETE FROM "${S}" WHERE`],
    ['WHERE NOT with nothing after it', `SELECT * FROM "${S}" WHERE NOT`],
    ['WHERE ( with nothing after it', `SELECT * FROM "${S}" WHERE (`],
    ['WHERE at the end, on a table that does not exist', `SELECT * FROM "${S}-never-created" WHERE`],
  ] as Array<[string, string]>).map(([name, st]): [string, string, string] => [name, st, `${NWF}Unexpected term`]),
  ['a condition ending in AND', `SELECT * FROM "${S}" WHERE pk = 'p1' AND`, `${NWF}Missing right-hand side expression of infix operator`],
  ['a condition ending in OR', `SELECT * FROM "${S}" WHERE pk = 'p1' OR`, `${NWF}Missing right-hand side expression of infix operator`],
  ['WHERE followed by ORDER BY', `SELECT * FROM "${S}" WHERE ORDER BY pk`, `${NWF}Unexpected keyword`],
  ...['INT4', 'INT8', 'DOUBLE PRECISION', 'CHARACTER VARYING'].map((type): [string, string, string] => [`IS ${type} parses as a type test`, `x IS ${type}`, 'Unsupported operation: IsType']),
  ['IS with a name that is not a type, in a WHERE', `SELECT * FROM "${S}" WHERE pk = 'a' AND x IS FOO`, `${NWF}Expected type name`],
  ['IS where a WHERE condition should start', `SELECT * FROM "${S}" WHERE IS NULL`, `${NWF}Unexpected operator`],
  ['LIKE where a comparison operand should start', `SELECT * FROM "${S}" WHERE pk = LIKE`, `${NWF}Unexpected operator`],
  ...([['DELETE FROM', 'DELETE FROM'], ['DELETE FROM then spaces', 'DELETE FROM   '], ['DELETE FROM then a semicolon', 'DELETE FROM;'], ['DELETE FROM then WHERE', "DELETE FROM WHERE pk = 'a'"]] as Array<[string, string]>)
    .map(([name, st]): [string, string, string] => [`${name} with no table`, st, `${NWF}Expected identifier for simple path`]),
  ['SELECT * FROM with no table', 'SELECT * FROM', `${NWF}Unexpected term`],
  ['FROM ... SET with no WHERE', `FROM "${S}" SET c = 1`, NO_KEY],
  ['FROM ... REMOVE with no WHERE', `FROM "${S}" REMOVE a`, NO_KEY],
  ['FROM ... WHERE on a non-key attribute ... SET', `FROM "${S}" WHERE a = 1 SET c = 1`, NO_KEY],
  ['FROM ... SET with the WHERE after it', `FROM "${S}" SET c = 1 WHERE pk = 'pq-ff-msg'`, LEFTOVER],
  ['FROM ... SET ... WHERE ... SET', `FROM "${S}" SET c = 1 WHERE pk = 'pq-ff-msg' SET d = 2`, LEFTOVER],
  ...([['a non-key equality', "x = '1'"], ['a non-key <>', "x <> '1'"]] as Array<[string, string]>).map(([name, cond]): [string, string, string] => [
    `an OR branch with ${name} beside a sort-key branch`, `SELECT * FROM "${C}" WHERE pk = 'a' AND ${cond} OR pk = 'a' AND sk = '2'`,
    'Overlapping conditions with range keys are not supported in where clause']),
];

test('ExecuteStatement parse refusals, in DynamoDB words', async (t) => {
  const wrong: string[] = [];
  for (const [name, Statement, want] of rows()) {
    const got = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement }))).then((err) => `${err.name}: ${err.message}`, (e: Error) => `no error (${e.message})`);
    if (got !== `ValidationException: ${want}`) wrong.push(`${SRC} "${name}"\n  statement: ${Statement}\n  got:  ${got}\n  want: ValidationException: ${want}`);
  }
  t.deepEqual(wrong, []);
});

test('set_add in an INSERT value: paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts "set_add in an INSERT value"', async (t) => {
  const Statement = `INSERT INTO "${S}" VALUE {'pk': 'pq-fn-msg-insert', 'ss': set_add(<<'a'>>, <<'b'>>)}`;
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement })));
  t.is(`${err.name}: ${err.message}`, `ValidationException: Unsupported data type: set_add under key root at 1:${Statement.indexOf('set_add') + 1}:7`);
});

test(`FROM ... WHERE ... SET on a table that does not exist: ${SRC}`, async (t) => {
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement: `FROM "${S}-never-created" WHERE pk = 'x' SET c = 1` })));
  t.is(`${err.name}: ${err.message}`, 'ResourceNotFoundException: Requested resource not found');
});

test(`an empty WHERE in BatchExecuteStatement fails its own statement: ${SRC}`, async (t) => {
  const res = await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `SELECT * FROM "${S}" WHERE` }] }));
  t.deepEqual(res.Responses?.map((r) => r.Error), [{ Code: 'ValidationError', Message: `${NWF}Unexpected term` }]);
});

// AWS names the statement ahead of the message (a parameter that cannot be converted stays bare:
// conformance-exactness.test.ts).
test(`an empty WHERE in ExecuteTransaction: ${SRC}`, async (t) => {
  const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT * FROM "${S}" WHERE` }] })));
  t.is(err.name, 'ValidationException');
  t.is(err.message, `Validation failed in TransactStatements[0]: ${NWF}Unexpected term`);
});
