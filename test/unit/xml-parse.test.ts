// parseXml: the pure sax-based parser used inline and by the worker pool.
import test from 'ava';
import { parseXml, XmlParseError } from '../../src/util/xml-parse.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('elements, attributes, text, CDATA and entities', (t) => {
  const root = parseXml(bytes('<?xml version="1.0"?>\n<A xmlns="urn:x"><B id="1">x &amp; y</B><C><![CDATA[<raw>]]></C><B/></A>'));
  t.is(root.name, 'A');
  t.is(root.attributes.xmlns, 'urn:x');
  t.deepEqual(root.children.map((c) => c.name), ['B', 'C', 'B']);
  t.is(root.children[0]!.attributes.id, '1');
  t.is(root.children[0]!.text, 'x & y');
  t.is(root.children[1]!.text, '<raw>');
  t.is(root.children[2]!.text, '');
});

test('keeps significant whitespace and CR/LF character references in text', (t) => {
  const root = parseXml(bytes('<Key> a&#13;&#10;b </Key>'));
  t.is(root.text, ' a\r\nb ');
});

for (const [name, xml] of [
  ['unclosed element', '<A><B></A>'],
  ['no root', '   '],
  ['two roots', '<A/><B/>'],
  ['text after root', '<A/>junk'],
  ['bad entity', '<A>&nope;</A>'],
  ['not xml', '{"json": true}'],
] as const) {
  test(`malformed: ${name}`, (t) => {
    t.throws(() => parseXml(bytes(xml)), { instanceOf: XmlParseError });
  });
}

test('invalid UTF-8 is refused', (t) => {
  t.throws(() => parseXml(new Uint8Array([0x3c, 0x41, 0x3e, 0xff, 0x3c, 0x2f, 0x41, 0x3e])), { instanceOf: XmlParseError });
});

test('nesting deeper than 100 levels is refused', (t) => {
  t.notThrows(() => parseXml(bytes(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)));
  t.throws(() => parseXml(bytes(`${'<a>'.repeat(101)}${'</a>'.repeat(101)}`)), { instanceOf: XmlParseError, message: /nesting/ });
  t.throws(() => parseXml(bytes(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`)), { instanceOf: XmlParseError });
});

test('an absurd size is refused before parsing', (t) => {
  t.throws(() => parseXml(new Uint8Array(1024), { maxBytes: 1000 }), { instanceOf: XmlParseError, message: /exceeds/ });
});

test('a 10,000-part CompleteMultipartUpload parses', (t) => {
  const parts = Array.from({ length: 10_000 }, (_, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>"e${i}"</ETag></Part>`).join('');
  const root = parseXml(bytes(`<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`));
  t.is(root.children.length, 10_000);
  t.is(root.children[9_999]!.children[0]!.text, '10000');
});
