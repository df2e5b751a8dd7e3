/**
 * WarmThroughput: the reads and writes per second a table (and each GSI) can take at once. AWS
 * answers it on every description of an ACTIVE or UPDATING table and index, never on CreateTable's
 * (CREATING) nor DeleteTable's, and never lowers it (native AWS, radkawar/stackd
 * testdata/aws/dynamodb, us-east-1, 2026-09-17/18):
 * - a provisioned table and GSI: its provisioned units (controls.json seq 14, 1/1), raised as they
 *   are raised (seq 42, 2/1; seq 102, 3/1; seq 105, 3/2) and kept when they are lowered (seq 111,
 *   units 2/2, warm 3/2; decrease_limits.json seq 22, units 15/16, warm 16/16);
 * - an on-demand table and GSI: 12000/4000, whatever OnDemandThroughput maxima are set
 *   (controls.json seq 15; on_demand_limits.json seq 11, 20), and still 12000/4000 once the table
 *   is provisioned again (controls.json seq 54-64, units 1/1; decrease_limits.json seq 248);
 * - Status ACTIVE, but UPDATING on a GSI that UpdateTable added while it is backfilled
 *   (continuous_backup_readiness.json seq 138-147: 12000/4000 UPDATING on an on-demand table; a
 *   provisioned table's is not in the captures and gets its units the same way). UPDATING is also
 *   for a warm throughput the user raises, which boltstack does not take.
 * So the warm units are the highest units the table or index has had, at least 12000/4000 once on
 * demand (for a GSI: once its table has been on demand; an index added while the table is
 * provisioned again is not in the captures and gets the same floor). The current units and the on-demand mark are in the record already; only the highest
 * units left behind by a decrease or a switch are kept (`warmThroughput`), and only then.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html
 */
import type { IndexRecord, TableRecord, Throughput } from './table-record.js';

export interface Units { read: number; write: number }

/** What an on-demand table and each of its GSIs can take at once (controls.json seq 15). */
export const ON_DEMAND_WARM: Units = { read: 12000, write: 4000 };

const NONE: Units = { read: 0, write: 0 };
const higher = (a: Units, b: Units): Units => ({ read: Math.max(a.read, b.read), write: Math.max(a.write, b.write) });
const unitsOf = (t: Throughput | undefined): Units => (t ? { read: t.read, write: t.write } : NONE);
const everOnDemand = (t: TableRecord): boolean => t.billingMode === 'PAY_PER_REQUEST' || t.payPerRequestSince !== undefined;

/** The warm units of the table, or of one of its GSIs. */
export function warmUnits(t: TableRecord, index?: IndexRecord): Units {
  const own = index ?? t;
  const units = higher(own.warmThroughput ?? NONE, unitsOf(own.throughput));
  return everOnDemand(t) ? higher(units, ON_DEMAND_WARM) : units;
}

export const warmShape = (u: Units) => ({ ReadUnitsPerSecond: u.read, WriteUnitsPerSecond: u.write, Status: 'ACTIVE' });

/** The highest units `before` had, kept on `after` when its own units no longer say them. */
function keptMark(before: { warmThroughput?: Units; throughput?: Throughput } | undefined, after: { throughput?: Throughput }): Units | undefined {
  const mark = higher(before?.warmThroughput ?? NONE, unitsOf(before?.throughput));
  const now = unitsOf(after.throughput);
  return mark.read > now.read || mark.write > now.write ? higher(mark, now) : undefined;
}

/**
 * `after` (an UpdateTable's result) with the highest units of `before` kept where a decrease or a
 * switch to on-demand lowered them, for the table and each GSI it still has.
 */
export function keepWarmMarks(before: TableRecord, after: TableRecord): TableRecord {
  const next: TableRecord = { ...after, indexes: after.indexes.map((i) => {
    if (!i.global) return i;
    const mark = keptMark(before.indexes.find((b) => b.id === i.id), i);
    const { warmThroughput: _w, ...rest } = i;
    return mark ? { ...rest, warmThroughput: mark } : rest;
  }) };
  const mark = keptMark(before, after);
  if (mark) next.warmThroughput = mark; else delete next.warmThroughput;
  return next;
}

/**
 * CreateTable's answer: AWS's is CREATING and carries no warm throughput, on the table or on any
 * GSI (controls.json seq 6 and 9; on_demand_limits.json seq 2, 7, 12; decrease_limits.json seq 2).
 */
export function withoutWarmThroughput<T extends { WarmThroughput?: unknown; GlobalSecondaryIndexes?: Array<{ WarmThroughput?: unknown }> }>(d: T): T {
  delete d.WarmThroughput;
  for (const gsi of d.GlobalSecondaryIndexes ?? []) delete gsi.WarmThroughput;
  return d;
}

/**
 * UpdateTable's answer describes the warm throughput the table and each GSI had before the update:
 * it moves once the update settles (controls.json seq 40 answer 1/1 for units 1 → 2, seq 42
 * settled 2/1; seq 54 switch to provisioned 1/1 answered 12000/4000; decrease_limits.json seq 96-113
 * a switch to on-demand still 16/16 while UPDATING). An index being created has none.
 */
export function answerWarmBefore(out: { WarmThroughput?: unknown; GlobalSecondaryIndexes?: Array<{ IndexName?: string; WarmThroughput?: unknown }> }, before: TableRecord): void {
  out.WarmThroughput = warmShape(warmUnits(before));
  for (const gsi of out.GlobalSecondaryIndexes ?? []) {
    const old = before.indexes.find((i) => i.name === gsi.IndexName);
    if (old && old.status !== 'CREATING') gsi.WarmThroughput = warmShape(warmUnits(before, old));
    else delete gsi.WarmThroughput;
  }
}
