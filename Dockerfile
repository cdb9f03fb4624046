# syntax=docker/dockerfile:1
#
# SaferPlan as a container: built once, then `node` on the compiled bundle in dist/ (no TypeScript compiled at start).
#
#   docker build -t saferplan .
#   docker run --rm -p 3000:3000 -e SESSION_SECRET=... -e PUBLIC_URL=https://safety.example.gov.uk \
#     -e DATABASE_URL=postgres://saferplan:...@db/saferplan -e TRUST_PROXY=10.0.0.0/8 saferplan
#
# Every setting is an environment variable (README "Configuration", docs/deploy.md). The image sets NODE_ENV=production
# (SESSION_SECRET is then required and HSTS is sent), HOST=0.0.0.0, PORT=3000 and SQLITE_PATH=/data/saferplan.sqlite
# (mount a volume at /data when running on SQLite). Other commands run the same way: `docker run ... saferplan migrate`.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install with the lock file, compile src/ into dist/ and the stylesheet into public/build/ ----------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 and @node-rs/argon2 are native: a prebuilt binary when one matches, else compiled here.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY build ./build
COPY src ./src
COPY fixtures ./fixtures
# `npm ci` runs "prepare" (npm run build): esbuild bundles src/ into dist/ and writes dist/.sources, the fingerprint
# bin/saferplan.js checks at every start; Sass writes public/build/app.css. Development packages are then removed, and
# the CLI started once as a smoke test (it would compile again here if pruning had changed what the fingerprint reads).
RUN npm ci --no-audit --no-fund \
  && npm prune --omit=dev --no-audit --no-fund \
  && npm cache clean --force \
  && node bin/saferplan.js --help > /dev/null

# ---- runtime: Node, Chromium for PDFs, the built app; no compilers, run as the unprivileged `node` user ------------
FROM ${NODE_IMAGE} AS runtime
# Extra Debian packages, e.g. --build-arg EXTRA_PACKAGES=postgresql-client for `saferplan backup` on PostgreSQL
# (pg_dump must be the server's major version or newer: Debian bookworm's is 15).
ARG EXTRA_PACKAGES=""
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-liberation ca-certificates tini ${EXTRA_PACKAGES} \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SQLITE_PATH=/data/saferplan.sqlite \
    CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
# Owned by root and read-only to the app: templates, worker scripts and fixtures are read from src/ and fixtures/ at
# run time (src/platform/repositoryPaths.ts), the code from dist/. COPY keeps the files' times, so dist/.sources (a
# fingerprint of the sources' sizes and times) still matches and nothing is compiled when a container starts. The
# CLI's start below is a smoke test; were the fingerprint not to match, it would compile here, as root, once.
COPY --from=build /app /app
RUN node bin/saferplan.js --help > /dev/null \
  && node --input-type=module -e "import fs from 'node:fs'; import { STAMP, sourceFingerprint } from './build/sources.js'; \
      if (fs.readFileSync(STAMP, 'utf8') !== sourceFingerprint()) { console.error('dist/ does not match src/'); process.exit(1); }" \
  && mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# /ready: 200 once every migration has run and the database takes a write (src/app/routes.ready.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# tini forwards SIGTERM to node, which closes the server after the responses in flight (src/app/server.ts).
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/saferplan.js"]
# --no-demo: an empty production database must not get the demo partnership and its published demo passwords.
CMD ["serve", "--no-demo"]
