/**
 * CreateTable refusals as moto's aws_verified test_create_table__specify_non_key_column asserts
 * them (tests/test_dynamodb/test_dynamodb_create_table.py): an unknown KeyType is a model
 * constraint, reported with its member path, ahead of the undeclared attributes of the same
 * index ("AWS trips over the KeyType=SORT first").
 */
import test from 'ava';
import { registerRows, type Row } from './exactness-rows.js';

const CT = 'getmoto/moto tests/test_dynamodb/test_dynamodb_create_table.py ::test_create_table__specify_non_key_column';
const ENUM = "failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]";
const keys = (second: string) => [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: second }];
const base = (second: string) => ({ TableName: 'unknown-key-type', KeySchema: keys(second),
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });

const rows: Row[] = [
  { source: `${CT} (table key schema)`, op: 'CreateTable', body: () => base('SORT'),
    message: `1 validation error detected: Value 'SORT' at 'keySchema.2.member.keyType' ${ENUM}` },
  { source: `${CT} (GSI key schema with undeclared attributes)`, op: 'CreateTable',
    body: () => ({ ...base('RANGE'), GlobalSecondaryIndexes: [{ IndexName: 'TestGSI',
      KeySchema: [{ AttributeName: 'n/a', KeyType: 'HASH' }, { AttributeName: 'sth', KeyType: 'SORT' }],
      Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }] }),
    message: `1 validation error detected: Value 'SORT' at 'globalSecondaryIndexes.1.member.keySchema.2.member.keyType' ${ENUM}` },
  { source: `${CT} (LSI key schema)`, op: 'CreateTable',
    body: () => ({ ...base('RANGE'), LocalSecondaryIndexes: [{ IndexName: 'test_lsi',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsi_range_key', KeyType: 'SORT' }], Projection: { ProjectionType: 'ALL' } }] }),
    message: `1 validation error detected: Value 'SORT' at 'localSecondaryIndexes.1.member.keySchema.2.member.keyType' ${ENUM}` },
];

registerRows(test, rows);
