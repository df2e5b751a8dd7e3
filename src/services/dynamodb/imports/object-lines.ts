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
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of decompressed(body, compression)) {
      counter.bytes += chunk.length;
      let buffer = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      let at: number;
      while ((at = buffer.indexOf(0x0a)) >= 0) {
        yield lineText(buffer.subarray(0, at));
        buffer = buffer.subarray(at + 1);
      }
      if (buffer.length > MAX_LINE_BYTES) throw new LineTooLong();
      // A copy: the chunk the tail points into is not kept alive by a short remainder.
      rest = Buffer.from(buffer);
    }
    if (rest.length > 0) yield lineText(rest);
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
