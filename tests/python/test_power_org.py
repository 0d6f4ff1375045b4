"""Organisation.power: power under a decision rule; run(..., progress=) for exact Kemeny."""
from __future__ import annotations

import unittest
from fractions import Fraction
from pathlib import Path

import accord

PLACE = Path(__file__).resolve().parents[1] / "data" / "place_org.csv"


class PowerUnderARule(unittest.TestCase):
    def setUp(self) -> None:
        self.org = accord.Organisation.from_file(PLACE)

    def test_double_majority_of_the_place(self) -> None:
        # p1 holds 30,000 of 52,000 patients: winning needs p1 and three of the five practices.
        r = self.org.power("double-majority", indices=["banzhaf", "shapley_shubik"])
        self.assertEqual(r["players"], ["p1", "p2", "p3", "p4", "p5"])
        self.assertEqual(r["swings"], [11, 3, 3, 3, 3])
        self.assertEqual(r["shapley_shubik_exact"][0], Fraction(3, 5))

    def test_default_is_more_than_half_of_the_patients_and_vetoes_and_unions(self) -> None:
        self.assertEqual(self.org.power(indices="banzhaf")["banzhaf_exact"], [1, 0, 0, 0, 0])
        r = self.org.power({"conditions": [{"basis": "population"}], "veto": ["p2"]},
                           indices=["banzhaf", "owen"], unions_by="pcn")
        self.assertEqual(r["banzhaf_exact"], [Fraction(1, 2), Fraction(1, 2), 0, 0, 0])
        self.assertIn("owen", r)

    def test_a_majority_of_groups_is_refused(self) -> None:
        with self.assertRaises(accord.Unsupported) as e:
            self.org.power("triple-majority")
        self.assertIn("composite", str(e.exception))


class KemenyProgress(unittest.TestCase):
    def test_progress_is_reported_and_can_cancel(self) -> None:
        k = 21
        names = [f"c{i}" for i in range(k)]
        p = accord.Profile(names)
        for s in range(k):
            p.add([names[(s + i) % k] for i in range(k)])
        seen: list[float] = []
        r = accord.run(p, "kemeny", progress=lambda f: seen.append(f) or True)
        self.assertTrue(r.winners)
        self.assertTrue(seen)
        with self.assertRaises(accord.Cancelled):
            accord.run(p, "kemeny", progress=lambda f: False)


if __name__ == "__main__":
    unittest.main()
