"""An analyst's session in Python: Herefordshire's 19 practices, one ballot each, and the question
"does the weighting decide our priorities?".

    PYTHONPATH=bindings/python python3 examples/python/analyst.py \
        ../shared/data/nhs/practices_herefordshire_worcestershire_2025.csv \
        tests/data/herefordshire_ballots.csv [--plot weightings.png]

1. Load the organisation (real NHS list sizes) restricted to Herefordshire's five PCNs.
2. Compare weightings before anyone votes: the largest share, the effective number of voters and
   the smallest majority under one practice one vote, Penrose square roots and population.
3. Count the ballots under every weighting x rule (a sweep) and print who wins.
4. Plot each scheme's shares of the five largest practices, when matplotlib is installed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import accord

HEREFORDSHIRE = ["U12199", "U38064", "U50083", "U65562", "U98974"]  # the five PCN codes
SCHEMES = ["equal", "sqrt", "population"]
RULES = ["irv", "borda", "schulze"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("practices", type=Path, help="NHS practice file (shared/data/nhs)")
    parser.add_argument("ballots", type=Path, help="ballots CSV with a unit column (practice code)")
    parser.add_argument("--plot", type=Path, help="write a PNG of the shares (needs matplotlib)")
    args = parser.parse_args()

    org = accord.Organisation.from_file(args.practices, within=HEREFORDSHIRE)
    ballots = accord.Profile.from_file(args.ballots, unit_column="unit")
    print(f"{ballots.voters} ballots over {len(ballots.candidates)} priorities; "
          f"{len(org)} units (practices, PCNs and above)")

    print("\nWhose vote counts how much")
    print(f"{'scheme':<12} {'largest share':>13} {'effective n':>11} {'smallest majority':>17}")
    reports = {scheme: org.weights(scheme) for scheme in SCHEMES}
    for scheme, w in reports.items():
        print(f"{scheme:<12} {w['largest_share']:>13.1%} {w['effective_number']:>11.1f} "
              f"{w['min_majority']['count']:>8} practices")

    print("\nWho wins under each weighting and rule")
    sweep = accord.sweep(ballots, org, rules=RULES, schemes=SCHEMES)
    print((f"{'scheme':<12} " + " ".join(f"{rule:<22}" for rule in RULES)).rstrip())
    for scheme in SCHEMES:
        winners = {row.rule: row.winner or "(tie)" for row in sweep.rows if row.scheme == scheme}
        print((f"{scheme:<12} " + " ".join(f"{winners[rule]:<22}" for rule in RULES)).rstrip())
    print(f"winners: {', '.join(sweep.winners)}")

    if args.plot:
        try:
            import matplotlib
            matplotlib.use("Agg")  # files, no display
            import matplotlib.pyplot as plt
        except ImportError:
            print("NOTICE: matplotlib not installed; no plot (Debian: python3-matplotlib)", file=sys.stderr)
            return 0
        units = sorted(reports["population"]["units"], key=lambda u: -u["population"])[:5]
        fig, ax = plt.subplots(figsize=(8, 4))
        width = 0.8 / len(SCHEMES)
        for k, scheme in enumerate(SCHEMES):
            shares = reports[scheme].shares
            ax.bar([i + k * width for i in range(len(units))], [float(shares[u["id"]]) for u in units],
                   width, label=scheme)
        ax.set_xticks([i + width for i in range(len(units))], [u["name"].title() for u in units],
                      rotation=20, ha="right", fontsize=8)
        ax.set_ylabel("share of the vote")
        ax.set_title("Herefordshire's five largest practices under three weightings")
        ax.legend()
        fig.tight_layout()
        fig.savefig(args.plot, dpi=100)
        print(f"plot: {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
