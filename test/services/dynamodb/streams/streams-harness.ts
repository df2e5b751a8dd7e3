/**
 * The harness behind the streams-exactness tests: one real server per file (with a clock the
 * tests can move, for iterator expiry and retention), raw JSON 1.0 calls to both DynamoDB and
 * DynamoDB Streams (so the wire `__type` and the exact message are checked, not the SDK's reading
 * of them), and a table-with-a-stream helper.
 */
import type { Boltstack } from '../../../../src/index.js';
import { startBoltstack } from '../../../helpers/server.js';
import { uniqueTable } from '../helpers.js';

export const VALIDATION = 'com.amazon.coral.validate#ValidationException';
export const DDB = (name: string): string => `com.amazonaws.dynamodb.v20120810#${name}`;
export const INVALID = 'One or more parameter values were invalid: ';

export interface Answer { status: number; body: Record<string, any> }

export interface Harness {
  server: Boltstack;
  /** Moves the service clock (ms); never backwards past the real time the test started from. */
  advance(ms: number): void;
  ddb(op: string, body: unknown): Promise<Answer>;
  streams(op: string, body: unknown): Promise<Answer>;
  /**
   * A table keyed `p` (S) [+ `c` (S)], or by `keys` (all S, hash first), with a stream of
   * `viewType` (none when undefined); its stream ARN.
   */
  table(viewType?: string, opts?: { range?: boolean; keys?: string[] }): Promise<{ name: string; arn?: string; create: Answer }>;
  /** The one shard of a stream. */
  shard(arn: string): Promise<{ ShardId: string; SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string } }>;
  iterator(arn: string, type: string, sequence?: string): Promise<string>;
  /** Every record from TRIM_HORIZON. */
  records(arn: string): Promise<Array<Record<string, any>>>;
  stop(): Promise<void>;
}

async function call(endpoint: string, target: string, body: unknown): Promise<Answer> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await jsonOrEmpty(res) as Record<string, any> };
}

export async function startHarness(): Promise<Harness> {
  let offset = 0;
  const server = await startBoltstack({ clock: () => Date.now() + offset });
  const ddb = (op: string, body: unknown): Promise<Answer> => call(server.endpoint, `DynamoDB_20120810.${op}`, body);
  const streams = (op: string, body: unknown): Promise<Answer> => call(server.endpoint, `DynamoDBStreams_20120810.${op}`, body);
  const ok = (r: Answer, what: string): Answer => {
    if (r.status !== 200) throw new Error(`${what}: ${JSON.stringify(r.body)}`);
    return r;
  };
  const h: Harness = {
    server,
    advance: (ms) => { offset += ms; },
    ddb,
    streams,
    async table(viewType, opts = {}) {
      const name = uniqueTable('sx');
      const keys = opts.keys ?? (opts.range ? ['p', 'c'] : ['p']);
      const create = ok(await ddb('CreateTable', {
        TableName: name, BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k, AttributeType: 'S' })),
        KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
        ...(viewType !== undefined && { StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } }),
      }), 'CreateTable');
      return { name, arn: create.body.TableDescription.LatestStreamArn as string | undefined, create };
    },
    async shard(arn) {
      return ok(await streams('DescribeStream', { StreamArn: arn }), 'DescribeStream').body.StreamDescription.Shards[0];
    },
    async iterator(arn, type, sequence) {
      const shard = await h.shard(arn);
      const r = ok(await streams('GetShardIterator', { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: type, ...(sequence !== undefined && { SequenceNumber: sequence }) }), 'GetShardIterator');
      return r.body.ShardIterator as string;
    },
    async records(arn) {
      const r = ok(await streams('GetRecords', { ShardIterator: await h.iterator(arn, 'TRIM_HORIZON') }), 'GetRecords');
      return r.body.Records as Array<Record<string, any>>;
    },
    stop: () => server.stop(),
  };
  return h;
}

export type Plain = Record<string, string | number>;
/** {x: 2, s: 'a'} → {x: {N: '2'}, s: {S: 'a'}}. */
export const av = (item: Plain): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }]));

/** A json 1.0 answer; an operation without output (TagResource, UntagResource) answers an empty body, as AWS does. */
async function jsonOrEmpty(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? {} : JSON.parse(text);
}
