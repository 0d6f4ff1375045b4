"""The CLI's refused-arguments catalogue (docs/cli.md, "Refused inputs"): each row is one
argument vector that must be refused with its exit status (1: accord refused the input, 2: usage)
and words that name the option at fault; or, for the options that must be honoured, the answer.

To add a case: add a row to CASES (args, exit status, words that must appear on stderr)."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SMALL = DATA / "small.toi"
BALLOTS = DATA / "place_ballots.csv"
ORG = DATA / "place_org.csv"


def accord(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=timeout)


# (arguments, exit status, words stderr must contain)
CASES: list[tuple[list[object], int, str]] = [
    # fuzz_cli_args: an empty positional followed by an option made CLI11 loop for ever.
    (["run", "irv", SMALL, "", "--seats", "2"], 2, "argument 4 is empty"),
    (["run", "irv", "", "", "-q"], 2, "argument 3 is empty"),
    # ... and so did one after an unknown flag (which takes no value): fuzz_cli_args, 20 minutes.
    (["analyse", "smaa", SMALL, "--no-such-flag", "", "--seed", "1"], 2, "argument 5 is empty"),
    # ... and so did one after a flag (fuzz_cli_args, this time after --json): a flag's type size
    # is 1 though it takes no value, so the empty argument was let through as a value.
    (["run", "irv", SMALL, "--json", "", "--json"], 2, "argument 5 is empty"),
    (["run", "irv", SMALL, "--json", ""], 2, "argument 5 is empty"),
    # The root's options are not the subcommand's (no fallthrough): an empty value after one hung.
    (["run", "irv", SMALL, "--max-memory", "", "--json"], 2, "argument 5 is empty"),
    # An empty value of an option that takes one is that option's to judge.
    (["analyse", "smaa", SMALL, "--seed", "", "--rule", "irv"], 2, "--seed: must be a whole number"),
    # Issue 13 item 4: an option a method does not use is refused, naming it and the method.
    (["run", "irv", SMALL, "--seats", "3"], 1, "irv: unknown option 'seats' (irv does not use it"),
    (["run", "plurality", SMALL, "--seats", "3"], 1, "plurality does not use it"),
    (["run", "irv", SMALL, "--unranked", "last"], 1, "irv: unknown option 'unranked'"),
    # ... as are the runoff family's and Bucklin's, where it could change nothing (it was accepted).
    (["run", "bucklin", SMALL, "--unranked", "ignore"], 1, "bucklin: unknown option 'unranked'"),
    (["run", "contingent", SMALL, "--unranked", "last"], 1, "contingent: unknown option 'unranked'"),
    (["run", "runoff", SMALL, "--unranked", "last"], 1, "runoff: unknown option 'unranked'"),
    (["run", "supplementary", SMALL, "--unranked", "last"], 1, "supplementary: unknown option 'unranked'"),
    # METHOD is the outer rule of a two-stage count; --outer may only repeat it.
    (["run", "irv", BALLOTS, "--org", ORG, "--mode", "two-stage", "--outer", "borda"], 1,
     "the method 'irv' is the rule across groups, but 'outer' says 'borda'"),
    (["run", "irv", BALLOTS, "--org", ORG, "--inner", "borda"], 1, "option 'inner' is only used by a two-stage count"),
    (["run", "irv", BALLOTS, "--org", ORG, "--group-level", "pcn"], 2, "--group-level is only used with --mode two-stage"),
    (["run", "irv", SMALL, "--scheme", "population"], 2, "--scheme requires --org"),
    # Unknown unit ids are errors naming the id.
    (["weights", ORG, "--within", "N", "--within", "NOPE"], 1, "'NOPE'"),
    (["run", "irv", BALLOTS, "--org", ORG, "--within", "NOPE"], 1, "'NOPE'"),
    # A generic organisation file has no Unallocated PCN: the policy would be ignored.
    (["weights", ORG, "--unallocated", "exclude"], 1, "option 'unallocated' applies to NHS England practice files"),
    # Issue 14: numbers parsed as what they are, at the argument parser, naming the option.
    (["run", "stv", SMALL, "--seats", "-1"], 2, "--seats: must be a whole number >= 0"),
    (["run", "stv", SMALL, "--seats", "2.5"], 2, "--seats: must be a whole number >= 0"),
    (["run", "stv", SMALL, "--seats", "99999999999999999999"], 2, "--seats: does not fit in 64 bits"),
    (["run", "stv", SMALL, "--seats", "18446744073709551615"], 1,
     "stv: option 'seats' (18446744073709551615) must be at most the number of candidates (4)"),
    (["run", "stv", SMALL, "--seats", "5", "--variant", "meek"], 1, "must be at most the number of candidates (4)"),
    (["run", "stv", SMALL, "--seats", "5", "--variant", "rctab"], 1, "must be at most the number of candidates (4)"),
    # RCTab's percentage bottoms-up mode: the threshold decides how many win, so a seat count is
    # refused (it once elected 4 to 2 seats), and its own options need the percentage.
    (["run", "stv", SMALL, "--variant", "rctab", "--option", "mode=bottoms-up", "--option", "bottoms_up_threshold=1/10",
      "--seats", "2"], 1, "'seats' is not used with a bottoms_up_threshold"),
    # --mode is the weighting mode; a rule's own mode goes through --option, and the refusal says so.
    (["run", "stv", SMALL, "--variant", "rctab", "--mode", "bottoms-up"], 2,
     "--mode: bottoms-up is not a weighting mode (pooled, normalised or two-stage); a method's own option 'mode' "
     "is given as --option mode=bottoms-up"),
    (["run", "stv", SMALL, "--variant", "rctab", "--seats", "2", "--option", "cutoff_elimination=true"], 1,
     "'cutoff_elimination' is used only by the rctab variant's mode bottoms-up"),
    # An ES&S export's id column has an empty header: --skip-column '' names it only when one does.
    (["run", "irv", DATA / "two_empty_headers.csv", "--rank-columns", "--skip-column", ""], 1,
     "2 columns have an empty header"),
    (["analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", "-1"], 2, "--samples"),
    (["analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", "18446744073709551615"], 1,
     "option 'samples' (18446744073709551615) is above the limit of 1000000000 samples"),
    (["analyse", "smaa", BALLOTS, "--org", ORG, "--rule", "borda", "--samples", "1e12"], 1,
     "option 'samples' (1000000000000) is above the limit of 1000000000 samples"),
    (["analyse", "tipping", BALLOTS, "--org", ORG, "--rule", "borda", "--max-factor", "1000000000000000"], 1,
     "tipping: option 'max_factor' (1000000000000000) is above the limit of 1048576 (2^20)"),
    (["apportion", ORG, "--level", "practice", "--seats", "-1"], 2, "--seats"),
    (["apportion", ORG, "--level", "practice", "--seats", "1e13"], 1,
     "option 'seats' (10000000000000) is above the limit of 1000000000000 seats"),
    (["power", "--quota", "2", "--weights", "1,1,1", "--samples", "100"], 1,
     "option 'samples' is only used by method monte-carlo"),
    (["power", "--quota", "2", "--weights", "1,1,1", "--method", "monte-carlo", "--samples", "100000000000"], 1,
     "option 'samples' must be between 1 and 10000000000"),
    (["power", "--quota", "2", "--weights", "1,-1,1"], 2, "--weights entry must be a non-negative integer"),
]


class RefusedArguments(unittest.TestCase):
    def test_catalogue(self) -> None:
        for args, status, words in CASES:
            with self.subTest(args=" ".join(map(str, args))):
                out = accord(*args)
                self.assertEqual(out.returncode, status, out.stderr)
                self.assertIn(words, out.stderr)
                self.assertEqual(out.stderr.count("\n"), 1, "one line on stderr: " + out.stderr)


class HonouredOptions(unittest.TestCase):
    def test_two_stage_counts_the_named_method_across_groups(self) -> None:
        # Issue 13: `run irv --mode two-stage` printed "method: borda".
        out = accord("run", "irv", BALLOTS, "--org", ORG, "--mode", "two-stage", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["method"], "irv")
        self.assertTrue(any("two-stage: irv inside each pcn, then irv across groups" in n for n in j["notes"]), j["notes"])
        same = accord("run", "irv", BALLOTS, "--org", ORG, "--mode", "two-stage", "--outer", "irv", "--json")
        self.assertEqual(same.returncode, 0, same.stderr)
        self.assertEqual(json.loads(same.stdout)["winners"], j["winners"])

    def test_run_and_sweep_agree_on_a_two_stage_count(self) -> None:
        run = json.loads(accord("run", "irv", BALLOTS, "--org", ORG, "--mode", "two-stage", "--json").stdout)
        sweep = accord("analyse", "sweep", BALLOTS, "--org", ORG, "--rules", "irv", "--schemes", "equal",
                       "--modes", "two-stage", "--json")
        self.assertEqual(sweep.returncode, 0, sweep.stderr)
        row = json.loads(sweep.stdout)["rows"][0]
        self.assertEqual(row["winner"], run["candidates"][run["winners"][0]] if isinstance(run["winners"][0], int)
                         else run["winners"][0])

    def test_within_and_min_population_are_honoured_for_a_generic_organisation(self) -> None:
        # Issue 14: both were ignored for an id,name,kind,parent,population file.
        out = accord("weights", ORG, "--within", "S", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual([u["id"] for u in json.loads(out.stdout)["units"]], ["p4", "p5"])
        out = accord("weights", ORG, "--min-population", "5000", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual([u["id"] for u in json.loads(out.stdout)["units"]], ["p1", "p2", "p3"])

    def test_divisor_apportionment_of_a_hundred_million_seats_answers(self) -> None:
        # Issue 14: one seat per iteration took minutes; the answer is the exact quota split.
        out = accord("apportion", ORG, "--level", "practice", "--seats", "1e8", "--method", "webster", "--json",
                     timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        seats = [u["seats"] for u in j["units"]]
        self.assertEqual(sum(seats), 100_000_000)
        # p1 (30000) and p3 (6000) claim the last seat exactly equally (30000 / 57692307.5 =
        # 6000 / 11538461.5): a reported tie, given to the earlier unit as seat by seat.
        self.assertEqual(seats, [57692308, 17307692, 11538461, 7692308, 5769231])
        self.assertEqual(len(j["ties"]), 1)

    def test_an_organisation_with_a_header_and_no_units_is_refused_at_load(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            empty = Path(d) / "empty.csv"
            empty.write_text("id,name,kind,parent,population\n")
            out = accord("weights", empty)
            self.assertEqual(out.returncode, 1, out.stderr)
            self.assertIn("no units", out.stderr)


if __name__ == "__main__":
    unittest.main()
