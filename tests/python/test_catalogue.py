"""The catalogue rules through Python (accord.run over the C API): a few by name, options strict."""
from __future__ import annotations

import unittest

import accord


class Catalogue(unittest.TestCase):
    def setUp(self) -> None:
        # B beats A 11-8 and C 14-5: the Condorcet winner. First preferences A 8, B 6, C 5.
        self.p = accord.Profile(["A", "B", "C"])
        self.p.add(["A", "B", "C"], count=8)
        self.p.add(["B", "C", "A"], count=6)
        self.p.add(["C", "B", "A"], count=5)

    def test_condorcet_hybrids_and_margin_rules(self) -> None:
        for rule in ["benham", "woodall", "smith-irv", "split-cycle", "stable-voting", "daunou"]:
            with self.subTest(rule=rule):
                self.assertEqual(accord.run(self.p, rule).winners, ["B"])
        self.assertIn("split-cycle", accord.methods())

    def test_pref_voting_catalogue_rules_through_the_c_api(self) -> None:
        # B is the Condorcet winner with a first preference: superior voting, knockout and
        # bracket voting elect it; split-IRV eliminates C and B beats A 11-8.
        for rule in ["superior-voting", "knockout", "bracket-voting", "split-irv", "simultaneous-veto"]:
            with self.subTest(rule=rule):
                self.assertEqual(accord.run(self.p, rule).winners, ["B"])
        self.assertIn("random-dictator", accord.methods())
        with self.assertRaises(accord.AccordError):
            accord.run(self.p, "plurality-veto", {"voter_order": "alphabetical"})

    def test_sntv_seats_and_strict_options(self) -> None:
        self.assertEqual(accord.run(self.p, "sntv", {"seats": 2}).winners, ["A", "B"])
        with self.assertRaises(accord.AccordError):
            accord.run(self.p, "split-cycle", {"tie_break": "random"})


if __name__ == "__main__":
    unittest.main()
