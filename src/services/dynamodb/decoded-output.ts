/**
 * An operation's output with every stored item it splices (util/raw-json.ts) decoded, for the
 * callers inside the service that read the items rather than send them: PartiQL runs its
 * SELECTs as Query, Scan or GetItem and projects or pages what they return. The members that
 * can hold such items: GetItem's Item, Query's and Scan's Items, BatchGetItem's Responses.
 */
import { RawJson } from '../../util/raw-json.js';
import { parseItem } from './item-codec.js';

const decoded = (value: unknown): unknown => (value instanceof RawJson ? parseItem(value.text) : value);

export function decodedOutput<T>(output: T): T {
  if (typeof output !== 'object' || output === null) return output;
  const o = output as { Item?: unknown; Items?: unknown; Responses?: unknown };
  if (o.Item instanceof RawJson) o.Item = decoded(o.Item);
  // Query and Scan splice a page's items as one list (read-target.ts).
  if (o.Items instanceof RawJson) o.Items = parseItem(o.Items.text);
  else if (Array.isArray(o.Items)) o.Items = o.Items.map(decoded);
  if (typeof o.Responses === 'object' && o.Responses !== null) {
    for (const items of Object.values(o.Responses)) if (Array.isArray(items)) items.forEach((item, i) => { items[i] = decoded(item); });
  }
  return output;
}
