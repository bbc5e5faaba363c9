#!/usr/bin/env bash
# Builds the web console into console/dist, which `huoyan serve` / `huoyan demo` serve.
# Installs the npm packages first (npm ci, from the committed package-lock.json) when
# node_modules is missing or older than the lock file. Needs Node.js >= 20.19 and npm.
set -euo pipefail
cd "$(dirname "$0")/../console"

if ! command -v npm >/dev/null 2>&1; then
  echo "build-console: npm is not installed (Node.js >= 20.19 is needed to build the console)" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "build-console: npm ci"
  npm ci --no-audit --no-fund
fi
npm run build
echo "build-console: console/dist is ready"
