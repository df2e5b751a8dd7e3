// The restXml document-list cases of smithy-aws-protocol-tests, both directions (smithy-lang/smithy
// smithy-aws-protocol-tests/model/restXml/document-lists.smithy @00d1173): the XmlLists and
// XmlEmptyLists request bodies decode to the test's params, and the XmlLists output is written as
// the test's document. stringSet and enumList are plain string lists here (boltstack's models
// carry no set or enum shape of their own). The service is labelled 's3' only because rest-xml
// serves S3.
import test from 'ava';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import type { WireRequest } from '../../src/protocols/types.js';
import { parseXml } from '../../src/util/xml-parse.js';
import type { XmlElement } from '../../src/pool/types.js';

const rest = getProtocol('rest-xml');

const renamed: Shape = { type: 'list', member: { locationName: 'item' } };
const io: Shape = {
  type: 'structure', locationName: 'XmlListsInputOutput', members: {
    stringList: { type: 'list', member: {} }, stringSet: { type: 'list', member: {} },
    integerList: { type: 'list', member: { type: 'integer' } }, booleanList: { type: 'list', member: { type: 'boolean' } },
    timestampList: { type: 'list', member: { type: 'timestamp' } }, enumList: { type: 'list', member: {} },
    nestedStringList: { type: 'list', member: { type: 'list', member: {} } },
    renamedListMembers: { ...renamed, locationName: 'renamed' },
    flattenedList: { ...renamed, flattened: true },
    flattenedList2: { ...renamed, flattened: true, locationName: 'customName' },
    structureList: {
      type: 'list', locationName: 'myStructureList',
      member: { type: 'structure', locationName: 'item', members: { a: { locationName: 'value' }, b: { locationName: 'other' } } },
    },
  },
};
const operation: OperationModel = { name: 'XmlLists', http: { method: 'PUT', requestUri: '/XmlLists' }, input: io, output: io };
const model: ServiceModel = {
  service: 's3', serviceId: 'Rest Xml Protocol', apiVersion: '2019-12-16', protocol: 'rest-xml', protocols: ['rest-xml'],
  signingName: 'restxml', operations: { XmlLists: operation }, shapes: {},
};

const DOCUMENT = `<XmlListsInputOutput>
  <stringList><member>foo</member><member>bar</member></stringList>
  <stringSet><member>foo</member><member>bar</member></stringSet>
  <integerList><member>1</member><member>2</member></integerList>
  <booleanList><member>true</member><member>false</member></booleanList>
  <timestampList><member>2014-04-29T18:30:38Z</member><member>2014-04-29T18:30:38Z</member></timestampList>
  <enumList><member>Foo</member><member>0</member></enumList>
  <nestedStringList><member><member>foo</member><member>bar</member></member><member><member>baz</member><member>qux</member></member></nestedStringList>
  <renamed><item>foo</item><item>bar</item></renamed>
  <flattenedList>hi</flattenedList><flattenedList>bye</flattenedList>
  <customName>yep</customName><customName>nope</customName>
  <myStructureList><item><value>1</value><other>2</other></item><item><value>3</value><other>4</other></item></myStructureList>
</XmlListsInputOutput>`;

const WHEN = new Date(1398796238_000);
const PARAMS = {
  stringList: ['foo', 'bar'], stringSet: ['foo', 'bar'], integerList: [1, 2], booleanList: [true, false],
  timestampList: [WHEN, WHEN], enumList: ['Foo', '0'], nestedStringList: [['foo', 'bar'], ['baz', 'qux']],
  renamedListMembers: ['foo', 'bar'], flattenedList: ['hi', 'bye'], flattenedList2: ['yep', 'nope'],
  structureList: [{ a: '1', b: '2' }, { a: '3', b: '4' }],
};

const put = (body: string): WireRequest => ({ method: 'PUT', path: '/XmlLists', query: '', headers: { 'content-type': 'application/xml' }, body: Buffer.from(body) });
const ctx = { model, operation, requestId: 'r' };

test('restXml request XmlLists decodes to the test\'s params', (t) => {
  t.deepEqual(rest.decode(ctx, put(DOCUMENT), {}), PARAMS);
});

test('restXml request XmlEmptyLists: empty wrapped lists are empty lists', (t) => {
  t.deepEqual(rest.decode(ctx, put('<XmlListsInputOutput><stringList></stringList><stringSet></stringSet></XmlListsInputOutput>'), {}), { stringList: [], stringSet: [] });
});

interface Tree { name: string; text: string; children: Tree[] }
const tree = (e: XmlElement): Tree => ({ name: e.name, text: e.children.length > 0 ? '' : e.text, children: e.children.map(tree) });

test('restXml response XmlLists is written as the test\'s document (timestamps: same instant, with milliseconds)', (t) => {
  const wire = rest.encode(ctx, PARAMS);
  const ours = tree(parseXml(Buffer.from(String(wire.body))));
  const expected = tree(parseXml(Buffer.from(DOCUMENT)));
  // boltstack writes date-times with milliseconds, as in every XML body (timestamps.ts).
  const timestamps = ours.children.find((c) => c.name === 'timestampList')!;
  for (const m of timestamps.children) {
    t.is(Date.parse(m.text), WHEN.getTime());
    m.text = '2014-04-29T18:30:38Z';
  }
  t.deepEqual(ours, expected);
});
