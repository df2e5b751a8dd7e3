/**
 * Reads a byte range of an object stored as consecutive blob spans (one blob for a simple
 * object, one per part for a multipart one), opening only the blobs the range touches, one at
 * a time, so memory stays flat whatever the size (DESIGN.md §4).
 */
import { Readable } from 'node:stream';
import type { BlobStore } from '../../storage/blob-store.js';
import type { ReadPins } from './read-pins.js';
import type { BlobSpan } from './records.js';

/**
 * The range's bytes at once, when the blob store has them at hand (one span, small): undefined
 * means "stream it with readSpans".
 */
export function readSpansBuffered(blobs: BlobStore, spans: BlobSpan[], start: number, end: number): Buffer | undefined {
  return spans.length === 1 ? blobs.readBuffered(spans[0]!.blob, { start, end }) : undefined;
}

/** The spans the range touches, each with the part of it to read. */
function touched(spans: BlobSpan[], start: number, end: number): Array<{ blob: string; from: number; to: number }> {
  const out: Array<{ blob: string; from: number; to: number }> = [];
  let offset = 0;
  for (const span of spans) {
    const spanStart = offset;
    const spanEnd = offset + span.size - 1;
    offset += span.size;
    if (span.size === 0 || spanEnd < start) continue;
    if (spanStart > end) break;
    out.push({ blob: span.blob, from: Math.max(start, spanStart) - spanStart, to: Math.min(end, spanEnd) - spanStart });
  }
  return out;
}

/**
 * A stream of the range's bytes. With `pins`, the blobs of a multi-span read are held from now
 * until the stream closes (read-pins.ts), so a delete or overwrite of the object meanwhile cannot
 * remove a part the read has not opened yet.
 */
export function readSpans(blobs: BlobStore, spans: BlobSpan[], start: number, end: number, pins?: ReadPins): Readable {
  if (spans.length === 1) return blobs.read(spans[0]!.blob, { start, end });
  const parts = touched(spans, start, end);
  async function* generate(): AsyncIterable<Uint8Array> {
    for (const { blob, from, to } of parts) yield* blobs.read(blob, { start: from, end: to }) as AsyncIterable<Uint8Array>;
  }
  const stream = Readable.from(generate(), { objectMode: false, highWaterMark: 1 });
  if (pins !== undefined) stream.once('close', pins.hold(parts.map((p) => p.blob)));
  return stream;
}
