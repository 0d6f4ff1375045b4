#!/usr/bin/env python3
"""Benchmark: a count through Python (``accord.run(p, method).winner``) against the same count
through C++ (``accord::run``) and through C (``accord_run`` and the winner accessor), on the same
profile in the same run (issue 17: at most 1.5x the C++ call).

    ACCORD_LIBRARY=build/libaccord.so PYTHONPATH=bindings/python \\
        python3 bench/python_count.py [--bench build/bench/c_api_bench] [--file FILE] [--seconds 2]

The C++ and C times come from bench/c_api_bench.cpp, run first on the same file
(ACCORD_BENCH_PROFILE), which times them interleaved call by call; Python is then timed
interleaved with a bare ctypes call of accord_run (run, winner, free) on the same profile, so its
ratio to C is measured side by side. All times are thread CPU time. Default file: Burlington
2009 (PrefLib 00005-00000002, 9 candidates, 8,980 voters) from ../shared/data."""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import subprocess
import time
from pathlib import Path

import accord
from accord._ffi import check, lib

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "preflib" / "00005 - burlington" / "00005-00000002.toi"


def cpp_and_c(bench: str, file: Path, method: str) -> tuple[float, float]:
    out = subprocess.run([bench, f"--benchmark_filter=BM_CountThroughC/{method}$", "--benchmark_format=json",
                          "--benchmark_min_time=1"],
                         env={**os.environ, "ACCORD_BENCH_PROFILE": str(file)}, check=True, capture_output=True,
                         text=True).stdout
    b = json.loads(out)["benchmarks"][0]
    return b["cpp_us"], b["c_us"]


def bare_c(profile: accord.Profile, method: bytes) -> int:
    h = ctypes.c_void_p()
    check(lib.accord_run(profile._handle, method, b"{}", ctypes.byref(h)))
    w = ctypes.c_size_t()
    check(lib.accord_result_winner(h, 0, ctypes.byref(w)))
    lib.accord_result_free(h)
    return w.value


def python_and_c(profile: accord.Profile, method: str, seconds: float) -> tuple[float, float]:
    py = c = 0.0
    n = 0
    m = method.encode()
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop or n < 20:
        t0 = time.thread_time()
        w = accord.run(profile, method).winner
        t1 = time.thread_time()
        bare_c(profile, m)
        t2 = time.thread_time()
        py += t1 - t0
        c += t2 - t1
        n += 1
        assert w is not None
    return py / n * 1e6, c / n * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=str(ROOT / "build" / "bench" / "c_api_bench"))
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--seconds", type=float, default=2.0)
    a = ap.parse_args()
    profile = accord.Profile.from_file(a.file)
    print(f"{a.file.name}: {len(profile.candidates)} candidates")
    print(f"{'method':10} {'C++ us':>9} {'C us':>9} {'Python us':>10} {'C/C++':>7} {'Py/C':>7} {'Py/C++':>7}")
    for method in ("irv", "plurality"):
        cpp, c = cpp_and_c(a.bench, a.file, method)
        py, c_here = python_and_c(profile, method, a.seconds)
        print(f"{method:10} {cpp:9.1f} {c:9.1f} {py:10.1f} {c / cpp:7.2f} {py / c_here:7.2f} "
              f"{c / cpp * py / c_here:7.2f}")


if __name__ == "__main__":
    main()
