/**
 * The sdk drivers' optional AWS SDK: a missing client is one line naming what to install; any
 * other failure of the import is not disguised as a missing package.
 */
import test from 'ava';
import { SdkMissingError, loadSdk } from '../../src/bench/drivers/wire/load-sdk.js';

test('a missing SDK package is one line saying what to install', async (t) => {
  const name = '@aws-sdk/client-no-such-service';
  const err = await t.throwsAsync(loadSdk([name, '@aws-sdk/lib-storage'], () => import(name)), { instanceOf: SdkMissingError });
  t.is(err?.message, `the sdk driver needs ${name} and @aws-sdk/lib-storage: npm install --save-dev ${name} @aws-sdk/lib-storage`);
  t.false(err?.message.includes('\n'));
});

test('an installed SDK loads', async (t) => {
  const sdk = await loadSdk(['@aws-sdk/client-sqs'], () => import('@aws-sdk/client-sqs'));
  t.is(typeof sdk.SQSClient, 'function');
});

test('a failure other than the package missing is thrown as it is', async (t) => {
  const broken = new Error("Cannot find module './internal.js' imported from '@aws-sdk/client-sqs'");
  await t.throwsAsync(loadSdk(['@aws-sdk/client-s3'], () => Promise.reject(broken)), { is: broken });
});
