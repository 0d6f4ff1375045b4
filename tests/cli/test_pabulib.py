"""accord run budget on a Pabulib file: the file's costs and budget are used unless given
(docs/methods/budget.md, "Costs and budget from a Pabulib file")."""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
# Warsaw 2019, Muranów: the city funded projects 1406 and 1582 (the file's `selected` column).
MURANOW = ROOT / "tests" / "data" / "pabulib" / "poland_warszawa_2019_muranow.pb"
SELECTED = ["1406", "1582"]


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Pabulib(unittest.TestCase):
    def test_greedy_on_a_real_file_funds_the_selected_projects(self) -> None:
        out = accord("run", "budget", MURANOW, "--option", "method=greedy", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(sorted(j["winners"]), SELECTED)
        self.assertTrue(any(n.startswith("from the file: the budget") for n in j["notes"]), j["notes"])

    def test_cumulative_votes_count_by_points(self) -> None:
        # Katowice 2021, Zarzecze: cumulative votes (up to 3 points each); the city funded its
        # projects greedily by points (the file's `selected` column)
        f = ROOT / "tests" / "data" / "pabulib" / "poland_katowice_2021_zarzecze.pb"
        text = f.read_text(encoding="utf-8")
        rows = text.split("PROJECTS\n", 1)[1].split("VOTES\n", 1)[0].splitlines()
        col = rows[0].split(";").index("selected")
        selected = sorted(r.split(";")[0] for r in rows[1:] if r.split(";")[col] == "1")
        out = accord("run", "budget", f, "--option", "method=greedy", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(sorted(j["winners"]), selected)
        self.assertEqual(j["score_name"], "points")
        mes = accord("run", "budget", f, "--option", "method=equal-shares", "--json")
        self.assertEqual(mes.returncode, 0, mes.stderr)
        self.assertIn("price per point", json.dumps(json.loads(mes.stdout)["rounds"][0]))
        refused = accord("run", "budget", f, "--option", "method=phragmen")
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn('points (score) ballots are counted by "greedy", "max-welfare", "equal-shares" and "cstv"',
                      refused.stderr)

    def test_info_names_the_format_budget_and_costs(self) -> None:
        out = accord("info", MURANOW, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["format"], "pabulib")
        self.assertEqual(j["budget"], "920000")
        self.assertEqual(list(j["costs"]), SELECTED)
        text = accord("info", MURANOW).stdout
        self.assertIn("budget:         920000", text)
        self.assertRegex(text, r"1\. 1406, cost \d+")

    def test_budget_option_wins(self) -> None:
        out = accord("run", "budget", MURANOW, "--option", "method=greedy", "--option", "budget=0", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["winners"], [])

    def test_shards_of_one_vote_merge_with_its_budget_and_costs(self) -> None:
        # Muranow's VOTES split in two files, each with the same META and PROJECTS: counted as
        # shards and merged, the city's greedy selection again; a shard that declares another
        # budget is refused by name.
        text = MURANOW.read_text(encoding="utf-8")
        head, votes = text.split("\nVOTES\n", 1)
        header, *rows = votes.strip("\n").split("\n")
        half = len(rows) // 2
        with tempfile.TemporaryDirectory() as tmp:
            shards = []
            for i, part in enumerate((rows[:half], rows[half:])):
                pb = Path(tmp) / f"part{i}.pb"
                meta = re.sub(r"(?m)^num_votes;\d+", f"num_votes;{len(part)}", head)
                pb.write_text(meta + "\nVOTES\n" + "\n".join([header, *part]) + "\n", encoding="utf-8")
                shard = Path(tmp) / f"part{i}.shard"
                out = accord("run", "budget", pb, "--option", "method=greedy", "--shard", shard)
                self.assertEqual(out.returncode, 0, out.stderr)
                shards.append(shard)
            out = accord("merge", *shards, "--json")
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(sorted(json.loads(out.stdout)["winners"]), SELECTED)
            # The same projects under another budget: not a shard of this vote.
            poorer = Path(tmp) / "poorer.pb"
            poorer.write_text(re.sub(r"(?m)^budget;[^\n]*", "budget;1000", (Path(tmp) / "part1.pb").read_text()))
            other = Path(tmp) / "other.shard"
            out = accord("run", "budget", poorer, "--option", "method=greedy", "--shard", other)
            self.assertEqual(out.returncode, 0, out.stderr)
            out = accord("merge", shards[0], other)
            self.assertNotEqual(out.returncode, 0)
            self.assertIn("different budgets", out.stderr)

    def test_convert_writes_pabulib_and_refuses_to_drop_the_budget(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            out_pb = Path(tmp) / "muranow.pb"
            out = accord("convert", MURANOW, "--to", "pabulib", "-o", out_pb)
            self.assertEqual(out.returncode, 0, out.stderr)
            again = accord("run", "budget", out_pb, "--option", "method=greedy", "--json")
            self.assertEqual(again.returncode, 0, again.stderr)
            self.assertEqual(sorted(json.loads(again.stdout)["winners"]), SELECTED)
            csv_out = Path(tmp) / "muranow.csv"
            lossy = accord("convert", MURANOW, "--to", "csv", "-o", csv_out)
            self.assertNotEqual(lossy.returncode, 0)
            self.assertIn("budget and project costs would be lost (write pabulib)", lossy.stderr)
            self.assertFalse(csv_out.exists())


if __name__ == "__main__":
    unittest.main()
