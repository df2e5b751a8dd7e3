/**
 * The DynamoDB drivers' table: its name and key schema from `workload.options`, where item `n`
 * lives, and setup (create the table if missing, wait until ACTIVE, preload with BatchWriteItem).
 * Setup goes over the wire (JSON 1.0, as the SDK speaks it) for both drivers: it is not measured,
 * one path is less code, and the default (raw) driver then needs no SDK installed.
 *
 * Options (bench/workloads/dynamodb-*.yaml): `table` (default "bench"), `hashKey` ("pk"),
 * `rangeKey` (none by default: a hash-only table), `partitions` (default keys.prefixes),
 * `queryLimit` / `scanLimit` (items per page, default `limit`, else 25).
 * Hash-only: item n is pk = its key name (workload/keys.ts). With a range key: pk =
 * `${prefix}${n % partitions}`, sk = the key name, so a query reads one of `partitions` partitions.
 */
import type { AttributeValue, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { KeySpace, Target, Workload } from '../../types.js';
import { keyName } from '../../workload/keys.js';
import { createFiller } from '../wire/payload.js';
import { setupJsonCall } from '../wire/setup-call.js';
import { SetupError, isSetupError } from '../wire/setup-error.js';
import { SignedPoster, jsonErrorCode } from '../wire/signed-post.js';

/** DynamoDB's item size limit is 400 KB including names; leave room for the keys. */
export const MAX_ITEM_PAYLOAD = 399_000;

export interface TableSpec {
  table: string;
  hashKey: string;
  rangeKey: string | null;
  queryLimit: number;
  scanLimit: number;
  keys: KeySpace;
  partitions: number;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.length > 0 ? v : fallback;
}

function positive(v: unknown, fallback: number): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function tableSpec(w: Workload): TableSpec {
  const o = w.options;
  const limit = positive(o.limit, 25);
  return {
    table: str(o.table, 'bench'),
    hashKey: str(o.hashKey, 'pk'),
    rangeKey: typeof o.rangeKey === 'string' && o.rangeKey.length > 0 ? o.rangeKey : null,
    queryLimit: positive(o.queryLimit, limit),
    scanLimit: positive(o.scanLimit, limit),
    keys: w.keys,
    partitions: positive(o.partitions, Math.max(1, w.keys.prefixes)),
  };
}

/** The key values of item `n`: [hash, range] (range undefined for a hash-only table). */
export function keyOf(spec: TableSpec, n: number): [string, string | undefined] {
  const name = keyName(spec.keys, n);
  return spec.rangeKey === null ? [name, undefined] : [`${spec.keys.prefix}${n % spec.partitions}`, name];
}

export function sdkKey(spec: TableSpec, n: number): Record<string, AttributeValue> {
  const [h, r] = keyOf(spec, n);
  const key: Record<string, AttributeValue> = { [spec.hashKey]: { S: h } };
  if (spec.rangeKey !== null && r !== undefined) key[spec.rangeKey] = { S: r };
  return key;
}

export function sdkItem(spec: TableSpec, n: number, data: string): Record<string, AttributeValue> {
  return { ...sdkKey(spec, n), data: { S: data }, v: { N: '0' } };
}

const dynamoTarget = (op: string): Record<string, string> => ({ 'x-amz-target': `DynamoDB_20120810.${op}` });

async function ensureTable(http: SignedPoster, spec: TableSpec): Promise<void> {
  const keys = spec.rangeKey === null ? [spec.hashKey] : [spec.hashKey, spec.rangeKey];
  try {
    await setupJsonCall(http, `CreateTable ${spec.table}`, {
      TableName: spec.table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k, AttributeType: 'S' })),
      KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    }, dynamoTarget('CreateTable'));
  } catch (err) {
    // An existing table is reused, so two drivers (or two runs) can share one.
    if (!isSetupError(err) || err.code !== 'ResourceInUseException') throw err;
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const out = await setupJsonCall<{ Table?: { TableStatus?: string } }>(
      http, `DescribeTable ${spec.table}`, { TableName: spec.table }, dynamoTarget('DescribeTable'));
    const status = out.Table?.TableStatus;
    if (status === 'ACTIVE') return;
    if (Date.now() > deadline) throw new SetupError(`DescribeTable ${spec.table}`, `status ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function writeBatch(http: SignedPoster, table: string, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 20) throw new SetupError('BatchWriteItem', 'unprocessed items remain');
    const out = await setupJsonCall<{ UnprocessedItems?: Record<string, WriteRequest[]> }>(
      http, 'BatchWriteItem', { RequestItems: { [table]: pending } }, dynamoTarget('BatchWriteItem'));
    pending = out.UnprocessedItems?.[table] ?? [];
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 10 * attempt));
  }
}

/** Creates the table and writes items 0..preload-1 (25 per BatchWriteItem, 8 batches at a time). */
export async function setupTable(target: Target, w: Workload): Promise<void> {
  const spec = tableSpec(w);
  const http = new SignedPoster(target, {
    service: 'dynamodb', headers: { 'content-type': 'application/x-amz-json-1.0' }, errorCode: jsonErrorCode, connections: 8,
  });
  try {
    await ensureTable(http, spec);
    const data = createFiller(w.size, MAX_ITEM_PAYLOAD).text(undefined);
    const count = Math.min(w.keys.preload, w.keys.count);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const start = next;
        next = Math.min(count, next + 25);
        const requests: WriteRequest[] = [];
        for (let n = start; n < next; n++) requests.push({ PutRequest: { Item: sdkItem(spec, n, data) } });
        await writeBatch(http, spec.table, requests);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    await http.close();
  }
}
