#!/usr/bin/env bash
# podman as it runs on this project's machines (Debian 12's podman 4.3 in a sandbox with hybrid
# cgroups): the runc runtime (crun refuses the hybrid cgroups) and a containers.conf without the
# default ulimits (setting RLIMIT_NPROC is refused). Elsewhere plain podman or docker will do.
#   scripts/podman.sh run --rm IMAGE ...
set -euo pipefail
conf="${TMPDIR:-/tmp}/boltstack-containers.conf"
if [ ! -f "$conf" ]; then
  printf '[containers]\ndefault_ulimits = []\n' > "$conf.$$" && mv "$conf.$$" "$conf"
fi
export CONTAINERS_CONF="$conf"
exec podman --runtime runc "$@"
