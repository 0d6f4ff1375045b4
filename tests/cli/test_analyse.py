"""accord analyse smaa|sweep|tipping and accord report over the CLI (docs/cli.md, docs/analysis.md)."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest
from fractions import Fraction
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")
ORG = ROOT / "tests" / "data" / "place_org.csv"
BALLOTS = ROOT / "tests" / "data" / "place_ballots.csv"
HEREFORDSHIRE = ["U12199", "U38064", "U50083", "U65562", "U98974"]
HEREFORDSHIRE_BALLOTS = ROOT / "tests" / "data" / "herefordshire_ballots.csv"
CANDIDATES = ["Access", "Digital", "Frailty"]


def accord(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=300)


def accord_json(*args: object) -> dict:
    out = accord(*args, "--json")
    if out.returncode != 0:
        raise AssertionError(f"accord {' '.join(map(str, args))} failed: {out.stderr}")
    assert out.stdout.count("\n") == 1, "--json prints exactly one line"
    return json.loads(out.stdout)


def herefordshire_org(test: unittest.TestCase) -> list[object]:
    path = SHARED / "nhs" / "practices_herefordshire_worcestershire_2025.csv"
    if not path.exists():
        if UNDER_CI:
            raise AssertionError(f"shared data missing under CI: {path}")
        test.skipTest(f"NOTICE: shared data not found, test skipped: {path}")
    args: list[object] = ["--org", path]
    for code in HEREFORDSHIRE:
        args += ["--within", code]
    return args


class Smaa(unittest.TestCase):
    def test_json_contract(self) -> None:
        j = accord_json("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", 300, "--seed", 5)
        for key in ("rank_acceptability", "winner_probability", "winner_probability_se", "samples", "settings",
                    "central_weights", "expected_rank", "candidates", "units", "incomplete"):
            self.assertIn(key, j)
        self.assertEqual(j["samples"], 300)
        self.assertEqual(sorted(j["rank_acceptability"]), CANDIDATES)
        for name, by_rank in j["rank_acceptability"].items():
            self.assertEqual(len(by_rank), 3)
            self.assertAlmostEqual(sum(by_rank), 1.0)
        self.assertAlmostEqual(sum(j["winner_probability"].values()), 1.0)
        for place in range(3):  # every place is taken by someone in every sample
            self.assertAlmostEqual(sum(r[place] for r in j["rank_acceptability"].values()), 1.0)
        s = j["settings"]
        self.assertEqual((s["rule"], s["sampler"], s["sigma"], s["seed"], s["scheme"], s["mode"]),
                         ("borda", "population", 0.1, 5, "population", "normalised"))
        self.assertEqual(j["units"], ["p1", "p2", "p3", "p4", "p5"])
        # Central weights of a candidate that won: a share per unit, summing to 1.
        for name, w in j["central_weights"].items():
            if j["winner_probability"][name] > 0:
                self.assertAlmostEqual(sum(w.values()), 1.0)
            else:
                self.assertIsNone(w)

    def test_same_seed_same_json_whatever_the_threads(self) -> None:
        base = ["analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "irv", "--weights", "dirichlet:0.5",
                "--samples", 700, "--seed", 42, "--json"]
        one, two = accord(*base, "--threads", 1), accord(*base, "--threads", 2)
        self.assertEqual(one.returncode, 0, one.stderr)
        self.assertEqual(one.stdout, two.stdout)
        other = accord(*base[:-3], 43, "--json", "--threads", 2)
        self.assertNotEqual(one.stdout, other.stdout)

    def test_samplers(self) -> None:
        # Simplex weights ignore the scheme: with two units each ahead for a different candidate
        # the outcome is genuinely uncertain.
        simplex = accord_json("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "plurality", "--weights", "simplex",
                              "--samples", 2000, "--seed", 1)
        self.assertEqual(simplex["settings"]["sampler"], "simplex")
        self.assertGreater(simplex["winner_probability"]["Frailty"], 0.05)
        self.assertGreater(simplex["winner_probability"]["Access"], 0.3)
        d = accord_json("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "plurality", "--weights", "dirichlet:2",
                        "--samples", 200, "--seed", 1)
        self.assertEqual((d["settings"]["sampler"], d["settings"]["alpha"]), ("dirichlet", 2.0))
        b = accord_json("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--bootstrap", "--samples", 200)
        self.assertEqual(b["settings"]["sampler"], "bootstrap")
        # Population noise of 10% cannot unseat p1, which holds 58% of the patients.
        p = accord_json("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "plurality", "--perturb", "population:0.1",
                        "--samples", 500, "--seed", 3)
        self.assertEqual(p["winner_probability"]["Access"], 1.0)
        self.assertEqual(p["winner_probability_se"]["Access"], 0.0)

    def test_errors(self) -> None:
        for args, exit_code, words in [
            (["--perturb", "population:0.1", "--weights", "simplex"], 2, "exclude"),
            (["--weights", "triangle"], 2, "triangle"),
            (["--perturb", "votes:0.1"], 2, "population:SIGMA"),
            (["--perturb", "population:abc"], 1, "abc"),
            (["--mode", "two-stage", "--weights", "simplex"], 1, "population sampler"),
        ]:
            with self.subTest(args=args):
                out = accord("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", 10, *args)
                self.assertEqual(out.returncode, exit_code, out.stderr)
                self.assertEqual(out.stdout, "")
                self.assertIn(words, out.stderr)
        unknown = accord("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "nosuchrule", "--samples", 10)
        self.assertEqual(unknown.returncode, 1)
        self.assertIn("nosuchrule", unknown.stderr)
        no_org = accord("analyse", "smaa", BALLOTS, "--rule", "borda")
        self.assertEqual(no_org.returncode, 2)
        self.assertIn("--org", no_org.stderr)

    def test_table_and_help(self) -> None:
        out = accord("analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", 100)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("P(win)", out.stdout)
        self.assertIn("Access", out.stdout)
        self.assertEqual(out.stderr, "")  # no progress line: stderr is not a terminal
        for sub in ("smaa", "sweep", "tipping"):
            with self.subTest(sub=sub):
                h = accord("analyse", sub, "--help")
                self.assertEqual(h.returncode, 0)
                self.assertIn("Examples:", h.stdout)
        self.assertIn("Examples:", accord("report", "--help").stdout)

    def test_herefordshire(self) -> None:
        org = herefordshire_org(self)
        j = accord_json("analyse", "smaa", HEREFORDSHIRE_BALLOTS, *org, "--rule", "irv", "--weights", "simplex",
                        "--samples", 2000, "--seed", 1, "--threads", 2)
        self.assertEqual(len(j["units"]), 19)
        self.assertAlmostEqual(sum(j["winner_probability"].values()), 1.0)
        # Uniform unit shares make the outcome open: no priority wins every sample.
        self.assertLess(max(j["winner_probability"].values()), 0.9)


class Sweep(unittest.TestCase):
    def test_json_contract(self) -> None:
        j = accord_json("analyse", "sweep", BALLOTS, "--org", ORG, "--rules", "borda,irv", "--schemes",
                        "equal,population", "--modes", "normalised,pooled")
        self.assertEqual(len(j["rows"]), 8)
        self.assertEqual(j["baseline"], {"scheme": "equal", "group_scheme": None, "aggregation": "normalised", "rule": "borda"})
        self.assertEqual([(r["scheme"], r["aggregation"], r["rule"]) for r in j["rows"][:3]],
                         [("equal", "normalised", "borda"), ("equal", "normalised", "irv"),
                          ("equal", "pooled", "borda")])
        for r in j["rows"]:
            for key in ("winner", "ranking", "kendall_tau", "spearman_rho", "moved", "winner_changed"):
                self.assertIn(key, r)
            self.assertGreaterEqual(r["kendall_tau"], -1)
            self.assertLessEqual(r["kendall_tau"], 1)
        self.assertEqual(j["rows"][0]["kendall_tau"], 1.0)
        self.assertEqual(j["settings"]["rules"], ["borda", "irv"])
        self.assertEqual(j["settings"]["schemes"], ["equal", "population"])
        # Borda with equal weights: Access 6, Frailty 5, Digital 4; by population Digital
        # passes Frailty, so both move.
        borda_pop = j["rows"][4]
        self.assertEqual((borda_pop["scheme"], borda_pop["rule"]), ("population", "borda"))
        self.assertEqual(j["rows"][0]["ranking"], [["Access"], ["Frailty"], ["Digital"]])
        self.assertEqual(borda_pop["ranking"], [["Access"], ["Digital"], ["Frailty"]])
        self.assertEqual(sorted(borda_pop["moved"]), ["Digital", "Frailty"])
        self.assertEqual(j["movers"], ["Digital", "Frailty"])
        self.assertEqual(j["winners"], ["Access"])

    def test_two_stage_table_and_errors(self) -> None:
        out = accord("analyse", "sweep", BALLOTS, "--org", ORG, "--rules", "borda", "--schemes", "group-equal",
                     "--modes", "two-stage")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("two-stage", out.stdout)
        self.assertIn("tau", out.stdout)
        bad = accord("analyse", "sweep", BALLOTS, "--org", ORG, "--schemes", "sideways")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("sideways", bad.stderr)

    def test_herefordshire_weighting_changes_the_irv_winner(self) -> None:
        org = herefordshire_org(self)
        j = accord_json("analyse", "sweep", HEREFORDSHIRE_BALLOTS, *org, "--rules", "irv", "--schemes",
                        "equal,population")
        self.assertEqual([r["winner"] for r in j["rows"]], ["Workforce retention", "Same-day access hub"])
        self.assertTrue(j["rows"][1]["winner_changed"])


class Tipping(unittest.TestCase):
    def test_weight_brackets_meet_the_tolerance(self) -> None:
        j = accord_json("analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--scheme", "equal",
                        "--tolerance", "1/1000")
        self.assertEqual(j["baseline_winner"], "Access")
        self.assertEqual(j["quantity"], "weight")
        self.assertEqual(j["settings"]["tolerance_exact"], "1/1000")
        units = {u["unit"]: u for u in j["units"]}
        self.assertEqual(sorted(units), ["p1", "p2", "p3", "p4", "p5"])
        self.assertEqual(units["p1"]["name"], "Riverside")
        self.assertEqual(units["p1"]["population"], 30000)
        for u in j["units"]:
            for side in ("up", "down"):
                b = u[side]
                if b is None:
                    continue
                same, changed = Fraction(b["same_exact"]), Fraction(b["changed_exact"])
                self.assertLessEqual(abs(changed - same), Fraction(1, 1000))
                self.assertEqual(Fraction(b["change_exact"]), changed - 1)
                self.assertNotEqual(b["new_winner"], "Access")
        # Equal weights, Borda (2, 1, 0): Access 6, Frailty 5, Digital 4. With p1 (Access 2,
        # Digital 1) scaled by f, Access has 4 + 2f against Frailty's 5: Access stops winning at
        # f = 1/2 (a tie, which the default tie-break does not give to Access) or below it.
        down = units["p1"]["down"]
        self.assertGreater(Fraction(down["changed_exact"]), Fraction(499, 1000))
        self.assertLessEqual(Fraction(down["changed_exact"]), Fraction(1, 2))

    def test_population_quantity(self) -> None:
        j = accord_json("analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--scheme", "population",
                        "--quantity", "population")
        self.assertEqual(j["quantity"], "population")
        self.assertEqual(j["settings"]["tolerance_exact"], "1")
        for u in j["units"]:
            for side in ("up", "down"):
                if u[side] is not None:
                    self.assertEqual(abs(Fraction(u[side]["changed_exact"]) - Fraction(u[side]["same_exact"])), 1)

    def test_errors_and_table(self) -> None:
        bad = accord("analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--mode", "two-stage")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("two-stage", bad.stderr)
        bad = accord("analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--tolerance", "tiny")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("tolerance", bad.stderr)
        out = accord("analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--scheme", "equal")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("Riverside", out.stdout)
        self.assertIn("baseline winner Access", out.stdout)


class Report(unittest.TestCase):
    def test_writes_a_self_contained_page(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            html = Path(d) / "report.html"
            out = accord("report", BALLOTS, "--org", ORG, "--rules", "borda,irv", "--schemes", "equal,population",
                         "--samples", 200, "--seed", 1, "--html", html)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(out.stdout, "")
            page = html.read_text()
            self.assertIn("<svg", page)
            self.assertIn("default-src 'none'", page)
            for name in ["Access", "Riverside", "population", "irv"]:
                self.assertIn(name, page)
            self.assertNotIn("http://", page.replace("http://www.w3.org", ""))

    def test_unwritable_path(self) -> None:
        out = accord("report", BALLOTS, "--org", ORG, "--no-smaa", "--html", "/nonexistent/dir/r.html")
        self.assertEqual(out.returncode, 1)
        self.assertIn("/nonexistent/dir/r.html", out.stderr)


class PerGroup(unittest.TestCase):
    """accord run METHOD FILE --per (docs/cli.md, "Results per group"), on the hand-worked case of
    tests/groups_test.cpp: plurality per PCN P X, Q Z; overall Z; by population, overall X."""

    BALLOTS = ROOT / "tests" / "data" / "four_two_pcns_ballots.csv"
    ORG = ROOT / "tests" / "data" / "four_two_pcns_org.csv"

    def test_text_and_json_per_unit_and_per_pcn(self) -> None:
        out = accord("run", "plurality", self.BALLOTS, "--per", "unit")
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertEqual(lines[0], "plurality per unit: 4 groups")
        self.assertRegex(out.stdout, r"\na +a +3  X  \[differs from overall\]\n")
        self.assertRegex(out.stdout, r"\nd +d +4  Z\n")
        self.assertIn("overall: Z\nagreeing: 1 of 4 groups\ngroups won: X 1; Y 2; Z 1;", out.stdout)
        # --org gives the groups; without --scheme every voter counts one, as in C and Python:
        # P is X 3 to Y 2, Q is Z 4 to Y 1, and overall Z (4 of 10).
        j = accord_json("run", "plurality", self.BALLOTS, "--org", self.ORG, "--per", "pcn")
        self.assertIsNone(j["settings"]["scheme"])
        self.assertEqual(j["overall"]["winners"], ["Z"])
        self.assertEqual([(g["id"], g["winners"], g["ties_broken"]) for g in j["groups"]],
                         [("P", ["X"], False), ("Q", ["Z"], False)])
        # With --scheme equal (what a plain `accord run --org` uses) each practice counts once,
        # normalised, and both PCNs are ties of one practice against one.
        j = accord_json("run", "plurality", self.BALLOTS, "--org", self.ORG, "--scheme", "equal", "--per", "pcn")
        self.assertEqual(j["settings"]["scheme"], "equal")
        self.assertEqual([(g["id"], g["winners"], g["ties_broken"]) for g in j["groups"]],
                         [("P", ["X"], True), ("Q", ["Y"], True)])
        j = accord_json("run", "plurality", self.BALLOTS, "--org", self.ORG, "--scheme", "population", "--per",
                        "pcn")
        self.assertEqual(j["overall"]["winners"], ["X"])
        self.assertEqual([g["agrees"] for g in j["groups"]], [True, False])
        self.assertEqual(j["groups"][0]["result"]["winners"], ["X"])

    def test_refusals(self) -> None:
        for args, words in (
                (["--per", "pcn"], "needs an organisation"),
                (["--org", self.ORG, "--per", "icb"], "no units of kind 'icb'"),
                (["--org", self.ORG, "--scheme", "equal", "--mode", "two-stage", "--per", "pcn"],
                 "already counted per group"),
                (["--org", self.ORG, "--mode", "pooled", "--per", "pcn"], "needs 'scheme'"),
                (["--per", "unit", "--shard", "x.shard"], "--shard excludes --per"),
                (["--per", "unit", "--record", "x.rec"], "--record excludes --per"),
        ):
            out = accord("run", "plurality", self.BALLOTS, *args)
            self.assertNotEqual(out.returncode, 0, args)
            self.assertIn(words, out.stderr, args)
        out = accord("run", "plurality", ROOT / "tests" / "data" / "place_org.csv", "--per", "unit")
        self.assertNotEqual(out.returncode, 0)


if __name__ == "__main__":
    unittest.main()


FOUR_ORG = ROOT / "tests" / "data" / "four_two_pcns_org.csv"
FOUR_BALLOTS = ROOT / "tests" / "data" / "four_ballots.csv"


class TwoLevel(unittest.TestCase):
    """Two-level weighting on the four-practice, two-PCN example (tests/four_practices.hpp)."""

    def test_run_and_weights_give_the_hand_computed_answers(self) -> None:
        y = accord_json("run", "plurality", FOUR_BALLOTS, "--org", FOUR_ORG, "--scheme", "equal", "--group-scheme",
                        "population", "--json")
        self.assertEqual(y["winners"], ["Y"])
        x = accord_json("run", "plurality", FOUR_BALLOTS, "--org", FOUR_ORG, "--scheme", "population",
                        "--group-scheme", "equal", "--json")
        self.assertEqual(x["winners"], ["X"])
        w = accord_json("weights", FOUR_ORG, "--scheme", "equal", "--group-scheme", "population", "--json")
        self.assertEqual({u["id"]: u["share_exact"] for u in w["units"]}, {"a": "3/10", "b": "3/10", "c": "1/5", "d": "1/5"})
        bad = accord("weights", FOUR_ORG, "--scheme", "equal", "--group-scheme", "capped:0.3")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("across pcns", bad.stderr)

    def test_power_of_a_two_level_weighting(self) -> None:
        # Population within, equal across: weights 6,2,3,5 (sixteenths), more than 8 wins, swings
        # a 5, b 1, c 3, d 3 of 12 (worked by hand in tests/two_level_test.cpp).
        j = accord_json("power", "--org", FOUR_ORG, "--scheme", "population", "--group-scheme", "equal",
                        "--indices", "banzhaf", "--json")
        self.assertEqual(j["players"], ["a", "b", "c", "d"])
        self.assertEqual(j["banzhaf_exact"], ["5/12", "1/12", "1/4", "1/4"])
        one_level = accord_json("power", "--org", FOUR_ORG, "--scheme", "population", "--indices", "banzhaf", "--json")
        self.assertNotEqual(one_level["banzhaf_exact"], j["banzhaf_exact"])
        bad = accord("power", "--org", FOUR_ORG, "--rule", "simple-majority", "--group-scheme", "equal")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--group-scheme", bad.stderr)
        bad = accord("power", "--org", FOUR_ORG, "--group-level", "pcn")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--group-scheme", bad.stderr)

    def test_tipping_skips_a_point_where_the_cap_cannot_be_met(self) -> None:
        j = accord_json("analyse", "tipping", FOUR_BALLOTS, "--org", FOUR_ORG, "--rule", "plurality", "--scheme",
                        "capped:0.3", "--quantity", "population", "--json")
        self.assertEqual(len(j["units"]), 4)
        self.assertEqual(j["units"][0]["skipped"][0]["at_exact"], "0")
        table = accord("analyse", "tipping", FOUR_BALLOTS, "--org", FOUR_ORG, "--rule", "plurality", "--scheme",
                       "capped:0.3", "--quantity", "population")
        self.assertEqual(table.returncode, 0, table.stderr)
        self.assertIn("a: 1 point(s) of the search could not be counted and were skipped, e.g. at 0: capped:",
                      table.stdout)

    def test_sweep_reports_an_impossible_cell_and_goes_on(self) -> None:
        j = accord_json("analyse", "sweep", FOUR_BALLOTS, "--org", FOUR_ORG, "--rules", "plurality", "--schemes",
                        "capped:0.2,equal", "--group-schemes", "none,population", "--json")
        self.assertEqual(len(j["rows"]), 4)
        self.assertIn("capped", j["rows"][0]["error"])
        self.assertEqual(j["rows"][3]["winner"], "Y")
        self.assertEqual(len(j["failed"]), 2)
        table = accord("analyse", "sweep", FOUR_BALLOTS, "--org", FOUR_ORG, "--rules", "plurality", "--schemes",
                       "capped:0.2,equal", "--group-schemes", "none,population")
        self.assertEqual(table.returncode, 0, table.stderr)
        self.assertIn("not counted: ", table.stdout)

    def test_two_stage_smaa_and_tipping(self) -> None:
        j = accord_json("analyse", "smaa", FOUR_BALLOTS, "--org", FOUR_ORG, "--rule", "borda", "--mode", "two-stage",
                        "--group-scheme", "population", "--perturb", "population:0", "--samples", 20, "--json")
        self.assertEqual(j["winner_probability"]["X"], 1.0)
        t = accord_json("analyse", "tipping", FOUR_BALLOTS, "--org", FOUR_ORG, "--rule", "borda", "--scheme", "sqrt",
                        "--mode", "two-stage", "--quantity", "population", "--json")
        self.assertEqual(len(t["units"]), 4)

    def test_herefordshire_two_stage_tipping_by_population_runs(self) -> None:
        # Failed with "ballot weight must be positive, got 0" when a PCN's population reached 0.
        out = accord("analyse", "tipping", HEREFORDSHIRE_BALLOTS, *herefordshire_org(self), "--rule", "borda",
                     "--scheme", "sqrt", "--mode", "two-stage", "--quantity", "population", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(len(json.loads(out.stdout)["units"]), 19)
