/**
 * PartiQL's own errors, as DynamoDB words them. Parse errors share one envelope,
 * "Statement wasn't well formed, can't be processed: <detail>", with a short detail
 * ("Expected data manipulation", "Unexpected keyword", ...). The other wordings are those of
 * DynamoDB's PartiQL front end as DynamoDB Local ships it (its ValidationExceptionMessages
 * catalogue, shared with the service): each factory below names the entry it reproduces.
 */
import { AwsError } from '../../../errors/aws-error.js';
import { ddbErrors } from '../errors.js';

const validation = ddbErrors.validation;

export const statementNotWellFormed = (detail: string): AwsError =>
  validation(`Statement wasn't well formed, can't be processed: ${detail}`);

/**
 * A token left after a complete statement (`... WHERE pk = 1 foo`, a stray `)`, ORDER BY on a
 * DELETE or before WHERE): paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts, pinned on AWS in October 2026.
 */
export const tokenAfterStatement = (): AwsError => statementNotWellFormed('Unexpected token after expression');

/**
 * A SELECT's FROM source that is an expression rather than a table name, with no envelope: an
 * unquoted name with hyphens reads as a subtraction, `SELECT * FROM my-table WHERE pk = ?`
 * (radkawar/stackd testdata/aws/dynamodb/data.json seq 70, AWS us-east-1, 2026-09-17).
 */
export const unexpectedFromSource = (): AwsError => validation('Unexpected from source');

/** A table alias on SELECT, UPDATE or DELETE (same source), with no envelope. */
export const aliasing = (): AwsError => validation('Aliasing is not supported');

/** A SELECT in BatchExecuteStatement on an index or not pinned to one item by its key alone (same suite). */
export const keyNotPinnedInBatch = (): AwsError => validation('Select statements within BatchExecuteStatement must specify the primary key in the where clause.');

export const parameterCountMismatch = (): AwsError =>
  validation("Number of parameters in request and statement don't match.");

export const missingKeyEquality = (): AwsError =>
  validation('Where clause does not contain a mandatory equality on all key attributes');

export const unsupportedStatement = (detail: string): AwsError => validation(detail);

export const duplicateItem = (): AwsError =>
  new AwsError({ code: 'DuplicateItemException', status: 400, message: 'Duplicate primary key exists in table' });

/** INVALID_NEXT_TOKEN: a token that does not decode. */
export const invalidNextToken = (): AwsError => validation('Invalid NextToken');

/** CONT_TOKEN_HASH_MISMATCH: a token of another statement. */
export const nextTokenMismatch = (): AwsError => validation('NextToken does not match request');

/** OPERATION_NOT_SUPPORTED_ON_INDEX: INSERT, UPDATE or DELETE on "table"."index". */
export const notOnIndex = (): AwsError => validation('This operation is not supported on an index');

/** INVALID_INDICES_FOR_TWI_CONDITION_CHECK: EXISTS(SELECT ... FROM "table"."index" ...). */
export const indexInTransaction = (): AwsError => validation('Operations on indices are not supported in transactions');

/** INVALID_KEYS_FOR_TWI_CONDITION_CHECK: EXISTS whose WHERE does not pin one item. */
export const existsNotOneItem = (): AwsError => validation('EXISTS() must contain a single item read with additional condition');

/** UNSUPPORTED_CONDITION_CHECK_CLAUSE_FOR_NON_TX_REQUEST: EXISTS in ExecuteStatement / BatchExecuteStatement. */
export const existsOutsideTransaction = (): AwsError => validation('EXISTS can only be used in ExecuteTransaction write requests.');

/** INVALID_INDICES_FOR_TGI: a SELECT on an index in a read transaction. */
export const indexReadInTransaction = (): AwsError => validation('Reads on indices are not supported within transactions.');

/** INVALID_KEYS_FOR_TGI: a SELECT in a read transaction whose WHERE is not exactly the primary key. */
export const keyNotPinnedInTransaction = (): AwsError => validation('Select statements within ExecuteTransaction must specify the primary key in the where clause.');

/** UNSUPPORTED_ITEM_SYNTAX: INSERT ... VALUE of something that is not a {...} struct. */
export const insertItemNotStruct = (at = ''): AwsError =>
  validation(`Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.${at}`);

/** INSERT_OP_NOT_SUPPORTED: INSERT ... VALUES (several items). */
export const insertSeveral = (): AwsError =>
  validation('Unsupported operation: Inserting multiple items in a single statement is not supported, use "INSERT INTO tableName VALUE item" instead');

/** INVALID_RV_INSERT. */
export const returningInInsert = (): AwsError => validation('RETURNING is not supported in INSERT');

/** UNSUPPORTED_UPDATE_ACTION: UPDATE ... INSERT INTO / DELETE clauses. */
export const onlySetAndRemove = (): AwsError => validation('Only SET and REMOVE are supported in update expressions at this time');

/** MULTIPLE_OPERATIONS_IN_ONE_STATEMENT: text after the statement's `;`. */
export const oneOperationPerStatement = (): AwsError => validation('Only one operation is allowed in a statement.');

/** STAR_AND_OTHER_ATTRIBUTES. */
export const starWithOtherAttributes = (): AwsError => validation("Other attributes should not be present in the projection when '*' is used.");

/** EMPTY_BAG. */
export const emptyBag = (): AwsError => validation('Empty bags are not supported');

/** UNSUPPORTED_DATA_TYPE_IN_BAG: a bag mixing types, or of anything but strings or numbers. */
export const bagMemberType = (): AwsError => validation('Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags');

/** INCOMPLETE_KEY_IN_WHERE_CLAUSE_FOR_ORDER_BY: ORDER BY with a WHERE that does not fix the partition key. */
export const orderByWithoutHashKey = (): AwsError =>
  validation('Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.');

/** A WHERE fixing several partitions (`hash IN [...]`) ordered by something else first. */
export const orderByWithoutHashKeyFirst = (): AwsError =>
  validation('Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.');

/**
 * OP_LIMIT_EXCEEDED: a SELECT that decomposes into more than 50 reads (`hash IN [...]` of 51
 * values: floci-io/floci DynamoDbPartiQLEdgeCaseIntegrationTest, AWS eu-west-2, 2026-09-17; the
 * developer guide's ql-operators.html allows at most 50 hash attribute values in IN).
 */
export const tooManyDecomposedReads = (): AwsError => validation('Too many decomposed read operations for a given query.');

/** IN without a list of at least one member on its right (parse-expression.ts). */
export const inNeedsList = (): AwsError =>
  validation('IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member');

/** More than 100 values in one IN, in the expression engine's words (same floci source). */
export const tooManyInOperands = (count: number): AwsError => validation(`The IN operator is provided with too many operands; number of operands: ${count}`);

/**
 * INVALID_ATTRIBUTES_IN_ORDER_BY. DynamoDB Local's catalogue says "Variable reference x in ...";
 * AWS answered "Attribute Total in ORDER BY clause must be part of the primary key" (floci-io/floci
 * DynamoDbPartiQLDocumentedSyntaxIntegrationTest, captured from AWS eu-west-2, 2026-09-17).
 */
export const orderByNotKey = (name: string): AwsError => validation(`Attribute ${name} in ORDER BY clause must be part of the primary key`);

/** CONSISTENT_READ_ON_GSI: ExecuteStatement with ConsistentRead on a global secondary index. */
export const consistentReadOnGlobalIndex = (): AwsError => validation('Strongly consistent read is not supported on Global Secondary Indexes');

/** KEY_ATTRIBUTE_ABSENT: an INSERT whose item lacks a key attribute. */
export const keyAttributeAbsent = (attr: string): AwsError => validation(`Key attribute should be present in the item: Key ${attr}`);

/** SCHEMA_KEY_MISMATCH: an INSERT whose key attribute has another type than the table's. */
export const keyTypeMismatch = (attr: string): AwsError => validation(`Key attribute's data type should match its data type in table's schema: Key ${attr}`);

/** MULTIPLE_CONDITIONS_ON_SAME_KEY: UPDATE / DELETE with a key attribute's equality and another condition on its value. */
export const multipleConditionsOnKey = (attr: string): AwsError =>
  validation(`Multiple conditions on same key ${attr}. Only single item Update/Insert/Delete are supported`);

/**
 * A SELECT whose OR branches overlap on the sort key: one branch reads a whole partition, another
 * a sort-key range of the same partition (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts, AWS October 2026).
 */
export const overlappingRangeConditions = (): AwsError => validation('Overlapping conditions with range keys are not supported in where clause');

/** A SELECT on a GSI listing attributes the index does not project (index-projection.ts). */
export const indexDoesNotProject = (index: string, names: readonly string[]): AwsError =>
  validation(`One or more parameter values were invalid: Global secondary index ${index} does not project [${names.join(', ')}]`);
