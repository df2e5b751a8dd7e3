/**
 * Typed value → XML elements by shape, shared by rest-xml (S3 bodies) and query (response
 * results). Element names follow the model: a member's locationName or its name; lists are
 * wrapped (`<Name><member>…</member></Name>`, item name from the list member's locationName) or,
 * when flattened, repeated under the member's own name; maps are `<entry><key/><value/></entry>`.
 * Members marked xmlAttribute become attributes of their structure's element.
 */
import type { ServiceModel, Shape } from '../../model/types.js';
import { resolveShape, shapeType } from './shape-walker.js';
import { formatTimestamp, toDate } from './timestamps.js';
import type { XmlWriter } from './xml-writer.js';

function scalarText(shape: Shape, value: unknown): string | undefined {
  switch (shapeType(shape)) {
    case 'timestamp': {
      const date = toDate(value);
      return date === undefined ? undefined : formatTimestamp(date, shape.timestampFormat ?? 'iso8601');
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
      return typeof value === 'string' ? Buffer.from(value).toString('base64') : undefined;
    default:
      return value === null || value === undefined ? undefined : String(value);
  }
}

function namespaceAttrs(shape: Shape): Record<string, string> | undefined {
  const ns = shape.xmlNamespace;
  if (ns === undefined) return undefined;
  return { [ns.prefix !== undefined ? `xmlns:${ns.prefix}` : 'xmlns']: ns.uri };
}

/** A structure's members resolved once: element members in model order, and attribute members. */
interface StructurePlan {
  elements: Array<{ name: string; element: string; shape: Shape }>;
  attributes: Array<{ name: string; shape: Shape }>;
  namespace: Record<string, string> | undefined;
}

/**
 * Plans are memoised per shape object (shapes belong to one model and never change), so a
 * list of 1,000 structures resolves its members once, not 1,000 times with an Object.entries
 * array each (bench/micro/xml-encode.ts: ListObjectsV2 of 1,000 keys).
 */
const plans = new WeakMap<Shape, StructurePlan>();

function planOf(model: ServiceModel, shape: Shape): StructurePlan {
  let plan = plans.get(shape);
  if (plan === undefined) {
    plan = { elements: [], attributes: [], namespace: namespaceAttrs(shape) };
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const member = resolveShape(model, ref);
      if (member.xmlAttribute === true) plan.attributes.push({ name, shape: member });
      else if (member.location === undefined) plan.elements.push({ name, element: member.locationName ?? name, shape: member });
    }
    plans.set(shape, plan);
  }
  return plan;
}

/** Writes the members of a structure value (its child elements), in model order. */
export function writeMembers(w: XmlWriter, model: ServiceModel, shape: Shape, value: Record<string, unknown>): void {
  for (const m of planOf(model, shape).elements) {
    const v = value[m.name];
    if (v === undefined || v === null) continue;
    writeValue(w, model, m.element, m.shape, v);
  }
}

/** Attributes of a structure element: its xmlAttribute members plus its namespace declaration. */
export function structureAttrs(model: ServiceModel, shape: Shape, value: Record<string, unknown>,
  extra?: Record<string, string>): Record<string, string> | undefined {
  const plan = planOf(model, shape);
  if (extra === undefined && plan.namespace === undefined && plan.attributes.length === 0) return undefined;
  let attrs: Record<string, string> | undefined = extra === undefined ? undefined : { ...extra };
  if (plan.namespace !== undefined) attrs = { ...attrs, ...plan.namespace };
  for (const { name, shape: member } of plan.attributes) {
    if (value[name] === undefined) continue;
    const text = scalarText(member, value[name]);
    if (text !== undefined) {
      attrs ??= {};
      // An attribute with a namespace prefix (xsi:type) needs its namespace declared here.
      const mns = member.xmlNamespace;
      if (mns?.prefix !== undefined) attrs[`xmlns:${mns.prefix}`] = mns.uri;
      attrs[member.locationName ?? name] = text;
    }
  }
  return attrs;
}

export function writeValue(w: XmlWriter, model: ServiceModel, name: string, shape: Shape, value: unknown): void {
  switch (shapeType(shape)) {
    case 'structure': {
      const struct = value as Record<string, unknown>;
      w.open(name, structureAttrs(model, shape, struct));
      writeMembers(w, model, shape, struct);
      w.close(name);
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return;
      const item = resolveShape(model, shape.member ?? {});
      if (shape.flattened === true) {
        const itemName = shape.locationName ?? item.locationName ?? name;
        for (const v of value) writeValue(w, model, itemName, item, v);
        return;
      }
      w.open(name, namespaceAttrs(shape));
      for (const v of value) writeValue(w, model, item.locationName ?? 'member', item, v);
      w.close(name);
      return;
    }
    case 'map': {
      const key = resolveShape(model, shape.key ?? {});
      const val = resolveShape(model, shape.value ?? {});
      const entries = Object.entries(value as Record<string, unknown>);
      if (shape.flattened !== true) w.open(name);
      for (const [k, v] of entries) {
        w.open(shape.flattened === true ? name : 'entry');
        w.leaf(key.locationName ?? 'key', k);
        writeValue(w, model, val.locationName ?? 'value', val, v);
        w.close(shape.flattened === true ? name : 'entry');
      }
      if (shape.flattened !== true) w.close(name);
      return;
    }
    default: {
      const text = scalarText(shape, value);
      if (text !== undefined) w.leaf(name, text, namespaceAttrs(shape));
    }
  }
}
