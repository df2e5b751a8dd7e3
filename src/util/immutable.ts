/**
 * Values marked immutable: deeply frozen, so anything derived from one can be memoised by its
 * identity. The XML serializer keeps the XML of such values; the S3 listing marks the entries it
 * shows for objects, so listing an unchanged bucket again does not encode them again. The mark
 * is a hidden (symbol-keyed, non-enumerable) property: JSON and Object.entries never see it.
 */
const IMMUTABLE = Symbol('boltstack.immutable');

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const member of Object.values(value)) {
    if (typeof member === 'object' && member !== null && !Object.isFrozen(member)) deepFreeze(member);
  }
}

export function markImmutable<T extends object>(value: T): T {
  if (!Object.isExtensible(value)) throw new TypeError('markImmutable: the value is already frozen or sealed');
  Object.defineProperty(value, IMMUTABLE, { value: true });
  deepFreeze(value);
  return value;
}

export function isImmutable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { [IMMUTABLE]?: boolean })[IMMUTABLE] === true;
}
