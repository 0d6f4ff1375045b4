"""Every option honoured or refused, and numbers read as what they are, from Python (issues 13
and 14; docs/cli.md "Refused inputs" lists the same cases for the CLI)."""
from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def place() -> tuple[accord.Profile, accord.Organisation]:
    return (accord.Profile.from_file(DATA / "place_ballots.csv", unit_column="unit"),
            accord.Organisation.from_file(DATA / "place_org.csv"))


class OptionsHonouredOrRefused(unittest.TestCase):
    def test_seats_is_refused_by_single_winner_rules(self) -> None:
        p, _ = place()
        for method in ("irv", "plurality"):
            with self.subTest(method=method), self.assertRaisesRegex(accord.InvalidArgument,
                                                                     f"'seats' \\({method} does not use it"):
                accord.run(p, method, seats=3)

    def test_two_stage_counts_the_named_method_across_groups(self) -> None:
        p, org = place()
        r = org.run(p, "irv", mode="two-stage")
        self.assertEqual(r.method, "irv")
        self.assertEqual(org.run(p, "irv", mode="two-stage", outer="irv").winners, r.winners)
        with self.assertRaisesRegex(accord.InvalidArgument, "'outer' says 'borda'"):
            org.run(p, "irv", mode="two-stage", outer="borda")
        with self.assertRaisesRegex(accord.InvalidArgument, "'inner' is only used by a two-stage count"):
            org.run(p, "irv", inner="borda")

    def test_two_stage_run_and_sweep_agree(self) -> None:
        p, org = place()
        r = org.run(p, "irv", mode="two-stage")
        s = accord.sweep(p, org, rules="irv", schemes="equal", modes="two-stage")
        self.assertEqual(s.rows[0].winner, r.winners[0])

    def test_unknown_unit_ids_are_errors_naming_the_id(self) -> None:
        with self.assertRaisesRegex(accord.NotFound, "'NOPE'"):
            accord.Organisation.from_file(DATA / "place_org.csv", within=["N", "NOPE"])
        south = accord.Organisation.from_file(DATA / "place_org.csv", within="S")
        self.assertEqual(sorted(u["id"] for u in south.weights("equal")["units"]), ["p4", "p5"])
        both = accord.Organisation.from_file(DATA / "place_org.csv", within="N, S")
        self.assertEqual(len(both.weights("equal")["units"]), 5)

    def test_lists_accept_a_comma_separated_string(self) -> None:
        p, org = place()
        as_text = accord.sweep(p, org, rules="borda,irv", schemes="equal,population")
        as_list = accord.sweep(p, org, rules=["borda", "irv"], schemes=["equal", "population"])
        self.assertEqual(len(as_text.rows), 4)
        self.assertEqual([r.winner for r in as_text.rows], [r.winner for r in as_list.rows])

    def test_an_organisation_with_a_header_and_no_units_is_refused_at_load(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            empty = Path(d) / "empty.csv"
            empty.write_text("id,name,kind,parent,population\n")
            with self.assertRaisesRegex(accord.ParseError, "no units"):
                accord.Organisation.from_file(empty)


class NumbersReadAsWhatTheyAre(unittest.TestCase):
    def test_counts_refuse_negatives_overflow_and_non_integers(self) -> None:
        p = accord.Profile(["A", "B"])
        with self.assertRaisesRegex(accord.AccordOverflowError, "count 18446744073709551619 does not fit in 64 bits"):
            p.add(["A", "B"], count=2**64 + 3)  # ctypes made this 3 voters
        with self.assertRaisesRegex(ValueError, "count"):
            p.add(["A", "B"], count=-1)
        with self.assertRaisesRegex(accord.InvalidArgument, "count must be a whole number"):
            p.add(["A", "B"], count=2.5)

    def test_seats_and_samples_refuse_what_would_wrap(self) -> None:
        p, org = place()
        with self.assertRaisesRegex(ValueError, "seats"):
            org.apportion(-1, level="practice")
        with self.assertRaisesRegex(accord.InvalidArgument, "above the limit of 1000000000000"):
            org.apportion(10**13, level="practice")
        with self.assertRaisesRegex(accord.InvalidArgument, "option 'samples'"):
            accord.power(2, [1, 1, 1], method="monte-carlo", samples=-1)
        with self.assertRaisesRegex(accord.InvalidArgument, "option 'seats' \\(9\\) must be at most the number of candidates"):
            accord.run(p, "stv", seats=9)


if __name__ == "__main__":
    unittest.main()
