# boltstack's container image: `docker build -t boltstack .`, then
#   docker run -p 4566:4566 -v boltstack-data:/var/lib/boltstack boltstack
# docs/install.md says how to use it; scripts/build-image.sh builds the same image without a
# registry (debootstrap + Node from npm), and test/e2e/container-image.test.ts checks it.
#
# Node 22 on Debian 12 (glibc 2.36): the native front end (uWS v20.51, @based/uws) loads there.
# Node 24's uWS build needs glibc >= 2.38, so on a bookworm image it would serve on node:http.
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Build and pack, as `npm pack` does for the npm registry (prepack runs the build).
FROM ${NODE_IMAGE} AS pack
WORKDIR /src
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src src
COPY workers workers
COPY native-store native-store
COPY bench bench
COPY test test
COPY docs docs
COPY README.md LICENSE ./
RUN mkdir -p /pkg && npm pack --pack-destination /pkg

# 2. Install the package as a user would (runtime dependencies only), then drop the uWS builds
#    for other platforms and Node versions (about 300 MB; see scripts/prune-uws.mjs).
FROM ${NODE_IMAGE} AS install
WORKDIR /opt/boltstack
COPY --from=pack /pkg /pkg
COPY scripts/prune-uws.mjs /tmp/prune-uws.mjs
RUN echo '{"private":true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund --no-package-lock /pkg/boltstack-*.tgz \
 && node /tmp/prune-uws.mjs /opt/boltstack/node_modules \
 && rm -rf /root/.npm

# 3. The image: Node, the installed package, a data volume; no npm cache, no build tools.
FROM ${NODE_IMAGE}
COPY --from=install /opt/boltstack /opt/boltstack
RUN mkdir -p /var/lib/boltstack && chown node:node /var/lib/boltstack
# runtime-start: scripts/build-image.sh uses these lines as they are.
# MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (libuv's pool, LevelDB's compaction,
# V8's workers) an arena of its own, which keeps the chunks it frees; two arenas in all lowered the
# dynamodb-figures sequence's peak from 94.1 to 89.6 MiB at the same CPU per request (quiet, same
# session; docs/configuration.md, "Memory"). glibc reads it only at process start: set here, the
# command does not need to restart itself to get it (src/cli-malloc-arenas.ts, Node 22.15+).
ENV BOLTSTACK_HOST=0.0.0.0 \
    BOLTSTACK_PORT=4566 \
    BOLTSTACK_DATA_DIR=/var/lib/boltstack \
    MALLOC_ARENA_MAX=2
USER node
WORKDIR /var/lib/boltstack
VOLUME /var/lib/boltstack
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.BOLTSTACK_PORT||4566)+'/_localstack/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1: boltstack handles SIGTERM and SIGINT itself (finishes in-flight requests, closes
# the store) and starts no child processes, so no init is needed.
# The V8 settings the boltstack command otherwise sets at run time (src/cli.ts), on node's command
# line so the server does not load node:v8 (and the node:stream it brings) at start: idle VmRSS
# 47.7-48.1 against 50.0-50.3 MiB with the same build (docs/configuration.md, "Memory"). --max-semi-space-size=1 is the
# command-line form of the young-generation bound; --expose-gc serves the one collection after
# Ready; TurboFan comes back on once the server is busy (and Maglev where the Node line has it on by
# default, Node 24; node:22 leaves it off, so there --no-maglev changes nothing). BOLTSTACK_V8_FLAGS sets its flags on top
# of these at run time; to run without them, give your own `--entrypoint node ...` command line.
ENTRYPOINT ["node", "--max-semi-space-size=1", "--no-separate-gc-phases", "--heap-growing-percent=20", "--no-turbofan", "--no-maglev", "--expose-gc", "/opt/boltstack/node_modules/boltstack/dist/src/cli.js"]
# runtime-end
