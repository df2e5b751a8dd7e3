/**
 * One line of a DYNAMODB_JSON import: `{"Item":{...}}`, an attribute-value map as the wire
 * writes it (binary as base64), which is what an export's data files hold (exports/export-files.ts).
 * A line that is no JSON, has no Item member, or holds a value PutItem would refuse throws.
 *
 * Why the shapes are checked here: a request's values reach validateItem only after the JSON
 * protocol has checked each member's JSON type against the model (S a string, BOOL a boolean, M
 * an object...) and decoded base64 strictly enough; an import line skips the protocol, so a
 * `{"BOOL":"yes"}` or `{"M":[...]}` would be stored as is and every later Scan of the table would
 * fail on it (InternalFailure), and `{"B":"!!"}` would be stored as whatever bytes a lenient
 * decoder made of it. Such a line is an invalid item: one error (S3DataImport.Validation.html).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html
 */
import { type AttributeValue, type Item, MAX_NESTING_DEPTH, validateItem } from '../values/index.js';
import { setOwn } from '../../../util/own-member.js';

/** Padded standard base64, as exports and the SDKs write it. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

class BadShape extends Error {}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function strings(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) throw new BadShape('A set holds a member that is no string');
  return v as string[];
}

/** The bytes of padded standard base64; anything else (a lenient decoder's guess) throws. CSV's B columns use it too. */
export function bytes(text: unknown): Buffer {
  if (typeof text !== 'string' || !BASE64.test(text)) throw new BadShape('A binary value is no base64');
  return Buffer.from(text, 'base64');
}

/** Every member of one value in the JSON type the model gives it, binary decoded; depth bounded as validateItem bounds it. */
function shaped(raw: unknown, depth: number): AttributeValue {
  if (depth > MAX_NESTING_DEPTH + 1 || !isMap(raw)) throw new BadShape('A value is no attribute value');
  const out: Record<string, unknown> = {};
  for (const type in raw) {
    const v = raw[type];
    if (v === null || v === undefined) continue;
    switch (type) {
      case 'S': case 'N': if (typeof v !== 'string') throw new BadShape(`${type} is no string`); out[type] = v; break;
      case 'BOOL': case 'NULL': if (typeof v !== 'boolean') throw new BadShape(`${type} is no boolean`); out[type] = v; break;
      case 'B': out.B = bytes(v); break;
      case 'SS': case 'NS': out[type] = strings(v); break;
      case 'BS': out.BS = strings(v).map(bytes); break;
      case 'L': {
        if (!Array.isArray(v)) throw new BadShape('L is no list');
        out.L = v.map((e) => shaped(e, depth + 1));
        break;
      }
      case 'M': {
        if (!isMap(v)) throw new BadShape('M is no map');
        const m: Record<string, AttributeValue> = {};
        for (const name in v) setOwn(m, name, shaped(v[name], depth + 1));
        out.M = m;
        break;
      }
      default: // a member no AttributeValue has: ignored, as the JSON protocol ignores one in a request
    }
  }
  return out as AttributeValue;
}

export function dynamoDbJsonItem(line: string): Item {
  const parsed = JSON.parse(line) as unknown;
  const raw = isMap(parsed) ? parsed.Item : undefined;
  if (!isMap(raw)) throw new Error('The line has no Item member');
  const item: Item = {};
  for (const name in raw) setOwn(item, name, shaped(raw[name], 1));
  return validateItem(item as Record<string, unknown>);
}
