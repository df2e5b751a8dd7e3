/**
 * SELECT's projection: each listed path's value, keyed by the path's last name (DynamoDB's
 * PartiQL answers `SELECT a.b` with {"b": ...}). Paths that do not resolve are left out.
 */
import type { AttributeValue, Path } from './ast.js';

function resolve(item: Record<string, AttributeValue>, path: Path): AttributeValue | undefined {
  let current: AttributeValue | undefined;
  for (const [i, step] of path.steps.entries()) {
    if (i === 0) { current = step.kind === 'name' ? item[step.name] : undefined; continue; }
    if (current === undefined) return undefined;
    current = step.kind === 'name' ? current.M?.[step.name] : current.L?.[step.index];
  }
  return current;
}

export function project(item: Record<string, AttributeValue>, paths: Path[]): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const path of paths) {
    const value = resolve(item, path);
    if (value === undefined) continue;
    const names = path.steps.filter((s) => s.kind === 'name');
    const key = (names[names.length - 1] as { name: string }).name;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
