/**
 * Timestamp wire formats (smithy `timestampFormat`): iso8601 for XML/query bodies and query
 * strings, rfc822 (HTTP-date, RFC 7231 IMF-fixdate) for headers, epoch seconds for JSON.
 * https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait
 */
export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

export function formatTimestamp(date: Date, format: TimestampFormat): string {
  switch (format) {
    case 'iso8601': return date.toISOString();
    // toUTCString is IMF-fixdate: "Wed, 21 Oct 2015 07:28:00 GMT".
    case 'rfc822': return date.toUTCString();
    case 'unixTimestamp': return String(date.getTime() / 1000);
  }
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
