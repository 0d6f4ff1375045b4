"""accord.smaa, accord.sweep and accord.tipping over the C API (docs/analysis.md)."""
from __future__ import annotations

import os
import signal
import threading
import unittest
from fractions import Fraction
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")


def place() -> tuple[accord.Profile, accord.Organisation]:
    return (accord.Profile.from_file(DATA / "place_ballots.csv", unit_column="unit"),
            accord.Organisation.from_file(DATA / "place_org.csv"))


class Smaa(unittest.TestCase):
    def test_rank_acceptability_and_determinism(self) -> None:
        p, org = place()
        s = accord.smaa(p, org, "borda", weights="simplex", samples=800, seed=4, threads=1)
        self.assertIsInstance(s, accord.Smaa)
        self.assertEqual(s.samples, 800)
        self.assertEqual(sorted(s.rank_acceptability), ["Access", "Digital", "Frailty"])
        self.assertAlmostEqual(sum(s.winner_probability.values()), 1.0)
        self.assertEqual(s.ranked()[0], max(s.winner_probability, key=s.winner_probability.get))
        self.assertEqual(s.settings["sampler"], "simplex")
        self.assertEqual(s.units, ["p1", "p2", "p3", "p4", "p5"])
        again = accord.smaa(p, org, "borda", weights="simplex", samples=800, seed=4, threads=2)
        self.assertEqual(s, again)
        self.assertEqual(s.to_dict()["winner_probability"], s.winner_probability)

    def test_samplers_and_argument_errors(self) -> None:
        p, org = place()
        self.assertEqual(accord.smaa(p, org, "plurality", perturb=0.2, samples=50).settings["sigma"], 0.2)
        self.assertEqual(accord.smaa(p, org, "plurality", weights="dirichlet:3", samples=50).settings["alpha"], 3.0)
        self.assertEqual(accord.smaa(p, org, "plurality", bootstrap=True, samples=50).settings["sampler"], "bootstrap")
        with self.assertRaises(ValueError):
            accord.smaa(p, org, "plurality", perturb=0.1, bootstrap=True)
        with self.assertRaises(accord.InvalidArgument):
            accord.smaa(p, org, "plurality", weights="triangle")
        with self.assertRaises(accord.NotFound):
            accord.smaa(p, org, "nosuchrule", samples=5)
        # Two-stage counts are sampled by perturbing populations; the shares samplers refuse them.
        self.assertEqual(accord.smaa(p, org, "plurality", mode="two-stage", samples=5).settings["mode"], "two-stage")
        with self.assertRaises(accord.Unsupported):
            accord.smaa(p, org, "plurality", mode="two-stage", weights="simplex", samples=5)

    def test_progress_and_cancel(self) -> None:
        p, org = place()
        seen: list[float] = []
        accord.smaa(p, org, "plurality", samples=2000, progress=seen.append)
        self.assertTrue(seen)
        self.assertEqual(seen[-1], 1.0)
        with self.assertRaises(accord.Cancelled):
            accord.smaa(p, org, "plurality", samples=10_000_000, threads=1, progress=lambda f: False)

    def test_an_exception_in_progress_cancels_and_propagates(self) -> None:
        p, org = place()

        def boom(fraction: float) -> None:
            raise KeyboardInterrupt

        with self.assertRaises(KeyboardInterrupt):
            accord.smaa(p, org, "plurality", samples=10_000_000, threads=1, progress=boom)
        # The library is fine afterwards.
        self.assertEqual(accord.smaa(p, org, "plurality", samples=10).samples, 10)

    @unittest.skipUnless(hasattr(signal, "pthread_kill"), "needs POSIX signals")
    def test_ctrl_c_cancels_a_long_run(self) -> None:
        p, org = place()
        main = threading.get_ident()
        timer = threading.Timer(0.3, lambda: signal.pthread_kill(main, signal.SIGINT))
        timer.start()
        try:
            with self.assertRaises(KeyboardInterrupt):
                accord.smaa(p, org, "plurality", samples=50_000_000, threads=1)  # minutes if not cancelled
        finally:
            timer.cancel()


class Sweep(unittest.TestCase):
    def test_rows_and_movers(self) -> None:
        p, org = place()
        s = accord.sweep(p, org, rules=["borda", "irv"], schemes=["equal", "population"])
        self.assertEqual(len(s.rows), 4)
        first = s.rows[0]
        self.assertEqual((first.scheme, first.aggregation, first.rule, first.winner), ("equal", "normalised", "borda", "Access"))
        self.assertEqual(first.kendall_tau, 1.0)
        self.assertEqual(s.rows[2].ranking, [["Access"], ["Digital"], ["Frailty"]])
        self.assertEqual(s.movers, ["Digital", "Frailty"])
        self.assertEqual(s.winners, ["Access"])
        with self.assertRaises(accord.Cancelled):
            accord.sweep(p, org, progress=lambda f: False)
        with self.assertRaises(accord.InvalidArgument):
            accord.sweep(p, org, schemes=["sideways"])


class Tipping(unittest.TestCase):
    def test_exact_brackets(self) -> None:
        p, org = place()
        t = accord.tipping(p, org, "borda", scheme="equal", tolerance=Fraction(1, 1000))
        self.assertEqual(t.baseline_winner, "Access")
        self.assertEqual(t.tolerance, Fraction(1, 1000))
        p1 = t.units[0]
        self.assertEqual((p1.unit, p1.name, p1.population, p1.baseline), ("p1", "Riverside", 30000, 1))
        self.assertIsNotNone(p1.down)
        self.assertLessEqual(abs(p1.down.changed - p1.down.same), Fraction(1, 1000))
        self.assertEqual(p1.down.change, p1.down.changed - 1)
        self.assertLessEqual(p1.down.changed, Fraction(1, 2))
        pop = accord.tipping(p, org, "borda", quantity="population")
        self.assertEqual(pop.tolerance, 1)
        with self.assertRaises(TypeError):
            accord.tipping(p, org, "borda", tolerance=0.001)

    def test_herefordshire(self) -> None:
        path = SHARED / "nhs" / "practices_herefordshire_worcestershire_2025.csv"
        if not path.exists():
            if UNDER_CI:
                raise AssertionError(f"shared data missing under CI: {path}")
            self.skipTest(f"NOTICE: shared data not found, test skipped: {path}")
        org = accord.Organisation.from_file(path, within=["U12199", "U38064", "U50083", "U65562", "U98974"])
        p = accord.Profile.from_file(DATA / "herefordshire_ballots.csv", unit_column="unit")
        t = accord.tipping(p, org, "irv", scheme="population")
        self.assertEqual(t.baseline_winner, "Same-day access hub")
        self.assertEqual(len(t.units), 19)
        s = accord.sweep(p, org, rules=["irv"], schemes=["equal", "population"])
        self.assertEqual([r.winner for r in s.rows], ["Workforce retention", "Same-day access hub"])


class ByGroup(unittest.TestCase):
    """accord.by_group: a 3 X>Y>Z, b 2 Y>X>Z, c 1 Y>Z>X, d 4 Z>Y>X; a, b in PCN P, c, d in Q
    (populations 45, 15, 15, 25). Plurality per PCN: P X, Q Z; overall Z. By population: overall X."""

    def setUp(self) -> None:
        self.p = accord.Profile.from_file(DATA / "four_two_pcns_ballots.csv")
        self.org = accord.Organisation.from_file(DATA / "four_two_pcns_org.csv")

    def test_per_unit_and_per_pcn_worked_by_hand(self) -> None:
        g = accord.by_group(self.p, "plurality")
        self.assertIsInstance(g, accord.Groups)
        self.assertEqual([r.id for r in g.groups], ["a", "b", "c", "d"])
        self.assertEqual([r.winners for r in g.groups], [["X"], ["Y"], ["Y"], ["Z"]])
        self.assertEqual([r.voters for r in g.groups], [3, 2, 1, 4])
        self.assertEqual(g.winners, ["Z"])
        self.assertEqual(g.wins, {"X": 1, "Y": 2, "Z": 1})
        # Each group's full result is the count of its ballots alone.
        alone = accord.Profile(["X", "Y", "Z"])
        alone.add(["Y", "X", "Z"], count=2)
        self.assertEqual(g.groups[1].result["scores"], accord.run(alone, "plurality").to_dict()["scores"])
        pcn = accord.by_group(self.p, "plurality", org=self.org, per="pcn", results=False)
        self.assertEqual([(r.id, r.name, r.winners, r.agrees) for r in pcn.groups],
                         [("P", "PCN P", ["X"], False), ("Q", "PCN Q", ["Z"], True)])
        self.assertIsNone(pcn.groups[0].result)
        self.assertEqual((pcn.agreeing, pcn.counted, pcn.failed), (1, 2, 0))
        weighted = accord.by_group(self.p, "plurality", org=self.org, per="pcn", scheme="population")
        self.assertEqual(weighted.winners, ["X"])
        self.assertEqual([r.agrees for r in weighted.groups], [True, False])
        self.assertEqual(weighted.settings["scheme"], "population")

    def test_frame_and_refusals(self) -> None:
        g = accord.by_group(self.p, "borda", org=self.org, per="pcn")
        try:
            frame = g.to_frame()
        except ImportError:
            frame = None
        if frame is not None:
            self.assertEqual(list(frame.index), ["P", "Q"])
        self.assertIn("PCN P", g._repr_html_())
        with self.assertRaises(accord.InvalidArgument):
            accord.by_group(self.p, "borda", per="pcn")          # a kind needs the organisation
        with self.assertRaises(accord.InvalidArgument):
            accord.by_group(self.p, "borda", mode="pooled")      # weighting keys need a scheme
        with self.assertRaises(accord.Unsupported):
            accord.by_group(self.p, "borda", org=self.org, scheme="equal", mode="two-stage")
        with self.assertRaises(accord.NotFound):
            accord.by_group(self.p, "no-such-rule")
        untagged = accord.Profile(["X", "Y"])
        untagged.add(["X", "Y"])
        with self.assertRaises(accord.InvalidArgument):
            accord.by_group(untagged, "plurality")


class ByGroupRctabPrecincts(unittest.TestCase):
    """Per precinct, against RCTab 2.0's "Tabulate by Precinct" reports (../shared/data/rctab).
    RCTab's precinct report follows the whole contest's eliminations, so only its first round is
    a count of the precinct's ballots alone; there every tally and the overvotes must agree. The
    precincts' first rounds must also add up to the whole contest's."""

    CASES = ("2013_minneapolis_mayor", "2017_minneapolis_mayor", "precinct_example")

    @staticmethod
    def key(name: str) -> str:  # RCTab's JSON drops the quotes of 'ABDUL M RAHAMAN "THE ROCK"'
        return "".join(ch for ch in name.upper() if ch.isalnum())

    def test_first_round_of_each_precinct_is_rctabs(self) -> None:
        import json as _json
        checked = 0
        for case in self.CASES:
            folder = SHARED / "rctab" / case
            cvr = folder / f"{case}_cvr.xlsx"
            if not cvr.exists():
                if UNDER_CI:
                    raise AssertionError(f"shared data missing under CI: {cvr}")
                self.skipTest(f"NOTICE: shared data not found, test skipped: {cvr}")
            p = accord.Profile.from_file(cvr, unit_column="Precinct")
            rules = _json.loads((folder / f"{case}_config.json").read_text())["rules"]
            overvote = {"alwaysSkipToNextRank": "skip-to-next", "exhaustImmediately": "exhaust-immediately",
                        "exhaustIfMultipleContinuing": "exhaust-if-multiple-continuing"}[rules["overvoteRule"]]
            options: dict = {"overvote": overvote}
            if rules.get("maxSkippedRanksAllowed", "unlimited") not in ("", "unlimited"):
                options["max_skipped_ranks"] = int(rules["maxSkippedRanksAllowed"])
            if rules.get("maxRankingsAllowed", "max") not in ("", "max"):
                options["max_rankings"] = int(rules["maxRankingsAllowed"])
            g = accord.by_group(p, "irv", rule_options=options)
            by_id = {row.id: row for row in g.groups}
            overall = g.overall["rounds"][0]
            summed = {c: 0 for c in g.candidates}
            for row in g.groups:
                for c, t in row.result["rounds"][0]["tallies"].items():
                    summed[c] += int(t or 0)
            self.assertEqual(summed, {c: int(overall["tallies"].get(c) or 0) for c in g.candidates}, case)
            for report in sorted((folder / "Tabulate by Precinct").glob("*_precinct_detailed_report.json")):
                want = _json.loads(report.read_text())
                row = by_id[want["config"]["precinct"]]
                first = row.result["rounds"][0]
                mine = {self.key(c): int(t or 0) for c, t in first["tallies"].items()}
                theirs = {self.key(c): int(t) for c, t in want["results"][0]["tally"].items()}
                self.assertEqual({k: mine.get(k, 0) for k in theirs}, theirs, report.name)
                self.assertEqual(first["inactive"]["overvotes"],
                                 int(want["results"][0]["inactiveBallots"]["overvotes"]), report.name)
                checked += 1
        self.assertEqual(checked, 5)


if __name__ == "__main__":
    unittest.main()
