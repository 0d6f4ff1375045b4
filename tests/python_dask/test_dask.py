"""accord.dask on a real 2-process local cluster: shards counted together give exactly the
Result of one count on the concatenated file, and a worker killed mid-run changes nothing."""
from __future__ import annotations

import os
import random
import signal
import tempfile
import threading
import unittest
from pathlib import Path

import accord
import accord.dask

try:
    from distributed import Client, LocalCluster
except ImportError:  # pragma: no cover - the CI machine has python3-distributed
    Client = LocalCluster = None

NAMES = ["Access", "Frailty", "Digital", "Workforce", "Estates"]
UNITS = ["p1", "p2", "p3", "p4", "p5", "p6"]


def write_shards(folder: Path, shards: int, rows: int, seed: int) -> tuple[list[Path], Path]:
    """CSV shards (unit, rank1..rank4), and their concatenation (one header)."""
    rng = random.Random(seed)
    header = "unit,rank1,rank2,rank3,rank4\n"
    paths, body = [], []
    for s in range(shards):
        lines = []
        for _ in range(rows):
            order = NAMES[:]
            rng.shuffle(order)
            order = order[: rng.randint(1, 4)] + [""] * 4
            lines.append(",".join([rng.choice(UNITS)] + order[:4]) + "\n")
        path = folder / f"shard{s}.csv"
        path.write_text(header + "".join(lines))
        paths.append(path)
        body.extend(lines)
    whole = folder / "all.csv"
    whole.write_text(header + "".join(body))
    return paths, whole


@unittest.skipIf(Client is None, "python3-distributed is not installed")
class DaskShards(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = Path(cls.tmp.name)
        cls.shards, cls.whole = write_shards(cls.dir, 6, 400, seed=5)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.client.close()
        cls.cluster.close()
        cls.tmp.cleanup()

    def test_sharded_counts_equal_the_count_of_the_concatenated_file(self) -> None:
        whole = accord.Profile.from_file(self.whole)
        for method, options in [("irv", {}), ("schulze", {}), ("borda", {}), ("stv", {"seats": 2})]:
            with self.subTest(method=method):
                sharded = accord.dask.run(self.shards, method, client=self.client, **options)
                self.assertEqual(sharded.to_dict(), accord.run(whole, method, **options).to_dict())

    def test_weighted_two_stage_count_of_shards_equals_the_concatenated_file(self) -> None:
        org_csv = self.dir / "org.csv"
        org_csv.write_text("id,name,kind,parent,population\nN1,North,pcn,,\nN2,South,pcn,,\n"
                           "p1,P1,practice,N1,3000\np2,P2,practice,N1,5000\np3,P3,practice,N1,2000\n"
                           "p4,P4,practice,N2,7000\np5,P5,practice,N2,4000\np6,P6,practice,N2,9000\n")
        org = accord.Organisation.from_file(org_csv)
        whole = accord.Profile.from_file(self.whole)
        expected = org.run(whole, "irv", scheme="population", mode="two-stage")
        sharded = accord.dask.run_weighted(self.shards, org, "irv", client=self.client, scheme="population",
                                           mode="two-stage")
        self.assertEqual(sharded.to_dict(), expected.to_dict())

    def test_profiles_as_shards_and_summaries_round_trip_exactly(self) -> None:
        parts = [accord.Profile.from_file(p) for p in self.shards]
        whole = accord.Profile.from_file(self.whole)
        merged = accord.dask.merged(parts, client=self.client)
        self.assertEqual(merged.voters, whole.voters)
        self.assertEqual(accord.dask.summary(merged), accord.dask.summary(whole))

    def test_a_worker_killed_mid_run_is_replaced_and_the_answer_is_unchanged(self) -> None:
        expected = accord.run(accord.Profile.from_file(self.whole), "irv").to_dict()
        result: dict[str, object] = {}

        def count() -> None:
            result["r"] = accord.dask.run(self.shards * 4, "irv", client=self.client)

        pids = self.client.run(os.getpid)
        t = threading.Thread(target=count)
        t.start()
        os.kill(pids[sorted(pids)[0]], signal.SIGKILL)  # its nanny starts a new worker
        t.join(timeout=50)
        self.assertFalse(t.is_alive())
        # Four copies of every shard: every count is multiplied by four, nothing else changes.
        four = accord.run(accord.dask.merged([self.whole] * 4), "irv").to_dict()
        self.assertEqual(result["r"].to_dict(), four)
        self.assertEqual(four["winners"], expected["winners"])


class Summaries(unittest.TestCase):
    def test_merge_matches_candidates_by_name_and_refuses_other_seats(self) -> None:
        a = accord.Profile(["A", "B"])
        a.add(["A", "B"], count=2)
        b = accord.Profile(["C", "B", "A"])
        b.add(["C", "A"], count=1)
        accord.dask.merge(a, b)
        self.assertEqual(a.candidates, ["A", "B", "C"])
        self.assertEqual(a.voters, 3)
        c = accord.Profile(["A", "B"], kind="approval")
        with self.assertRaisesRegex(accord.AccordError, "kind"):
            accord.dask.merge(a, c)

    def test_a_malformed_summary_is_refused(self) -> None:
        with self.assertRaisesRegex(accord.AccordError, "summary"):
            accord.dask.from_summary(b'{"format": "accord-summary", "version": 2}')


if __name__ == "__main__":
    unittest.main()
