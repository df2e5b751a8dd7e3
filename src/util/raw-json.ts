/**
 * A value that is already JSON text, to be written into a JSON answer as it is.
 *
 * Why: DynamoDB stores each item as the JSON of its attribute-value map, which is exactly how
 * the JSON 1.0 protocol writes an item (binary as base64 included). Parsing the stored text into
 * objects only for the encoder to walk them and JSON.stringify to write them back cost 133 us
 * for a 25-item Query page against 2 us spliced (scratch, in process). A service puts a RawJson
 * where the output shape expects that value and marks the output with `holdingRawJson`; the
 * JSON protocol passes the value through its compiled encoder and splices the text
 * (protocols/json/raw-json-stringify.ts). The text must be valid JSON of the shape it stands for:
 * nothing checks it on the way out.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * A RawJson standing for a value of type T in a typed output: the generated output types do not
 * know RawJson, and the value is T on the wire.
 */
export const rawJsonAs = <T>(text: string): T => new RawJson(text) as unknown as T;

/** Set on an output that holds RawJson values (a symbol: encoders and JSON.stringify skip it). */
const HOLDS_RAW_JSON = Symbol('holds RawJson');

/** Marks `output` as holding RawJson values somewhere; returns it. */
export function holdingRawJson<T extends object>(output: T): T {
  (output as Record<symbol, unknown>)[HOLDS_RAW_JSON] = true;
  return output;
}

export const holdsRawJson = (output: unknown): boolean => typeof output === 'object' && output !== null && (output as Record<symbol, unknown>)[HOLDS_RAW_JSON] === true;
