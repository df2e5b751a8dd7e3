/**
 * What a Query or Scan reads: the table or one of its indexes, with DynamoDB's rules for
 * IndexName, Select and ConsistentRead, and how its answer is shaped (Items or only Count,
 * LastEvaluatedKey, ConsumedCapacity counted on the table or the index).
 */
import type { ConsumedCapacityItem } from '../../model/generated/dynamodb-types.js';
import { consumedCapacity, emptyConsumption, readUnits } from './capacity.js';
import { ddbErrors } from './errors.js';
import type { Page } from './read-page.js';
import { lastEvaluatedKey } from './start-key.js';
import { findIndex, type IndexRecord, type TableRecord } from './table-record.js';
import type { Item } from './values/index.js';
import type { Path } from './expressions/index.js';
import { rawJsonAs } from '../../util/raw-json.js';
import { parseItem } from './item-codec.js';

export interface ReadTarget { table: TableRecord; index: IndexRecord | undefined; select: string; consistent: boolean }

/**
 * `projected`: the request names attributes (ProjectionExpression or AttributesToGet). Query
 * wraps the Select messages in Coral's "1 validation error detected: " envelope, Scan does not
 * (as captured from DynamoDB).
 */
export function readTarget(table: TableRecord, input: { IndexName?: string; Select?: string; ConsistentRead?: boolean; AttributesToGet?: unknown },
  operation: 'Query' | 'Scan', projected: boolean): ReadTarget {
  const selectError = (message: string) => ddbErrors.validation(operation === 'Query' ? `1 validation error detected: ${message}` : message);
  let index: IndexRecord | undefined;
  if (input.IndexName !== undefined) {
    index = findIndex(table, input.IndexName);
    if (!index) throw ddbErrors.validation(`The table does not have the specified index: ${input.IndexName}`);
    if (index.global && input.ConsistentRead) throw ddbErrors.validation('Consistent reads are not supported on global secondary indexes');
    if (index.status !== 'ACTIVE') throw ddbErrors.validation(`Cannot read from backfilling global secondary index: ${index.name}`);
  }
  const select = input.Select ?? (projected ? 'SPECIFIC_ATTRIBUTES' : index ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES');
  if (projected && select !== 'SPECIFIC_ATTRIBUTES') {
    // The parameter named as sent, COUNT as "only the Count" (getmoto/moto
    // tests/test_dynamodb/test_dynamodb_select.py, aws_verified; scylladb/scylladb
    // test/alternator/test_scan.py test_scan_select).
    const parameter = input.AttributesToGet != null ? 'AttributesToGet' : 'ProjectionExpression';
    throw selectError(`Cannot specify the ${parameter} when choosing to get ${select === 'COUNT' ? 'only the Count' : select}`);
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && !projected) throw selectError('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !index) throw selectError('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  if (select === 'ALL_ATTRIBUTES' && index?.global && index.projection.type !== 'ALL') {
    throw ddbErrors.invalidParameter(`Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`);
  }
  return { table, index, select, consistent: input.ConsistentRead === true };
}

/** The top-level names an index holds: the table's keys, its own keys and an INCLUDE list. */
function projectedNames(table: TableRecord, index: IndexRecord): Set<string | undefined> {
  return new Set([table.hash.name, table.range?.name, index.hash.name, index.range?.name, ...(index.projection.nonKeyAttributes ?? [])]);
}

/**
 * A read of a global index may name only what it projects (the table's keys, the index's keys and
 * an INCLUDE list): AWS refuses the others by their top-level names, once each, in request order
 * (localstack/localstack#478, 2017, quoting AWS on a Query; the list form as paritysuite's
 * executeStatementIndex.test.ts captured it for PartiQL, AWS 2026-09-02). An LSI reaches the
 * table instead (needsTableFetch). Called only for a GSI that does not project ALL.
 */
export function checkGlobalIndexProjection(t: ReadTarget, paths: readonly Path[]): void {
  const index = t.index!;
  const given = projectedNames(t.table, index);
  const missing: string[] = [];
  for (const path of paths) {
    const name = path[0];
    if (typeof name === 'string' && !given.has(name) && !missing.includes(name)) missing.push(name);
  }
  if (missing.length > 0) throw ddbErrors.invalidParameter(`Global secondary index ${index.name} does not project [${missing.join(', ')}]`);
}

/**
 * A Query's filter runs on the index entries, before any fetch from the table (AWS fetches for
 * Select and ProjectionExpression, and only "each matching item": awsdocs
 * amazon-dynamodb-developer-guide doc_source/LSI.md), so a filter naming an attribute a non-ALL
 * index does not project is refused, on a GSI and an LSI alike and whatever the Select, with
 * "Secondary index" and no Global or Local in front: AWS's answer to a Query on a GSI
 * (sensedeep/dynamodb-onetable#377, 2022) and to keyed PartiQL reads of a GSI and an LSI
 * (nubo-db/dynoxide tests/partiql_index_qualifier.rs Q28, Q34, eu-west-2 2026-08-15;
 * nubo-db/dynamodb-conformance tests/tier3/error-messages/partiqlIndexQualifier.test.ts). The
 * names top-level, once each, sorted (DynamoDB Local, AWS's own emulator, sorts the list it
 * reports for this refusal: its validateQueryFilterAndFilterExprOnIndex). A Scan is not refused: its filter sees the attributes as absent (dynoxide Q7, Q37).
 * Called only for a Query of an index that does not project ALL, with a filter.
 */
export function checkFilterProjection(t: ReadTarget, filterNames: ReadonlySet<string>): void {
  const index = t.index!;
  const given = projectedNames(t.table, index);
  const missing: string[] = [];
  for (const name of filterNames) if (!given.has(name)) missing.push(name);
  missing.sort();
  if (missing.length > 0) throw ddbErrors.invalidParameter(`Secondary index ${index.name} does not project one or more filter attributes: [${missing.join(', ')}]`);
}

/**
 * True when the items read from an LSI must be completed from the table: Select ALL_ATTRIBUTES
 * on a narrower projection, or a ProjectionExpression (AttributesToGet) naming an attribute the
 * index does not project: "If any of the requested attributes are not projected into the local
 * secondary index, DynamoDB fetches each of these attributes from the parent table"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html, Select;
 * getmoto/moto#8916). Reads of a table, of a GSI or of an LSI projecting ALL answer at once.
 */
export function needsTableFetch(t: ReadTarget, paths: readonly Path[] | undefined): boolean {
  const index = t.index;
  if (index === undefined || index.global || index.projection.type === 'ALL') return false;
  if (t.select === 'ALL_ATTRIBUTES') return true;
  if (paths === undefined) return false;
  const given = projectedNames(t.table, index);
  return paths.some((path) => !given.has(path[0] as string));
}

export interface ReadAnswer {
  Items?: Item[]; Count: number; ScannedCount: number; LastEvaluatedKey?: Item; ConsumedCapacity?: ConsumedCapacityItem;
}

/**
 * The answer to a page whose kept items' stored texts are `texts` (completed from the table
 * when needed, at `fetchedUnits` on the table): each text is spliced into the answer as it is
 * (util/raw-json.ts), or decoded and projected when the request names attributes.
 */
export function readAnswer(t: ReadTarget, page: Page, texts: string[], project: ((item: Item) => Item) | undefined, capacityMode: string | undefined,
  fetchedUnits = 0): ReadAnswer {
  const out: ReadAnswer = { Count: texts.length, ScannedCount: page.scanned };
  // Unprojected, the whole list is one RawJson joined natively: a RawJson per item cost an
  // object each, the encoder's copy of the list and a string of 2 pieces per item to flatten.
  if (t.select !== 'COUNT') out.Items = project ? texts.map((text) => project(parseItem(text))) : rawJsonAs<Item[]>(`[${texts.join(',')}]`);
  if (page.last) out.LastEvaluatedKey = lastEvaluatedKey(t.table, t.index, page.last);
  const consumption = emptyConsumption();
  const units = readUnits(page.bytes, t.consistent);
  // An LSI read that fetched (table-fetch.ts) also read each fetched item from the table.
  if (t.index) { consumption.indexes.set(t.index.name, { global: t.index.global, units }); consumption.table = fetchedUnits; } else consumption.table = units;
  const capacity = consumedCapacity(t.table.name, capacityMode, consumption);
  if (capacity) out.ConsumedCapacity = capacity;
  return out;
}
