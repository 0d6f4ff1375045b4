"""pandas DataFrames from accord's results, and profiles from DataFrames (needs pandas)."""
from __future__ import annotations

import unittest
from fractions import Fraction
from pathlib import Path

import pandas as pd

import accord

DATA = Path(__file__).resolve().parents[1] / "data"


class Frames(unittest.TestCase):
    def test_profile_from_a_frame_of_rank_columns(self) -> None:
        df = pd.DataFrame({"rank1": ["A", "B", "C"], "rank2": ["B", None, float("nan")], "count": [8, 6, 5]})
        p = accord.Profile.from_frame(df)
        self.assertEqual((p.candidates, p.voters), (["A", "B", "C"], 19))
        self.assertEqual(accord.run(p, "plurality").winners, ["A"])

    def test_profile_from_a_frame_of_candidate_columns_with_ties_and_weights(self) -> None:
        df = pd.DataFrame({"A": [1, 2, 0], "B": [2, 1, 1], "C": [2, None, 1], "weight": ["1/2", "1", "3"]})
        p = accord.Profile.from_frame(df, candidate_columns=["A", "B", "C"])
        r = accord.run(p, "borda")
        self.assertEqual(r.candidates, ["A", "B", "C"])
        self.assertEqual(p.voters, 3)

    def test_result_frames(self) -> None:
        p = accord.Profile.from_dict({("A", "B", "C"): 8, ("B", "C", "A"): 6, ("C", "B", "A"): 5})
        r = accord.run(p, "irv")
        f = r.to_frame()
        self.assertEqual(list(f.index), ["B", "A", "C"])
        self.assertTrue(f.loc["B", "winner"])
        long = r.rounds_frame()
        self.assertEqual(long.query("round == 2 and candidate == 'B'")["votes"].item(), 11.0)
        wide = r.rounds_frame(wide=True)
        self.assertEqual(list(wide.columns), ["A", "B", "C", "exhausted"])
        self.assertEqual(wide.loc[1, "C"], 5.0)
        self.assertTrue(pd.isna(wide.loc[2, "C"]))

    def test_power_weights_and_analysis_frames(self) -> None:
        pw = accord.power(16, [9, 9, 7, 3, 1, 1], players=list("ABCDEF"))
        f = pw.to_frame()
        self.assertAlmostEqual(f.loc["A", "banzhaf"], 1 / 3)
        self.assertEqual(list(f["swings"]), pw["swings"])
        # [3; 2,1,1]: the exact counts become int columns beside the index columns.
        counts = accord.power(3, [2, 1, 1], indices="chow,rae,minimal_winning,shapley_shubik").to_frame()
        self.assertEqual(list(counts.columns), ["rae", "shapley_shubik", "pivots", "chow", "minimal_winning"])
        self.assertEqual(list(counts["pivots"]), [4, 1, 1])
        self.assertEqual(list(counts["chow"]), [3, 2, 2])
        self.assertEqual(list(counts["minimal_winning"]), [2, 1, 1])
        org = accord.Organisation.from_file(DATA / "place_org.csv")
        w = org.weights("population").to_frame()
        self.assertAlmostEqual(w["share"].sum(), 1.0)
        self.assertEqual(sum(w["share_exact"]), Fraction(1))
        ballots = accord.Profile.from_file(DATA / "place_ballots.csv", unit_column="unit")
        s = accord.smaa(ballots, org, "borda", weights="simplex", samples=200, seed=1, threads=1)
        ra = s.to_frame()
        self.assertEqual(list(ra.columns), [1, 2, 3])
        for total in ra.sum(axis=1):
            self.assertAlmostEqual(total, 1.0)
        self.assertEqual(list(s.summary_frame().index), s.ranked())
        sw = accord.sweep(ballots, org, rules=["borda", "irv"], schemes=["equal", "population"]).to_frame()
        self.assertEqual(len(sw), 4)
        self.assertEqual(list(sw.columns[:3]), ["scheme", "aggregation", "rule"])
        t = accord.tipping(ballots, org, "plurality", scheme="population").to_frame()
        self.assertIn("up_change", t.columns)


if __name__ == "__main__":
    unittest.main()
