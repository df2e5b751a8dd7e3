#!/usr/bin/env node
/**
 * Container images only: removes the uWebSockets.js builds that cannot load in the image. The two
 * uWS packages ship a binary for every platform and Node ABI (about 300 MB together); an image
 * has one platform and one Node, so it keeps the one binary boltstack's loader would pick there
 * (dist/src/server/uws-loader.js decides, not this script) and drops the other package.
 * Never run it on a node_modules shared with another Node version or platform.
 *   node scripts/prune-uws.mjs NODE_MODULES [ABI [PLATFORM ARCH]]   (default: this node's)
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulesArg, abi = process.versions.modules, platform = process.platform, arch = process.arch] = process.argv.slice(2);
if (!modulesArg) {
  console.error('usage: node scripts/prune-uws.mjs NODE_MODULES [ABI [PLATFORM ARCH]]');
  process.exit(2);
}
const boltstackDir = join(resolve(modulesArg), 'boltstack');
const { uwsBuildFor } = await import(pathToFileURL(join(boltstackDir, 'dist/src/server/uws-loader.js')).href);
const require = createRequire(join(boltstackDir, 'package.json'));

/** The folder of an installed package, from its CommonJS entry (@based/uws hides package.json). */
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function bytes(path) {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((s, n) => s + bytes(join(path, n)), 0) : st.size;
}

function nativeFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return nativeFiles(path);
    return e.name.endsWith('.node') ? [path] : [];
  });
}

const build = uwsBuildFor(abi);
const keep = join(dirname(require.resolve(build.package)), build.binaries, `uws_${platform}_${arch}_${abi}.node`);
if (!existsSync(keep)) {
  console.error(`prune-uws: ${build.package} has no build ${keep}; nothing removed (boltstack would serve on node:http)`);
  process.exit(1);
}
let removed = 0;
for (const file of nativeFiles(packageDir(build.package))) {
  if (file === keep) continue;
  removed += statSync(file).size;
  rmSync(file);
}
for (const other of ['@based/uws', '@trufflesuite/uws-js-unofficial']) {
  if (other === build.package) continue;
  let dir;
  try { dir = packageDir(other); } catch { continue; }
  removed += bytes(dir);
  rmSync(dir, { recursive: true });
}
console.log(`prune-uws: kept ${keep.slice(resolve(modulesArg).length + 1)}; removed ${(removed / 1e6).toFixed(1)} MB`);
