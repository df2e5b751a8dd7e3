/**
 * DynamoDB over raw JSON 1.0 (SigV4-signed POSTs on undici): the request bodies are template
 * strings around pre-serialized fragments (table name, key names, payload), so an operation costs
 * one string concatenation, one SHA-256 and one signature; the constant Scan body is hashed once.
 * `bytes` is the payload written (put) or the response size (reads).
 */
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { sha256Hex } from '../sigv4.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { SignedPoster, jsonErrorCode, type PostAnswer } from '../wire/signed-post.js';
import { DYNAMODB_OPERATIONS } from './sdk.js';
import { MAX_ITEM_PAYLOAD, keyOf, setupTable, tableSpec, type TableSpec } from './table.js';

const target = (op: string): Record<string, string> => ({ 'x-amz-target': `DynamoDB_20120810.${op}` });
const TARGETS = {
  put: target('PutItem'), get: target('GetItem'), update: target('UpdateItem'),
  delete: target('DeleteItem'), query: target('Query'), scan: target('Scan'),
};

/** Pre-serialized pieces of every request body for one table. */
class Bodies {
  readonly #spec: TableSpec;
  readonly #head: string;
  readonly #hashKey: string;
  readonly #rangeKey: string | null;
  readonly scan: string;
  readonly scanHash: string;

  constructor(spec: TableSpec) {
    this.#spec = spec;
    this.#head = `{"TableName":${JSON.stringify(spec.table)}`;
    this.#hashKey = JSON.stringify(spec.hashKey);
    this.#rangeKey = spec.rangeKey === null ? null : JSON.stringify(spec.rangeKey);
    this.scan = `${this.#head},"Limit":${spec.scanLimit}}`;
    this.scanHash = sha256Hex(this.scan);
  }

  /** `"pk":{"S":"..."},"sk":{"S":"..."}` (without braces, so items can extend it). */
  #keyFields(n: number): string {
    const [h, r] = keyOf(this.#spec, n);
    const hash = `${this.#hashKey}:{"S":${JSON.stringify(h)}}`;
    return this.#rangeKey === null ? hash : `${hash},${this.#rangeKey}:{"S":${JSON.stringify(r)}}`;
  }

  put(n: number, data: string): string {
    return `${this.#head},"Item":{${this.#keyFields(n)},"data":{"S":"${data}"},"v":{"N":"0"}}}`;
  }

  key(n: number): string {
    return `${this.#head},"Key":{${this.#keyFields(n)}}}`;
  }

  update(n: number): string {
    return `${this.#head},"Key":{${this.#keyFields(n)}},"UpdateExpression":"SET #u = :u ADD #v :one",`
      + `"ExpressionAttributeNames":{"#u":"updated","#v":"v"},"ExpressionAttributeValues":{":u":{"N":"${Date.now()}"},":one":{"N":"1"}}}`;
  }

  query(n: number): string {
    const [h] = keyOf(this.#spec, n);
    return `${this.#head},"Limit":${this.#spec.queryLimit},"KeyConditionExpression":"#h = :h",`
      + `"ExpressionAttributeNames":{"#h":${this.#hashKey}},"ExpressionAttributeValues":{":h":{"S":${JSON.stringify(h)}}}}`;
  }
}

function result(a: PostAnswer, bytes: number): OpResult {
  return a.error === undefined ? { ok: true, bytes } : { ok: false, bytes: 0, error: a.error };
}

class DynamoDbRawDriver implements Driver {
  readonly name = 'dynamodb-raw';
  readonly service = 'dynamodb' as const;
  readonly operations = DYNAMODB_OPERATIONS;
  readonly #target: Target;
  readonly #http: SignedPoster;
  #bodies: Bodies | undefined;
  #filler: Filler | undefined;

  constructor(t: Target) {
    this.#target = t;
    this.#http = new SignedPoster(t, { service: 'dynamodb', headers: { 'content-type': 'application/x-amz-json-1.0' }, errorCode: jsonErrorCode });
  }

  async setup(workload: Workload): Promise<void> {
    await setupTable(this.#target, workload);
    this.#bodies = new Bodies(tableSpec(workload));
    this.#filler = createFiller(workload.size, MAX_ITEM_PAYLOAD);
  }

  async run(op: string, n: number, body: BodySource | undefined): Promise<OpResult> {
    const b = this.#bodies;
    if (!b || !this.#filler) return { ok: false, bytes: 0, error: 'NotSetUp' };
    switch (op) {
      case 'put': {
        const data = this.#filler.text(body);
        return result(await this.#http.post(b.put(n, data), TARGETS.put), data.length);
      }
      case 'get': {
        const a = await this.#http.post(b.key(n), TARGETS.get);
        return result(a, a.body.length);
      }
      case 'update': return result(await this.#http.post(b.update(n), TARGETS.update), 0);
      case 'delete': return result(await this.#http.post(b.key(n), TARGETS.delete), 0);
      case 'query': {
        const a = await this.#http.post(b.query(n), TARGETS.query);
        return result(a, a.body.length);
      }
      case 'scan': {
        const a = await this.#http.post(b.scan, TARGETS.scan, b.scanHash);
        return result(a, a.body.length);
      }
      default: return { ok: false, bytes: 0, error: 'UnknownOperation' };
    }
  }

  close(): Promise<void> {
    return this.#http.close();
  }
}

export const dynamodbRawDriver: DriverFactory = {
  service: 'dynamodb',
  kind: 'raw',
  create: (t) => new DynamoDbRawDriver(t),
};

export default dynamodbRawDriver;
