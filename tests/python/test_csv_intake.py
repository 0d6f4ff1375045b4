"""CSV intake through Python: accord's own CSV reads back with no options, form exports read as
their shape says, and a misread shape is refused naming the column (docs/formats.md, "CSV")."""
from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import accord

FORMS = Path(__file__).resolve().parents[1] / "data" / "forms"


class CsvIntake(unittest.TestCase):
    def test_save_csv_reads_back_with_no_options(self) -> None:
        p = accord.generate("mallows", candidates=5, phi=0.4, voters=100, seed=1)
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "gen.csv"
            p.save(path, "csv")
            q = accord.Profile.from_file(path)
        self.assertEqual(q.candidates, p.candidates)
        self.assertEqual(q.voters, 100)
        self.assertEqual(accord.run(q, "irv").winners, accord.run(p, "irv").winners)
        self.assertEqual(accord.run(q, "borda").to_dict(), accord.run(p, "borda").to_dict())

    def test_microsoft_forms_ranking_cell(self) -> None:
        p = accord.Profile.from_file(FORMS / "microsoft_forms_ranking.csv")
        self.assertEqual(p.candidates, ["Access", "Frailty", "Digital"])
        self.assertEqual(p.voters, 4)

    def test_options_reach_the_reader(self) -> None:
        with self.assertRaises(accord.ParseError) as e:
            accord.Profile.from_file(FORMS / "excel_windows1252.csv")
        self.assertIn("--encoding windows-1252", str(e.exception))
        p = accord.Profile.from_file(FORMS / "excel_windows1252.csv", encoding="windows-1252")
        self.assertEqual(p.candidates, ["Zo\u00eb Brown", "Ren\u00e9e Cole"])
        q = accord.Profile.from_file(FORMS / "cvr_two_contests.csv", contest="Council")
        self.assertEqual(q.candidates, ["Kim", "Lee"])


if __name__ == "__main__":
    unittest.main()
