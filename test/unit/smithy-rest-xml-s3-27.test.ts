// The S3 cases of smithy-aws-protocol-tests (smithy-lang/smithy
// smithy-aws-protocol-tests/model/restXml/services/s3.smithy) that apply to a server, run against
// boltstack's real S3 model through src/protocols/rest-xml: the requests the tests fix route to
// the operation and decode to the test's params; GetBucketLocation's answer is the test's body.
// Path-style requests (the tests' virtual-host ones name the bucket in the host; the gateway moves
// it into the path before the protocol sees it, so the protocol reads the same path).
import test from 'ava';
import { loadModel } from '../../src/model/generated/index.js';
import { getProtocol } from '../../src/protocols/index.js';
import { matchRestOperation } from '../../src/protocols/rest-xml/router.js';
import type { WireRequest } from '../../src/protocols/types.js';

const rest = getProtocol('rest-xml');

async function route(method: string, path: string, query: string): Promise<{ name: string; input: Record<string, unknown> }> {
  const model = await loadModel('s3');
  const wire: WireRequest = { method, path, query, headers: {} };
  const match = matchRestOperation(model, method, path, query, {});
  if (match === undefined) throw new Error(`no route for ${method} ${path}?${query}`);
  return { name: match.operation.name, input: rest.decode({ model, operation: match.operation, requestId: 'r' }, wire, match.labels) };
}

const rows: Array<{ id: string; method: string; path: string; query: string; operation: string; params: Record<string, unknown> }> = [
  { id: 'S3PathAddressing', method: 'GET', path: '/mybucket', query: 'list-type=2', operation: 'ListObjectsV2', params: { Bucket: 'mybucket' } },
  { id: 'S3EscapeObjectKeyInUriLabel', method: 'DELETE', path: '/mybucket/my%20key.txt', query: 'tagging', operation: 'DeleteObjectTagging', params: { Bucket: 'mybucket', Key: 'my key.txt' } },
  { id: 'S3EscapePathObjectKeyInUriLabel', method: 'DELETE', path: '/mybucket/foo/bar/my%20key.txt', query: 'tagging', operation: 'DeleteObjectTagging', params: { Bucket: 'mybucket', Key: 'foo/bar/my key.txt' } },
  { id: 'S3PreservesLeadingDotSegmentInUriLabel', method: 'GET', path: '/mybucket/../key.txt', query: '', operation: 'GetObject', params: { Bucket: 'mybucket', Key: '../key.txt' } },
  { id: 'S3PreservesEmbeddedDotSegmentInUriLabel', method: 'GET', path: '/mybucket/foo/../key.txt', query: '', operation: 'GetObject', params: { Bucket: 'mybucket', Key: 'foo/../key.txt' } },
];

for (const r of rows) {
  test(`restXml S3 request ${r.id} routes to ${r.operation} with the test's params`, async (t) => {
    const { name, input } = await route(r.method, r.path, r.query);
    t.is(name, r.operation);
    for (const [k, v] of Object.entries(r.params)) t.is(input[k], v, k);
  });
}

test('restXml S3 response GetBucketLocationUnwrappedOutput is the test\'s body', async (t) => {
  const model = await loadModel('s3');
  const wire = rest.encode({ model, operation: model.operations.GetBucketLocation!, requestId: 'r' }, { LocationConstraint: 'us-west-2' });
  t.is(wire.status, 200);
  t.is(String(wire.body), '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-west-2</LocationConstraint>');
});
