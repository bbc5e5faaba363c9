#!/usr/bin/env bash
# The console's end-to-end tests: builds the console and the `huoyan` binary, starts
# `huoyan demo` on a free port over a fresh data directory, waits until it is healthy, drives
# Debian's Chromium (/usr/bin/chromium; ./scripts/setup-browser.sh installs it) headless through
# the tests in console/e2e, stops the server and exits with the tests' status. Before the browser,
# it fails when the console's generated API types differ from the server's OpenAPI document.
# Screenshots and the exported workbook are kept in console/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "test-e2e: ${CHROMIUM:-/usr/bin/chromium} is missing; run ./scripts/setup-browser.sh" >&2
  exit 1
fi
./scripts/build-console.sh
# HUOYAN_BIN=/path/to/huoyan tests that binary instead of building one.
bin="${HUOYAN_BIN:-}"
if [ -z "$bin" ]; then
  cargo build -p huoyan-cli
  bin="${CARGO_TARGET_DIR:-target}/debug/huoyan"
fi

data=$(mktemp -d "${TMPDIR:-/tmp}/huoyan-e2e.XXXXXX")
. scripts/demo-server.sh
# The demo's GB/T 26875.3 gateway on its own free port: the monitoring tests send frames to it.
gateway="127.0.0.1:$(free_port)"
start_demo "$bin" "$data" "$gateway"
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  mkdir -p "$root/console/e2e/artifacts"
  cp "$log" "$root/console/e2e/artifacts/server.log" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

wait_demo test-e2e

# The console's API types (console/src/shared/api/openapi.d.ts) must be what the server under test
# documents: generated again from its /api/v1/openapi.json with the same command, byte for byte.
(cd console && npm run --silent gen:api -- "${url}/api/v1/openapi.json" --out "$data/openapi.d.ts")
if ! cmp -s "$data/openapi.d.ts" console/src/shared/api/openapi.d.ts; then
  diff -u console/src/shared/api/openapi.d.ts "$data/openapi.d.ts" | head -60 >&2 || true
  echo "test-e2e: the console's API types are stale: run \`npm run gen:api -- <url>\` in console/ and commit" >&2
  echo "test-e2e: (<url>: /api/v1/openapi.json of a running huoyan of this version, e.g. http://127.0.0.1:8080/api/v1/openapi.json)" >&2
  exit 1
fi
echo "test-e2e: the console's API types match the server's OpenAPI document"

cd console
set +e
HUOYAN_URL="$url" HUOYAN_GATEWAY="$gateway" node --test --test-concurrency=1 e2e/
status=$?
set -e
echo "test-e2e: screenshots in console/e2e/artifacts/"
exit $status
