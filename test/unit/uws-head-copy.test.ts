/**
 * HeadCopy keeps the header names of an earlier head and skips the repeat look-up for names that
 * match them in order (src/server/uws-head-copy.ts). Whatever the heads before, every copy must
 * be what a plain copy gives: repeated headers joined with ', ', the byte count of the head.
 */
import test from 'ava';
import { HeadCopy } from '../../src/server/uws-head-copy.js';

type Head = Array<[string, string]>;

/** The copy as HeadCopy makes it; names are made anew each time, as uWS does. */
function copy(head: HeadCopy, pairs: Head): { headers: Record<string, string>; bytes: number } {
  const headers: Record<string, string> = {};
  head.begin(headers, 10);
  for (const [name, value] of pairs) head.add(name.split('').join(''), value);
  return { headers, bytes: head.end() };
}

/** What any head must give. */
function plain(pairs: Head): { headers: Record<string, string>; bytes: number } {
  const headers: Record<string, string> = {};
  let bytes = 10;
  for (const [name, value] of pairs) {
    bytes += name.length + value.length + 4;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { headers, bytes };
}

const SDK: Head = [['host', 'h'], ['x-amz-target', 'DynamoDB_20120810.GetItem'], ['content-type', 'application/x-amz-json-1.0'], ['content-length', '12']];

const SEQUENCES: Record<string, Head[]> = {
  'the same head again': [SDK, SDK, SDK],
  'a repeat of a kept name after the kept head': [SDK, [...SDK, ['host', 'again']], SDK],
  'a repeat inside the kept head\'s length': [SDK, [['host', 'a'], ['host', 'b'], ['content-type', 'c'], ['content-length', '1']], SDK],
  'a head with a repeat is not kept': [[['a', '1'], ['a', '2']], [['a', '3'], ['a', '4']], [['a', '5']], [['a', '6'], ['a', '7']]],
  'fewer headers, then more': [SDK, SDK.slice(0, 2), SDK, [...SDK, ['x-extra', '1']], [...SDK, ['x-extra', '2'], ['x-extra', '3']]],
  'another order': [SDK, [...SDK].reverse(), SDK, [...SDK].reverse(), [...SDK].reverse()],
  'names that are array indices': [[['host', 'h'], ['1', 'x']], [['host', 'h'], ['1', 'y'], ['1', 'z']], [['host', 'h'], ['1', 'w']]],
  'no headers': [[], SDK, [], SDK],
  'a repeat at a kept position after a name that differed': [[['a', '1'], ['b', '2']], [['b', '3'], ['b', '4']], [['c', '5'], ['b', '6'], ['b', '7']]],
};

for (const [title, heads] of Object.entries(SEQUENCES)) {
  test(`head copy: ${title}`, (t) => {
    const head = new HeadCopy();
    for (const pairs of heads) {
      const got = copy(head, pairs);
      const want = plain(pairs);
      t.deepEqual(got.headers, want.headers);
      t.deepEqual(Object.keys(got.headers), Object.keys(want.headers));
      t.is(got.bytes, want.bytes);
    }
  });
}
