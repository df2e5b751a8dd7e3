/**
 * Date.prototype.toUTCString and toISOString (and java.util.Date#toString in UTC, which AWS's
 * messages print), written from the getUTC* fields.
 *
 * Why: the first call of either built-in makes V8 map about 0.95 MiB of ICU's data into the
 * process (RssFile 33.8 -> 34.8 MiB in a bare node 20; the getUTC* fields map nothing), and
 * every S3 GetObject (Last-Modified) and listing (LastModified) formats a date. Those pages stay
 * resident for the life of the process, in the peak and at-rest figures (issue #7). The texts
 * are the built-ins' for years 0 to 9999; outside them the built-ins are called (±YYYYYY years
 * for ISO, which nobody stores in S3 in practice).
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Milliseconds of 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
const YEAR_0 = -62167219200000;
const YEAR_10000 = 253402300800000;

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const four = (n: number): string => (n >= 1000 ? `${n}` : n >= 100 ? `0${n}` : n >= 10 ? `00${n}` : `000${n}`);

function inFourDigitYears(ms: number): boolean {
  return ms >= YEAR_0 && ms < YEAR_10000;
}

/** As date.toUTCString(): "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 7231 IMF-fixdate). */
export function utcDateText(date: Date): string {
  if (!inFourDigitYears(date.getTime())) return date.toUTCString();
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${four(date.getUTCFullYear())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}

/** As date.toISOString(): "2015-10-21T07:28:00.000Z"; throws RangeError for an invalid date, as it does. */
export function isoDateText(date: Date): string {
  if (!inFourDigitYears(date.getTime())) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${four(date.getUTCFullYear())}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

/** As java.util.Date#toString in UTC: "Fri Sep 18 09:01:50 UTC 2026" (AWS's DynamoDB limit messages). */
export function javaUtcDateText(date: Date): string {
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
