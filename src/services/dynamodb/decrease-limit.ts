/**
 * The daily quota on provisioned-throughput decreases: within one UTC day, after 4 decreases
 * each further one waits 3600 seconds after the last. Native AWS refused a table's fifth decrease
 * 4 seconds after its fourth with LimitExceededException (radkawar/stackd testdata/aws/dynamodb/
 * decrease_limits.json seq 20-36, 2026-09-18); the message's dates are spelled as it spelled them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#default-limits-capacity-decreases
 */
import { ddbErrors } from './errors.js';
import type { Throughput } from './table-record.js';

const FREE_DECREASES = 4;
const SPACING_MS = 3600 * 1000;
const DAY_MS = 86_400_000;

/** Decreases already made today (a count from an earlier UTC day is spent). */
export function decreasesToday(count: number, lastDecrease: number | undefined, now: number): number {
  return lastDecrease !== undefined && Math.floor(lastDecrease / DAY_MS) === Math.floor(now / DAY_MS) ? count : 0;
}

/** Refuses a decrease the quota does not allow now. */
export function checkDecrease(today: number, lastDecrease: number | undefined, now: number): void {
  if (today < FREE_DECREASES || lastDecrease === undefined || now - lastDecrease >= SPACING_MS) return;
  throw ddbErrors.limitExceeded('Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. '
    + `After the first ${FREE_DECREASES} decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. `
    + `Number of decreases today: ${today}. Last decrease at ${spelled(lastDecrease)}. Next decrease can be made at ${spelled(lastDecrease + SPACING_MS)}`);
}

/**
 * `old` provisioned as `read`/`write` at `now`: the times of the last increase and decrease and
 * the day's decrease count, the quota checked. A table and each of its GSIs keep their own count
 * under one rule and one wording (decrease_limits.json seq 303, the table's "Number of decreases
 * today: 4", and seq 306, the GSI `quota`'s "Number of decreases today: 5. Last decrease at ...
 * 8:21:45 AM ...", each of its own last decrease).
 */
export function changedThroughput(old: Throughput, read: number, write: number, now: number): Throughput {
  const next: Throughput = { read, write, decreasesToday: old.decreasesToday };
  if (read > old.read || write > old.write) next.lastIncrease = now; else if (old.lastIncrease !== undefined) next.lastIncrease = old.lastIncrease;
  if (read < old.read || write < old.write) {
    const today = decreasesToday(old.decreasesToday, old.lastDecrease, now);
    checkDecrease(today, old.lastDecrease, now);
    next.lastDecrease = now;
    next.decreasesToday = today + 1;
  } else if (old.lastDecrease !== undefined) next.lastDecrease = old.lastDecrease;
  return next;
}

/**
 * The switch to on-demand. The table keeps its count and change times, its units 0, and after the
 * round trip back to PROVISIONED its next decrease is still limited by them; each GSI's switch
 * counts as one more decrease, dated when it happens and never refused by the quota (native AWS,
 * radkawar/stackd testdata/aws/dynamodb/decrease_limits.json, 2026-09-18: seq 96 switch, seq 218
 * settled with the table's count 4 and times unchanged, index `sibling` 0 → 1 and `quota` 4 → 5,
 * its fifth 5 minutes after its fourth; seq 303 the table's decrease refused on "4").
 */
export const tableOnDemand = (old: Throughput): Throughput => ({ ...old, read: 0, write: 0 });

export function indexOnDemand(old: Throughput, now: number): Throughput {
  return { ...old, read: 0, write: 0, decreasesToday: decreasesToday(old.decreasesToday, old.lastDecrease, now) + 1, lastDecrease: now };
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number): string => String(n).padStart(2, '0');

/** "Friday, September 18, 2026 at 8:15:44 AM Coordinated Universal Time" (by hand: ICU versions differ in their spaces). */
function spelled(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
  return `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${clock} Coordinated Universal Time`;
}
