/**
 * ServiceModel → TypeScript interfaces: `<Operation>Input` / `<Operation>Output` for every
 * operation and one named interface per nested structure.
 *
 * Inline structures have no names in the model (as in min.json), and shared ones only shape names,
 * so a structure is named after the member that first reaches it (operations in name order,
 * members in model order): `Owner`, a list item after its xml name or the singular of the list
 * (`Bucket`, `Part`), a map value `<Map>Value`. A name already taken by a different structure is
 * qualified by its parent (`ListPartsOwner`), names that would shadow globals get the service
 * prefix (`S3Object`, `S3Error`). Identical inline structures share one interface.
 */
import type { ServiceModel, Shape } from '../types.js';

const SHADOWED = new Set([
  'Object', 'Error', 'Date', 'Record', 'Array', 'String', 'Number', 'Boolean', 'Map', 'Set',
  'Function', 'Symbol', 'Promise', 'Uint8Array', 'IncomingBody', 'OutgoingBody', 'Partial',
]);

const pascal = (s: string): string => s.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())
  .replace(/^./, (c) => c.toUpperCase());

function singular(name: string): string {
  if (/ies$/.test(name) && name.length > 4) return `${name.slice(0, -3)}y`;
  if (/[^s]s$/.test(name) && name.length > 3) return name.slice(0, -1);
  return `${name}Item`;
}

interface Ctx {
  model: ServiceModel;
  prefix: string;
  /** Structure identity (shared shape name or canonical JSON) → interface name. */
  names: Map<string, string>;
  taken: Set<string>;
  /** Interfaces still to emit, in naming order. */
  queue: { name: string; shape: Shape }[];
}

/** Follows a `shape` reference; the reference's own traits win over the target's. */
function resolve(model: ServiceModel, ref: Shape): { shape: Shape; id: string | undefined } {
  if (ref.shape === undefined) return { shape: ref, id: undefined };
  const target = model.shapes[ref.shape];
  if (target === undefined) throw new Error(`unknown shape ${ref.shape}`);
  return { shape: { ...target, ...ref, shape: undefined }, id: ref.shape };
}

function structName(ctx: Ctx, shape: Shape, id: string, hint: string, parent: string): string {
  const known = ctx.names.get(id);
  if (known !== undefined) return known;
  let base = pascal(hint);
  if (SHADOWED.has(base)) base = `${ctx.prefix}${base}`;
  let name = base;
  if (ctx.taken.has(name)) name = `${parent}${base}`;
  for (let i = 2; ctx.taken.has(name); i++) name = `${parent}${base}${i}`;
  ctx.taken.add(name);
  ctx.names.set(id, name);
  ctx.queue.push({ name, shape });
  return name;
}

function typeOf(ctx: Ctx, ref: Shape, hint: string, parent: string, io: 'input' | 'output'): string {
  const { shape, id } = resolve(ctx.model, ref);
  switch (shape.type) {
    case 'structure':
      return structName(ctx, shape, id ?? JSON.stringify(shape), hint, parent);
    case 'list': {
      const item = shape.member ?? {};
      const itemHint = item.locationName ?? singular(hint);
      return `${wrap(typeOf(ctx, item, itemHint, parent, io))}[]`;
    }
    case 'map':
      return `Record<string, ${typeOf(ctx, shape.value ?? {}, `${hint}Value`, parent, io)}>`;
    case 'blob':
      if (shape.streaming === true || ref.streaming === true) return io === 'input' ? 'IncomingBody' : 'OutgoingBody';
      return 'Uint8Array';
    case 'timestamp': return 'Date';
    case 'boolean': return 'boolean';
    case 'integer': case 'long': case 'float': case 'double': case 'bigdecimal': return 'number';
    default: return 'string';
  }
}

const wrap = (t: string): string => (/[\s<]/.test(t) && !t.startsWith('Record<') ? `(${t})` : t);

function body(ctx: Ctx, name: string, shape: Shape, io: 'input' | 'output'): string {
  const required = new Set(shape.required ?? []);
  const lines = Object.entries(shape.members ?? {}).map(([member, ref]) => {
    const opt = required.has(member) ? '' : '?';
    return `  ${member}${opt}: ${typeOf(ctx, ref, member, name, io)};`;
  });
  return lines.length === 0 ? `export interface ${name} {}\n` : `export interface ${name} {\n${lines.join('\n')}\n}\n`;
}

export function emitTypes(model: ServiceModel, headerText: string): string {
  const prefix = pascal(model.serviceId);
  const ctx: Ctx = { model, prefix, names: new Map(), taken: new Set(), queue: [] };
  const ops = Object.values(model.operations);
  for (const op of ops) { ctx.taken.add(`${op.name}Input`); ctx.taken.add(`${op.name}Output`); }
  const parts: string[] = [];
  // Nested interfaces are emitted right after the operation that named them, so the file reads
  // top-down; each io pass drains the queue before the next operation starts.
  const drain = (io: 'input' | 'output'): void => {
    while (ctx.queue.length > 0) {
      const next = ctx.queue.shift()!;
      parts.push(body(ctx, next.name, next.shape, io));
    }
  };
  for (const op of ops) {
    parts.push(body(ctx, `${op.name}Input`, op.input ?? {}, 'input'));
    drain('input');
    parts.push(body(ctx, `${op.name}Output`, op.output ?? {}, 'output'));
    drain('output');
  }
  const text = parts.join('\n');
  const imports = ['IncomingBody', 'OutgoingBody'].filter((t) => new RegExp(`\\b${t}\\b`).test(text));
  const importLine = imports.length > 0 ? `import type { ${imports.join(', ')} } from '../../services/bodies.js';\n\n` : '';
  return `${headerText}/* eslint-disable @typescript-eslint/no-empty-interface */\n${importLine}${text}`;
}
