"""Largest-remainder quotas and a modified first divisor from Python (issue 18;
docs/methods/apportionment.md). Fixture sources: tests/data/apportion/SOURCES.md."""
from __future__ import annotations

import unittest
from fractions import Fraction
from pathlib import Path

import accord

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "apportion"


class ApportionVariants(unittest.TestCase):
    def setUp(self) -> None:
        self.oslo = accord.Organisation.from_file(DATA / "oslo_storting_2021.csv")
        self.two = accord.Organisation.from_file(DATA / "two_lists.csv")

    def test_oslo_2021_with_norways_first_divisor(self) -> None:
        official = {"A": 4, "SV": 3, "RODT": 2, "MDG": 2, "V": 2, "H": 5, "FRP": 1}
        for d in ("1.4", Fraction(7, 5), 1.4):  # a float is read as its shortest decimal
            with self.subTest(first_divisor=d):
                a = self.oslo.apportion(19, "sainte-lague", "list", first_divisor=d)
                self.assertEqual({k: v for k, v in a.seats.items() if v}, official)
                self.assertEqual(a["first_divisor"], Fraction(7, 5))

    def test_imperiali_recount_and_exact_quota(self) -> None:
        with self.assertRaisesRegex(accord.InvalidArgument, "gives 5 whole seats for 3 seats"):
            self.two.apportion(3, level="list", quota="imperiali")
        a = self.two.apportion(3, level="list", quota="imperiali", excess="reduce-divisor")
        self.assertEqual(a.seats, {"X": 2, "Y": 1})
        self.assertEqual(a["largest_remainder"],
                         {"quota": "imperiali", "votes_per_seat": Fraction(25), "rejected": [Fraction(20)]})
        self.assertEqual(a["units"][0]["quotient_exact"], Fraction(12, 5))

    def test_options_of_another_method_raise(self) -> None:
        with self.assertRaisesRegex(accord.InvalidArgument, "first_divisor"):
            self.two.apportion(3, "dhondt", "list", first_divisor="7/5")
        with self.assertRaisesRegex(accord.InvalidArgument, "'quota'"):
            self.two.apportion(3, "webster", "list", quota="droop")
        with self.assertRaisesRegex(accord.InvalidArgument, "whole_quota"):
            self.two.apportion(3, level="list", quota="droop", whole_quota=True)
        with self.assertRaisesRegex(accord.InvalidArgument, "first_divisor"):
            self.two.apportion(3, "webster", "list", first_divisor="1,4")


if __name__ == "__main__":
    unittest.main()
