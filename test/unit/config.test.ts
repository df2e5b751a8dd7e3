import test from 'ava';
import { parseArgv, resolveOptions } from '../../src/config.js';

test('defaults apply when nothing is given', (t) => {
  const o = resolveOptions({}, {});
  t.is(o.port, 4566);
  t.is(o.host, '127.0.0.1');
  t.is(o.dataDir, './data');
  t.false(o.ephemeral);
  t.is(o.features.size, 0);
  t.is(o.listingIndexKeys, 20000);
  t.is(o.defaultAccountId, '000000000000');
});

test('--default-account-id takes exactly 12 digits', (t) => {
  t.is(resolveOptions(parseArgv(['--default-account-id', '123456789012']), {}).defaultAccountId, '123456789012');
  t.is(resolveOptions({}, { BOLTSTACK_DEFAULT_ACCOUNT_ID: '111122223333' }).defaultAccountId, '111122223333');
  for (const bad of ['12345678901', '1234567890123', 'abcdefghijkl', ' 23456789012']) {
    t.throws(() => resolveOptions({ defaultAccountId: bad }, {}), { message: /--default-account-id \(BOLTSTACK_DEFAULT_ACCOUNT_ID\).*12 digits/ });
  }
});

test('--listing-index-keys takes a count, 0 included', (t) => {
  t.is(resolveOptions(parseArgv(['--listing-index-keys', '0']), {}).listingIndexKeys, 0);
  t.is(resolveOptions({}, { BOLTSTACK_LISTING_INDEX_KEYS: '500000' }).listingIndexKeys, 500000);
  t.throws(() => resolveOptions({}, { BOLTSTACK_LISTING_INDEX_KEYS: '-1' }), { message: /--listing-index-keys \(BOLTSTACK_LISTING_INDEX_KEYS\).*an integer from 0/ });
  t.throws(() => resolveOptions({ listingIndexKeys: '1e3' }, {}), { message: /--listing-index-keys/ });
});

test('--pool-threads is auto by default, takes a count, 0 included', (t) => {
  t.is(resolveOptions({}, {}).poolThreads, 'auto');
  t.is(resolveOptions(parseArgv(['--pool-threads', '0']), {}).poolThreads, 0);
  t.is(resolveOptions({}, { BOLTSTACK_POOL_THREADS: '3' }).poolThreads, 3);
  t.is(resolveOptions({ poolThreads: 2 }, {}).poolThreads, 2);
  t.throws(() => resolveOptions({}, { BOLTSTACK_POOL_THREADS: 'many' }), { message: /--pool-threads \(BOLTSTACK_POOL_THREADS\).*auto or an integer from 0 to 64/ });
  t.throws(() => resolveOptions({ poolThreads: '65' }, {}), { message: /--pool-threads/ });
});

test('env overrides defaults and flags override env', (t) => {
  const o = resolveOptions(parseArgv(['--port', '5000', '--ephemeral']), { BOLTSTACK_PORT: '4000', BOLTSTACK_FEATURES: 'loose' });
  t.is(o.port, 5000);
  t.true(o.ephemeral);
  t.deepEqual([...o.features], ['loose']);
});

test('an invalid value is refused with a message naming the option', (t) => {
  const e1 = t.throws(() => resolveOptions({ port: 'abc' }, {}));
  t.regex(e1!.message, /--port \(BOLTSTACK_PORT\)/);
  const e2 = t.throws(() => resolveOptions({}, { BOLTSTACK_FEATURES: 'loose,bogus' }));
  t.regex(e2!.message, /--features/);
  const e3 = t.throws(() => resolveOptions({}, { BOLTSTACK_LOG_LEVEL: 'loud' }));
  t.regex(e3!.message, /--log-level/);
});

test('unknown flags are refused', (t) => {
  t.throws(() => parseArgv(['--bogus', '1']), { message: /unknown option --bogus/ });
});
