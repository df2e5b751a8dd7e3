/**
 * The model constraints DynamoDB's front end (Coral) checks before an operation runs, reported
 * together: "2 validation errors detected: Value null at 'tableName' failed to satisfy
 * constraint: Member must not be null; Value ...". Paths are the member names with a lower-case
 * first letter, list members 1-based ('keySchema.1.member.keyType').
 */
import { ddbErrors } from './errors.js';

/** AWS lists at most this many violations in one message. */
const MAX_REPORTED = 10;

/** The name pattern every request checks, compiled once (others are compiled when used). */
const NAME_REGEX = /^(?:[a-zA-Z0-9_.-]+)$/;
const patternOf = (source: string): RegExp => (source === NAME_PATTERN ? NAME_REGEX : new RegExp(`^(?:${source})$`));

function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]'`;
  if (value instanceof Uint8Array) return `'${Buffer.from(value).toString('base64')}'`;
  if (typeof value === 'object') return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

export class Constraints {
  /** Made at the first violation: nearly every request has none. */
  #errors: string[] | undefined;

  #add(message: string): void {
    const errors = this.#errors ??= [];
    if (errors.length < MAX_REPORTED) errors.push(message);
  }

  fail(path: string, value: unknown, constraint: string): this {
    if ((this.#errors?.length ?? 0) < MAX_REPORTED) this.#add(`Value ${show(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
    return this;
  }

  /** A violation reported without the value ("Value at '...'"), as Coral does for some lists. */
  failUnshown(path: string, constraint: string): this {
    this.#add(`Value at '${path}' failed to satisfy constraint: ${constraint}`);
    return this;
  }

  notNull(path: string, value: unknown): boolean {
    if (value !== undefined && value !== null) return true;
    this.fail(path, value, 'Member must not be null');
    return false;
  }

  /** String length in characters, list length in members, map size in keys. */
  length(path: string, value: string | readonly unknown[] | Record<string, unknown> | undefined, min?: number, max?: number): this {
    if (value === undefined) return this;
    const n = typeof value === 'string' || Array.isArray(value) ? value.length : Object.keys(value).length;
    if (min !== undefined && n < min) this.fail(path, value, `Member must have length greater than or equal to ${min}`);
    if (max !== undefined && n > max) this.fail(path, value, `Member must have length less than or equal to ${max}`);
    return this;
  }

  pattern(path: string, value: string | undefined, source: string): this {
    if (value !== undefined && !patternOf(source).test(value)) this.fail(path, value, `Member must satisfy regular expression pattern: ${source}`);
    return this;
  }

  oneOf(path: string, value: string | undefined, allowed: readonly string[]): this {
    if (value !== undefined && !allowed.includes(value)) this.fail(path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    return this;
  }

  range(path: string, value: number | undefined, min?: number, max?: number): this {
    if (value === undefined) return this;
    if (min !== undefined && value < min) this.fail(path, value, `Member must have value greater than or equal to ${min}`);
    if (max !== undefined && value > max) this.fail(path, value, `Member must have value less than or equal to ${max}`);
    return this;
  }

  /** Has any constraint failed so far? */
  get failed(): boolean {
    return this.#errors !== undefined;
  }

  /** Throws the combined ValidationException when anything failed. */
  check(): void {
    const errors = this.#errors;
    if (errors === undefined) return;
    const n = errors.length;
    throw ddbErrors.validation(`${n} validation error${n > 1 ? 's' : ''} detected: ${errors.join('; ')}`);
  }
}

/** Table and index names (CreateTable, UpdateTable). */
export const NAME_PATTERN = '[a-zA-Z0-9_.-]+';
