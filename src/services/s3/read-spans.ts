/**
 * Reads a byte range of an object stored as consecutive blob spans (one blob for a simple
 * object, one per part for a multipart one), opening only the blobs the range touches, one at
 * a time, so memory stays flat whatever the size (DESIGN.md §4).
 */
import { Readable } from 'node:stream';
import type { BlobStore } from '../../storage/blob-store.js';
import type { BlobSpan } from './records.js';

/**
 * The range's bytes at once, when the blob store has them at hand (one span, small): undefined
 * means "stream it with readSpans".
 */
export function readSpansBuffered(blobs: BlobStore, spans: BlobSpan[], start: number, end: number): Buffer | undefined {
  return spans.length === 1 ? blobs.readBuffered(spans[0]!.blob, { start, end }) : undefined;
}

export function readSpans(blobs: BlobStore, spans: BlobSpan[], start: number, end: number): Readable {
  if (spans.length === 1) return blobs.read(spans[0]!.blob, { start, end });
  async function* generate(): AsyncIterable<Uint8Array> {
    let offset = 0;
    for (const span of spans) {
      const spanStart = offset;
      const spanEnd = offset + span.size - 1;
      offset += span.size;
      if (span.size === 0 || spanEnd < start) continue;
      if (spanStart > end) break;
      const from = Math.max(start, spanStart) - spanStart;
      const to = Math.min(end, spanEnd) - spanStart;
      yield* blobs.read(span.blob, { start: from, end: to }) as AsyncIterable<Uint8Array>;
    }
  }
  return Readable.from(generate(), { objectMode: false, highWaterMark: 1 });
}
