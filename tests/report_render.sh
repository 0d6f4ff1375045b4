#!/bin/sh
# usage: report_render.sh OUTDIR PNG_CHECK WRITER [ARGS...]
# Runs `WRITER ARGS... OUTDIR/report.html` to write a report, renders it in headless Chromium, and
# checks that it draws: the screenshot (PNG_CHECK: size, colours, ink, the heatmap's dark blue) and
# the DOM after rendering (the inline SVG's cells and bars are there). Without Chromium it skips
# visibly (exit 77) outside CI and fails under CI=true, where scripts/setup.sh installs `chromium`.
set -eu
out=$1 check=$2
shift 2
case "${CI:-}" in ""|0|false) ci=0 ;; *) ci=1 ;; esac
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1; then python=$(command -v "$p"); break; fi
done
if [ -z "$browser" ] || [ -z "$python" ]; then
  what="chromium (apt-get install chromium)"
  [ -n "$browser" ] && what="python3 to read the screenshot"
  if [ "$ci" = 1 ]; then echo "FAIL: no $what under CI; the report's rendering must be tested there"; exit 1; fi
  echo "SKIP: no $what; report rendering not tested"
  exit 77
fi
mkdir -p "$out"
rm -f "$out/report.png" "$out/report.html" "$out/dom.html"
"$@" "$out/report.html"
test -s "$out/report.html" || { echo "the report was not written"; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1200,900 "$@" "file://$out/report.html"
}
run_browser --screenshot="$out/report.png" >"$out/chromium.log" 2>&1 || { cat "$out/chromium.log"; exit 1; }
test -s "$out/report.png" || { echo "no screenshot written"; cat "$out/chromium.log"; exit 1; }
"$python" "$check" "$out/report.png"
run_browser --dump-dom >"$out/dom.html" 2>>"$out/chromium.log" || { cat "$out/chromium.log"; exit 1; }
svgs=$(grep -o "<svg" "$out/dom.html" | wc -l)
rects=$(grep -o "<rect" "$out/dom.html" | wc -l)
echo "rendered DOM: $svgs svg elements, $rects rect elements"
if [ "$svgs" -lt 1 ] || [ "$rects" -lt 10 ]; then echo "the rendered page lacks its SVG drawing"; exit 1; fi
