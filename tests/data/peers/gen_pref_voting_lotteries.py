"""Writes tests/data/peers/pref_voting_lotteries.json: pref_voting's maximal lotteries and their
supports (the essential set for the margin game, the bipartisan set for the majority game), and
its random dictator lottery (first-place shares), on the
ranked profiles of the pref_voting table (15 seeded `.soc` files here, 10 PrefLib `.soi` files of
../shared/data). How and why: tests/data/peers/README.md, "pref_voting's lotteries".

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 (numpy,
scipy) and a pref_voting checkout at commit bd92589 on PREF_VOTING:

    PREF_VOTING=/path/to/pref_voting /usr/bin/python3 tests/data/peers/gen_pref_voting_lotteries.py \\
        > tests/data/peers/pref_voting_lotteries.json

pref_voting finds a maximal lottery either by enumerating the game's equilibria with nashpy (not
in Debian) or by one linear programme (scipy's HiGHS, `algorithm="lp"`). `maximal_lottery`
defaults to the programme; `c1_maximal_lottery`, which `bipartisan` calls, defaults to
enumeration, so `bipartisan` is given the programme here (the module's `c1_maximal_lottery` is
wrapped with `algorithm="lp"`). The programme returns one maximal lottery: where the lottery is
unique (which accord reports) it is the lottery, and the test compares only there.
"""
from __future__ import annotations

import functools
import json
import sys

from gen_pref_voting_cardinal import HERE, import_pref_voting
from gen_pref_voting_condorcet import ranked_profiles


def main() -> None:
    import_pref_voting()
    import pref_voting.c1_methods as c1
    from pref_voting.margin_based_methods import essential
    from pref_voting.probabilistic_methods import c1_maximal_lottery, maximal_lottery, random_dictator

    c1.c1_maximal_lottery = functools.partial(c1_maximal_lottery, algorithm="lp")
    table = json.loads((HERE / "pref_voting.json").read_text(encoding="utf-8"))
    out = {"peer": "pref_voting", "version": "1.18.1", "commit": "bd92589",
           "rules": {"maximal-lotteries": {"peer_method": "maximal_lottery(profile, algorithm='lp')",
                                           "support_rule": "essential-set", "support_method": "essential"},
                     "bipartisan-set": {"peer_method": "c1_maximal_lottery(profile, algorithm='lp')",
                                        "support_method": "bipartisan"},
                     "random-dictator": {"peer_method": "random_dictator(profile)"}},
           "profiles": []}
    for entry, prof in ranked_profiles(table):
        name = entry["file"]
        margin = maximal_lottery(prof, algorithm="lp")
        majority = c1.c1_maximal_lottery(prof)
        out["profiles"].append({
            "file": name,
            "maximal_lottery": {str(c): round(float(p), 9) for c, p in margin.items()},
            "essential_set": sorted(str(c) for c in essential(prof)),
            "c1_maximal_lottery": {str(c): round(float(p), 9) for c, p in majority.items()},
            "bipartisan_set": sorted(str(c) for c in c1.bipartisan(prof)),
            "random_dictator": {str(c): round(float(p), 12) for c, p in random_dictator(prof).items()},
        })
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
