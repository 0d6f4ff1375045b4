"""`accord power` with no method flag (issue 13): the best method that fits, labelled, and the same
defaults as the C API and Python (one table in the core)."""
from __future__ import annotations

import json
import os
import subprocess
import unittest

from test_cli import UNDER_CI, shared

ACCORD = os.environ.get("ACCORD_CLI", "accord")
GAME = {"quota": 39, "weights": [7] * 5 + [1] * 10}


def accord(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=timeout)


class PowerDefaults(unittest.TestCase):
    def test_cli_c_and_python_compute_the_same_default_indices(self) -> None:
        if os.environ.get("ACCORD_SANITIZED") == "1":
            # Python cannot load an ASan-instrumented libaccord without preloading the runtime;
            # the plain build runs this comparison.
            self.skipTest("NOTICE: the CLI/C/Python comparison runs in the plain build only")
        try:
            import accord as api  # the bindings, over the C API (PYTHONPATH and ACCORD_LIBRARY)
        except (ImportError, OSError) as exc:
            if UNDER_CI:
                raise
            self.skipTest(f"NOTICE: the Python bindings are not importable here: {exc}")
        cli = json.loads(accord("power", "--quota", GAME["quota"], "--weights",
                                ",".join(map(str, GAME["weights"])), "--json").stdout)
        py = api.power(GAME["quota"], GAME["weights"])
        self.assertEqual(sorted(k for k in cli if k != "players"), sorted(k for k in py if k != "players"))
        self.assertEqual(cli["method"], py["method"])
        self.assertEqual(cli["banzhaf_exact"], [str(x) for x in py["banzhaf_exact"]])
        self.assertEqual(cli["holler_exact"], [str(x) for x in py["holler_exact"]])

    def test_no_method_flag_on_a_game_too_large_for_the_exact_programme_is_labelled_bounded(self) -> None:
        weights = [100000 + 37 * i for i in range(600)]
        out = accord("power", "--quota", sum(weights) // 2 + 1, "--weights", ",".join(map(str, weights)), "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        d = json.loads(out.stdout)
        self.assertEqual(d["method"], "fourier-bound")
        self.assertFalse(d["exact"])
        self.assertGreater(d["error_bound"], 0)
        text = accord("power", "--quota", sum(weights) // 2 + 1, "--weights", ",".join(map(str, weights)))
        self.assertIn("APPROXIMATION", text.stdout)
        self.assertIn("method auto", text.stdout)
        named = accord("power", "--quota", sum(weights) // 2 + 1, "--weights", ",".join(map(str, weights)),
                       "--indices", "banzhaf,shapley_shubik")
        self.assertEqual(named.returncode, 1)
        self.assertIn("method fourier", named.stderr)

    def test_england_pcns_with_no_method_flag_answer_labelled(self) -> None:
        if os.environ.get("ACCORD_SANITIZED") == "1":
            self.skipTest("NOTICE: England's 1,297 PCNs run in the plain build only")
        practices = shared("nhs/practices_england_2025.csv")
        out = accord("power", "--org", practices, "--level", "pcn", "--unallocated", "exclude", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        d = json.loads(out.stdout)
        self.assertEqual(len(d["players"]), 1297)
        self.assertIn(d["method"], ("fourier-bound", "dynamic-programming"))
        self.assertEqual(d["exact"], d["method"] == "dynamic-programming")


if __name__ == "__main__":
    unittest.main()
