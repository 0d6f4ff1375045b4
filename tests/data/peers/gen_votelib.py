"""Writes tests/data/peers/votelib.json: votelib's seat apportionments (Jan Šimbera's votelib,
exact Fractions throughout) for accord's apportionment methods on seeded vote counts. How and why:
tests/data/peers/README.md, "votelib (apportionment)".

Not run by the tests: they only read the figures. Run it by hand with any python3 and a votelib
checkout at the commit below on VOTELIB (a directory holding the `votelib` package):

    VOTELIB=/path/to/votelib python3 tests/data/peers/gen_votelib.py > tests/data/peers/votelib.json

Instances: Python's `random` with the seed in the name; 3 to 9 lists with votes 1 to 100,000 (a
few large lists and a tail of small ones), 5 to 40 seats. A count votelib reports as tied
(a `Tie` among the seats) is kept as `peer_ties` and not compared; one it refuses (a quota giving
more whole seats than there are) as `peer_refused`, where accord must refuse too (its default
`excess: "refuse"`).
"""
from __future__ import annotations

import json
import os
import random
import sys
from fractions import Fraction

VOTELIB_COMMIT = "94af16c"

# accord's method and options -> votelib's evaluator, as text and as a call
METHODS = {
    "hamilton-hare": ({"method": "hamilton", "quota": "hare"}, "LargestRemainder('hare')"),
    "hamilton-droop": ({"method": "hamilton", "quota": "droop"}, "LargestRemainder('droop')"),
    "hamilton-hagenbach-bischoff": ({"method": "hamilton", "quota": "hagenbach-bischoff"},
                                    "LargestRemainder('hagenbach_bischoff')"),
    "hamilton-imperiali": ({"method": "hamilton", "quota": "imperiali"}, "LargestRemainder('imperiali')"),
    "jefferson": ({"method": "jefferson"}, "HighestAverages('d_hondt')"),
    "webster": ({"method": "webster"}, "HighestAverages('sainte_lague')"),
    "webster-1.4": ({"method": "webster", "first_divisor": "7/5"},
                    "HighestAverages(modified_first_coef(sainte_lague, Fraction(7, 5)))"),
}


def instance(seed: int) -> dict:
    rng = random.Random(seed)
    n = rng.randint(3, 9)
    votes = sorted((int(100_000 * rng.random() ** 2) + 1 for _ in range(n)), reverse=True)
    return {"name": f"seeded-s{seed}", "seats": rng.randint(5, 40),
            "votes": {f"L{i + 1}": v for i, v in enumerate(votes)}}


def main() -> None:
    sys.path.insert(0, os.environ.get("VOTELIB", "."))
    from votelib.component.divisor import modified_first_coef, sainte_lague
    from votelib.evaluate.core import Tie, VotingSystemError
    from votelib.evaluate.proportional import HighestAverages, LargestRemainder

    calls = {
        "hamilton-hare": LargestRemainder("hare"),
        "hamilton-droop": LargestRemainder("droop"),
        "hamilton-hagenbach-bischoff": LargestRemainder("hagenbach_bischoff"),
        "hamilton-imperiali": LargestRemainder("imperiali"),
        "jefferson": HighestAverages("d_hondt"),
        "webster": HighestAverages("sainte_lague"),
        "webster-1.4": HighestAverages(modified_first_coef(sainte_lague, Fraction(7, 5))),
    }
    out = {"peer": "votelib", "repository": "github.com/simberaj/votelib", "commit": VOTELIB_COMMIT,
           "methods": {k: {"options": o, "peer_call": c} for k, (o, c) in METHODS.items()}, "instances": []}
    for seed in range(8001, 8031):
        inst = instance(seed)
        entry = dict(inst, seats_by_method={})
        for key, evaluator in calls.items():
            try:
                got = evaluator.evaluate(inst["votes"], inst["seats"])
            except VotingSystemError as e:  # the quota gives more whole seats than there are
                entry.setdefault("peer_refused", {})[key] = str(e)
                continue
            if any(isinstance(c, Tie) for c in got):
                entry.setdefault("peer_ties", []).append(key)
                continue
            entry["seats_by_method"][key] = {c: got.get(c, 0) for c in inst["votes"]}
        out["instances"].append(entry)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
