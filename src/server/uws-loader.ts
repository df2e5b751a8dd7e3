/**
 * The one module that loads uWebSockets.js, and the one place that knows which builds exist.
 *
 * The npm package's own entry (`uws.js`) throws a generic message when the native binary does not
 * load; boltstack needs to say precisely why (which Node ABI, which glibc) so the fallback warning
 * and /_boltstack/health tell the user what to change. We require the native binary directly and
 * throw a `UwsUnavailable` carrying a one-line reason instead, so the caller (index.ts) can decide,
 * loudly, what to do.
 *
 * Two packages, pinned exactly, chosen by Node ABI (BUILDS below):
 * - `@trufflesuite/uws-js-unofficial` 20.30.0-unofficial.0 (uWS v20.30) for ABI 93/108/115
 *   (Node 16, 18, 20), glibc >= 2.27. Preferred wherever it has a build, because request-body
 *   backpressure works in it: `res.pause()` holds the socket after any number of resumes.
 * - `@based/uws` 6.0.1 (uWS v20.51; its `latest` tag is an older release without these builds) for
 *   ABI 127/131 (Node 22, 23), glibc >= 2.27, and ABI 137/141 (Node 24, 25), glibc >= 2.38.
 *   In v20.51 `res.pause()` does not stop reads that fill uWS's 512 KiB buffer: uSockets repeats
 *   full reads without looking at the pause (measured: a 64 MiB PUT paused for 5 ms per read still
 *   received 58 of its 64 MiB while "paused", in bursts of 3-6 MiB per pause; v20.30: 0). What
 *   arrives while paused is parked in a file (body-overflow.ts), so memory stays bounded; on Node
 *   20, v20.51 with that overflow cost 4 concurrent 64 MiB PUTs 27-52 % more server CPU per GB
 *   than v20.30 (5,588-5,998 against 3,949-4,359 ms, side by side, 2026-12-07), so Node 20 keeps
 *   v20.30. See docs/configuration.md.
 * No npm-published build for ABI 137 loads on an older glibc (checked: @btc-vision/uwebsockets.js
 * 20.57.0 and uwebsockets 3.0.6 need 2.38 too). Musl (Alpine) has no build at all.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Uws from '@based/uws';
import { nodeFs } from '../util/node-builtins.js';

/** Both packages expose the same uWS API; boltstack uses only what both have. */
export type UwsModule = typeof Uws;

/** A native uWS build: the npm package holding it, the folder of its binaries, what it is. */
export interface UwsBuild {
  package: '@trufflesuite/uws-js-unofficial' | '@based/uws';
  /** Folder of the `.node` files, relative to the package's CommonJS entry. */
  binaries: string;
  uwsVersion: 'v20.30' | 'v20.51';
  /** Whether `res.pause()` holds every read of a request body back (see the header comment). */
  bodyBackpressure: boolean;
}

const V20_30: UwsBuild = { package: '@trufflesuite/uws-js-unofficial', binaries: '../binaries', uwsVersion: 'v20.30', bodyBackpressure: true };
const V20_51: UwsBuild = { package: '@based/uws', binaries: '.', uwsVersion: 'v20.51', bodyBackpressure: false };

/** Which build serves each Node ABI: v20.30 wherever it exists, v20.51 for the newer lines. */
const BUILDS: Readonly<Record<string, UwsBuild>> = {
  '93': V20_30, '108': V20_30, '115': V20_30, '127': V20_51, '131': V20_51, '137': V20_51, '141': V20_51,
};

/** The build boltstack loads for a Node ABI (v20.51 for ABIs neither package has, so the reason names it). */
export function uwsBuildFor(abi: string): UwsBuild {
  return BUILDS[abi] ?? V20_51;
}

/** The head size uWS itself accepts (it answers 431 past it); the adapter's own limit sits below. */
export const UWS_HEAD_LIMIT_BYTES = 64 * 1024;

/** glibc each Linux build needs, by Node ABI (from the binaries' symbol versions). */
const LINUX_GLIBC_BY_ABI: Readonly<Record<string, string>> = {
  '108': '2.27', '115': '2.27', '127': '2.27', '131': '2.27', '137': '2.38', '141': '2.38',
};

/** Thrown when no native build loads; `reason` is one line, fit for a warning and for health. */
export class UwsUnavailable extends Error {
  constructor(readonly reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'UwsUnavailable';
  }
}

/** What the loader needs to know about the running process (a parameter so tests can vary it). */
export interface UwsPlatform {
  platform: string;
  arch: string;
  /** Node's version, for people reading the reason. */
  node: string;
  /** Node's ABI version, `process.versions.modules`. */
  abi: string;
  /** The running glibc ('2.36'), or undefined when the C library is not glibc (musl) or unknown. */
  glibc: string | undefined;
}

/**
 * The running platform. Reading glibc's version costs a diagnostic report (~13 ms), so it is
 * asked for only when a build did not load, to explain why.
 */
export function currentPlatform(): UwsPlatform {
  return {
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    abi: process.versions.modules,
    glibc: process.platform === 'linux' ? runningGlibc() : undefined,
  };
}

/** Loads the native uWS build for this platform and Node ABI, or throws `UwsUnavailable` saying why not. */
export function loadUws(): UwsModule {
  const require = createRequire(import.meta.url);
  const build = uwsBuildFor(process.versions.modules);
  let entry: string;
  try {
    // @based/uws's `exports` hide package.json; both packages' CommonJS entries resolve.
    entry = require.resolve(build.package);
  } catch (cause) {
    throw new UwsUnavailable(`uWebSockets.js is not installed (npm package ${build.package} not found)`, { cause });
  }
  const binary = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  const path = join(dirname(entry), build.binaries, binary);
  if (!nodeFs().existsSync(path)) throw new UwsUnavailable(unavailableReason(currentPlatform(), false)!);
  // uWS v20.51 reads its request-head limit from the environment once, when the binary loads. Its 4 KiB
  // default is below what S3 accepts (8 KiB for a PUT head) and below the adapter's own
  // `maxHeaderBytes` check (16 KiB by default, answered with 431), so raise it unless the user set it.
  process.env.UWS_HTTP_MAX_HEADERS_SIZE ??= String(UWS_HEAD_LIMIT_BYTES);
  try {
    return require(path) as UwsModule;
  } catch (cause) {
    const platform = currentPlatform();
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    const reason = unavailableReason(platform, true) ?? `the uWS build for ${describe(platform)} did not load (${binary}): ${detail}`;
    throw new UwsUnavailable(reason, { cause });
  }
}

/**
 * Why this platform has no native build that can load, or undefined when one should. Names the
 * real cause ("with glibc 2.36; that build needs glibc >= 2.38") rather than the dynamic loader's
 * symbol error.
 */
export function unavailableReason(platform: UwsPlatform, binaryExists: boolean): string | undefined {
  const where = describe(platform);
  if (!binaryExists) return `no uWS build for ${where}`;
  if (platform.platform !== 'linux') return undefined;
  const needs = LINUX_GLIBC_BY_ABI[platform.abi] ?? '2.27';
  if (platform.glibc === undefined) return `no uWS build for ${where}: the builds need glibc`;
  if (compareVersions(platform.glibc, needs) < 0) return `no uWS build for ${where}; that build needs glibc >= ${needs}`;
  return undefined;
}

function describe(p: UwsPlatform): string {
  const libc = p.platform !== 'linux' ? '' : p.glibc === undefined ? ' without glibc (musl?)' : ` with glibc ${p.glibc}`;
  return `Node ABI ${p.abi} (Node ${p.node}) on ${p.platform}/${p.arch}${libc}`;
}

function runningGlibc(): string | undefined {
  // The diagnostic report's header names the glibc the process runs on (absent under musl).
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
