"""Committee rules and participatory budgeting through the Python bindings (accord.run)."""
from __future__ import annotations

import unittest
from fractions import Fraction

import accord


def book_example() -> accord.Profile:
    # Lackner & Skowron (2023), Example 2.1; k = 4.
    p = accord.Profile(list("abcdefgh"), kind="approval")
    for approved, n in [("ab", 3), ("ac", 3), ("ad", 2), ("bcf", 1), ("e", 1), ("f", 1), ("g", 1)]:
        p.add_approval(list(approved), count=n)
    return p


class Committee(unittest.TestCase):
    def test_pav_and_equal_shares_published_outcomes(self) -> None:
        with book_example() as p:
            self.assertEqual(sorted(accord.run(p, "pav", seats=4).winners), ["a", "b", "c", "f"])
            mes = accord.run(p, "equal-shares", seats=4)
            self.assertEqual(mes.winners, ["a", "b", "c", "d"])
            self.assertEqual(mes.rounds[0].tallies["a"], Fraction(1, 8))
            self.assertEqual(mes.rounds[2].tallies["c"], Fraction(37, 384))
            self.assertEqual([t.candidates for t in mes.ties], [["b", "c"]])
            self.assertEqual(accord.run(p, "equal-shares", seats=4, completion="none").winners, ["a"])

    def test_monroe_greedy_monroe_minimax_av_and_lex_cc_by_name(self) -> None:
        # abcvoting example207/208 (Lackner & Skowron, Examples 2.7 and 2.8).
        with book_example() as p:
            self.assertEqual(accord.run(p, "greedy-monroe", seats=4).winners, ["a", "c", "d", "f"])
            monroe = accord.run(p, "monroe", seats=4, tie_order=["g"])
            self.assertEqual(monroe.winners, ["a", "b", "c", "g"])
            self.assertIn("Monroe score of the committee: 10 voters satisfied", monroe.to_dict()["notes"])
            self.assertEqual(len(accord.run(p, "lex-cc", seats=4).winners), 4)
            with self.assertRaises(accord.AccordError):
                accord.run(p, "monroe", seats=4, max_committees=10)  # C(8, 4) = 70
        # example213: 99 x {a}, 1 x {b, c}; minimax-AV elects b or c, a tie recorded.
        q = accord.Profile(list("abc"), kind="approval")
        q.add_approval(["a"], count=99)
        q.add_approval(["b", "c"])
        r = accord.run(q, "minimax-av", seats=1)
        self.assertEqual(r.winners, ["b"])
        self.assertEqual([t.candidates for t in r.ties], [["b", "c"]])
        q.close()

    def test_phragmen_minimax_leximax_and_maximin_support_by_name(self) -> None:
        # Lackner & Skowron, Example 2.10 (abcvoting example210): minimax-Phragmen has five
        # optimal committees (largest load 1/2); leximax-Phragmen elects only {a, b, c, f}.
        with book_example() as p:
            minimax = accord.run(p, "minimax-phragmen", seats=4, tie_order=["f"])
            self.assertEqual(minimax.winners, ["a", "b", "c", "f"])
            self.assertTrue(minimax.ties)
            leximax = accord.run(p, "leximax-phragmen", seats=4)
            self.assertEqual(leximax.winners, ["a", "b", "c", "f"])
            self.assertFalse(leximax.ties)
            self.assertIn("voter loads of the committee, largest first: 1/2 (voters' weight 2), "
                          "3/8 (voters' weight 8), 0 (voters' weight 2)", leximax.to_dict()["notes"])
            mms = accord.run(p, "mms", seats=4)
            self.assertEqual(mms.method, "maximin-support")
            self.assertEqual(mms.rounds[0].tallies["a"], Fraction(8))
            with self.assertRaises(accord.AccordError):
                accord.run(p, "leximax-phragmen", seats=4, max_committees=10)  # C(8, 4) = 70

    def test_exact_committee_search_reports_progress_and_cancels(self) -> None:
        p = accord.Profile(list("abcdefghijkl"), kind="approval")
        p.add_approval(list("abcdef"))
        p.add_approval(list("ghijkl"))
        seen: list[float] = []
        accord.run(p, "minimax-phragmen", seats=6, progress=lambda f: seen.append(f) or True)
        self.assertEqual(len(seen), 4)  # C(12, 6) = 924 committees: 0, then every 256
        with self.assertRaises(accord.Cancelled):
            accord.run(p, "leximax-phragmen", seats=6, progress=lambda f: f < 0.5)
        p.close()

    def test_fractional_weights_equal_duplicates(self) -> None:
        halves = accord.Profile(list("abcdefgh"), kind="approval")
        for approved, n in [("ab", 3), ("ac", 3), ("ad", 2), ("bcf", 1), ("e", 1), ("f", 1), ("g", 1)]:
            halves.add_approval(list(approved), count=2 * n, weight="1/2")
        with book_example() as p:
            for method in ("pav", "seq-pav", "seq-phragmen", "equal-shares", "minimax-phragmen",
                           "leximax-phragmen", "maximin-support"):
                self.assertEqual(accord.run(p, method, seats=4).to_dict(),
                                 accord.run(halves, method, seats=4).to_dict(), method)
        halves.close()

    def test_budget_cstv(self) -> None:
        # pabutools' CSTV example: five donors give 5 to each of A (27), B (30), C (40); every
        # combination funds A and B (worked by hand in tests/budget_test.cpp).
        p = accord.Profile(["A", "B", "C"], kind="approval")
        p.add_approval(["A", "B", "C"], count=5)
        for combination in ("ewt", "ewtc", "mt", "mtc", "ewts", "mts"):
            r = accord.run(p, "budget", method="cstv", combination=combination, budget=75,
                           costs={"A": 27, "B": 30, "C": 40})
            self.assertEqual(r.winners, ["A", "B"], combination)
        with self.assertRaises(accord.InvalidArgument):
            accord.run(p, "budget", method="greedy", combination="mt", budget=75, costs={"A": 27, "B": 30, "C": 40})

    def test_budget_with_costs(self) -> None:
        # pabutools' approval example 2: Equal Shares with cost utilities funds p2 then p0.
        p = accord.Profile(["p0", "p1", "p2", "p3"], kind="approval")
        p.add_approval(["p0"])
        p.add_approval(["p1", "p2", "p3"], count=2)
        p.add_approval(["p2"])
        costs = {"p0": 1, "p1": "0.9", "p2": 2, "p3": "109/100"}
        r = accord.run(p, "budget", method="equal-shares", budget=4, costs=costs)
        self.assertEqual(r.winners, ["p2", "p0"])
        r = accord.run(p, "budget", method="equal-shares", utilities="approval", budget=4, costs=costs)
        self.assertEqual(sorted(r.winners), ["p0", "p1", "p3"])
        # Exact maximum welfare with cost utilities: p1, p2 and p3 cost 3.99 and are worth
        # 2 x 0.9 + 3 x 2 + 2 x 1.09 = 9.98.
        r = accord.run(p, "budget", method="max-welfare", budget=4, costs=costs)
        self.assertEqual(r.winners, ["p1", "p2", "p3"])
        seen: list[float] = []
        accord.run(p, "budget", method="max-welfare", budget=4, costs=costs,
                   progress=lambda f: seen.append(f) or True)
        self.assertEqual(seen[0], 0.0)
        # Phragmén: p1 (load 0.45), p2 (29/30), p0 (1); then p3 (load 907/600) does not fit 1/10.
        r = accord.run(p, "budget", method="phragmen", budget=4, costs=costs)
        self.assertEqual(r.winners, ["p1", "p2", "p0"])
        r = accord.run(p, "budget", method="maximin-support", budget=4, costs=costs)
        self.assertEqual(r.winners, ["p1", "p2", "p0"])
        # Exact Equal Shares (cost utilities): p2 is paid by its 3 supporters (2/3 each), then p1
        # by the two {p1, p2, p3} voters; add-opt completes within the budget.
        r = accord.run(p, "budget", method="exact-equal-shares", budget=4, costs=costs)
        self.assertEqual(r.winners[0], "p2")
        r = accord.run(p, "budget", method="exact-equal-shares", completion="add-opt", budget=4, costs=costs)
        self.assertIn("add-opt completion", " ".join(r.to_dict()["notes"]))
        # BOS Equal Shares (as pabutools' bos_equal_shares): p2, then p1, which its two supporters
        # can pay only in part (alpha 20/27, a recorded overspending), then p0.
        r = accord.run(p, "budget", method="bos-equal-shares", budget=4, costs=costs)
        self.assertEqual(r.winners, ["p2", "p1", "p0"])
        self.assertIn("overspent", " ".join(rd["note"] for rd in r.to_dict()["rounds"]))
        with self.assertRaises(accord.InvalidArgument):
            accord.run(p, "budget", method="fractional-equal-shares", completion="greedy", budget=4, costs=costs)
        with self.assertRaises(accord.InvalidArgument) as cm:
            accord.run(p, "budget", method="phragmen", utilities="cost", budget=4, costs=costs)
        self.assertIn("'utilities' is only used with methods", str(cm.exception))
        with self.assertRaises(accord.InvalidArgument) as cm:
            accord.run(p, "budget", budget=4, costs={"p0": 1, "p1": 1, "p2": 1})
        self.assertIn("no cost for candidate 'p3'", str(cm.exception))
        with self.assertRaises(accord.InvalidArgument) as cm:
            accord.run(p, "budget", budget=4, costs={**costs, "p1": -1})
        self.assertIn("'p1' must be > 0", str(cm.exception))
        with self.assertRaises(accord.InvalidArgument) as cm:
            accord.run(p, "pav")
        self.assertIn("'seats'", str(cm.exception))
        p.close()


if __name__ == "__main__":
    unittest.main()
