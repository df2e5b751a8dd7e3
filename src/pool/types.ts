/**
 * Typed worker-pool tasks (shared/STYLE.md habit 7). Each task is a pure function that runs in a
 * piscina worker or inline; `run` chooses by input size against a measured threshold.
 */
import type { BodyHasher } from '../checksums/body-hasher.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import type { FilterBatchInput, FilterBatchOutput } from '../services/dynamodb/expressions/filter-batch.js';

export interface XmlParseTask { kind: 'xml-parse'; xml: Uint8Array }
/** A parsed XML element: name, attributes, text content and children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}
export interface ChecksumTask { kind: 'checksum'; data: Uint8Array; algorithms: ChecksumAlgorithm[] }
/** DynamoDB Scan/Query: filter and project a batch of stored items (services/dynamodb/expressions/filter-batch.ts). */
export interface DynamoFilterTask extends FilterBatchInput { kind: 'ddb-filter' }

export type TaskResult<T> =
  T extends XmlParseTask ? XmlElement :
  T extends ChecksumTask ? Partial<Record<ChecksumAlgorithm, Uint8Array>> :
  T extends DynamoFilterTask ? FilterBatchOutput :
  never;

export type Task = XmlParseTask | ChecksumTask | DynamoFilterTask;

export interface WorkerPool {
  run<T extends Task>(task: T): Promise<TaskResult<T>>;
  /**
   * A hasher for one streamed body of (at least) `knownBytes`: inline below the measured
   * `checksum` threshold, otherwise a hash session in a hash worker (hash-workers.ts) for all
   * but the cheap algorithms (checksums/cheap-algorithms.ts), which stay inline.
   */
  bodyHasher(algorithms: readonly ChecksumAlgorithm[], knownBytes: number): BodyHasher;
  /** Loads the body-hashing code; must have resolved before `bodyHasher` is called. */
  prepareBodyHashing(): Promise<void>;
  /** Threads currently alive, task and hash workers (0 when idle: both start on demand). */
  readonly threads: number;
  /** Most threads the pool may start. */
  readonly maxThreads: number;
  /** Tasks waiting for a free thread (0 when idle). */
  readonly queued: number;
  close(): Promise<void>;
}
