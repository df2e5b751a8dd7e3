/**
 * Reads a POST Object form as S3 does: the fields before the part named `file`, then that part
 * as a stream, never buffered; whatever follows it is read and dropped ("Any fields below it are
 * ignored", HTTPPOSTForms). The multipart syntax is @fastify/busboy's (zero dependencies, kept by
 * the fastify team, streams each file part with backpressure); it is loaded on the first form
 * upload only, so a session without one pays nothing for it (DESIGN.md §6a).
 *
 * Only a `form-data` part named `file` (any case: POST field names are case-insensitive,
 * sigv4-post-example) is the file, whether or not it has a filename: clients such as s3-tests put
 * a filename on every field, and S3 counts a differently named file part's bytes as a field
 * (waynehoover/s3_direct_upload#45, MaxPostPreDataLengthExceeded).
 */
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { IncomingBody } from '../../bodies.js';
import { MAX_PRE_DATA, postErrors } from './errors.js';

export interface FormField { name: string; value: string }

export interface FormFile {
  stream: Readable;
  /** The part's filename less any path; undefined when the part has no filename parameter. */
  filename: string | undefined;
}

export interface FormHead {
  /** The fields before the file, in order, names as sent. */
  fields: FormField[];
  file: FormFile;
  /**
   * Resolves once the rest of the body is read (after the file has been consumed); rejects with
   * MalformedPOSTRequest when that rest is not a well-formed form (cut short after the file).
   */
  finished: Promise<void>;
  /** Stops reading: the gateway drops what is left of the body. */
  abort(): void;
}

// The parser is a CommonJS module; its types describe the constructor.
type BusboyModule = typeof import('@fastify/busboy');
let loaded: Promise<BusboyModule['Busboy']> | undefined;
const loadBusboy = (): Promise<BusboyModule['Busboy']> => (loaded ??= import('@fastify/busboy').then((m) => m.Busboy ?? m.default));

const isFilePart = (name: string | undefined): boolean => name !== undefined && name.toLowerCase() === 'file';

/** Resolves when the file part begins; rejects with S3's error for a form that has none or is malformed. */
export async function readFormHead(body: IncomingBody, contentType: string): Promise<FormHead> {
  const Busboy = await loadBusboy();
  let parser: InstanceType<BusboyModule['Busboy']>;
  try {
    parser = new Busboy({
      headers: { 'content-type': contentType },
      isPartAFile: isFilePart,
      // One field past the whole pre-data budget is refused below; the limit keeps memory bounded.
      limits: { fieldSize: MAX_PRE_DATA + 1, fieldNameSize: MAX_PRE_DATA + 1 },
    });
  } catch {
    throw postErrors.malformed(); // no boundary, or not multipart at all
  }
  const stop = new AbortController();
  const fields: FormField[] = [];
  const partOverhead = fieldPartOverhead(contentType);
  let preData = 0;
  let file: FormFile | undefined;

  const head = new Promise<FormFile>((resolve, reject) => {
    parser.on('field', (name: string | undefined, value: string, nameTruncated: boolean, valueTruncated: boolean) => {
      if (file !== undefined) return; // after the file: ignored, as S3 ignores it
      // A part with no name parameter is no form field: the body is not a form S3 can read.
      if (name === undefined) return reject(postErrors.malformed());
      preData += partOverhead + Buffer.byteLength(name) + Buffer.byteLength(value);
      if (nameTruncated || valueTruncated || preData > MAX_PRE_DATA) return reject(postErrors.preDataTooLarge());
      fields.push({ name, value });
    });
    parser.on('file', (_name: string, stream: Readable, filename: string | undefined) => {
      keepErrorsInStream(stream);
      if (file !== undefined) return void stream.resume(); // a second file part: dropped
      file = { stream, filename };
      resolve(file);
    });
    parser.on('error', () => {
      file?.stream.destroy(postErrors.malformed());
      reject(postErrors.malformed());
    });
    parser.on('finish', () => reject(postErrors.noFile()));
  });

  const pumped = pump(body, parser, stop.signal).catch((err: unknown) => {
    // The client went away mid-file: the upload fails rather than waiting for bytes.
    file?.stream.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  });
  pumped.catch(() => undefined); // observed through `head` or `finished`
  const found = await Promise.race([head, pumped.then(() => head)]).catch((err: unknown) => {
    stop.abort();
    throw err;
  });
  // Listened to from the start: the parser's error may come before anyone asks for the end.
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('finish', () => resolve());
    parser.on('error', () => reject(postErrors.malformed()));
  });
  ended.catch(() => undefined); // observed through `finished` unless the client went away first
  const finished = pumped.then(() => ended);
  // Awaited only on success; after a refusal nobody does, and a late parser error must not surface.
  finished.catch(() => undefined);
  return { fields, file: found, finished, abort: () => stop.abort() };
}

/**
 * The bytes a field part takes besides its name and value: its delimiter line and the least
 * header that makes it a field. S3's pre-data limit counts "the form data and boundaries"
 * (RESTObjectPOST), so a form of a million empty fields is refused after a few hundred, not
 * kept in memory whole (it was: 52 MB of empty parts grew the heap by 260 MB).
 */
function fieldPartOverhead(contentType: string): number {
  const boundary = /boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const length = Buffer.byteLength(boundary?.[1] ?? boundary?.[2] ?? '');
  return `--\r\nContent-Disposition: form-data; name=""\r\n\r\n\r\n`.length + length;
}

/**
 * The parser reports a part cut short (a body that ends inside it) by emitting 'error' on the
 * part's stream, not by destroying it: with nobody reading that part yet (the policy still being
 * checked) or ever (a dropped second file), an unheard 'error' would end the process. Held as the
 * stream's destroyed state instead, it reaches whoever reads the file next, as S3's answer to a
 * body that is not a well-formed form (a client gone mid-file destroys the stream itself).
 */
function keepErrorsInStream(stream: Readable): void {
  stream.on('error', () => {
    if (!stream.destroyed) stream.destroy(postErrors.malformed());
  });
}

/** Feeds the body to the parser, waiting whenever it is full (it is full while the file part is not read). */
async function pump(body: IncomingBody, parser: NodeJS.WritableStream & { destroy(): void }, signal: AbortSignal): Promise<void> {
  try {
    for await (const chunk of body.stream) {
      if (signal.aborted) return;
      if (!parser.write(chunk)) await once(parser, 'drain', { signal });
    }
    parser.end();
  } catch (err) {
    if (signal.aborted) return;
    parser.destroy();
    throw err;
  }
}
