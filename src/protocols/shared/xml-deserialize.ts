/**
 * XmlElement → typed value by shape (request bodies of S3). The inverse of xml-serialize.ts:
 * members are found by locationName (or name), flattened lists/maps are repeated children of
 * the parent, xmlAttribute members come from the element's attributes. Unknown elements are
 * ignored, as AWS does. A value that does not fit its type throws XmlValueError; the protocol
 * turns that into its own error (S3: MalformedXML).
 */
import type { XmlElement } from '../../pool/types.js';
import type { ServiceModel, Shape } from '../../model/types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from './shape-walker.js';
import { parseNumberText } from './number-text.js';
import { parseTimestamp } from './timestamps.js';

export class XmlValueError extends Error {}

function scalar(shape: Shape, text: string): unknown {
  const type = shapeType(shape);
  if (isNumeric(type)) {
    // XML Schema collapses whitespace around numbers and booleans, so a pretty-printed value fits.
    const n = parseNumberText(type, text.trim());
    if (n === undefined) throw new XmlValueError(`not a valid ${type}: ${text}`);
    return n;
  }
  switch (type) {
    case 'boolean': {
      const t = text.trim();
      if (t === 'true') return true;
      if (t === 'false') return false;
      throw new XmlValueError(`not a boolean: ${text}`);
    }
    case 'timestamp': {
      const date = parseTimestamp(text);
      if (date === undefined) throw new XmlValueError(`not a timestamp: ${text}`);
      return date;
    }
    case 'blob': return Buffer.from(text, 'base64');
    default: return text;
  }
}

export function readStructure(model: ServiceModel, shape: Shape, element: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(model, ref);
    if (member.location !== undefined) continue;
    const xmlName = member.locationName ?? name;
    if (member.xmlAttribute === true) {
      const attr = element.attributes[xmlName];
      if (attr !== undefined) out[name] = scalar(member, attr);
      continue;
    }
    const type = shapeType(member);
    if ((type === 'list' || type === 'map') && member.flattened === true) {
      const matches = element.children.filter((c) => c.name === xmlName);
      if (matches.length > 0) out[name] = type === 'list' ? matches.map((c) => readValue(model, resolveShape(model, member.member ?? {}), c)) : readMapEntries(model, member, matches);
      continue;
    }
    const child = element.children.find((c) => c.name === xmlName);
    if (child !== undefined) out[name] = readValue(model, member, child);
  }
  // A member the schema requires (a <Tag> without <Value>, an <Object> without <Key>) fails
  // validation against the published schema, like a value of the wrong type.
  if (shape.required !== undefined) {
    for (const name of shape.required) if (out[name] === undefined) throw new XmlValueError(`missing required member ${name}`);
  }
  return out;
}

function readMapEntries(model: ServiceModel, shape: Shape, entries: XmlElement[]): Record<string, unknown> {
  const key = resolveShape(model, shape.key ?? {});
  const value = resolveShape(model, shape.value ?? {});
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const k = entry.children.find((c) => c.name === (key.locationName ?? 'key'));
    const v = entry.children.find((c) => c.name === (value.locationName ?? 'value'));
    if (k !== undefined) setOwn(out, k.text, v === undefined ? undefined : readValue(model, value, v));
  }
  return out;
}

export function readValue(model: ServiceModel, shape: Shape, element: XmlElement): unknown {
  switch (shapeType(shape)) {
    case 'structure': return readStructure(model, shape, element);
    case 'list': {
      const item = resolveShape(model, shape.member ?? {});
      const itemName = item.locationName ?? 'member';
      return element.children.filter((c) => c.name === itemName).map((c) => readValue(model, item, c));
    }
    case 'map': return readMapEntries(model, shape, element.children.filter((c) => c.name === 'entry'));
    default: return scalar(shape, element.text);
  }
}
