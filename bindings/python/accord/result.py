"""Counting a profile with a registered method, and the result copied out of the C result."""
from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterator, Mapping, Sequence

from ._convert import fraction, pandas
from ._ffi import check, lib
from ._progress import _Progress
from .profile import Profile

__all__ = ['Result', 'Round', 'Tie', 'Transfer', 'run']


def _fraction(text: str | None) -> Fraction | None:
    return None if text is None else fraction(text)


class _SameTie(Sequence):
    """A tie's candidates where the JSON says "same_tie" ("tie_candidates": "changes", when the
    ties name over a million candidates): the previous tie's less the one it chose, built on first
    read, so 10,000 ties among thousands of zero-vote candidates cost only the ties read."""

    def __init__(self, previous: Sequence[str], chosen: list[str]):
        self._previous = previous
        self._chosen = chosen
        self._data: list[str] | None = None

    def _list(self) -> list[str]:
        if self._data is None:
            chain = []  # this tie back to the nearest one already listed
            t: Sequence[str] = self
            while isinstance(t, _SameTie) and t._data is None:
                chain.append(t)
                t = t._previous
            data = list(t._data if isinstance(t, _SameTie) else t)
            for x in reversed(chain):
                gone = set(x._chosen)
                data = [c for c in data if c not in gone]
                x._data = data
        return self._data

    def __getitem__(self, i):  # type: ignore[override]
        return self._list()[i]

    def __len__(self) -> int:
        return len(self._list())

    def __eq__(self, other: object) -> bool:
        return self._list() == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._list())


@dataclass(frozen=True)
class Transfer:
    """Votes moved from one candidate to another (or to "exhausted")."""
    source: str
    target: str
    votes: Fraction

    def to_dict(self) -> dict[str, Any]:
        """{"source", "target", "votes"} with the votes as an exact string."""
        return {"source": self.source, "target": self.target, "votes": str(self.votes)}


class _ChangedTallies(Mapping):
    """A round's tallies in a result whose JSON gives each round's changes ("round_tallies":
    "changes", for tables of over a million tallies): the previous round's tallies with this
    round's changes applied (a None change: the candidate left the count), built on first read,
    so a result of 10,000 rounds costs only the rounds read."""

    def __init__(self, previous: _ChangedTallies | None, changes: dict[str, str | None]):
        self._previous = previous
        self._changes = changes
        self._data: dict[str, Fraction] | None = None

    def _tallies(self) -> dict[str, Fraction]:
        if self._data is None:
            chain = []  # this round back to the nearest one already built (or round 1)
            r: _ChangedTallies | None = self
            while r is not None and r._data is None:
                chain.append(r)
                r = r._previous
            data = dict(r._data) if r is not None else {}
            for x in reversed(chain):
                for k, v in x._changes.items():
                    if v is None:
                        data.pop(k, None)
                    else:
                        data[k] = fraction(v)
            self._data = data
        return self._data

    def __getitem__(self, key: str) -> Fraction:
        return self._tallies()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tallies())

    def __len__(self) -> int:
        return len(self._tallies())

    def __eq__(self, other: object) -> bool:
        return dict(self._tallies()) == other if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._tallies())


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
    #: Those tied (a list; a lazily built sequence for a "same_tie" in the JSON).
    candidates: Sequence[str]
    policy: str
    chosen: list[str]
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The tie as a plain dict (as in the result JSON's "ties")."""
        return {"round": self.round, "purpose": self.purpose, "candidates": list(self.candidates),
                "policy": self.policy, "chosen": list(self.chosen), "seed": self.seed}


class _Owned:
    """A C result, freed when the last Result holding it goes."""
    __slots__ = ("handle",)

    def __init__(self, handle: ctypes.c_void_p):
        self.handle = handle

    def __del__(self) -> None:
        if self.handle and lib is not None:
            lib.accord_result_free(self.handle)
            self.handle = None


class Result:
    """The result of a count. The method, the winners and whether it completed are read when the
    count returns; everything else (candidates, ranking, rounds, ties, scores, ``raw``) comes from
    the result's JSON, built and parsed on first use, so a count that wants only its winner costs
    the count and not its JSON (issue 17). The C result is kept, unchangeable, until the Result
    goes: nothing dangles."""
    __slots__ = ("method", "winners", "complete", "_owned", "_parsed")

    def __init__(self, handle: ctypes.c_void_p, profile: Profile):
        self._owned = _Owned(handle)
        self._parsed: dict[str, Any] | None = None
        s = ctypes.c_char_p()
        check(lib.accord_result_method(handle, ctypes.byref(s)))
        self.method: str = s.value.decode()
        flag = ctypes.c_int()
        check(lib.accord_result_complete(handle, ctypes.byref(flag)))
        self.complete: bool = bool(flag.value)
        n, w = ctypes.c_size_t(), ctypes.c_size_t()
        check(lib.accord_result_winner_count(handle, ctypes.byref(n)))
        winners = []
        for i in range(n.value):  # the result's candidates are the profile's, by index
            check(lib.accord_result_winner(handle, i, ctypes.byref(w)))
            check(lib.accord_profile_candidate_name(profile._handle, w.value, ctypes.byref(s)))
            winners.append(s.value.decode())
        self.winners: list[str] = winners

    def _get(self, key: str) -> Any:
        if self._parsed is None:
            self._parsed = _parse(self._owned.handle)
        return self._parsed[key]

    @property
    def raw(self) -> dict[str, Any]:
        """The result JSON (docs/cli.md) as parsed."""
        return self._get("raw")

    @property
    def candidates(self) -> list[str]:
        """Candidate names, in profile order."""
        return self._get("candidates")

    @property
    def ranking(self) -> list[list[str]]:
        """Tiers of equally placed candidates, best first (empty if the method ranks none)."""
        return self._get("ranking")

    @property
    def rounds(self) -> list[Round]:
        """Every round of the count: tallies, elected, eliminated, transfers."""
        return self._get("rounds")

    @property
    def ties(self) -> list[Tie]:
        """Every tie the count broke (or left unresolved)."""
        return self._get("ties")

    @property
    def scores(self) -> dict[str, Fraction]:
        """Each candidate's exact score, by name (the method's score_name)."""
        return self._get("scores")

    def __repr__(self) -> str:
        return (f"Result(method={self.method!r}, winners={self.winners!r}, ranking={self.ranking!r}, "
                f"complete={self.complete!r})")

    def __eq__(self, other: object) -> bool:
        return self.raw == other.raw if isinstance(other, Result) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (_detached, (self.raw,))

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


def _result_from(handle: ctypes.c_void_p, profile: Profile) -> Result:
    """Takes ownership of the C result `handle` of a count of `profile`."""
    return Result(handle, profile)


def _parse(handle: ctypes.c_void_p) -> dict[str, Any]:
    s = ctypes.c_char_p()
    check(lib.accord_result_json(handle, ctypes.byref(s)))
    return _parse_raw(json.loads(s.value.decode()))


def _detached(raw: dict[str, Any]) -> Result:
    """A Result from its JSON alone (unpickling): no C result behind it."""
    r = Result.__new__(Result)
    r._owned = None
    r._parsed = _parse_raw(raw)
    r.method = raw["method"]
    r.winners = list(raw["winners"])
    r.complete = bool(raw["complete"])
    return r


def _parse_raw(raw: dict[str, Any]) -> dict[str, Any]:
    rounds = []
    changes = raw.get("round_tallies") == "changes"
    previous: _ChangedTallies | None = None
    for rd in raw.get("rounds", []):
        if changes:
            previous = _ChangedTallies(previous, rd["tally_changes_exact"])
        rounds.append(Round(
            number=rd["round"],
            tallies=previous if changes else {k: fraction(v) for k, v in rd["tallies_exact"].items()},
            elected=list(rd["elected"]),
            eliminated=list(rd["eliminated"]),
            exhausted=fraction(rd["exhausted_exact"]),
            transfers=[Transfer(t["from"], t["to"], fraction(t["votes_exact"])) for t in rd["transfers"]],
            threshold=_fraction(rd.get("threshold_exact")),
            transfer_value=_fraction(rd.get("transfer_value_exact")),
            lost=_fraction(rd.get("lost_exact")),
        ))
    ties = []
    for t in raw.get("ties", []):
        if t.get("same_tie"):  # "tie_candidates": "changes": the previous tie less its choice
            candidates = _SameTie(ties[-1].candidates, ties[-1].chosen)
        else:
            candidates = list(t["candidates"])
        ties.append(Tie(t["round"], t["purpose"], candidates, t["policy"], list(t["chosen"]), t.get("seed")))
    return {"raw": raw, "candidates": list(raw["candidates"]), "ranking": [list(t) for t in raw["ranking"]],
            "rounds": rounds, "ties": ties, "scores": {k: fraction(v) for k, v in raw.get("scores_exact", {}).items()}}


def run(profile: Profile, method: str, options: Mapping[str, Any] | None = None, /, *,
        progress: Any = None, **kwargs: Any) -> Result:
    """Counts `profile` with a registered method.

    Options go as keyword arguments or a mapping, e.g.
    ``run(p, "irv", tie_break="random", seed=7, batch_elimination=True)``. Unknown options raise
    InvalidArgument naming the option; unknown methods raise NotFound. The first three parameters
    are positional-only, so rules with an option called ``method`` or ``options`` take it as a
    keyword: ``run(p, "budget", method="equal-shares", budget=4, costs={...})``.
    ``progress(fraction) -> bool`` is called during long counts (exact Kemeny, the exhaustive
    committee searches of Monroe, minimax-AV, lex-CC, Adams, minimax- and leximax-Phragmén, STV's
    cpo-stv and sequential-stv variants);
    returning False cancels (raises Cancelled).
    """
    opts = dict(options or {})
    opts.update(kwargs)
    handle = ctypes.c_void_p()
    text = json.dumps(opts).encode() if opts else None  # NULL: no options
    if progress is None:
        check(lib.accord_run(profile._handle, method.encode(), text, ctypes.byref(handle)))
    else:
        with _Progress(progress) as callback:
            callback.check(lib.accord_run_progress(profile._handle, method.encode(), json.dumps(opts).encode(),
                                                   callback.pointer, None, ctypes.byref(handle)))
    return _result_from(handle, profile)
