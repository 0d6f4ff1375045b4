"""accord check FILE --rule R (docs/check.md): the published failures, text and JSON, and misuse."""
from __future__ import annotations

import json
import os
import subprocess
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
DATA = Path(__file__).resolve().parents[1] / "data" / "check"
IRV = DATA / "tannenbaum_irv_monotonicity.soc"
EJR = DATA / "brill_seq_phragmen_ejr.cat"


def accord(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Check(unittest.TestCase):
    def test_irv_monotonicity_failure_json(self) -> None:
        out = accord("check", IRV, "--rule", "irv", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["winners"], ["C"])
        m = {c["name"]: c for c in j["checks"]}["monotonicity"]
        self.assertEqual(m["verdict"], "fail")
        self.assertIn("the first 4 voter(s) ranking A first and C second swap the two", m["witness"]["change"])
        self.assertEqual(m["witness"]["winners"], ["B"])

    def test_irv_text_report_names_each_verdict(self) -> None:
        out = accord("check", IRV, "--rule", "irv")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertRegex(out.stdout, r"monotonicity\s+fail: C wins, but loses when raised")
        self.assertRegex(out.stdout, r"condorcet-winner\s+not-applicable")
        self.assertIn("witness winners: B", out.stdout)

    def test_seq_phragmen_ejr_failure_with_seats_flag(self) -> None:
        out = accord("check", EJR, "--rule", "seq-phragmen", "--seats", "12", "--only", "ejr", "--only", "pjr",
                     "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        checks = {c["name"]: c for c in json.loads(out.stdout)["checks"]}
        self.assertEqual(sorted(checks), ["ejr", "pjr"])
        self.assertEqual(checks["pjr"]["verdict"], "pass")
        self.assertEqual(checks["ejr"]["verdict"], "fail")
        self.assertEqual(checks["ejr"]["group"]["common"], ["c0", "c1"])

    def test_search_limit_flag(self) -> None:
        j = json.loads(accord("check", IRV, "--rule", "borda", "--only", "monotonicity", "--search-limit", "2",
                              "--json").stdout)
        self.assertEqual(j["checks"][0]["evaluated"], 2)
        self.assertFalse(j["checks"][0]["exact"])

    def test_misuse_exits_nonzero_naming_the_problem(self) -> None:
        out = accord("check", IRV, "--rule", "irv", "--only", "monotony")
        self.assertEqual(out.returncode, 1)
        self.assertIn("monotony", out.stderr)
        out = accord("check", IRV)
        self.assertEqual(out.returncode, 2)
        self.assertIn("--rule", out.stderr)
        out = accord("check", IRV, "--rule", "irv", "--seats", "2")
        self.assertEqual(out.returncode, 1)
        self.assertIn("seats", out.stderr)


if __name__ == "__main__":
    unittest.main()
