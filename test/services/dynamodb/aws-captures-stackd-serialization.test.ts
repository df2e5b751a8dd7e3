/**
 * A JSON value of the wrong type, answered as native AWS DynamoDB answers it today: HTTP 400,
 * com.amazon.coral.service#SerializationException, the text under a capitalised `Message`.
 *
 * The capture: radkawar/stackd testdata/aws/dynamodb/continuous_backup_controls.json (AWS
 * us-east-1, 2026-09-18, signed raw JSON), seq 32 and the description after it, seq 35. Its seq 31
 * (PointInTimeRecoveryEnabled "yes", answered Success with recovery still enabled) is not pinned:
 * one string shows no rule for which strings a Boolean takes, and dynalite's rows below have "23"
 * for a Boolean refused, so boltstack still refuses every string there.
 *
 * The other rows: architect/dynalite test/helpers.js `assertType` at 6caa634 (its suite runs
 * against AWS with REMOTE=1; the date of that run is not recorded), applied to the members its
 * PutItem, GetItem, Query, BatchGetItem and BatchWriteItem tests name. The one row both sources
 * cover agrees ("STRING_VALUE cannot be converted to Integer").
 */
import test from 'ava';
import { DescribeContinuousBackupsCommand, UpdateContinuousBackupsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

const STACKD = 'radkawar/stackd testdata/aws/dynamodb/continuous_backup_controls.json';
const DYNALITE = 'architect/dynalite test/helpers.js assertType @6caa634';
const SERIALIZATION = 'com.amazon.coral.service#SerializationException';

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

/** Status, `__type`, `Message`, and whether a lowercase `message` came too (AWS sends none). */
async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return [r.status, r.body.__type, r.body.Message, 'message' in r.body];
}
const refused = (message: string): unknown[] => [400, SERIALIZATION, message, false];

test(`a string for RecoveryPeriodInDays is refused and changes nothing (${STACKD} seq 32, 35, 2026-09-18)`, async (t) => {
  const TableName = uniqueTable('serialization');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 } }));
  t.deepEqual(await answer('UpdateContinuousBackups', { TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 'seven' } }),
    refused('STRING_VALUE cannot be converted to Integer'), 'seq 32, raw');
  // The SDK sends the string as given: its serializer copies the structure.
  const viaSdk = await ddbErrorOf(ddb.send(new UpdateContinuousBackupsCommand({
    TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 'seven' as unknown as number },
  })));
  t.deepEqual([viaSdk.name, viaSdk.message, viaSdk.$metadata.httpStatusCode], ['SerializationException', 'STRING_VALUE cannot be converted to Integer', 400], 'seq 32, SDK');
  const after = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  t.deepEqual([after?.PointInTimeRecoveryStatus, after?.RecoveryPeriodInDays], ['ENABLED', 7], 'seq 35');
});

const CAST = 'class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class '
  + '(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader \'bootstrap\')';
const ATTRIBUTE_MAP = 'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>';
const STRUCTURE_OR_MAP = 'Start of structure or map found where not expected';
const T = 'serialization-rows';
const item = (value: unknown): unknown => ({ TableName: T, Item: { a: value } });

// [operation, the member dynalite names, its type there, body, AWS's Message]
const ROWS: Array<[string, string, string, unknown, string]> = [
  ['PutItem', 'TableName', 'String', { TableName: true }, 'TRUE_VALUE cannot be converted to String'],
  ['PutItem', 'TableName', 'String', { TableName: false }, 'FALSE_VALUE cannot be converted to String'],
  ['PutItem', 'TableName', 'String', { TableName: 23 }, 'NUMBER_VALUE cannot be converted to String'],
  ['PutItem', 'TableName', 'String', { TableName: 2147483648 }, 'NUMBER_VALUE cannot be converted to String'],
  ['PutItem', 'TableName', 'String', { TableName: 34.56 }, 'DECIMAL_VALUE cannot be converted to String'],
  ['PutItem', 'TableName', 'String', { TableName: [] }, 'Unrecognized collection type class java.lang.String'],
  ['PutItem', 'TableName', 'String', { TableName: {} }, STRUCTURE_OR_MAP],
  ['PutItem', 'Item', 'Map<AttributeValue>', { TableName: T, Item: '23' }, 'Unexpected field type'],
  ['PutItem', 'Item', 'Map<AttributeValue>', { TableName: T, Item: [] }, ATTRIBUTE_MAP],
  ['PutItem', 'Item.Attr', 'ValueStruct<AttributeValue>', item(true), 'Unexpected value type in payload'],
  ['PutItem', 'Item.Attr', 'ValueStruct<AttributeValue>', item([]), 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue'],
  ['PutItem', 'Item.Attr.S', 'String', item({ S: 23 }), 'NUMBER_VALUE cannot be converted to String'],
  ['PutItem', 'Item.Attr.B', 'Blob', item({ B: 23 }), 'only base-64-encoded strings are convertible to bytes'],
  ['PutItem', 'Item.Attr.B', 'Blob', item({ B: true }), 'only base-64-encoded strings are convertible to bytes'],
  ['PutItem', 'Item.Attr.B', 'Blob', item({ B: [] }), 'Unrecognized collection type class java.nio.ByteBuffer'],
  ['PutItem', 'Item.Attr.B', 'Blob', item({ B: {} }), STRUCTURE_OR_MAP],
  ['PutItem', 'Item.Attr.BOOL', 'Boolean', item({ BOOL: '23' }), 'Unexpected token received from parser'],
  ['PutItem', 'Item.Attr.BOOL', 'Boolean', item({ BOOL: 23 }), 'NUMBER_VALUE cannot be converted to Boolean'],
  ['PutItem', 'Item.Attr.NULL', 'Boolean', item({ NULL: 34.56 }), 'DECIMAL_VALUE cannot be converted to Boolean'],
  ['PutItem', 'Item.Attr.NULL', 'Boolean', item({ NULL: [] }), 'Unrecognized collection type class java.lang.Boolean'],
  ['PutItem', 'Item.Attr.SS', 'List', item({ SS: '23' }), 'Unexpected field type'],
  ['PutItem', 'Item.Attr.SS', 'List', item({ SS: {} }), STRUCTURE_OR_MAP],
  ['PutItem', 'Item.Attr.SS.0', 'String', item({ SS: [false] }), 'FALSE_VALUE cannot be converted to String'],
  ['PutItem', 'Item.Attr.L.0', 'ValueStruct<AttributeValue>', item({ L: [23] }), 'Unexpected value type in payload'],
  ['PutItem', 'Item.Attr.M', 'Map<AttributeValue>', item({ M: [] }), ATTRIBUTE_MAP],
  ['PutItem', 'Item.Attr.M.a', 'ValueStruct<AttributeValue>', item({ M: { a: '23' } }), 'Unexpected value type in payload'],
  ['PutItem', 'Expected.Attr.Value', 'AttrStruct<FieldStruct>', { TableName: T, Expected: { a: { Value: 23 } } }, 'Unexpected field type'],
  ['PutItem', 'Expected.Attr.Value', 'AttrStruct<FieldStruct>', { TableName: T, Expected: { a: { Value: [] } } },
    'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue'],
  ['GetItem', 'ConsistentRead', 'Boolean', { TableName: T, ConsistentRead: '23' }, 'Unexpected token received from parser'],
  ['GetItem', 'ConsistentRead', 'Boolean', { TableName: T, ConsistentRead: 2147483648 }, 'NUMBER_VALUE cannot be converted to Boolean'],
  ['GetItem', 'ConsistentRead', 'Boolean', { TableName: T, ConsistentRead: {} }, STRUCTURE_OR_MAP],
  ['GetItem', 'Key', 'Map<AttributeValue>', { TableName: T, Key: [] }, ATTRIBUTE_MAP],
  ['Query', 'Limit', 'Integer', { TableName: T, Limit: '23' }, 'STRING_VALUE cannot be converted to Integer'],
  ['Query', 'Limit', 'Integer', { TableName: T, Limit: true }, 'TRUE_VALUE cannot be converted to Integer'],
  ['Query', 'Limit', 'Integer', { TableName: T, Limit: false }, 'FALSE_VALUE cannot be converted to Integer'],
  ['Query', 'Limit', 'Integer', { TableName: T, Limit: [] }, 'Unrecognized collection type class java.lang.Integer'],
  ['Query', 'Limit', 'Integer', { TableName: T, Limit: {} }, STRUCTURE_OR_MAP],
  ['Query', 'ExpressionAttributeNames', 'Map<java.lang.String>', { TableName: T, ExpressionAttributeNames: [] },
    'Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>'],
  ['BatchWriteItem', 'RequestItems.Attr', 'ParameterizedList', { RequestItems: { [T]: '23' } }, CAST],
  ['BatchWriteItem', 'RequestItems.Attr', 'ParameterizedList', { RequestItems: { [T]: {} } }, STRUCTURE_OR_MAP],
  ['BatchGetItem', 'RequestItems.Attr.Keys', 'List', { RequestItems: { [T]: { Keys: 23 } } }, 'Unexpected field type'],
  ['BatchGetItem', 'RequestItems.Attr.Keys.0', 'ParameterizedMap', { RequestItems: { [T]: { Keys: [true] } } }, CAST],
  ['BatchGetItem', 'RequestItems.Attr.Keys.0', 'ParameterizedMap', { RequestItems: { [T]: { Keys: [[]] } } }, ATTRIBUTE_MAP],
];

test(`a value of the wrong type, by member type and place (${DYNALITE})`, async (t) => {
  for (const [operation, member, type, body, message] of ROWS) {
    t.deepEqual(await answer(operation, body), refused(message), `${operation} ${member} (${type}) ${JSON.stringify(body)}`);
  }
});
