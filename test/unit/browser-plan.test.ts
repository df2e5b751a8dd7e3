/** When the headless-Chromium tests run, skip or fail (test/helpers/browser.ts). */
import test from 'ava';
import { browserPlan } from '../helpers/browser.js';
import { inCi } from '../helpers/ci.js';

test('without Chromium and outside CI the browser tests are skipped, saying how to enable them', (t) => {
  const plan = browserPlan({}, false);
  t.true('skip' in plan && plan.skip.includes('apt-get install chromium'));
});

test('in CI a missing Chromium fails the browser tests, even when asked to skip them', (t) => {
  for (const CI of ['true', '1', 'yes']) {
    t.true('fail' in browserPlan({ CI }, false), CI);
    t.true('fail' in browserPlan({ CI, BOLTSTACK_SKIP_BROWSER_TESTS: '1' }, false), CI);
    t.deepEqual(browserPlan({ CI }, true), { run: true }, CI);
  }
});

test('BOLTSTACK_SKIP_BROWSER_TESTS=1 skips them outside CI; with Chromium they run', (t) => {
  t.true('skip' in browserPlan({ BOLTSTACK_SKIP_BROWSER_TESTS: '1' }, true));
  t.deepEqual(browserPlan({}, true), { run: true });
  t.deepEqual(browserPlan({ CI: 'false' }, true), { run: true });
});

test('CI counts as set unless empty, 0 or false', (t) => {
  t.false(inCi({}));
  t.false(inCi({ CI: '' }));
  t.false(inCi({ CI: '0' }));
  t.false(inCi({ CI: 'FALSE' }));
  t.true(inCi({ CI: 'true' }));
});
