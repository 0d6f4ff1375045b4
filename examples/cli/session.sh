#!/usr/bin/env bash
# A session at the terminal: from a ballot file to a weighting comparison with the accord CLI.
#   examples/cli/session.sh [ACCORD_BINARY]     (default: accord on PATH; run from the repository root)
# Every command here is in docs/guide.md with its output.
set -euo pipefail
accord=${1:-accord}
practices=../shared/data/nhs/practices_herefordshire_worcestershire_2025.csv
ballots=tests/data/herefordshire_ballots.csv
within=(--within U12199 --within U38064 --within U50083 --within U65562 --within U98974)

echo "\$ accord info $ballots --unit-column unit"
"$accord" info "$ballots" --unit-column unit

echo; echo "\$ accord run irv $ballots --unit-column unit"        # one practice, one ballot, no weights
"$accord" run irv "$ballots" --unit-column unit

echo; echo "\$ accord weights ... --scheme population"   # whose vote counts how much
"$accord" weights "$practices" "${within[@]}" --scheme population | tail -n 4

echo; echo "\$ accord run irv $ballots --org ... --scheme population --json | winners"
"$accord" run irv "$ballots" --org "$practices" "${within[@]}" --scheme population --json |
  python3 -c 'import json, sys; print("winners:", json.load(sys.stdin)["winners"])'

echo; echo "\$ accord analyse sweep $ballots --org ... --rules irv,borda --schemes equal,population"
"$accord" analyse sweep "$ballots" --org "$practices" "${within[@]}" --rules irv,borda \
  --schemes equal,population | sed -n '1,8p'

echo; echo "\$ accord power --org ... --scheme population --indices banzhaf --json | largest"
"$accord" power --org "$practices" "${within[@]}" --scheme population --indices banzhaf --json |
  python3 -c 'import json, sys; j = json.load(sys.stdin); i = max(range(len(j["banzhaf"])), key=j["banzhaf"].__getitem__); print(j["players"][i], round(j["banzhaf"][i], 3))'
