"""accord.power(threads=...): the exact residue passes' thread count, settable, never in the values."""
from __future__ import annotations

import unittest

import accord

# 80 players: more than 63, so the exact counts run as residue passes on threads.
WEIGHTS = [100 + 7 * i + i % 3 for i in range(80)]
QUOTA = sum(WEIGHTS) // 2 + 1


class PowerThreads(unittest.TestCase):
    def test_one_thread_and_two_give_identical_exact_values(self) -> None:
        one = accord.power(QUOTA, WEIGHTS, indices=["banzhaf", "shapley_shubik"], threads=1)
        two = accord.power(QUOTA, WEIGHTS, indices=["banzhaf", "shapley_shubik"], threads=2)
        self.assertEqual(one["swings"], two["swings"])
        self.assertEqual(one["shapley_shubik_exact"], two["shapley_shubik_exact"])
        self.assertEqual(sum(one["shapley_shubik_exact"]), 1)

    def test_a_negative_thread_count_is_refused_naming_the_option(self) -> None:
        with self.assertRaisesRegex(accord.AccordError, "threads"):
            accord.power(QUOTA, WEIGHTS, indices="banzhaf", threads=-1)


if __name__ == "__main__":
    unittest.main()
