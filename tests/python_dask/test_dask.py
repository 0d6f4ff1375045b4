"""accord.dask on a real 2-process local cluster: shards counted together give exactly the
Result of one count on the concatenated file; SMAA, sweeps and electorate Monte Carlo split into
tasks give exactly the single-process report; and a worker killed mid-run changes nothing."""
from __future__ import annotations

import os
import random
import sys
import signal
import tempfile
import threading
import unittest
from pathlib import Path

import accord
import accord.dask

try:
    import cloudpickle
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError:  # pragma: no cover - the CI machine has python3-distributed
    Client = LocalCluster = None
    WorkerPlugin = object
else:
    # The worker processes do not import this file: its plugin travels by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])

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


ORG_CSV = ("id,name,kind,parent,population\nN1,North,pcn,,\nN2,South,pcn,,\n"
           "p1,P1,practice,N1,3000\np2,P2,practice,N1,5000\np3,P3,practice,N1,2000\n"
           "p4,P4,practice,N2,7000\np5,P5,practice,N2,4000\np6,P6,practice,N2,9000\n")


class KillOnce(WorkerPlugin):
    """Kills the worker process the first time a task whose key starts with `prefix` starts
    executing anywhere (the marker file records that it happened)."""

    name = "accord-kill-once"

    def __init__(self, prefix: str, marker: str) -> None:
        self.prefix, self.marker = prefix, marker

    def transition(self, key, start, finish, **kwargs):  # noqa: ANN001 - distributed's hook
        if finish == "executing" and str(key).startswith(self.prefix) and not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os._exit(1)  # as if the machine had died: the nanny starts a new worker


@unittest.skipIf(Client is None, "python3-distributed is not installed")
class DaskShards(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = Path(cls.tmp.name)
        cls.shards, cls.whole = write_shards(cls.dir, 6, 400, seed=5)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        cls.client = Client(cls.cluster)
        (cls.dir / "org.csv").write_text(ORG_CSV)
        cls.org = accord.Organisation.from_file(cls.dir / "org.csv")
        cls.profile = accord.Profile.from_file(cls.whole)

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


    # ---- analyses split into tasks ----------------------------------------------------------

    def test_smaa_split_into_tasks_equals_the_single_process_report_on_1_and_2_workers(self) -> None:
        # 653 samples: ten full 64-sample blocks and a short last one.
        for rule, sampler in [("irv", {}), ("borda", {"weights": "simplex"}), ("schulze", {"bootstrap": True})]:
            with self.subTest(rule=rule):
                expected = accord.smaa(self.profile, self.org, rule, samples=653, seed=7, threads=2, **sampler)
                two = accord.dask.smaa(self.profile, self.org, rule, self.client, samples=653, seed=7,
                                       blocks_per_task=2, **sampler)
                self.assertEqual(two.to_dict(), expected.to_dict())
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as one_cluster, \
                Client(one_cluster) as one:
            one_worker = accord.dask.smaa(self.profile, self.org, "irv", one, samples=653, seed=7, blocks_per_task=3)
        self.assertEqual(one_worker.to_dict(),
                         accord.smaa(self.profile, self.org, "irv", samples=653, seed=7).to_dict())

    def test_smaa_does_not_depend_on_how_blocks_are_cut_into_tasks(self) -> None:
        expected = accord.smaa(self.profile, self.org, "irv", samples=300, seed=3, mode="two-stage")
        for per_task in (1, 2, 5, 100):
            with self.subTest(blocks_per_task=per_task):
                got = accord.dask.smaa(self.profile, self.org, "irv", self.client, samples=300, seed=3,
                                       mode="two-stage", blocks_per_task=per_task)
                self.assertEqual(got.to_dict(), expected.to_dict())
        # Another seed is another report: the comparison can fail.
        other = accord.dask.smaa(self.profile, self.org, "irv", self.client, samples=300, seed=4, mode="two-stage")
        self.assertNotEqual(other.rank_acceptability, expected.rank_acceptability)

    def test_sweep_split_into_tasks_equals_the_single_process_report(self) -> None:
        kw = dict(rules=["irv", "borda", "schulze"], schemes=["equal", "population", "sqrt"],
                  modes=["normalised", "pooled"])
        expected = accord.sweep(self.profile, self.org, **kw)
        got = accord.dask.sweep(self.profile, self.org, client=self.client, cells_per_task=4, **kw)
        self.assertEqual(got.to_dict(), expected.to_dict())
        self.assertEqual(accord.dask.sweep(self.profile, self.org, client=self.client).to_dict(),
                         accord.sweep(self.profile, self.org).to_dict())

    def test_electorates_split_into_tasks_equal_the_single_process_report(self) -> None:
        expected = accord.electorates("impartial-culture", ["irv", "borda"], candidates=4, voters=31, samples=500,
                                      seed=11)
        got = accord.dask.electorates("impartial-culture", ["irv", "borda"], self.client, candidates=4, voters=31,
                                      samples=500, seed=11, blocks_per_task=2)
        self.assertEqual(got.to_dict(), expected.to_dict())
        ref = accord.electorates("resample", ["irv", "schulze"], reference=self.profile, voters=200, samples=200,
                                 seed=2)
        got = accord.dask.electorates("resample", ["irv", "schulze"], self.client, reference=self.profile,
                                      voters=200, samples=200, seed=2)
        self.assertEqual(got.to_dict(), ref.to_dict())

    def test_a_worker_killed_during_smaa_is_replaced_and_the_report_is_unchanged(self) -> None:
        marker = self.dir / "killed"
        expected = accord.smaa(self.profile, self.org, "irv", samples=640, seed=9)
        self.client.register_worker_plugin(KillOnce("_smaa_blocks", str(marker)))
        try:
            got = accord.dask.smaa(self.profile, self.org, "irv", self.client, samples=640, seed=9, blocks_per_task=1)
        finally:
            self.client.unregister_worker_plugin(KillOnce.name)
        self.assertTrue(marker.exists(), "no worker was killed: the test proved nothing")
        self.assertEqual(got.to_dict(), expected.to_dict())


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

    def test_parts_of_a_split_run_that_do_not_follow_each_other_are_refused(self) -> None:
        org_dir = tempfile.TemporaryDirectory()
        self.addCleanup(org_dir.cleanup)
        (Path(org_dir.name) / "org.csv").write_text(ORG_CSV)
        org = accord.Organisation.from_file(Path(org_dir.name) / "org.csv")
        p = accord.Profile(NAMES[:3])
        p.add(NAMES[:3], count=3, unit="p1")
        p.add(NAMES[1:3], count=2, unit="p4")
        o = {"rule": "irv", "samples": 300, "seed": 1}
        a = accord.dask._smaa_blocks(accord.dask.summary(p), accord.dask._ship_org(org), o, 0, 2)
        b = accord.dask._smaa_blocks(accord.dask.summary(p), accord.dask._ship_org(org), o, 3, 5)
        with self.assertRaisesRegex(accord.AccordError, "does not follow block 2"):
            accord.dask.fold([a, b])
        with self.assertRaisesRegex(accord.AccordError, "not the total of every block"):
            accord.dask._call_finish_smaa(p, org, o, accord.dask.fold([a]))  # blocks 3 and 4 missing
        with self.assertRaisesRegex(accord.AccordError, "'blocks' or 'total'"):
            accord.dask._smaa_blocks(accord.dask.summary(p), accord.dask._ship_org(org),
                                     dict(o, total=accord.dask.fold([a])), 0, 1)
        with self.assertRaisesRegex(accord.AccordError, "different runs"):
            c = accord.dask._smaa_blocks(accord.dask.summary(p), accord.dask._ship_org(org), dict(o, seed=2), 2, 3)
            accord.dask.fold([a, c])

    def test_a_malformed_summary_is_refused(self) -> None:
        with self.assertRaisesRegex(accord.AccordError, "summary"):
            accord.dask.from_summary(b'{"format": "accord-summary", "version": 2}')


if __name__ == "__main__":
    unittest.main()
