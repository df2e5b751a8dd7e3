/**
 * Timestamp wire formats (smithy `timestampFormat`): iso8601 for XML/query bodies and query
 * strings, rfc822 (HTTP-date, RFC 7231 IMF-fixdate) for headers, epoch seconds for JSON.
 * https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait
 */
import { isoDateText, utcDateText } from '../../util/date-text.js';

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

export function formatTimestamp(date: Date, format: TimestampFormat): string {
  switch (format) {
    case 'iso8601': return isoString(date);
    case 'rfc822': return httpDate(date);
    case 'unixTimestamp': return String(date.getTime() / 1000);
  }
}

/** Years 0000–9999: toISOString's fixed-width form (outside it, it writes ±YYYYYY). */
const ISO_FIXED_WIDTH_END = 253402300800000;
/** "YYYY-MM-DDTHH:MM:" per minute since the epoch; bounded, cleared when full. */
const minutePrefixes = new Map<number, string>();

/**
 * toISOString's text (util/date-text.ts: no ICU data) with the minute part memoised: a listing of 1,000 objects formats 1,000 times,
 * and toISOString costs about 0.4 µs each while the minutes repeat (bench/micro/xml-encode.ts).
 */
export function isoString(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= 0 && ms < ISO_FIXED_WIDTH_END)) return isoDateText(date);
  const minute = Math.floor(ms / 60000);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size >= 4096) minutePrefixes.clear();
    prefix = isoDateText(date).slice(0, 17);
    minutePrefixes.set(minute, prefix);
  }
  const inMinute = ms - minute * 60000;
  const seconds = Math.floor(inMinute / 1000);
  const millis = inMinute - seconds * 1000;
  return `${prefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 100 ? (millis < 10 ? '00' : '0') : ''}${millis}Z`;
}

/** "Wed, 21 Oct 2015 07:28:00 GMT" per second since the epoch; bounded, cleared when full. */
const httpDates = new Map<number, string>();

/**
 * toUTCString's text (IMF-fixdate, util/date-text.ts: "Wed, 21 Oct 2015 07:28:00 GMT") memoised per second: every
 * GetObject/HeadObject answers a Last-Modified, toUTCString costs about 0.65 µs and the same
 * objects are read again and again (bench s3-sdk-get; memo hit about 0.05 µs).
 */
export function httpDate(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= 0 && ms < ISO_FIXED_WIDTH_END)) return utcDateText(date);
  const second = Math.floor(ms / 1000);
  let text = httpDates.get(second);
  if (text === undefined) {
    if (httpDates.size >= 4096) httpDates.clear();
    text = utcDateText(date);
    httpDates.set(second, text);
  }
  return text;
}

/** Parses any of the three formats (clients are not strict about which one they send). */
export function parseTimestamp(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const date = /^-?\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string') return parseTimestamp(value);
  return undefined;
}
