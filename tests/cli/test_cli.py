"""The accord CLI contract (docs/cli.md): subcommands, JSON keys and types, exit codes, errors."""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")
FIXTURE = ROOT / "tests" / "data" / "small.toi"


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if UNDER_CI:
            raise AssertionError(f"shared data missing under CI: {path}")
        raise unittest.SkipTest(f"NOTICE: shared data not found, test skipped: {path}")
    return path


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Contract(unittest.TestCase):
    def test_demo_runs_and_names_winners(self) -> None:
        out = accord("demo")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("Frailty & care homes", out.stdout)
        self.assertIn("Same-day access hub", out.stdout)
        demo = json.loads(accord("demo", "--json").stdout)
        self.assertEqual(demo["one_practice_one_vote"]["irv"]["winners"], ["Frailty & care homes"])
        self.assertEqual(demo["weighted_by_list_size"]["irv"]["winners"], ["Same-day access hub"])
        self.assertEqual(len(demo["practices"]), 20)

    def test_run_json_has_the_contract_keys_and_types(self) -> None:
        out = accord("run", "irv", FIXTURE, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.count("\n"), 1, "stdout must be exactly one JSON object")
        j = json.loads(out.stdout)
        self.assertEqual(j["method"], "irv")
        self.assertEqual(j["candidates"], ["North", "South", "East", "West"])
        self.assertIsInstance(j["winners"], list)
        self.assertTrue(all(isinstance(t, list) for t in j["ranking"]))
        self.assertIsInstance(j["rounds"], list)
        for r in j["rounds"]:
            self.assertIsInstance(r["tallies"], dict)
            self.assertIsInstance(r["eliminated"], list)
            self.assertIsInstance(r["elected"], list)
            self.assertIn("exhausted", r)
        self.assertIsInstance(j["ties"], list)
        # North 5, South 4, East 2 and West 1 (both -> South): West out, then East, South 7 of 12.
        self.assertEqual(j["rounds"][0]["tallies"], {"North": 5, "South": 4, "East": 2, "West": 1})
        self.assertEqual(len(j["rounds"]), 3)
        self.assertEqual(j["winners"], ["South"])

    def test_options_reach_the_rule(self) -> None:
        j = json.loads(accord("run", "irv", FIXTURE, "--json", "--option", "batch_elimination=true").stdout)
        self.assertEqual(sorted(j["rounds"][0]["eliminated"]), ["East", "West"])  # 1 + 2 < 4
        j = json.loads(accord("run", "irv", FIXTURE, "--json", "--options", '{"excluded": ["North"]}').stdout)
        self.assertNotIn("North", j["rounds"][0]["tallies"])
        j = json.loads(accord("run", "irv", FIXTURE, "--json", "--tie-break", "random", "--seed", "5").stdout)
        self.assertEqual(j["method"], "irv")

    def test_info_convert_methods(self) -> None:
        info = json.loads(accord("info", FIXTURE, "--json").stdout)
        self.assertEqual(info["format"], "toi")
        self.assertEqual(info["ballots"], "12")
        self.assertEqual(info["candidates"], ["North", "South", "East", "West"])
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "x.blt"
            res = accord("convert", FIXTURE, "--to", "blt", "-o", out)
            self.assertEqual(res.returncode, 0, res.stderr)
            again = json.loads(accord("run", "irv", out, "--json").stdout)
            self.assertEqual(again["winners"], ["South"])
        methods = json.loads(accord("methods", "--json").stdout)
        names = [m["name"] for m in methods]
        self.assertIn("irv", names)
        self.assertIn("plurality", names)

    def test_methods_rule_shows_each_options_type_choices_default_and_meaning(self) -> None:
        out = accord("methods", "stv")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith("stv: single transferable vote"), out.stdout)
        self.assertRegex(out.stdout, r"\n  variant +string, one of: scottish wigm meek gregory whole rctab warren random-transfer "
                                     r"cpo-stv sequential-stv; "
                                     r'default "scottish"\n +the STV rules counted')
        self.assertRegex(out.stdout, r"\n  decimals +integer >= 0; default 4\n")
        irv = accord("methods", "rcv").stdout  # an alias names its method
        self.assertRegex(irv, r"\n  batch_elimination +bool; default false\n")
        self.assertRegex(irv, r'\n  overvote +string, one of: exhaust-immediately skip-to-next '
                              r'exhaust-if-multiple-continuing; default "exhaust-if-multiple-continuing"\n')
        self.assertRegex(accord("methods", "pav").stdout, r"\n  seats +integer; required\n")
        listed = json.loads(accord("methods", "--json").stdout)
        one = json.loads(accord("methods", "irv", "--json").stdout)
        self.assertEqual(one, next(m for m in listed if m["name"] == "irv"))
        self.assertEqual([o["key"] for o in one["option_details"]], one["options"])
        bad = accord("methods", "no-such-rule")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("no-such-rule", bad.stderr)

    def test_errors_are_one_line_and_nonzero(self) -> None:
        for args, needle in [
            (("run", "no-such-method", FIXTURE), "no-such-method"),
            (("run", "irv", "/nonexistent/ballots.toi"), "/nonexistent/ballots.toi"),
            (("run", "irv", FIXTURE, "--option", "bogus=1"), "bogus"),
            (("run", "irv", FIXTURE, "--tie-break", "sideways"), "sideways"),
            (("run", "irv", FIXTURE, "--format", "xml"), "xml"),
        ]:
            with self.subTest(args=args):
                out = accord(*args)
                self.assertNotEqual(out.returncode, 0)
                lines = out.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, out.stderr)
                self.assertTrue(lines[0].startswith("accord: error: "), lines[0])
                self.assertIn(needle, lines[0])
                self.assertEqual(out.stdout, "")
        self.assertEqual(accord("run").returncode, 2)
        self.assertEqual(accord().returncode, 2)

    def test_help_and_version(self) -> None:
        for sub in ("run", "info", "convert", "methods", "demo"):
            out = accord(sub, "--help")
            self.assertEqual(out.returncode, 0)
            self.assertIn("Usage", out.stdout)
        header = (ROOT / "include" / "accord" / "accord.h").read_text()
        version = ".".join(re.search(rf"^#define ACCORD_VERSION_{p} (\d+)$", header, re.M).group(1)
                           for p in ("MAJOR", "MINOR", "PATCH"))
        self.assertEqual(f"accord {version}", accord("--version").stdout.strip())


class RealData(unittest.TestCase):
    def test_burlington_2009_over_the_cli(self) -> None:
        path = shared("preflib/00005 - burlington/00005-00000002.toi")
        j = json.loads(accord("run", "irv", path, "--json", "--option", "batch_elimination=true").stdout)
        self.assertEqual(j["winners"], ["Bob Kiss"])
        self.assertEqual(len(j["rounds"]), 3)
        self.assertEqual(j["rounds"][0]["tallies"]["Kurt Wright"], 2951)
        self.assertEqual(sorted(j["rounds"][0]["eliminated"]), ["Dan Smith", "James Simpson", "Write-In"])
        self.assertEqual(j["rounds"][2]["tallies"], {"Bob Kiss": 4313, "Kurt Wright": 4061})

    def test_stv_variants_over_the_cli(self) -> None:
        path = shared("blt/droop/blt/scotland/Govan-2007.blt")
        j = json.loads(accord("run", "stv", str(path), "--variant", "scottish", "--json").stdout)
        self.assertEqual(len(j["winners"]), 4)  # seats from the BLT file
        self.assertEqual(j["rounds"][0]["threshold_exact"], "1913")
        self.assertEqual(j["rounds"][1]["lost_exact"], "47/5000")  # 0.00940
        self.assertIn("transfer_value_exact", j["rounds"][1])
        meek = json.loads(accord("run", "stv", str(path), "--variant", "meek", "--json").stdout)
        self.assertEqual(len(meek["winners"]), 4)
        warren = json.loads(accord("run", "stv", str(path), "--variant", "warren", "--json").stdout)
        self.assertEqual(sorted(warren["winners"]), sorted(meek["winners"]))
        prf = json.loads(accord("run", "stv", str(path), "--variant", "meek", "--option", "nz=true",
                                "--option", "arithmetic=guarded:18:9", "--json").stdout)
        self.assertEqual(sorted(prf["winners"]), sorted(meek["winners"]))
        self.assertIn("New Zealand rounding", " ".join(prf["notes"]))
        refused = accord("run", "stv", str(path), "--variant", "warren", "--option", "nz=true")
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("only by: meek", refused.stderr)
        rt = json.loads(accord("run", "stv", str(path), "--variant", "random-transfer", "--seed", "9",
                               "--json").stdout)
        self.assertEqual(len(rt["winners"]), 4)
        self.assertIn("seed 9", rt["notes"][0])
        mpls = json.loads(accord("run", "stv", str(path), "--option", "preset=minneapolis", "--json").stdout)
        self.assertEqual(len(mpls["winners"]), 4)
        self.assertIn("preset minneapolis", mpls["notes"][0])
        fixed = accord("run", "stv", str(path), "--option", "preset=minneapolis", "--option", "decimals=2")
        self.assertNotEqual(fixed.returncode, 0)
        self.assertIn("set by preset", fixed.stderr)
        bad = accord("run", "stv", str(path), "--variant", "lottery")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("lottery", bad.stderr)
        portland = shared("votekit/Portland_D1_Condensed.csv")
        p = json.loads(accord("run", "stv", str(portland), "--seats", "3", "--variant", "wigm",
                              "--skip-column", "Precinct", "--json").stdout)
        self.assertEqual(sorted(p["winners"]), ["Candace Avalos", "Jamie Dunphy", "Loretta Smith"])


class CpoAndSequentialStv(unittest.TestCase):
    def test_cpo_and_sequential_stv_over_the_cli(self) -> None:
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            # The English Wikipedia's CPO-STV example as a BLT file (3 seats).
            path = Path(d) / "wiki.blt"
            path.write_text("5 3\n25 1 0\n34 3 2 4 0\n7 2 4 0\n8 4 2 0\n5 4 5 0\n21 5 4 0\n0\n"
                            '"Andrea"\n"Brad"\n"Carter"\n"Delilah"\n"Scott"\n"CPO-STV"\n')
            cpo = accord("run", "stv", str(path), "--variant", "cpo-stv", "--json")
            self.assertEqual(cpo.returncode, 0, cpo.stderr)
            self.assertEqual(sorted(json.loads(cpo.stdout)["winners"]), ["Andrea", "Carter", "Delilah"])
            seq = accord("run", "stv", str(path), "--variant", "sequential-stv", "--json")
            self.assertEqual(seq.returncode, 0, seq.stderr)
            self.assertEqual(sorted(json.loads(seq.stdout)["winners"]), ["Andrea", "Carter", "Delilah"])
            refused = accord("run", "stv", str(path), "--variant", "cpo-stv", "--option", "max_outcomes=9")
            self.assertNotEqual(refused.returncode, 0)
            self.assertIn("option 'max_outcomes'", refused.stderr)


class Committees(unittest.TestCase):
    def test_committee_rules_and_budget_over_the_cli(self) -> None:
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            # Lackner & Skowron's Example 1 as a PrefLib categorical (.cat) approval file.
            path = Path(d) / "abc.cat"
            groups = [(3, "ab"), (3, "ac"), (2, "ad"), (1, "bcf"), (1, "e"), (1, "f"), (1, "g")]
            lines = ["# FILE NAME: abc.cat", "# TITLE: Example 1", "# DATA TYPE: cat", "# MODIFICATION TYPE: original",
                     "# NUMBER ALTERNATIVES: 8", "# NUMBER VOTERS: 12", "# NUMBER UNIQUE PREFERENCES: 7",
                     "# NUMBER CATEGORIES: 2", "# CATEGORY NAME 1: Yes", "# CATEGORY NAME 2: No"]
            lines += [f"# ALTERNATIVE NAME {i + 1}: {ch}" for i, ch in enumerate("abcdefgh")]
            for count, s in groups:
                yes = ",".join(str("abcdefgh".index(ch) + 1) for ch in s)
                no = ",".join(str(i + 1) for i, ch in enumerate("abcdefgh") if ch not in s)
                lines.append(f"{count}: {{{yes}}},{{{no}}}")
            path.write_text("\n".join(lines) + "\n")
            info = json.loads(accord("info", str(path), "--json").stdout)
            self.assertEqual(info["kind"], "approval")
            pav = json.loads(accord("run", "pav", str(path), "--seats", "4", "--json").stdout)
            self.assertEqual(sorted(pav["winners"]), ["a", "b", "c", "f"])
            ph = json.loads(accord("run", "seq-phragmen", str(path), "--seats", "4", "--json").stdout)
            self.assertEqual(ph["winners"], ["a", "b", "c", "d"])
            self.assertEqual(ph["rounds"][3]["tallies_exact"]["d"], "5/8")
            budget = json.loads(accord("run", "budget", str(path), "--options",
                                       json.dumps({"budget": 3, "costs": dict(zip("abcdefgh", [2, 1, 1, 1, 1, 1, 1, 1]))}),
                                       "--json").stdout)
            self.assertEqual(budget["winners"], ["a", "b"])  # a (8 approvals, cost 2), then b or c: b by order
            # Exact maximum welfare with approval utilities: b, c and d or f (4 + 4 + 2 approvals) beat a's 8.
            costs = dict(zip("abcdefgh", [3, 1, 1, 1, 1, 1, 1, 1]))
            mw = json.loads(accord("run", "budget", str(path), "--options",
                                   json.dumps({"method": "max-welfare", "utilities": "approval", "budget": 3,
                                               "costs": costs}), "--json").stdout)
            self.assertEqual(mw["winners"], ["b", "c", "d"])  # d rather than f by file order (a recorded tie)
            self.assertEqual(len(mw["ties"]), 1)
            # Exact Equal Shares on a seeded instance, as pabutools funds it (tests/data/peers).
            ees = json.loads(accord("run", "budget", str(ROOT / "tests/data/peers/budget-m5-n12-s3002.cat"),
                                    "--options", json.dumps({"method": "exact-equal-shares", "utilities": "approval",
                                                             "budget": 8, "costs": {"p0": 4, "p1": 7, "p2": 1,
                                                                                    "p3": 1, "p4": 7}}),
                                    "--json").stdout)
            self.assertEqual(sorted(ees["winners"]), ["p2", "p3"])
            # BOS Equal Shares on the same instance, as pabutools' bos_equal_shares funds it.
            bos = json.loads(accord("run", "budget", str(ROOT / "tests/data/peers/budget-m5-n12-s3002.cat"),
                                    "--options", json.dumps({"method": "bos-equal-shares", "budget": 8,
                                                             "costs": {"p0": 4, "p1": 7, "p2": 1,
                                                                       "p3": 1, "p4": 7}}),
                                    "--json").stdout)
            self.assertEqual(sorted(bos["winners"]), ["p2", "p4"])
            bad = accord("run", "budget", str(path), "--options",
                         json.dumps({"method": "maximin-support", "max_nodes": 5, "budget": 3, "costs": costs}))
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("max_nodes", bad.stderr)
            bad = accord("run", "budget", str(path), "--options", json.dumps({"budget": 3, "costs": {"a": 1}}))
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("'b'", bad.stderr)


if __name__ == "__main__":
    unittest.main()


class LargeFiles(unittest.TestCase):
    """A ballot file of 1 MiB or more is mapped, not copied (src/cli/common.cpp): the same count as
    the same ballots written small, with counts."""

    def test_a_mapped_cast_vote_record_counts_as_its_summary(self) -> None:
        rankings = [("Ash", "Birch", ""), ("Birch", "Cedar", "Ash"), ("Cedar", "", ""), ("Birch", "", "")]
        times = [23117, 19850, 21004, 9873]
        with tempfile.TemporaryDirectory() as d:
            big, small = Path(d) / "cvr.csv", Path(d) / "summary.csv"
            with big.open("w", newline="") as f:
                f.write("ballot_id,rank1,rank2,rank3\n")
                ballot = 0
                for r, n in zip(rankings, times):
                    for _ in range(n):
                        ballot += 1
                        f.write(f"{1000000 + ballot},{','.join(r)}\n")
            self.assertGreaterEqual(big.stat().st_size, 1 << 20)
            with small.open("w", newline="") as f:
                f.write("count,rank1,rank2,rank3\n")
                for r, n in zip(rankings, times):
                    f.write(f"{n},{','.join(r)}\n")
            for rule in ("irv", "plurality", "borda"):
                a, b = accord("run", rule, big, "--json"), accord("run", rule, small, "--json")
                self.assertEqual(a.returncode, 0, a.stderr)
                ja, jb = json.loads(a.stdout), json.loads(b.stdout)
                self.assertEqual(ja["winners"], jb["winners"], rule)
                self.assertEqual(ja.get("rounds"), jb.get("rounds"), rule)
                self.assertEqual(ja.get("scores"), jb.get("scores"), rule)
            # An error in a mapped file names its line, as in a small one.
            with big.open("a", newline="") as f:
                f.write("1,Ash,Ash,,\n")
            bad = accord("run", "irv", big)
            self.assertEqual(bad.returncode, 1)
            self.assertIn(f"cvr.csv:{sum(times) + 2}:", bad.stderr)
