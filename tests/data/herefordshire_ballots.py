"""Writes herefordshire_ballots.csv: an invented ballot per Herefordshire practice (19 practices,
real ODS codes and list sizes from ../shared/data/nhs) ranking 8 local priorities.

The rankings are made up for the worked example in docs/analysis.md: seeded Mallows draws
(repeated insertion, dispersion 0.5) around two centres, one for the practices with more than
10,000 registered patients ("town": same-day access first) and one for the smaller, mostly
rural ones ("rural": frailty and care homes first). Run: python3 herefordshire_ballots.py
"""
import csv
import random
from pathlib import Path

PRIORITIES = ["Same-day access hub", "Frailty & care homes", "Mental health practitioners",
              "Diabetes prevention", "Shared premises", "Digital front door", "Workforce retention",
              "Health inequalities outreach"]
TOWN = [0, 5, 2, 6, 3, 1, 7, 4]
RURAL = [1, 6, 0, 3, 7, 2, 4, 5]
# (practice code, registered patients) of Herefordshire's 19 practices, 2025.
PRACTICES = [("M81009", 5848), ("M81012", 13471), ("M81016", 19388), ("M81018", 6459), ("M81024", 5202),
             ("M81026", 47543), ("M81032", 12646), ("M81042", 9719), ("M81043", 8897), ("M81044", 11687),
             ("M81048", 9572), ("M81054", 7340), ("M81061", 8855), ("M81066", 8330), ("M81067", 5564),
             ("M81076", 3084), ("M81093", 10405), ("M81600", 3989), ("M81604", 6772)]


def mallows(centre, phi, rng):
    """Repeated insertion: item i of the centre goes to position j <= i with weight phi^(i-j)."""
    out = []
    for i, item in enumerate(centre):
        weights = [phi ** (i - j) for j in range(i + 1)]
        x, j = rng.random() * sum(weights), 0
        while x >= weights[j]:
            x -= weights[j]
            j += 1
        out.insert(j, item)
    return out


def main():
    rng = random.Random(2025)
    path = Path(__file__).with_name("herefordshire_ballots.csv")
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit"] + [f"rank{k + 1}" for k in range(len(PRIORITIES))])
        for code, patients in PRACTICES:
            ranking = mallows(TOWN if patients > 10000 else RURAL, 0.5, rng)
            w.writerow([code] + [PRIORITIES[c] for c in ranking])


if __name__ == "__main__":
    main()
