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
import { storedNumberSize } from './stored-number-size.js';
import type { AttributeValue, Item } from './values/index.js';

/** Taken once: the global `Buffer` is a getter, ~1.4% of a 10,000-item Scan's main thread when read per item. */
const utf8Length = Buffer.byteLength;

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
 * Stored type tags, as the reader reports an attribute's type (0: the item lacks it).
 * `STORED_TYPE_NAMES[tag]` is the tag's DynamoDB name.
 */
export const StoredType = { S: 1, N: 2, B: 3, SS: 4, NS: 5, BS: 6, M: 7, L: 8, BOOL: 9, NULL: 10 } as const;
export const STORED_TYPE_NAMES: readonly string[] = ['', 'S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'BOOL', 'NULL'];

const NO_SLOTS = new Int32Array(0);
const NO_TAGS = new Uint8Array(0);
const NO_NAMES: readonly string[] = [];

/**
 * Reads stored item texts one after another (one reader per page), and tells where in the last
 * text each wanted top-level attribute's value is: predicates test those values in place
 * (stored-condition.ts) and decode one only when they must (`valueOf`).
 */
export class ItemTextReader {
  #text = '';
  #pos = 0;
  /** The text has escapes (then strings are walked char by char). */
  #escapes = false;
  /** Every character is ASCII (then a string's size is its length). */
  #ascii = true;
  /** The type tag of the value #value read last. */
  #tag = 0;
  readonly #wanted: readonly string[];
  /** Per wanted attribute (its slot), in the last text: where its value `{"T":...}` starts and ends, and its type tag (0: absent). */
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #tags: Uint8Array;

  /** @param wanted the top-level attributes to locate (slot i is wanted[i]) */
  constructor(wanted: Iterable<string>) {
    this.#wanted = [...wanted];
    // No attribute wanted (a write sizing the item it replaces): zero-length arrays, shared
    // since nothing can be written into them, instead of three new typed arrays per item.
    const none = this.#wanted.length === 0;
    this.#starts = none ? NO_SLOTS : new Int32Array(this.#wanted.length);
    this.#ends = none ? NO_SLOTS : new Int32Array(this.#wanted.length);
    this.#tags = none ? NO_TAGS : new Uint8Array(this.#wanted.length);
  }

  /** The slot of a wanted attribute (-1 if it is not wanted). */
  slotOf(name: string): number {
    return this.#wanted.indexOf(name);
  }

  /**
   * Reads one stored item text: returns its DynamoDB size and locates its wanted attributes.
   * With `picked`, also decodes those the item has into it (the caller passes it empty).
   */
  read(text: string, picked?: Item): number {
    this.#text = text;
    this.#pos = 0;
    this.#escapes = text.includes('\\');
    this.#ascii = !this.#escapes && utf8Length(text, 'utf8') === text.length;
    // A loop, not fill(): a builtin call costs more than clearing the few slots a filter has.
    for (let slot = 0; slot < this.#tags.length; slot++) this.#tags[slot] = 0;
    // Top-level names count their bytes only (a map's entries one more each).
    const size = this.#topLevel();
    if (this.#pos !== text.length) throw corrupt(this.#pos);
    if (picked !== undefined) {
      for (let slot = 0; slot < this.#wanted.length; slot++) if (this.#tags[slot] !== 0) picked[this.#wanted[slot]!] = this.valueOf(slot)!;
    }
    return size;
  }

  /** The last text read. */
  get text(): string {
    return this.#text;
  }

  /** The last text has no escapes: a string value's characters are its payload as they are. */
  get plain(): boolean {
    return !this.#escapes;
  }

  /** The stored type (StoredType) of the slot's attribute in the last text, 0 when the item lacks it. */
  typeOf(slot: number): number {
    return this.#tags[slot]!;
  }

  /**
   * Where an S, N or B value's payload (between its quotes, escapes as stored) starts in the
   * last text: `{"S":"` is 6 characters. Ends at payloadEnd.
   */
  payloadStart(slot: number): number {
    return this.#starts[slot]! + 6;
  }

  payloadEnd(slot: number): number {
    return this.#ends[slot]! - 2;
  }

  /** The slot's attribute in the last text, decoded (undefined when the item lacks it). */
  valueOf(slot: number): AttributeValue | undefined {
    return this.#tags[slot] === 0 ? undefined : this.#decode(this.#starts[slot]!, this.#ends[slot]!);
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
      return this.#ascii ? end - start : utf8Length(text.slice(start, end), 'utf8');
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

  /** `[e, e, ...]` of elements of one kind (a StoredType: S, N and B for sets, M for any value): the sum of their sizes, plus `perElement` each. */
  #list(kind: number, perElement: number): number {
    this.#expect(OPEN_BRACKET);
    if (this.#text.charCodeAt(this.#pos) === CLOSE_BRACKET) { this.#pos++; return 0; }
    let size = 0;
    for (;;) {
      size += this.#element(kind) + perElement;
      const c = this.#text.charCodeAt(this.#pos++);
      if (c === CLOSE_BRACKET) return size;
      if (c !== COMMA) throw corrupt(this.#pos - 1);
    }
  }

  /** One list element of `kind` (a kind, not a size function: those were four closures per reader, and a write makes a reader per item it replaces). */
  #element(kind: number): number {
    return kind === StoredType.S ? this.#stringSize() : kind === StoredType.N ? this.#numberSize() : kind === StoredType.B ? this.#binarySize() : this.#value();
  }

  /** An attribute value `{"T":payload}` at pos: its DynamoDB size; its type tag goes to #tag. */
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
    let tag: number;
    if (length === 1) {
      if (first === 83) { size = this.#stringSize(); tag = StoredType.S; }
      else if (first === 78) { size = this.#numberSize(); tag = StoredType.N; }
      else if (first === 66) { size = this.#binarySize(); tag = StoredType.B; }
      else if (first === 77) { size = 3 + this.#members(1); tag = StoredType.M; }
      else if (first === 76) { size = 3 + this.#list(StoredType.M, 1); tag = StoredType.L; }
      else throw unknownType(text, tagStart, tagEnd);
    } else if (length === 2 && text.charCodeAt(tagStart + 1) === 83) {
      if (first === 83) { size = this.#list(StoredType.S, 0); tag = StoredType.SS; }
      else if (first === 78) { size = this.#list(StoredType.N, 0); tag = StoredType.NS; }
      else if (first === 66) { size = this.#list(StoredType.B, 0); tag = StoredType.BS; }
      else throw unknownType(text, tagStart, tagEnd);
    } else if (length === 4 && (text.startsWith('BOOL', tagStart) || text.startsWith('NULL', tagStart))) {
      if (text.startsWith('true', this.#pos)) this.#pos += 4;
      else if (text.startsWith('false', this.#pos)) this.#pos += 5;
      else throw corrupt(this.#pos);
      size = 1;
      tag = first === 66 ? StoredType.BOOL : StoredType.NULL;
    } else {
      throw unknownType(text, tagStart, tagEnd);
    }
    this.#expect(CLOSE_BRACE);
    this.#tag = tag;
    return size;
  }

  /** The item's `{"name":value,...}` at pos: its size, noting where each wanted attribute is. */
  #topLevel(): number {
    if (!this.#escapes) return this.#plainTopLevel();
    const text = this.#text;
    this.#expect(OPEN_BRACE);
    if (text.charCodeAt(this.#pos) === CLOSE_BRACE) { this.#pos++; return 0; }
    let size = 0;
    for (;;) {
      const nameStart = this.#pos;
      size += this.#stringSize();
      const nameEnd = this.#pos;
      this.#expect(COLON);
      const valueStart = this.#pos;
      size += this.#value();
      if (this.#wanted.length > 0) this.#note(this.#wantedAt(nameStart, nameEnd), valueStart);
      const c = text.charCodeAt(this.#pos++);
      if (c === CLOSE_BRACE) return size;
      if (c !== COMMA) throw corrupt(this.#pos - 1);
    }
  }

  /**
   * #topLevel for a text without escapes (nearly all), with the commonest values, a string or
   * a number (`{"S":"..."}`, `{"N":"..."}`), read inline: the general walk's calls per value
   * were a third of a filtered Scan's pass (bench/micro/dynamodb-scan.ts).
   */
  #plainTopLevel(): number {
    const text = this.#text;
    const ascii = this.#ascii;
    const wanted = this.#wanted;
    if (text.charCodeAt(0) !== OPEN_BRACE) throw corrupt(0);
    if (text.charCodeAt(1) === CLOSE_BRACE) { this.#pos = 2; return 0; }
    let pos = 1;
    let size = 0;
    for (;;) {
      if (text.charCodeAt(pos) !== QUOTE) throw corrupt(pos);
      // Names are short (1-2 characters in the Scan figure): a loop costs less than an indexOf
      // call's fixed part (~90 instructions). Past the end, charCodeAt is NaN.
      let nameEnd = pos + 1;
      for (let c = text.charCodeAt(nameEnd); c !== QUOTE; c = text.charCodeAt(++nameEnd)) if (c !== c) throw corrupt(pos);
      const nameLength = nameEnd - pos - 1;
      size += ascii ? nameLength : utf8Length(text.slice(pos + 1, nameEnd), 'utf8');
      if (text.charCodeAt(nameEnd + 1) !== COLON) throw corrupt(nameEnd + 1);
      const valueStart = nameEnd + 2;
      const type = text.charCodeAt(valueStart + 2);
      let end: number;
      let tag: number;
      if ((type === 83 || type === 78) && text.charCodeAt(valueStart) === OPEN_BRACE && text.charCodeAt(valueStart + 1) === QUOTE
        && text.charCodeAt(valueStart + 3) === QUOTE && text.charCodeAt(valueStart + 4) === COLON && text.charCodeAt(valueStart + 5) === QUOTE) {
        const close = text.indexOf('"', valueStart + 6);
        if (close < 0 || text.charCodeAt(close + 1) !== CLOSE_BRACE) throw corrupt(valueStart);
        if (type === 78) {
          size += storedNumberSize(text, valueStart + 6, close);
          tag = StoredType.N;
        } else {
          size += ascii ? close - valueStart - 6 : utf8Length(text.slice(valueStart + 6, close), 'utf8');
          tag = StoredType.S;
        }
        end = close + 2;
      } else {
        this.#pos = valueStart;
        size += this.#value();
        tag = this.#tag;
        end = this.#pos;
      }
      for (let slot = 0; slot < wanted.length; slot++) {
        const name = wanted[slot]!;
        if (name.length === nameLength && text.startsWith(name, pos + 1)) {
          this.#starts[slot] = valueStart;
          this.#ends[slot] = end;
          this.#tags[slot] = tag;
          break;
        }
      }
      pos = end + 1;
      const c = text.charCodeAt(end);
      if (c === CLOSE_BRACE) { this.#pos = pos; return size; }
      if (c !== COMMA) throw corrupt(end);
    }
  }

  /** The value just read (from valueStart to pos) is the slot's attribute (none when slot < 0). */
  #note(slot: number, valueStart: number): void {
    if (slot < 0) return;
    this.#starts[slot] = valueStart;
    this.#ends[slot] = this.#pos;
    this.#tags[slot] = this.#tag;
  }

  /** `{"name":value,...}` of a map value at pos: the size of its entries, one byte more each (`perEntry`). */
  #members(perEntry: number): number {
    const text = this.#text;
    this.#expect(OPEN_BRACE);
    if (text.charCodeAt(this.#pos) === CLOSE_BRACE) { this.#pos++; return 0; }
    let size = 0;
    for (;;) {
      size += this.#stringSize() + perEntry;
      this.#expect(COLON);
      size += this.#value();
      const c = text.charCodeAt(this.#pos++);
      if (c === CLOSE_BRACE) return size;
      if (c !== COMMA) throw corrupt(this.#pos - 1);
    }
  }

  /** The slot of the wanted name the JSON string text[start, end) spells, or -1 (compared in place). */
  #wantedAt(start: number, end: number): number {
    const text = this.#text;
    if (this.#escapes) return this.#wanted.indexOf(JSON.parse(text.slice(start, end)) as string);
    const length = end - start - 2;
    for (let slot = 0; slot < this.#wanted.length; slot++) {
      const name = this.#wanted[slot]!;
      if (name.length === length && text.startsWith(name, start + 1)) return slot;
    }
    return -1;
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

/** The DynamoDB size of one stored item (a write replacing it counts it off the table's bytes). */
export function storedItemSize(text: string): number {
  return new ItemTextReader(NO_NAMES).read(text);
}

/** The size of one stored item and its `wanted` top-level attributes (tests, one-offs). */
export function readItemText(text: string, wanted: Iterable<string>): { size: number; picked: Item } {
  const picked: Item = {};
  const size = new ItemTextReader(wanted).read(text, picked);
  return { size, picked };
}
