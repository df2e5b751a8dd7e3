/**
 * The one module that loads uWebSockets.js.
 *
 * The npm package's own entry (`src/uws.js`) silently falls back to a slow pure-JS server when
 * the native binary does not load; boltstack would then be slow without saying so. We require the
 * native binary directly and throw a clear error instead, so the caller (index.ts) can decide,
 * loudly, what to do.
 */
import { createRequire } from 'node:module';
import type * as Uws from '@trufflesuite/uws-js-unofficial';

export type UwsModule = typeof Uws;

const PACKAGE = '@trufflesuite/uws-js-unofficial';

/** Loads the native uWS build for this platform and Node ABI, or throws saying why not. */
export function loadUws(): UwsModule {
  const require = createRequire(import.meta.url);
  const binary = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  let packageJson: string;
  try {
    packageJson = require.resolve(`${PACKAGE}/package.json`);
  } catch (cause) {
    throw new Error(`uWebSockets.js is not installed (npm package ${PACKAGE} not found)`, { cause });
  }
  const path = packageJson.replace(/package\.json$/, `binaries/${binary}`);
  try {
    return require(path) as UwsModule;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new Error(
      `no native uWebSockets.js build for ${process.platform}/${process.arch} Node ABI ${process.versions.modules} ` +
        `(${binary}): ${reason}`,
      { cause },
    );
  }
}
