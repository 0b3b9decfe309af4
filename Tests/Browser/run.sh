#!/usr/bin/env bash
# Renders dkq's HTML report in headless Chromium (Debian package `chromium`) to a PNG and checks that it is
# not blank and shows the map. `make test` runs it; UPDATE_SCREENSHOT=1 also copies the PNG to docs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
dkq=${DKQ_BINARY:-.build/debug/dkq}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "html report test: chromium is not installed (make deps installs it)" >&2
  exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
DKQ_DATA=datasets "$dkq" --format html -c 'rate by municipality year 2021 vs national' > "$scratch/report.html"
# No network: the page must render with every request refused.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --disable-dev-shm-usage --user-data-dir="$scratch/profile" --force-device-scale-factor=1 \
  --window-size=900,1400 --screenshot="$scratch/report.png" "file://$scratch/report.html" >/dev/null 2>&1
python3 Tests/Browser/check_screenshot.py "$scratch/report.png"
if [ "${UPDATE_SCREENSHOT:-}" = 1 ]; then cp "$scratch/report.png" docs/report-chromium.png; fi
