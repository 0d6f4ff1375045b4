"""accord run with the committee rules and participatory budgeting (docs/methods/pav.md, budget.md)."""
from __future__ import annotations

import json
import os
import subprocess
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
# Lackner & Skowron (2023), Example 2.1, as a PrefLib categorical file.
BOOK = ROOT / "tests" / "data" / "abc_book_example.cat"
UNIT_COSTS = {c: 1 for c in "abcdefgh"}


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Committee(unittest.TestCase):
    def test_pav_with_seats_flag(self) -> None:
        out = accord("run", "pav", BOOK, "--seats", "4", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["winners"], ["a", "b", "c", "f"])  # published: {a, b, c, f}, score 83/6
        self.assertIn("PAV score of the committee: 83/6", j["notes"])
        self.assertEqual(j["ties"], [])

    def test_seq_phragmen_rounds_and_tie(self) -> None:
        j = json.loads(accord("run", "seq-phragmen", BOOK, "--option", "seats=4", "--json").stdout)
        self.assertEqual(j["winners"], ["a", "b", "c", "d"])
        self.assertEqual(j["rounds"][1]["tallies_exact"]["b"], "11/32")
        self.assertEqual(j["rounds"][3]["tallies_exact"]["d"], "5/8")
        self.assertEqual(len(j["ties"]), 1)
        self.assertEqual(j["ties"][0]["candidates"], ["b", "c"])

    def test_budget_costs_as_options_object(self) -> None:
        opts = {"method": "equal-shares", "budget": 4, "costs": UNIT_COSTS}
        j = json.loads(accord("run", "budget", BOOK, "--options", json.dumps(opts), "--json").stdout)
        self.assertEqual(j["winners"], ["a"])  # only a is affordable from budgets of 1/3
        self.assertIn("spent 1 of 4", j["notes"])
        # --option KEY=VALUE parses VALUE as JSON, so an object passes as well.
        out = accord("run", "budget", BOOK, "--option", "budget=3", "--option",
                     "costs=" + json.dumps(UNIT_COSTS), "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["winners"], ["a", "b", "c"])  # greedy: most approved first

    def test_errors_name_the_option(self) -> None:
        for args, needle in [
            (("run", "pav", BOOK), "option 'seats' is required"),
            (("run", "pav", BOOK, "--seats", "9"), "option 'seats' (9) exceeds"),
            (("run", "budget", BOOK, "--option", "budget=4", "--option", 'costs={"a": 1}'),
             "no cost for candidate 'b'"),
            (("run", "budget", BOOK, "--option", "budget=lots", "--option", "costs=" + json.dumps(UNIT_COSTS)),
             "option 'budget'"),
        ]:
            with self.subTest(args=args):
                out = accord(*args)
                self.assertNotEqual(out.returncode, 0)
                self.assertEqual(out.stdout, "")
                lines = out.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, out.stderr)
                self.assertIn(needle, lines[0])


if __name__ == "__main__":
    unittest.main()
