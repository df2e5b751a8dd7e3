/**
 * The `dynamodbstreams` service (DynamoDB Streams API): ListStreams, DescribeStream,
 * GetShardIterator, GetRecords over the records that DynamoDB's write path stores in the same
 * batch as each item change (streams/record.ts). It owns the 24-hour retention sweep.
 */
import type { Service, ServiceDeps } from '../types.js';
import type { StreamsDeps } from './streams/operations/context.js';
import { describeStream } from './streams/operations/describe-stream.js';
import { getRecords } from './streams/operations/get-records.js';
import { getShardIterator } from './streams/operations/get-shard-iterator.js';
import { listStreams } from './streams/operations/list-streams.js';
import { trimStreams } from './streams/retention.js';
import { StreamStore } from './streams/stream-store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own input type
const HANDLERS: Record<string, (deps: StreamsDeps, ctx: Parameters<Service['operations'][string]>[0], input: any) => Promise<unknown>> = {
  ListStreams: listStreams,
  DescribeStream: describeStream,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

/** How often old records are trimmed: retention is 24 h, so a few minutes late is harmless. */
const TRIM_EVERY_MS = 5 * 60 * 1000;

/** What the Streams service offers in process: a trim on demand (tests with an injected clock). */
export interface StreamsInternalApi {
  trimNow(): Promise<number>;
}

export function createDynamoDbStreamsService(deps: ServiceDeps): Service {
  const streams: StreamsDeps = { store: new StreamStore(deps.meta), now: deps.clock ?? Date.now };
  const operations: Service['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) operations[name] = (ctx, input) => handler(streams, ctx, input);
  let trimming: Promise<number> | undefined;
  const trimNow = (): Promise<number> => (trimming ??= trimStreams(streams.store, streams.now()).finally(() => { trimming = undefined; }));
  const timer = setInterval(() => {
    trimNow().catch((err: unknown) => deps.log.warn('stream retention failed', { err: err instanceof Error ? err.message : String(err) }));
  }, TRIM_EVERY_MS);
  timer.unref();
  // The records a Streams reader waits for after a restart include the REMOVEs of items TTL
  // expires, which only the DynamoDB service's sweeper writes: a reader that makes no DynamoDB
  // request would otherwise never see them. Starting it costs a module load, and only when
  // Streams is used.
  void deps.peer?.('dynamodb').catch((err: unknown) => deps.log.warn('starting dynamodb for its TTL sweeper failed', { err: String(err) }));
  const internal: StreamsInternalApi = { trimNow };
  return {
    operations,
    internal,
    async close() {
      clearInterval(timer);
      await trimming?.catch(() => undefined);
    },
  };
}
