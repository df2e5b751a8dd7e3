/**
 * Where in a filter policy a rule error lies, in the words AWS appends to it. SNS compiles
 * policies with a streaming JSON parser (Jackson) over the policy re-serialized without spaces,
 * and a rule error ends with the parser's location:
 *   `…must be a string\n at [Source: (String)"{"key":[{"suffix":100}]}"; line: 1, column: 22]`
 * The column is one past the characters consumed when the error was raised: all of a number or
 * literal, only the opening quote of a string whose text was not read yet, the one character of
 * `[`, `{`, `]`. (AWS's answers in localstack tests/aws/services/sns/test_sns_filter_policy.snapshot.json,
 * test_validate_policy*, 2024-05, for policies sent with spaces: the source shown has none.)
 */

export type JsonPath = readonly (string | number)[];

/** What had been read of a node when the error was raised. */
export type Reading =
  /** The node as the next token: a scalar whole, a string or container by its first character. */
  | 'token'
  /** A string with its text read (to its closing quote). */
  | 'text'
  /** A container to its closing bracket. */
  | 'close';

/** Jackson shows at most 500 characters of the source, then how many it left out (Jackson's own rule; no recording has a policy that long). */
const SNIPPET = 500;

export class JsonLocator {
  readonly text: string;
  readonly #spans = new Map<string, [number, number]>();

  constructor(value: unknown) {
    this.text = this.#write(value, [], 0);
  }

  /** The error message with AWS's location suffix for `path` as `reading` left it. */
  at(message: string, path: JsonPath, reading: Reading = 'token'): string {
    const source = this.text.length > SNIPPET
      ? `"${this.text.slice(0, SNIPPET)}"[truncated ${this.text.length - SNIPPET} chars]`
      : `"${this.text}"`;
    return `${message}\n at [Source: (String)${source}; line: 1, column: ${this.#consumed(path, reading) + 1}]`;
  }

  /** The text Jackson gives a node's token: a string's value, a number's digits, `[` or `{`. */
  tokenText(path: JsonPath): string {
    const [start, end] = this.#span(path);
    const first = this.text[start];
    if (first === '"') return JSON.parse(this.text.slice(start, end)) as string;
    return first === '[' || first === '{' ? first : this.text.slice(start, end);
  }

  #consumed(path: JsonPath, reading: Reading): number {
    const [start, end] = this.#span(path);
    if (reading !== 'token') return end;
    const first = this.text[start];
    return first === '"' || first === '[' || first === '{' ? start + 1 : end;
  }

  #span(path: JsonPath): [number, number] {
    const span = this.#spans.get(JSON.stringify(path));
    if (span === undefined) throw new Error(`no JSON node at ${JSON.stringify(path)}`);
    return span;
  }

  /** The compact serialization of `value` (placed at `offset`), noting every node's span. */
  #write(value: unknown, path: (string | number)[], offset: number): string {
    let out: string;
    if (Array.isArray(value)) {
      out = '[';
      value.forEach((item, i) => {
        if (i > 0) out += ',';
        out += this.#write(item, [...path, i], offset + out.length);
      });
      out += ']';
    } else if (typeof value === 'object' && value !== null) {
      out = '{';
      let first = true;
      for (const [key, item] of Object.entries(value)) {
        if (!first) out += ',';
        first = false;
        out += `${JSON.stringify(key)}:`;
        out += this.#write(item, [...path, key], offset + out.length);
      }
      out += '}';
    } else {
      out = JSON.stringify(value) ?? 'null';
    }
    this.#spans.set(JSON.stringify(path), [offset, offset + out.length]);
    return out;
  }
}
