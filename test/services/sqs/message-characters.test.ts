/**
 * SQS accepts a body only of #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
 * hasOnlyValidCharacters answers most bodies with one regular expression and falls back to a
 * code-point walk for text with surrogates: both paths against the rule as written, on chosen
 * edges and on random text.
 */
import test from 'ava';
import { hasOnlyValidCharacters } from '../../../src/services/sqs/message-validation.js';

/** The rule as AWS states it, code point by code point (a lone surrogate is not a character). */
function reference(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) return false;
  }
  return true;
}

const edges: Array<[string, boolean]> = [
  ['plain text', true], ['tab\tnew\nline\rreturn', true], ['\u0020', true], ['\u00e9\u20ac', true], ['\ud7ff', true], ['\ue000', true], ['\ufffd', true],
  ['\ud83d\ude00 emoji', true], ['\udbff\udfff', true], ['\ud800\udc00', true],
  ['nul \u0000', false], ['\u0008', false], ['\u000b', false], ['\u001f', false], ['\ufffe', false], ['\uffff', false],
  ['lone high \ud83d', false], ['lone low \ude00 x', false], ['reversed \ude00\ud83d', false], ['high at end \ud800', false],
  ['\ud83d\ude00\u0000', false], ['ok then \u0001', false],
];

test('chosen edges: valid ranges, control characters, U+FFFE/U+FFFF, paired and lone surrogates', (t) => {
  for (const [text, valid] of edges) {
    t.is(reference(text), valid, `reference for ${JSON.stringify(text)}`);
    t.is(hasOnlyValidCharacters(text), valid, JSON.stringify(text));
  }
});

test('random text agrees with the rule as written', (t) => {
  // Code units drawn mostly from the edges of each range, so both paths are taken often.
  const pool = [0x0, 0x8, 0x9, 0xa, 0xb, 0xd, 0x1f, 0x20, 0x41, 0x7f, 0xe9, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0xffff];
  let seed = 9;
  const next = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  let invalid = 0;
  for (let i = 0; i < 5000; i++) {
    const units: number[] = [];
    const length = 1 + (next() % 6);
    for (let j = 0; j < length; j++) units.push(next() % 4 === 0 ? pool[next() % pool.length]! : 0x61 + (next() % 26));
    const text = String.fromCharCode(...units);
    const expected = reference(text);
    if (!expected) invalid++;
    if (hasOnlyValidCharacters(text) !== expected) t.fail(`disagrees on ${JSON.stringify(text)}`);
  }
  t.true(invalid > 500 && invalid < 4500, `both outcomes drawn (${invalid} invalid of 5000)`);
});
