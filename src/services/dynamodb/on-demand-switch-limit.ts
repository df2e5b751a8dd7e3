/**
 * The quota on switches to on-demand: four a rolling 24 hours, a table created on demand counting
 * its creation as one; a request naming the mode the table is in already is no switch and is not
 * counted. The fifth is LimitExceededException naming the last switch and when the oldest of the
 * four leaves the window (native AWS, radkawar/stackd testdata/aws/dynamodb/billing_mode_limits.json,
 * 2026-09-18: a PROVISIONED table switched at seq 11, 158, 173, 188 and refused at seq 205; a table
 * created on demand at seq 214, switched at seq 350, 363, 376 and refused at seq 393, "Next update
 * can be made at" its creation + 24 hours; the no-op requests of seq 90, 164, 178, 195 succeeded
 * and did not count). Switches back to PROVISIONED are not limited.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-switching-capacity-modes.html
 */
import { javaUtcDateText } from '../../util/date-text.js';
import { ddbErrors } from './errors.js';
import type { TableRecord } from './table-record.js';

const SWITCHES = 4;
const WINDOW_MS = 86_400_000;

/** The switches to on-demand still in the window at `now`, oldest first. */
function recentSwitches(t: Pick<TableRecord, 'payPerRequestSwitches' | 'payPerRequestSince'>, now: number): number[] {
  // A table recorded before the list was kept has its last switch (or on-demand creation) only.
  const all = t.payPerRequestSwitches ?? (t.payPerRequestSince !== undefined ? [t.payPerRequestSince] : []);
  return all.filter((at) => now - at < WINDOW_MS);
}

/** The switch times after a switch to on-demand at `now`, refused when the quota is spent. */
export function switchToOnDemand(t: Pick<TableRecord, 'payPerRequestSwitches' | 'payPerRequestSince'>, now: number): number[] {
  const recent = recentSwitches(t, now);
  if (recent.length >= SWITCHES) {
    throw ddbErrors.limitExceeded(`Subscriber limit exceeded: Update to PayPerRequest mode are limited to ${SWITCHES} in 1 day(s). `
      + `Last update at ${javaUtcDateText(new Date(recent[recent.length - 1]!))}. Next update can be made at ${javaUtcDateText(new Date(recent[recent.length - SWITCHES]! + WINDOW_MS))}`);
  }
  return [...recent, now];
}
