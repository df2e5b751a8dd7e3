/**
 * The lines of one S3 object, read as a stream: decompressed on the fly (GZIP with node:zlib;
 * ZSTD where this Node's zlib has it) and split at each newline as the bytes arrive, so a
 * multi-gigabyte object is never held whole: only the line being read is. Lines are cut on the
 * byte 0x0A before they are decoded, so a UTF-8 character split between two chunks stays whole.
 * `bytes` counts the uncompressed bytes read: AWS's ProcessedSizeBytes is the uncompressed size
 * (scylladb/scylladb test/alternator/test_import.py test_processed_size_bytes_is_uncompressed).
 */
import type { Readable, Transform } from 'node:stream';
import * as zlib from 'node:zlib';

export type Compression = 'NONE' | 'GZIP' | 'ZSTD';

type ZstdZlib = { createZstdDecompress?: () => Transform };

/** Whether this Node can decompress ZSTD (node:zlib has it from Node 22.15 and 23.8). */
export const zstdAvailable = (): boolean => typeof (zlib as ZstdZlib).createZstdDecompress === 'function';

function decompressed(body: Readable, compression: Compression): AsyncIterable<Buffer> {
  if (compression === 'GZIP') return body.pipe(zlib.createGunzip());
  if (compression === 'ZSTD') return body.pipe((zlib as ZstdZlib).createZstdDecompress!());
  return body;
}

export interface LineCounter { bytes: number }

/**
 * The longest line read: an item is at most 400 KB, and its DynamoDB JSON (binary as base64,
 * names and type tags) stays well under this. An object with no line break (a gzip object
 * imported as NONE, say) would otherwise gather in memory whole; past this it is a bad line.
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** An object that cannot be read as lines: its decompression failed, or a line is too long. */
export class UnreadableObject extends Error {}

export class LineTooLong extends UnreadableObject {
  constructor() { super(`A line is longer than ${MAX_LINE_BYTES} bytes`); }
}

/** node:zlib's errors carry a `Z_...` code (Z_DATA_ERROR for bytes that are no gzip). */
const isZlibError = (err: unknown): boolean => {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
};

/** Every line of the object, without its line break (`\n` or `\r\n`); the last one even without a break. Throws UnreadableObject. */
export async function* objectLines(body: Readable, compression: Compression, counter: LineCounter): AsyncGenerator<string> {
  // The start of a line whose end has not arrived, as the chunks it came in: joined once, when its
  // newline comes. Joining at every chunk copied a 4 MiB line once per 16 KiB chunk (256 copies,
  // 512 MiB), so a gzip of whitespace-only lines just under the limit ran quadratic. Only the
  // first part can be a chunk's tail; the rest are whole chunks, so at most one chunk is kept
  // for a few bytes of it.
  let parts: Buffer[] = [];
  let partsBytes = 0;
  try {
    for await (const chunk of decompressed(body, compression)) {
      counter.bytes += chunk.length;
      let from = 0;
      let at: number;
      while ((at = chunk.indexOf(0x0a, from)) >= 0) {
        const end = chunk.subarray(from, at);
        yield lineText(parts.length === 0 ? end : Buffer.concat([...parts, end], partsBytes + end.length));
        parts = [];
        partsBytes = 0;
        from = at + 1;
      }
      if (from === chunk.length) continue;
      partsBytes += chunk.length - from;
      if (partsBytes > MAX_LINE_BYTES) throw new LineTooLong();
      parts.push(from === 0 ? chunk : chunk.subarray(from));
    }
    if (parts.length > 0) yield lineText(Buffer.concat(parts, partsBytes));
  } catch (err) {
    throw isZlibError(err) ? new UnreadableObject(err instanceof Error ? err.message : String(err)) : err;
  } finally {
    body.destroy();
  }
}

const lineText = (bytes: Buffer): string => {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
};
