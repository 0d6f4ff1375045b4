"""Regenerates tests/data/peers/epic.json: the power indices that EPIC (Staudacher et al.,
Efficient Power Index Computation) prints for a few weighted games (how and why:
tests/data/peers/README.md).

Not run by the tests: they only read the figures. Run it by hand with EPIC built from a checkout
(`make all`, Debian's libgmp-dev) at the commit recorded below:

    EPIC=/path/to/epic/epic python3 tests/data/peers/gen_epic.py > tests/data/peers/epic.json

Each index is one call of EPIC's own command line, `epic -i CODE [-p UNIONS] [-f] -w GAME.csv -q
QUOTA --quiet` (`-f`, leaving null players out, for PIF and PIG only), and its screen output is
kept as printed (six significant digits, GMP's mpf printed with the stream's default precision);
"refused: MESSAGE" where it prints an error, "crashed: signal N" where it crashes.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

EPIC_COMMIT = "684dbf3d6d8edc31479113de110bdfee4e12972f"

# Every EPIC index accord computes (docs/methods/power.md, "Beside EPIC").
INDICES = ["BZ", "ABZ", "RBZ", "SH", "RSH", "CC", "CI", "CP", "DP", "FT", "J", "PG", "APG", "RPG",
           "KB", "KBPH", "N", "NPH", "PHT", "PHTPH", "RPHT", "RA", "W", "WM",
           "RDP", "RJ", "RFT", "T", "PHX", "HN", "PIF", "PIG"]
UNION_INDICES = ["O", "BO", "SCB"]
# EPIC refuses PIF and PIG on a game with a null player unless asked to leave null players out
# (`-f`, which gives them 0); without one the flag changes nothing. accord's definitions count the
# winning coalitions without a null player, which is the same.
NULL_FREE = {"PIF", "PIG"}
# Where EPIC refuses an index (it prints "ERROR: ..." and no values: Tijs without what it takes
# for a veto player, Johnston with one), the entry is "refused: " and that line; where it
# crashes, "crashed: signal N".

EU27_NICE = [29, 29, 29, 29, 27, 27, 14, 13, 12, 12, 12, 12, 12, 10, 10, 10, 7, 7, 7, 7, 7, 4, 4, 4,
             4, 4, 3]


def random_game(seed: int, n: int) -> dict:
    rng = random.Random(seed)
    weights = [rng.randint(1, 40) for _ in range(n)]
    fraction = rng.uniform(0.5, 0.75)
    quota = int(fraction * sum(weights)) + 1
    return {"name": f"random-n{n}-s{seed}", "quota": quota, "weights": weights}


GAMES = [
    {"name": "epic_readme", "quota": 11, "weights": [9, 5, 3, 1, 1]},
    {"name": "nassau_1958", "quota": 16, "weights": [9, 9, 7, 3, 1, 1]},
    {"name": "eec_1958", "quota": 12, "weights": [4, 4, 4, 2, 2, 1],
     "unions": [[0, 1], [2, 3, 4], [5]]},
    {"name": "zero_weight", "quota": 6, "weights": [4, 3, 2, 1, 0]},
    {"name": "eu27_nice_qualified", "quota": 255, "weights": EU27_NICE},
    random_game(4101, 7),
    dict(random_game(4102, 12), unions=[[0, 1, 2], [3, 4], [5, 6, 7, 8], [9], [10, 11]]),
    random_game(4104, 23),
    # Added with RDP ... SCB: a dictator (EPIC's "veto player" is one whose weight alone meets the
    # quota), and two veto players of whom neither wins alone.
    {"name": "dictator", "quota": 6, "weights": [6, 2, 1, 1]},
    {"name": "veto_pair", "quota": 10, "weights": [4, 4, 2, 1, 1]},
]


def run(epic: str, code: str, game: dict, path: Path) -> list[str]:
    args = [epic, "-i", code]
    if "unions" in game:
        args += ["-p", ",".join("+".join(str(p + 1) for p in u) for u in game["unions"])]
    if code in NULL_FREE:
        args += ["-f"]
    args += ["-w", str(path), "-q", str(game["quota"]), "--quiet"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=600)
    out = done.stdout
    if done.returncode < 0:  # with -f and a null player of positive weight EPIC 684dbf3 crashes
        return [f"crashed: signal {-done.returncode}"]
    said = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    if said and said[0].startswith("ERROR:"):
        return ["refused: " + " ".join(said[0].split()[1:])]
    done.check_returncode()
    players = re.findall(r"^P(\d+): (\S+)$", out, re.M)
    if players:
        assert [int(p) for p, _ in players] == list(range(1, len(players) + 1)), out
        return [v for _, v in players]
    lines = [line for line in out.splitlines() if line.strip()]
    return [lines[-1].strip()]


def main() -> None:
    epic = os.environ.get("EPIC", "epic")
    games = []
    with tempfile.TemporaryDirectory() as tmp:
        for game in GAMES:
            path = Path(tmp) / f"{game['name']}.csv"
            path.write_text("".join(f"{w}\n" for w in game["weights"]))
            values: dict[str, str] = {}
            for code in INDICES + (UNION_INDICES if "unions" in game else []):
                printed = " ".join(run(epic, code, game, path))
                # KBPH, NPH and PHTPH are EPIC's second algorithms for KB, N and PHT: when they
                # print the same, keep one copy ("=KB").
                same = next((c for c, v in values.items() if v == printed and code.startswith(c)
                             and code.endswith("PH")), None)
                values[code] = f"={same}" if same else printed
            entry = {k: game[k] for k in ("name", "quota", "weights", "unions") if k in game}
            entry["epic"] = values
            games.append(entry)
    doc = {
        "peer": "EPIC",
        "repository": "https://github.com/jhstaudacher/EPIC",
        "commit": EPIC_COMMIT,
        "command": "epic -i CODE [-p UNIONS] [-f for PIF, PIG] -w GAME.csv -q QUOTA --quiet",
        "note": "Values as EPIC prints them (six significant digits); \"=KB\" means the same "
                "output as index KB; \"refused: ...\" where EPIC printed an error, \"crashed: "
                "signal N\" where it crashed. Players in the order of the weights; unions 0-based here, "
                "1-based with + and , on EPIC's -p.",
        "games": games,
    }
    text = json.dumps(doc, indent=1)
    # One game's index on one line: short enough to read, small on disk.
    text = re.sub(r"\[\s+([^\[\]]*?)\s+\]", lambda m: "[" + re.sub(r"\s+", " ", m.group(1)) + "]", text)
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
