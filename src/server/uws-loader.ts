/**
 * The one module that loads uWebSockets.js, and the one place that knows which builds exist.
 *
 * The npm package's own entry (`uws.js`) throws a generic message when the native binary does not
 * load; boltstack needs to say precisely why (which Node ABI, which glibc) so the fallback warning
 * and /_boltstack/health tell the user what to change. We require the native binary directly and
 * throw a `UwsUnavailable` carrying a one-line reason instead, so the caller (index.ts) can decide,
 * loudly, what to do.
 *
 * The package is `@based/uws` 6.0.1 (uWS v20.51), pinned exactly: its `latest` tag is an older
 * release without these builds. Its Linux builds and what they need (objdump -T, GLIBC_ versions):
 *   ABI 108, 115, 127, 131 (Node 18, 20, 22, 23): glibc >= 2.27
 *   ABI 137, 141 (Node 24, 25): glibc >= 2.38 (Debian 13, Ubuntu 24.04 and later)
 * No npm-published build for ABI 137 loads on an older glibc (checked: @btc-vision/uwebsockets.js
 * 20.57.0 and uwebsockets 3.0.6 need 2.38 too). Musl (Alpine) has no build at all.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Uws from '@based/uws';

export type UwsModule = typeof Uws;

const PACKAGE = '@based/uws';

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
  let entry: string;
  try {
    // The package's `exports` hide package.json; its CommonJS entry sits beside the binaries.
    entry = require.resolve(PACKAGE);
  } catch (cause) {
    throw new UwsUnavailable(`uWebSockets.js is not installed (npm package ${PACKAGE} not found)`, { cause });
  }
  const binary = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  const path = join(dirname(entry), binary);
  if (!existsSync(path)) throw new UwsUnavailable(unavailableReason(currentPlatform(), false)!);
  // uWS reads its request-head limit from the environment once, when the binary loads. Its 4 KiB
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
