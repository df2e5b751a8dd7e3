import test from 'ava';
import { parseNumberText } from '../../src/protocols/shared/number-text.js';

test('integers are decimal digits within int32; long within int64, checked exactly', (t) => {
  t.is(parseNumberText('integer', '42'), 42);
  t.is(parseNumberText('integer', '-7'), -7);
  t.is(parseNumberText('integer', '+7'), 7);
  t.is(parseNumberText('integer', '2147483647'), 2147483647);
  for (const bad of ['', ' 1', '1.5', '1e3', '0x10', 'abc', '2147483648', '-2147483649', 'Infinity', 'NaN']) {
    t.is(parseNumberText('integer', bad), undefined, bad);
  }
  t.is(parseNumberText('long', '9007199254740993'), 9007199254740992);
  t.is(parseNumberText('long', '9223372036854775807'), 9223372036854775807);
  t.is(parseNumberText('long', '9223372036854775808'), undefined);
  t.is(parseNumberText('long', '1.0'), undefined);
});

test('floating types take XML Schema decimal and exponent forms, not hex', (t) => {
  t.is(parseNumberText('double', '1.5'), 1.5);
  t.is(parseNumberText('double', '.5'), 0.5);
  t.is(parseNumberText('double', '-1e3'), -1000);
  t.is(parseNumberText('float', 'INF'), Number.POSITIVE_INFINITY);
  t.true(Number.isNaN(parseNumberText('double', 'NaN')));
  for (const bad of ['', '0x10', '1.2.3', 'e5', 'abc']) t.is(parseNumberText('double', bad), undefined, bad);
});
