/**
 * `target[key] = value` for keys that come from users (DynamoDB attribute and map member names).
 *
 * Why: assigning to a plain object's `__proto__` sets its prototype instead of adding a member, so
 * an attribute of that (legal) name was silently lost on SET and in projections. JSON.parse, object
 * spread and computed keys in literals already create an own member; only assignment does not.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
