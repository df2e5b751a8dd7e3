import test from 'ava';
import { accountOf } from '../../src/gateway/account.js';
import { scopeFromAuthorization, scopeFromQuery } from '../../src/protocols/shared/sigv4-scope.js';

const DEFAULT = '000000000000';
const v4 = (key: string): string => `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00`;

test('SigV4 header and presigned query: a 12-digit key is the account, others the default', (t) => {
  const fromHeader = (key: string): string => accountOf(scopeFromAuthorization(v4(key)), v4(key), '', DEFAULT);
  t.is(fromHeader('123456789012'), '123456789012');
  t.is(fromHeader('test'), DEFAULT);
  t.is(fromHeader('12345678901'), DEFAULT);
  t.is(fromHeader('1234567890123'), DEFAULT);
  t.is(fromHeader('12345678901a'), DEFAULT);
  const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=210987654321%2F20260101%2Feu-west-1%2Fs3%2Faws4_request';
  t.is(accountOf(scopeFromQuery(query), undefined, query, DEFAULT), '210987654321');
});

test('SigV2 header and query, and no credential at all', (t) => {
  t.is(accountOf(undefined, 'AWS 123456789012:c2ln', '', DEFAULT), '123456789012');
  t.is(accountOf(undefined, 'AWS AKIDEXAMPLE:c2ln', '', DEFAULT), DEFAULT);
  t.is(accountOf(undefined, 'AWS 123456789012', '', DEFAULT), DEFAULT);
  t.is(accountOf(undefined, undefined, 'AWSAccessKeyId=123456789012&Expires=1&Signature=x', DEFAULT), '123456789012');
  t.is(accountOf(undefined, undefined, 'Expires=1&AWSAccessKeyId=123456789012', DEFAULT), '123456789012');
  t.is(accountOf(undefined, undefined, 'xAWSAccessKeyId=123456789012', DEFAULT), DEFAULT);
  t.is(accountOf(undefined, undefined, '', '999988887777'), '999988887777');
});
