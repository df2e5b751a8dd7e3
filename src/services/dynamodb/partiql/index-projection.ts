/**
 * A SELECT on an index meets the index's projection as DynamoDB's PartiQL does
 * (paritysuite/dynamodb-conformance tests/tier2/partiql/executeStatementIndex.test.ts, AWS
 * eu-west-1, 2026-09-02):
 *   - a global index cannot give an attribute it does not project: the statement is refused,
 *     naming every such attribute in statement order, on the query and the scan path alike;
 *   - a local index reaches the base item, so a listed attribute outside its projection still
 *     comes back (the read then asks for all attributes, which an LSI fetches from the table).
 */
import type { Path } from './ast.js';
import { indexDoesNotProject } from './errors.js';
import type { TableKeys } from './translate.js';

/** An index's projection as DescribeTable gives it. */
export interface IndexProjection { type: string; nonKey?: readonly string[] }

/** Extra read input for a SELECT of `paths` on `index` (refusing what a GSI cannot give). */
export function indexReadInput(index: string | undefined, paths: Path[] | undefined, keys: TableKeys): Record<string, unknown> {
  if (index === undefined || paths === undefined) return {};
  const projection = keys.projections?.[index];
  if (projection === undefined || projection.type === 'ALL') return {};
  const indexKey = keys.indexes[index]!;
  const given = new Set([keys.key.hash, keys.key.range, indexKey.hash, indexKey.range, ...(projection.type === 'INCLUDE' ? projection.nonKey ?? [] : [])]);
  const missing: string[] = [];
  for (const path of paths) {
    const first = path.steps[0]!;
    if (first.kind === 'name' && !given.has(first.name) && !missing.includes(first.name)) missing.push(first.name);
  }
  // A local index fetches the table items only when a listed attribute is outside it, and is
  // charged for them then only (nubo-db/dynoxide tests/partiql_index_qualifier.rs Q27 and its
  // control, eu-west-2 2026-08-15: a reach-back bills the table, a projected list does not).
  if (!keys.global?.has(index)) return missing.length > 0 ? { Select: 'ALL_ATTRIBUTES' } : {};
  if (missing.length > 0) throw indexDoesNotProject(index, missing);
  return {};
}
