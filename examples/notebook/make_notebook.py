#!/usr/bin/env python3
"""Writes analysis_walkthrough.ipynb from the cells below (so the notebook's source is reviewable
as plain Python). Run it after editing a cell; tests/notebook_run.py executes the notebook."""
import json
from pathlib import Path

CELLS = [
    ("markdown", """# Whose vote counts how much? A weighting walkthrough

Four practices in two Primary Care Networks rank three priorities (X, Y, Z). The answers are
worked out by hand in docs/weighting.md ("Two levels"), so every number below can be checked.
The same steps work on the Herefordshire practices (docs/analysis.md)."""),
    ("code", """import accord
from pathlib import Path
data = Path(accord.__file__).resolve().parents[3] / "tests" / "data" if "ACCORD_DATA" not in __import__("os").environ \\
    else Path(__import__("os").environ["ACCORD_DATA"])
org = accord.Organisation.from_file(data / "four_two_pcns_org.csv")
ballots = accord.Profile.from_file(data / "four_ballots.csv", unit_column="unit")
print(len(org), "units;", ballots.voters, "ballots;", ballots.candidates)"""),
    ("markdown", "## The ballots and the organisation read back as tables"),
    ("code", """for b in ballots:
    print(b.unit, b.ranking)
print(org.units("pcn"))"""),
    ("markdown", "## One scheme for everybody, then two levels"),
    ("code", """for scheme in ["equal", "population"]:
    print(scheme, org.run(ballots, "plurality", scheme=scheme).winners)
two = org.weights("equal", group_scheme="population")
print({u["id"]: str(u["share_exact"]) for u in two["units"]})
print("equal within, population across:", org.run(ballots, "plurality", scheme="equal", group_scheme="population").winners)
print("population within, equal across:", org.run(ballots, "plurality", scheme="population", group_scheme="equal").winners)"""),
    ("markdown", "## A sweep: every cell counted, impossible ones reported"),
    ("code", """s = accord.sweep(ballots, org, rules=["plurality", "borda"], schemes=["equal", "population", "capped:0.2"],
                 group_schemes=["none", "population"])
for r in s.rows:
    print(f"{r.scheme:12} {str(r.group_scheme):12} {r.rule:10} {r.winner or '-':4} {r.error or ''}")"""),
    ("markdown", "## How fragile? SMAA of the two-stage count, and tipping points"),
    ("code", """m = accord.smaa(ballots, org, "borda", mode="two-stage", scheme="population", group_scheme="population",
                perturb=0.2, samples=2000, seed=1)
print({c: round(p, 3) for c, p in m.winner_probability.items()})
t = accord.tipping(ballots, org, "plurality", scheme="population")
for u in t.units:
    print(u.unit, "up:", u.up and (float(u.up.changed), u.up.new_winner), "down:", u.down and (float(u.down.changed), u.down.new_winner))"""),
]


def main() -> None:
    cells = []
    for kind, source in CELLS:
        cell = {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"cell-{i}"
    Path(__file__).with_name("analysis_walkthrough.ipynb").write_text(json.dumps(nb, indent=1) + "\n")


if __name__ == "__main__":
    main()
