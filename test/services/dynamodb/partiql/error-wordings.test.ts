/**
 * PartiQL errors in DynamoDB's words, through the SDK: the wordings of DynamoDB's PartiQL front
 * end (the ValidationExceptionMessages catalogue DynamoDB Local ships) for statements that parse
 * but are refused, and for NextTokens that do not belong. Each used to be boltstack's own
 * sentence (e.g. "Index is not supported in INSERT statements", "Given NextToken is not valid").
 */
import test from 'ava';
import {
  CreateTableCommand, ExecuteStatementCommand, ExecuteTransactionCommand, PutItemCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let T: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  T = uniqueTable('pqlerr');
  await ddb.send(new CreateTableCommand({
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'email', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byEmail', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  for (let i = 0; i < 3; i++) await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'p' }, sk: { N: String(i) } } }));
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

const statementError = async (Statement: string, extra: Record<string, unknown> = {}) => {
  const err = await ddbErrorOf(ddb.send(new ExecuteStatementCommand({ Statement, ...extra })));
  return `${err.name}: ${err.message}`;
};
const V = 'ValidationException: ';

test('statements DynamoDB parses but refuses', async (t) => {
  const cases: Array<[string, string]> = [
    [`INSERT INTO "${T}"."byEmail" VALUE {'pk': 'a', 'sk': 1}`, 'This operation is not supported on an index'],
    [`UPDATE "${T}"."byEmail" SET a = 1 WHERE pk = 'a' AND sk = 1`, 'This operation is not supported on an index'],
    [`DELETE FROM "${T}"."byEmail" WHERE pk = 'a' AND sk = 1`, 'This operation is not supported on an index'],
    [`INSERT INTO "${T}" VALUE [1, 2]`, 'Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.'],
    [`INSERT INTO "${T}" VALUES {'pk': 'a', 'sk': 1}`, 'Unsupported operation: Inserting multiple items in a single statement is not supported, use "INSERT INTO tableName VALUE item" instead'],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1} RETURNING ALL OLD *`, 'RETURNING is not supported in INSERT'],
    [`UPDATE "${T}" INSERT INTO l VALUE 1 WHERE pk = 'a' AND sk = 1`, 'Only SET and REMOVE are supported in update expressions at this time'],
    [`SELECT * FROM "${T}"; SELECT * FROM "${T}"`, 'Only one operation is allowed in a statement.'],
    [`SELECT *, pk FROM "${T}"`, "Other attributes should not be present in the projection when '*' is used."],
    [`SELECT pk, * FROM "${T}"`, "Other attributes should not be present in the projection when '*' is used."],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1, 's': <<>>}`, 'Empty bags are not supported'],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1, 's': <<'x', 1>>}`, 'Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags'],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1, 's': <<TRUE>>}`, 'Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags'],
    [`SELECT * FROM "${T}" WHERE sk = 1 ORDER BY sk`, 'Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.'],
    [`SELECT * FROM "${T}" ORDER BY sk`, 'Must have WHERE clause in the statement when using ORDER BY clause.'],
    // AWS's words (floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest.refusesAnOrderByItCannotServe,
    // captured from AWS eu-west-2, 2026-09-17); DynamoDB Local's catalogue has "Variable reference other in ...".
    [`SELECT * FROM "${T}" WHERE pk = 'p' ORDER BY other`, 'Attribute other in ORDER BY clause must be part of the primary key'],
    // floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest.filtersWithFunctionsAndNullChecks (AWS eu-west-2, 2026-09-17):
    // PartiQL's own order of the type names (the expression engine's differs: condition-errors.test.ts).
    [`SELECT pk FROM "${T}" WHERE pk = 'fn-1' AND attribute_type(Total, 'X')`, 'Invalid attribute type name found; type: X, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}'],
    [`SELECT sk FROM "${T}" WHERE pk IN ['o', 'p'] ORDER BY sk DESC`, 'Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.'],
    [`EXISTS(SELECT * FROM "${T}" WHERE pk = 'p' AND sk = 1)`, 'EXISTS can only be used in ExecuteTransaction write requests.'],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'x': 1}`, 'Key attribute should be present in the item: Key sk'],
    [`INSERT INTO "${T}" VALUE {'sk': 1}`, 'Key attribute should be present in the item: Key pk'],
    [`INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': '1'}`, "Key attribute's data type should match its data type in table's schema: Key sk"],
    [`UPDATE "${T}" SET x = 1 WHERE pk = 'p' AND sk = 1 AND sk < 5`, 'Multiple conditions on same key sk. Only single item Update/Insert/Delete are supported'],
    [`DELETE FROM "${T}" WHERE pk = 'p' AND sk = 1 AND pk IN ['p', 'q']`, 'Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported'],
  ];
  for (const [statement, message] of cases) t.is(await statementError(statement), V + message, statement);
  t.is(await statementError(`SELECT * FROM "${T}"."byEmail" WHERE email = 'x'`, { ConsistentRead: true }), `${V}Strongly consistent read is not supported on Global Secondary Indexes`);
});

test('a bag of one type is a set; ORDER BY a key attribute is accepted', async (t) => {
  await ddb.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "${T}" VALUE {'pk': 'bag', 'sk': 1, 'ss': <<'x', 'y'>>, 'ns': <<1, 2>>}` }));
  const got = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT ss, ns FROM "${T}" WHERE pk = 'bag' AND sk = 1` }));
  t.deepEqual(got.Items, [{ ss: { SS: ['x', 'y'] }, ns: { NS: ['1', '2'] } }]);
  const terminated = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT sk FROM "${T}" WHERE pk = 'bag' AND sk = 1;` }));
  t.is(terminated.Items!.length, 1, 'a statement may end with a semicolon');
  const ordered = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT sk FROM "${T}" WHERE pk = 'p' ORDER BY sk DESC` }));
  t.deepEqual(ordered.Items!.map((i) => i.sk!.N), ['2', '1', '0']);
});

// A statement refused while it is translated names its place, 0-based: DynamoDB Local's
// TransactionProcessor.performTranslations wraps every translation error in "Validation failed
// in TransactStatements[%s]: %s" with the statement's index (the wordings after the colon are
// those of the catalogue above), and paritysuite/dynamodb-conformance's AWS captures (2026-10)
// show the same prefix on a parse error (exactness-grammar.test.ts) and on RETURNING below.
const member = (i: number, message: string): string => `${V}Validation failed in TransactStatements[${i}]: ${message}`;

test('ExecuteTransaction: reads on an index, reads not pinned to one key, EXISTS on an index or without the key', async (t) => {
  const tx = async (Statement: string) => {
    const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement }] })));
    return `${err.name}: ${err.message}`;
  };
  t.is(await tx(`SELECT * FROM "${T}"."byEmail" WHERE email = 'x'`), member(0, 'Reads on indices are not supported within transactions.'));
  const notPinned = member(0, 'Select statements within ExecuteTransaction must specify the primary key in the where clause.');
  t.is(await tx(`SELECT * FROM "${T}" WHERE pk = 'p'`), notPinned);
  t.is(await tx(`SELECT * FROM "${T}" WHERE pk = 'p' AND sk = 1 AND a = 2`), notPinned);
  t.is(await tx(`EXISTS(SELECT * FROM "${T}"."byEmail" WHERE email = 'x')`), member(0, 'Operations on indices are not supported in transactions'));
  t.is(await tx(`EXISTS(SELECT * FROM "${T}" WHERE pk = 'p')`), member(0, 'EXISTS() must contain a single item read with additional condition'));
});

test('ExecuteTransaction: the index is the failing statement\'s, 0-based; RETURNING in AWS\'s words (paritysuite/dynamodb-conformance tests/tier3/error-messages partiqlFunctions.test.ts "ExecuteTransaction with a RETURNING member")', async (t) => {
  const tx = async (...statements: string[]) => {
    const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: statements.map((Statement) => ({ Statement })) })));
    return `${err.name}: ${err.message}`;
  };
  t.is(await tx(`UPDATE "${T}" SET data = 'v' WHERE pk = 'p' AND sk = 1 RETURNING ALL NEW *`), member(0, 'RETURNING clause is not supported in ExecuteTransaction.'));
  t.is(await tx(`SELECT * FROM "${T}" WHERE pk = 'p' AND sk = 1`, `SELECT * FROM "${T}"."byEmail" WHERE email = 'x'`), member(1, 'Reads on indices are not supported within transactions.'));
  t.is(await tx(`UPDATE "${T}" SET a = 1 WHERE pk = 'p' AND sk = 1`, `UPDATE "${T}" SET a = 1 WHERE pk = 'p' AND sk = 1`, `EXISTS(SELECT * FROM "${T}" WHERE pk = 'p')`),
    member(2, 'EXISTS() must contain a single item read with additional condition'));
  t.is(await tx(`UPDATE "${T}" SET a = 1 WHERE pk = 'p' AND sk = 1`, `SELECT * FROM "${T}" WHERE`), member(1, "Statement wasn't well formed, can't be processed: Unexpected term"));
});

// floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest.checksAConditionWithExists, "every
// expectation captured from real DynamoDB (eu-west-2, 2026-09-17)": the EXISTS refusal names its
// statement, and a read beside a write is refused for the whole request, bare.
test('ExecuteTransaction: EXISTS without a condition names its statement; a read and a write together are refused whole', async (t) => {
  const tx = async (...statements: string[]) => {
    const err = await ddbErrorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: statements.map((Statement) => ({ Statement })) })));
    return `${err.name}: ${err.message}`;
  };
  t.is(await tx(`EXISTS(SELECT * FROM "${T}" WHERE pk = 'p' AND sk = 1)`, `UPDATE "${T}" SET Touched = 1 WHERE pk = 'p' AND sk = 2`),
    member(0, 'EXISTS() must contain a single item read with additional condition'));
  t.is(await tx(`SELECT * FROM "${T}" WHERE pk = 'p' AND sk = 1`, `UPDATE "${T}" SET Touched = 1 WHERE pk = 'p' AND sk = 1`),
    `${V}ExecuteTransaction API does not support both read and write operations in the same request.`);
});

test('a NextToken that does not decode, and one of another statement', async (t) => {
  const first = await ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${T}" WHERE pk = 'p'`, Limit: 1 }));
  t.truthy(first.NextToken);
  t.is(await statementError(`SELECT * FROM "${T}" WHERE pk = 'p' AND sk > 0`, { NextToken: first.NextToken }), `${V}NextToken does not match request`);
  t.is(await statementError(`SELECT * FROM "${T}" WHERE pk = 'p'`, { NextToken: 'not-a-token' }), `${V}Invalid NextToken`);
});
