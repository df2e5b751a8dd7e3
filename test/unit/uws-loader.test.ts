/**
 * The uWS loader's reasons: which Node/glibc pairs must load a native build, and what a user is
 * told when theirs has none (the text /_boltstack/health shows as `httpReason`).
 */
import test from 'ava';
import { loadUws, unavailableReason, uwsBuildFor, type UwsPlatform } from '../../src/server/uws-loader.js';

const linux = (abi: string, node: string, glibc: string | undefined): UwsPlatform => ({ platform: 'linux', arch: 'x64', abi, node, glibc });

test('Node 20 and 22 load on glibc 2.27 and later; Node 24 needs glibc 2.38', (t) => {
  t.is(unavailableReason(linux('115', '20.20.2', '2.36'), true), undefined);
  t.is(unavailableReason(linux('127', '22.23.5', '2.27'), true), undefined);
  t.is(unavailableReason(linux('137', '24.22.3', '2.38'), true), undefined);
  t.is(unavailableReason(linux('137', '24.22.3', '2.40'), true), undefined);
  t.is(
    unavailableReason(linux('137', '24.22.3', '2.36'), true),
    'no uWS build for Node ABI 137 (Node 24.22.3) on linux/x64 with glibc 2.36; that build needs glibc >= 2.38',
  );
  t.is(
    unavailableReason(linux('127', '22.1.0', '2.17'), true),
    'no uWS build for Node ABI 127 (Node 22.1.0) on linux/x64 with glibc 2.17; that build needs glibc >= 2.27',
  );
});

test('a glibc version compares by number, not as text (2.4 < 2.38 < 2.100)', (t) => {
  t.truthy(unavailableReason(linux('137', '24.0.0', '2.4'), true));
  t.is(unavailableReason(linux('137', '24.0.0', '2.100'), true), undefined);
});

test('a Node line without a build, and musl, are named as such', (t) => {
  t.is(unavailableReason(linux('147', '26.0.0', '2.41'), false), 'no uWS build for Node ABI 147 (Node 26.0.0) on linux/x64 with glibc 2.41');
  t.is(
    unavailableReason(linux('127', '22.1.0', undefined), true),
    'no uWS build for Node ABI 127 (Node 22.1.0) on linux/x64 without glibc (musl?): the builds need glibc',
  );
  t.is(unavailableReason({ platform: 'darwin', arch: 'arm64', abi: '137', node: '24.0.0', glibc: undefined }, true), undefined);
  t.is(unavailableReason({ platform: 'freebsd', arch: 'x64', abi: '115', node: '20.0.0', glibc: undefined }, false), 'no uWS build for Node ABI 115 (Node 20.0.0) on freebsd/x64');
});

test('this process loads uWS exactly when the loader says it should', (t) => {
  const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;
  const here: UwsPlatform = { platform: process.platform, arch: process.arch, abi: process.versions.modules, node: process.versions.node, glibc };
  let loaded: boolean;
  try {
    loaded = typeof loadUws().App === 'function';
  } catch (error) {
    t.is((error as Error).name, 'UwsUnavailable');
    loaded = false;
  }
  t.is(loaded, unavailableReason(here, true) === undefined);
});

test('Node 16-20 get uWS v20.30, whose body backpressure works; Node 22 and later get v20.51', (t) => {
  for (const abi of ['93', '108', '115']) t.like(uwsBuildFor(abi), { uwsVersion: 'v20.30', package: '@trufflesuite/uws-js-unofficial', bodyBackpressure: true }, abi);
  for (const abi of ['127', '131', '137', '141']) t.like(uwsBuildFor(abi), { uwsVersion: 'v20.51', package: '@based/uws', bodyBackpressure: false }, abi);
});
