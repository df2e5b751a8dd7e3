/**
 * Request validation in the Coral framework's words ("1 validation error detected: Value 'x' at
 * 'limit' failed to satisfy constraint: ..."), for the Streams operations' own members.
 */
import { streamValidation } from './errors.js';

const one = (value: unknown, member: string, constraint: string): Error =>
  streamValidation(`1 validation error detected: Value ${value === null ? 'null' : `'${String(value)}'`} at '${member}' failed to satisfy constraint: ${constraint}`);

export function checkLimit(value: number | undefined, member: string, max: number): void {
  if (value === undefined) return;
  if (value < 1) throw one(value, member, 'Member must have value greater than or equal to 1');
  if (value > max) throw one(value, member, `Member must have value less than or equal to ${max}`);
}

export function checkLength(value: string | undefined, member: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value.length < min) throw one(value, member, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw one(value, member, `Member must have length less than or equal to ${max}`);
}

export function checkEnum(value: string | undefined, member: string, allowed: readonly string[]): void {
  if (value === undefined || allowed.includes(value)) return;
  throw one(value, member, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

export function checkRequired(value: unknown, member: string): void {
  if (value === undefined || value === null) throw one(null, member, 'Member must not be null');
}
