// The restXml URI-label cases of smithy-aws-protocol-tests that apply to a server (smithy-lang/
// smithy smithy-aws-protocol-tests/model/restXml/http-labels.smithy @12eb715): each request
// routes through src/protocols/rest-xml/router.ts to its operation and decodes to the test's
// params. Shapes in boltstack's model layout; the service is labelled 's3' only because rest-xml
// serves S3.
import test from 'ava';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import { matchRestOperation } from '../../src/protocols/rest-xml/router.js';

const rest = getProtocol('rest-xml');

const label = (shape: Shape, extra: Shape = {}): Shape => ({ ...shape, ...extra, location: 'uri' });
const op = (name: string, requestUri: string, members: Record<string, Shape>): OperationModel => ({
  name, http: { method: 'GET', requestUri }, input: { type: 'structure', required: Object.keys(members), members },
});

const operations: Record<string, OperationModel> = {
  HttpRequestWithLabels: op('HttpRequestWithLabels', '/HttpRequestWithLabels/{string}/{short}/{integer}/{long}/{float}/{double}/{boolean}/{timestamp}', {
    string: label({}), short: label({ type: 'integer' }), integer: label({ type: 'integer' }), long: label({ type: 'long' }),
    float: label({ type: 'float' }), double: label({ type: 'double' }), boolean: label({ type: 'boolean' }),
    timestamp: label({ type: 'timestamp', timestampFormat: 'iso8601' }),
  }),
  HttpRequestWithLabelsAndTimestampFormat: op('HttpRequestWithLabelsAndTimestampFormat',
    '/HttpRequestWithLabelsAndTimestampFormat/{memberEpochSeconds}/{memberHttpDate}/{memberDateTime}/{defaultFormat}', {
      memberEpochSeconds: label({ type: 'timestamp' }, { timestampFormat: 'unixTimestamp' }),
      memberHttpDate: label({ type: 'timestamp' }, { timestampFormat: 'rfc822' }),
      memberDateTime: label({ type: 'timestamp' }, { timestampFormat: 'iso8601' }),
      defaultFormat: label({ type: 'timestamp' }),
    }),
  HttpRequestWithGreedyLabelInPath: op('HttpRequestWithGreedyLabelInPath', '/HttpRequestWithGreedyLabelInPath/foo/{foo}/baz/{baz+}', { foo: label({}), baz: label({}) }),
  HttpRequestWithFloatLabels: op('HttpRequestWithFloatLabels', '/FloatHttpLabels/{float}/{double}', { float: label({ type: 'float' }), double: label({ type: 'double' }) }),
};

const model: ServiceModel = {
  service: 's3', serviceId: 'Rest Xml Protocol', apiVersion: '2019-12-16', protocol: 'rest-xml', protocols: ['rest-xml'],
  xmlNamespace: 'https://example.com', signingName: 'restxml', operations, shapes: {},
};

const WHEN = new Date(1576540098_000);

const cases: Array<{ id: string; operation: string; uri: string; params: Record<string, unknown> }> = [
  {
    id: 'InputWithHeadersAndAllParams', operation: 'HttpRequestWithLabels', uri: '/HttpRequestWithLabels/string/1/2/3/4.1/5.1/true/2019-12-16T23%3A48%3A18Z',
    params: { string: 'string', short: 1, integer: 2, long: 3, float: 4.1, double: 5.1, boolean: true, timestamp: WHEN },
  },
  {
    id: 'HttpRequestLabelEscaping', operation: 'HttpRequestWithLabels',
    uri: '/HttpRequestWithLabels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/1/2/3/4.1/5.1/true/2019-12-16T23%3A48%3A18Z',
    params: { string: ' %:/?#[]@!$&\'()*+,;=😹', short: 1, integer: 2, long: 3, float: 4.1, double: 5.1, boolean: true, timestamp: WHEN },
  },
  {
    id: 'HttpRequestWithLabelsAndTimestampFormat (member formats)', operation: 'HttpRequestWithLabelsAndTimestampFormat',
    uri: '/HttpRequestWithLabelsAndTimestampFormat/1576540098/Mon%2C%2016%20Dec%202019%2023%3A48%3A18%20GMT/2019-12-16T23%3A48%3A18Z/2019-12-16T23%3A48%3A18Z',
    params: { memberEpochSeconds: WHEN, memberHttpDate: WHEN, memberDateTime: WHEN, defaultFormat: WHEN },
  },
  { id: 'HttpRequestWithGreedyLabelInPath', operation: 'HttpRequestWithGreedyLabelInPath', uri: '/HttpRequestWithGreedyLabelInPath/foo/hello/baz/there/guy', params: { foo: 'hello', baz: 'there/guy' } },
  { id: 'RestXmlSupportsNaNFloatLabels', operation: 'HttpRequestWithFloatLabels', uri: '/FloatHttpLabels/NaN/NaN', params: { float: NaN, double: NaN } },
  { id: 'RestXmlSupportsInfinityFloatLabels', operation: 'HttpRequestWithFloatLabels', uri: '/FloatHttpLabels/Infinity/Infinity', params: { float: Infinity, double: Infinity } },
  { id: 'RestXmlSupportsNegativeInfinityFloatLabels', operation: 'HttpRequestWithFloatLabels', uri: '/FloatHttpLabels/-Infinity/-Infinity', params: { float: -Infinity, double: -Infinity } },
];

for (const c of cases) {
  test(`restXml request ${c.id} routes and decodes to the test's params`, (t) => {
    const match = matchRestOperation(model, 'GET', c.uri, '', {});
    t.is(match?.operation.name, c.operation);
    t.deepEqual(rest.decode({ model, operation: match!.operation, requestId: 'r' }, { method: 'GET', path: c.uri, query: '', headers: {} }, match!.labels), c.params);
  });
}
