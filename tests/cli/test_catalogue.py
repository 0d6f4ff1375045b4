"""accord run with the catalogue rules (docs/methods/<rule>.md): every new rule by name from the CLI."""
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
SMALL = ROOT / "tests" / "data" / "small.toi"  # 5 North; 4 South>North; 2 East>South; 1 West>South
BOOK = ROOT / "tests" / "data" / "abc_book_example.cat"  # Lackner & Skowron, Example 2.1

NEW_RULES = [
    "benham", "woodall", "smith-irv", "condorcet-irv", "tideman-alternative", "btr-irv", "raynaud",
    "strict-nanson", "iterated-removal-condorcet-loser", "daunou", "condorcet-plurality", "smith-minimax",
    "copeland-local-borda", "copeland-global-borda", "borda-minimax-faceoff", "pareto", "split-cycle",
    "stable-voting", "simple-stable-voting", "av", "sav", "cc", "slav", "geometric", "seq-cc", "seq-slav",
    "revseq-pav", "sntv", "limited", "block", "river", "monroe", "greedy-monroe", "minimax-av", "lex-cc",
    "lex-minimax-av", "adams", "phragmen-enestrom", "consensus", "eph", "revseq-cc",
    "superior-voting", "bracket-voting", "knockout", "plurality-veto", "serial-veto", "simultaneous-veto",
    "simplified-bucklin", "weighted-bucklin", "iterated-bucklin", "split-irv", "dis-and-approval",
    "relative-utilitarian",
    "maximin-utility", "lex-maximin", "nash", "random-dictator", "maximal-lotteries", "bipartisan-set",
    "essential-set", "dodgson", "young", "minimax-phragmen", "leximax-phragmen", "maximin-support",
    "copeland-set",
]


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, text=True, timeout=120)


class Catalogue(unittest.TestCase):
    def test_methods_lists_every_new_rule(self) -> None:
        out = accord("methods", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        names = {m["name"] for m in json.loads(out.stdout)}
        for rule in NEW_RULES:
            self.assertIn(rule, names)

    def test_methods_family_gives_one_family_as_text_or_json(self) -> None:
        # --family picks one table; its JSON is the C and Python listing (accord_apportion_methods_json,
        # accord.apportion_methods; accord_power_indices_json, accord.power_indices).
        apportion = json.loads(accord("methods", "--family", "apportionment", "--json").stdout)
        self.assertEqual([m["name"] for m in apportion], ["hamilton", "jefferson", "webster", "huntington-hill", "adams"])
        self.assertEqual(apportion[2]["aliases"], ["sainte-lague"])
        power = json.loads(accord("methods", "--family", "power", "--json").stdout)
        self.assertEqual(power[1], {"name": "shapley_shubik", "summary": "Shapley-Shubik", "docs": "docs/methods/power.md"})
        run_json = json.loads(accord("methods", "--family", "run", "--json").stdout)
        self.assertEqual(run_json, json.loads(accord("methods", "--json").stdout))
        text = accord("methods", "--family", "power").stdout
        self.assertRegex(text, r"^  banzhaf +Banzhaf \(normalised and absolute, with the swings\)\n +docs: docs/methods/power.md\n")
        self.assertNotIn("hamilton", text)
        self.assertNotIn("Apportionment (", accord("methods", "--family", "run").stdout)
        for bad in (["--family", "lottery"], ["irv", "--family", "power"]):
            out = accord("methods", *bad)
            self.assertNotEqual(out.returncode, 0, bad)

    def test_methods_lists_the_apportionment_methods_and_power_indices_with_their_pages(self) -> None:
        # The rules other commands count (issue 18: `accord methods` lists every rule), each with
        # a docs page that exists; every name listed is accepted by its command.
        out = accord("methods")
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout
        self.assertIn("Apportionment (accord apportion", text)
        self.assertIn("Power indices (accord power", text)
        apportion_part = text.split("Apportionment (accord apportion", 1)[1].split("Power indices", 1)[0]
        power_part = text.split("Power indices (accord power", 1)[1]
        apportion = re.findall(r"^  (\S+)  ", apportion_part, re.M)
        self.assertEqual(apportion, ["hamilton", "jefferson", "webster", "huntington-hill", "adams"])
        self.assertIn("aliases: largest-remainder", apportion_part)
        self.assertIn("aliases: sainte-lague", apportion_part)
        indices = re.findall(r"^  (\S+)  .*\n +docs: (\S+)$", power_part, re.M)
        for index in ["banzhaf", "shapley_shubik", "holler", "chow", "rae", "colomer", "owen", "banzhaf_owen",
                      "minimal_winning", "coleman"]:
            self.assertIn(index, [name for name, _ in indices])
        for _, page in indices + [(None, p) for p in re.findall(r"docs: (\S+)", apportion_part)]:
            self.assertTrue(os.path.exists(os.path.join(ROOT, page)), page)
        org = str(ROOT / "tests" / "data" / "four_two_pcns_org.csv")
        for name in apportion + ["largest-remainder", "dhondt", "sainte-lague"]:
            with self.subTest(method=name):
                run = accord("apportion", org, "--level", "pcn", "--seats", "3", "--method", name, "--json")
                self.assertEqual(run.returncode, 0, run.stderr)
        bad = accord("apportion", org, "--seats", "3", "--method", "lottery")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("hamilton (largest-remainder), jefferson (dhondt), webster (sainte-lague)", bad.stderr)

    def test_condorcet_hybrids_elect_the_condorcet_winner_south(self) -> None:
        # South beats North 7-5, East 5-2 and West 6-1 (unranked candidates last).
        for rule in ["benham", "woodall", "smith-irv", "condorcet-irv", "tideman-alternative", "btr-irv",
                     "raynaud", "strict-nanson", "daunou", "condorcet-plurality", "smith-minimax",
                     "split-cycle", "stable-voting", "simple-stable-voting", "river"]:
            with self.subTest(rule=rule):
                out = accord("run", rule, SMALL, "--json")
                self.assertEqual(out.returncode, 0, out.stderr)
                self.assertEqual(json.loads(out.stdout)["winners"], ["South"])

    def test_pref_voting_catalogue_rules_elect_south(self) -> None:
        # Superior voting: South's points are all 12 first preferences. Bracket: North beats West,
        # South beats East, South beats North 7-5. Knockout: South never loses a match. Split-IRV:
        # West, then East, then North go.
        for rule in ["superior-voting", "bracket-voting", "knockout", "split-irv"]:
            with self.subTest(rule=rule):
                out = accord("run", rule, SMALL, "--json")
                self.assertEqual(out.returncode, 0, out.stderr)
                self.assertEqual(json.loads(out.stdout)["winners"], ["South"])

    def test_random_dictator_records_its_seeded_draw(self) -> None:
        out = accord("run", "random-dictator", SMALL, "--options", '{"seed": 9}', "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["ties"][0]["purpose"], "lottery draw")
        self.assertEqual(j["ties"][0]["seed"], 9)
        self.assertEqual(len(j["winners"]), 1)

    def test_maximal_lotteries_print_the_exact_lottery_and_the_draw(self) -> None:
        # South is the Condorcet winner (7-5, 5-2, 6-1): probability 1, and every draw picks it.
        out = accord("run", "maximal-lotteries", SMALL, "--options", '{"seed": 3}', "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        j = json.loads(out.stdout)
        self.assertEqual(j["winners"], ["South"])
        self.assertEqual(j["ties"][0]["purpose"], "lottery draw")
        for rule in ("bipartisan-set", "essential-set"):
            with self.subTest(rule=rule):
                out = accord("run", rule, SMALL, "--json")
                self.assertEqual(out.returncode, 0, out.stderr)
                self.assertEqual(json.loads(out.stdout)["winners"], ["South"])
        out = accord("run", "bipartisan-set", SMALL, "--options", '{"seed": 1}')
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("seed", out.stderr)

    def test_dodgson_and_young_score_a_three_cycle_and_refuse_truncated_ballots(self) -> None:
        # 2 a>b>c, 2 b>c>a, 1 c>a>b (docs/methods/dodgson.md): Dodgson 1, 1, 2; Young 3, 3, 1.
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "cycle.soc"
            path.write_text("# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n"
                            "# NUMBER UNIQUE ORDERS: 3\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n"
                            "# ALTERNATIVE NAME 3: c\n2: 1,2,3\n2: 2,3,1\n1: 3,1,2\n")
            for rule, scores in (("dodgson", {"a": 1, "b": 1, "c": 2}), ("young", {"a": 3, "b": 3, "c": 1})):
                with self.subTest(rule=rule):
                    out = accord("run", rule, path, "--json")
                    self.assertEqual(out.returncode, 0, out.stderr)
                    j = json.loads(out.stdout)
                    self.assertEqual(j["scores"], scores)
                    self.assertEqual(j["winners"], ["a"])  # a ties b; lexicographic
        out = accord("run", "dodgson", SMALL)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("needs complete rankings", out.stderr)

    def test_plurality_veto_refuses_truncated_ballots_naming_one(self) -> None:
        out = accord("run", "plurality-veto", SMALL)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("needs complete rankings", out.stderr)

    def test_sntv_uses_the_seats_flag(self) -> None:
        j = json.loads(accord("run", "sntv", SMALL, "--seats", "2", "--json").stdout)
        self.assertEqual(j["winners"], ["North", "South"])  # first preferences 5 and 4
        out = accord("run", "sntv", SMALL)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("option 'seats' is required", out.stderr)

    def test_chamberlin_courant_on_the_book_example(self) -> None:
        j = json.loads(accord("run", "cc", BOOK, "--seats", "4", "--json").stdout)
        self.assertEqual(sorted(j["winners"]), ["a", "e", "f", "g"])  # abcvoting example203

    def test_monroe_rules_on_the_book_example(self) -> None:
        j = json.loads(accord("run", "greedy-monroe", BOOK, "--seats", "4", "--json").stdout)
        self.assertEqual(j["winners"], ["a", "c", "d", "f"])  # abcvoting example208
        j = json.loads(accord("run", "monroe", BOOK, "--seats", "4", "--json").stdout)
        example207 = {"abce", "abcf", "abcg", "abdf", "acdf", "bcdf"}  # the six Monroe optima
        self.assertIn("".join(sorted(j["winners"])), example207)
        out = accord("run", "lex-cc", BOOK)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("option 'seats' is required", out.stderr)

    def test_phragmen_rules_on_the_book_example(self) -> None:
        # Lackner & Skowron, Example 2.10: five minimax-Phragmen optima, leximax-Phragmen {a,b,c,f}.
        j = json.loads(accord("run", "leximax-phragmen", BOOK, "--seats", "4", "--json").stdout)
        self.assertEqual(j["winners"], ["a", "b", "c", "f"])
        j = json.loads(accord("run", "minimax-phragmen", BOOK, "--seats", "4", "--json").stdout)
        self.assertIn("".join(sorted(j["winners"])), {"abcd", "abcf", "abdf", "acdf", "bcdf"})
        out = accord("run", "maximin-support", BOOK, "--json")
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("option 'seats' is required", out.stderr)

    def test_copeland_set_names_every_top_scorer(self) -> None:
        # small.toi: South beats everyone, so the set is South alone.
        j = json.loads(accord("run", "copeland-set", SMALL, "--json").stdout)
        self.assertEqual(j["winners"], ["South"])
        self.assertEqual(j["ties"], [])


if __name__ == "__main__":
    unittest.main()
