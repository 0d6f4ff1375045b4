#!/usr/bin/env bash
# clang-format --dry-run -Werror over every tracked *.c, *.h, *.cpp, *.hpp (tests/lint.cmake).
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
ci=false
[[ ${CI:-} != "" && ${CI:-} != 0 && ${CI:-} != false ]] && ci=true
if ! command -v clang-format >/dev/null || ! git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  $ci && { echo "Lint.ClangFormat: clang-format or the git checkout is missing under CI" >&2; exit 1; }
  echo "NOTICE: Lint.ClangFormat skipped: needs clang-format and a git checkout"; exit 77
fi
cd "$root"
mapfile -t files < <(git ls-files '*.c' '*.h' '*.cpp' '*.hpp')
((${#files[@]} > 100)) || { echo "Lint.ClangFormat: only ${#files[@]} sources found" >&2; exit 1; }
if ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "Lint.ClangFormat: the files above are not formatted; run: git ls-files '*.c' '*.h' '*.cpp' '*.hpp' | xargs clang-format -i" >&2
  exit 1
fi
echo "${#files[@]} sources formatted as .clang-format says"
