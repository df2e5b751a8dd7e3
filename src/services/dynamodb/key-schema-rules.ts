/**
 * The semantic rules of key schemas and indexes (after the model constraints): which messages
 * DynamoDB gives for a key schema that is out of order, attribute definitions that do not match
 * the keys, and index definitions that break the rules.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
 */
import type { AttributeDefinition, KeySchemaItem, Projection } from '../../model/generated/dynamodb-types.js';
import { ddbErrors } from './errors.js';
import type { IndexRecord, KeyAttribute, ProjectionType, ScalarType } from './table-record.js';

const list = (names: readonly string[]): string => `[${names.join(', ')}]`;

/** HASH first, RANGE second, two different names. */
export function checkKeyOrder(schema: KeySchemaItem[]): void {
  if (schema.length === 2 && schema[0]!.AttributeName === schema[1]!.AttributeName) {
    throw ddbErrors.validation('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  }
  if (schema[0]!.KeyType !== 'HASH') throw ddbErrors.validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (schema[1] !== undefined && schema[1].KeyType !== 'RANGE') throw ddbErrors.validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
}

/**
 * The attribute definitions must name exactly the key attributes of the table and its indexes.
 * The wording depends on which side has more names and on whether the request has indexes
 * (messages as the real API answers them; lists sorted, in Java's List.toString form).
 */
export function checkDefinitionsMatchKeys(definitions: AttributeDefinition[], keyNames: readonly string[], hasIndexes: boolean, keyLists: readonly (readonly string[])[] = []): void {
  const seen = new Set<string>();
  for (const d of definitions) {
    if (seen.has(d.AttributeName)) throw ddbErrors.validation(`Attribute Name is duplicated: ${d.AttributeName}`);
    seen.add(d.AttributeName);
  }
  const actual = [...seen].sort();
  const expected = [...new Set(keyNames)].sort();
  if (actual.length === expected.length && actual.every((a, i) => a === expected[i])) return;
  const missing = expected.filter((k) => !seen.has(k));
  if (actual.length > expected.length && missing.length === 0) {
    if (hasIndexes) throw ddbErrors.invalidParameter(`Some AttributeDefinitions are not used. AttributeDefinitions: ${list(actual)}, keys used: ${list(expected)}`);
    throw ddbErrors.invalidParameter('Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions');
  }
  if (actual.length < expected.length && !hasIndexes) throw ddbErrors.validation('Invalid KeySchema: Some index key attribute have no definition');
  // With indexes, AWS names the whole key schema (table's, then each index's in request order) of
  // the first one with an undefined attribute (architect/dynalite test/createTable.js "missing
  // attribute definitions when hash is same in GlobalSecondaryIndex": Keys: [a, c]).
  const first = hasIndexes ? keyLists.find((names) => names.some((k) => !seen.has(k))) : undefined;
  const keys = first ? [...new Set(first)].sort() : hasIndexes ? missing : expected;
  throw ddbErrors.invalidParameter(`Some index key attributes are not defined in AttributeDefinitions. Keys: ${list(keys)}, AttributeDefinitions: ${list(actual)}`);
}

export function keyAttributes(schema: KeySchemaItem[], definitions: AttributeDefinition[]): { hash: KeyAttribute; range?: KeyAttribute } {
  const typeOf = (name: string): ScalarType => definitions.find((d) => d.AttributeName === name)!.AttributeType as ScalarType;
  const hash = { name: schema[0]!.AttributeName, type: typeOf(schema[0]!.AttributeName) };
  return schema[1] ? { hash, range: { name: schema[1].AttributeName, type: typeOf(schema[1].AttributeName) } } : { hash };
}

export function checkProjectionRules(projection: Projection): IndexRecord['projection'] {
  const type = projection.ProjectionType;
  if (type === undefined) throw ddbErrors.invalidParameter('Unknown ProjectionType: null');
  const nonKey = projection.NonKeyAttributes;
  if (type === 'INCLUDE') {
    if (nonKey === undefined) throw ddbErrors.invalidParameter('ProjectionType is INCLUDE, but NonKeyAttributes is not specified');
    const seen = new Set<string>();
    for (const name of nonKey) {
      if (seen.has(name)) throw ddbErrors.invalidParameter(`Duplicate element in NonKeyAttributes: ${name}`);
      seen.add(name);
    }
    return { type, nonKeyAttributes: nonKey };
  }
  if (nonKey !== undefined) throw ddbErrors.invalidParameter(`ProjectionType is ${type}, but NonKeyAttributes is specified`);
  return { type: type as ProjectionType };
}
