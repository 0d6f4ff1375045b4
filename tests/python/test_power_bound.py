"""accord.power(method="fourier"): Banzhaf with a proven error bound, labelled as such."""
from __future__ import annotations

import unittest

import accord

WEIGHTS = [1000 + 37 * i + (i * i) % 101 for i in range(40)]
QUOTA = sum(WEIGHTS) // 2 + 1


class FourierBound(unittest.TestCase):
    def test_estimates_are_labelled_and_bracket_the_exact_values(self) -> None:
        est = accord.power(QUOTA, WEIGHTS, indices="banzhaf", method="fourier")
        exact = accord.power(QUOTA, WEIGHTS, indices="banzhaf")
        self.assertEqual(est["method"], "fourier-bound")
        self.assertFalse(est["exact"])
        self.assertNotIn("banzhaf_exact", est)
        self.assertLess(est["error_bound"], 1e-6)  # a 40-player game; England reaches 3e-14
        for i, value in enumerate(exact["banzhaf_exact"]):
            self.assertLessEqual(abs(est["banzhaf"][i] - float(value)), est["error_bound"] + 1e-15)
            self.assertLessEqual(est["banzhaf_lower"][i], float(value))
            self.assertGreaterEqual(est["banzhaf_upper"][i], float(value))

    def test_other_indices_are_refused(self) -> None:
        with self.assertRaises(accord.AccordError):
            accord.power(QUOTA, WEIGHTS, indices="shapley_shubik", method="fourier")


if __name__ == "__main__":
    unittest.main()
