"""accord run budget on a Pabulib file: the file's costs and budget are used unless given
(docs/methods/budget.md, "Costs and budget from a Pabulib file")."""
from __future__ import annotations

import json
import os
import subprocess
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
# Warsaw 2019, Muranów: the city funded projects 1406 and 1582 (the file's `selected` column).
MURANOW = ROOT / "tests" / "data" / "pabulib" / "poland_warszawa_2019_muranow.pb"
SELECTED = ["1406", "1582"]


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Pabulib(unittest.TestCase):
    def test_greedy_on_a_real_file_funds_the_selected_projects(self) -> None:
        out = accord("run", "budget", MURANOW, "--option", "method=greedy", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(sorted(j["winners"]), SELECTED)
        self.assertTrue(any(n.startswith("from the file: the budget") for n in j["notes"]), j["notes"])

    def test_info_names_the_format(self) -> None:
        out = accord("info", MURANOW, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("pabulib", out.stdout)

    def test_budget_option_wins(self) -> None:
        out = accord("run", "budget", MURANOW, "--option", "method=greedy", "--option", "budget=0", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["winners"], [])


if __name__ == "__main__":
    unittest.main()
