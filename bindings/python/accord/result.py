"""Counting a profile with a registered method, and the result copied out of the C result."""
from __future__ import annotations

import ctypes
import json
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any, Mapping

from ._convert import pandas
from ._ffi import check, lib
from ._progress import _Progress
from .profile import Profile

__all__ = ['Result', 'Round', 'Tie', 'Transfer', 'run']


def _fraction(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


@dataclass(frozen=True)
class Transfer:
    """Votes moved from one candidate to another (or to "exhausted")."""
    source: str
    target: str
    votes: Fraction

    def to_dict(self) -> dict[str, Any]:
        """{"source", "target", "votes"} with the votes as an exact string."""
        return {"source": self.source, "target": self.target, "votes": str(self.votes)}


@dataclass(frozen=True)
class Round:
    """One round of a count. Tallies are exact Fractions, by candidate name."""
    number: int
    tallies: dict[str, Fraction]
    elected: list[str]
    eliminated: list[str]
    exhausted: Fraction
    transfers: list[Transfer] = field(default_factory=list)
    threshold: Fraction | None = None
    #: STV: fraction of each paper's value that moved with the surplus transferred this stage.
    transfer_value: Fraction | None = None
    #: STV: votes lost to the rule's rounding so far.
    lost: Fraction | None = None


@dataclass(frozen=True)
class Tie:
    """A tie the count had to break: who was tied, by which policy, who was chosen."""
    round: int
    purpose: str
    candidates: list[str]
    policy: str
    chosen: list[str]
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The tie as a plain dict (as in the result JSON's "ties")."""
        return asdict(self)


@dataclass(frozen=True)
class Result:
    """The result of a count, copied out of the C result (nothing dangles)."""
    method: str
    candidates: list[str]
    winners: list[str]
    ranking: list[list[str]]
    rounds: list[Round]
    ties: list[Tie]
    complete: bool
    scores: dict[str, Fraction]
    raw: dict[str, Any] = field(repr=False)

    @property
    def winner(self) -> str | None:
        """The first winner, or None."""
        return self.winners[0] if self.winners else None

    def to_dict(self) -> dict[str, Any]:
        """The result as the JSON object of the CLI contract (docs/cli.md)."""
        return json.loads(json.dumps(self.raw))

    def to_json(self, indent: int | None = None) -> str:
        """The result as JSON text: the same object as ``accord run ... --json``."""
        return json.dumps(self.raw, indent=indent)

    def places(self) -> dict[str, float]:
        """Each candidate's place in the ranking, 1 = first; tied candidates share the mean of
        the places they span (a tier of two in places 2 and 3 gives 2.5 each)."""
        out: dict[str, float] = {}
        start = 1
        for tier in self.ranking:
            for c in tier:
                out[c] = start + (len(tier) - 1) / 2
            start += len(tier)
        return out

    def _repr_html_(self) -> str:
        """Notebook display: the ranking with places and scores."""
        from ._html import table
        rows = []
        for place, tier in enumerate(self.ranking, start=1):
            for c in tier:
                score = self.scores.get(c)
                rows.append([place, c, "" if score is None else (str(score) if score.denominator == 1 else
                                                                 f"{float(score):.4g} ({score})")])
        return table(["place", "candidate", "score"], rows, f"{self.method}: winner {self.winner or '(tie)'}")

    def ranking_table(self) -> list[dict[str, Any]]:
        """One row per candidate, best first: {candidate, place, tier, score, score_exact,
        winner}; ``score`` is a float (None if the method gives none), ``score_exact`` a
        Fraction."""
        places = self.places()
        tier_of = {c: i + 1 for i, tier in enumerate(self.ranking) for c in tier}
        order = [c for tier in self.ranking for c in tier] + [c for c in self.candidates if c not in places]
        return [{"candidate": c, "place": places.get(c), "tier": tier_of.get(c),
                 "score": float(self.scores[c]) if c in self.scores else None,
                 "score_exact": self.scores.get(c), "winner": c in self.winners} for c in order]

    def rounds_table(self) -> list[dict[str, Any]]:
        """One row per round and candidate in the count: {round, candidate, votes (an exact
        Fraction), elected, eliminated}, plus one row per round for candidate "exhausted"."""
        rows: list[dict[str, Any]] = []
        for r in self.rounds:
            for c, v in r.tallies.items():
                rows.append({"round": r.number, "candidate": c, "votes": v, "elected": c in r.elected,
                             "eliminated": c in r.eliminated})
            rows.append({"round": r.number, "candidate": "exhausted", "votes": r.exhausted, "elected": False,
                         "eliminated": False})
        return rows

    def to_frame(self) -> Any:
        """The ranking as a pandas DataFrame indexed by candidate (columns place, tier, score,
        score_exact, winner), best first. Needs pandas."""
        pd = pandas()
        return pd.DataFrame(self.ranking_table()).set_index("candidate")

    def rounds_frame(self, wide: bool = False) -> Any:
        """The rounds as a pandas DataFrame. Long form (default): one row per round and candidate
        with columns round, candidate, votes (float), votes_exact (Fraction), elected,
        eliminated. ``wide=True``: one row per round, one column of votes per candidate (NaN once
        out of the count) and "exhausted". Needs pandas."""
        pd = pandas()
        rows = self.rounds_table()
        frame = pd.DataFrame([{**r, "votes": float(r["votes"]), "votes_exact": r["votes"]} for r in rows],
                             columns=["round", "candidate", "votes", "votes_exact", "elected", "eliminated"])
        if not wide:
            return frame
        table = frame.pivot(index="round", columns="candidate", values="votes")
        order = [c for c in self.candidates if c in table.columns] + ["exhausted"]
        return table[[c for c in order if c in table.columns]]


def _result_from(handle: ctypes.c_void_p) -> Result:
    s = ctypes.c_char_p()
    check(lib.accord_result_json(handle, ctypes.byref(s)))
    raw = json.loads(s.value.decode())
    rounds = []
    for rd in raw.get("rounds", []):
        rounds.append(Round(
            number=rd["round"],
            tallies={k: Fraction(v) for k, v in rd["tallies_exact"].items()},
            elected=list(rd["elected"]),
            eliminated=list(rd["eliminated"]),
            exhausted=Fraction(rd["exhausted_exact"]),
            transfers=[Transfer(t["from"], t["to"], Fraction(t["votes_exact"])) for t in rd["transfers"]],
            threshold=_fraction(rd.get("threshold_exact")),
            transfer_value=_fraction(rd.get("transfer_value_exact")),
            lost=_fraction(rd.get("lost_exact")),
        ))
    ties = [Tie(t["round"], t["purpose"], list(t["candidates"]), t["policy"], list(t["chosen"]), t.get("seed"))
            for t in raw.get("ties", [])]
    return Result(method=raw["method"], candidates=list(raw["candidates"]), winners=list(raw["winners"]),
                  ranking=[list(t) for t in raw["ranking"]], rounds=rounds, ties=ties,
                  complete=bool(raw["complete"]),
                  scores={k: Fraction(v) for k, v in raw.get("scores_exact", {}).items()}, raw=raw)


def run(profile: Profile, method: str, options: Mapping[str, Any] | None = None, /, *,
        progress: Any = None, **kwargs: Any) -> Result:
    """Counts `profile` with a registered method.

    Options go as keyword arguments or a mapping, e.g.
    ``run(p, "irv", tie_break="random", seed=7, batch_elimination=True)``. Unknown options raise
    InvalidArgument naming the option; unknown methods raise NotFound. The first three parameters
    are positional-only, so rules with an option called ``method`` or ``options`` take it as a
    keyword: ``run(p, "budget", method="equal-shares", budget=4, costs={...})``.
    ``progress(fraction) -> bool`` is called during long counts (exact Kemeny); returning False
    cancels (raises Cancelled).
    """
    opts = dict(options or {})
    opts.update(kwargs)
    handle = ctypes.c_void_p()
    if progress is None:
        check(lib.accord_run(profile._handle, method.encode(), json.dumps(opts).encode(), ctypes.byref(handle)))
    else:
        with _Progress(progress) as callback:
            callback.check(lib.accord_run_progress(profile._handle, method.encode(), json.dumps(opts).encode(),
                                                   callback.pointer, None, ctypes.byref(handle)))
    try:
        return _result_from(handle)
    finally:
        lib.accord_result_free(handle)
