#!/usr/bin/env python3
"""Benchmark: Profile.from_frame and Profile.from_arrays on 1,000,000 ballot rows, beside pandas'
own read_csv of the same rows (the baseline, timed in the same run; ratios printed).

    ACCORD_LIBRARY=build/libaccord.so PYTHONPATH=bindings/python python3 bench/python_from_frame.py [ROWS]

The rows: 8 priorities ranked (truncated at random), a practice code per row, in CSV as a
cast-vote record with columns unit, rank1..rank8."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import accord

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
NAMES = ["Access", "Digital", "Frailty", "Diabetes", "Workforce", "Premises", "Mental health", "Inequalities"]


def main() -> None:
    rng = np.random.default_rng(1)
    order = np.argsort(rng.random((ROWS, len(NAMES))), axis=1)
    length = rng.integers(1, len(NAMES) + 1, ROWS)
    cells = np.where(np.arange(len(NAMES))[None, :] < length[:, None], order, -1).astype(np.int32)
    names = np.array(NAMES + [""], dtype=object)
    frame = pd.DataFrame({f"rank{k + 1}": names[cells[:, k]] for k in range(len(NAMES))})
    frame.insert(0, "unit", [f"M{81000 + i % 78}" for i in range(ROWS)])
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ballots.csv"
        frame.to_csv(path, index=False)
        t = time.perf_counter()
        read = pd.read_csv(path)
        t_csv = time.perf_counter() - t
    t = time.perf_counter()
    p = accord.Profile.from_frame(read, candidates=NAMES)
    t_frame = time.perf_counter() - t
    units = read["unit"].to_numpy(dtype=object)
    t = time.perf_counter()
    q = accord.Profile.from_arrays(cells, NAMES, units=units)
    t_arrays = time.perf_counter() - t
    assert p.voters == q.voters == ROWS, (p.voters, q.voters)
    assert p == q
    print(f"rows                    {ROWS:>12,}")
    print(f"distinct ballots        {p.unique_ballots:>12,}")
    print(f"pandas.read_csv         {t_csv:>10.3f} s  (baseline)")
    print(f"Profile.from_frame      {t_frame:>10.3f} s  x_read_csv {t_frame / t_csv:.2f}")
    print(f"Profile.from_arrays     {t_arrays:>10.3f} s  x_read_csv {t_arrays / t_csv:.2f}")


if __name__ == "__main__":
    main()
