#!/usr/bin/env bash
# Runs the end-to-end and service suites (plus the unit tests of the uWS loader and of node:http
# bodies, parts of which need Node 22+) again under other Node major lines, on the build
# `npm test` just made: `scripts/test-node-lines.sh 22 24`.
# Each server starts with --http-adapter auto, as a user's would, and the suite asserts which
# adapter this Node/glibc pair must get (BOLTSTACK_EXPECT_HTTP_ADAPTER, read by test/e2e/wire.test.ts):
# uWS v20.51 (@based/uws 6.0.1) loads on Node 20 and 22 with glibc >= 2.27 and on Node 24 with
# glibc >= 2.38; elsewhere boltstack must fall back to node:http and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist/test ] || { echo "test-node-lines: run npm test (or npm run build) first" >&2; exit 1; }
glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
at_least() { [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
for major in "$@"; do
  node_bin="$(scripts/fetch-node.sh "$major")"
  case "$major" in
    20|22) if at_least "$glibc" 2.27; then expect=uws; else expect=node-http; fi ;;
    24) if at_least "$glibc" 2.38; then expect=uws; else expect=node-http; fi ;;
    *) expect=node-http ;;
  esac
  echo "== Node $("$node_bin" --version), glibc ${glibc:-none}: expecting the $expect adapter"
  # The fetched node first on PATH too, for anything a test starts by name.
  PATH="$(dirname "$node_bin"):$PATH" BOLTSTACK_TEST_HTTP_ADAPTER=auto BOLTSTACK_EXPECT_HTTP_ADAPTER="$expect" \
    "$node_bin" node_modules/ava/entrypoints/cli.mjs \
    dist/test/e2e dist/test/services dist/test/unit/uws-loader.test.js dist/test/unit/node-http-request-body.test.js
done
