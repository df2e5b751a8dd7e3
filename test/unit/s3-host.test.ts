import test from 'ava';
import { createVirtualHostParser } from '../../src/gateway/s3-host.js';

const parse = createVirtualHostParser(['boltstack.internal']);

test('path-style hosts name no bucket', (t) => {
  for (const host of ['localhost:4566', '127.0.0.1:4566', '[::1]:4566', 's3.amazonaws.com', 's3.us-west-2.amazonaws.com',
    'localhost.localstack.cloud:4566', 's3.localhost.localstack.cloud:4566', 'boltstack.internal', undefined]) {
    t.is(parse(host), undefined, String(host));
  }
});

test('virtual-hosted forms name the bucket', (t) => {
  t.is(parse('my-bucket.localhost:4566'), 'my-bucket');
  t.is(parse('my-bucket.s3.localhost'), 'my-bucket');
  t.is(parse('my.dotted.bucket.s3.eu-west-1.localhost.localstack.cloud:4566'), 'my.dotted.bucket');
  t.is(parse('b1.s3.amazonaws.com'), 'b1');
  t.is(parse('b1.s3.us-west-2.amazonaws.com'), 'b1');
  t.is(parse('b1.s3-us-west-2.amazonaws.com'), 'b1');
  t.is(parse('B1.boltstack.internal:80'), 'b1');
});
