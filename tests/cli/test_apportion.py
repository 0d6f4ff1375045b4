"""accord apportion's largest-remainder quotas and modified first divisor (issue 18;
docs/methods/apportionment.md, docs/cli.md)."""
from __future__ import annotations

import json
import os
import subprocess
import unittest
from fractions import Fraction
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "apportion"
OSLO = DATA / "oslo_storting_2021.csv"  # sources: tests/data/apportion/SOURCES.md
TWO = DATA / "two_lists.csv"


def accord(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


def seats(out: subprocess.CompletedProcess[str]) -> dict[str, int]:
    assert out.returncode == 0, out.stderr
    return {u["id"]: u["seats"] for u in json.loads(out.stdout)["units"] if u["seats"]}


class FirstDivisor(unittest.TestCase):
    def test_oslo_2021_constituency_seats_need_the_first_divisor_of_1_4(self) -> None:
        official = {"A": 4, "SV": 3, "RODT": 2, "MDG": 2, "V": 2, "H": 5, "FRP": 1}
        for spelling in ("1.4", "7/5"):
            out = accord("apportion", OSLO, "--level", "list", "--seats", 19, "--method", "sainte-lague",
                         "--first-divisor", spelling, "--json")
            self.assertEqual(seats(out), official)
            self.assertEqual(json.loads(out.stdout)["first_divisor"], "7/5")
        pure = seats(accord("apportion", OSLO, "--level", "list", "--seats", 19, "--method", "sainte-lague", "--json"))
        self.assertEqual((pure["SP"], pure["H"]), (1, 4))

    def test_first_divisor_is_refused_with_another_method_or_out_of_range(self) -> None:
        for args, needle in ((["--method", "dhondt", "--first-divisor", "1.4"], "first_divisor"),
                             (["--first-divisor", "1.4"], "first_divisor"),  # hamilton, the default
                             (["--method", "webster", "--first-divisor", "3.5"], "at most 3"),
                             (["--method", "webster", "--first-divisor", "1,4"], "--first-divisor")):
            with self.subTest(args=args):
                out = accord("apportion", OSLO, "--level", "list", "--seats", 19, *args)
                self.assertEqual(out.returncode, 1, out.stdout)
                self.assertIn(needle, out.stderr)


class Quotas(unittest.TestCase):
    def test_imperiali_overallocation_is_refused_then_recounted_on_request(self) -> None:
        out = accord("apportion", TWO, "--level", "list", "--seats", 3, "--quota", "imperiali")
        self.assertEqual(out.returncode, 1)
        self.assertIn("gives 5 whole seats for 3 seats", out.stderr)
        self.assertIn("'excess'", out.stderr)
        out = accord("apportion", TWO, "--level", "list", "--seats", 3, "--quota", "imperiali",
                     "--excess", "reduce-divisor", "--json")
        self.assertEqual(seats(out), {"X": 2, "Y": 1})
        lr = json.loads(out.stdout)["largest_remainder"]
        self.assertEqual(lr, {"quota": "imperiali", "votes_per_seat": "25", "rejected": ["20"]})

    def test_droop_quota_and_quotients_are_exact(self) -> None:
        out = accord("apportion", OSLO, "--level", "list", "--seats", 19, "--quota", "droop", "--json")
        j = json.loads(out.stdout)
        total = sum(u["population"] for u in j["units"])
        q = total // 20 + 1
        self.assertEqual(Fraction(j["largest_remainder"]["votes_per_seat"]), q)
        for u in j["units"]:
            self.assertEqual(Fraction(u["quotient_exact"]), Fraction(u["population"], q))
        self.assertEqual(sum(seats(out).values()), 19)
        text = accord("apportion", OSLO, "--level", "list", "--seats", 19, "--quota", "droop")
        self.assertIn(f"quota: droop, {q} per seat", text.stdout)

    def test_default_hamilton_reports_its_hare_quota(self) -> None:
        out = accord("apportion", TWO, "--level", "list", "--seats", 3, "--json")
        j = json.loads(out.stdout)
        self.assertEqual(j["largest_remainder"], {"quota": "hare", "votes_per_seat": "100/3", "rejected": []})
        self.assertEqual([u["quotient_exact"] for u in j["units"]], ["9/5", "6/5"])  # = the quotas under Hare
        self.assertNotIn("first_divisor", j)

    def test_quota_options_refused_where_they_do_not_apply(self) -> None:
        for args, needle in ((["--method", "webster", "--quota", "droop"], "'quota'"),
                             (["--quota", "droop", "--whole-quota"], "droop"),
                             (["--excess", "reduce-divisor"], "'excess'"),  # hare never overfills
                             (["--quota", "lottery"], "lottery")):
            with self.subTest(args=args):
                out = accord("apportion", TWO, "--level", "list", "--seats", 3, *args)
                self.assertEqual(out.returncode, 1, out.stdout)
                self.assertIn(needle, out.stderr)


if __name__ == "__main__":
    unittest.main()
