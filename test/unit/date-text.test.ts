/**
 * src/util/date-text.ts writes toUTCString's and toISOString's texts without the built-ins (which
 * map ~1 MiB of ICU data into the process): the texts must be the built-ins', byte for byte.
 */
import test from 'ava';
import { isoDateText, javaUtcDateText, utcDateText } from '../../src/util/date-text.js';

function sampleDates(): Date[] {
  const dates: Date[] = [];
  // Edges: the four-digit years' ends, the epoch, leap days, single-digit fields, a second's last ms.
  for (const ms of [0, -1, 1, 999, 1000, 951782400000, 951868799999, 4107542400000, 253402300799999, 253402300800000,
    -62167219200000, -62167219200001, -30610224000000, -59011459200000, 1445412480000, 1700000000123]) dates.push(new Date(ms));
  // A seeded spread over years 0-9999 and just outside them.
  let seed = 42;
  const next = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 20_000; i++) dates.push(new Date(Math.floor(-62167219200000 - 1e11 + next() * (253402300800000 + 62167219200000 + 2e11))));
  return dates;
}

test('utcDateText is toUTCString for every sampled date', (t) => {
  for (const d of sampleDates()) if (utcDateText(d) !== d.toUTCString()) t.fail(`${d.getTime()}: ${utcDateText(d)} vs ${d.toUTCString()}`);
  t.is(utcDateText(new Date(1445412480000)), 'Wed, 21 Oct 2015 07:28:00 GMT');
});

test('isoDateText is toISOString for every sampled date, and throws as it does for an invalid one', (t) => {
  for (const d of sampleDates()) if (isoDateText(d) !== d.toISOString()) t.fail(`${d.getTime()}: ${isoDateText(d)} vs ${d.toISOString()}`);
  t.is(isoDateText(new Date(1700000000123)), '2023-11-14T22:13:20.123Z');
  t.throws(() => isoDateText(new Date(Number.NaN)), { instanceOf: RangeError });
  t.is(utcDateText(new Date(Number.NaN)), 'Invalid Date');
});

test('javaUtcDateText writes java.util.Date#toString in UTC, as AWS prints it in its limit messages', (t) => {
  t.is(javaUtcDateText(new Date(Date.UTC(2026, 8, 18, 9, 1, 50))), 'Fri Sep 18 09:01:50 UTC 2026');
  t.is(javaUtcDateText(new Date(Date.UTC(2027, 0, 3, 23, 9, 5))), 'Sun Jan 03 23:09:05 UTC 2027');
});
