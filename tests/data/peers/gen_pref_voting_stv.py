"""Regenerates tests/data/peers/pref_voting_stv.json: the committees pref_voting's STV methods
(proportional_methods.py: STV-Scottish, STV-WIG, STV-Meek, STV-Last-Parcel, STV-Warren, CPO-STV,
Sequential-STV, STV-NB, Approval-STV) elected on the 15 seeded `.soc` files here with 2 and 3 seats,
and (all but those in SEEDED_ONLY, which says why, and CPO-STV only on the wards with at most 200
possible committees) on the 21 Glasgow wards of 2007 (Droop's BLT copies in
../shared/data/blt/droop/blt/scotland); how and why: tests/data/peers/README.md.

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 and a
pref_voting checkout at commit bd92589 on PREF_VOTING (a directory holding `pref_voting`):

    PREF_VOTING=/path/to/pref_voting /usr/bin/python3 tests/data/peers/gen_pref_voting_stv.py \
        > tests/data/peers/pref_voting_stv.json

Ballots are read here (BLT, PrefLib `.soc`) into a `ProfileWithTies` over the candidates' names.
STV-Scottish, CPO-STV and Approval-STV decide a tie no earlier stage breaks by lot: they are given
`random.Random(0)`, and the test compares only counts where accord broke no tie.
"""
from __future__ import annotations

import json
import math
import random
import signal
import sys
import time

from gen_pref_voting_cardinal import HERE, ROOT, SHARED, import_pref_voting, read_preflib

GLASGOW = "blt/droop/blt/scotland"
LIMIT = 60  # seconds for one pref_voting count; a count stopped is a peer error


class TimeLimit(Exception):
    pass


def _stop(signum, frame):
    raise TimeLimit(f"stopped after {LIMIT} s")

# comparison -> accord's options, pref_voting method, its arguments (as text)
COMPARISONS = {
    "scottish": ({"variant": "scottish"}, "STV-Scottish (stv_scottish)", "decimals=5, rng=random.Random(0)"),
    "wigm": ({"variant": "wigm"}, "STV-WIG (stv_wig)", "quota_rule='nb' (its default: votes / (seats + 1))"),
    "wigm-droop": ({"variant": "wigm", "quota": "droop"}, "STV-WIG (stv_wig)",
                   "quota_rule='droop' (floor(votes / (seats + 1)) + 1, reached at >=)"),
    "meek": ({"variant": "meek"}, "STV-Meek (stv_meek)", "tol=1e-10, max_iter=2000 (its defaults)"),
    "gregory": ({"variant": "gregory", "quota": "droop-exact"}, "STV-Last-Parcel (stv_last_parcel)",
                "quota_rule='nb' (the only quota it implements: votes / (seats + 1), reached at >=)"),
    "warren": ({"variant": "warren"}, "STV-Warren (stv_warren)", "tol=1e-10, max_iter=2000 (its defaults)"),
    "cpo-stv": ({"variant": "cpo-stv", "completion": "minimax"}, "CPO-STV (cpo_stv)",
                "inpair_surplus='meek', fallback_vm=minimax (its defaults), rng=random.Random(0)"),
    "sequential-stv": ({"variant": "sequential-stv"}, "Sequential-STV (sequential_stv)",
                       "max_iterations=1000 (its default)"),
    # Not the same definitions as wigm (docs/methods/stv.md says how), compared all the same:
    "nb": ({"variant": "wigm"}, "STV-NB (stv_nb)",
           "quota_rule='nb' (its default: votes / (seats + 1), reached at >=), the compensation rule (drain_all=False)"),
    "approval-stv": ({"variant": "wigm"}, "Approval-STV (approval_stv)",
                     "quota_rule='droop' (its default: votes / (seats + 1), exceeded), rng=random.Random(0)"),
}

# Not run on the Glasgow wards: pure-Python Meek-style counts are slow there (Meek over a minute a
# ward; Warren 35 s and Sequential STV, which is many Meek counts, over 120 s on Langside, the
# smallest). CPO-STV compares every pair of the C(m, s) committees with a Meek iteration in each:
# run only on the wards with at most MAX_OUTCOMES (accord's default limit; Langside's 56 took 6 s,
# East Centre has C(13, 4) = 715).
SEEDED_ONLY = ("meek", "warren", "sequential-stv")
MAX_OUTCOMES = 200

# Documented differences of definition (docs/methods/stv.md, "Checked against pref_voting"),
# found by running accord on the same cases; the test checks that they still differ.
DIFFERS_ON = {
    "wigm": {
        "reason": "with the exact Droop quota votes / (seats + 1) pref_voting's STV-WIG elects a candidate who "
                  "reaches it, accord's wigm one who exceeds it (else seats + 1 candidates could all reach it); "
                  "here D has exactly the quota at the first stage",
        "cases": [{"file": "tests/data/peers/mallows-m6-n40-s12.soc", "seats": 3}],
    },
    "nb": {
        "reason": "STV-NB is not WIGM: (1) as STV-WIG, it elects a candidate who reaches the exact Droop quota "
                  "votes / (seats + 1), accord's wigm one who exceeds it (mallows-m6-n40-s12, 3 seats: D has exactly "
                  "the quota at the first stage); (2) its Newland-Britton compensation rule takes a surplus only from "
                  "the papers that can transfer, at a fraction raised so that the whole surplus moves, where WIGM "
                  "takes the same fraction from every paper and the non-transferable share is lost (Pollokshields "
                  "2007: Irfan Rabbani's surplus; given drain_all=True, pref_voting's inclusive transfer, STV-NB "
                  "elects David Meikle as accord does, not Ian A Ruffell)",
        "cases": [{"file": "tests/data/peers/mallows-m6-n40-s12.soc", "seats": 3},
                  {"file": "shared:blt/droop/blt/scotland/Pollokshields-2007.blt", "seats": 3}],
    },
}


def read_blt(path) -> tuple[list[str], int, list[tuple[dict[str, int], int]]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    n, seats = map(int, lines[0].split()[:2])
    i = 1
    assert not lines[i].startswith("-"), "withdrawn candidates: not in these files"
    rows = []
    while lines[i] != "0":
        parts = lines[i].split()
        assert parts[-1] == "0" and "=" not in lines[i], lines[i]
        rows.append(([int(x) for x in parts[1:-1]], int(parts[0])))
        i += 1
    names = [lines[i + 1 + k].strip('"').strip() for k in range(n)]
    return names, seats, [({names[c - 1]: r + 1 for r, c in enumerate(prefs)}, w) for prefs, w in rows]


def main() -> None:
    import_pref_voting()
    signal.signal(signal.SIGALRM, _stop)
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.proportional_methods import (approval_stv, cpo_stv, sequential_stv, stv_last_parcel,
                                                  stv_meek, stv_nb, stv_scottish, stv_warren, stv_wig)

    cases = []
    for path in sorted((SHARED / GLASGOW).glob("*-2007.blt")):
        names, seats, ballots = read_blt(path)
        cases.append((f"shared:{GLASGOW}/{path.name}", seats, names, ballots))
    for path in sorted(HERE.glob("*.soc")):
        names, lines = read_preflib(path)
        ballots = [({names[int(a) - 1]: i + 1 for i, a in enumerate(rest.split(","))}, count) for rest, count in lines]
        for seats in (2, 3):
            if seats < len(names) - 1:
                cases.append((str(path.relative_to(ROOT)), seats, names, ballots))
    profiles = []
    for file, seats, names, ballots in cases:
        prof = ProfileWithTies([b for b, _ in ballots], rcounts=[c for _, c in ballots], candidates=names)
        calls = {"scottish": lambda: stv_scottish(prof, num_seats=seats, decimals=5, rng=random.Random(0)),
                 "wigm": lambda: stv_wig(prof, num_seats=seats),
                 "wigm-droop": lambda: stv_wig(prof, num_seats=seats, quota_rule="droop"),
                 "meek": lambda: stv_meek(prof, num_seats=seats),
                 "gregory": lambda: stv_last_parcel(prof, num_seats=seats),
                 "warren": lambda: stv_warren(prof, num_seats=seats),
                 "cpo-stv": lambda: cpo_stv(prof, num_seats=seats, rng=random.Random(0)),
                 "sequential-stv": lambda: sequential_stv(prof, num_seats=seats),
                 "nb": lambda: stv_nb(prof, num_seats=seats),
                 "approval-stv": lambda: approval_stv(prof, num_seats=seats, rng=random.Random(0))}
        entry: dict = {"file": file, "seats": seats, "committees": {}}
        for key, call in calls.items():
            if key in SEEDED_ONLY and file.startswith("shared:"):
                continue  # too slow in pure Python (SEEDED_ONLY); run on the seeded files only
            if key == "cpo-stv" and math.comb(len(names), seats) > MAX_OUTCOMES:
                continue  # accord refuses these by default, and pref_voting takes minutes
            start = time.time()
            signal.alarm(LIMIT)
            try:
                entry["committees"][key] = sorted(call())
            except Exception as e:  # noqa: BLE001 - the peer's refusal is a figure too
                entry.setdefault("peer_errors", {})[key] = f"{type(e).__name__}: {e}".splitlines()[0]
            finally:
                signal.alarm(0)
            print(f"{file} {seats} {key}: {time.time() - start:.1f} s", file=sys.stderr)
        profiles.append(entry)
    out = {
        "peer": "pref_voting",
        "version": "1.18.1",
        "commit": "bd92589",
        "about": "pref_voting's STV committees (tests/data/peers/README.md; regenerated by gen_pref_voting_stv.py)",
        "comparisons": {k: {"rule": "stv", "options": o, "peer_method": m, "peer_arguments": a,
                            **({"differs_on": DIFFERS_ON[k]} if k in DIFFERS_ON else {})}
                        for k, (o, m, a) in COMPARISONS.items()},
        "profiles": profiles,
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
