"""The Pythonic surface over the C API: profiles from lists and dicts, reports as dicts and JSON,
the exception hierarchy, every C function reachable, and python3 -m accord (no pandas needed)."""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import unittest
from fractions import Fraction
from pathlib import Path

import accord
import accord.__main__ as accord_main
from accord import _ffi

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


class ProfilesFromPythonData(unittest.TestCase):
    def test_from_ballots_infers_candidates_in_order_of_appearance(self) -> None:
        p = accord.Profile.from_ballots([["A", "B"], ["B", ("A", "C")], ["B"]])
        self.assertEqual(p.candidates, ["A", "B", "C"])
        self.assertEqual((p.voters, p.unique_ballots), (3, 3))
        self.assertEqual(accord.run(p, "plurality").winners, ["B"])

    def test_from_dict_counts_weights_and_units(self) -> None:
        p = accord.Profile.from_dict({("Access", "Frailty"): 3, ("Frailty",): 2, "Digital": 1})
        self.assertEqual(p.candidates, ["Access", "Frailty", "Digital"])
        self.assertEqual(p.voters, 6)
        r = accord.run(p, "plurality")
        self.assertEqual(r.scores, {"Access": 3, "Frailty": 2, "Digital": 1})
        q = accord.Profile.from_dict({("A", "B"): {"count": 2, "weight": "1/2"}, ("B",): 1}, candidates=["A", "B"])
        self.assertEqual(accord.run(q, "plurality").scores, {"A": Fraction(1), "B": Fraction(1)})

    def test_from_frame_with_a_frame_like_object(self) -> None:
        class Frame:  # the two things from_frame reads of a DataFrame
            columns = ["rank1", "rank2", "count", "unit"]

            def itertuples(self, index: bool = False, name: object = None) -> list[tuple[object, ...]]:
                return [("A", "B", 4, "p1"), ("B", None, 3, "p2"), ("C", "", 2, "p1")]

        p = accord.Profile.from_frame(Frame())
        self.assertEqual((p.candidates, p.voters), (["A", "B", "C"], 9))
        org = accord.Organisation.from_file(DATA / "place_org.csv")
        r = org.run(p, "plurality", scheme="equal")  # the units reached the C profile
        self.assertEqual(r.method, "plurality")
        with self.assertRaises(accord.NotFound):
            accord.Profile.from_frame(Frame(), rank_columns=["rank9"])

    def test_result_tables_and_json(self) -> None:
        p = accord.Profile.from_dict({("A", "B", "C"): 8, ("B", "C", "A"): 6, ("C", "B", "A"): 5})
        r = accord.run(p, "irv")
        self.assertEqual([row["candidate"] for row in r.ranking_table()], ["B", "A", "C"])
        self.assertEqual(r.places(), {"B": 1, "A": 2, "C": 3})
        rows = r.rounds_table()
        self.assertIn({"round": 1, "candidate": "C", "votes": Fraction(5), "elected": False, "eliminated": True}, rows)
        self.assertEqual(json.loads(r.to_json())["winners"], ["B"])
        self.assertEqual(r.ties[0].to_dict()["policy"] if r.ties else "none", "none")


class Reports(unittest.TestCase):
    def test_power_weights_decide_apportion_are_dicts_with_json(self) -> None:
        pw = accord.power(16, [9, 9, 7, 3, 1, 1])
        self.assertIsInstance(pw, dict)
        self.assertEqual(pw.players, ["p1", "p2", "p3", "p4", "p5", "p6"])
        self.assertIn("banzhaf", pw.indices())
        self.assertEqual(json.loads(pw.to_json())["banzhaf_exact"][:3], ["1/3", "1/3", "1/3"])
        org = accord.Organisation.from_file(DATA / "place_org.csv")
        w = org.weights("population")
        self.assertIsInstance(w, accord.WeightReport)
        self.assertEqual(sum(w.shares.values()), 1)
        self.assertIsInstance(w.to_dict()["units"][0]["share_exact"], str)


class Errors(unittest.TestCase):
    def test_every_status_has_a_class_under_accord_error(self) -> None:
        for status in range(-10, 0):
            exc = accord.errors.from_status(status, "m")
            self.assertIsInstance(exc, accord.AccordError)
            self.assertEqual(exc.status, status)
            self.assertTrue(exc.status_name.startswith("ACCORD_E"))
        self.assertIsInstance(accord.errors.from_status(-4, "m"), MemoryError)
        self.assertIs(accord.OptionError, accord.InvalidArgument)

    def test_misspelt_option_and_bad_file(self) -> None:
        p = accord.Profile.from_dict({("A", "B"): 1})
        with self.assertRaisesRegex(accord.OptionError, "batch_eliminaton"):
            accord.run(p, "irv", batch_eliminaton=True)
        with self.assertRaises(ValueError):  # ParseError is a ValueError too
            accord.Profile.from_text("1\n1,A\nnot a ballot line\n", name="bad.soi", format="soi")


class Coverage(unittest.TestCase):
    def test_every_c_function_is_declared_and_used(self) -> None:
        header = (ROOT / "include" / "accord" / "accord.h").read_text()
        declared = set(re.findall(r"ACCORD_API\s+[^;(]*?\b(accord_\w+)\s*\(", header))
        self.assertGreater(len(declared), 60)
        self.assertEqual(declared - set(_ffi._SIGNATURES), set(), "accord.h functions missing from _ffi.py")
        package = "".join(f.read_text() for f in (ROOT / "bindings" / "python" / "accord").glob("*.py")
                          if f.name != "_ffi.py")
        unused = {name for name in declared if f"lib.{name}" not in package}
        # The per-field result getters are reached through accord_result_json (one call copies the
        # whole result, docs/c-api.md), so Python needs none of them.
        unused = {n for n in unused if not n.startswith(("accord_result_", "accord_version_string",
                                                         "accord_last_error"))}
        self.assertEqual(unused, set(), "C functions with no Python caller")

    def test_public_objects_have_docstrings(self) -> None:
        missing = []
        for name in accord.__all__:
            obj = getattr(accord, name)
            if name.startswith("__"):
                continue
            if not (obj.__doc__ or "").strip():
                missing.append(name)
            for attr, member in vars(obj).items() if isinstance(obj, type) else []:
                if attr.startswith("_") and attr not in ("__enter__", "__exit__"):
                    continue  # dataclasses' generated __init__ is documented by the class
                if callable(member) or isinstance(member, (property, classmethod, staticmethod)):
                    doc = getattr(member, "__doc__", None) or getattr(getattr(member, "__func__", None), "__doc__", None)
                    if not (doc or "").strip():
                        missing.append(f"{name}.{attr}")
        self.assertEqual(missing, [])


class Main(unittest.TestCase):
    def cli(self) -> str:
        path = accord_main.find_cli()
        if path is None or not Path(path).exists():
            raise unittest.SkipTest("NOTICE: no accord binary found: python3 -m accord runs its C API subset")
        return path

    def test_python_m_accord_runs_the_cli_with_the_same_output(self) -> None:
        cli = self.cli()
        for args in (["methods", "--json"], ["run", "irv", str(DATA / "small.toi"), "--json"],
                     ["power", "--quota", "16", "--weights", "9,9,7,3,1,1"], ["run", "nope", str(DATA / "small.toi")]):
            want = subprocess.run([cli, *args], capture_output=True, text=True)
            got = subprocess.run([sys.executable, "-m", "accord", *args], capture_output=True, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "bindings" / "python")})
            self.assertEqual((got.returncode, got.stdout, got.stderr), (want.returncode, want.stdout, want.stderr))

    def test_fallback_through_the_c_api_prints_the_same_json(self) -> None:
        cli = self.cli()
        want = json.loads(subprocess.run([cli, "run", "irv", str(DATA / "small.toi"), "--json"],
                                         capture_output=True, text=True, check=True).stdout)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = accord_main._fallback(["run", "irv", str(DATA / "small.toi"), "--json"])
        self.assertEqual((status, json.loads(out.getvalue())), (0, want))
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertEqual(accord_main._fallback(["report", "x.csv"]), 2)


if __name__ == "__main__":
    unittest.main()
