/**
 * Typed reads of one field of a parsed workload file, each failing with a WorkloadError that names
 * the file and the field path (`mix[1].weight`) and shows the offending value.
 */
import { parseDuration, parseSize } from './units.js';

export class WorkloadError extends Error {
  constructor(readonly file: string, readonly field: string, detail: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'WorkloadError';
  }
}

export type Obj = Record<string, unknown>;

export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields of one object; `path` is its own path ("" at top level, "keys", "mix[0]"). */
export class Fields {
  constructor(readonly file: string, readonly path: string, readonly obj: Obj) {}

  at(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  fail(name: string, detail: string): never {
    throw new WorkloadError(this.file, this.at(name), detail);
  }

  /** Fails on any key not in `allowed`, so a typo ("durration") is an error rather than ignored. */
  only(allowed: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) this.fail(key, `unknown field (expected one of: ${allowed.join(', ')})`);
    }
  }

  /** The first present of several spellings (`duration`, `durationSeconds`). */
  first(...names: string[]): [string, unknown] | undefined {
    for (const name of names) if (this.obj[name] !== undefined) return [name, this.obj[name]];
    return undefined;
  }

  string(name: string): string | undefined {
    const v = this.obj[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') this.fail(name, `expected a non-empty string, got ${shown(v)}`);
    return v;
  }

  number(name: string, opts: { integer?: boolean; min?: number; positive?: boolean } = {}): number | undefined {
    const v = this.obj[name];
    if (v === undefined) return undefined;
    const what = opts.positive ? 'a positive' : opts.min === 0 ? 'a non-negative' : 'a';
    const kind = opts.integer ? 'integer' : 'number';
    if (typeof v !== 'number' || !Number.isFinite(v)
      || (opts.integer && !Number.isInteger(v)) || (opts.positive && v <= 0) || (opts.min !== undefined && v < opts.min)) {
      this.fail(name, `expected ${what} ${kind}, got ${shown(v)}`);
    }
    return v;
  }

  size(name: string, positive = true): number | undefined {
    const v = this.obj[name];
    if (v === undefined) return undefined;
    const bytes = parseSize(v);
    if (bytes === undefined || (positive && bytes <= 0)) {
      this.fail(name, `expected a size such as 4KiB, "64 MiB", 1GiB or a number of bytes, got ${shown(v)}`);
    }
    return bytes;
  }

  duration(names: string[]): number | undefined {
    const found = this.first(...names);
    if (!found) return undefined;
    const seconds = parseDuration(found[1]);
    if (seconds === undefined) this.fail(found[0], `expected a duration such as 30s, 2m, 500ms or a number of seconds, got ${shown(found[1])}`);
    return seconds;
  }

  object(name: string): Fields | undefined {
    const v = this.obj[name];
    if (v === undefined) return undefined;
    if (!isObject(v)) this.fail(name, `expected an object, got ${shown(v)}`);
    return new Fields(this.file, this.at(name), v);
  }
}
