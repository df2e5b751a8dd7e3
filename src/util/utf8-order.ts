/**
 * Compares strings by the UTF-8 bytes they encode to, which is code point order: the order S3
 * lists keys in and the order LevelDB stores them in. JS `<` compares UTF-16 code units instead,
 * which disagrees when one side has a surrogate pair (U+10000 and up, stored as 0xD800–0xDFFF)
 * and the other a BMP char in 0xE000–0xFFFF: '\u{1F600}' < '\uFFFD' in JS, but not in UTF-8.
 * The fix-up at the first differing unit (the one ICU uses) moves surrogates above 0xFFFF.
 * No allocation: the listing index binary-searches with it.
 */
const fixup = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? fixup(x) - fixup(y) : x - y;
  }
  return a.length - b.length;
}
