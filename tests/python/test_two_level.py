"""Two-level weighting from Python on the four-practice, two-PCN example (tests/four_practices.hpp
works the shares out by hand), and the analysis defaults: one table read by Python, C and the CLI."""
from __future__ import annotations

import ctypes
import json
import os
import subprocess
import unittest
from fractions import Fraction
from pathlib import Path

import accord
from accord._ffi import lib

DATA = Path(__file__).resolve().parents[1] / "data"


def four() -> tuple[accord.Profile, accord.Organisation]:
    return (accord.Profile.from_file(DATA / "four_ballots.csv", unit_column="unit"),
            accord.Organisation.from_file(DATA / "four_two_pcns_org.csv"))


class TwoLevel(unittest.TestCase):
    def test_shares_are_the_hand_computed_ones(self) -> None:
        _, org = four()
        w = org.weights("equal", group_scheme="population")
        shares = {u["id"]: u["share_exact"] for u in w["units"]}
        self.assertEqual(shares, {"a": Fraction(3, 10), "b": Fraction(3, 10), "c": Fraction(1, 5), "d": Fraction(1, 5)})
        self.assertEqual(w["groups"]["units"][0]["share_exact"], Fraction(3, 5))
        self.assertEqual(w["scheme"], "equal within pcn, population across")
        w = org.weights("population", group_scheme="equal")
        shares = {u["id"]: u["share_exact"] for u in w["units"]}
        self.assertEqual(shares["a"], Fraction(3, 8))
        self.assertEqual(shares["d"], Fraction(5, 16))

    def test_plurality_winner_follows_the_level_that_counts_population(self) -> None:
        p, org = four()
        self.assertEqual(org.run(p, "plurality", scheme="equal", group_scheme="population").winners, ["Y"])
        self.assertEqual(org.run(p, "plurality", scheme="population", group_scheme="equal").winners, ["X"])

    def test_power_of_a_two_level_weighting(self) -> None:
        # Equal within, population across: weights 3,3,2,2, swings 4,4,2,2 (tests/two_level_test.cpp).
        _, org = four()
        rule = {"conditions": [{"basis": "weights:equal", "group_scheme": "population", "group_level": "pcn"}]}
        p = org.power(rule, indices="banzhaf,shapley_shubik")
        third, sixth = Fraction(1, 3), Fraction(1, 6)
        self.assertEqual(p["banzhaf_exact"], [third, third, sixth, sixth])
        self.assertEqual(p["shapley_shubik_exact"], [third, third, sixth, sixth])
        with self.assertRaises(accord.InvalidArgument):
            org.power({"conditions": [{"basis": "units", "group_scheme": "population"}]})

    def test_tipping_skips_a_point_where_the_cap_cannot_be_met(self) -> None:
        p = accord.Profile.from_file(DATA / "four_ballots.csv", unit_column="unit")
        org = accord.Organisation.from_file(DATA / "four_two_pcns_org.csv")
        t = accord.tipping(p, org, "plurality", scheme="capped:0.3", mode="normalised", quantity="population")
        self.assertEqual(len(t.units), 4)
        for u in t.units:
            self.assertEqual(u.skipped[0][0], 0)
            self.assertIn("cannot all stay under 3/10", u.skipped[0][1])

    def test_a_cap_too_low_for_two_pcns_is_refused_naming_the_level(self) -> None:
        _, org = four()
        with self.assertRaises(accord.InvalidArgument) as caught:
            org.weights("equal", group_scheme="capped:0.3")
        self.assertIn("across pcns", str(caught.exception))

    def test_sweep_marks_the_impossible_cell_and_carries_on(self) -> None:
        p, org = four()
        s = accord.sweep(p, org, rules=["plurality"], schemes=["capped:0.2", "equal"], group_schemes=["none", "population"])
        self.assertEqual(len(s.rows), 4)
        self.assertIn("capped", s.rows[0].error)
        self.assertIsNone(s.rows[0].winner)
        self.assertIsNone(s.rows[2].error)
        self.assertEqual(s.rows[3].group_scheme, "population")
        self.assertEqual(s.rows[3].winner, "Y")

    def test_two_stage_smaa_counts_every_sample(self) -> None:
        p, org = four()
        s = accord.smaa(p, org, "borda", mode="two-stage", scheme="population", group_scheme="population",
                        perturb=0.0, samples=20)
        self.assertEqual(s.winner_probability["X"], 1.0)
        self.assertEqual(s.settings["group_scheme"], "population")


class Report(unittest.TestCase):
    def test_report_returns_the_html_page(self) -> None:
        p, org = four()
        html = accord.report(p, org, title="Four practices", rules="plurality,borda", samples=50, seed=1)
        self.assertTrue(html.lstrip().lower().startswith("<!doctype html"))
        self.assertIn("Four practices", html)
        self.assertIn("Banzhaf", html)
        with self.assertRaises(accord.InvalidArgument):
            accord.report(p, org, colour="blue")


class GeneratePerUnit(unittest.TestCase):
    def test_ballots_per_practice_are_tagged_and_reproducible(self) -> None:
        _, org = four()
        p = accord.generate("impartial-culture", names=["X", "Y", "Z"], org=org, per_unit=5, seed=3)
        self.assertEqual(p.voters, 20)
        self.assertEqual(sorted(p.units), ["a", "b", "c", "d"])
        self.assertEqual(p, accord.generate("impartial-culture", names=["X", "Y", "Z"], org=org, per_unit=5, seed=3))
        q = accord.generate("impartial-culture", names=["X", "Y", "Z"], org=org, per_unit={"a": 2, "d": 1}, seed=3)
        self.assertEqual(sorted(q.units), ["a", "d"])
        self.assertEqual(org.run(p, "borda", scheme="population").method, "borda")
        with self.assertRaises(ValueError):
            accord.generate("impartial-culture", names=["X", "Y"], org=org, per_unit={"P": 2})


class NotebookDisplay(unittest.TestCase):
    """Results, weights, sweeps, SMAA and power show as HTML tables in a notebook."""

    def test_each_report_has_an_html_table_with_its_numbers(self) -> None:
        p, org = four()
        self.assertIn("<td style=\"padding:2px 8px;border-top:1px solid #ddd\">Y</td>",
                      org.run(p, "plurality", scheme="equal", group_scheme="population")._repr_html_())
        self.assertIn("30.0%", org.weights("equal", group_scheme="population")._repr_html_())
        sweep = accord.sweep(p, org, rules=["plurality"], schemes=["capped:0.2", "equal"])._repr_html_()
        self.assertIn("not counted: ", sweep)
        self.assertIn("place 3", accord.smaa(p, org, "borda", samples=20)._repr_html_())
        self.assertIn("banzhaf", accord.power(3, [2, 1, 1])._repr_html_())


class Defaults(unittest.TestCase):
    """An analysis with no options means the same through Python, the C API and the CLI."""

    def test_sweep_settings_agree_across_front_doors(self) -> None:
        p, org = four()
        from_python = accord.sweep(p, org).settings
        out = ctypes.c_void_p()
        self.assertEqual(lib.accord_analyse_sweep(p._handle, org._handle, b"{}", None, None, ctypes.byref(out)), 0)
        from_c = json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())["settings"]
        lib.accord_string_free(out)
        self.assertEqual(from_python, from_c)
        table = accord.analysis_defaults()
        self.assertEqual(from_c["rules"], table["sweep"]["rules"])
        self.assertEqual(from_c["schemes"], table["sweep"]["schemes"])
        self.assertEqual(from_c["modes"], table["sweep"]["modes"])
        cli = os.environ.get("ACCORD_CLI")
        if not cli:
            self.skipTest("ACCORD_CLI is not set (ctest sets it): the CLI's side is not compared")
        run = subprocess.run([cli, "analyse", "sweep", str(DATA / "four_ballots.csv"), "--org",
                              str(DATA / "four_two_pcns_org.csv"), "--json"], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout)["settings"], from_c)

    def test_smaa_and_tipping_defaults_agree(self) -> None:
        p, org = four()
        table = accord.analysis_defaults()
        s = accord.smaa(p, org, "borda", samples=10)
        self.assertEqual(s.settings["scheme"], table["smaa"]["scheme"])
        self.assertEqual(s.settings["mode"], table["smaa"]["mode"])
        t = accord.tipping(p, org, "borda")
        self.assertEqual(t.settings["scheme"], table["tipping"]["scheme"])
        self.assertEqual(t.settings["quantity"], table["tipping"]["quantity"])


if __name__ == "__main__":
    unittest.main()
