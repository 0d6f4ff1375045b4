"""accord constitution, mandate, vote, verify, declare, brief and --record on run/decide (docs/governance.md)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BAD = ROOT / "tests" / "bad_inputs" / "constitution"


def accord(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


class Governance(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="accord_cli_gov_"))
        (self.dir / "governance").mkdir()
        shutil.copy(DATA / "place_org.csv", self.dir / "place_org.csv")
        shutil.copy(DATA / "place_votes.csv", self.dir / "place_votes.csv")
        shutil.copy(DATA / "place_ballots.csv", self.dir / "place_ballots.csv")
        for f in ("place.json", "place_priorities.csv", "board_votes.csv"):
            shutil.copy(DATA / "governance" / f, self.dir / "governance" / f)
        self.c = self.dir / "governance" / "place.json"

    def tearDown(self) -> None:
        shutil.rmtree(self.dir)

    def test_check_reports_warnings_and_exits_zero_when_valid(self) -> None:
        out = accord("constitution", "check", self.c, "--date", "2026-01-15")
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("VALID (0 errors, 3 warnings, as of 2026-01-15)", out.stdout)

    def test_check_explains_every_error_with_file_line_and_path_and_exits_one(self) -> None:
        bad = BAD / "c_delegation_cycle.json"
        out = accord("constitution", "check", bad, "--date", "2026-01-15")
        self.assertEqual(out.returncode, 1)
        self.assertIn(f"error: {bad}:34: /delegations/2: delegation cycle for 'spending': board -> exec -> board", out.stdout)
        self.assertIn("INVALID", out.stdout)

    def test_every_catalogue_constitution_is_refused_by_mandate(self) -> None:
        files = sorted(BAD.glob("*.json"))
        self.assertGreaterEqual(len(files), 15)
        for f in files:
            out = accord("mandate", f, "--body", "board", "--category", "spending")
            self.assertEqual(out.returncode, 1, f)
            self.assertIn(str(f) + ":", out.stderr, f)

    def test_mandate_answers_with_the_chain(self) -> None:
        out = accord("mandate", self.c, "--body", "exec", "--category", "spending", "--amount", "50000", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        m = json.loads(out.stdout)
        self.assertFalse(m["allowed"])
        self.assertEqual(m["decider"], "board")
        self.assertEqual(len(m["chain"]), 3)

    def test_power_in_a_body_leaves_the_observer_out(self) -> None:
        out = accord("constitution", "power", self.c, "--body", "board", "--category", "representation", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["players"], ["north", "south", "fed"])

    def test_vote_record_verify_declare_and_brief(self) -> None:
        rec = self.dir / "rec.json"
        out = accord("vote", self.c, self.dir / "governance" / "place_priorities.csv", "--category", "priorities", "--record", rec)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("turnout: 4 of 5 members (80.0%)", out.stdout)
        self.assertIn("no return from: p5", out.stdout)
        ok = accord("verify", rec)
        self.assertEqual(ok.returncode, 0, ok.stdout)
        self.assertIn("the record stands", ok.stdout)
        html = self.dir / "notice.html"
        self.assertEqual(accord("declare", rec, "-o", html).returncode, 0)
        self.assertIn("The first priority agreed is <b>B</b>", html.read_text())
        brief = accord("brief", rec, "--body", "board", "--meeting", "ICB board", "--expires", "2026-03-31")
        self.assertEqual(brief.returncode, 0, brief.stderr)
        self.assertIn("Voted down (more than half put it in their bottom half):\n  C (3 of 4)", brief.stdout)
        # One changed byte of the ballots: named by file.
        ballots = self.dir / "governance" / "place_priorities.csv"
        ballots.write_text(ballots.read_text().replace("p4,A,B,C", "p4,A,C,B"))
        bad = accord("verify", rec)
        self.assertEqual(bad.returncode, 1)
        self.assertIn(f"FAIL: input 'ballots' ({ballots}) has changed", bad.stdout)

    def test_a_brief_is_a_record_that_verifies_with_its_vote(self) -> None:
        rec = self.dir / "rec.json"
        self.assertEqual(accord("vote", self.c, self.dir / "governance" / "place_priorities.csv", "--category",
                                "priorities", "--record", rec).returncode, 0)
        brec = self.dir / "brief.json"
        out = accord("brief", rec, "--body", "board", "--meeting", "ICB board", "--expires", "2026-03-31", "--record", brec)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn(f"record: {brec}", out.stdout)
        b = json.loads(brec.read_text())
        self.assertEqual(b["invocation"]["command"], "brief")
        self.assertEqual([i["role"] for i in b["inputs"]], ["vote record", "constitution"])
        self.assertEqual(b["outcome"]["voted_down"][0]["option"], "C")
        ok = accord("verify", brec)
        self.assertEqual(ok.returncode, 0, ok.stdout)
        self.assertIn("the vote record stands", ok.stdout)
        # The printable declaration of a brief.
        html = self.dir / "brief.html"
        self.assertEqual(accord("declare", brec, "-o", html).returncode, 0)
        page = html.read_text()
        self.assertIn("<h1>Representative&#39;s brief: the representative for board</h1>", page)
        self.assertIn("Must refer back", page)
        # An edited number in the brief is named by its path.
        edited = self.dir / "edited.json"
        b["outcome"]["voted_down"][0]["in_bottom_half"] += 1
        edited.write_text(json.dumps(b))
        bad = accord("verify", edited)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("FAIL: outcome.voted_down[0].in_bottom_half", bad.stdout)
        # A changed ballot under the vote record fails the brief too, naming the ballots file.
        ballots = self.dir / "governance" / "place_priorities.csv"
        ballots.write_text(ballots.read_text().replace("p4,A,B,C", "p4,A,C,B"))
        bad = accord("verify", brec)
        self.assertEqual(bad.returncode, 1)
        self.assertIn(f"FAIL: vote record: input 'ballots' ({ballots}) has changed", bad.stdout)
        # And a changed byte of the vote record itself is named by file.
        rec.write_text(rec.read_text().replace('"record"', '"record" ', 1))
        bad = accord("verify", brec)
        self.assertIn(f"FAIL: input 'vote record' ({rec}) has changed", bad.stdout)

    def test_record_on_run_and_decide_verifies_and_names_an_edited_field(self) -> None:
        run_rec = self.dir / "run.json"
        out = accord("run", "borda", self.dir / "place_ballots.csv", "--org", self.dir / "place_org.csv", "--scheme", "sqrt",
                     "--record", run_rec)
        self.assertEqual(out.returncode, 0, out.stderr)
        r = json.loads(run_rec.read_text())
        self.assertIn("roll_call", r["outcome"])
        self.assertIn("by_pcn", r["outcome"])
        self.assertEqual(accord("verify", run_rec).returncode, 0)
        dec_rec = self.dir / "decide.json"
        out = accord("decide", self.dir / "place_votes.csv", "--org", self.dir / "place_org.csv", "--rule", "double-majority",
                     "--record", dec_rec)
        self.assertEqual(out.returncode, 0, out.stderr)
        d = json.loads(dec_rec.read_text())
        self.assertEqual([e["vote"] for e in d["outcome"]["roll_call"]][:2], ["no", "yes"])
        self.assertEqual(accord("verify", dec_rec).returncode, 0)
        d["outcome"]["decision"]["passed"] = True
        dec_rec.write_text(json.dumps(d))
        bad = accord("verify", dec_rec)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("FAIL: outcome.decision.passed: recorded true, recount gives false", bad.stdout)


if __name__ == "__main__":
    unittest.main()
