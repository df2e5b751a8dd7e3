/**
 * The size DynamoDB counts for each type of value, found by native AWS at the 1 KB write-unit
 * boundary in 2026 (radkawar/stackd testdata/aws/dynamodb/capacity_item_sizes.json, calls of
 * 2026-09-17, its "sizes" summary): items of pk (6 bytes), v (the value) and padding; the largest
 * padding still written for 1 unit and the smallest written for 2.
 */
import test from 'ava';
import { PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('sizes');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const bytes = (...b: number[]) => new Uint8Array(b);
// [label, value, last padding written for 1 unit] (the first for 2 units is one more).
const SIZES: Array<[string, AttributeValue, number]> = [
  ['zero', { N: '0' }, 1007], ['one', { N: '1' }, 1006], ['negative-one', { N: '-1' }, 1005],
  ['two-digits', { N: '12' }, 1006], ['negative-two-digits', { N: '-12' }, 1005], ['three-digits', { N: '123' }, 1005],
  ['four-digits', { N: '1234' }, 1005], ['trimmed-zeroes', { N: '00012.3400' }, 1005],
  ['positive-exponent', { N: '1E+125' }, 1006], ['negative-exponent', { N: '1E-130' }, 1006],
  ['thirty-eight-digits', { N: '12345678901234567890123456789012345678' }, 988],
  ['utf8-string', { S: 'é☃' }, 1003], ['binary', { B: bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9) }, 998],
  ['boolean', { BOOL: false }, 1007], ['null', { NULL: true }, 1007],
  ['number-set', { NS: ['1', '-12', '0.0100'] }, 1001], ['string-set', { SS: ['é', 'three'] }, 1001],
  ['binary-set', { BS: [bytes(0, 1), bytes(2, 3, 4)] }, 1003],
  ['empty-list', { L: [] }, 1005], ['empty-map', { M: {} }, 1005],
  ['list-elements', { L: [{ N: '1' }, { S: 'é' }, { NULL: true }] }, 997],
  ['map-elements', { M: { n: { N: '-1' }, b: { BOOL: true } } }, 997],
];

let key = 0;
const units = async (v: AttributeValue, padding: number): Promise<number | undefined> => {
  const pk = String(++key).padStart(6, '0');
  const out = await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: pk }, v, padding: { S: 'x'.repeat(padding) } }, ReturnConsumedCapacity: 'TOTAL' }));
  return out.ConsumedCapacity?.CapacityUnits;
};

for (const [label, value, lastOne] of SIZES) {
  test.serial(`${label}: 1 unit with ${lastOne} bytes of padding, 2 with ${lastOne + 1} (radkawar/stackd testdata/aws/dynamodb/capacity_item_sizes.json sizes, 2026-09-17)`, async (t) => {
    t.is(await units(value, lastOne), 1);
    t.is(await units(value, lastOne + 1), 2);
  });
}
