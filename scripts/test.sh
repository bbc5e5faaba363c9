#!/usr/bin/env bash
# Runs every test of Huoyan: unit, storage (SQLite, and PostgreSQL when it is reachable), API,
# import and command-line tests, the API fuzzing (schemathesis) and the browser tests.
# Usage: ./scripts/test.sh [extra cargo test args]
#
# PostgreSQL: the storage suite also runs on PostgreSQL when HUOYAN_TEST_PG_URL is set (each test
# makes and drops its own schema). If it is unset and a server answers on 127.0.0.1:5432, this
# script uses postgres://postgres@127.0.0.1:5432/test.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${HUOYAN_TEST_PG_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  export HUOYAN_TEST_PG_URL="postgres://postgres@127.0.0.1:5432/test"
fi
if [ -n "${HUOYAN_TEST_PG_URL:-}" ]; then
  echo "PostgreSQL tests: on (${HUOYAN_TEST_PG_URL})"
else
  echo "PostgreSQL tests: off (set HUOYAN_TEST_PG_URL to run them)"
fi

# Formatting is part of the build: one style (rustfmt.toml) so diffs carry only their change.
cargo fmt --all -- --check

# Lints and documentation are part of the build too: no clippy warning, no broken doc link.
cargo clippy --workspace --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps

cargo test --workspace "$@"

# The HTTP API against its own OpenAPI document: schemathesis (PyPI, installed the first time into
# .venv-schemathesis/) fuzzes the demo, bounded in examples and time. HUOYAN_SKIP_API_FUZZ=1 skips it.
if [ "${HUOYAN_SKIP_API_FUZZ:-}" != "1" ]; then
  ./scripts/test-api-fuzz.sh
fi

# The console in a real browser: Debian's Chromium (installed when missing), the demo server,
# the end-to-end tests (console/e2e). HUOYAN_SKIP_E2E=1 skips them.
if [ "${HUOYAN_SKIP_E2E:-}" != "1" ]; then
  ./scripts/setup-browser.sh && ./scripts/test-e2e.sh
fi
