/**
 * Values marked immutable: deeply frozen, so anything derived from one can be memoised by its
 * identity. The XML serializer keeps the XML of such values; the S3 listing marks the entries it
 * shows for objects, so listing an unchanged bucket again does not encode them again.
 */
const immutableValues = new WeakSet<object>();

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const member of Object.values(value)) {
    if (typeof member === 'object' && member !== null && !Object.isFrozen(member)) deepFreeze(member);
  }
}

export function markImmutable<T extends object>(value: T): T {
  deepFreeze(value);
  immutableValues.add(value);
  return value;
}

export function isImmutable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && immutableValues.has(value);
}
