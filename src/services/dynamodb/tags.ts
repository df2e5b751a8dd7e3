/**
 * Tag rules shared by CreateTable, TagResource and UntagResource.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
 */
import { Constraints } from './constraints.js';
import { ddbErrors } from './errors.js';

export interface Tag { Key: string; Value: string }

export const MAX_TAGS = 50;

export function checkTagConstraints(c: Constraints, path: string, tags: Tag[] | undefined): void {
  tags?.forEach((t, i) => {
    const at = `${path}.${i + 1}.member`;
    if (c.notNull(`${at}.key`, t.Key)) c.length(`${at}.key`, t.Key, 1, 128);
    if (c.notNull(`${at}.value`, t.Value)) c.length(`${at}.value`, t.Value, 0, 256);
  });
}

export function checkTagRules(tags: Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.startsWith('aws:')) throw ddbErrors.validation(`Tag Key cannot be prefixed with aws:, Key: ${t.Key}`);
    if (seen.has(t.Key)) throw ddbErrors.validation(`Duplicate Tag Keys provided as input: Duplicate Tag Key found ${t.Key}`);
    seen.add(t.Key);
  }
}

/** `current` with `added` applied (a key given again takes the new value), in insertion order. */
export function mergeTags(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const map = new Map(current.map((t) => [t.Key, t.Value]));
  for (const t of added) map.set(t.Key, t.Value);
  if (map.size > MAX_TAGS) throw ddbErrors.validation('Number of Tags exceed the current limit for the provided ResourceArn');
  return [...map].map(([Key, Value]) => ({ Key, Value }));
}
