#!/usr/bin/env python3
"""Executes examples/notebook/analysis_walkthrough.ipynb with nbclient (Debian python3-nbclient and
python3-ipykernel) and checks what its cells print: the hand-worked winners of docs/weighting.md,
the sweep's impossible cell, the SMAA and tipping tables. Skips (77) without nbclient, except under
CI=true."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")

try:
    import nbclient
    import nbformat
except ImportError:
    if UNDER_CI:
        raise SystemExit("FAIL under CI: nbclient missing (apt-get install python3-nbclient python3-ipykernel)")
    print("SKIP: no nbclient (apt-get install python3-nbclient python3-ipykernel)")
    sys.exit(77)

os.environ["ACCORD_DATA"] = str(ROOT / "tests" / "data")
nb = nbformat.read(ROOT / "examples" / "notebook" / "analysis_walkthrough.ipynb", as_version=4)
nbclient.NotebookClient(nb, timeout=300, kernel_name="python3").execute()
text = []
for cell in nb.cells:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            raise SystemExit(f"cell failed: {out.get('ename')}: {out.get('evalue')}")
        text.append(out.get("text", ""))
printed = "".join(text)
print(printed)
for expected in [
    "6 units; 4 ballots; ['X', 'Y', 'Z']",
    "equal ['Y']",
    "population ['X']",
    "{'a': '3/10', 'b': '3/10', 'c': '1/5', 'd': '1/5'}",
    "equal within, population across: ['Y']",
    "population within, equal across: ['X']",
    "capped:1/5",
]:
    if expected not in printed:
        raise SystemExit(f"the notebook did not print {expected!r}")
print("notebook: every cell ran and printed the hand-worked answers")
