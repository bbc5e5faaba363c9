#!/usr/bin/env bash
# Builds the console, then runs the demo (Cambridge, MA) with it on http://127.0.0.1:8080/.
# Extra arguments go to `huoyan demo`, e.g. ./scripts/demo.sh --listen 0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-console.sh
exec cargo run --release -p huoyan-cli -- demo "$@"
