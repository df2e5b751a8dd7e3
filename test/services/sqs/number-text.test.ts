/**
 * Numbers written as text in keys, receipt handles and state records (keys.ts seqText,
 * receipt-handle.ts, decimal-text.ts): the fast paths for numbers past 2^28 (every log number,
 * every receive time) write exactly what `toString(16)`, `toString(36)` and `String` write, so
 * keys keep their order, handles issued before still decode and stored state records read back
 * the same; malformed handles are still refused.
 */
import test from 'ava';
import { decimalText } from '../../../src/services/sqs/decimal-text.js';
import { LOG_BASE, seqText } from '../../../src/services/sqs/keys.js';
import { decodeHandle, encodeHandle } from '../../../src/services/sqs/receipt-handle.js';

const samples = (): number[] => {
  const out = [0, 1, 15, 16, 2 ** 28 - 1, 2 ** 28, 2 ** 28 + 1, 36 ** 5 - 1, 36 ** 5, 36 ** 5 + 1, LOG_BASE - 1, LOG_BASE, 2 ** 52, 2 ** 53 - 1];
  let seed = 5;
  for (let i = 0; i < 20_000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out.push(LOG_BASE + seed * (1 + (i % 977)), 1_764_900_000_000 + seed, seed);
  }
  return out;
};

test('seqText writes every number as 14 hex digits, as toString(16) padded, in number order', (t) => {
  let previous: [number, string] | undefined;
  for (const n of samples().sort((a, b) => a - b)) {
    const text = seqText(n);
    if (text !== n.toString(16).padStart(14, '0')) { t.fail(`${n}: ${text}`); return; }
    if (previous !== undefined && previous[0] < n && !(previous[1] < text)) { t.fail(`order at ${n}`); return; }
    previous = [n, text];
  }
  t.pass();
});

test('receipt handles are what the base-36 toString wrote, and decode back', (t) => {
  const earlier = (h: { queueId: string; seq: number; count: number; received: number }): string =>
    'AQEB' + Buffer.from(`${h.queueId}:${h.seq.toString(36)}:${h.count.toString(36)}:${h.received.toString(36)}`, 'utf8').toString('base64url');
  for (const n of samples()) {
    if (n > Number.MAX_SAFE_INTEGER) continue;
    const h = { queueId: 'k3j9x0a1b2c3', seq: n, count: 1 + (n % 7), received: 1_764_900_000_000 + (n % 1_000_000) };
    const handle = encodeHandle(h);
    if (handle !== earlier(h)) { t.fail(`${JSON.stringify(h)}: ${handle}`); return; }
    const back = decodeHandle(handle);
    if (JSON.stringify(back) !== JSON.stringify(h)) { t.fail(`${handle} decoded as ${JSON.stringify(back)}`); return; }
  }
  t.pass();
});

test('malformed receipt handles are ReceiptHandleIsInvalid', (t) => {
  const of = (text: string): string => 'AQEB' + Buffer.from(text, 'utf8').toString('base64url');
  for (const handle of [
    'nope', of('q:1:1'), of('q:1:1:1:1'), of('q:1::1'), of(':1:1:1'), of('Q:1:1:1'), of('q:1:1:1\n'), of('q:1-:1:1'), of('q:1:1:1:'), 'AQEB',
  ]) {
    const err = t.throws(() => decodeHandle(handle), undefined, handle);
    t.is((err as { code?: string } | undefined)?.code, 'ReceiptHandleIsInvalid', handle);
  }
});

test('decimalText writes what String writes, for every integer a state record holds and anything else', (t) => {
  const odd = [-1, -(2 ** 40), 0.5, 2 ** 30 + 0.25, 2 ** 53, 2 ** 60, 1e21, NaN, Infinity, 999_999_999, 1_000_000_000, 1_000_000_001, 2 ** 30 - 1, 2 ** 30, 1_764_900_000_000_000];
  for (const n of [...samples(), ...odd]) {
    if (decimalText(n) !== String(n)) { t.fail(`${n}: ${decimalText(n)}`); return; }
  }
  t.pass();
});
