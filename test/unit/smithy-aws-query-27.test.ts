// The awsQuery protocol compliance cases of smithy-aws-protocol-tests that apply to a server,
// driven through src/protocols/query directly: the requests clients send (httpRequestTests) must
// decode to the test's params, and the responses a server writes (httpResponseTests) must be the
// test's XML. Source of every row: smithy-lang/smithy smithy-aws-protocol-tests/model/awsQuery/
// (input.smithy, input-lists.smithy, input-maps.smithy @b8295074, xml-structs.smithy,
// xml-lists.smithy, xml-maps.smithy, xml-errors.smithy). The smithy shapes are written here in the
// model layout boltstack generates (src/model/types.ts): @xmlName → locationName, @xmlFlattened →
// flattened, epoch-seconds → unixTimestamp, http-date → rfc822; the service is the tests'
// aws.protocoltests.query#AwsQuery (xmlNamespace https://example.com/, version 2020-01-08).
import test from 'ava';
import { AwsError } from '../../src/errors/aws-error.js';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import type { ProtocolContext, WireRequest } from '../../src/protocols/types.js';
import { parseXml } from '../../src/util/xml-parse.js';
import type { XmlElement } from '../../src/pool/types.js';

const query = getProtocol('query');

const S: Shape = {};
const str = (extra: Shape = {}): Shape => ({ shape: 'String', ...extra });
const op = (name: string, input?: Shape, output?: Shape): OperationModel => ({ name, http: { method: 'POST', requestUri: '/' }, input, output });

const shapes: Record<string, Shape> = {
  String: S,
  Integer: { type: 'integer' },
  Long: { type: 'long' },
  Float: { type: 'float' },
  Double: { type: 'double' },
  Boolean: { type: 'boolean' },
  Blob: { type: 'blob' },
  Timestamp: { type: 'timestamp' },
  EpochSeconds: { type: 'timestamp', timestampFormat: 'unixTimestamp' },
  StringList: { type: 'list', member: str() },
  IntegerList: { type: 'list', member: { shape: 'Integer' } },
  BooleanList: { type: 'list', member: { shape: 'Boolean' } },
  TimestampList: { type: 'list', member: { shape: 'Timestamp' } },
  NestedStringList: { type: 'list', member: { shape: 'StringList' } },
  ListWithXmlName: { type: 'list', member: str({ locationName: 'item' }) },
  StringMap: { type: 'map', key: str(), value: str() },
  MapWithXmlName: { type: 'map', key: str({ locationName: 'K' }), value: str({ locationName: 'V' }) },
  GreetingStruct: { type: 'structure', members: { hi: str() } },
  GreetingList: { type: 'list', member: { shape: 'GreetingStruct' } },
  ComplexMap: { type: 'map', key: str(), value: { shape: 'GreetingStruct' } },
  MapOfLists: { type: 'map', key: str(), value: { shape: 'StringList' } },
  StructArg: { type: 'structure', members: { StringArg: str(), OtherArg: { shape: 'Boolean' }, RecursiveArg: { shape: 'StructArg' } } },
  StructureList: { type: 'list', member: { shape: 'StructureListMember', locationName: 'item' } },
  StructureListMember: { type: 'structure', members: { a: str({ locationName: 'value' }), b: str({ locationName: 'other' }) } },
  Nested1: { type: 'structure', members: { foo: str(), nested: { shape: 'Nested2' } } },
  Nested2: { type: 'structure', members: { bar: str(), recursiveMember: { shape: 'Nested1' } } },
  ComplexNestedErrorData: { type: 'structure', members: { Foo: str() } },
};

const operations: Record<string, OperationModel> = {
  SimpleInputParams: op('SimpleInputParams', { type: 'structure', members: {
    Foo: str(), Bar: str(), Baz: { shape: 'Boolean' }, Bam: { shape: 'Integer' }, Boo: { shape: 'Double' }, Qux: { shape: 'Blob' }, FooEnum: str(),
  } }),
  QueryTimestamps: op('QueryTimestamps', { type: 'structure', members: {
    normalFormat: { shape: 'Timestamp' }, epochMember: { shape: 'Timestamp', timestampFormat: 'unixTimestamp' }, epochTarget: { shape: 'EpochSeconds' },
  } }),
  NestedStructures: op('NestedStructures', { type: 'structure', members: { Nested: { shape: 'StructArg' } } }),
  QueryLists: op('QueryLists', { type: 'structure', members: {
    ListArg: { shape: 'StringList' }, ComplexListArg: { shape: 'GreetingList' },
    FlattenedListArg: { shape: 'StringList', flattened: true },
    ListArgWithXmlNameMember: { shape: 'ListWithXmlName' },
    FlattenedListArgWithXmlName: { shape: 'ListWithXmlName', flattened: true, locationName: 'Hi' },
    NestedWithList: { type: 'structure', members: { ListArg: { shape: 'StringList' } } },
  } }),
  QueryMaps: op('QueryMaps', { type: 'structure', members: {
    MapArg: { shape: 'StringMap' }, RenamedMapArg: { shape: 'StringMap', locationName: 'Foo' }, ComplexMapArg: { shape: 'ComplexMap' },
    MapWithXmlMemberName: { shape: 'MapWithXmlName' }, FlattenedMap: { shape: 'StringMap', flattened: true },
    FlattenedMapWithXmlName: { shape: 'MapWithXmlName', flattened: true, locationName: 'Hi' }, MapOfLists: { shape: 'MapOfLists' },
    NestedStructWithMap: { type: 'structure', members: { MapArg: { shape: 'StringMap' } } },
  } }),
  SimpleScalarXmlProperties: op('SimpleScalarXmlProperties', undefined, { type: 'structure', members: {
    stringValue: str(), emptyStringValue: str(), trueBooleanValue: { shape: 'Boolean' }, falseBooleanValue: { shape: 'Boolean' },
    byteValue: { shape: 'Integer' }, shortValue: { shape: 'Integer' }, integerValue: { shape: 'Integer' }, longValue: { shape: 'Long' },
    floatValue: { shape: 'Float' }, doubleValue: { shape: 'Double', locationName: 'DoubleDribble' },
  } }),
  XmlBlobs: op('XmlBlobs', undefined, { type: 'structure', members: { data: { shape: 'Blob' } } }),
  XmlTimestamps: op('XmlTimestamps', undefined, { type: 'structure', members: {
    normal: { shape: 'Timestamp' }, dateTime: { shape: 'Timestamp', timestampFormat: 'iso8601' },
    epochSeconds: { shape: 'Timestamp', timestampFormat: 'unixTimestamp' }, httpDate: { shape: 'Timestamp', timestampFormat: 'rfc822' },
  } }),
  RecursiveXmlShapes: op('RecursiveXmlShapes', undefined, { type: 'structure', members: { nested: { shape: 'Nested1' } } }),
  XmlLists: op('XmlLists', undefined, { type: 'structure', members: {
    stringList: { shape: 'StringList' }, integerList: { shape: 'IntegerList' }, booleanList: { shape: 'BooleanList' },
    timestampList: { shape: 'TimestampList' }, nestedStringList: { shape: 'NestedStringList' },
    renamedListMembers: { shape: 'ListWithXmlName', locationName: 'renamed' },
    flattenedList: { shape: 'ListWithXmlName', flattened: true },
    flattenedList2: { shape: 'ListWithXmlName', flattened: true, locationName: 'customName' },
    structureList: { shape: 'StructureList', locationName: 'myStructureList' },
  } }),
  XmlMaps: op('XmlMaps', undefined, { type: 'structure', members: {
    myMap: { type: 'map', key: str(), value: { shape: 'GreetingStruct' } },
  } }),
  XmlMapsXmlName: op('XmlMapsXmlName', undefined, { type: 'structure', members: {
    myMap: { type: 'map', key: str({ locationName: 'Attribute' }), value: { shape: 'GreetingStruct', locationName: 'Setting' } },
  } }),
  FlattenedXmlMap: op('FlattenedXmlMap', undefined, { type: 'structure', members: { myMap: { shape: 'StringMap', flattened: true } } }),
  FlattenedXmlMapWithXmlName: op('FlattenedXmlMapWithXmlName', undefined, { type: 'structure', members: {
    myMap: { type: 'map', key: str({ locationName: 'K' }), value: str({ locationName: 'V' }), flattened: true, locationName: 'KVP' },
  } }),
  GreetingWithErrors: op('GreetingWithErrors', undefined, { type: 'structure', members: { greeting: str() } }),
};

// 'sns': the query service whose malformed-value code is the generic InvalidParameterValue.
const model: ServiceModel = {
  service: 'sns', serviceId: 'Query Protocol', apiVersion: '2020-01-08', protocol: 'query', protocols: ['query'],
  xmlNamespace: 'https://example.com/', signingName: 'awsquery', operations, shapes,
};

const ctx = (operation: string): ProtocolContext => ({ model, operation: operations[operation]!, requestId: 'foo-id' });

/** A form body as a smithy test writes it: one parameter a line, joined. */
const form = (body: string): WireRequest => ({
  method: 'POST', path: '/', query: '',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: Buffer.from(body.replace(/\s*\n\s*/g, '')),
});

// ---------------------------------------------------------------- requests: what a server decodes

const requestCases: Array<{ id: string; operation: string; body: string; params: Record<string, unknown> }> = [
  // input.smithy
  { id: 'QuerySimpleInputParamsStrings', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Bar=val2', params: { Foo: 'val1', Bar: 'val2' } },
  { id: 'QuerySimpleInputParamsStringAndBooleanTrue', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Baz=true', params: { Foo: 'val1', Baz: true } },
  { id: 'QuerySimpleInputParamsStringsAndBooleanFalse', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Baz=false', params: { Baz: false } },
  { id: 'QuerySimpleInputParamsInteger', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Bam=10', params: { Bam: 10 } },
  { id: 'QuerySimpleInputParamsFloat', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Boo=10.8', params: { Boo: 10.8 } },
  { id: 'QuerySimpleInputParamsBlob', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&Qux=dmFsdWU%3D', params: { Qux: Buffer.from('value') } },
  { id: 'QueryEnums', operation: 'SimpleInputParams', body: 'Action=SimpleInputParams&Version=2020-01-08&FooEnum=Foo', params: { FooEnum: 'Foo' } },
  {
    id: 'QueryTimestampsInput', operation: 'QueryTimestamps',
    body: 'Action=QueryTimestamps&Version=2020-01-08&normalFormat=2015-01-25T08%3A00%3A00Z&epochMember=1422172800&epochTarget=1422172800',
    params: { normalFormat: new Date(1422172800_000), epochMember: new Date(1422172800_000), epochTarget: new Date(1422172800_000) },
  },
  {
    id: 'NestedStructures', operation: 'NestedStructures',
    body: 'Action=NestedStructures&Version=2020-01-08&Nested.StringArg=foo&Nested.OtherArg=true&Nested.RecursiveArg.StringArg=baz',
    params: { Nested: { StringArg: 'foo', OtherArg: true, RecursiveArg: { StringArg: 'baz' } } },
  },
  // input-lists.smithy
  {
    id: 'QueryLists', operation: 'QueryLists',
    body: 'Action=QueryLists&Version=2020-01-08&ListArg.member.1=foo&ListArg.member.2=bar&ListArg.member.3=baz&ComplexListArg.member.1.hi=hello&ComplexListArg.member.2.hi=hola',
    params: { ListArg: ['foo', 'bar', 'baz'], ComplexListArg: [{ hi: 'hello' }, { hi: 'hola' }] },
  },
  { id: 'EmptyQueryLists', operation: 'QueryLists', body: 'Action=QueryLists&Version=2020-01-08&ListArg=', params: { ListArg: [] } },
  { id: 'FlattenedQueryLists', operation: 'QueryLists', body: 'Action=QueryLists&Version=2020-01-08&FlattenedListArg.1=A&FlattenedListArg.2=B', params: { FlattenedListArg: ['A', 'B'] } },
  {
    id: 'QueryListArgWithXmlNameMember', operation: 'QueryLists',
    body: 'Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.item.1=A&ListArgWithXmlNameMember.item.2=B', params: { ListArgWithXmlNameMember: ['A', 'B'] },
  },
  { id: 'QueryFlattenedListArgWithXmlName', operation: 'QueryLists', body: 'Action=QueryLists&Version=2020-01-08&Hi.1=A&Hi.2=B', params: { FlattenedListArgWithXmlName: ['A', 'B'] } },
  {
    id: 'QueryNestedStructWithList', operation: 'QueryLists',
    body: 'Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.member.1=A&NestedWithList.ListArg.member.2=B', params: { NestedWithList: { ListArg: ['A', 'B'] } },
  },
  // input-maps.smithy (@b8295074: the older revision sent two entries both numbered 1)
  {
    id: 'QuerySimpleQueryMaps', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&MapArg.entry.1.key=bar&MapArg.entry.1.value=Bar&MapArg.entry.2.key=foo&MapArg.entry.2.value=Foo',
    params: { MapArg: { bar: 'Bar', foo: 'Foo' } },
  },
  { id: 'QuerySimpleQueryMapsWithXmlName', operation: 'QueryMaps', body: 'Action=QueryMaps&Version=2020-01-08&Foo.entry.1.key=foo&Foo.entry.1.value=Foo', params: { RenamedMapArg: { foo: 'Foo' } } },
  {
    id: 'QueryComplexQueryMaps', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&ComplexMapArg.entry.1.key=bar&ComplexMapArg.entry.1.value.hi=Bar&ComplexMapArg.entry.2.key=foo&ComplexMapArg.entry.2.value.hi=Foo',
    params: { ComplexMapArg: { bar: { hi: 'Bar' }, foo: { hi: 'Foo' } } },
  },
  // QueryEmptyQueryMaps: the client sends nothing for an empty map, so the server reads no member.
  { id: 'QueryEmptyQueryMaps', operation: 'QueryMaps', body: 'Action=QueryMaps&Version=2020-01-08', params: {} },
  {
    id: 'QueryQueryMapWithMemberXmlName', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&MapWithXmlMemberName.entry.1.K=bar&MapWithXmlMemberName.entry.1.V=Bar&MapWithXmlMemberName.entry.2.K=foo&MapWithXmlMemberName.entry.2.V=Foo',
    params: { MapWithXmlMemberName: { bar: 'Bar', foo: 'Foo' } },
  },
  {
    id: 'QueryFlattenedQueryMaps', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&FlattenedMap.1.key=bar&FlattenedMap.1.value=Bar&FlattenedMap.2.key=foo&FlattenedMap.2.value=Foo',
    params: { FlattenedMap: { bar: 'Bar', foo: 'Foo' } },
  },
  {
    id: 'QueryFlattenedQueryMapsWithXmlName', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&Hi.1.K=bar&Hi.1.V=Bar&Hi.2.K=foo&Hi.2.V=Foo',
    params: { FlattenedMapWithXmlName: { bar: 'Bar', foo: 'Foo' } },
  },
  {
    id: 'QueryQueryMapOfLists', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&MapOfLists.entry.1.key=bar&MapOfLists.entry.1.value.member.1=C&MapOfLists.entry.1.value.member.2=D&MapOfLists.entry.2.key=foo&MapOfLists.entry.2.value.member.1=A&MapOfLists.entry.2.value.member.2=B',
    params: { MapOfLists: { bar: ['C', 'D'], foo: ['A', 'B'] } },
  },
  {
    id: 'QueryNestedStructWithMap', operation: 'QueryMaps',
    body: 'Action=QueryMaps&Version=2020-01-08&NestedStructWithMap.MapArg.entry.1.key=bar&NestedStructWithMap.MapArg.entry.1.value=Bar&NestedStructWithMap.MapArg.entry.2.key=foo&NestedStructWithMap.MapArg.entry.2.value=Foo',
    params: { NestedStructWithMap: { MapArg: { bar: 'Bar', foo: 'Foo' } } },
  },
];

for (const c of requestCases) {
  test(`awsQuery request ${c.id} decodes to the test's params`, (t) => {
    t.deepEqual(query.decode(ctx(c.operation), form(c.body), {}), c.params);
  });
}

// --------------------------------------------------------------- responses: what a server writes

interface Tree { name: string; attributes: Record<string, string>; text: string; children: Tree[] }

/** Element names, attributes, text and order; whitespace between elements and `<a/>` vs `<a></a>` do not count. */
function canonical(xml: string): Tree {
  const walk = (e: XmlElement): Tree => ({
    name: e.name, attributes: e.attributes, text: e.children.length > 0 ? e.text.trim() : e.text, children: e.children.map(walk),
  });
  return walk(parseXml(Buffer.from(xml)));
}

/** The `<OpResult>` element of a response: the part a smithy response test fixes (RequestId aside). */
function result(xml: string, operation: string): Tree {
  const root = canonical(xml);
  const found = root.children.find((c) => c.name === `${operation}Result`);
  if (found === undefined) throw new Error(`no ${operation}Result in ${xml}`);
  return found;
}

const responseCases: Array<{ id: string; operation: string; params: Record<string, unknown>; body: string }> = [
  {
    id: 'QuerySimpleScalarProperties', operation: 'SimpleScalarXmlProperties',
    params: { stringValue: 'string', emptyStringValue: '', trueBooleanValue: true, falseBooleanValue: false, byteValue: 1, shortValue: 2, integerValue: 3, longValue: 4, floatValue: 5.5, doubleValue: 6.5 },
    body: `<SimpleScalarXmlPropertiesResponse xmlns="https://example.com/"><SimpleScalarXmlPropertiesResult>
      <stringValue>string</stringValue><emptyStringValue/><trueBooleanValue>true</trueBooleanValue><falseBooleanValue>false</falseBooleanValue>
      <byteValue>1</byteValue><shortValue>2</shortValue><integerValue>3</integerValue><longValue>4</longValue>
      <floatValue>5.5</floatValue><DoubleDribble>6.5</DoubleDribble>
      </SimpleScalarXmlPropertiesResult></SimpleScalarXmlPropertiesResponse>`,
  },
  {
    id: 'QueryXmlBlobs', operation: 'XmlBlobs', params: { data: Buffer.from('value') },
    body: '<XmlBlobsResponse xmlns="https://example.com/"><XmlBlobsResult><data>dmFsdWU=</data></XmlBlobsResult></XmlBlobsResponse>',
  },
  {
    id: 'QueryXmlTimestampsWithEpochSecondsFormat', operation: 'XmlTimestamps', params: { epochSeconds: new Date(1398796238_000) },
    body: '<XmlTimestampsResponse xmlns="https://example.com/"><XmlTimestampsResult><epochSeconds>1398796238</epochSeconds></XmlTimestampsResult></XmlTimestampsResponse>',
  },
  {
    id: 'QueryXmlTimestampsWithHttpDateFormat', operation: 'XmlTimestamps', params: { httpDate: new Date(1398796238_000) },
    body: '<XmlTimestampsResponse xmlns="https://example.com/"><XmlTimestampsResult><httpDate>Tue, 29 Apr 2014 18:30:38 GMT</httpDate></XmlTimestampsResult></XmlTimestampsResponse>',
  },
  {
    id: 'QueryRecursiveShapes', operation: 'RecursiveXmlShapes',
    params: { nested: { foo: 'Foo1', nested: { bar: 'Bar1', recursiveMember: { foo: 'Foo2', nested: { bar: 'Bar2' } } } } },
    body: `<RecursiveXmlShapesResponse xmlns="https://example.com/"><RecursiveXmlShapesResult><nested><foo>Foo1</foo><nested><bar>Bar1</bar>
      <recursiveMember><foo>Foo2</foo><nested><bar>Bar2</bar></nested></recursiveMember></nested></nested>
      </RecursiveXmlShapesResult></RecursiveXmlShapesResponse>`,
  },
  {
    // stringSet and enumList left out: boltstack's models carry no set or enum shape of their own.
    // timestampList: written with milliseconds, see the timestamp test below.
    id: 'QueryXmlLists', operation: 'XmlLists',
    params: {
      stringList: ['foo', 'bar'], integerList: [1, 2], booleanList: [true, false],
      nestedStringList: [['foo', 'bar'], ['baz', 'qux']], renamedListMembers: ['foo', 'bar'],
      flattenedList: ['hi', 'bye'], flattenedList2: ['yep', 'nope'], structureList: [{ a: '1', b: '2' }, { a: '3', b: '4' }],
    },
    body: `<XmlListsResponse xmlns="https://example.com/"><XmlListsResult>
      <stringList><member>foo</member><member>bar</member></stringList>
      <integerList><member>1</member><member>2</member></integerList>
      <booleanList><member>true</member><member>false</member></booleanList>
      <nestedStringList><member><member>foo</member><member>bar</member></member><member><member>baz</member><member>qux</member></member></nestedStringList>
      <renamed><item>foo</item><item>bar</item></renamed>
      <flattenedList>hi</flattenedList><flattenedList>bye</flattenedList>
      <customName>yep</customName><customName>nope</customName>
      <myStructureList><item><value>1</value><other>2</other></item><item><value>3</value><other>4</other></item></myStructureList>
      </XmlListsResult></XmlListsResponse>`,
  },
  {
    id: 'QueryXmlMaps', operation: 'XmlMaps', params: { myMap: { foo: { hi: 'there' }, baz: { hi: 'bye' } } },
    body: `<XmlMapsResponse xmlns="https://example.com/"><XmlMapsResult><myMap>
      <entry><key>foo</key><value><hi>there</hi></value></entry><entry><key>baz</key><value><hi>bye</hi></value></entry>
      </myMap></XmlMapsResult></XmlMapsResponse>`,
  },
  {
    id: 'QueryQueryXmlMapsXmlName', operation: 'XmlMapsXmlName', params: { myMap: { foo: { hi: 'there' }, baz: { hi: 'bye' } } },
    body: `<XmlMapsXmlNameResponse xmlns="https://example.com/"><XmlMapsXmlNameResult><myMap>
      <entry><Attribute>foo</Attribute><Setting><hi>there</hi></Setting></entry><entry><Attribute>baz</Attribute><Setting><hi>bye</hi></Setting></entry>
      </myMap></XmlMapsXmlNameResult></XmlMapsXmlNameResponse>`,
  },
  {
    id: 'QueryQueryFlattenedXmlMap', operation: 'FlattenedXmlMap', params: { myMap: { foo: 'Foo', baz: 'Baz' } },
    body: `<FlattenedXmlMapResponse xmlns="https://example.com/"><FlattenedXmlMapResult>
      <myMap><key>foo</key><value>Foo</value></myMap><myMap><key>baz</key><value>Baz</value></myMap>
      </FlattenedXmlMapResult></FlattenedXmlMapResponse>`,
  },
  {
    id: 'QueryQueryFlattenedXmlMapWithXmlName', operation: 'FlattenedXmlMapWithXmlName', params: { myMap: { a: 'A', b: 'B' } },
    body: `<FlattenedXmlMapWithXmlNameResponse xmlns="https://example.com/"><FlattenedXmlMapWithXmlNameResult>
      <KVP><K>a</K><V>A</V></KVP><KVP><K>b</K><V>B</V></KVP>
      </FlattenedXmlMapWithXmlNameResult></FlattenedXmlMapWithXmlNameResponse>`,
  },
  {
    id: 'QueryGreetingWithErrors', operation: 'GreetingWithErrors', params: { greeting: 'Hello' },
    body: '<GreetingWithErrorsResponse xmlns="https://example.com/"><GreetingWithErrorsResult><greeting>Hello</greeting></GreetingWithErrorsResult></GreetingWithErrorsResponse>',
  },
];

for (const c of responseCases) {
  test(`awsQuery response ${c.id} is written as the test's XML`, (t) => {
    const wire = query.encode(ctx(c.operation), c.params);
    t.is(wire.status, 200);
    t.is(wire.headers['content-type'], 'text/xml');
    const ours = canonical(String(wire.body));
    t.is(ours.name, `${c.operation}Response`);
    t.is(ours.attributes.xmlns, 'https://example.com/');
    t.deepEqual(result(String(wire.body), c.operation), result(c.body, c.operation));
  });
}

// QueryXmlTimestamps / QueryXmlTimestampsWithDateTimeFormat / timestampList in QueryXmlLists: the
// test writes 2014-04-29T18:30:38Z; boltstack writes the same instant with milliseconds, as the
// query services write their own timestamps (STS Credentials.Expiration "…T23:28:33.359Z" in the
// AssumeRole API reference sample). Both are RFC 3339 date-times; the instant must match.
test('awsQuery response QueryXmlTimestamps: the date-time members hold the test\'s instant', (t) => {
  const when = new Date(1398796238_000);
  const body = String(query.encode(ctx('XmlTimestamps'), { normal: when, dateTime: when }).body);
  const r = result(body, 'XmlTimestamps');
  t.deepEqual(r.children.map((c) => c.name), ['normal', 'dateTime']);
  for (const c of r.children) t.is(Date.parse(c.text), Date.parse('2014-04-29T18:30:38Z'));
  const list = result(String(query.encode(ctx('XmlLists'), { timestampList: [when, when] }).body), 'XmlLists');
  t.deepEqual(list.children[0]!.children.map((c) => [c.name, Date.parse(c.text)]), [['member', 1398796238_000], ['member', 1398796238_000]]);
});

// ------------------------------------------------------------------ errors: <ErrorResponse> shapes

const errorCases: Array<{ id: string; error: AwsError; status: number; body: string }> = [
  {
    id: 'QueryInvalidGreetingError', status: 400,
    error: new AwsError({ code: 'InvalidGreeting', status: 400, message: 'Hi' }),
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message></Error><RequestId>foo-id</RequestId></ErrorResponse>',
  },
  {
    // The awsQueryError trait: the code and status written are the trait's (AwsError.queryCode).
    id: 'QueryCustomizedError', status: 402,
    error: new AwsError({ code: 'CustomCodeError', queryCode: 'Customized', status: 402, message: 'Hi' }),
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>Customized</Code><Message>Hi</Message></Error><RequestId>foo-id</RequestId></ErrorResponse>',
  },
  {
    id: 'QueryComplexError (top-level member)', status: 400,
    error: new AwsError({ code: 'ComplexError', status: 400, message: 'Hi', fields: { TopLevel: 'Top level' } }),
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>ComplexError</Code><Message>Hi</Message><TopLevel>Top level</TopLevel></Error><RequestId>foo-id</RequestId></ErrorResponse>',
  },
];

for (const c of errorCases) {
  test(`awsQuery error ${c.id} is an <ErrorResponse> as the test writes it`, (t) => {
    const wire = query.encodeError({ model, operation: operations.GreetingWithErrors, requestId: 'foo-id', method: 'POST' }, c.error);
    t.is(wire.status, c.status);
    t.is(wire.headers['content-type'], 'text/xml');
    const ours = canonical(String(wire.body));
    // The smithy body leaves the service namespace out; AWS's own error documents carry it
    // (docs.aws.amazon.com SQS "Structure of an error response"), so only the tree is compared.
    const { xmlns: _ns, ...attributes } = ours.attributes;
    t.deepEqual({ ...ours, attributes }, canonical(c.body));
  });
}

// ------------------------------------------- a percent escape that is not UTF-8 (not from smithy)

// aws/aws-sdk-go#339 (2015-08-06): SendMessage over the query protocol with a one-byte body of
// 0x80..0xFF (sent as %80..%FF) was taken by SQS, which answered 200 with an MD5OfMessageBody
// that is not the MD5 of that byte (the SDK's InvalidChecksum). So such a value is not a
// malformed request: the decoder reads it without error. What SQS stores in its place is not
// recorded, so only the refusal is ruled out here.
test('a value holding a percent escape that is not UTF-8 decodes without error, as SQS took one (aws-sdk-go#339)', (t) => {
  const decoded = query.decode(ctx('SimpleInputParams'), form('Action=SimpleInputParams&Version=2020-01-08&Foo=%FF&Bar=ok'), {});
  t.is(typeof decoded.Foo, 'string');
  t.not(decoded.Foo, '');
  t.is(decoded.Bar, 'ok');
});
