"""Adds abcvoting's leximax-Phragmen committees to tests/data/peers/abcvoting.json for the given
seeded profiles (how and why: tests/data/peers/README.md, "abcvoting").

Not run by the tests: they only read the figures. Run it by hand with Debian's python3 (which has
python3-pulp; coinor-cbc gives /usr/bin/cbc) and an abcvoting checkout at commit 2c0c412 on
ABCVOTING (a directory holding the `abcvoting` package):

    ABCVOTING=/path/to/abcvoting /usr/bin/python3 tests/data/peers/gen_abcvoting_leximax.py \\
        tests/data/peers/approval-m6-n8-k3-s1003.cat ...

abcvoting offers leximax-Phragmen only through gurobi; its pulp model
(`abcrules_pulp._pulp_leximaxphragmen`) is called directly with CBC, resolute=False (every
winning committee). Modules it imports but this model never calls (gurobipy, numpy, networkx,
ortools, prefsampling) are replaced by empty ones. A profile that does not finish within
LEXIMAX_SECONDS (default 1200) keeps its `peer_errors` entry.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from peer_stubs import Anything

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def read_cat(path: Path) -> tuple[int, list[list[int]]]:
    """Candidates and approval ballots (0-based) of a PrefLib .cat file of Yes/No categories."""
    m = 0
    ballots: list[list[int]] = []
    for line in path.read_text().splitlines():
        if line.startswith("# NUMBER ALTERNATIVES:"):
            m = int(line.split(":")[1])
        elif line.strip() and not line.startswith("#"):
            count, rest = line.split(":", 1)
            yes = re.match(r"\s*\{([^}]*)\}", rest).group(1)
            ballots += [[int(x) - 1 for x in yes.split(",") if x.strip()]] * int(count)
    return m, ballots


def committees(path: Path, seats: int) -> list[list[str]]:
    """Run in this process: every leximax-Phragmen committee of one profile."""
    sys.path.insert(0, os.environ.get("ABCVOTING", "."))
    for name in ["gurobipy", "numpy", "networkx", "prefsampling", "prefsampling.approval", "ortools",
                 "ortools.sat", "ortools.sat.python", "mip"]:
        sys.modules.setdefault(name, Anything(name))
    import pulp

    # Debian's pulp has no bundled CBC binary: point abcvoting's CBC at Debian's.
    pulp.PULP_CBC_CMD = lambda msg=False, **k: pulp.COIN_CMD(path="/usr/bin/cbc", msg=msg, **k)
    from abcvoting import abcrules_pulp
    from abcvoting.preferences import Profile

    m, ballots = read_cat(path)
    profile = Profile(m)
    profile.add_voters(ballots)
    found = abcrules_pulp._pulp_leximaxphragmen(profile, seats, resolute=False, max_num_of_committees=None,
                                                solver_id="cbc", lexicographic_tiebreaking=False)
    names = [chr(ord("a") + c) for c in range(m)]
    return sorted(sorted(names[c] for c in committee) for committee in found)


def main() -> None:
    if sys.argv[1:2] == ["--one"]:  # child: one profile, committees as JSON on stdout
        print(json.dumps(committees(Path(sys.argv[2]), int(sys.argv[3]))))
        return
    table_path = HERE / "abcvoting.json"
    table = json.loads(table_path.read_text())
    by_file = {entry["file"]: entry for entry in table["profiles"]}
    limit = float(os.environ.get("LEXIMAX_SECONDS", "1200"))
    for arg in sys.argv[1:]:
        path = Path(arg).resolve()
        entry = by_file[str(path.relative_to(ROOT))]
        try:
            out = subprocess.run([sys.executable, __file__, "--one", str(path), str(entry["seats"])],
                                 check=True, capture_output=True, text=True, timeout=limit).stdout
        except subprocess.TimeoutExpired:
            print(f"{arg}: not finished in {limit:.0f} s", file=sys.stderr)
            continue
        except subprocess.CalledProcessError as e:
            print(f"{arg}: failed\n{e.stderr}", file=sys.stderr)
            continue
        entry["committees"]["leximax-phragmen"] = json.loads(out)
        errors = entry.get("peer_errors", {})
        errors.pop("leximax-phragmen", None)
        if not errors:
            entry.pop("peer_errors", None)
        print(f"{arg}: {entry['committees']['leximax-phragmen']}", file=sys.stderr)
        table_path.write_text(json.dumps(table, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
