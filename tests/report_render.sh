#!/bin/sh
# usage: report_render.sh DEMO OUTDIR PNG_CHECK
# Writes the sample report, screenshots it in headless Chromium and checks the picture.
set -eu
demo=$1 out=$2 check=$3
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: no chromium found (apt-get install chromium); report rendering not tested"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 needed to read the screenshot"
  exit 77
fi
mkdir -p "$out"
rm -f "$out/report.png"
"$demo" "$out/report.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$out/report.png" --window-size=1200,900 \
  "file://$out/report.html" >"$out/chromium.log" 2>&1 || { cat "$out/chromium.log"; exit 1; }
test -s "$out/report.png" || { echo "no screenshot written"; cat "$out/chromium.log"; exit 1; }
python3 "$check" "$out/report.png"
