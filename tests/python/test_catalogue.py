"""The catalogue rules through Python (accord.run over the C API): a few by name, options strict."""
from __future__ import annotations

import unittest
from fractions import Fraction

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




class UncoveredSet(unittest.TestCase):
    def test_four_coverings_on_pref_votings_doc_example(self) -> None:
        # docs/methods/uncovered-set.md: 2 beats 0, 1 beats 2 and 3, 2 beats 3; 0 ties 1 and 3.
        p = accord.Profile(["0", "1", "2", "3"])
        for order, count in [(["2", "3", "0", "1"], 1), (["0", "2", "1", "3"], 1), (["3", "0", "1", "2"], 1),
                             (["1", "2", "0", "3"], 2), (["1", "2", "3", "0"], 1)]:
            p.add(order, count=count)
        expected = {"gillies": ["0", "1"], "fishburn": ["1"], "bordes": ["1", "2"], "mckelvey": ["0", "1", "2"]}
        for variant, winners in expected.items():
            with self.subTest(variant=variant):
                self.assertEqual(accord.run(p, "uncovered-set", variant=variant).winners, winners)
        self.assertEqual(accord.run(p, "top-cycle").winners, ["0", "1", "2", "3"])
        self.assertIn("uncovered-set", accord.methods())
        with self.assertRaises(accord.AccordError):
            accord.run(p, "uncovered-set", variant="miller")
        self.assertEqual(accord.run(p, "banks").winners, ["1", "2"])

    def test_slater_and_banks_on_pref_votings_doc_example(self) -> None:
        # 0>2, 0>3, 1>0, 2>3, 2>1, 3>1: one Slater ranking 0>2>3>1; Banks chain tops 0, 1, 2.
        p = accord.Profile(["0", "1", "2", "3"])
        for order in (["0", "2", "3", "1"], ["1", "0", "2", "3"], ["2", "3", "1", "0"]):
            p.add(order)
        slater = accord.run(p, "slater")
        self.assertEqual(slater.winners, ["0"])
        self.assertEqual(slater.ranking, [["0"], ["2"], ["3"], ["1"]])
        self.assertEqual(accord.run(p, "banks").winners, ["0", "1", "2"])
        with self.assertRaises(accord.AccordError):
            accord.run(p, "slater", max_exact=31)


class MaximalLotteries(unittest.TestCase):
    def setUp(self) -> None:
        # A three-cycle of 2 a>b>c, 2 b>c>a, 1 c>a>b: margins a>b 1, b>c 3, c>a 1, so the maximal
        # lottery is (3/5, 1/5, 1/5) (docs/methods/maximal-lotteries.md).
        self.p = accord.Profile(["a", "b", "c"])
        self.p.add(["a", "b", "c"], count=2)
        self.p.add(["b", "c", "a"], count=2)
        self.p.add(["c", "a", "b"], count=1)

    def test_exact_lottery_and_recorded_draw(self) -> None:
        r = accord.run(self.p, "maximal-lotteries", {"seed": 4})
        self.assertEqual(r.scores, {"a": Fraction(3, 5), "b": Fraction(1, 5), "c": Fraction(1, 5)})
        self.assertEqual(len(r.winners), 1)
        self.assertEqual(r.ties[0].to_dict()["purpose"], "lottery draw")
        self.assertEqual(r.ties[0].to_dict()["seed"], 4)
        c1 = accord.run(self.p, "maximal-lotteries", {"game": "majority"})
        self.assertEqual(set(c1.scores.values()), {Fraction(1, 3)})
        with self.assertRaises(accord.AccordError):
            accord.run(self.p, "maximal-lotteries", {"game": "c2"})

    def test_bipartisan_and_essential_sets(self) -> None:
        self.assertEqual(accord.run(self.p, "bipartisan-set").winners, ["a", "b", "c"])
        self.assertEqual(accord.run(self.p, "essential-set").winners, ["a", "b", "c"])
        # d>a>b>c, b>c>d>a, c>d>a>b: d covers a; the lottery is 1/3 on each of b, c, d.
        q = accord.Profile(["a", "b", "c", "d"])
        for order in (["d", "a", "b", "c"], ["b", "c", "d", "a"], ["c", "d", "a", "b"]):
            q.add(order)
        self.assertEqual(accord.run(q, "bipartisan").winners, ["b", "c", "d"])
        for name in ("maximal-lotteries", "bipartisan-set", "essential-set"):
            self.assertIn(name, accord.methods())


class DodgsonYoung(unittest.TestCase):
    def test_three_cycle_scores_and_the_candidate_limit(self) -> None:
        # 2 a>b>c, 2 b>c>a, 1 c>a>b: Dodgson scores 1, 1, 2 (swaps); Young 3, 3, 1 (voters kept).
        p = accord.Profile(["a", "b", "c"])
        p.add(["a", "b", "c"], count=2)
        p.add(["b", "c", "a"], count=2)
        p.add(["c", "a", "b"], count=1)
        d = accord.run(p, "dodgson")
        self.assertEqual(d.scores, {"a": 1, "b": 1, "c": 2})
        self.assertEqual(d.winners, ["a"])
        self.assertEqual(accord.run(p, "young").scores, {"a": 3, "b": 3, "c": 1})
        self.assertEqual(accord.run(p, "dodgson", {"tie_order": ["b", "a", "c"]}).winners, ["b"])
        seen: list[float] = []
        accord.run(p, "young", progress=lambda f: seen.append(f) is None)
        self.assertEqual(seen[-1], 1.0)
        with self.assertRaises(accord.AccordError):
            accord.run(p, "dodgson", progress=lambda f: False)
        big = accord.Profile([f"c{i}" for i in range(11)])
        big.add([f"c{i}" for i in range(11)])
        with self.assertRaises(accord.AccordError) as e:
            accord.run(big, "young")
        self.assertIn("more than the 10", str(e.exception))


if __name__ == "__main__":
    unittest.main()
