"""accord ahp, accord mcda, accord generate and accord analyse electorates over the CLI
(docs/cli.md): published AHP numbers, JSON keys, one-line errors and exit codes."""
from __future__ import annotations

import subprocess
import tempfile
import unittest
from pathlib import Path

from test_analyse import accord, accord_json

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


class Failing(unittest.TestCase):
    def assert_one_line_error(self, out: subprocess.CompletedProcess[str], *needles: str) -> None:
        self.assertNotEqual(out.returncode, 0)
        self.assertEqual(out.stdout, "")
        self.assertEqual(out.stderr.count("\n"), 1, out.stderr)
        self.assertTrue(out.stderr.startswith("accord: error: "), out.stderr)
        for n in needles:
            self.assertIn(n, out.stderr)


class Ahp(Failing):
    def test_published_examples(self) -> None:
        j = accord_json("ahp", DATA / "ahp" / "saaty2008_drinks.json")
        for item, p in zip(["coffee", "wine", "tea", "beer", "sodas", "milk", "water"],
                           [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]):
            self.assertAlmostEqual(j["priorities"][item], p, delta=0.0005)
        self.assertAlmostEqual(j["consistency"]["consistency_ratio"], 0.022, delta=0.0005)
        house = accord_json("ahp", DATA / "ahp" / "saaty1990_house.json")
        self.assertAlmostEqual(house["consistency"]["lambda_max"], 9.669, delta=0.0005)
        self.assertAlmostEqual(house["consistency"]["consistency_ratio"], 0.169, delta=0.0005)
        self.assertAlmostEqual(house["priorities"]["financing"], 0.333, delta=0.0005)
        text = accord("ahp", DATA / "ahp" / "saaty1990_house.json")
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("CR 0.169 (not acceptable", text.stdout)
        self.assertIn("financing", text.stdout.splitlines()[2])  # highest priority first

    def test_groups_weighted_by_unit(self) -> None:
        j = accord_json("ahp", DATA / "ahp" / "board.json", "--org", DATA / "place_org.csv", "--scheme", "population")
        self.assertAlmostEqual(j["participants"][0]["weight"], 30000 / 42000)
        aip = accord_json("ahp", DATA / "ahp" / "board.json", "--aggregation", "aip", "--method", "geometric-mean")
        self.assertIsNone(aip["consistency"])
        text = accord("ahp", DATA / "ahp" / "board.json")
        self.assertIn("participants:", text.stdout)

    def test_errors(self) -> None:
        self.assert_one_line_error(accord("ahp", DATA / "ahp" / "not_reciprocal.json"), "reciprocity violated",
                                   "workforce")
        self.assert_one_line_error(accord("ahp", DATA / "no-such.json"), "cannot read")
        self.assert_one_line_error(accord("ahp", DATA / "ahp" / "board.json", "--scheme", "sqrt"), "--org")
        self.assertEqual(accord("ahp", DATA / "ahp" / "board.json", "--method", "power").returncode, 2)
        self.assertIn("Examples:", accord("ahp", "--help").stdout)


class Mcda(Failing):
    def test_weighted_sum(self) -> None:
        j = accord_json("mcda", DATA / "mcda_options.json")
        self.assertEqual(j["scores_exact"], {"Same-day hub": "15/4", "Frailty team": "9/2", "Digital front door": "4"})
        self.assertEqual(j["winner"], "Frailty team")
        text = accord("mcda", DATA / "mcda_options.json")
        self.assertIn("Frailty team", text.stdout.splitlines()[2])
        self.assertEqual(accord_json("mcda", DATA / "mcda_options.json", "--scaling", "min-max")["scaling"], "min-max")

    def test_smaa(self) -> None:
        args = ("mcda", DATA / "mcda_options.json", "--smaa", "--samples", 3000, "--seed", 2)
        one = accord_json(*args, "--threads", 1)
        self.assertEqual(one, accord_json(*args, "--threads", 2))
        self.assertEqual(one["samples"], 3000)
        self.assertAlmostEqual(sum(one["winner_probability"].values()), 1.0)
        bounded = accord_json(*args, "--lower", "access=0.9")
        self.assertEqual(bounded["winner_probability"]["Same-day hub"], 1.0)
        d = accord_json(*args, "--weights", "dirichlet:3")
        self.assertEqual(d["settings"]["distribution"], "dirichlet")
        self.assertIn("central weights", accord(*args).stdout)

    def test_errors(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "bad.json"
            bad.write_text('{"options": ["a"], "criteria": ["x"], "scores": [[1, 2]], "weights": [1]}')
            self.assert_one_line_error(accord("mcda", bad), "option 1 (a) has 2 scores")
        self.assert_one_line_error(accord("mcda", DATA / "mcda_options.json", "--smaa", "--weights", "beta"), "--weights")
        self.assert_one_line_error(accord("mcda", DATA / "mcda_options.json", "--smaa", "--lower", "price=0.2"), "price")


class Generate(Failing):
    def test_models_write_ballot_files(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ic.soc"
            done = accord("generate", "impartial-culture", "--candidates", 4, "--voters", 100, "--seed", 1, "--to", "soc",
                          "-o", out)
            self.assertEqual(done.returncode, 0, done.stderr)
            info = accord_json("info", out)
            self.assertEqual(info["ballots"], "100")
            again = Path(tmp) / "again.soc"
            accord("generate", "impartial-culture", "--candidates", 4, "--voters", 100, "--seed", 1, "--to", "soc", "-o", again)
            self.assertEqual(out.read_text(), again.read_text())
            m = accord("generate", "mallows", "--names", "Access,Frailty,Digital", "--phi", 0, "--center",
                       "Frailty,Digital,Access", "--voters", 5, "--seed", 2, "--to", "toi")
            self.assertEqual(m.returncode, 0, m.stderr)
            self.assertIn("5: 2,3,1", m.stdout)
            path = Path(tmp) / "m.toi"
            path.write_text(m.stdout)
            self.assertEqual(accord_json("run", "irv", path)["winners"], ["Frailty"])
            r = accord("generate", "resample", "--from", path, "--seed", 3, "--voters", 8)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("8: 2,3,1", r.stdout)
            pl = accord("generate", "plackett-luce", "--strengths", "4,2,1", "--voters", 30, "--seed", 3, "--to", "csv")
            self.assertEqual(pl.returncode, 0, pl.stderr)
            sp = accord("generate", "spatial", "--candidates", 3, "--dimensions", 2, "--voters", 10, "--seed", 4)
            self.assertEqual(sp.returncode, 0, sp.stderr)

    def test_errors(self) -> None:
        self.assert_one_line_error(accord("generate", "urn", "--candidates", 3, "--voters", 4), "urn")
        self.assert_one_line_error(accord("generate", "impartial-culture", "--voters", 4), "candidates")
        self.assert_one_line_error(accord("generate", "impartial-culture", "--candidates", 3, "--voters", 4, "--phi", 0.5),
                                   "phi")
        self.assert_one_line_error(accord("generate", "resample", "--seed", 1), "source")
        self.assertIn("Examples:", accord("generate", "--help").stdout)


class Electorates(Failing):
    def test_resampled_electorates(self) -> None:
        ballots = DATA / "small.toi"
        args = ("analyse", "electorates", ballots, "--model", "resample", "--rules", "irv,borda,schulze",
                "--samples", 500, "--seed", 1)
        j = accord_json(*args, "--threads", 1)
        self.assertEqual(j, accord_json(*args, "--threads", 2))
        self.assertEqual(j["rules"], ["irv", "borda", "schulze"])
        for rule in j["rules"]:
            self.assertIsNotNone(j["by_rule"][rule]["reference_winner"])
            self.assertGreaterEqual(j["by_rule"][rule]["differs_from_reference"], 0.0)
            self.assertEqual(j["agreement"][rule][rule], 1.0)
        text = accord(*args)
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("differs", text.stdout)

    def test_ballots_with_a_unit_column(self) -> None:
        j = accord_json("analyse", "electorates", DATA / "herefordshire_ballots.csv", "--unit-column", "unit",
                        "--model", "resample", "--rules", "irv,schulze", "--samples", 200, "--seed", 1)
        self.assertEqual(len(j["candidates"]), 8)
        self.assertEqual(j["settings"]["voters"], 19)

    def test_models_without_ballots(self) -> None:
        j = accord_json("analyse", "electorates", "--model", "mallows", "--candidates", 4, "--voters", 21, "--phi", 0.6,
                        "--rules", "plurality,borda", "--samples", 300)
        self.assertIsNone(j["by_rule"]["borda"]["differs_from_reference"])
        self.assertLess(j["agreement"]["plurality"]["borda"], 1.0)
        self.assertEqual(j["settings"]["phi"], 0.6)
        self.assert_one_line_error(accord("analyse", "electorates", "--model", "resample", "--samples", 10), "source")
        self.assertIn("Examples:", accord("analyse", "electorates", "--help").stdout)


if __name__ == "__main__":
    unittest.main()
