"""Python over the .xlsx reader and NHS England's practice files (docs/formats.md)."""
from __future__ import annotations

import os
import tempfile
import unittest
from pathlib import Path

import accord

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "data" / "forms"
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if UNDER_CI:
            raise AssertionError(f"shared data missing under CI: {path}")
        raise unittest.SkipTest(f"NOTICE: shared data not found, test skipped: {path}")
    return path


class Xlsx(unittest.TestCase):
    def test_rank_columns_workbook_elects_frailty_by_irv(self) -> None:
        p = accord.Profile.from_file(FORMS / "excel_rank_columns.xlsx")
        self.assertEqual(accord.run(p, "irv").winners, ["Frailty"])
        self.assertEqual(accord.run(p, "plurality").winners, ["Access"])

    def test_named_sheet_and_count_column_are_reading_options(self) -> None:
        p = accord.Profile.from_file(FORMS / "excel_two_sheets.xlsx", sheet="Ballots", count_column="count")
        self.assertEqual(accord.run(p, "irv").winners, ["Frailty"])

    def test_missing_sheet_raises_not_found(self) -> None:
        with self.assertRaisesRegex(accord.NotFound, "no sheet named 'Votes'"):
            accord.Profile.from_file(FORMS / "excel_two_sheets.xlsx", sheet="Votes")

    def test_merged_header_raises_parse_error_naming_the_range(self) -> None:
        with self.assertRaisesRegex(accord.ParseError, "cells B1:D1 are merged"):
            accord.Profile.from_file(FORMS / "excel_merged_header.xlsx")

    def test_cell_limit_is_an_option(self) -> None:
        with self.assertRaisesRegex(accord.ParseError, "xlsx_max_cells"):
            accord.Profile.from_file(FORMS / "excel_rank_columns.xlsx", xlsx_max_cells=5)


class NhsFiles(unittest.TestCase):
    def test_from_nhs_gives_the_joined_files_weights_and_dates(self) -> None:
        mapping = shared("nhs/raw/gp-reg-pat-prac-map_2025-10.csv")
        sizes = shared("nhs/raw/gp-reg-pat-prac-all_2025-04.csv")
        raw = accord.Organisation.from_nhs(mapping, sizes)
        joined = accord.Organisation.from_file(shared("nhs/practices_england_2025.csv"))
        a, b = raw.weights("population"), joined.weights("population")
        self.assertEqual(len(a.shares), 6202)
        self.assertEqual(a.shares, b.shares)
        self.assertEqual(a["provenance"]["mapping_extract_date"], "2025-10-01")
        self.assertEqual(raw.provenance["list_size_extract_date"], "2025-04-01")
        self.assertEqual(len(raw.provenance["list_size_practices_not_in_mapping"].split(",")), 37)

    def test_join_nhs_writes_the_joined_file(self) -> None:
        mapping = shared("nhs/raw/gp-reg-pat-prac-map_2022-01.csv")
        sizes = shared("nhs/raw/gp-reg-pat-prac-all_2022-01.csv")
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "org.csv"
            report = accord.join_nhs(mapping, sizes, out)
            self.assertEqual(out.read_bytes(), shared("nhs/practices_england_2022-01.csv").read_bytes())
        self.assertEqual(report["shape"], "2022")
        self.assertEqual(report["practices"], 6527)
        self.assertEqual(report["list_size_practices_not_in_mapping"], [])

    def test_mapped_practice_without_list_size_raises(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            m, s = Path(d) / "map.csv", Path(d) / "all.csv"
            m.write_text("EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,CCG_CODE,"
                         "CCG_NAME,STP_CODE,STP_NAME,COMM_REGION_CODE,COMM_REGION_NAME\n"
                         "01Jan2022,P1,ONE,X,U1,PCN,01A,CCG,QAA,STP,Y1,North\n"
                         "01Jan2022,P2,TWO,X,U1,PCN,01A,CCG,QAA,STP,Y1,North\n")
            s.write_text("EXTRACT_DATE,CODE,SEX,AGE,NUMBER_OF_PATIENTS\n01Jan2022,P1,ALL,ALL,10\n")
            with self.assertRaisesRegex(accord.ParseError, "no list size in .*: P2"):
                accord.Organisation.from_nhs(m, s)


if __name__ == "__main__":
    unittest.main()
