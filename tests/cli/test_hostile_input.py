"""The CLI against hostile input (issue 14, docs/limits.md): named errors, no escape sequences,
files in JSON named, outputs never destroyed."""
from __future__ import annotations

import os
import subprocess
import tempfile
import unittest
from pathlib import Path

ACCORD = os.environ.get("ACCORD_CLI", "accord")
ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "small.toi"


def accord(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ACCORD, *map(str, args)], capture_output=True, timeout=120)


class HostileInput(unittest.TestCase):
    def test_a_broken_ahp_or_mcda_file_is_named_in_the_error(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            bad = Path(d, "judgements.json")
            bad.write_text('{"items": [')
            for command, what in (("ahp", "AHP input"), ("mcda", "MCDA table")):
                out = accord(command, bad)
                self.assertEqual(out.returncode, 1)
                self.assertIn(f"{bad}: {what} is not valid JSON".encode(), out.stderr)
                self.assertNotIn(b"json.exception", out.stderr)

    def test_an_escape_sequence_in_a_name_never_reaches_the_terminal(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            soi = Path(d, "esc.soi")
            soi.write_bytes(b"# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n"
                            b"# ALTERNATIVE NAME 2: B\x1b[2J\n1: 1,2\n")
            out = accord("run", "irv", soi)
            self.assertEqual(out.returncode, 1)
            self.assertIn(b"esc.soi:3:", out.stderr)
            self.assertNotIn(b"\x1b", out.stderr + out.stdout)

    def test_hidden_characters_are_refused_unless_allowed_and_then_flagged(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            soi = Path(d, "rtl.soi")
            soi.write_bytes("# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n"
                            "# ALTERNATIVE NAME 2: B\u202eC\n3: 2,1\n1: 1,2\n".encode())
            refused = accord("run", "plurality", soi)
            self.assertEqual(refused.returncode, 1)
            self.assertIn(b"rtl.soi:3:", refused.stderr)
            self.assertIn(b"bidirectional control U+202E", refused.stderr)
            allowed = accord("--allow-hidden-characters", "run", "plurality", soi, "--json")
            self.assertEqual(allowed.returncode, 0, allowed.stderr)
            self.assertIn("B\u202eC".encode(), allowed.stdout)
            self.assertIn(b"accord: note: 1 name(s) hold bidirectional controls or invisible characters",
                          allowed.stderr)
            by_env = subprocess.run([ACCORD, "run", "plurality", str(soi)], capture_output=True, timeout=120,
                                    env={**os.environ, "ACCORD_HIDDEN_CHARACTERS": "allow"})
            self.assertEqual(by_env.returncode, 0, by_env.stderr)
            self.assertIn(b"accord: note: 1 name(s)", by_env.stderr)

    def test_a_refused_convert_leaves_the_existing_output(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            target = Path(d, "out.debian_votes")
            target.write_text("precious")
            many = Path(d, "many.soi")
            names = "".join(f"# ALTERNATIVE NAME {i}: c{i}\n" for i in range(1, 41))
            many.write_text(f"# NUMBER ALTERNATIVES: 40\n{names}1: 1,2\n")
            out = accord("convert", many, "--to", "debian", "-o", target)
            self.assertEqual(out.returncode, 1)
            self.assertIn(b"at most 35 options", out.stderr)
            self.assertEqual(target.read_text(), "precious")
            self.assertEqual(sorted(os.listdir(d)), ["many.soi", "out.debian_votes"])


if __name__ == "__main__":
    unittest.main()
