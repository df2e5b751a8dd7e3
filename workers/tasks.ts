/**
 * The piscina entry: thin on purpose (STYLE.md habit 7, anti-pattern 6). Each task is a pure
 * function from src/, so src/pool/ also runs the very same `runTask` inline for small inputs.
 *
 * Errors cross the thread boundary as data ({ ok: false, name, message }) because structured
 * clone drops the class of a custom error; src/pool rebuilds XmlParseError from it.
 * A parsed XML tree crosses as a JSON string: structured-clone deserialisation of a large object
 * tree costs the main thread about as much as parsing the XML there (bench/micro/pool-threshold.ts
 * measured 965 ms of main-thread time for a 16 MiB document vs 949 ms parsing inline), while
 * JSON.parse of the flat string is several times cheaper.
 */
import { parseXml } from '../src/util/xml-parse.js';
import { computeDigests } from '../src/checksums/index.js';
import { filterBatch } from '../src/services/dynamodb/expressions/filter-batch.js';
import type { Task, TaskResult } from '../src/pool/types.js';

export async function runTask<T extends Task>(task: T): Promise<TaskResult<T>> {
  // The casts restate what the `kind` switch proved; TS does not narrow a generic's result type.
  switch (task.kind) {
    case 'xml-parse':
      return parseXml(task.xml) as TaskResult<T>;
    case 'checksum':
      return (await computeDigests(task.data, task.algorithms)) as TaskResult<T>;
    case 'ddb-filter':
      return filterBatch(task) as TaskResult<T>;
    default:
      throw new Error(`unknown pool task ${(task as { kind: string }).kind}`);
  }
}

export type TaskOutcome =
  | { ok: true; value: TaskResult<Task> }
  | { ok: true; json: string }
  | { ok: false; name: string; message: string };

/** What piscina calls in the worker thread. */
export default async function handle(task: Task): Promise<TaskOutcome> {
  try {
    const value = await runTask(task);
    return task.kind === 'xml-parse' ? { ok: true, json: JSON.stringify(value) } : { ok: true, value };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, name: e.name, message: e.message };
  }
}
