/**
 * BlobStore: content-addressed bodies (DESIGN.md §5).
 *
 * `write` streams a body to a temp file while computing the requested digests, then moves it
 * into place under an address derived from its content (an identical body is stored once). The
 * returned blob is *pinned*: it cannot be collected until `release()` is called, which callers
 * do after the metadata batch that references it has committed (or failed). References are
 * keys in the MetaStore namespace BLOB_REFS_NS (see blob-refs.ts), so adding or dropping a
 * reference is part of the same atomic batch as the record that owns it. `collect(id)` removes
 * a blob that has no references and no pins; startup recovery removes temp files and orphans.
 */
import type { Readable } from 'node:stream';
import type { ChecksumAlgorithm, Digests } from '../checksums/types.js';

export interface BlobWriteOptions {
  /** Digests to compute while writing, besides the ones the address needs. */
  algorithms?: ChecksumAlgorithm[];
  /** Aborts the write: the temp file is removed and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The body's announced size (Content-Length, x-amz-decoded-content-length), when known: only a
   * hint for where to hash it (inline when small, else in a hash worker); never trusted as its size.
   */
  expectedSize?: number;
  /** Refuse bodies longer than this many bytes (rejects with the error `tooLarge()` returns). */
  maxSize?: number;
  tooLarge?: () => Error;
}

export interface WrittenBlob {
  /** The content address; also the reference key target. */
  id: string;
  size: number;
  /** Always includes md5; includes every algorithm asked for. */
  digests: Digests & { md5: Buffer };
  /** Unpins the blob: after this it may be collected if nothing references it. */
  release(): void;
}

export interface BlobRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive (HTTP Range semantics). */
  end: number;
}

export interface BlobStore {
  write(body: AsyncIterable<Uint8Array>, options?: BlobWriteOptions): Promise<WrittenBlob>;
  /** A stream of the blob's bytes, or of one inclusive range of them. */
  read(id: string, range?: BlobRange): Readable;
  /**
   * The range's bytes at once when the store has them at hand (a small blob, cached or read
   * synchronously), else undefined: use `read` then, which also reports a missing blob. A small
   * GetObject then answers without a stream (bench s3-sdk-get). The bytes must not be modified.
   */
  readBuffered(id: string, range: BlobRange): Buffer | undefined;
  /** Size in bytes, or undefined when the blob does not exist. */
  size(id: string): Promise<number | undefined>;
  /** Removes the blob if it has no references and no pins. Returns true if removed. */
  collect(id: string): Promise<boolean>;
  /** Startup/background recovery: removes temp files and unreferenced, unpinned blobs. */
  sweep(): Promise<{ tempFilesRemoved: number; orphansRemoved: number }>;
  /** Removes every blob (POST /_boltstack/reset). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
