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

# The map's label glyphs (MapLibre glyph PBFs for Latin and full-width forms; Chinese is drawn
# with the browser's fonts), made from openly licensed fonts installed from Debian's packages
# (fonts-dejavu-core, fonts-wqy-microhei: ./scripts/setup-browser.sh installs them) by the
# project's own tool, cached in console/.glyphs and copied into dist/glyphs, which huoyan serves.
# Without a font the console is built without labels (a warning; the map works, names unshown).
fonts=()
for f in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc; do
  [ -f "$f" ] && fonts+=(--font "$f")
done
if [ ${#fonts[@]} -eq 0 ]; then
  echo "build-console: warning: no DejaVu Sans or WenQuanYi Micro Hei font: the map is built without labels" >&2
else
  if [ ! -f .glyphs/huoyan-sans/0-255.pbf ] || [ -n "$(find ../crates/huoyan-tiles/src -newer .glyphs/huoyan-sans/0-255.pbf -name '*.rs' | head -1)" ]; then
    rm -rf .glyphs
    (cd .. && cargo run -q -p huoyan-tiles --bin huoyan-glyphs -- "${fonts[@]}" --out console/.glyphs)
  fi
  mkdir -p dist/glyphs
  cp -r .glyphs/huoyan-sans dist/glyphs/
fi
echo "build-console: console/dist is ready"
