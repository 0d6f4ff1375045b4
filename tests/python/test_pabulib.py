"""Pabulib files (.pb) through Python: the file's costs and budget reach the budget rule with no
options but the method, and on real files with META rule;greedy the greedy method funds exactly the
projects the file marks selected (docs/formats.md, "Pabulib"; docs/methods/budget.md)."""
from __future__ import annotations

import csv
import tempfile
import unittest
from fractions import Fraction
from pathlib import Path

import accord

PABULIB = Path(__file__).resolve().parents[1] / "data" / "pabulib"

SMALL = """META
key;value
budget;250
vote_type;approval
PROJECTS
project_id;cost;name
p1;100;"Park; benches"
p2;150;Library
p3;90;Lights
VOTES
voter_id;vote
v1;p1,p2
v2;p2
v3;p2,p3
"""


def selected(path: Path) -> set[str]:
    """The PROJECTS rows whose `selected` is 1, read with Python's csv module."""
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "PROJECTS") + 1
    header = rows[start]
    out = set()
    for r in rows[start + 1:]:
        if r and r[0] == "VOTES":
            break
        row = dict(zip(header, r))
        if row.get("selected") == "1":
            out.add(row["project_id"])
    return out


class Pabulib(unittest.TestCase):
    def test_costs_and_budget_come_from_the_file(self) -> None:
        with accord.Profile.from_text(SMALL, name="t.pb") as p:
            self.assertEqual(p.kind, "approval")
            r = accord.run(p, "budget", method="greedy")
            self.assertEqual(r.winners, ["p2", "p1"])
            self.assertIn("from the file: the budget 250 and the costs", r.raw["notes"])
            # an option given wins over the file, as --seats over a BLT file's seats
            self.assertEqual(accord.run(p, "budget", method="greedy", budget=160).winners, ["p2"])
            self.assertEqual(accord.run(p, "budget", method="greedy", costs={"p1": 200}).winners, ["p2", "p3"])

    def test_real_greedy_files_fund_the_selected_projects(self) -> None:
        checked = 0
        for f in sorted(PABULIB.glob("*.pb")):
            text = f.read_text(encoding="utf-8")
            if ("vote_type;approval" not in text and "vote_type;cumulative" not in text) or \
                    "rule;greedy" not in text or ";selected" not in text:
                continue
            with accord.Profile.from_file(f) as p:
                # greedy by approvals, or by points for cumulative votes (Katowice)
                self.assertEqual(set(accord.run(p, "budget", method="greedy").winners), selected(f), f.name)
            checked += 1
        self.assertGreaterEqual(checked, 7)

    def test_a_vote_for_an_unknown_project_is_refused_naming_the_place(self) -> None:
        with self.assertRaises(accord.ParseError) as e:
            accord.Profile.from_text(SMALL.replace("v2;p2", "v2;p9"), name="t.pb")
        self.assertIn("t.pb:13:4", str(e.exception))
        self.assertIn("'p9'", str(e.exception))

    def test_a_vote_outside_the_meta_limits_is_refused_or_skipped_when_lenient(self) -> None:
        limited = SMALL.replace("vote_type;approval", "vote_type;approval\nmax_length;1")
        with self.assertRaises(accord.ParseError) as e:
            accord.Profile.from_text(limited, name="t.pb")
        self.assertIn("t.pb:13:4:", str(e.exception))  # v1;p1,p2
        self.assertIn("more than META max_length 1; --lenient skips such votes", str(e.exception))
        with accord.Profile.from_text(limited, name="t.pb", lenient=True) as p:
            self.assertEqual(p.voters, 1)  # v2 alone names one project

    def test_save_as_pabulib_reads_back_and_other_formats_refuse_the_budget(self) -> None:
        with tempfile.TemporaryDirectory() as tmp, accord.Profile.from_text(SMALL, name="t.pb") as p:
            out = Path(tmp) / "again.pb"
            p.save(out, "pabulib")
            with accord.Profile.from_file(out) as q:
                self.assertEqual(q.candidates, p.candidates)
                self.assertEqual(accord.run(q, "budget", method="greedy").winners, ["p2", "p1"])
            with self.assertRaises(accord.Unsupported) as e:
                p.save(Path(tmp) / "lossy.csv", "csv")
            self.assertIn("budget and project costs would be lost", str(e.exception))
            self.assertFalse((Path(tmp) / "lossy.csv").exists())

    def test_budget_and_costs_are_read_and_set(self) -> None:
        with accord.Profile.from_text(SMALL, name="t.pb") as p:
            self.assertEqual(p.budget, 250)
            self.assertEqual(p.costs, {"p1": 100, "p2": 150, "p3": 90})
        # A profile built in Python gets its figures, then counts and saves as a .pb.
        p = accord.Profile(["p1", "p2", "p3"], kind="approval")
        self.assertIsNone(p.budget)
        self.assertIsNone(p.costs)
        p.add(["p1", "p2"])
        p.add(["p2"], count=2)
        p.set_budget("250.5", costs={"p1": 100, "p2": Fraction(301, 2), "p3": "90"})
        self.assertEqual(p.budget, Fraction(501, 2))
        self.assertEqual(p.costs["p2"], Fraction(301, 2))
        self.assertEqual(accord.run(p, "budget", method="greedy").winners, ["p2", "p1"])
        with self.assertRaises(accord.InvalidArgument):
            p.set_budget(costs={"p1": 1})  # p2 and p3 have no cost
        with self.assertRaises(accord.InvalidArgument):
            p.set_budget(0.1)  # not exact
        self.assertEqual(p.budget, Fraction(501, 2))
        with tempfile.TemporaryDirectory() as tmp:
            p.save(Path(tmp) / "built.pb", "pabulib")
            with accord.Profile.from_file(Path(tmp) / "built.pb") as q:
                self.assertEqual(q.costs, p.costs)
        p.set_budget(None, costs=None)
        self.assertIsNone(p.budget)
        self.assertIsNone(p.costs)


if __name__ == "__main__":
    unittest.main()
