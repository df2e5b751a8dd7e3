/**
 * Finds a driver factory. Built-in drivers live in drivers/<service>/<kind>.ts and export a
 * DriverFactory (default or named export); a third-party driver is any one file exporting one,
 * loaded by path (`--driver ./my-driver.js`). Nothing is imported until asked for, so the CLI
 * loads only the SDK it uses and a broken driver of one service cannot break another's.
 */
import { readdir } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DriverFactory, ServiceKind } from '../types.js';

export class DriverNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriverNotFoundError';
  }
}

export function isDriverFactory(value: unknown): value is DriverFactory {
  const v = value as Partial<DriverFactory> | null;
  return typeof v === 'object' && v !== null && typeof v.service === 'string' && typeof v.kind === 'string' && typeof v.create === 'function';
}

/** Every DriverFactory a module exports (default first). */
function factoriesOf(mod: Record<string, unknown>): DriverFactory[] {
  const values = [mod.default, ...Object.entries(mod).filter(([k]) => k !== 'default').map(([, v]) => v)];
  return [...new Set(values.filter(isDriverFactory))];
}

const DRIVERS_DIR = new URL('./', import.meta.url);

async function builtInFiles(service: ServiceKind): Promise<URL[]> {
  const dir = new URL(`${service}/`, DRIVERS_DIR);
  const files = await readdir(dir).catch(() => [] as string[]);
  return files.filter((f) => extname(f) === '.js').sort().map((f) => new URL(f, dir));
}

/** The built-in driver `kind` of `service` ("sdk", "raw"). */
export async function getDriverFactory(service: ServiceKind, kind: string): Promise<DriverFactory> {
  const files = await builtInFiles(service);
  // The conventional file first (s3/raw.js), then any other module of the service that declares it.
  const preferred = files.filter((f) => f.pathname.endsWith(`/${kind}.js`));
  for (const file of [...preferred, ...files.filter((f) => !preferred.includes(f))]) {
    const mod = (await import(file.href)) as Record<string, unknown>;
    const found = factoriesOf(mod).find((f) => f.service === service && f.kind === kind);
    if (found) return found;
  }
  const kinds = await availableDrivers(service);
  throw new DriverNotFoundError(`no ${service} driver "${kind}"${kinds.length ? ` (available: ${kinds.join(', ')})` : ''}; a path to a driver file also works`);
}

/** Kinds of the built-in drivers of `service`. */
export async function availableDrivers(service: ServiceKind): Promise<string[]> {
  const kinds = new Set<string>();
  for (const file of await builtInFiles(service)) {
    const mod = (await import(file.href).catch(() => ({}))) as Record<string, unknown>;
    for (const f of factoriesOf(mod)) if (f.service === service) kinds.add(f.kind);
  }
  return [...kinds].sort();
}

/** A third-party driver: a module file exporting a DriverFactory (for `service` when given). */
export async function loadDriverFactory(path: string, service?: ServiceKind): Promise<DriverFactory> {
  const mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  const all = factoriesOf(mod);
  const found = service ? all.find((f) => f.service === service) : all[0];
  if (!found) {
    const what = all.length ? `no DriverFactory for ${service} (it has: ${all.map((f) => `${f.service}/${f.kind}`).join(', ')})` : 'no DriverFactory export ({ service, kind, create(target) })';
    throw new DriverNotFoundError(`${path}: ${what}`);
  }
  return found;
}

/** `--driver` value: a built-in kind, or a path (contains a slash or ends in .js/.mjs). */
export function resolveDriver(service: ServiceKind, spec: string): Promise<DriverFactory> {
  return /[/\\]|\.m?js$/.test(spec) ? loadDriverFactory(spec, service) : getDriverFactory(service, spec);
}
