// The restXml header cases of smithy-aws-protocol-tests that apply to a server (smithy-lang/smithy
// smithy-aws-protocol-tests/model/restXml/http-headers.smithy @004af3f): request headers decode
// to the test's params, and output members are written as the test's headers. Shapes in
// boltstack's model layout; the service is labelled 's3' only because rest-xml serves S3.
import test from 'ava';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import type { ProtocolContext, WireRequest } from '../../src/protocols/types.js';

const rest = getProtocol('rest-xml');

const h = (name: string, shape: Shape): Shape => ({ ...shape, location: 'header', locationName: name });
const list = (member: Shape): Shape => ({ type: 'list', member });

const headersIO: Shape = {
  type: 'structure', members: {
    headerString: h('X-String', {}), headerByte: h('X-Byte', { type: 'integer' }), headerShort: h('X-Short', { type: 'integer' }),
    headerInteger: h('X-Integer', { type: 'integer' }), headerLong: h('X-Long', { type: 'long' }),
    headerFloat: h('X-Float', { type: 'float' }), headerDouble: h('X-Double', { type: 'double' }),
    headerTrueBool: h('X-Boolean1', { type: 'boolean' }), headerFalseBool: h('X-Boolean2', { type: 'boolean' }),
    headerStringList: h('X-StringList', list({})), headerStringSet: h('X-StringSet', list({})),
    headerIntegerList: h('X-IntegerList', list({ type: 'integer' })), headerBooleanList: h('X-BooleanList', list({ type: 'boolean' })),
    headerTimestampList: h('X-TimestampList', list({ type: 'timestamp' })),
    headerEnum: h('X-Enum', {}), headerEnumList: h('X-EnumList', list({})),
  },
};

const timestampsIO: Shape = {
  type: 'structure', members: {
    memberEpochSeconds: h('X-memberEpochSeconds', { type: 'timestamp', timestampFormat: 'unixTimestamp' }),
    memberHttpDate: h('X-memberHttpDate', { type: 'timestamp', timestampFormat: 'rfc822' }),
    memberDateTime: h('X-memberDateTime', { type: 'timestamp', timestampFormat: 'iso8601' }),
    defaultFormat: h('X-defaultFormat', { type: 'timestamp' }),
  },
};

const operations: Record<string, OperationModel> = {
  InputAndOutputWithHeaders: { name: 'InputAndOutputWithHeaders', http: { method: 'POST', requestUri: '/InputAndOutputWithHeaders' }, input: headersIO, output: headersIO },
  TimestampFormatHeaders: { name: 'TimestampFormatHeaders', http: { method: 'POST', requestUri: '/TimestampFormatHeaders' }, input: timestampsIO, output: timestampsIO },
};

const model: ServiceModel = {
  service: 's3', serviceId: 'Rest Xml Protocol', apiVersion: '2019-12-16', protocol: 'rest-xml', protocols: ['rest-xml'],
  xmlNamespace: 'https://example.com', signingName: 'restxml', operations, shapes: {},
};

const ctx = (operation: string): ProtocolContext => ({ model, operation: operations[operation]!, requestId: 'r' });
const request = (operation: string, headers: Record<string, string>): WireRequest => ({
  method: 'POST', path: `/${operation}`, query: '', body: Buffer.alloc(0),
  headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
});

const WHEN = new Date(1576540098_000);

const requestCases: Array<{ id: string; operation: string; headers: Record<string, string>; params: Record<string, unknown> }> = [
  { id: 'InputAndOutputWithStringHeaders', operation: 'InputAndOutputWithHeaders', headers: { 'X-String': 'Hello', 'X-StringList': 'a, b, c', 'X-StringSet': 'a, b, c' }, params: { headerString: 'Hello', headerStringList: ['a', 'b', 'c'], headerStringSet: ['a', 'b', 'c'] } },
  {
    id: 'InputAndOutputWithNumericHeaders', operation: 'InputAndOutputWithHeaders',
    headers: { 'X-Byte': '1', 'X-Short': '123', 'X-Integer': '123', 'X-Long': '123', 'X-Float': '1.1', 'X-Double': '1.1', 'X-IntegerList': '1, 2, 3' },
    params: { headerByte: 1, headerShort: 123, headerInteger: 123, headerLong: 123, headerFloat: 1.1, headerDouble: 1.1, headerIntegerList: [1, 2, 3] },
  },
  { id: 'InputAndOutputWithBooleanHeaders', operation: 'InputAndOutputWithHeaders', headers: { 'X-Boolean1': 'true', 'X-Boolean2': 'false', 'X-BooleanList': 'true, false, true' }, params: { headerTrueBool: true, headerFalseBool: false, headerBooleanList: [true, false, true] } },
  // An http-date holds a comma itself: the list's items are every second comma apart.
  { id: 'InputAndOutputWithTimestampHeaders', operation: 'InputAndOutputWithHeaders', headers: { 'X-TimestampList': 'Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT' }, params: { headerTimestampList: [WHEN, WHEN] } },
  { id: 'InputAndOutputWithEnumHeaders', operation: 'InputAndOutputWithHeaders', headers: { 'X-Enum': 'Foo', 'X-EnumList': 'Foo, Bar, Baz' }, params: { headerEnum: 'Foo', headerEnumList: ['Foo', 'Bar', 'Baz'] } },
  { id: 'RestXmlSupportsNaNFloatHeaderInputs', operation: 'InputAndOutputWithHeaders', headers: { 'X-Float': 'NaN', 'X-Double': 'NaN' }, params: { headerFloat: NaN, headerDouble: NaN } },
  { id: 'RestXmlSupportsInfinityFloatHeaderInputs', operation: 'InputAndOutputWithHeaders', headers: { 'X-Float': 'Infinity', 'X-Double': 'Infinity' }, params: { headerFloat: Infinity, headerDouble: Infinity } },
  { id: 'RestXmlSupportsNegativeInfinityFloatHeaderInputs', operation: 'InputAndOutputWithHeaders', headers: { 'X-Float': '-Infinity', 'X-Double': '-Infinity' }, params: { headerFloat: -Infinity, headerDouble: -Infinity } },
  {
    id: 'TimestampFormatHeaders', operation: 'TimestampFormatHeaders',
    headers: { 'X-memberEpochSeconds': '1576540098', 'X-memberHttpDate': 'Mon, 16 Dec 2019 23:48:18 GMT', 'X-memberDateTime': '2019-12-16T23:48:18Z', 'X-defaultFormat': 'Mon, 16 Dec 2019 23:48:18 GMT' },
    params: { memberEpochSeconds: WHEN, memberHttpDate: WHEN, memberDateTime: WHEN, defaultFormat: WHEN },
  },
];

for (const c of requestCases) {
  test(`restXml request ${c.id} decodes to the test's params`, (t) => {
    t.deepEqual(rest.decode(ctx(c.operation), request(c.operation, c.headers), {}), c.params);
  });
}

const responseCases: Array<{ id: string; operation: string; output: Record<string, unknown>; headers: Record<string, string> }> = [
  { id: 'InputAndOutputWithStringHeaders', operation: 'InputAndOutputWithHeaders', output: { headerString: 'Hello', headerStringList: ['a', 'b', 'c'], headerStringSet: ['a', 'b', 'c'] }, headers: { 'X-String': 'Hello', 'X-StringList': 'a, b, c', 'X-StringSet': 'a, b, c' } },
  {
    id: 'InputAndOutputWithNumericHeaders', operation: 'InputAndOutputWithHeaders',
    output: { headerByte: 1, headerShort: 123, headerInteger: 123, headerLong: 123, headerFloat: 1.1, headerDouble: 1.1, headerIntegerList: [1, 2, 3] },
    headers: { 'X-Byte': '1', 'X-Short': '123', 'X-Integer': '123', 'X-Long': '123', 'X-Float': '1.1', 'X-Double': '1.1', 'X-IntegerList': '1, 2, 3' },
  },
  { id: 'InputAndOutputWithBooleanHeaders', operation: 'InputAndOutputWithHeaders', output: { headerTrueBool: true, headerFalseBool: false, headerBooleanList: [true, false, true] }, headers: { 'X-Boolean1': 'true', 'X-Boolean2': 'false', 'X-BooleanList': 'true, false, true' } },
  { id: 'InputAndOutputWithTimestampHeaders', operation: 'InputAndOutputWithHeaders', output: { headerTimestampList: [WHEN, WHEN] }, headers: { 'X-TimestampList': 'Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT' } },
  { id: 'RestXmlSupportsNaNFloatHeaderOutputs', operation: 'InputAndOutputWithHeaders', output: { headerFloat: NaN, headerDouble: NaN }, headers: { 'X-Float': 'NaN', 'X-Double': 'NaN' } },
  { id: 'RestXmlSupportsInfinityFloatHeaderOutputs', operation: 'InputAndOutputWithHeaders', output: { headerFloat: Infinity, headerDouble: Infinity }, headers: { 'X-Float': 'Infinity', 'X-Double': 'Infinity' } },
  { id: 'RestXmlSupportsNegativeInfinityFloatHeaderOutputs', operation: 'InputAndOutputWithHeaders', output: { headerFloat: -Infinity, headerDouble: -Infinity }, headers: { 'X-Float': '-Infinity', 'X-Double': '-Infinity' } },
  {
    id: 'TimestampFormatHeaders', operation: 'TimestampFormatHeaders',
    output: { memberEpochSeconds: WHEN, memberHttpDate: WHEN, memberDateTime: WHEN, defaultFormat: WHEN },
    headers: { 'X-memberEpochSeconds': '1576540098', 'X-memberHttpDate': 'Mon, 16 Dec 2019 23:48:18 GMT', 'X-defaultFormat': 'Mon, 16 Dec 2019 23:48:18 GMT' },
  },
];

for (const c of responseCases) {
  test(`restXml response ${c.id} writes the test's headers`, (t) => {
    const wire = rest.encode(ctx(c.operation), c.output);
    for (const [name, value] of Object.entries(c.headers)) t.is(wire.headers[name.toLowerCase()], value, name);
  });
}

// TimestampFormatHeaders' date-time member: the test writes 2019-12-16T23:48:18Z; boltstack writes
// the same instant with milliseconds (timestamps.ts isoString), as in its XML bodies.
test('restXml response TimestampFormatHeaders: the date-time header holds the test\'s instant', (t) => {
  const wire = rest.encode(ctx('TimestampFormatHeaders'), { memberDateTime: WHEN });
  t.is(Date.parse(wire.headers['x-memberdatetime']!), Date.parse('2019-12-16T23:48:18Z'));
});
