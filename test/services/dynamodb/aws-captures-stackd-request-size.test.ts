/**
 * The request size limit as native AWS DynamoDB drew it in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/batch_request_size.json, recorded 2026-09-18): a BatchWriteItem body of
 * exactly 16 MiB (padded with trailing JSON whitespace) is read and answered, one byte more is
 * HTTP 413 with an empty body.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { rawCall } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const LIMIT = 16 * 1024 * 1024;
const body = (bytes: number): string => {
  const json = JSON.stringify({ RequestItems: { 'stackd-missing-table': [{ PutRequest: { Item: { pk: { S: 'missing-boundary' }, sk: { S: 'missing-boundary' } } } }] } });
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
};

test('a 16 MiB request is answered; 16 MiB + 1 byte is 413 (radkawar/stackd testdata/aws/dynamodb/batch_request_size.json, 2026-09-18)', async (t) => {
  const atLimit = await rawCall(server.endpoint, 'BatchWriteItem', body(LIMIT));
  t.is(atLimit.status, 400);
  t.deepEqual(atLimit.body, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' });
  const res = await fetch(server.endpoint, {
    method: 'POST', body: body(LIMIT + 1),
    headers: { 'x-amz-target': 'DynamoDB_20120810.BatchWriteItem', 'content-type': 'application/x-amz-json-1.0' },
  });
  t.is(res.status, 413);
  t.is(await res.text(), '');
});
