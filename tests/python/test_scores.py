"""Score ballots through Python: score files read with from_file (star.vote's export with no
options, any CSV of scores with format="scores"), the cardinal rules counted on them with exact
results, and files that could be misread as ranks refused naming --format scores
(docs/formats.md, "Score ballots")."""
from __future__ import annotations

import os
import subprocess
import tempfile
import unittest
from fractions import Fraction
from pathlib import Path

import accord

SCORES = Path(__file__).resolve().parents[1] / "data" / "scores"


class ScoreFiles(unittest.TestCase):
    def test_star_vote_export_reads_with_no_options_and_elects_jorgensen(self) -> None:
        p = accord.Profile.from_file(SCORES / "starvote_presidential_candidates.csv")
        self.assertEqual(p.kind, "score")
        self.assertEqual(p.voters, 628)
        r = accord.run(p, "star")
        self.assertEqual(r.scores["Jorgensen, Jo (Libertarian)"], 2452)
        self.assertEqual(r.scores["Hawkins, Howie (Green)"], 1017)
        runoff = r.rounds[1]
        self.assertEqual(runoff.tallies["Jorgensen, Jo (Libertarian)"], 461)
        self.assertEqual(runoff.tallies["Hawkins, Howie (Green)"], 112)
        self.assertEqual(runoff.exhausted, 55)
        self.assertEqual(r.winners, ["Jorgensen, Jo (Libertarian)"])

    def test_score_rules_on_the_hand_worked_file(self) -> None:
        p = accord.Profile.from_file(SCORES / "hand_worked.csv", format="scores", score_range="0..5")
        self.assertEqual(p.kind, "score")
        self.assertEqual(accord.run(p, "score").scores, {"Alice": 18, "Bob": 17, "Carol": 10})
        self.assertEqual(accord.run(p, "star").winners, ["Alice"])
        self.assertEqual(accord.run(p, "maximin-utility").winners, ["Bob"])
        self.assertEqual(accord.run(p, "lex-maximin").ranking, [["Bob"], ["Alice"], ["Carol"]])
        self.assertEqual(accord.run(p, "nash").scores["Bob"], 200)
        self.assertEqual(accord.run(p, "relative-utilitarian").scores,
                         {"Alice": Fraction(11, 3), "Bob": Fraction(16, 5), "Carol": Fraction(11, 5)})

    def test_blank_cell_is_unscored_and_changes_the_mean_winner(self) -> None:
        p = accord.Profile.from_file(SCORES / "hand_worked_blank.csv")  # its #ballots record says scores
        self.assertEqual(accord.run(p, "score").winners, ["Alice"])
        mean = accord.run(p, "score", aggregate="mean")
        self.assertEqual(mean.scores["Bob"], Fraction(16, 5))
        self.assertEqual(mean.winners, ["Bob"])

    def test_dis_and_approval_from_text_with_negative_scores(self) -> None:
        p = accord.Profile.from_text("count,A,B,C\n2,1,-1,0\n1,-1,1,1\n1,0,1,-1\n", format="scores",
                                     score_range="-1..1")
        r = accord.run(p, "dis-and-approval")
        self.assertEqual(r.scores, {"A": 1, "B": 0, "C": 0})
        self.assertEqual(r.winners, ["A"])

    def test_scores_that_could_be_ranks_are_refused_naming_format_scores(self) -> None:
        with self.assertRaises(accord.ParseError) as e:
            accord.Profile.from_file(SCORES / "scores_without_header_hint.csv")
        self.assertIn("--format scores", str(e.exception))
        self.assertIn("'Alice'", str(e.exception))
        with self.assertRaises(accord.ParseError) as e:
            accord.Profile.from_text("A,B\n5,0\n3,7\n", format="scores", score_range="0..5")
        self.assertIn("--score-range", str(e.exception))

    def test_saved_score_profile_reads_back_with_no_options(self) -> None:
        p = accord.Profile(["Ann", "Ben"], kind="score")
        p.add_scores({"Ann": 5, "Ben": 2}, count=3)
        p.add_scores({"Ann": 1}, weight="1/2")
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "s.csv"
            p.save(path, "scores")
            q = accord.Profile.from_file(path)
        self.assertEqual(q.kind, "score")
        self.assertEqual(accord.run(q, "score").scores, accord.run(p, "score").scores)

    def test_cli_runs_star_on_a_score_file(self) -> None:
        cli = os.environ.get("ACCORD_CLI")
        if not cli:
            self.skipTest("ACCORD_CLI not set (run through ctest)")
        out = subprocess.run([cli, "run", "star", str(SCORES / "hand_worked.csv"), "--format", "scores",
                              "--score-range", "0..5"], capture_output=True, text=True, check=True).stdout
        self.assertIn("Alice", out)
        bad = subprocess.run([cli, "run", "star", str(SCORES / "scores_without_header_hint.csv")],
                             capture_output=True, text=True)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("--format scores", bad.stderr)


if __name__ == "__main__":
    unittest.main()
