"""accord.ahp, accord.mcda, accord.mcda_smaa, accord.generate and accord.electorates over the C API
(docs/methods/ahp.md, docs/methods/mcda.md, docs/analysis.md)."""
from __future__ import annotations

import json
import unittest
from fractions import Fraction
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def fixture(name: str) -> dict:
    return json.loads((DATA / name).read_text())


class Ahp(unittest.TestCase):
    def test_saaty_2008_drinks(self) -> None:
        # Saaty (2008), Int. J. Services Sciences 1(1):83-98, Table 2.
        f = fixture("ahp/saaty2008_drinks.json")
        r = accord.ahp(f["matrix"], items=f["items"])
        published = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
        for item, p in zip(f["items"], published):
            self.assertAlmostEqual(r.priorities[item], p, delta=0.0005, msg=item)
        self.assertAlmostEqual(r.consistency.consistency_ratio, 0.022, delta=0.0005)
        self.assertTrue(r.consistency.acceptable)
        self.assertEqual(r.ranking[0], "water")
        self.assertEqual(r.participants, [])

    def test_saaty_1990_house_from_fractions(self) -> None:
        # Saaty (1990), EJOR 48(1):9-26: the upper triangle given as Fractions.
        f = fixture("ahp/saaty1990_house.json")
        upper = [Fraction(x) for x in f["upper"]]
        r = accord.ahp(upper=upper, items=f["items"])
        published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
        for item, p in zip(f["items"], published):
            self.assertAlmostEqual(r.priorities[item], p, delta=0.0005, msg=item)
        self.assertAlmostEqual(r.consistency.lambda_max, 9.669, delta=0.0005)
        self.assertAlmostEqual(r.consistency.consistency_index, 0.238, delta=0.0005)
        self.assertAlmostEqual(r.consistency.consistency_ratio, 0.169, delta=0.0005)
        self.assertFalse(r.consistency.acceptable)

    def test_reciprocity_violation_is_refused_naming_the_entry(self) -> None:
        f = fixture("ahp/not_reciprocal.json")
        with self.assertRaises(accord.InvalidArgument) as cm:
            accord.ahp(f["matrix"], items=f["items"])
        self.assertIn("reciprocity violated", str(cm.exception))
        self.assertIn("workforce", str(cm.exception))
        with self.assertRaises(accord.InvalidArgument):
            accord.ahp([[1, 3], [0.333, 1]])
        r = accord.ahp([[1, 3], [0.333, 1]], reciprocity_tolerance=1e-3)
        self.assertAlmostEqual(r.priorities["1"], 0.75, places=3)
        with self.assertRaises(ValueError):
            accord.ahp()

    def test_group_weighted_by_unit(self) -> None:
        f = fixture("ahp/board.json")
        org = accord.Organisation.from_file(DATA / "place_org.csv")
        r = accord.ahp(participants=f["participants"], items=f["items"], org=org, scheme="population")
        self.assertEqual([p.name for p in r.participants], ["Riverside", "Quayside", "Ashby Rd"])
        self.assertAlmostEqual(r.participants[0].weight, 30000 / 42000)
        self.assertEqual(r.participants[0].unit, "p1")
        self.assertAlmostEqual(sum(r.priorities.values()), 1.0)
        self.assertEqual(r.aggregation, "aij")
        aip = accord.ahp(participants=f["participants"], items=f["items"], aggregation="aip",
                         method="geometric-mean")
        self.assertIsNone(aip.consistency)
        self.assertEqual(aip.method, "geometric-mean")
        with self.assertRaises(ValueError):
            accord.ahp(participants=f["participants"], scheme="population")


class Mcda(unittest.TestCase):
    def test_weighted_sum_is_exact(self) -> None:
        f = fixture("mcda_options.json")
        r = accord.mcda(f["scores"], f["criteria"], f["weights"], options=f["options"],
                        lower_is_better=f["lower_is_better"])
        self.assertEqual(r.scores, {"Same-day hub": Fraction(15, 4), "Frailty team": Fraction(9, 2),
                                    "Digital front door": Fraction(4)})
        self.assertEqual(r.winner, "Frailty team")
        self.assertEqual(r.ranking[0], ["Frailty team"])
        self.assertEqual(r.weights["access"], Fraction(1, 2))
        keyed = accord.mcda({"a": {"x": Fraction(1, 3), "y": 0}, "b": {"x": 0, "y": "1/3"}}, ["x", "y"],
                            {"x": 1, "y": 1})
        self.assertIsNone(keyed.winner)
        self.assertFalse(keyed.complete)
        self.assertEqual(accord.mcda({"a": [1, 0], "b": [0, 1]}, ["x", "y"], [1, 1], tie_break="lexicographic").winner,
                         "a")
        with self.assertRaises(accord.InvalidArgument):
            accord.mcda({"a": [1, 0]}, ["x", "y"], [1])
        with self.assertRaises(accord.NotFound):
            accord.mcda({"a": [1, 0]}, ["x", "y"], [1, 1], lower_is_better=["z"])

    def test_smaa_closed_form_and_determinism(self) -> None:
        s = accord.mcda_smaa({"a": [1, 0], "b": [0, 1]}, ["x", "y"], samples=20000, seed=3, threads=1)
        self.assertAlmostEqual(s.winner_probability["a"], 0.5, delta=4 * s.winner_probability_se["a"])
        self.assertAlmostEqual(s.central_weights["a"]["x"], 0.75, delta=0.01)
        self.assertEqual(s, accord.mcda_smaa({"a": [1, 0], "b": [0, 1]}, ["x", "y"], samples=20000, seed=3, threads=2))
        bounded = accord.mcda_smaa({"a": [1, 0], "b": [0, 1]}, ["x", "y"], lower={"x": 0.6}, samples=500)
        self.assertEqual(bounded.winner_probability["a"], 1.0)
        d = accord.mcda_smaa({"a": [1, 0], "b": [0, 1]}, ["x", "y"], distribution="dirichlet", alpha=[4, 1],
                             samples=2000, seed=1)
        self.assertGreater(d.winner_probability["a"], 0.8)
        with self.assertRaises(accord.Cancelled):
            accord.mcda_smaa({"a": [1, 0], "b": [0, 1]}, ["x", "y"], samples=10_000_000, progress=lambda f: False)


class Generate(unittest.TestCase):
    def test_models_make_profiles(self) -> None:
        p = accord.generate("mallows", names=["Access", "Frailty", "Digital"], phi=0, center=["Digital", "Access", "Frailty"],
                            voters=9, seed=1)
        self.assertEqual(p.candidates, ["Access", "Frailty", "Digital"])
        self.assertEqual(accord.run(p, "irv").winners, ["Digital"])
        ic = accord.generate("impartial-culture", candidates=4, voters=100, seed=7)
        self.assertEqual(ic.candidates, ["A", "B", "C", "D"])
        self.assertEqual(ic.voters, 100)
        self.assertEqual(accord.run(ic, "borda").to_dict(),
                         accord.run(accord.generate("impartial-culture", candidates=4, voters=100, seed=7),
                                    "borda").to_dict())
        pl = accord.generate("plackett-luce", strengths={"x": 5, "y": 1}, names=["x", "y"], voters=20, seed=2)
        self.assertEqual(pl.voters, 20)
        sp = accord.generate("spatial", candidates=3, dimensions=2, voters=10, seed=1)
        self.assertEqual(sp.voters, 10)
        back = accord.generate("resample", source=p, seed=4)
        self.assertEqual(back.voters, 9)
        with self.assertRaises(accord.InvalidArgument):
            accord.generate("resample", seed=4)
        with self.assertRaises(accord.InvalidArgument):
            accord.generate("impartial-culture", candidates=3, voters=5, phi=0.3)

    def test_electorates_like_this_one(self) -> None:
        ref = accord.Profile(["Access", "Frailty", "Digital"])
        ref.add(["Access", "Frailty", "Digital"], count=30)
        ref.add(["Frailty", "Access", "Digital"], count=12)
        ref.add(["Digital", "Frailty", "Access"], count=8)
        e = accord.electorates("resample", ["irv", "borda"], reference=ref, samples=400, seed=5, threads=1)
        self.assertEqual(e.rules, ["irv", "borda"])
        self.assertEqual(e.by_rule["irv"].reference_winner, "Access")
        self.assertLess(e.by_rule["irv"].differs_from_reference, 0.1)
        self.assertEqual(e.agreement["irv"]["irv"], 1.0)
        self.assertEqual(e, accord.electorates("resample", ["irv", "borda"], reference=ref, samples=400, seed=5,
                                               threads=2))
        ic = accord.electorates("impartial-culture", ["plurality", "borda"], candidates=3, voters=15, samples=200)
        self.assertIsNone(ic.by_rule["borda"].differs_from_reference)
        self.assertLess(ic.agreement["plurality"]["borda"], 1.0)
        with self.assertRaises(accord.Cancelled):
            accord.electorates("impartial-culture", candidates=4, voters=30, samples=10_000_000,
                               progress=lambda f: False)


class Plots(unittest.TestCase):
    def test_import_never_needs_matplotlib(self) -> None:
        from accord import plots
        self.assertIsInstance(plots.available(), bool)


if __name__ == "__main__":
    unittest.main()
