/**
 * What a service is: a factory that takes its dependencies and returns its operation handlers.
 * Handlers take typed input (model member names) and return typed output, or throw AwsError.
 * They never see a header, a status code or a wire format (DESIGN.md §1).
 */
import type { BlobStore } from '../storage/blob-store.js';
import type { MetaStore } from '../storage/meta-store.js';
import type { Features } from '../config.js';
import type { Logger } from '../log.js';
import type { WorkerPool } from '../pool/types.js';
import type { ServiceName } from '../model/types.js';
import type { BackgroundWorkMarker } from '../storage/background-markers.js';

export interface ServiceDeps {
  meta: MetaStore;
  blobs: BlobStore;
  pool: WorkerPool;
  features: Features;
  log: Logger;
  /** `fsync`: durable against power loss; `process` (default): survives kill -9. */
  durability: 'process' | 'fsync';
  /** Keys the S3 listing index may hold (`--listing-index-keys`); absent: its default. */
  listingIndexKeys?: number;
  /**
   * Another service of the same instance, created on first use: for in-process calls between
   * services (SNS delivering to SQS, DynamoDB Streams reading DynamoDB). Absent in unit tests
   * that build one service alone.
   */
  peer?: (name: ServiceName) => Promise<Service | undefined>;
  /**
   * The time services read (ms since epoch): DynamoDB TTL expiry, stream record times, iterator
   * and transaction-token ages. Absent: Date.now. Tests inject one through createBoltstack({ clock }).
   */
  clock?: () => number;
  /**
   * The service's background-work marker (storage/background-markers.ts): marked before the
   * first durable write that leaves work to resume after a restart. Absent with no data dir
   * to mark (unit tests that build one service alone).
   */
  backgroundWork?: BackgroundWorkMarker;
}

/** Per-request facts a handler may need. */
export interface RequestContext {
  requestId: string;
  accountId: string;
  region: string;
  /**
   * Where the request named its region: a SigV4 Authorization header, or a presigned URL's
   * X-Amz-Credential. Undefined when it named none (unsigned, SigV2, or an internal call): the
   * region is then us-east-1 by default and no bucket's region can contradict it.
   */
  regionSignedIn?: 'header' | 'query' | undefined;
  /** Host header of the request, for URLs AWS builds from it (queue URLs, S3 Location). */
  host: string;
  /**
   * The bucket the Host names when the request is addressed virtual-hosted, read as the gateway
   * routes it (docs/s3.md, Addressing: any case, the configured bases); undefined path-style.
   * Parsed on each call: S3 asks only when it answers a wrong signing region.
   */
  hostBucket?(): string | undefined;
  /** The access key id the request is signed with, if any (STS answers who that key is). */
  accessKeyId?: string | undefined;
  /**
   * The request's X-Amzn-Trace-Id header, if any: SQS stores it as a message's AWSTraceHeader
   * system attribute when the message does not carry one.
   */
  traceHeader?: string | undefined;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** Names of parameters ignored under the `loose` gate, reported in x-boltstack-ignored. */
  ignored: string[];
  /**
   * Headers AWS sends with this answer that the operation's model has no member for (S3's
   * x-amz-bucket-region on a listing): a handler sets them, the gateway adds them after encoding.
   */
  responseHeaders?: Record<string, string> | undefined;
}

// Handlers are typed per operation inside each service; the table erases that to one signature.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationHandler = (ctx: RequestContext, input: any) => Promise<any>;

export interface Service {
  operations: Record<string, OperationHandler>;
  /**
   * Runs before an operation without a handler answers NotImplemented, with what AWS answers
   * first whatever the operation (S3: NoSuchBucket for a bucket that does not exist,
   * AccessDenied for another account's), so a client meets the same error as on AWS first.
   */
  refuseUnimplemented?(ctx: RequestContext, input: Record<string, unknown>): void | Promise<void>;
  /** Background work to stop (timers, sweepers). */
  close?(): Promise<void>;
  /**
   * The in-process API other services call (never reachable over the wire). Its type is declared
   * by the callee's module (e.g. services/sqs/internal-api.ts); the caller narrows it there.
   */
  internal?: unknown;
}

export type ServiceFactory = (deps: ServiceDeps) => Promise<Service> | Service;
