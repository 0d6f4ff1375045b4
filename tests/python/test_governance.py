"""Governance through the C API: constitution checks, mandates, records and their verification."""
import json
import os
import shutil
import tempfile
import unittest
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


class Governance(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="accord_py_gov_"))
        (self.dir / "governance").mkdir()
        shutil.copy(DATA / "place_org.csv", self.dir / "place_org.csv")
        for f in ("place.json", "place_priorities.csv", "board_votes.csv"):
            shutil.copy(DATA / "governance" / f, self.dir / "governance" / f)
        self.constitution = self.dir / "governance" / "place.json"

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_check_lists_warnings_for_terms_and_vacancies(self):
        found = accord.check_constitution(self.constitution, as_of="2026-01-15")
        self.assertEqual([f.severity for f in found], ["warning"] * 3)
        self.assertIn("vacant", found[2].message)

    def test_a_bad_constitution_is_refused_naming_file_and_line(self):
        bad = ROOT / "tests" / "bad_inputs" / "constitution" / "c_unknown_voting_right.json"
        with self.assertRaises(accord.ParseError) as ctx:
            accord.check_constitution(bad, as_of="2026-01-15")
        self.assertIn(f"{bad}:17", str(ctx.exception))

    def test_mandate_sends_a_large_amount_up_the_chain(self):
        m = accord.mandate(self.constitution, body="exec", category="spending", amount=50000)
        self.assertFalse(m.allowed)
        self.assertEqual(m.decider, "board")
        self.assertIn("50000 is above it", m.chain[-1])
        self.assertTrue(accord.mandate(self.constitution, body="exec", category="spending", amount="15000").allowed)
        with self.assertRaises(TypeError):
            accord.mandate(self.constitution, body="exec", category="spending", amount=1.5)

    def test_record_verifies_then_names_an_edited_field(self):
        path = self.dir / "record.json"
        rec = accord.record({"command": "vote", "constitution": str(self.constitution),
                             "ballots": str(self.dir / "governance" / "place_priorities.csv"),
                             "category": "priorities"}, path=path)
        self.assertEqual(rec["outcome"]["consensus"]["winner_first_share"], "1/2")
        self.assertTrue(accord.verify(path).ok)
        rec["outcome"]["consensus"]["winner_first"] = 3
        path.write_text(json.dumps(rec))
        v = accord.verify(path)
        self.assertFalse(v.ok)
        self.assertEqual(v.problems, ["outcome.consensus.winner_first: recorded 3, recount gives 2"])

    def test_a_brief_is_recorded_and_verified_with_its_vote(self):
        vote = self.dir / "vote.json"
        accord.record({"command": "vote", "constitution": str(self.constitution),
                       "ballots": str(self.dir / "governance" / "place_priorities.csv"), "category": "priorities"},
                      path=vote)
        path = self.dir / "brief.json"
        rec = accord.record({"command": "brief", "record": str(vote), "body": "board", "expires": "2026-03-31"},
                            path=path)
        self.assertEqual([e["option"] for e in rec["outcome"]["agreed_order"]], ["B", "A", "C"])
        self.assertEqual(rec["outcome"]["voted_down"][0]["option"], "C")
        v = accord.verify(path)
        self.assertTrue(v.ok, v.problems)
        self.assertIn("the vote record stands: its inputs are unchanged and its recount matches", v.checked)


if __name__ == "__main__":
    unittest.main()
