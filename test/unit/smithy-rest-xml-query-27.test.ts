// The restXml query-string cases of smithy-aws-protocol-tests that apply to a server (smithy-lang/
// smithy smithy-aws-protocol-tests/model/restXml/http-query.smithy @004af3f): each request routes
// through src/protocols/rest-xml/router.ts and decodes to the test's params. Shapes in boltstack's
// model layout; the service is labelled 's3' only because rest-xml serves S3.
import test from 'ava';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import { matchRestOperation } from '../../src/protocols/rest-xml/router.js';

const rest = getProtocol('rest-xml');

const q = (name: string, shape: Shape): Shape => ({ ...shape, location: 'querystring', locationName: name });
const list = (member: Shape): Shape => ({ type: 'list', member });
const op = (name: string, method: string, requestUri: string, members: Record<string, Shape>, required: string[] = []): OperationModel => ({
  name, http: { method, requestUri }, input: { type: 'structure', required, members },
});

const operations: Record<string, OperationModel> = {
  AllQueryStringTypes: op('AllQueryStringTypes', 'GET', '/AllQueryStringTypesInput', {
    queryString: q('String', {}), queryStringList: q('StringList', list({})), queryStringSet: q('StringSet', list({})),
    queryByte: q('Byte', { type: 'integer' }), queryShort: q('Short', { type: 'integer' }), queryInteger: q('Integer', { type: 'integer' }),
    queryIntegerList: q('IntegerList', list({ type: 'integer' })), queryIntegerSet: q('IntegerSet', list({ type: 'integer' })),
    queryLong: q('Long', { type: 'long' }), queryFloat: q('Float', { type: 'float' }), queryDouble: q('Double', { type: 'double' }),
    queryDoubleList: q('DoubleList', list({ type: 'double' })), queryBoolean: q('Boolean', { type: 'boolean' }),
    queryBooleanList: q('BooleanList', list({ type: 'boolean' })), queryTimestamp: q('Timestamp', { type: 'timestamp' }),
    queryTimestampList: q('TimestampList', list({ type: 'timestamp' })), queryEnum: q('Enum', {}), queryEnumList: q('EnumList', list({})),
    queryParamsMapOfStrings: { type: 'map', key: {}, value: {}, location: 'querystring' },
  }),
  ConstantQueryString: op('ConstantQueryString', 'GET', '/ConstantQueryString/{hello}?foo=bar&hello', { hello: { location: 'uri', locationName: 'hello' } }, ['hello']),
  ConstantAndVariableQueryString: op('ConstantAndVariableQueryString', 'GET', '/ConstantAndVariableQueryString?foo=bar', { baz: q('baz', {}), maybeSet: q('maybeSet', {}) }),
  OmitsNullSerializesEmptyString: op('OmitsNullSerializesEmptyString', 'GET', '/OmitsNullSerializesEmptyString', { nullValue: q('Null', {}), emptyString: q('Empty', {}) }),
  QueryPrecedence: op('QueryPrecedence', 'POST', '/Precedence', { foo: q('bar', {}), baz: { type: 'map', key: {}, value: {}, location: 'querystring' } }),
  QueryParamsAsStringListMap: op('QueryParamsAsStringListMap', 'POST', '/StringListMap', { qux: q('corge', {}), foo: { type: 'map', key: {}, value: list({}), location: 'querystring' } }),
};

const model: ServiceModel = {
  service: 's3', serviceId: 'Rest Xml Protocol', apiVersion: '2019-12-16', protocol: 'rest-xml', protocols: ['rest-xml'],
  xmlNamespace: 'https://example.com', signingName: 'restxml', operations, shapes: {},
};

const cases: Array<{ id: string; method: string; path: string; query: string[]; operation: string; params: Record<string, unknown> }> = [
  {
    id: 'AllQueryStringTypes', method: 'GET', path: '/AllQueryStringTypesInput', operation: 'AllQueryStringTypes',
    query: ['String=Hello%20there', 'StringList=a', 'StringList=b', 'StringList=c', 'StringSet=a', 'StringSet=b', 'StringSet=c', 'Byte=1', 'Short=2', 'Integer=3',
      'IntegerList=1', 'IntegerList=2', 'IntegerList=3', 'IntegerSet=1', 'IntegerSet=2', 'IntegerSet=3', 'Long=4', 'Float=1.1', 'Double=1.1',
      'DoubleList=1.1', 'DoubleList=2.1', 'DoubleList=3.1', 'Boolean=true', 'BooleanList=true', 'BooleanList=false', 'BooleanList=true',
      'Timestamp=1970-01-01T00%3A00%3A01Z', 'TimestampList=1970-01-01T00%3A00%3A01Z', 'TimestampList=1970-01-01T00%3A00%3A02Z', 'TimestampList=1970-01-01T00%3A00%3A03Z',
      'Enum=Foo', 'EnumList=Foo', 'EnumList=Baz', 'EnumList=Bar'],
    params: {
      queryString: 'Hello there', queryStringList: ['a', 'b', 'c'], queryStringSet: ['a', 'b', 'c'], queryByte: 1, queryShort: 2, queryInteger: 3,
      queryIntegerList: [1, 2, 3], queryIntegerSet: [1, 2, 3], queryLong: 4, queryFloat: 1.1, queryDouble: 1.1, queryDoubleList: [1.1, 2.1, 3.1],
      queryBoolean: true, queryBooleanList: [true, false, true], queryTimestamp: new Date(1000),
      queryTimestampList: [new Date(1000), new Date(2000), new Date(3000)], queryEnum: 'Foo', queryEnumList: ['Foo', 'Baz', 'Bar'],
    },
  },
  {
    id: 'RestXmlQueryStringMap', method: 'GET', path: '/AllQueryStringTypesInput', operation: 'AllQueryStringTypes',
    query: ['QueryParamsStringKeyA=Foo', 'QueryParamsStringKeyB=Bar'], params: { queryParamsMapOfStrings: { QueryParamsStringKeyA: 'Foo', QueryParamsStringKeyB: 'Bar' } },
  },
  { id: 'RestXmlSupportsNaNFloatQueryValues', method: 'GET', path: '/AllQueryStringTypesInput', operation: 'AllQueryStringTypes', query: ['Float=NaN', 'Double=NaN'], params: { queryFloat: NaN, queryDouble: NaN } },
  { id: 'RestXmlSupportsInfinityFloatQueryValues', method: 'GET', path: '/AllQueryStringTypesInput', operation: 'AllQueryStringTypes', query: ['Float=Infinity', 'Double=Infinity'], params: { queryFloat: Infinity, queryDouble: Infinity } },
  { id: 'RestXmlSupportsNegativeInfinityFloatQueryValues', method: 'GET', path: '/AllQueryStringTypesInput', operation: 'AllQueryStringTypes', query: ['Float=-Infinity', 'Double=-Infinity'], params: { queryFloat: -Infinity, queryDouble: -Infinity } },
  { id: 'ConstantQueryString', method: 'GET', path: '/ConstantQueryString/hi', operation: 'ConstantQueryString', query: ['foo=bar', 'hello'], params: { hello: 'hi' } },
  { id: 'ConstantAndVariableQueryStringMissingOneValue', method: 'GET', path: '/ConstantAndVariableQueryString', operation: 'ConstantAndVariableQueryString', query: ['foo=bar', 'baz=bam'], params: { baz: 'bam' } },
  { id: 'ConstantAndVariableQueryStringAllValues', method: 'GET', path: '/ConstantAndVariableQueryString', operation: 'ConstantAndVariableQueryString', query: ['foo=bar', 'baz=bam', 'maybeSet=yes'], params: { baz: 'bam', maybeSet: 'yes' } },
  { id: 'RestXmlSerializesEmptyString', method: 'GET', path: '/OmitsNullSerializesEmptyString', operation: 'OmitsNullSerializesEmptyString', query: ['Empty='], params: { emptyString: '' } },
  {
    id: 'RestXmlServersPutAllQueryParamsInMap (appliesTo server)', method: 'POST', path: '/Precedence', operation: 'QueryPrecedence',
    query: ['bar=named', 'qux=fromMap'], params: { foo: 'named', baz: { bar: 'named', qux: 'fromMap' } },
  },
  {
    id: 'RestXmlServersQueryParamsStringListMap (appliesTo server)', method: 'POST', path: '/StringListMap', operation: 'QueryParamsAsStringListMap',
    query: ['corge=named', 'baz=bar', 'baz=qux'], params: { qux: 'named', foo: { corge: ['named'], baz: ['bar', 'qux'] } },
  },
];

/**
 * AllQueryStringTypes' rows leave its @httpQueryParams map out of their params, while the suite's
 * server rows say a server puts every query parameter in that map (RestXmlServersPutAllQueryParamsInMap):
 * a server following those fills the map with each parameter's first value, as added here.
 */
const everyParamInMap = (query: string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const pair of query) {
    const [k, v = ''] = pair.split('=');
    out[k!] ??= decodeURIComponent(v);
  }
  return out;
};

for (const c of cases) {
  test(`restXml request ${c.id} routes and decodes to the test's params`, (t) => {
    const query = c.query.join('&');
    const match = matchRestOperation(model, c.method, c.path, query, {});
    t.is(match?.operation.name, c.operation);
    const expected = c.operation === 'AllQueryStringTypes' ? { ...c.params, queryParamsMapOfStrings: everyParamInMap(c.query) } : c.params;
    t.deepEqual(rest.decode({ model, operation: match!.operation, requestId: 'r' }, { method: c.method, path: c.path, query, headers: {} }, match!.labels), expected);
  });
}
