// The awsJson1_0 protocol compliance cases of smithy-aws-protocol-tests that apply to a server,
// driven through src/protocols/json directly: requests a client sends (httpRequestTests) decode to
// the test's params; responses and errors a server writes (httpResponseTests) are the test's JSON.
// Source of every row: smithy-lang/smithy smithy-aws-protocol-tests/model/awsJson1_0/
// (json-structs.smithy, empty-input-output.smithy @b8295074, errors.smithy @b8295074) and
// model/awsJson1_0Extras content-type.smithy. Shapes are written in boltstack's model layout
// (src/model/types.ts). The toy service is labelled 'dynamodb' only so that the encoder picks a
// namespace: the tests' aws.protocoltests.json10 becomes the service's own (errors.ts).
import test from 'ava';
import { AwsError } from '../../src/errors/aws-error.js';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import { modelNamespace } from '../../src/protocols/json/errors.js';
import type { ProtocolContext, WireRequest } from '../../src/protocols/types.js';

const json = getProtocol('json');

const op = (name: string, input?: Shape, output?: Shape): OperationModel => ({ name, http: { method: 'POST', requestUri: '/' }, input, output });
const scalars: Shape = { type: 'structure', members: { floatValue: { type: 'float' }, doubleValue: { type: 'double' } } };

const operations: Record<string, OperationModel> = {
  SimpleScalarProperties: op('SimpleScalarProperties', scalars, scalars),
  NoInputAndNoOutput: op('NoInputAndNoOutput'),
  NoInputAndOutput: op('NoInputAndOutput', undefined, { type: 'structure', members: {} }),
  EmptyInputAndEmptyOutput: op('EmptyInputAndEmptyOutput', { type: 'structure', members: {} }, { type: 'structure', members: {} }),
  ContentTypeParameters: op('ContentTypeParameters', { type: 'structure', members: { value: { type: 'integer' } } }, { type: 'structure', members: {} }),
  GreetingWithErrors: op('GreetingWithErrors', { type: 'structure', members: { greeting: {} } }, { type: 'structure', members: { greeting: {} } }),
};

const model: ServiceModel = {
  service: 'dynamodb', serviceId: 'JSON RPC 10', apiVersion: '2020-07-14', protocol: 'json', protocols: ['json'],
  jsonVersion: '1.0', targetPrefix: 'JsonRpc10', signingName: 'jsonrpc10', operations,
  shapes: {
    InvalidGreeting: { type: 'structure', exception: true, members: { Message: {} } },
    ComplexError: { type: 'structure', exception: true, members: { TopLevel: {}, Nested: { type: 'structure', members: { Foo: {} } } } },
  },
};

const ctx = (operation: string): ProtocolContext => ({ model, operation: operations[operation]!, requestId: 'req-10' });

const request = (operation: string, body: string, contentType = 'application/x-amz-json-1.0'): WireRequest => ({
  method: 'POST', path: '/', query: '',
  headers: { 'content-type': contentType, 'x-amz-target': `JsonRpc10.${operation}` },
  body: Buffer.from(body),
});

// ---------------------------------------------------------------- requests: what a server decodes

const requestCases: Array<{ id: string; operation: string; body: string; contentType?: string; params: Record<string, unknown> }> = [
  // json-structs.smithy: a float or double that JSON cannot write is sent as a string.
  { id: 'AwsJson10SupportsNaNFloatInputs', operation: 'SimpleScalarProperties', body: '{"floatValue":"NaN","doubleValue":"NaN"}', params: { floatValue: NaN, doubleValue: NaN } },
  { id: 'AwsJson10SupportsInfinityFloatInputs', operation: 'SimpleScalarProperties', body: '{"floatValue":"Infinity","doubleValue":"Infinity"}', params: { floatValue: Infinity, doubleValue: Infinity } },
  { id: 'AwsJson10SupportsNegativeInfinityFloatInputs', operation: 'SimpleScalarProperties', body: '{"floatValue":"-Infinity","doubleValue":"-Infinity"}', params: { floatValue: -Infinity, doubleValue: -Infinity } },
  // empty-input-output.smithy
  { id: 'AwsJson10MustAlwaysSendEmptyJsonPayload', operation: 'NoInputAndNoOutput', body: '{}', params: {} },
  { id: 'AwsJson10ServiceSupportsNoPayloadForNoInput (appliesTo server)', operation: 'NoInputAndNoOutput', body: '', params: {} },
  { id: 'AwsJson10NoInputAndOutput', operation: 'NoInputAndOutput', body: '{}', params: {} },
  { id: 'AwsJson10EmptyInputAndEmptyOutput', operation: 'EmptyInputAndEmptyOutput', body: '{}', params: {} },
  // awsJson1_0 content-type.smithy (JsonRpc10Extras)
  { id: 'AwsJson10ContentTypeParameters (appliesTo server)', operation: 'ContentTypeParameters', body: '{"value":5}', contentType: 'application/x-amz-json-1.0; charset=utf-8', params: { value: 5 } },
];

for (const c of requestCases) {
  test(`awsJson1_0 request ${c.id} decodes to the test's params`, (t) => {
    t.deepEqual(json.decode(ctx(c.operation), request(c.operation, c.body, c.contentType), {}), c.params);
  });
}

test('a float member takes only those three words as strings; other strings are still SerializationException', (t) => {
  for (const body of ['{"doubleValue":"nan"}', '{"doubleValue":"1.5"}', '{"doubleValue":""}', '{"doubleValue":"+Infinity"}']) {
    const err = t.throws(() => json.decode(ctx('SimpleScalarProperties'), request('SimpleScalarProperties', body), {})) as AwsError;
    t.is(err.code, 'SerializationException', body);
  }
  // An integer member has no such values (json-structs.smithy names float and double only).
  const err = t.throws(() => json.decode(ctx('ContentTypeParameters'), request('ContentTypeParameters', '{"value":"NaN"}'), {})) as AwsError;
  t.is(err.code, 'SerializationException');
});

test('an empty body is still SerializationException for an operation that has an input', (t) => {
  const err = t.throws(() => json.decode(ctx('EmptyInputAndEmptyOutput'), request('EmptyInputAndEmptyOutput', ''), {})) as AwsError;
  t.is(err.code, 'SerializationException');
});

// ------------------------------------------------------------- responses: what a server writes

const responseCases: Array<{ id: string; operation: string; output: Record<string, unknown>; body: string }> = [
  { id: 'AwsJson10SupportsNaNFloatInputs', operation: 'SimpleScalarProperties', output: { floatValue: NaN, doubleValue: NaN }, body: '{"floatValue":"NaN","doubleValue":"NaN"}' },
  { id: 'AwsJson10SupportsInfinityFloatInputs', operation: 'SimpleScalarProperties', output: { floatValue: Infinity, doubleValue: Infinity }, body: '{"floatValue":"Infinity","doubleValue":"Infinity"}' },
  { id: 'AwsJson10SupportsNegativeInfinityFloatInputs', operation: 'SimpleScalarProperties', output: { floatValue: -Infinity, doubleValue: -Infinity }, body: '{"floatValue":"-Infinity","doubleValue":"-Infinity"}' },
  { id: 'AwsJson10NoInputAndOutput', operation: 'NoInputAndOutput', output: {}, body: '{}' },
  { id: 'AwsJson10EmptyInputAndEmptyOutputSendJsonObject', operation: 'EmptyInputAndEmptyOutput', output: {}, body: '{}' },
];

for (const c of responseCases) {
  test(`awsJson1_0 response ${c.id} is written as the test's JSON`, (t) => {
    const wire = json.encode(ctx(c.operation), c.output);
    t.is(wire.status, 200);
    t.is(wire.headers['content-type'], 'application/x-amz-json-1.0');
    t.deepEqual(JSON.parse(String(wire.body)), JSON.parse(c.body));
  });
}

test('awsJson1_0 response AwsJson10ServiceRespondsWithNoPayload: no output, no body, still a Content-Type', (t) => {
  const wire = json.encode(ctx('NoInputAndNoOutput'), {});
  t.is(wire.status, 200);
  t.is(wire.body, '');
  t.is(wire.headers['content-type'], 'application/x-amz-json-1.0');
});

test('finite floats are still written as JSON numbers', (t) => {
  const wire = json.encode(ctx('SimpleScalarProperties'), { floatValue: 5.5, doubleValue: -0.25 });
  t.is(wire.body, '{"doubleValue":-0.25,"floatValue":5.5}');
});

// ----------------------------------------------------------------------- errors (errors.smithy)

const errorCases: Array<{ id: string; error: AwsError; body: Record<string, unknown> }> = [
  {
    // The shape's member is "Message", so that is the key written.
    id: 'AwsJson10InvalidGreetingError',
    error: new AwsError({ code: 'InvalidGreeting', status: 400, message: 'Hi' }),
    body: { __type: `${modelNamespace('dynamodb')}#InvalidGreeting`, Message: 'Hi' },
  },
  {
    id: 'AwsJson10EmptyComplexError',
    error: new AwsError({ code: 'ComplexError', status: 400, message: '' }),
    body: { __type: `${modelNamespace('dynamodb')}#ComplexError` },
  },
  {
    // Its top-level member only: AwsError fields are flat (the nested member has no carrier).
    id: 'AwsJson10ComplexError (top-level member)',
    error: new AwsError({ code: 'ComplexError', status: 400, message: '', fields: { TopLevel: 'Top level' } }),
    body: { __type: `${modelNamespace('dynamodb')}#ComplexError`, TopLevel: 'Top level' },
  },
];

for (const c of errorCases) {
  test(`awsJson1_0 error ${c.id} is written as the test's JSON`, (t) => {
    const wire = json.encodeError({ model, operation: operations.GreetingWithErrors, requestId: 'req-10', method: 'POST' }, c.error);
    t.is(wire.status, 400);
    t.is(wire.headers['content-type'], 'application/x-amz-json-1.0');
    t.deepEqual(JSON.parse(String(wire.body)), c.body);
  });
}
