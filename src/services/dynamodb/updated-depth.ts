/**
 * The 32-level document limit, applied to the item an update builds. Each value of the request is
 * validated on its own, but a nested path puts it deeper: `SET d.n = :v` with a 31-level `:v`
 * ends two levels below `d`. AWS holds the stored item to the cap (values/validate.ts
 * nestedTooDeep names the source). A top-level SET writes a value already validated, so only
 * attributes written through a nested path are walked; a plain update costs nothing.
 */
import type { Path } from './expressions/index.js';
import { nestedTooDeep, type Item } from './values/index.js';

export function updatedTooDeep(item: Item, paths: readonly Path[]): boolean {
  for (const path of paths) {
    if (path.length < 2) continue;
    const value = item[path[0] as string];
    if (value !== undefined && nestedTooDeep(value)) return true;
  }
  return false;
}
