import test from 'ava';
import {
  addNumbers, compareNumbers, decimalSize, decodeNumberKey, encodeNumberKey, formatDecimal, isNormalInteger, normaliseNumber, numberSize, parseDecimal, subtractNumbers,
} from '../../../../src/services/dynamodb/values/index.js';
import { isAwsError } from '../../../../src/errors/aws-error.js';

const messageOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return isAwsError(error) && error.code === 'ValidationException' ? error.message : `not a ValidationException: ${String(error)}`;
  }
};

test('numbers are normalised as DynamoDB returns them', (t) => {
  const cases: [string, string][] = [
    ['0', '0'], ['-0', '0'], ['000', '0'], ['0.000', '0'], ['0e10', '0'], ['1', '1'], ['01', '1'], ['1.50', '1.5'],
    ['+7', '7'], ['-7.0', '-7'], ['1e2', '100'], ['1E+2', '100'], ['1.5e-3', '0.0015'], ['.5', '0.5'], ['5.', '5'],
    ['123.456', '123.456'], ['-0.00100', '-0.001'], ['12345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
    ['1E-130', `0.${'0'.repeat(129)}1`], ['9.9999999999999999999999999999999999999E+125', `99999999999999999999999999999999999999${'0'.repeat(88)}`],
    ['1000000000000000000000000000000000000000000', '1000000000000000000000000000000000000000000'],
  ];
  for (const [input, expected] of cases) t.is(normaliseNumber(input), expected, input);
});

test('invalid numbers are refused with AWS messages', (t) => {
  // The current validation layer keeps the colon and space before the empty text, the older drops them.
  t.is(messageOf(() => normaliseNumber('')), 'The parameter cannot be converted to a numeric value: ');
  t.is(parseDecimal('', 'older'), 'The parameter cannot be converted to a numeric value');
  t.is(messageOf(() => normaliseNumber('1e2147483647')), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
  t.is(messageOf(() => normaliseNumber('1e99999999999')), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
  t.is(messageOf(() => normaliseNumber('1e-2147483648')), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
  // Captured against AWS (paritysuite/dynamodb-conformance, 2026-10): exponents read in full,
  // zero range-checked by the exponent it is written with.
  t.is(messageOf(() => normaliseNumber('1e-99999999999')), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
  t.is(messageOf(() => normaliseNumber('1e9223372036854775808')), 'The parameter cannot be converted to a numeric value: 1e9223372036854775808');
  t.is(messageOf(() => normaliseNumber('0e126')), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
  t.is(messageOf(() => normaliseNumber('0e-131')), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
  t.is(normaliseNumber('0e125'), '0');
  t.is(normaliseNumber('1e-130'), `0.${'0'.repeat(129)}1`);
  for (const bad of ['b', 'abc', '1.2.3', '1e', 'e5', '.', '-', '0x10', ' 1', '1 ', 'Infinity', 'NaN', '1,5']) {
    t.is(messageOf(() => normaliseNumber(bad)), `The parameter cannot be converted to a numeric value: ${bad}`, bad);
  }
  t.is(messageOf(() => normaliseNumber('123456789012345678901234567890123456789')), 'Attempting to store more than 38 significant digits in a Number');
  t.is(messageOf(() => normaliseNumber('-1.23456789012345678901234567890123456789')), 'Attempting to store more than 38 significant digits in a Number');
  for (const big of ['1e126', '-1e126', '10E125']) {
    t.is(messageOf(() => normaliseNumber(big)), 'Number overflow. Attempting to store a number with magnitude larger than supported range', big);
  }
  for (const small of ['1e-131', '-1e-131', '0.1E-130']) {
    t.is(messageOf(() => normaliseNumber(small)), 'Number underflow. Attempting to store a number with magnitude smaller than supported range', small);
  }
});

test('compareNumbers orders by value, beyond double precision too', (t) => {
  t.true(compareNumbers('2', '10') < 0);
  t.true(compareNumbers('-2', '-10') > 0);
  t.is(compareNumbers('1.5', '1.50'), 0);
  t.true(compareNumbers('-0.001', '0') < 0);
  const a = '12345678901234567890123456789012345678';
  const b = '12345678901234567890123456789012345679';
  t.true(compareNumbers(a, b) < 0);
  t.true(compareNumbers(`-${a}`, `-${b}`) > 0);
  t.true(compareNumbers('0.00000000000000000001', '0.000000000000000000011') < 0);
  t.is(compareNumbers('1e2', '100.000000000000000000000'), 0);
});

test('the key encoding sorts like the numbers and decodes back', (t) => {
  const values = ['-1e125', '-123.5', '-123.45', '-123', '-10', '-9.99', '-1', '-0.5', '-0.05', '-1E-130', '0',
    '1E-130', '0.05', '0.5', '1', '9.99', '10', '123', '123.45', '123.5', '1e125',
    '12345678901234567890123456789012345678', '12345678901234567890123456789012345679'];
  const sorted = [...values].sort(compareNumbers);
  const encoded = values.map((v) => ({ v, k: encodeNumberKey(v) }));
  const byKey = [...encoded].sort((x, y) => Buffer.compare(Buffer.from(x.k), Buffer.from(y.k))).map((e) => e.v);
  t.deepEqual(byKey, sorted);
  for (const { v, k } of encoded) {
    t.is(decodeNumberKey(k).text, normaliseNumber(v));
    t.is(decodeNumberKey(`x${k}\u0000rest`, 1).length, k.length);
    t.false(k.includes('\u0000'));
  }
  t.is(encodeNumberKey('1.50'), encodeNumberKey('1.5'));
  t.is(encodeNumberKey('-0'), encodeNumberKey('0'));
});

test('number size follows base-100 digits plus sign', (t) => {
  t.is(numberSize('0'), 1);
  t.is(numberSize('1'), 2);
  t.is(numberSize('10'), 2);
  t.is(numberSize('100'), 2);
  t.is(numberSize('123'), 3);
  t.is(numberSize('12'), 2);
  t.is(numberSize('1.5'), 3);
  t.is(numberSize('-1'), 3);
  t.is(numberSize('12345678901234567890123456789012345678'), 20);
  t.is(numberSize('0.12'), 2);
  // Figures captured against AWS at the 400 KB gate (paritysuite/dynamodb-conformance, 2026-08).
  const captured: [string, number][] = [
    ['0', 1], ['1', 2], ['12', 2], ['123', 3], ['1234', 3], ['12345678901234567890123456789012345678', 20], ['0042', 2], ['100', 2],
    ['1010', 3], ['0.0000001', 2], ['1E125', 2], ['1E-100', 2], ['1.5', 3], ['15', 2], ['1.2', 3], ['1.200', 3], ['1.234', 4],
    ['3.14159', 5], ['123456', 4], ['100.5', 4], ['0.15', 2], ['-42', 3], ['-0', 1],
  ];
  for (const [literal, bytes] of captured) t.is(numberSize(literal), bytes, literal);
});

test('add and subtract are exact and refuse results DynamoDB cannot store', (t) => {
  t.is(addNumbers('1', '2'), '3');
  t.is(addNumbers('0.1', '0.2'), '0.3');
  t.is(addNumbers('-5', '5'), '0');
  t.is(subtractNumbers('1', '1.5'), '-0.5');
  t.is(subtractNumbers('1', '-1'), '2');
  t.is(addNumbers('99999999999999999999999999999999999999', '1'), '100000000000000000000000000000000000000');
  t.is(messageOf(() => addNumbers('9.9999999999999999999999999999999999999E+125', '1e125')),
    'Number overflow. Attempting to store a number with magnitude larger than supported range');
  // A sum past 38 digits is an overflow (scylladb/scylladb test/alternator/test_number.py
  // test_update_expression_plus_imprecise: AWS answers 1e50 + 1 so).
  t.is(messageOf(() => addNumbers('12345678901234567890123456789012345678', '0.1')),
    'Number overflow. Attempting to store a number with magnitude larger than supported range');
  t.is(messageOf(() => subtractNumbers('1e50', '1')), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
});

test('the integer fast path agrees with the parse: which texts skip it, their normal form and their size', (t) => {
  const slow = (text: string): { normal: string; size: number } | string => {
    const d = parseDecimal(text);
    return typeof d === 'string' ? d : { normal: formatDecimal(d), size: decimalSize(d) };
  };
  const samples = ['0', '-0', '00', '01', '-01', '1', '-1', '10', '100', '-100', '120', '1200', '+1', '1.0', '1e2', '', '-', '--1', '1-', 'a',
    '9'.repeat(38), '9'.repeat(39), `-${'9'.repeat(38)}`, `1${'0'.repeat(37)}`, `1${'0'.repeat(38)}`, '12345678901234567890', '-9007199254740993'];
  // Random integers of every length and sign, with trailing zeros.
  let seed = 7;
  const random = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let i = 0; i < 2000; i++) {
    const length = 1 + random(40);
    let digits = String(1 + random(9));
    while (digits.length < length) digits += random(3) === 0 ? '0' : String(random(10));
    samples.push(random(2) === 0 ? digits : `-${digits}`);
  }
  for (const text of samples) {
    const expected = slow(text);
    if (isNormalInteger(text)) {
      t.true(typeof expected !== 'string' && expected.normal === text, `${text} is stored as it is`);
      t.is(numberSize(text), typeof expected === 'string' ? NaN : expected.size, `size of ${text}`);
    } else if (typeof expected !== 'string') {
      t.is(numberSize(text), expected.size, `size of ${text}`);
      // Only texts that are not their own normal form, or longer than 38 digits, take the parse.
      if (/^-?\d+$/.test(text) && expected.normal === text) t.true(text.replace('-', '').length > 38, text);
    }
  }
});
