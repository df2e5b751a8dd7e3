/** Topic tags: at most 50, keys of 1–128 and values of 0–256 characters, no aws: prefix. */
import type { Tag } from '../../model/generated/sns-types.js';
import { snsErrors } from './errors.js';

export function checkTags(tags: readonly Tag[]): void {
  for (const tag of tags) {
    if (tag.Key.length < 1 || tag.Key.length > 128) throw snsErrors.invalid('Tags', `Tag keys must be between 1 and 128 characters in length.`);
    if ((tag.Value ?? '').length > 256) throw snsErrors.invalid('Tags', `Tag values must be between 0 and 256 characters in length.`);
    if (tag.Key.toLowerCase().startsWith('aws:')) throw snsErrors.invalid('Tags', 'Tag keys must not start with the aws: prefix.');
  }
}

/** `tags` merged into `existing` (a later value for a key wins), or TagLimitExceeded past 50. */
export function mergeTags(existing: readonly Tag[], tags: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key, t.Value] as const));
  for (const t of tags) merged.set(t.Key, t.Value ?? '');
  if (merged.size > 50) throw snsErrors.tagLimitExceeded();
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}
