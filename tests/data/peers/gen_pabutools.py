"""Regenerates tests/data/peers/pabutools.json: pabutools' budget allocations on the seeded
budget-*.cat (approval) and budget-points-*.pb (cumulative) instances here and on the real
approval and cumulative Pabulib files of tests/data/pabulib, read by pabutools' own parser with
their costs and budget (how and why: tests/data/peers/README.md).

Not run by the tests: they only read the figures. Run it by hand, with a pabutools checkout at
commit 33b8575 on PABUTOOLS (a directory holding the `pabutools` package) and Debian's
python3-pulp with coinor-cbc:

    PABUTOOLS=/path/to/pabutools python3 tests/data/peers/gen_pabutools.py > tests/data/peers/pabutools.json

pabutools asks pulp for HiGHS, which Debian's pulp 2.6 lacks; it is given CBC instead (exact
enough for these small integer programmes). BOS Equal Shares needs Debian's python3-scipy (its
root finder). Modules pabutools imports but these rules never call (plots, networkx, ...) are
replaced by empty ones.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sys
from pathlib import Path

from peer_stubs import stub_modules

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("PABUTOOLS", "."))
stub_modules("mip", "matplotlib", "seaborn", "jinja2", "networkx", "ortools", "pandas")
import pulp  # noqa: E402

if not hasattr(pulp, "HiGHS"):
    pulp.HiGHS = lambda msg=False: pulp.COIN_CMD(path="/usr/bin/cbc", msg=msg)

# Debian's gmpy2 2.1.2 changes its first argument in place when mpq() is given two and the first is
# already an mpq: a = mpq(6, 7); mpq(a, 5) leaves a == 6/35. pabutools' frac(x, y) is mpq(x, y),
# so e.g. MES's budget_over_sat_project divided every voter's shared budget (6/7 became 1/336
# before the first project was priced, and nothing was affordable). Every frac() here makes new
# numbers instead; pabutools looks `mpq` up in pabutools.fractions at each call.
import gmpy2  # noqa: E402
import pabutools.fractions  # noqa: E402

pabutools.fractions.mpq = lambda *a: gmpy2.mpq(a[0]) if len(a) == 1 else gmpy2.mpq(a[0]) / gmpy2.mpq(a[1])

from pabutools.election import (  # noqa: E402
    Additive_Cardinal_Sat, AdditiveSatisfaction, ApprovalBallot, ApprovalProfile, Cardinality_Sat, Cost_Sat,
    Instance, Project, parse_pabulib)
from pabutools.rules import (  # noqa: E402
    completion_by_rule_combination, greedy_utilitarian_welfare, max_additive_utilitarian_welfare, maximin_support,
    exact_equal_shares, method_of_equal_shares, sequential_phragmen)
from pabutools.rules.ees_addopt import ees_add_opt_completion  # noqa: E402
from pabutools.rules.mes.bos_equal_shares import bos_equal_shares, fractional_equal_shares  # noqa: E402
from pabutools.rules.cstv import CSTV_Combination, cstv  # noqa: E402
from pabutools.election import CumulativeBallot, CumulativeProfile  # noqa: E402


def donations(instance, profile):
    """Approval ballots as CSTV reads them in accord (docs/methods/budget.md): each voter donates
    budget / n, split equally among the projects it approves; a blank ballot donates nothing and is
    left out (pabutools' cstv wants every donor to give the same amount), still counted in n."""
    share = gmpy2.mpq(instance.budget_limit) / profile.num_ballots()
    return CumulativeProfile([
        CumulativeBallot({p: share / len(b) if p in b else gmpy2.mpq(0) for p in instance})
        for b in profile if len(b) > 0])


def points_donations(instance, profile):
    """Points ballots as CSTV reads them in accord: each voter donates budget / n in proportion to
    its points (so every donor gives the same amount, as pabutools' cstv requires)."""
    share = gmpy2.mpq(instance.budget_limit) / profile.num_ballots()
    out = []
    for b in profile:
        total = sum(b.get(p, 0) for p in instance)
        if total > 0:
            out.append(CumulativeBallot({p: share * b.get(p, 0) / total for p in instance}))
    return CumulativeProfile(out)


def points_cstv_variant(comb: str):
    return ({"method": "cstv", "combination": comb},
            f"cstv(instance, points_donations(instance, profile), CSTV_Combination.{comb.upper()}) (resolute: "
            "lexicographic tie-break; points_donations(): gen_pabutools.py)",
            lambda i, p: [cstv(i, points_donations(i, p), CSTV_Combination[comb.upper()])], False)


def cstv_variant(comb: str):
    return ({"method": "cstv", "combination": comb},
            f"cstv(instance, donations(instance, profile), CSTV_Combination.{comb.upper()}) (resolute: "
            "lexicographic tie-break; donations(): gen_pabutools.py)",
            lambda i, p: [cstv(i, donations(i, p), CSTV_Combination[comb.upper()])], False)

# variant -> (accord's options, the pabutools call as text, the call, irresolute)
VARIANTS = {
    "greedy": ({"method": "greedy"},
               "greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, resoluteness=False)",
               lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cost_Sat, resoluteness=False), True),
    "equal-shares-approval": (
        {"method": "equal-shares", "utilities": "approval"},
        "method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat, resoluteness=False)",
        lambda i, p: method_of_equal_shares(i, p, sat_class=Cardinality_Sat, resoluteness=False), True),
    "equal-shares": (
        {"method": "equal-shares"},
        "method_of_equal_shares(instance, profile, sat_class=Cost_Sat, resoluteness=False)",
        lambda i, p: method_of_equal_shares(i, p, sat_class=Cost_Sat, resoluteness=False), True),
    "equal-shares-add1": (
        {"method": "equal-shares", "completion": "add1"},
        "method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1, resoluteness=False)",
        lambda i, p: method_of_equal_shares(i, p, sat_class=Cost_Sat, voter_budget_increment=1, resoluteness=False),
        True),
    "equal-shares-approval-add1": (
        {"method": "equal-shares", "utilities": "approval", "completion": "add1"},
        "method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat, voter_budget_increment=1, "
        "resoluteness=False)",
        lambda i, p: method_of_equal_shares(i, p, sat_class=Cardinality_Sat, voter_budget_increment=1,
                                            resoluteness=False), True),
    "max-welfare": (
        {"method": "max-welfare"},
        "max_additive_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, resoluteness=False)",
        lambda i, p: max_additive_utilitarian_welfare(i, p, sat_class=Cost_Sat, resoluteness=False), True),
    "max-welfare-approval": (
        {"method": "max-welfare", "utilities": "approval"},
        "max_additive_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat, resoluteness=False)",
        lambda i, p: max_additive_utilitarian_welfare(i, p, sat_class=Cardinality_Sat, resoluteness=False),
        True),
    "phragmen": ({"method": "phragmen"},
                 "sequential_phragmen(instance, profile, resoluteness=False)",
                 lambda i, p: sequential_phragmen(i, p, resoluteness=False), True),
    "equal-shares-approval-greedy": (
        {"method": "equal-shares", "utilities": "approval", "completion": "greedy"},
        "completion_by_rule_combination(instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare], "
        "[{'sat_class': Cardinality_Sat}, {'sat_class': Cost_Sat}], resoluteness=False)",
        lambda i, p: completion_by_rule_combination(
            i, p, [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cardinality_Sat}, {"sat_class": Cost_Sat}], resoluteness=False), True),
    "phragmen-greedy": (
        {"method": "phragmen", "completion": "greedy"},
        "completion_by_rule_combination(instance, profile, [sequential_phragmen, greedy_utilitarian_welfare], "
        "[{}, {'sat_class': Cost_Sat}], resoluteness=False)",
        lambda i, p: completion_by_rule_combination(
            i, p, [sequential_phragmen, greedy_utilitarian_welfare], [{}, {"sat_class": Cost_Sat}],
            resoluteness=False), True),
    "exact-equal-shares-approval": (
        {"method": "exact-equal-shares", "utilities": "approval"},
        "exact_equal_shares(instance, profile)",
        lambda i, p: [exact_equal_shares(i, p)], False),
    "exact-equal-shares": (
        {"method": "exact-equal-shares"},
        "exact_equal_shares(instance, profile, utilities={p: p.cost for p in instance})",
        lambda i, p: [exact_equal_shares(i, p, utilities={q: q.cost for q in i})], False),
    "exact-equal-shares-approval-add-opt": (
        {"method": "exact-equal-shares", "utilities": "approval", "completion": "add-opt"},
        "ees_add_opt_completion(instance, profile)",
        lambda i, p: [ees_add_opt_completion(i, p)], False),
    "maximin-support": ({"method": "maximin-support"},
                        "maximin_support(instance, profile) (resolute only: lexicographic tie-break)",
                        lambda i, p: [maximin_support(i, p)], False),
    "bos-equal-shares": ({"method": "bos-equal-shares"},
                         "bos_equal_shares(instance, profile) (resolute: first project in its iteration order "
                         "on a tie)",
                         lambda i, p: [bos_equal_shares(i, p)], False),
    "fractional-equal-shares": ({"method": "fractional-equal-shares"},
                                "fractional_equal_shares(instance, profile): the projects funded in part or "
                                "whole (resolute: least name on a tie)",
                                lambda i, p: [fractional_equal_shares(i, p)], False),
}


class Points_Cost_Sat(AdditiveSatisfaction):
    """A voter's satisfaction from a funded project: the points it gives it x its cost, so that
    greedy_utilitarian_welfare's gain per unit of cost is the points: the cities' greedy by points
    (Częstochowa, Katowice), as Cost_Sat makes it greedy by approvals."""

    def __init__(self, instance, profile, ballot) -> None:
        AdditiveSatisfaction.__init__(self, instance, profile, ballot,
                                      lambda i, p, b, project, pre: b.get(project, 0) * project.cost)


# Points (cumulative) instances: their own variants, each voter's utility its points.
POINTS_VARIANTS = {
    "points-greedy": (
        {"method": "greedy"},
        "greedy_utilitarian_welfare(instance, profile, sat_class=Points_Cost_Sat, resoluteness=False), "
        "Points_Cost_Sat: points x cost (gen_pabutools.py)",
        lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Points_Cost_Sat, resoluteness=False), True),
    "points-max-welfare": (
        {"method": "max-welfare"},
        "max_additive_utilitarian_welfare(instance, profile, sat_class=Additive_Cardinal_Sat, resoluteness=False)",
        lambda i, p: max_additive_utilitarian_welfare(i, p, sat_class=Additive_Cardinal_Sat, resoluteness=False),
        True),
    # Resolute: irresolute MES with a non-binary satisfaction fails in pabutools 33b8575
    # (deepcopy of its MESProject set hashes a project before its name is set: AttributeError).
    "points-equal-shares": (
        {"method": "equal-shares"},
        "method_of_equal_shares(instance, profile, sat_class=Additive_Cardinal_Sat) (resolute: lexicographic "
        "tie-break)",
        lambda i, p: [method_of_equal_shares(i, p, sat_class=Additive_Cardinal_Sat)], False),
    "points-equal-shares-greedy": (
        {"method": "equal-shares", "completion": "greedy"},
        "completion_by_rule_combination(instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare], "
        "[{'sat_class': Additive_Cardinal_Sat}, {'sat_class': Points_Cost_Sat}]) (resolute)",
        lambda i, p: [completion_by_rule_combination(
            i, p, [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Additive_Cardinal_Sat}, {"sat_class": Points_Cost_Sat}])], False),
}
VARIANTS.update({f"cstv-{c}": cstv_variant(c) for c in ("ewt", "ewtc", "mt", "mtc", "ewts", "mts")})
POINTS_VARIANTS.update({f"points-cstv-{c}": points_cstv_variant(c) for c in ("ewt", "ewtc", "mt", "mtc", "ewts", "mts")})

# add1 on the real files: pabutools stops raising at the first exhaustive outcome (no project left
# that fits), accord while the outcome fits the budget (docs/methods/budget.md), so on Gdynia's
# babie-doly-large they differ by definition ({1, 5} and {4}), and on three others pabutools'
# steps of 1 per voter did not finish in 60 s. Compared on the seeded instances only.
SEEDED_ONLY = {"equal-shares-add1", "equal-shares-approval-add1"}
# CSTV: pabutools' exact count over thousands of real voters is slow (not tried on the real files).
SEEDED_ONLY |= {f"cstv-{c}" for c in ("ewt", "ewtc", "mt", "mtc", "ewts", "mts")}

# Variants whose peer breaks ties the way accord's default does: fractional_equal_shares takes the
# least project name, which on these files (p0 .. p8) is accord's lexicographic candidate order.
PEER_TIES_AS_ACCORD = {"fractional-equal-shares"}


def read_cat(path: Path) -> tuple[list[str], list[tuple[int, list[int]]]]:
    names, ballots = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ALTERNATIVE NAME"):
            names.append(line.split(":", 1)[1].strip())
        elif not line.startswith("#") and line.strip():
            count, rest = line.split(":", 1)
            yes = re.match(r"\s*\{([^}]*)\}", rest).group(1)
            ballots.append((int(count), [int(x) - 1 for x in yes.split(",") if x.strip()]))
    return names, ballots


def _timeout(*_):
    raise TimeoutError("over 60 s")


def main() -> None:
    old = json.loads((HERE / "pabutools.json").read_text(encoding="utf-8"))
    out = {"peer": "pabutools", "commit": "33b8575",
           "rules": {"budget": {"variants": {}}},
           "not_compared_variants": old.get("not_compared_variants", {}), "profiles": []}
    for name, (options, call, _, irresolute) in {**VARIANTS, **POINTS_VARIANTS}.items():
        entry = {"options": options, "peer_call": call}
        if not irresolute:
            entry["resolute"] = True
        if name in PEER_TIES_AS_ACCORD:
            entry["ties_as_accord"] = True
        out["rules"]["budget"]["variants"][name] = entry
    signal.signal(signal.SIGALRM, _timeout)
    root = HERE.parent.parent.parent
    instances = []
    for previous in old["profiles"]:
        if "budget" not in previous:
            continue  # a Pabulib file: read again below
        names, ballots = read_cat(root / previous["file"])
        projects = [Project(n, previous["costs"][n]) for n in names]
        instance = Instance(projects, budget_limit=previous["budget"])
        profile = ApprovalProfile([ApprovalBallot([projects[c] for c in yes])
                                   for count, yes in ballots for _ in range(count)])
        instances.append(({"file": previous["file"], "budget": previous["budget"], "costs": previous["costs"]},
                          lambda instance=instance, profile=profile: (instance, profile)))
    # Real files: costs and budget from the file, for pabutools' parser as for accord's. The parser
    # gives the budget and costs as gmpy2 mpq numbers, which method_of_equal_shares changes in
    # place (the budget 219780 became 36630/53), so every later rule, and the greedy completion
    # after it, would see other numbers: each rule gets a fresh parse, its (whole) budget and costs
    # as Python ints.
    def parsed(path: Path):
        instance, profile = parse_pabulib(str(path))
        assert instance.budget_limit.denominator == 1, path
        instance.budget_limit = int(instance.budget_limit)
        for project in instance:
            assert project.cost.denominator == 1, (path, project)
            project.cost = int(project.cost)
        return instance, profile

    for path in sorted((HERE.parent / "pabulib").glob("*.pb")):
        vote_type = parse_pabulib(str(path))[0].meta.get("vote_type")
        if vote_type in ("approval", "cumulative"):
            instances.append(({"file": str(path.relative_to(root))}, lambda path=path: parsed(path)))
    # Seeded points instances (gen_budget_points.py), Pabulib files read as the real ones are.
    for path in sorted(HERE.glob("budget-points-*.pb")):
        instances.append(({"file": str(path.relative_to(root))}, lambda path=path: parsed(path)))
    for head, load in instances:
        allocations, errors = {}, {}
        points = parse_pabulib(str(root / head["file"]))[0].meta.get("vote_type") == "cumulative" \
            if head["file"].endswith(".pb") else False
        for name, (_, _, run, _) in (POINTS_VARIANTS if points else VARIANTS).items():
            if name in SEEDED_ONLY and "budget" not in head:
                continue
            try:
                signal.alarm(60)
                got = run(*load())
                signal.alarm(0)
                allocations[name] = sorted(sorted(p.name for p in a) for a in got)
            except Exception as e:  # recorded, not compared
                signal.alarm(0)
                errors[name] = f"{type(e).__name__}: {str(e)[:100]}"
        entry = dict(head, allocations=allocations)
        if errors:
            entry["peer_errors"] = errors
        out["profiles"].append(entry)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
