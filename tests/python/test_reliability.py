"""Nothing the Python front door passes is silently changed on its way to C (issue 14)."""
from __future__ import annotations

import os
import tempfile
import unittest
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]


class CountsAreCheckedBeforeCtypesWrapsThem(unittest.TestCase):
    def setUp(self) -> None:
        self.p = accord.Profile(["A", "B"])

    def test_a_count_of_2_to_the_64_plus_3_is_refused_not_read_as_3(self) -> None:
        with self.assertRaisesRegex(accord.AccordOverflowError, "count 18446744073709551619 does not fit in 64 bits"):
            self.p.add(["A", "B"], count=2**64 + 3)
        self.assertEqual(self.p.voters, 0)

    def test_a_negative_count_is_refused_not_read_as_2_to_the_64_minus_1(self) -> None:
        with self.assertRaisesRegex(accord.InvalidArgument, "count must be at least 1, got -1"):
            self.p.add(["A"], count=-1)
        with self.assertRaisesRegex(accord.InvalidArgument, "count must be a whole number"):
            self.p.add(["A"], count=2.5)

    def test_a_score_beyond_32_bits_is_refused(self) -> None:
        p = accord.Profile(["A", "B"], kind="score")
        with self.assertRaisesRegex(accord.InvalidArgument, "score 4294967297 does not fit in 32 bits"):
            p.add_scores({"A": 2**32 + 1})


class NulCharactersAreRefusedNotTruncated(unittest.TestCase):
    def test_a_path_with_a_nul_does_not_open_the_file_before_it(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            Path(d, "a.toi").write_text("# FILE NAME: a\n# NUMBER ALTERNATIVES: 1\n# ALTERNATIVE NAME 1: X\n1: 1\n")
            with self.assertRaisesRegex(accord.InvalidArgument, "path contains a NUL character"):
                accord.Profile.from_file(os.path.join(d, "a.toi\x00.csv"))

    def test_a_candidate_name_with_a_nul_is_refused(self) -> None:
        with self.assertRaisesRegex(accord.InvalidArgument, "candidate name contains a NUL character"):
            accord.Profile(["A\x00B", "C"])


class MemoryBudget(unittest.TestCase):
    def test_the_budget_is_settable_and_a_pairwise_count_above_it_is_refused_with_the_estimate(self) -> None:
        old = accord.memory_budget()
        try:
            accord.set_memory_budget(1 << 20)
            self.assertEqual(accord.memory_budget(), 1 << 20)
            p = accord.Profile([f"c{i}" for i in range(2000)])
            p.add(["c0", "c1"])
            with self.assertRaisesRegex(accord.AccordMemoryError,
                                        "pairwise matrix of 2000 candidates needs about .* memory budget of 1.00 MiB"):
                accord.run(p, "schulze")
        finally:
            accord.set_memory_budget(0)
        self.assertEqual(accord.memory_budget(), old)
        with self.assertRaises(accord.InvalidArgument):
            accord.set_memory_budget(-1)


class HiddenCharacters(unittest.TestCase):
    def test_refused_by_default_allowed_on_request_and_counted(self) -> None:
        self.assertFalse(accord.hidden_characters())
        with self.assertRaisesRegex(accord.InvalidArgument, "invisible character U[+]200B"):
            accord.Profile(["A", "A\u200b"])
        before = accord.hidden_names_accepted()
        try:
            accord.set_hidden_characters(True)
            self.assertTrue(accord.hidden_characters())
            p = accord.Profile(["A", "A\u200b"])
            self.assertEqual(p.candidates, ["A", "A\u200b"])
            self.assertEqual(accord.hidden_names_accepted() - before, 1)
            with self.assertRaisesRegex(accord.InvalidArgument, "control character"):
                accord.Profile(["A", "\x1b[2J"])
        finally:
            accord.set_hidden_characters(False)
        with self.assertRaises(accord.InvalidArgument):
            accord.set_hidden_characters(1)  # type: ignore[arg-type]


class SavingNeverDestroysAnExistingFile(unittest.TestCase):
    def test_a_refused_save_leaves_the_old_file(self) -> None:
        p = accord.Profile(["A", "B"])
        p.add(["A", "B"], count=2)
        p.withdraw("B")  # the PrefLib writer refuses a withdrawn candidate
        with tempfile.TemporaryDirectory() as d:
            target = Path(d, "out.soi")
            target.write_text("precious")
            with self.assertRaises(accord.AccordError):
                p.save(target, "soi")
            self.assertEqual(target.read_text(), "precious")
            self.assertEqual(os.listdir(d), ["out.soi"])


if __name__ == "__main__":
    unittest.main()
