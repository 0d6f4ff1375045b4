"""Profiles and organisations round-trip through DataFrames and arrays (issue: analysts' Python
must read back what it wrote), and the bulk path refuses what it cannot read, naming the row."""
from __future__ import annotations

import unittest
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd

import accord

DATA = Path(__file__).resolve().parents[1] / "data"


class ProfileRoundTrip(unittest.TestCase):
    def test_to_frame_from_frame_gives_an_equal_profile(self) -> None:
        p = accord.Profile.from_file(DATA / "place_ballots.csv", unit_column="unit")
        frame = p.to_frame()
        self.assertIn("unit", frame.columns)
        again = accord.Profile.from_frame(frame, candidates=p.candidates)
        self.assertEqual(again, p)
        self.assertEqual(len(again), len(p))
        self.assertEqual(again.units, p.units)

    def test_ties_and_weights_round_trip_through_the_ranks_layout(self) -> None:
        p = accord.Profile(["A", "B", "C"])
        p.add(["A", ("B", "C")], count=2, weight="1/3", unit="u1")
        p.add(["C"], count=5)
        with self.assertRaises(accord.InvalidArgument):
            p.to_frame()  # a tie has no place in rank1..rankK
        frame = p.to_frame(layout="ranks")
        again = accord.Profile.from_frame(frame, candidate_columns=["A", "B", "C"])
        self.assertEqual(again, p)
        ballots = list(again)
        self.assertEqual(ballots[0].ranking, [("A",), ("B", "C")])
        self.assertEqual(ballots[0].weight, Fraction(1, 3))
        self.assertEqual(ballots[0].unit, "u1")
        self.assertNotEqual(again, accord.Profile(["A", "B", "C"]))

    def test_from_arrays_reads_choices_and_ranks_alike(self) -> None:
        choices = np.array([[0, 1, -1], [2, -1, 1], [0, 1, -1]])
        a = accord.Profile.from_arrays(choices, ["X", "Y", "Z"], counts=[1, 2, 3], units=["p", "q", "p"])
        ranks = np.array([[1, 2, 0], [0, 2, 1], [1, 2, 0]])
        b = accord.Profile.from_arrays(ranks, ["X", "Y", "Z"], layout="ranks", counts=[1, 2, 3], units=["p", "q", "p"])
        self.assertEqual(a, b)
        self.assertEqual(a.voters, 6)
        self.assertEqual(a.unique_ballots, 2)
        self.assertEqual(accord.run(a, "plurality").winners, ["X"])

    def test_a_bad_row_is_refused_by_number_and_nothing_is_added(self) -> None:
        with self.assertRaisesRegex(accord.InvalidArgument, "row 2.*chosen twice"):
            accord.Profile.from_arrays(np.array([[0, 1], [1, 1]]), ["X", "Y"])
        frame = pd.DataFrame({"rank1": ["X", "W"], "rank2": ["Y", None]})
        with self.assertRaisesRegex(accord.NotFound, "row 2.*'W'"):
            accord.Profile.from_frame(frame, candidates=["X", "Y"])
        with self.assertRaises(TypeError):
            accord.Profile.from_arrays(np.array([[0, 1]]), ["X", "Y"], weights=[0.5])

    def test_from_frame_matches_the_row_by_row_reading(self) -> None:
        frame = pd.read_csv(DATA / "herefordshire_ballots.csv")
        fast = accord.Profile.from_frame(frame)
        slow = accord.Profile.from_frame(_RowsOnly(frame))
        self.assertEqual(fast, slow)
        self.assertEqual(fast.candidates, slow.candidates)


class _RowsOnly:
    """A frame-like object that is not a pandas DataFrame: from_frame reads it row by row."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.columns = list(frame.columns)
        self._frame = frame

    def itertuples(self, index: bool = False, name: str | None = None):  # noqa: ANN201
        return self._frame.itertuples(index=index, name=name)


class OrganisationRoundTrip(unittest.TestCase):
    def test_to_frame_writes_a_file_that_reads_back_equal(self) -> None:
        import tempfile

        org = accord.Organisation.from_file(DATA / "place_org.csv")
        self.assertEqual(org.units("pcn"), ["N", "S"])
        self.assertEqual(len(list(org)), len(org))
        frame = org.to_frame()
        self.assertEqual(list(frame.columns[:5]), ["id", "name", "kind", "parent", "population"])
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "org.csv"
            frame.to_csv(path, index=False)
            self.assertEqual(accord.Organisation.from_file(path), org)


if __name__ == "__main__":
    unittest.main()
