"""Writes tests/data/peers/abcvoting_ranked.json: abcvoting's approval voting (AV) committees on
the approval profiles that block voting, limited voting and SNTV make of ranked ballots, for the
ranked files of the pref_voting table (15 seeded `.soc` files here, 10 PrefLib `.soi` files of
../shared/data). How and why: tests/data/peers/README.md, "abcvoting on ranked ballots".

Each of these rules gives one vote to each of a ballot's first L candidates (block: L = seats;
limited: L = votes < seats; SNTV: L = 1) and elects the seats candidates with the most votes:
approval voting over the sets of first L candidates, which abcvoting's `av` counts. The test runs
accord's block, limited and sntv on the ranked files themselves, so that their reading of ranks
is compared too.

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 (numpy)
and an abcvoting checkout at commit 2c0c412 on ABCVOTING (a directory holding `abcvoting`):

    ABCVOTING=/path/to/abcvoting /usr/bin/python3 tests/data/peers/gen_abcvoting_ranked.py \\
        > tests/data/peers/abcvoting_ranked.json
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from gen_pref_voting_cardinal import HERE, ROOT, SHARED, read_preflib
from peer_stubs import Anything

ABCVOTING_COMMIT = "2c0c412"
LIMITED_VOTES = 2  # limited voting is compared with seats = 3 and two votes per ballot


def ranked_files() -> list[tuple[str, Path]]:
    table = json.loads((HERE / "pref_voting.json").read_text(encoding="utf-8"))
    out = []
    for entry in table["profiles"]:
        name = entry["file"]
        if not (name.endswith(".soc") or name.endswith(".soi")):
            continue
        out.append((name, SHARED / name[len("shared:"):] if name.startswith("shared:") else ROOT / name))
    return out


def main() -> None:
    sys.path.insert(0, os.environ.get("ABCVOTING", "."))
    for name in ["gurobipy", "networkx", "prefsampling", "prefsampling.approval", "ortools", "ortools.sat",
                 "ortools.sat.python", "mip"]:
        sys.modules.setdefault(name, Anything(name))
    from abcvoting import abcrules
    from abcvoting.preferences import Profile, Voter

    out = {"peer": "abcvoting", "commit": ABCVOTING_COMMIT,
           "rules": {"block": {"first": "seats"}, "limited": {"first": "votes", "votes": LIMITED_VOTES},
                     "sntv": {"first": 1}},
           "profiles": []}
    for name, path in ranked_files():
        cands, lines = read_preflib(path)
        ballots = [([int(a) - 1 for a in rest.split(",") if a.strip()], count) for rest, count in lines]
        for seats in (2, 3):
            if seats >= len(cands):
                continue
            entry = {"file": name, "seats": seats, "committees": {}}
            for rule, first in (("block", seats), ("limited", LIMITED_VOTES), ("sntv", 1)):
                if rule == "limited" and seats != LIMITED_VOTES + 1:
                    continue
                profile = Profile(len(cands))
                for order, count in ballots:
                    if order[:first]:
                        profile.add_voter(Voter(order[:first], weight=count))
                found = abcrules.compute("av", profile, seats, resolute=False)
                entry["committees"][rule] = sorted(sorted(cands[c] for c in committee) for committee in found)
            out["profiles"].append(entry)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
