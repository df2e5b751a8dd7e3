/**
 * One page of a Query or Scan and its answer: the page read (read-page.ts), completed from the
 * table when an LSI read needs it (table-fetch.ts: its capacity and its own 1 MB rule), then
 * answered (read-target.ts). Reads that do not fetch take the first branch and nothing more.
 */
import type { KeyRange } from '../../storage/meta-store.js';
import type { DdbDeps } from './context.js';
import type { Path } from './expressions/index.js';
import { readPage, type ItemPredicate, type TextSource } from './read-page.js';
import { needsTableFetch, readAnswer, type ReadAnswer, type ReadTarget } from './read-target.js';
import { fetchFromTable } from './table-fetch.js';
import type { Item } from './values/index.js';

/**
 * `source`: the item store, or one segment of it; `paths`: the request's ProjectionExpression
 * (AttributesToGet) paths; `project`: its projection of an item. Positional, so that a Query's
 * page allocates no request object.
 */
export async function answerPage(deps: DdbDeps, t: ReadTarget, source: TextSource, range: KeyRange, limit: number | undefined, keep: ItemPredicate | undefined,
  paths: readonly Path[] | undefined, project: ((item: Item) => Item) | undefined, capacityMode: string | undefined): Promise<ReadAnswer> {
  if (!needsTableFetch(t, paths)) {
    const page = await readPage(source, range, limit, keep);
    return readAnswer(t, page, page.texts, project, capacityMode);
  }
  const marks: number[] = [];
  const fetched = await fetchFromTable(deps, t.table, await readPage(source, range, limit, keep, marks), marks, t.consistent);
  return readAnswer(t, fetched.page, fetched.texts, project, capacityMode, fetched.units);
}
