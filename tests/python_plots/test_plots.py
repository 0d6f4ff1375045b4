"""accord.plots with matplotlib: each plot saved to PNG and checked to be drawn (tests/png_check.py's
reader: size, many colours, ink, and the heatmap's blues). Run by ctest under an interpreter that
has matplotlib (tests/python.cmake); skipped with a notice otherwise."""
from __future__ import annotations

import sys
import tempfile
import unittest
from pathlib import Path

import accord
from accord import plots

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

def read_png(path: Path) -> tuple[int, int, int, list[bytearray]]:
    # png_check.py runs its check at import; read its source up to main() for the reader alone.
    source = (ROOT / "tests" / "png_check.py").read_text()
    namespace: dict[str, object] = {}
    exec(compile(source.split("\ndef main():")[0], "png_check.py", "exec"), namespace)
    return namespace["read_png"](str(path))  # type: ignore[operator]


def summary(path: Path) -> tuple[int, int, int, float, int, int]:
    w, h, bpp, rows = read_png(path)
    colours, ink, blue, orange = set(), 0, 0, 0
    for line in rows:
        for x in range(0, len(line), bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            colours.add((r, g, b))
            ink += r + g + b < 720
            blue += b > r + 60  # the Blues ramp and the bars' blue, not grey or orange
            orange += r > 200 and 80 < g < 150 and b < 60
    return w, h, len(colours), ink / float(w * h), blue, orange


@unittest.skipUnless(plots.available(), "NOTICE: matplotlib not installed; plots not tested")
class Plots(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def save(self, fig: object, name: str) -> tuple[int, int, int, float, int, int]:
        path = self.dir / name
        fig.savefig(path, dpi=100)  # type: ignore[attr-defined]
        self.assertTrue(path.exists())
        return summary(path)

    def place(self) -> tuple[accord.Profile, accord.Organisation]:
        return (accord.Profile.from_file(DATA / "place_ballots.csv", unit_column="unit"),
                accord.Organisation.from_file(DATA / "place_org.csv"))

    def test_rank_acceptability_heatmap(self) -> None:
        p, org = self.place()
        s = accord.smaa(p, org, "borda", weights="simplex", samples=2000, seed=1, threads=1)
        w, h, colours, ink, blue, _ = self.save(plots.rank_acceptability(s), "heatmap.png")
        print(f"heatmap {w}x{h}: {colours} colours, {100 * ink:.1f}% ink, {blue} blue pixels")
        self.assertGreater(w, 300)
        self.assertGreater(colours, 32)
        self.assertTrue(0.02 < ink < 0.9)
        self.assertGreater(blue, 500)  # the cells of high probability are dark blue
        e = accord.electorates("impartial-culture", ["irv"], candidates=4, voters=25, samples=200)
        self.assertGreater(self.save(plots.rank_acceptability(e.by_rule["irv"]), "electorates.png")[4], 200)
        m = accord.mcda_smaa({"a": [1, 0], "b": [0, 1], "c": [0.5, 0.5]}, ["x", "y"], samples=500)
        self.assertGreater(self.save(plots.rank_acceptability(m), "mcda.png")[4], 200)

    def test_sweep(self) -> None:
        p, org = self.place()
        sw = accord.sweep(p, org, rules=["borda", "irv", "plurality"], schemes=["equal", "population"])
        w, h, colours, ink, blue, orange = self.save(plots.sweep(sw), "sweep.png")
        print(f"sweep {w}x{h}: {colours} colours, {100 * ink:.1f}% ink, {blue} blue, {orange} orange pixels")
        self.assertGreater(colours, 16)
        self.assertGreater(blue, 200)
        # Rows whose winner differs from the baseline's are orange (a dict works as well).
        rows = [{"scheme": "equal", "aggregation": "normalised", "rule": "irv", "winner": "A", "kendall_tau": 1.0,
                 "winner_changed": False},
                {"scheme": "population", "aggregation": "normalised", "rule": "irv", "winner": "B",
                 "kendall_tau": -0.4, "winner_changed": True}]
        self.assertGreater(self.save(plots.sweep({"rows": rows}), "changed.png")[5], 1000)

    def test_power_shares(self) -> None:
        weights = [9, 9, 7, 3, 1, 1]
        pw = accord.power(16, weights, players=["A", "B", "C", "D", "E", "F"])
        w, h, colours, ink, blue, _ = self.save(plots.power_shares(pw, weights=weights), "power.png")
        print(f"power {w}x{h}: {colours} colours, {100 * ink:.1f}% ink, {blue} blue pixels")
        self.assertGreater(blue, 500)
        self.assertTrue(0.02 < ink < 0.9)

    def test_draws_into_given_axes(self) -> None:
        from matplotlib.figure import Figure
        fig = Figure()
        ax = fig.add_subplot()
        self.assertIs(plots.power_shares({"players": ["a", "b"], "banzhaf": [0.5, 0.5]}, ax=ax), fig)


if __name__ == "__main__":
    print(f"python {sys.version.split()[0]} at {sys.executable}; matplotlib available: {plots.available()}",
          file=sys.stderr)
    unittest.main()
