/**
 * `String(n)` for the integers SQS writes into its records (log numbers from 2^40, epoch
 * milliseconds), faster. Past V8's small integers (2^30) a number is a heap number, and V8
 * writes one through a runtime call (perf of the send + receive + delete cycle of sqs-figures:
 * `Runtime_NumberToStringSlow` under the state records' text). As two small integers, the high
 * digits and the low nine (written with a leading 1 that is cut off, to keep their zeros), each
 * is written in place: a receive's state record of ten messages in 3.5 instead of 6.4-9.0 µs
 * (scratch, 10^5 records).
 */
const LOW = 1e9;
const SMALL = 2 ** 30;

export function decimalText(n: number): string {
  if (n < SMALL || n > Number.MAX_SAFE_INTEGER || n % 1 !== 0) return `${n}`;
  const high = Math.floor(n / LOW);
  return `${high}${(n - high * LOW + LOW).toString().slice(1)}`;
}
