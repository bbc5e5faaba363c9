#!/usr/bin/env bash
# Installs the browser the console's end-to-end tests drive: Debian's own Chromium and a CJK font
# (so Chinese text renders in screenshots), and DejaVu Sans (the map's label glyphs). Idempotent: does nothing when /usr/bin/chromium and the
# font are there. Never downloads a browser any other way (no Playwright browser download).
# Needs root (or sudo) and apt access to the Debian mirrors.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! { [ -d /usr/share/fonts/truetype/wqy ] || fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; }; then
  need+=(fonts-wqy-microhei)
fi
# DejaVu Sans: the Latin of the map's label glyphs (scripts/build-console.sh makes them).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-browser: /usr/bin/chromium and a CJK font are installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-browser: need root to apt-get install ${need[*]}" >&2
    exit 1
  fi
fi
echo "setup-browser: installing ${need[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version
