#!/usr/bin/env bash
# The C API reference (docs/Doxyfile): doxygen must render include/accord/accord.h with no warning,
# so every public symbol carries a comment. Then the check is shown to bite: a copy of the header
# with one comment removed must fail. Without doxygen: a visible notice and exit 77 (skipped); under
# CI=true a failure (scripts/setup.sh installs doxygen).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build}/docs/c-api
if ! command -v doxygen >/dev/null; then
  if [[ ${CI:-} != "" && ${CI:-} != 0 && ${CI:-} != false ]]; then
    echo "Docs.CApiReference: doxygen is missing under CI (apt-get install doxygen)" >&2; exit 1
  fi
  echo "NOTICE: Docs.CApiReference skipped: doxygen not installed (apt-get install doxygen)"; exit 77
fi
mkdir -p "$out"
cd "$root"
# The version is the header's (ACCORD_VERSION_*), never written in the Doxyfile.
ACCORD_VERSION=$(sed -n 's/^#define ACCORD_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' include/accord/accord.h | paste -sd.)
export ACCORD_VERSION
if ! ACCORD_DOXYGEN_OUT=$out doxygen docs/Doxyfile; then
  echo "Docs.CApiReference: accord.h has undocumented or badly documented symbols (above)" >&2; exit 1
fi
[[ -f $out/html/accord_8h.html ]] || { echo "no $out/html/accord_8h.html" >&2; exit 1; }
for symbol in accord_run accord_profile_new accord_status accord_analyse_smaa ACCORD_VERSION_NUMBER; do
  grep -q "$symbol" "$out/html/accord_8h.html" || { echo "reference lacks $symbol" >&2; exit 1; }
done
grep -q "$ACCORD_VERSION" "$out/html/index.html" || { echo "reference does not show version $ACCORD_VERSION" >&2; exit 1; }
echo "reference: $out/html/index.html"
# The check bites: remove the comment of accord_profile_unique_count in a copy and expect a failure.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/include/accord" "$work/docs"
grep -v 'Number of distinct ballots' include/accord/accord.h >"$work/include/accord/accord.h"
cp docs/Doxyfile "$work/docs/"
if (cd "$work" && ACCORD_DOXYGEN_OUT=$work/out doxygen docs/Doxyfile 2>"$work/err"); then
  echo "Docs.CApiReference: doxygen accepted an undocumented function" >&2; exit 1
fi
grep -q "accord_profile_unique_count" "$work/err" || { cat "$work/err" >&2; exit 1; }
echo "an undocumented function fails the check, as it should"
