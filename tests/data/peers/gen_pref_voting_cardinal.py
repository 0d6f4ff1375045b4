"""Regenerates tests/data/peers/pref_voting_cardinal.json: pref_voting's grade and utility methods
(approval, dis&approval, cumulative voting, relative utilitarian, maximin, lexicographic maximin,
Nash) on score and approval files (how and why: tests/data/peers/README.md, "pref_voting's grade
and utility methods").

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 (numpy,
numba, pandas, matplotlib, tabulate, filelock from Debian packages) and a pref_voting checkout at
commit bd92589 on PREF_VOTING (a directory holding the `pref_voting` package):

    /usr/bin/python3 tests/data/peers/gen_pref_voting_cardinal.py profiles   # the seeded files
    PREF_VOTING=/path/to/pref_voting /usr/bin/python3 tests/data/peers/gen_pref_voting_cardinal.py \
        > tests/data/peers/pref_voting_cardinal.json

The first form writes the seeded files here (`dis-approval-*.csv`, `cumulative-*.csv`,
`utilities-*.csv`; Python's `random` with the seed in each name) and needs no pref_voting.
Optional modules pref_voting imports but these methods never call (ortools, nashpy, random2,
prefsampling, preflibtools, pathos) are replaced by empty ones; Debian's tabulate lacks
`SEPARATING_LINE`, used only to print profiles, and is given a stand-in.

Utilities and grades are handed to pref_voting as Python Fractions, so that its sums, Kaplan
normalisations and Nash products are exact (numpy keeps Fractions as Python objects): with
plain ints numpy's int64 Nash products overflow silently past 2^63, and float sums of normalised
utilities can split a tie. The table records, per profile and method, pref_voting's winners and
ranking with plain ints where they differ (`"differs_with_plain_numbers"`).
"""
from __future__ import annotations

import csv
import json
import os
import random
import sys
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
ZERO = "__zero__"  # the added status quo every voter gives 0: Nash's raw product (README)

DIS_APPROVAL = [(3, 7, 4001), (3, 12, 4002), (4, 9, 4003), (4, 20, 4004), (5, 11, 4005),
                (5, 25, 4006), (6, 15, 4007), (6, 40, 4008)]
CUMULATIVE = [(3, 8, 5, 5001), (4, 10, 5, 5002), (4, 15, 10, 5003), (5, 12, 5, 5004),
              (5, 20, 10, 5005), (6, 9, 5, 5006), (6, 30, 10, 5007), (7, 14, 5, 5008)]
UTILITIES = [(3, 5, 6001), (3, 9, 6002), (4, 6, 6003), (4, 11, 6004), (5, 7, 6005), (5, 13, 6006),
             (6, 8, 6007), (7, 10, 6008)]


def names(m: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(m)]


def write_scores(path: Path, title: str, m: int, rows: list[list[int | None]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("#ballots,score\n")
        f.write(f"#title,{title}\n")
        f.write("count," + ",".join(names(m)) + "\n")
        for row in rows:
            f.write("1," + ",".join("" if v is None else str(v) for v in row) + "\n")


def write_profiles() -> None:
    for m, n, seed in DIS_APPROVAL:
        rng = random.Random(seed)
        rows = [[None if rng.random() < 0.2 else rng.choice((-1, 0, 1)) for _ in range(m)] for _ in range(n)]
        write_scores(HERE / f"dis-approval-m{m}-n{n}-s{seed}.csv",
                     f"seeded dis&approval ballots: each score -1/0/1 uniformly or blank with probability "
                     f"0.2 (Python random; seed {seed})", m, rows)
    for m, n, budget, seed in CUMULATIVE:
        rng = random.Random(seed)
        rows = []
        for _ in range(n):
            row = [0] * m
            for _ in range(budget):  # each point to a candidate drawn uniformly
                row[rng.randrange(m)] += 1
            rows.append([None if v == 0 and rng.random() < 0.5 else v for v in row])
        write_scores(HERE / f"cumulative-m{m}-n{n}-b{budget}-s{seed}.csv",
                     f"seeded cumulative ballots: {budget} points each to candidates drawn uniformly; a "
                     f"candidate given none left blank with probability 0.5 (Python random; seed {seed})",
                     m, rows)
    for m, n, seed in UTILITIES:
        rng = random.Random(seed)
        rows = [[rng.randint(1, 9) for _ in range(m)] for _ in range(n)]
        write_scores(HERE / f"utilities-m{m}-n{n}-s{seed}.csv",
                     f"seeded utilities: each 1..9 uniformly (Python random; seed {seed})", m, rows)


def read_scores(path: Path) -> tuple[list[str], list[tuple[dict[str, int], int]]]:
    """accord's score CSV (`#ballots,score`, a count column) or star.vote's export: the candidates
    in file order and (scores of the candidates scored, count) per row."""
    ignored = {"voterID", "voteTime", "pollID"}
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    cands = [h for h in header if h not in ignored and h != "count"]
    out = []
    for r in body:
        cells = dict(zip(header, r))
        count = int(cells.get("count", "1"))
        out.append(({c: int(cells[c]) for c in cands if cells[c].strip() != ""}, count))
    return cands, out


def read_preflib(path: Path) -> tuple[list[str], list[tuple[str, int]]]:
    """A PrefLib file: the alternatives' names in order and (the text after `count:`, count) per
    line of ballots, its numbers still PrefLib's 1-based alternatives."""
    alts: dict[int, str] = {}
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ALTERNATIVE NAME"):
            key, name = line[len("# ALTERNATIVE NAME "):].split(":", 1)
            alts[int(key)] = name.strip()
        elif line.strip() and not line.startswith("#"):
            count, rest = line.split(":", 1)
            lines.append((rest.strip(), int(count)))
    return [alts[k] for k in sorted(alts)], lines


def read_approval(path: Path) -> tuple[list[str], list[tuple[dict[str, int], int]]]:
    """A PrefLib .cat file: the first category is the approved set."""
    cands, lines = read_preflib(path)
    ballots = []
    for rest, count in lines:
        first = rest[1:rest.index("}")] if rest.startswith("{") else rest.split(",")[0]
        ballots.append(({cands[int(x) - 1]: 1 for x in first.split(",") if x.strip()}, count))
    return cands, ballots


def files() -> dict[str, list[str]]:
    seeded_scores = sorted(str(p.relative_to(ROOT)) for p in HERE.glob("scores-*.csv"))
    real_scores = ["tests/data/scores/hand_worked.csv", "tests/data/scores/starvote_presidential_candidates.csv",
                   "tests/data/scores/starvote_best_akali_skins.csv"]
    return {
        "approval": sorted(str(p.relative_to(ROOT)) for p in HERE.glob("approval-*.cat")) +
        [f"shared:preflib/00026 - frenchapproval/00026-0000000{i}.cat" for i in (1, 2, 3)],
        "dis-approval": sorted(str(p.relative_to(ROOT)) for p in HERE.glob("dis-approval-*.csv")),
        "cumulative": sorted(str(p.relative_to(ROOT)) for p in HERE.glob("cumulative-*.csv")),
        "utilities": sorted(str(p.relative_to(ROOT)) for p in HERE.glob("utilities-*.csv")),
        "scores": seeded_scores + real_scores,
    }


def path_of(name: str) -> Path:
    return SHARED / name[len("shared:"):] if name.startswith("shared:") else ROOT / name


def import_pref_voting() -> None:
    """pref_voting made importable: its unused optional modules stubbed, and tabulate's
    SEPARATING_LINE (printing only) given a stand-in."""
    sys.path.insert(0, str(HERE))
    from peer_stubs import stub_modules

    stub_modules("ortools", "nashpy", "random2", "prefsampling", "preflibtools", "pathos")
    import tabulate
    if not hasattr(tabulate, "SEPARATING_LINE"):
        tabulate.SEPARATING_LINE = "\001SEPARATINGLINE\001"
    sys.path.insert(0, os.environ.get("PREF_VOTING", "."))


def load_pref_voting():
    import_pref_voting()
    import pref_voting.grade_methods as gm
    import pref_voting.utility_methods as um
    from pref_voting.grade_profiles import GradeProfile
    from pref_voting.utility_profiles import UtilityProfile
    return gm, um, GradeProfile, UtilityProfile


def exact(x) -> str:
    return str(Fraction(x))


def tiers(ranking) -> list[list[str]]:
    by_rank: dict[int, list[str]] = {}
    for c, r in ranking.rmap.items():
        by_rank.setdefault(r, []).append(c)
    return [sorted(by_rank[r]) for r in sorted(by_rank)]


# comparison -> rule, file groups, accord options, peer method, peer arguments (as text)
COMPARISONS = {
    "approval": ("approval", ["approval"], {}, "grade_methods.approval ('Approval')",
                 "GradeProfile with grades [0, 1], each ballot grading 1 the candidates it approves"),
    "dis-and-approval": ("dis-and-approval", ["dis-approval"], {}, "grade_methods.dis_and_approval ('Dis&approval')",
                         "GradeProfile with grades [-1, 0, 1]; a blank cell leaves the candidate ungraded"),
    "cumulative": ("cumulative", ["cumulative"], {}, "grade_methods.cumulative_voting ('Cumulative Voting')",
                   "GradeProfile with grades 0..budget, max_total_grades = budget (the file name's bN; accord's "
                   "'budget', per profile); a blank cell leaves the candidate ungraded"),
    "relative-utilitarian": ("relative-utilitarian", ["scores", "utilities", "cumulative"], {},
                             "utility_methods.relative_utilitarian_ranking ('Relative Utilitarian')",
                             "UtilityProfile; a blank cell leaves the candidate without a utility"),
    "maximin-utility": ("maximin-utility", ["scores", "utilities"], {}, "utility_methods.maximin_ranking ('Maximin')",
                        "UtilityProfile"),
    "lex-maximin": ("lex-maximin", ["scores", "utilities"], {},
                    "utility_methods.lexicographic_maximin_ranking ('Lexicographic Maximin')", "UtilityProfile"),
    "nash": ("nash", ["utilities"], {}, "utility_methods.nash_ranking ('Nash')",
             f"UtilityProfile with an added candidate {ZERO!r} every voter gives 0, sq={ZERO!r}, curr_cands = the "
             "file's candidates and it: the product of the raw utilities, which is accord's Nash without a "
             "status quo; the added candidate is dropped from the ranking"),
    "nash-status-quo": ("nash", ["scores", "utilities"], {"status_quo": 0}, "utility_methods.nash_ranking ('Nash')",
                        "UtilityProfile, sq = the file's first candidate (accord's status_quo 0)"),
}


def main() -> None:
    gm, um, GradeProfile, UtilityProfile = load_pref_voting()
    groups = files()
    profiles = []
    for group, names_ in groups.items():
        for name in names_:
            path = path_of(name)
            cands, ballots = read_approval(path) if group == "approval" else read_scores(path)
            entry: dict = {"file": name, "group": group, "results": {}}
            if group == "cumulative":
                budget = int(path.stem.split("-b")[1].split("-")[0])
                entry["options"] = {"cumulative": {"budget": budget}}
            for key, (rule, on, _options, _method, _args) in COMPARISONS.items():
                if group not in on:
                    continue
                try:
                    entry["results"][key] = run(key, cands, ballots, entry, gm, um, GradeProfile, UtilityProfile,
                                                Fraction)
                    plain = run(key, cands, ballots, entry, gm, um, GradeProfile, UtilityProfile, lambda v: v)
                    got = entry["results"][key]
                    if any(plain.get(k) != got.get(k) for k in ("winners", "ranking")):
                        got["differs_with_plain_numbers"] = {k: plain[k] for k in ("winners", "ranking") if k in plain}
                except Exception as e:  # noqa: BLE001 - the peer's refusal is a figure too
                    entry.setdefault("peer_errors", {})[key] = f"{type(e).__name__}: {e}".splitlines()[0]
            profiles.append(entry)
    out = {
        "peer": "pref_voting",
        "version": "1.18.1",
        "commit": "bd92589",
        "about": "pref_voting's grade and utility methods on score and approval files, exact "
                 "(tests/data/peers/README.md; regenerated by gen_pref_voting_cardinal.py)",
        "comparisons": {k: {"rule": r, "files": on, "options": o, "peer_method": m, "peer_arguments": a}
                        for k, (r, on, o, m, a) in COMPARISONS.items()},
        "profiles": profiles,
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


def run(key, cands, ballots, entry, gm, um, GradeProfile, UtilityProfile, num) -> dict:
    counts = [c for _, c in ballots]
    if key in ("approval", "dis-and-approval", "cumulative"):
        grades = {"approval": [0, 1], "dis-and-approval": [-1, 0, 1]}.get(key)
        if key == "cumulative":
            budget = entry["options"]["cumulative"]["budget"]
            grades = list(range(budget + 1))
        gp = GradeProfile([{c: num(v) for c, v in b.items()} for b, _ in ballots], grades, gcounts=counts,
                          candidates=cands)
        if key == "approval":
            winners = gm.approval(gp)
        elif key == "dis-and-approval":
            winners = gm.dis_and_approval(gp)
        else:
            winners = gm.cumulative_voting(gp, max_total_grades=budget)
        # the sums pref_voting's score_voting compares (ungraded_score 0 for approval and dis&approval)
        scores = {c: exact(gp.sum(c)) if gp.has_grade(c) else "0" for c in cands}
        return {"winners": sorted(winners), "scores": scores}
    utils = [{c: num(v) for c, v in b.items()} for b, _ in ballots]
    if key == "nash":
        utils = [dict(u, **{ZERO: num(0)}) for u in utils]
        up = UtilityProfile(utils, ucounts=counts, domain=cands + [ZERO])
        ranking = tiers(um.nash_ranking(up, sq=ZERO, curr_cands=cands + [ZERO]))
        ranking = [[c for c in t if c != ZERO] for t in ranking]
        return {"winners": ranking[0] if ranking[0] else [ZERO], "ranking": [t for t in ranking if t]}
    up = UtilityProfile(utils, ucounts=counts, domain=cands)
    if key == "nash-status-quo":
        ranking = tiers(um.nash_ranking(up, sq=cands[0]))
        return {"winners": ranking[0], "ranking": ranking}
    fn = {"relative-utilitarian": um.relative_utilitarian_ranking, "maximin-utility": um.maximin_ranking,
          "lex-maximin": um.lexicographic_maximin_ranking}[key]
    ranking = tiers(fn(up))
    res = {"winners": ranking[0], "ranking": ranking}
    if key == "relative-utilitarian":
        res["scores"] = {c: exact(up.normalize_by_range().util_sum(c) or 0) for c in cands}
    elif key == "maximin-utility":
        res["scores"] = {c: exact(up.util_min(c)) for c in cands}
    return res


if __name__ == "__main__":
    if sys.argv[1:] == ["profiles"]:
        write_profiles()
    else:
        main()
