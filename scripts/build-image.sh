#!/usr/bin/env bash
# Builds boltstack's container image without a container registry, equivalent to the Dockerfile
# (whose runtime lines it uses as they are):
#   base  Debian 12 (bookworm) minbase root fs from debootstrap, with the Dockerfile's `node` user
#         (uid 1000) and data dir; imported once and cached as localhost/boltstack-base:<key>,
#         the key a hash of this script's base section, so a change to it builds a new base;
#   node  the Node binary of the `node-linux-<arch>` npm package (scripts/fetch-node.sh), Node 22
#         as in the Dockerfile's node:22-bookworm-slim (BOLTSTACK_IMAGE_NODE to change);
#   app   `npm pack` of this checkout (prepack builds) installed with --omit=dev from the npm
#         registry into /opt/boltstack, uWS builds for other platforms pruned (prune-uws.mjs).
# Needs root, debootstrap and podman (apt-get install podman runc debootstrap), run through
# scripts/podman.sh. Prints the image's tag (default localhost/boltstack:local) on stdout.
#   scripts/build-image.sh [TAG]
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:-localhost/boltstack:local}"
podman=scripts/podman.sh
work="$(mktemp -d "${TMPDIR:-/tmp}/boltstack-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log() { echo "build-image: $*" >&2; }

# base-start
suite=bookworm
base="localhost/boltstack-base:$(sed -n '/^# base-start/,/^# base-end/p' "$0" | sha256sum | cut -c1-12)"
if ! $podman image exists "$base"; then
  log "building the base root fs ($suite, minbase) with debootstrap: a minute or two"
  rootfs="$work/rootfs"
  debootstrap --variant=minbase "$suite" "$rootfs" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # What a slim image leaves out: package caches and lists, docs, man pages, translations.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
  # The official Node images' unprivileged user, which the Dockerfile runs as.
  echo 'node:x:1000:1000::/home/node:/bin/sh' >> "$rootfs/etc/passwd"
  echo 'node:x:1000:' >> "$rootfs/etc/group"
  echo 'node:*:20000:0:99999:7:::' >> "$rootfs/etc/shadow"
  mkdir -p "$rootfs/home/node" "$rootfs/var/lib/boltstack"
  chown 1000:1000 "$rootfs/home/node" "$rootfs/var/lib/boltstack"
  tar -C "$rootfs" -c . | $podman import - "$base" > /dev/null
  rm -rf "$rootfs"
fi
# base-end

node_bin="$(scripts/fetch-node.sh "${BOLTSTACK_IMAGE_NODE:-22}")"
log "node $("$node_bin" --version), base $base"
cp "$node_bin" "$work/node"

npm pack --pack-destination "$work" --silent > /dev/null
mkdir -p "$work/app"
echo '{"private":true}' > "$work/app/package.json"
(cd "$work/app" && npm install --omit=dev --no-audit --no-fund --no-package-lock --silent "$work"/boltstack-*.tgz)
rm "$work/app/package.json"
"$node_bin" scripts/prune-uws.mjs "$work/app/node_modules" >&2

{
  echo "FROM $base"
  echo 'COPY node /usr/local/bin/node'
  echo 'COPY app /opt/boltstack'
  sed -n '/^# runtime-start/,/^# runtime-end/p' Dockerfile
} > "$work/Containerfile"
# --format docker: OCI images have no HEALTHCHECK.
$podman build --quiet --format docker --tag "$tag" --file "$work/Containerfile" "$work" > /dev/null
log "built $tag ($($podman image inspect --format '{{.Size}}' "$tag") bytes)"
echo "$tag"
