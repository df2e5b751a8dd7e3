import test from 'ava';
import { accountOfKeyId, isAwsStyleKeyId, newKeyId } from '../../src/services/sts/access-key-id.js';
import { accountOf } from '../../src/gateway/account.js';
import { scopeFromAuthorization } from '../../src/protocols/shared/sigv4-scope.js';

test('AWS key ids decode to the account AWS encoded in them', (t) => {
  t.is(accountOfKeyId('ASIAVJ2E6QGR2WZILJFM'), '364679954851');
  t.is(accountOfKeyId('AKIASP2TPHJSQH3FJXYZ'), '171436882533');
  t.is(accountOfKeyId('ASIAQAAAAAAAGMKEM7X5'), '000000000000');
  t.is(accountOfKeyId('ASIAVJ2E6QGR2WZILJF1'), undefined, '1 is not base32');
  t.is(accountOfKeyId('test'), undefined);
});

test('issued key ids round-trip their account, are AWS-shaped and differ', (t) => {
  for (const account of ['000000000000', '123456789012', '999999999999', '000000000001']) {
    const key = newKeyId(account);
    t.true(isAwsStyleKeyId(key), key);
    t.true(key.startsWith('ASIA'));
    t.is(accountOfKeyId(key), account);
  }
  t.not(newKeyId('123456789012'), newKeyId('123456789012'));
});

test('the gateway maps a temporary key to its account; long-term AKIA keys keep the default', (t) => {
  const v4 = (key: string): string => `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00`;
  const of = (key: string): string => accountOf(scopeFromAuthorization(v4(key)), v4(key), '', '000000000000');
  t.is(of(newKeyId('555566667777')), '555566667777');
  t.is(of('AKIAIOSFODNN7EXAMPLE'), '000000000000');
  t.is(of('ASIAnot-a-key-at-all'), '000000000000');
});
