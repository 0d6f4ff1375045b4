#!/bin/sh
# usage: declare_writer.sh ACCORD SOURCE_DIR OUT.html
# Writes the declaration of the worked example's priority vote (docs/governance.md): a record of
# the vote by all 19 Herefordshire practices, then `accord declare`. Needs ../shared/data: without
# it, exits 77 (skip) outside CI and fails under CI=true.
set -eu
accord=$1 src=$2 out=$3
case "${CI:-}" in ""|0|false) ci=0 ;; *) ci=1 ;; esac
if [ ! -f "$src/../shared/data/nhs/practices_herefordshire_worcestershire_2025.csv" ]; then
  if [ "$ci" = 1 ]; then echo "FAIL: ../shared/data is missing under CI"; exit 1; fi
  echo "SKIP: ../shared/data is not here; the declaration is not rendered"
  exit 77
fi
record=$(dirname "$out")/record.json
cd "$src"
"$accord" vote examples/governance/herefordshire.json examples/governance/priorities.csv --category priorities \
  --record "$record" >/dev/null
"$accord" declare "$record" -o "$out"
