/**
 * A minimal XML string builder for responses. Escapes text and attribute values; element names
 * come from the model and are trusted.
 */

const NEEDS_ESCAPE = /[&<>"'\r\n\x00-\x08\x0B\x0C\x0E-\x1F]/;

/**
 * Escapes for element text and attribute values. CR/LF are written as character references
 * so they survive the XML parser's line-ending normalisation, as AWS does in S3 keys. The other
 * control characters (all but tab) are written as hex character references, as S3 writes them in
 * a listing without encoding-type=url ("&#x1b;", "&#x8;": aws/aws-sdk-php#169,
 * pfig/net-amazon-s3#67, aws/aws-sdk-go#1914); XML 1.0 parsers refuse both forms, which is why
 * SDKs ask for encoding-type=url.
 * Most text needs nothing (one regex test); otherwise a single scan, about twice as fast as a
 * replace with a callback (every ETag has quotes).
 */
export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    let ref: string;
    switch (value.charCodeAt(i)) {
      case 38: ref = '&amp;'; break;
      case 60: ref = '&lt;'; break;
      case 62: ref = '&gt;'; break;
      case 34: ref = '&quot;'; break;
      case 39: ref = '&apos;'; break;
      case 13: ref = '&#13;'; break;
      case 10: ref = '&#10;'; break;
      default: {
        const code = value.charCodeAt(i);
        if (code >= 32 || code === 9) continue;
        ref = `&#x${code.toString(16)};`;
      }
    }
    out += value.slice(last, i) + ref;
    last = i + 1;
  }
  return out + value.slice(last);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Text is gathered in pieces of about 16 KiB rather than one string. V8 builds `a + b` as a
 * rope that is flattened when it is written out; a 200 KiB response as one rope costs a
 * large-object allocation and a slow flatten (0.5 ms for a ListObjectsV2 page of 1,000 keys),
 * while 16 KiB pieces stay in the young generation and are written straight into the body
 * buffer (0.2 ms). See bench/micro/xml-encode.ts.
 */
const PIECE_CHARS = 16 * 1024;

export class XmlWriter {
  readonly #pieces: string[] = [];
  #current = '';

  #append(text: string): void {
    this.#current += text;
    if (this.#current.length > PIECE_CHARS) {
      this.#pieces.push(this.#current);
      this.#current = '';
    }
  }

  open(name: string, attributes?: Record<string, string | undefined>): this {
    this.#append(`<${name}${xmlAttributes(attributes)}>`);
    return this;
  }

  close(name: string): this {
    this.#append(`</${name}>`);
    return this;
  }

  /**
   * Closes `name`, written as `<name/>` when nothing was written inside it since it was opened
   * (AWS's query services answer an empty result so: `<ReceiveMessageResult/>`).
   */
  closeSelfClosingIfEmpty(name: string): this {
    const opened = `<${name}>`;
    if (this.#current.endsWith(opened)) {
      this.#current = `${this.#current.slice(0, -opened.length)}<${name}/>`;
      return this;
    }
    return this.close(name);
  }

  /** `<name>text</name>`, or `<name/>` for undefined text. */
  leaf(name: string, text: string | undefined, attributes?: Record<string, string | undefined>): this {
    this.#append(text === undefined
      ? `<${name}${xmlAttributes(attributes)}/>`
      : `<${name}${xmlAttributes(attributes)}>${escapeXml(text)}</${name}>`);
    return this;
  }

  /** Appends XML that is already well formed (from the shape serializer). */
  raw(xml: string): this {
    this.#append(xml);
    return this;
  }

  text(text: string): this {
    this.#append(escapeXml(text));
    return this;
  }

  toString(): string {
    return this.#pieces.join('') + this.#current;
  }

  /** The document as UTF-8 bytes, after `prefix` (an XML declaration, say). */
  toBuffer(prefix = ''): Buffer {
    const pieces = [prefix, ...this.#pieces, this.#current];
    const lengths = new Array<number>(pieces.length);
    let total = 0;
    for (let i = 0; i < pieces.length; i++) {
      // charCodeAt flattens the rope first: UTF-8 length and encoding of a flat string are
      // several times faster than of a rope (bench/micro/xml-encode.ts).
      pieces[i]!.charCodeAt(0);
      total += lengths[i] = Buffer.byteLength(pieces[i]!);
    }
    const out = Buffer.allocUnsafe(total);
    let offset = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      // ASCII (as many bytes as chars) is written as latin1, which skips UTF-8 encoding.
      offset += lengths[i] === piece.length ? out.write(piece, offset, 'latin1') : out.write(piece, offset);
    }
    return out;
  }
}

/** ` name="value"` for each defined attribute (escaped), or ''. */
export function xmlAttributes(attributes: Record<string, string | undefined> | undefined): string {
  if (attributes === undefined) return '';
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}
