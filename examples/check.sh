#!/usr/bin/env bash
# Runs one example on real data and checks what it prints (ctest Examples.*).
#   examples/check.sh cpp|c|python|cli PROGRAM
# PROGRAM: the built example (cpp, c), libaccord (python) or the accord CLI (cli).
# Needs ../shared/data (the NHS practice file): without it a notice and exit 77 (skipped), under
# CI=true a failure.
set -euo pipefail
kind=$1 program=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
practices=../shared/data/nhs/practices_herefordshire_worcestershire_2025.csv
ballots=tests/data/herefordshire_ballots.csv
if [[ ! -f $practices ]]; then
  if [[ ${CI:-} != "" && ${CI:-} != 0 && ${CI:-} != false ]]; then echo "missing $practices under CI" >&2; exit 1; fi
  echo "NOTICE: Examples.$kind skipped: shared data not found ($practices)"; exit 77
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.png"' EXIT
expect() { # every argument must appear as a line (fixed string, whole line) of the output
  for line in "$@"; do
    grep -qxF -- "$line" "$out" || { cat "$out"; echo "check.sh: expected the line: $line" >&2; exit 1; }
  done
}
case $kind in
  cpp)
    "$program" "$ballots" irv borda schulze >"$out"
    expect "8 candidates, 19 distinct ballots" "irv: Workforce retention" "borda: Same-day access hub" \
           "schulze: Workforce retention" "irv, ties by candidate order: Same-day access hub"
    expect "  round 7: elected Workforce retention" \
           "  Workforce retention           6  6  6  6  6  6  11" ;;
  c)
    "$program" "$practices" "$ballots" irv equal sqrt population -- U12199 U38064 U50083 U65562 U98974 >"$out"
    expect "19 ballots; 27 units in the organisation" \
           "equal        Workforce retention          7" \
           "sqrt         Same-day access hub          7" \
           "population   Same-day access hub          6" ;;
  python)
    py=python3
    /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && py=/usr/bin/python3
    ACCORD_LIBRARY=$program PYTHONPATH=$root/bindings/python "$py" examples/python/analyst.py \
      "$practices" "$ballots" --plot "$out.png" >"$out"
    expect "population           23.2%        10.8        5 practices" \
           "equal        Workforce retention    Same-day access hub    Workforce retention" \
           "sqrt         Same-day access hub    Same-day access hub    Same-day access hub" \
           "winners: Workforce retention, Same-day access hub"
    if "$py" -c 'import matplotlib' 2>/dev/null; then
      expect "plot: $out.png"
      [[ $(head -c 8 "$out.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || { echo "not a PNG" >&2; exit 1; }
    else
      echo "NOTICE: matplotlib not installed: the plot was not checked"
    fi ;;
  cli)
    examples/cli/session.sh "$program" >"$out"
    expect "winners: Workforce retention" "winners: ['Same-day access hub']" "M81026 0.322" \
           "largest share     23.22%" ;;
  *) echo "check.sh: unknown example $kind" >&2; exit 2 ;;
esac
echo "Examples.$kind: output as expected"
