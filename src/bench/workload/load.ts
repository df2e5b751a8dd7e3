/**
 * Finds a workload by path or by the name of a shipped one (bench/workloads/NAME.yaml) and parses
 * it. Errors name the file as the user would type it (`bench/workloads/x.yaml: mix[1].weight: ...`).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workload } from '../types.js';
import { WorkloadError } from './fields.js';
import { parseWorkloadText } from './parse.js';

/** The package root, from dist/src/bench/workload/load.js. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SHIPPED_WORKLOADS_DIR = join(PACKAGE_ROOT, 'bench', 'workloads');
const EXTENSIONS = ['.yaml', '.yml', '.json'];

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Names of the shipped workloads, sorted. */
export async function shippedWorkloads(): Promise<string[]> {
  const files = await readdir(SHIPPED_WORKLOADS_DIR).catch(() => [] as string[]);
  return files.filter((f) => EXTENSIONS.includes(extname(f))).map((f) => f.slice(0, -extname(f).length)).sort();
}

/** The file a workload argument refers to: an existing path, else a shipped workload name. */
export async function resolveWorkloadFile(nameOrPath: string): Promise<string> {
  if (await isFile(nameOrPath)) return nameOrPath;
  for (const ext of ['', ...EXTENSIONS]) {
    const candidate = join(SHIPPED_WORKLOADS_DIR, nameOrPath + ext);
    if (await isFile(candidate)) return candidate;
  }
  const names = await shippedWorkloads();
  throw new WorkloadError(nameOrPath, '', `no such file, and not a shipped workload (shipped: ${names.join(', ')})`);
}

export async function loadWorkload(nameOrPath: string): Promise<Workload> {
  const file = await resolveWorkloadFile(nameOrPath);
  const display = file.startsWith(PACKAGE_ROOT) ? relative(PACKAGE_ROOT, file) : file;
  return parseWorkloadText(await readFile(file, 'utf8'), display);
}
