/**
 * What a Scan or Query needs from a stored item before deciding to keep it, read straight from
 * its stored text (item-codec.ts: the JSON.stringify of the attribute-value map) in one pass,
 * without decoding the item: its DynamoDB size (values/item-size.ts rules: the 1 MB page limit
 * and capacity count every item read) and the few top-level attributes a filter, a segment or
 * TTL reads. Decoding every item (JSON.parse into objects) cost more than the rest of a filtered
 * Scan, and its garbage drove the GC (bench/micro/dynamodb-scan.ts); with this only the kept
 * items are decoded, and the pass itself allocates nothing but the attributes it picks.
 *
 * The text is JSON.stringify output, so it has no whitespace, and strings escape only `"`, `\`,
 * control characters and lone surrogates. Anything unexpected throws (a corrupt record must not
 * be silently mis-sized).
 */
import { parseStoredValue } from './item-codec.js';
import { numberSize } from './values/index.js';
import type { AttributeValue, Item } from './values/index.js';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function corrupt(at: number): Error {
  return new Error(`stored item: unexpected text at ${at}`);
}

function unknownType(text: string, start: number, end: number): Error {
  return new Error(`stored item: unknown type ${text.slice(start, end)}`);
}

/**
 * numberSize for the plain decimal text numbers are stored in ("-12.5", values/number.ts
 * formatDecimal), read in place from text[start, end); any other form goes the general way.
 */
export function storedNumberSize(text: string, start = 0, end = text.length): number {
  const negative = text.charCodeAt(start) === 45;
  let dot = text.indexOf('.', start);
  if (dot < 0 || dot >= end) dot = -1;
  const intEnd = dot < 0 ? end : dot;
  // Decimal exponents of the first and last non-zero digits.
  let first = NaN;
  let last = NaN;
  for (let k = negative ? start + 1 : start; k < end; k++) {
    if (k === dot) continue;
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return numberSize(text.slice(start, end));
    if (c !== 48) {
      const exponent = k < intEnd ? intEnd - 1 - k : intEnd - k;
      if (first !== first) first = exponent;
      last = exponent;
    }
  }
  if (first !== first) return 1;
  return 1 + Math.floor(first / 2) - Math.floor(last / 2) + 1 + (negative ? 1 : 0);
}

/** Reads stored item texts one after another (one reader per page: it keeps no per-item state). */
export class ItemTextReader {
  #text = '';
  #pos = 0;
  /** The text has escapes (then strings are walked char by char). */
  #escapes = false;
  /** Every character is ASCII (then a string's size is its length). */
  #ascii = true;
  readonly #wanted: readonly string[];

  /** @param wanted the top-level attributes to decode */
  constructor(wanted: Iterable<string>) {
    this.#wanted = [...wanted];
  }

  /**
   * The item's DynamoDB size; its wanted attributes (those it has) are put into `picked`,
   * which the caller passes in empty.
   */
  read(text: string, picked: Item): number {
    this.#text = text;
    this.#pos = 0;
    this.#escapes = text.includes('\\');
    this.#ascii = !this.#escapes && Buffer.byteLength(text, 'utf8') === text.length;
    // Top-level names count their bytes only (a map's entries one more each).
    const size = this.#members(picked, 0);
    if (this.#pos !== text.length) throw corrupt(this.#pos);
    return size;
  }

  #expect(code: number): void {
    if (this.#text.charCodeAt(this.#pos) !== code) throw corrupt(this.#pos);
    this.#pos++;
  }

  /** The end (closing quote) of a string that needs no unescaping, starting after its opening quote. */
  #plainEnd(): number {
    const end = this.#text.indexOf('"', this.#pos);
    if (end < 0) throw corrupt(this.#pos);
    return end;
  }

  /** A JSON string at pos: moves past it; returns its UTF-8 length. */
  #stringSize(): number {
    const text = this.#text;
    this.#expect(QUOTE);
    const start = this.#pos;
    if (!this.#escapes) {
      const end = this.#plainEnd();
      this.#pos = end + 1;
      return this.#ascii ? end - start : Buffer.byteLength(text.slice(start, end), 'utf8');
    }
    let size = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) { this.#pos = i + 1; return size; }
      if (c === BACKSLASH) {
        const e = text.charCodeAt(++i);
        if (e === 117) { // \uXXXX: a control character or a lone surrogate (3 bytes as UTF-8: U+FFFD)
          const v = parseInt(text.slice(i + 1, i + 5), 16);
          size += v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
          i += 4;
        } else {
          size += 1;
        }
      } else if (c < 0x80) size += 1;
      else if (c < 0x800) size += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { size += 4; i++; }
      else size += 3;
    }
    throw corrupt(start);
  }

  #numberSize(): number {
    this.#expect(QUOTE);
    const start = this.#pos;
    const end = this.#plainEnd();
    this.#pos = end + 1;
    return storedNumberSize(this.#text, start, end);
  }

  /** Base64 text at pos: the size of the bytes it holds. */
  #binarySize(): number {
    this.#expect(QUOTE);
    const start = this.#pos;
    const end = this.#plainEnd();
    this.#pos = end + 1;
    const text = this.#text;
    const padding = text.charCodeAt(end - 1) !== 61 ? 0 : text.charCodeAt(end - 2) === 61 ? 2 : 1;
    return ((end - start) / 4) * 3 - padding;
  }

  /** `[e, e, ...]` of `each`: the sum of `each`'s sizes, plus `perElement` each. */
  #list(each: () => number, perElement: number): number {
    this.#expect(OPEN_BRACKET);
    if (this.#text.charCodeAt(this.#pos) === CLOSE_BRACKET) { this.#pos++; return 0; }
    let size = 0;
    for (;;) {
      size += each() + perElement;
      const c = this.#text.charCodeAt(this.#pos++);
      if (c === CLOSE_BRACKET) return size;
      if (c !== COMMA) throw corrupt(this.#pos - 1);
    }
  }

  readonly #stringSizeOf = (): number => this.#stringSize();
  readonly #numberSizeOf = (): number => this.#numberSize();
  readonly #binarySizeOf = (): number => this.#binarySize();
  readonly #valueSizeOf = (): number => this.#value();

  /** An attribute value `{"T":payload}` at pos: its DynamoDB size. */
  #value(): number {
    const text = this.#text;
    this.#expect(OPEN_BRACE);
    this.#expect(QUOTE);
    const tagStart = this.#pos;
    const tagEnd = this.#plainEnd();
    this.#pos = tagEnd + 1;
    this.#expect(COLON);
    const first = text.charCodeAt(tagStart);
    const length = tagEnd - tagStart;
    let size: number;
    if (length === 1) {
      if (first === 83) size = this.#stringSize(); // S
      else if (first === 78) size = this.#numberSize(); // N
      else if (first === 66) size = this.#binarySize(); // B
      else if (first === 77) size = 3 + this.#members(undefined, 1); // M
      else if (first === 76) size = 3 + this.#list(this.#valueSizeOf, 1); // L
      else throw unknownType(text, tagStart, tagEnd);
    } else if (length === 2 && text.charCodeAt(tagStart + 1) === 83) {
      if (first === 83) size = this.#list(this.#stringSizeOf, 0); // SS
      else if (first === 78) size = this.#list(this.#numberSizeOf, 0); // NS
      else if (first === 66) size = this.#list(this.#binarySizeOf, 0); // BS
      else throw unknownType(text, tagStart, tagEnd);
    } else if ((length === 4 && (text.startsWith('BOOL', tagStart) || text.startsWith('NULL', tagStart)))) {
      if (text.startsWith('true', this.#pos)) this.#pos += 4;
      else if (text.startsWith('false', this.#pos)) this.#pos += 5;
      else throw corrupt(this.#pos);
      size = 1;
    } else {
      throw unknownType(text, tagStart, tagEnd);
    }
    this.#expect(CLOSE_BRACE);
    return size;
  }

  /**
   * `{"name":value,...}` at pos: the size of its entries (a map's entries cost one byte more
   * each: `perEntry`), decoding the wanted ones into `picked` (top level only).
   */
  #members(picked: Item | undefined, perEntry: number): number {
    const text = this.#text;
    this.#expect(OPEN_BRACE);
    if (text.charCodeAt(this.#pos) === CLOSE_BRACE) { this.#pos++; return 0; }
    let size = 0;
    for (;;) {
      const nameStart = this.#pos;
      size += this.#stringSize() + perEntry;
      const nameEnd = this.#pos;
      this.#expect(COLON);
      const valueStart = this.#pos;
      size += this.#value();
      if (picked !== undefined && this.#wanted.length > 0) {
        const name = this.#wantedAt(nameStart, nameEnd);
        if (name !== undefined) picked[name] = this.#decode(valueStart, this.#pos);
      }
      const c = text.charCodeAt(this.#pos++);
      if (c === CLOSE_BRACE) return size;
      if (c !== COMMA) throw corrupt(this.#pos - 1);
    }
  }

  /** The wanted name the JSON string text[start, end) spells, if any (compared in place). */
  #wantedAt(start: number, end: number): string | undefined {
    const text = this.#text;
    if (this.#escapes) {
      const name = JSON.parse(text.slice(start, end)) as string;
      return this.#wanted.includes(name) ? name : undefined;
    }
    for (const name of this.#wanted) if (name.length === end - start - 2 && text.startsWith(name, start + 1)) return name;
    return undefined;
  }

  /**
   * The value text [start, end) decoded. A JSON.parse call has a fixed cost well above a short
   * value's: strings without escapes and numbers are sliced out instead.
   */
  #decode(start: number, end: number): AttributeValue {
    const text = this.#text;
    if (!this.#escapes && text.charCodeAt(start + 3) === QUOTE && text.charCodeAt(start + 5) === QUOTE) {
      const tag = text.charCodeAt(start + 2);
      if (tag === 83) return { S: text.slice(start + 6, end - 2) };
      if (tag === 78) return { N: text.slice(start + 6, end - 2) };
    }
    return parseStoredValue(text.slice(start, end));
  }
}

/** The size of one stored item and its `wanted` top-level attributes (tests, one-offs). */
export function readItemText(text: string, wanted: Iterable<string>): { size: number; picked: Item } {
  const picked: Item = {};
  const size = new ItemTextReader(wanted).read(text, picked);
  return { size, picked };
}
