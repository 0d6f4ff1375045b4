"""accord.check through the Python bindings (docs/check.md): the published failures and misuse."""
from __future__ import annotations

import unittest
from pathlib import Path

import accord

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


def orders(cands: str, ballots: list[tuple[str, int]]) -> accord.Profile:
    p = accord.Profile(list(cands))
    for order, n in ballots:
        p.add(list(order), count=n)
    return p


class Check(unittest.TestCase):
    def test_irv_monotonicity_failure_on_tannenbaums_example(self) -> None:
        p = accord.Profile.from_file(DATA / "tannenbaum_irv_monotonicity.soc")
        rep = accord.check(p, "irv")
        self.assertEqual(rep.winners, ["C"])
        m = rep["monotonicity"]
        self.assertTrue(m.failed, m.reason)
        self.assertIn("the first 4 voter(s) ranking A first and C second swap the two", m.witness["change"])
        self.assertEqual(m.witness["winners"], ["B"])
        # The witness recounts as claimed.
        w = accord.Profile(m.witness["candidates"])
        for b in m.witness["ballots"]:
            w.add([t[0] for t in b["ranking"]], count=b["count"])
        self.assertEqual(accord.run(w, "irv").winners, ["B"])

    def test_seq_phragmen_ejr_failure_on_brill_et_al(self) -> None:
        p = accord.Profile.from_file(DATA / "brill_seq_phragmen_ejr.cat")
        rep = accord.check(p, "seq-phragmen", seats=12, checks=["jr", "pjr", "ejr"])
        self.assertEqual([c.name for c in rep.checks], ["jr", "pjr", "ejr"])
        self.assertTrue(rep["jr"].passed and rep["pjr"].passed)
        e = rep["ejr"]
        self.assertTrue(e.failed, e.reason)
        self.assertEqual(e.group["common"], ["c0", "c1"])
        self.assertEqual(e.group["weight"], "4")
        self.assertTrue(accord.check(p, "pav", {"seats": 12}, checks="ejr")["ejr"].passed)

    def test_plurality_condorcet_failures_and_schulze_passes(self) -> None:
        p = orders("ABC", [("ABC", 3), ("BCA", 2), ("CBA", 2)])
        pl = accord.check(p, "plurality")
        self.assertTrue(pl["condorcet-winner"].failed)
        self.assertEqual(pl["condorcet-winner"].about, ["B"])
        self.assertTrue(pl["condorcet-loser"].failed)
        self.assertTrue(accord.check(p, "schulze")["condorcet-winner"].passed)

    def test_search_limit_is_honoured_and_stated(self) -> None:
        p = accord.Profile.from_file(DATA / "tannenbaum_irv_monotonicity.soc")
        m = accord.check(p, "borda", search_limit=2, checks="monotonicity")["monotonicity"]
        self.assertTrue(m.passed)
        self.assertFalse(m.exact)
        self.assertEqual(m.evaluated, 2)

    def test_misuse_raises_named_errors(self) -> None:
        p = orders("AB", [("AB", 2)])
        with self.assertRaises(accord.NotFound):
            accord.check(p, "irv", checks=["monotony"])
        with self.assertRaises(accord.NotFound):
            accord.check(p, "no-such-rule")
        with self.assertRaises(accord.InvalidArgument) as e:
            accord.check(p, "irv", seats=2)
        self.assertIn("seats", str(e.exception))


if __name__ == "__main__":
    unittest.main()
