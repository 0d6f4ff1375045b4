"""Writes tests/data/peers/svvamp.json: what SVVAMP (François Durand's Python package for
voting rules and their manipulability) returns for the rules accord takes from it, on the seeded
complete strict orders here (the 15 `.soc` files of the pref_voting table). How and why:
tests/data/peers/README.md, "SVVAMP".

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 (numpy)
and an SVVAMP checkout at the commit below on SVVAMP (a directory holding the `svvamp` package):

    SVVAMP=/path/to/svvamp /usr/bin/python3 tests/data/peers/gen_svvamp.py > tests/data/peers/svvamp.json

The package's __init__ imports every rule and its plotting and reporting helpers; only the
profile and the rules compared are imported here (the package is entered without running its
__init__), and modules those never call (webcolors, matplotlib, networkx, ...) are empty ones.
"""
from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

from peer_stubs import stub_modules

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SVVAMP_COMMIT = "d09221a"

# accord's rule -> SVVAMP's class, in svvamp/rules/
RULES = {"iterated-bucklin": ("rule_iterated_bucklin", "RuleIteratedBucklin"),
         # two rounds with every voter voting sincerely in both: the contingent vote on complete orders
         "contingent": ("rule_two_round", "RuleTwoRound")}
# SVVAMP's order of every candidate (the winner, then the eliminated, last eliminated first), for
# the rules that eliminate one at a time
ORDERED = {"iterated-bucklin"}


def read_soc(path: Path) -> tuple[list[str], list[list[int]]]:
    """A PrefLib .soc file: the alternatives' names and one 0-based ranking per voter."""
    names: dict[int, str] = {}
    voters: list[list[int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ALTERNATIVE NAME"):
            key, name = line[len("# ALTERNATIVE NAME "):].split(":", 1)
            names[int(key)] = name.strip()
        elif line.strip() and not line.startswith("#"):
            count, rest = line.split(":", 1)
            voters += [[int(a) - 1 for a in rest.split(",")]] * int(count)
    return [names[k] for k in sorted(names)], voters


def main() -> None:
    stub_modules("webcolors", "matplotlib", "mpl_toolkits", "tikzplotlib", "networkx", "gurobipy", "ortools")
    package = types.ModuleType("svvamp")
    package.__path__ = [str(Path(os.environ.get("SVVAMP", ".")) / "svvamp")]
    sys.modules["svvamp"] = package
    import importlib

    import numpy as np
    from svvamp.preferences.profile import Profile

    out = {"peer": "svvamp", "repository": "github.com/francois-durand/svvamp", "commit": SVVAMP_COMMIT,
           "rules": {rule: {"peer_rule": cls} for rule, (_, cls) in RULES.items()}, "profiles": []}
    for path in sorted(HERE.glob("*.soc")):
        names, voters = read_soc(path)
        profile = Profile(preferences_rk=np.array(voters))
        entry = {"file": str(path.relative_to(ROOT)), "winners": {}, "order": {}}
        for rule, (module, cls) in RULES.items():
            r = getattr(importlib.import_module(f"svvamp.rules.{module}"), cls)()(profile)
            entry["winners"][rule] = [names[int(r.w_)]]
            if rule in ORDERED:
                entry["order"][rule] = [names[int(c)] for c in r.candidates_by_scores_best_to_worst_]
        out["profiles"].append(entry)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
