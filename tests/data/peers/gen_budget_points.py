"""Writes the seeded points (cumulative) participatory-budgeting instances here,
budget-points-m*-n*-b*-s7*.pb, in Pabulib's format, which accord and pabutools both read.

Each voter gives `b` points (3 or 5), one at a time, to projects drawn uniformly (so some get
several, and a voter may back one project only); costs are integers 1..10 and the budget 2/5 of
their total, rounded down. Python's `random` with the seed in the file name. Deterministic:
running it again rewrites the same bytes.

    python3 tests/data/peers/gen_budget_points.py
"""
from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (projects, voters, points per voter, seed)
INSTANCES = [(5, 8, 3, 7001), (5, 14, 5, 7002), (6, 10, 3, 7003), (6, 20, 5, 7004), (7, 12, 3, 7005),
             (7, 25, 5, 7006), (8, 16, 3, 7007), (8, 30, 5, 7008), (6, 40, 5, 7009), (9, 22, 3, 7010)]


def write(m: int, n: int, b: int, seed: int) -> None:
    rng = random.Random(seed)
    costs = [rng.randint(1, 10) for _ in range(m)]
    budget = sum(costs) * 2 // 5
    votes = []
    for _ in range(n):
        points = [0] * m
        for _ in range(b):
            points[rng.randrange(m)] += 1
        votes.append(points)
    name = f"budget-points-m{m}-n{n}-b{b}-s{seed}.pb"
    lines = ["META", "key;value",
             f"description;seeded participatory-budgeting points: each voter gives {b} points one at a time to "
             f"projects drawn uniformly (Python random, seed {seed}, tests/data/peers/gen_budget_points.py)",
             "country;none", "unit;seeded", f"instance;{seed}", f"num_projects;{m}", f"num_votes;{n}",
             f"budget;{budget}", "vote_type;cumulative", f"min_sum_points;{b}", f"max_sum_points;{b}",
             "PROJECTS", "project_id;cost;votes;score"]
    for c in range(m):
        lines.append(f"p{c};{costs[c]};{sum(1 for v in votes if v[c])};{sum(v[c] for v in votes)}")
    lines += ["VOTES", "voter_id;vote;points"]
    for i, v in enumerate(votes):
        given = [c for c in range(m) if v[c]]
        lines.append(f"{i + 1};{','.join(f'p{c}' for c in given)};{','.join(str(v[c]) for c in given)}")
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for args in INSTANCES:
        write(*args)
