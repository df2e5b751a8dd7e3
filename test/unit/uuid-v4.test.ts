/** UuidV4Source: RFC 9562 version 4 UUIDs (version and variant bits), distinct across pool refills. */
import test from 'ava';
import { UuidV4Source } from '../../src/util/uuid-v4.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('every id is a version 4 UUID, none repeats over many pool refills, and every hex digit shows up in every free position', (t) => {
  const ids = new UuidV4Source();
  const seen = new Set<string>();
  const digits = Array.from({ length: 36 }, () => new Set<string>());
  for (let i = 0; i < 50_000; i++) {
    const id = ids.next();
    if (!V4.test(id)) { t.fail(`not a v4 UUID: ${id}`); return; }
    seen.add(id);
    for (let j = 0; j < 36; j++) digits[j]!.add(id[j]!);
  }
  t.is(seen.size, 50_000);
  digits.forEach((d, j) => {
    const expected = [8, 13, 18, 23].includes(j) ? 1 : j === 14 ? 1 : j === 19 ? 4 : 16;
    t.is(d.size, expected, `position ${j}`);
  });
  t.not(new UuidV4Source().next(), new UuidV4Source().next(), 'two sources draw from separate random pools');
});
