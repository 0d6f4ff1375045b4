"""Adds pref_voting's `Condorcet` to tests/data/peers/pref_voting.json: its answer on each ranked
profile of that table (the 15 seeded `.soc` files here and the 10 PrefLib `.soi` files of
../shared/data), read as the table's other rows were (tests/data/peers/README.md).

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 and a
pref_voting checkout at commit bd92589 on PREF_VOTING (a directory holding `pref_voting`):

    PREF_VOTING=/path/to/pref_voting /usr/bin/python3 tests/data/peers/gen_pref_voting_condorcet.py

It rewrites pref_voting.json in place, changing only the `condorcet` rows. Each file is read
here (PrefLib's `count: a,b,...` lines) into a `ProfileWithTies` over the alternatives' names,
with `use_extended_strict_preference()` (a ranked candidate beats an unranked one), so that
pref_voting's preflibtools reader, an optional dependency, is not needed.
"""
from __future__ import annotations

import json
from pathlib import Path

from gen_pref_voting_cardinal import HERE, ROOT, SHARED, import_pref_voting, read_preflib



def read_orders(path: Path) -> tuple[list[str], list[tuple[dict[str, int], int]]]:
    """A PrefLib .soc/.soi file: alternatives' names and (name -> rank, count) per line."""
    cands, lines = read_preflib(path)
    return cands, [({cands[int(a) - 1]: i + 1 for i, a in enumerate(rest.split(",")) if a.strip()}, count)
                   for rest, count in lines]


def ranked_profiles(table: dict):
    """(entry, ProfileWithTies) for each ranked file of the pref_voting table, read with extended
    strict preference (a ranked candidate beats an unranked one, as accord reads `.soi`).
    pref_voting must be importable (import_pref_voting())."""
    from pref_voting.profiles_with_ties import ProfileWithTies

    for entry in table["profiles"]:
        name = entry["file"]
        if not name.endswith((".soc", ".soi")):
            continue
        file = SHARED / name[len("shared:"):] if name.startswith("shared:") else ROOT / name
        cands, ballots = read_orders(file)
        prof = ProfileWithTies([b for b, _ in ballots], rcounts=[c for _, c in ballots], candidates=cands)
        prof.use_extended_strict_preference()
        yield entry, prof


def main() -> None:
    import_pref_voting()
    from pref_voting.c1_methods import condorcet

    path = HERE / "pref_voting.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    no_winner = []
    for entry, prof in ranked_profiles(table):
        name = entry["file"]
        winners = sorted(condorcet(prof))
        entry["winners"]["condorcet"] = winners
        if prof.condorcet_winner() is None:
            no_winner.append(name)
    table["rules"]["condorcet"] = {
        "peer_method": "Condorcet",
        "differs_on": {
            "reason": "no Condorcet winner: pref_voting's Condorcet then returns every candidate, accord elects "
                      "nobody (docs/methods/condorcet.md)",
            "files": no_winner,
            "accord": [],
        },
    }
    path.write_text(json.dumps(table, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
