/**
 * Hostile pass 20 over JSON answers (src/protocols/json/encode.ts, java-double.ts,
 * crc32-header.ts). What broke: a timestamp that is no number (an invalid Date, as a stored
 * record missing its time would give, or an infinite one) was written as the raw text `NaN` or
 * `Infinity`, so the whole answer was not JSON and every SDK failed the call; before Java doubles
 * JSON.stringify had written null. Now the member is left out. Pinned beside it: times before 1970
 * and far in the future, a lone surrogate in an item (the x-amz-crc32 matches the bytes received,
 * both front ends), and a BatchGetItem answer near its 16 MB limit with a matching CRC.
 */
import test from 'ava';
import zlib from 'node:zlib';
import { BatchGetItemCommand, BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { loadModel } from '../../../src/model/generated/index.js';
import { getProtocol } from '../../../src/protocols/index.js';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';

/** node:zlib's CRC-32 (Node >= 20.15); the server's may use the addon, so this checks it independently of that path. */
const zlibSync = (bytes: Uint8Array): number => (zlib as unknown as { crc32(b: Uint8Array): number }).crc32(bytes) >>> 0;

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function encodeDescribeBackup(created: Date): Promise<string> {
  const model = await loadModel('dynamodb');
  const operation = model.operations.DescribeBackup!;
  const wire = getProtocol('json').encode({ model, operation, requestId: 'R' }, {
    BackupDescription: { BackupDetails: { BackupArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/backup/01', BackupName: 'b', BackupStatus: 'AVAILABLE', BackupType: 'USER', BackupCreationDateTime: created } },
  });
  return typeof wire.body === 'string' ? wire.body : Buffer.from(wire.body as Uint8Array).toString();
}

test('a timestamp that is no number leaves its member out; the answer stays JSON', async (t) => {
  for (const created of [new Date(Number.NaN), new Date(8.64e15 + 1)]) {
    const body = await encodeDescribeBackup(created);
    const parsed = JSON.parse(body) as { BackupDescription: { BackupDetails: Record<string, unknown> } };
    t.false('BackupCreationDateTime' in parsed.BackupDescription.BackupDetails, body);
    t.is(parsed.BackupDescription.BackupDetails.BackupName, 'b');
  }
});

test('times before 1970 and at the end of Date\'s range are written as Java doubles and read back', async (t) => {
  for (const [ms, text] of [[-1_500_000_000_000, '-1.5E9'], [-1, '-0.001'], [8.64e15, '8.64E12'], [0, '0.0']] as Array<[number, string]>) {
    const body = await encodeDescribeBackup(new Date(ms));
    t.true(body.includes(`"BackupCreationDateTime":${text},`), body);
    const parsed = JSON.parse(body) as { BackupDescription: { BackupDetails: { BackupCreationDateTime: number } } };
    t.is(Math.round(parsed.BackupDescription.BackupDetails.BackupCreationDateTime * 1000), ms);
  }
});

async function raw(operation: string, body: string): Promise<{ status: number; bytes: Buffer; crc: string | null }> {
  const res = await fetch(server.endpoint, {
    method: 'POST', body,
    headers: { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0', authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x' },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), crc: res.headers.get('x-amz-crc32') };
}

test('an item holding lone surrogates: the x-amz-crc32 is the CRC of the bytes received', async (t) => {
  const TableName = uniqueTable('hostile-crc');
  await createKeyedTable(ddbClient(server.endpoint), TableName, [['pk', 'S']]);
  // Written as JSON escapes, as a client's JSON.stringify sends them.
  const put = await raw('PutItem', `{"TableName":"${TableName}","Item":{"pk":{"S":"k"},"v":{"S":"a\\ud800b\\udfffc\\udc00"}}}`);
  t.is(put.status, 200, put.bytes.toString());
  const got = await raw('GetItem', `{"TableName":"${TableName}","Key":{"pk":{"S":"k"}}}`);
  t.is(got.status, 200, got.bytes.toString());
  t.is(got.crc, String(zlibSync(got.bytes)));
  // The value comes back as the client wrote it (escaped or as U+FFFD, the CRC matches either way).
  const v = (JSON.parse(got.bytes.toString()) as { Item: { v: { S: string } } }).Item.v.S;
  t.true(v === 'a\ud800b\udfffc\udc00' || v === 'a\ufffdb\ufffdc\ufffd', JSON.stringify(v));
  // An error that quotes the client's text: the same.
  const bad = await raw('GetItem', `{"TableName":"bad\\ud800name","Key":{"pk":{"S":"k"}}}`);
  t.is(bad.status, 400);
  t.is(bad.crc, String(zlibSync(bad.bytes)));
});

test('a BatchGetItem answer near 16 MB: its x-amz-crc32 matches the bytes received', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = uniqueTable('hostile-big');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const value = 'é'.repeat(190_000); // 380,000 bytes of UTF-8, under the 400 KB item limit
  const keys = Array.from({ length: 42 }, (_, i) => `k${i}`);
  for (let i = 0; i < keys.length; i += 25) {
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: keys.slice(i, i + 25).map((k) => ({ PutRequest: { Item: { pk: { S: k }, v: { S: value } } } })) } }));
  }
  const got = await raw('BatchGetItem', JSON.stringify({ RequestItems: { [TableName]: { Keys: keys.slice(0, 100).map((k) => ({ pk: { S: k } })) } } }));
  t.is(got.status, 200);
  t.true(got.bytes.length > 15_000_000, String(got.bytes.length));
  t.is(got.crc, String(zlibSync(got.bytes)));
  // And through the SDK: every key is either answered or left unprocessed, none lost.
  const out = await ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: keys.map((k) => ({ pk: { S: k } })), ProjectionExpression: 'pk' } } }));
  t.is((out.Responses?.[TableName]?.length ?? 0) + (out.UnprocessedKeys?.[TableName]?.Keys?.length ?? 0), keys.length);
});
