/**
 * Shape resolution shared by the protocols. min.json shapes are either inline or a `shape`
 * reference to ServiceModel.shapes; a reference's own traits (locationName, flattened,
 * location...) override the target's. Resolved shapes are memoised per reference object, so the
 * hot path does not allocate a merged shape per member per request.
 */
import type { ServiceModel, Shape, ShapeType } from '../../model/types.js';

const resolved = new WeakMap<Shape, Shape>();

export function resolveShape(model: ServiceModel, ref: Shape): Shape {
  if (ref.shape === undefined) return ref;
  let out = resolved.get(ref);
  if (out === undefined) {
    const target = model.shapes[ref.shape];
    if (target === undefined) throw new Error(`model ${model.service} has no shape ${ref.shape}`);
    const { shape: _drop, ...own } = ref;
    out = { ...resolveShape(model, target), ...own };
    resolved.set(ref, out);
  }
  return out;
}

export const shapeType = (shape: Shape): ShapeType => shape.type ?? 'string';

export const isNumeric = (type: ShapeType): boolean =>
  type === 'integer' || type === 'long' || type === 'float' || type === 'double' || type === 'bigdecimal';

/** Sets an own property even for "__proto__" (map keys come from the client). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
