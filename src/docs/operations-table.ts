/**
 * The "supported operations" tables in docs/<service>.md, generated from the catalogue and each
 * service's operation table, never kept by hand (DESIGN.md §3). The generated part sits between
 * two marker comments so the prose around it stays hand-written.
 * `npm run gen:docs` rewrites them; test/unit/docs-fresh.test.ts fails when they are stale.
 */
import { loadModel } from '../model/generated/index.js';
import type { ServiceName } from '../model/types.js';
import { implementedOperationsOf } from '../gateway/service-registry.js';

export const START = '<!-- generated:operations:start (npm run gen:docs) -->';
export const END = '<!-- generated:operations:end -->';


export async function operationsTable(service: ServiceName): Promise<string> {
  const model = await loadModel(service);
  const done = new Set(await implementedOperationsOf(service));
  const names = Object.keys(model.operations).sort();
  const rows = names.map((n) => `| ${n} | ${done.has(n) ? 'yes' : 'no — answers `NotImplemented` (501)'} |`);
  return [
    START,
    `${done.size} of ${names.length} operations of the ${model.serviceId} API (${model.apiVersion}) are implemented.`,
    '',
    '| Operation | Implemented |',
    '| --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

/** Replaces the generated block of a doc (or appends one) with `table`. */
export function spliceTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) return `${doc.trimEnd()}\n\n${table}\n`;
  return doc.slice(0, start) + table + doc.slice(end + END.length);
}

/** Services with a docs page that carries an operations table. */
export const DOCUMENTED: ServiceName[] = ['s3', 'dynamodb', 'sns', 'sqs', 'sts'];
