#!/usr/bin/env bash
# clang-tidy (.clang-tidy: bugprone-*, performance-*) over src/ with the build's compile database
# (tests/lint.cmake, scripts/lint). Usage: clang_tidy_check.sh ROOT BUILD_DIR [FILE_REGEX...]
# A full run parses every source with Boost and GMP, about 20 CPU-minutes (10 files: 1m57s of CPU), so the ctest
# runs it only when ACCORD_LINT_TIDY=1 (scripts/lint sets it); otherwise it is skipped (exit 77)
# with a notice, as it is without clang-tidy or without compile_commands.json.
set -uo pipefail
root=${1:?root}
build=${2:?build directory}
shift 2
regexes=("$@")
((${#regexes[@]})) || regexes=("$root/src/")
ci=false
[[ ${CI:-} != "" && ${CI:-} != 0 && ${CI:-} != false ]] && ci=true
skip() {
  echo "NOTICE: Lint.ClangTidy skipped: $1"
  exit 77
}
[[ ${ACCORD_LINT_TIDY:-0} == 1 ]] || skip "opt-in, about 20 CPU-minutes: run scripts/lint, or set ACCORD_LINT_TIDY=1"
tidy=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
if [[ -z $tidy ]] || ! command -v clang-tidy >/dev/null || [[ ! -f $build/compile_commands.json ]]; then
  $ci && { echo "Lint.ClangTidy: clang-tidy or $build/compile_commands.json is missing under CI" >&2; exit 1; }
  skip "needs clang-tidy, run-clang-tidy and a build configured with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON"
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# GCC-only warning flags in the compile database are not clang-tidy's business.
"$tidy" -quiet -j "$(nproc)" -p "$build" -extra-arg=-Wno-unknown-warning-option "${regexes[@]}" >"$out" 2>&1
status=$?
findings=$(grep -cE '(warning|error): .*\[[a-z]+-[a-z0-9.-]+\]$' "$out")
if ((status != 0 || findings != 0)); then
  grep -E -A3 '(warning|error): ' "$out" >&2
  echo "Lint.ClangTidy: $findings findings (run-clang-tidy exit $status); fix them, or NOLINT(check) with the reason" >&2
  exit 1
fi
echo "clang-tidy clean on ${regexes[*]}"
