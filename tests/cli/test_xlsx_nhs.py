"""The CLI over Excel workbooks and NHS England's practice files (docs/cli.md, docs/formats.md)."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "data" / "forms"
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")


def accord(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=300)


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if UNDER_CI:
            raise AssertionError(f"shared data missing under CI: {path}")
        raise unittest.SkipTest(f"NOTICE: shared data not found, test skipped: {path}")
    return path


class Xlsx(unittest.TestCase):
    def test_run_irv_on_a_workbook_elects_frailty(self) -> None:
        out = accord("run", "irv", FORMS / "excel_rank_columns.xlsx", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["winners"], ["Frailty"])

    def test_sheet_flag_reads_the_named_sheet(self) -> None:
        out = accord("run", "irv", FORMS / "excel_two_sheets.xlsx", "--sheet", "Ballots", "--count-column", "count",
                     "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["winners"], ["Frailty"])
        info = json.loads(accord("info", FORMS / "excel_rank_columns.xlsx", "--json").stdout)
        self.assertEqual(info["format"], "xlsx")

    def test_missing_sheet_and_sheet_for_csv_are_errors(self) -> None:
        out = accord("info", FORMS / "excel_two_sheets.xlsx", "--sheet", "Nope")
        self.assertEqual(out.returncode, 1)
        self.assertIn("no sheet named 'Nope'; the workbook has 'Notes', 'Ballots'", out.stderr)
        out = accord("info", ROOT / "tests" / "data" / "place_ballots.csv", "--sheet", "Sheet1")
        self.assertEqual(out.returncode, 1)
        self.assertIn("a sheet name applies only to .xlsx", out.stderr)

    def test_damaged_workbook_is_refused(self) -> None:
        out = accord("run", "irv", FORMS / "bad_truncated.xlsx")
        self.assertEqual(out.returncode, 1)
        self.assertIn("zip container is damaged", out.stderr)


class NhsFiles(unittest.TestCase):
    def test_org_join_writes_the_joined_2025_file_and_names_the_37(self) -> None:
        mapping = shared("nhs/raw/gp-reg-pat-prac-map_2025-10.csv")
        sizes = shared("nhs/raw/gp-reg-pat-prac-all_2025-04.csv")
        with tempfile.TemporaryDirectory() as d:
            out_path = Path(d) / "org.csv"
            out = accord("org", "join", mapping, "--list-sizes", sizes, "-o", out_path)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(out_path.read_bytes(), shared("nhs/practices_england_2025.csv").read_bytes())
        self.assertIn("joined 6202 practices (63560406 registered patients; 2025 shape; mapping of 2025-10-01, "
                      "list sizes of 2025-04-01)", out.stderr)
        self.assertIn("37 practice(s) of", out.stderr)

    def test_weights_from_the_raw_files_equal_the_joined_files_weights(self) -> None:
        for mapping, sizes, joined in [
                ("gp-reg-pat-prac-map_2025-10.csv", "gp-reg-pat-prac-all_2025-04.csv", "practices_england_2025.csv"),
                ("gp-reg-pat-prac-map_2022-01.csv", "gp-reg-pat-prac-all_2022-01.csv", "practices_england_2022-01.csv")]:
            with self.subTest(joined=joined):
                raw = accord("weights", shared("nhs/raw/" + mapping), "--list-sizes", shared("nhs/raw/" + sizes),
                             "--scheme", "population", "--json")
                self.assertEqual(raw.returncode, 0, raw.stderr)
                ref = accord("weights", shared("nhs/" + joined), "--scheme", "population", "--json")
                a, b = json.loads(raw.stdout), json.loads(ref.stdout)
                self.assertEqual([(u["id"], u["share_exact"]) for u in a["units"]],
                                 [(u["id"], u["share_exact"]) for u in b["units"]])
                self.assertEqual(a["provenance"]["mapping_extract_date"], b["provenance"]["mapping_extract_date"])
                self.assertEqual(a["provenance"]["list_size_extract_date"], b["provenance"]["list_size_extract_date"])


if __name__ == "__main__":
    unittest.main()
