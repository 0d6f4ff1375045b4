"""Split runs (docs/cli.md, "Split runs"): `accord run ... --shard` on parts of a file and
`accord merge` count exactly what `accord run` counts on the whole file; shards of another
count, and truncated or damaged shards, are refused naming the shard."""
from __future__ import annotations

import json
import os
import tempfile
import unittest
from pathlib import Path

from test_cli import UNDER_CI, accord, shared

MINNEAPOLIS = "preflib/00018 - minneapolis/00018-00000001.soi"  # 36,655 voters, 721 distinct orders
MINNEAPOLIS_OTHER = "preflib/00018 - minneapolis/00018-00000003.soi"


def split_preflib(path: Path, parts: int, out_dir: Path) -> list[Path]:
    """The file's ballot lines cut into `parts` consecutive PrefLib files, each with the file's
    header and its own voter and distinct-order counts."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [l for l in lines if l.startswith("#")]
    body = [l for l in lines if l.strip() and not l.startswith("#")]
    size = -(-len(body) // parts)
    out = []
    for i in range(parts):
        chunk = body[i * size:(i + 1) * size]
        voters = sum(int(l.split(":", 1)[0]) for l in chunk)
        head = []
        for h in header:
            if h.startswith("# NUMBER VOTERS:"):
                h = f"# NUMBER VOTERS: {voters}"
            elif h.startswith("# NUMBER UNIQUE ORDERS:"):
                h = f"# NUMBER UNIQUE ORDERS: {len(chunk)}"
            head.append(h)
        p = out_dir / f"part{i}{path.suffix}"
        p.write_text("\n".join(head + chunk) + "\n", encoding="utf-8")
        out.append(p)
    return out


class SplitRuns(unittest.TestCase):
    def setUp(self) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)

    def tearDown(self) -> None:
        self._tmp.cleanup()

    def shard(self, method: str, file: Path, *flags: str) -> Path:
        self.shards_written = getattr(self, "shards_written", 0) + 1
        out = self.tmp / f"{file.stem}-{method}-{self.shards_written}.shard"
        r = accord("run", method, file, *flags, "--shard", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "", "a shard run counts nothing and prints nothing without --json")
        return out

    def test_merged_shards_of_a_real_election_count_byte_for_byte_as_the_whole_file(self) -> None:
        whole = shared(MINNEAPOLIS)
        parts = split_preflib(whole, 3, self.tmp)
        for method, flags in [("irv", []), ("stv", ["--seats", "3"]), ("schulze", []), ("borda", []),
                              ("plurality", ["--tie-break", "report"])]:
            with self.subTest(method=method):
                expected = accord("run", method, whole, *flags, "--json")
                self.assertEqual(expected.returncode, 0, expected.stderr)
                shards = [self.shard(method, p, *flags) for p in parts]
                merged = accord("merge", *shards, "--json")
                self.assertEqual(merged.returncode, 0, merged.stderr)
                self.assertEqual(merged.stdout, expected.stdout)
                text = accord("merge", *shards)
                self.assertEqual(text.stdout, accord("run", method, whole, *flags).stdout)

    def test_a_merge_in_stages_writes_a_shard_that_counts_as_the_whole(self) -> None:
        whole = shared(MINNEAPOLIS)
        parts = split_preflib(whole, 4, self.tmp)
        shards = [self.shard("irv", p) for p in parts]
        ab, cd = self.tmp / "ab.shard", self.tmp / "cd.shard"
        r = accord("merge", shards[0], shards[1], "-o", ab, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        info = json.loads(r.stdout)
        self.assertEqual(info["sources"], [str(parts[0]), str(parts[1])])
        self.assertEqual(accord("merge", shards[2], shards[3], "-o", cd).returncode, 0)
        merged = accord("merge", ab, cd, "--json")
        self.assertEqual(merged.returncode, 0, merged.stderr)
        self.assertEqual(merged.stdout, accord("run", "irv", whole, "--json").stdout)
        self.assertEqual(len(json.loads(merged.stdout)["winners"]), 1)

    def test_csv_shards_that_meet_different_candidates_merge_in_the_concatenated_files_order(self) -> None:
        rows = ["ballot_id,rank1,rank2,rank3"]
        names = ["Ames", "Bell", "Cruz", "Diaz", "Eng"]
        for i in range(300):
            a, b, c = names[i % 3], names[(i * 7 + 1) % 4], names[(i * 5 + 2) % 5]
            rows.append(f"{100000 + i},{a},{b if b != a else ''},{c if c not in (a, b) else ''}")
        rows.append("200000,Write-in Fay,Ames,")  # a candidate only the last part meets
        whole = self.tmp / "cvr.csv"
        whole.write_text("\n".join(rows) + "\n", encoding="utf-8")
        first, second = self.tmp / "cvr-1.csv", self.tmp / "cvr-2.csv"
        first.write_text("\n".join(rows[:120]) + "\n", encoding="utf-8")
        second.write_text("\n".join(rows[:1] + rows[120:]) + "\n", encoding="utf-8")
        expected = accord("run", "irv", whole, "--json")
        self.assertEqual(expected.returncode, 0, expected.stderr)
        shards = [self.shard("irv", f) for f in (first, second)]
        merged = accord("merge", *shards, "--json")
        self.assertEqual(merged.returncode, 0, merged.stderr)
        self.assertEqual(merged.stdout, expected.stdout)
        self.assertEqual(json.loads(merged.stdout)["candidates"][-1], "Write-in Fay")

    def test_shards_of_another_count_are_refused_naming_the_shard_and_the_difference(self) -> None:
        whole = shared(MINNEAPOLIS)
        a, b = split_preflib(whole, 2, self.tmp)
        irv_a = self.shard("irv", a)
        random_a = self.shard("irv", a, "--tie-break", "random")
        cases = {
            "method": (self.shard("borda", b), ["is for method \"borda\"", "\"irv\""]),
            "option given": (self.shard("irv", b, "--tie-break", "random"),
                             ["gives option 'tie_break' = \"random\"", "does not give"]),
            "option value": (self.shard("irv", b, "--tie-break", "lexicographic"),
                             ["has option 'tie_break' = \"lexicographic\"", "'tie_break' = \"random\""]),
            "reading flag": (self.shard("irv", b, "--lenient"), ["was read with the flags", "lenient"]),
            "candidates": (self.shard("irv", shared(MINNEAPOLIS_OTHER)), ["declares the candidates"]),
        }
        for what, (other, words) in cases.items():
            with self.subTest(what=what):
                first = random_a if what == "option value" else irv_a
                r = accord("merge", first, other, "--json")
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertIn(f"accord: error: {other}: ", r.stderr)
                self.assertIn(str(first), r.stderr)
                for w in words:
                    self.assertIn(w, r.stderr)

    def test_a_truncated_or_damaged_shard_is_refused_naming_it(self) -> None:
        whole = shared(MINNEAPOLIS)
        a, b = split_preflib(whole, 2, self.tmp)
        good, other = self.shard("irv", a), self.shard("irv", b)
        data = other.read_bytes()
        header_end = data.index(b"\n")
        # A count digit changed inside the summary: still valid JSON, but not the bytes written.
        pos = data.index(b"[[", header_end) + 2
        digit = data[pos:pos + 1]
        damaged = data[:pos] + (b"8" if digit != b"8" else b"9") + data[pos + 1:]
        cases = {
            "cut in the summary": (data[: header_end + 40], "truncated or damaged"),
            "cut in the header": (data[: header_end // 2], "truncated"),
            "final newline lost": (data[:-1], "truncated or damaged"),
            "a count changed": (damaged, "SHA-256"),
            "not a shard": (b"1: 1,2,3\n", "not an accord shard"),
            "a future version": (data.replace(b'"version":1', b'"version":2', 1), "unsupported shard version 2"),
        }
        for what, (content, words) in cases.items():
            with self.subTest(what=what):
                bad = self.tmp / "bad.shard"
                bad.write_bytes(content)
                r = accord("merge", good, bad)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertIn(f"accord: error: {bad}: ", r.stderr)
                self.assertIn(words, r.stderr)

    def test_a_shard_run_checks_the_method_and_option_names_at_once(self) -> None:
        whole = shared(MINNEAPOLIS)
        r = accord("run", "irv", whole, "--seats", "3", "--shard", self.tmp / "x.shard")
        self.assertEqual(r.returncode, 1)
        self.assertIn("irv: unknown option 'seats'", r.stderr)
        self.assertFalse((self.tmp / "x.shard").exists())
        r = accord("run", "no-such-rule", whole, "--shard", self.tmp / "x.shard")
        self.assertNotEqual(r.returncode, 0)
        self.assertFalse((self.tmp / "x.shard").exists())
        r = accord("run", "irv", whole, "--shard", self.tmp / "x.shard", "--record", self.tmp / "r.json")
        self.assertEqual(r.returncode, 2, "a record of part of the ballots is a usage error")

    def test_python_and_c_merge_the_cli_shards_to_the_same_result(self) -> None:
        if os.environ.get("ACCORD_SANITIZED") == "1":
            self.skipTest("NOTICE: the CLI/Python comparison runs in the plain build only")
        try:
            import importlib

            api = importlib.import_module("accord")
            api_dask = importlib.import_module("accord.dask")
        except (ImportError, OSError) as exc:
            if UNDER_CI:
                raise
            self.skipTest(f"NOTICE: the Python bindings are not importable here: {exc}")
        whole = shared(MINNEAPOLIS)
        shards = [self.shard("irv", p) for p in split_preflib(whole, 3, self.tmp)]
        summaries = [s.read_bytes().split(b"\n")[1] for s in shards]  # line 2: an accord-summary
        py = api_dask.run(summaries, "irv")  # accord_profile_deserialize + accord_profile_merge
        self.assertEqual(py.to_dict(), json.loads(accord("merge", *shards, "--json").stdout))
        self.assertEqual(py.to_dict(), api.run(api.Profile.from_file(str(whole)), "irv").to_dict())


if __name__ == "__main__":
    unittest.main()
