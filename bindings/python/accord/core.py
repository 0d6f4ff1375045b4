"""Profiles, counting and results: the Pythonic face of the C API."""
from __future__ import annotations

import ctypes
import json
import os
import signal
import threading
import weakref
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from os import PathLike, fspath
from typing import Any, Iterable, Mapping, Sequence, Union

from ._convert import dumps, names, pandas, whole
from ._ffi import PROGRESS_FN, check, lib
from .errors import AccordOverflowError, InvalidArgument, NotFound

__all__ = ["Profile", "Result", "Round", "Tie", "Transfer", "Organisation", "PowerIndices", "WeightReport",
           "Decision", "Apportionment", "run", "methods", "version", "version_number", "power"]

Weight = Union[int, str, Fraction, None]
_KINDS = {"ranking": 0, "approval": 1, "score": 2}
_NO_SCORE = -(2**31)


def version() -> str:
    """Version of the loaded libaccord, e.g. "0.4.0"."""
    return lib.accord_version_string().decode()


def set_memory_budget(bytes: int) -> None:
    """Sets the process-wide memory budget of the big algorithms (pairwise matrices, exact
    Kemeny), in bytes; 0 restores the default ($ACCORD_MAX_MEMORY, else 4 GiB). docs/limits.md."""
    if isinstance(bytes, bool) or not isinstance(bytes, int) or not 0 <= bytes < 2**64:
        raise InvalidArgument(f"the memory budget must be a whole number of bytes from 0 to 2**64-1, got {bytes!r}")
    lib.accord_set_memory_budget(bytes)


def memory_budget() -> int:
    """The memory budget in force, in bytes (see set_memory_budget)."""
    return int(lib.accord_memory_budget())


def version_number() -> int:
    """Version of the loaded libaccord as MAJOR*10000 + MINOR*100 + PATCH (e.g. 300)."""
    return int(lib.accord_version_number())



def _count(count: Any) -> int:
    """A voter count for the C API's uint64_t: checked here, as ctypes would wrap 2**64 + 3 to 3
    and -1 to 2**64 - 1 silently."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidArgument(f"count must be a whole number, got {count!r}")
    if count < 1:
        raise InvalidArgument(f"count must be at least 1, got {count}")
    if count >= 2**64:
        raise AccordOverflowError(f"count {count} does not fit in 64 bits")
    return count


def _int32(value: Any, what: str) -> int:
    v = int(value)
    if not -(2**31) < v < 2**31:
        raise InvalidArgument(f"{what} {v} does not fit in 32 bits")
    return v


def _text(value: Any, what: str) -> bytes:
    """A string for the C API: a NUL would end it early there (\"a.toi\\x00.csv\" would open a.toi)."""
    if isinstance(value, PathLike):
        value = fspath(value)
    data = value if isinstance(value, bytes) else str(value).encode()
    if b"\x00" in data:
        raise InvalidArgument(f"{what} contains a NUL character: {value!r}")
    return data


def _weight_text(weight: Weight) -> bytes | None:
    if weight is None:
        return None
    if isinstance(weight, Fraction):
        return f"{weight.numerator}/{weight.denominator}".encode()
    if isinstance(weight, float):
        raise TypeError("weights are exact: pass an int, a Fraction or a string such as '1/3' or '0.25'")
    return _text(weight, "weight")


def _fraction(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


def _is_missing(value: Any) -> bool:
    """True for the empty cells of a DataFrame or CSV: None, NaN, NaT, ""."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        import pandas as pd  # noqa: PLC0415 - only when pandas is already in use
    except ImportError:  # pragma: no cover
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _names_in(ballot: Any) -> list[str]:
    """Candidate names of one ballot, in order (tiers flattened), for inferring candidates."""
    out: list[str] = []
    for entry in ballot:
        tier = entry if isinstance(entry, (list, tuple, set, frozenset)) else [entry]
        out.extend(str(c) for c in (sorted(tier, key=str) if isinstance(tier, (set, frozenset)) else tier))
    return out


def _first_seen(ballots: Iterable[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for b in ballots:
        for name in _names_in(b):
            seen.setdefault(name, None)
    return list(seen)


class Profile:
    """Candidates and ballots. Identical ballots are stored once with a multiplicity.

    >>> p = Profile(["Alice", "Bob", "Carol"])
    >>> p.add(["Alice", "Bob"], count=3)           # a strict ranking, truncated
    >>> p.add([["Bob", "Carol"], "Alice"])          # Bob = Carol > Alice
    >>> run(p, "irv").winners
    ['Alice']
    """

    def __init__(self, candidates: Sequence[str], kind: str = "ranking") -> None:
        """An empty profile of ``candidates`` (names, distinct, non-empty) holding ballots of one
        kind: "ranking" (the default), "approval" or "score"."""
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {sorted(_KINDS)}, got {kind!r}")
        names = [_text(c, "candidate name") for c in candidates]
        array = (ctypes.c_char_p * max(1, len(names)))(*names)
        handle = ctypes.c_void_p()
        check(lib.accord_profile_new_kind(len(names), array, _KINDS[kind], ctypes.byref(handle)))
        self._adopt(handle)

    def _adopt(self, handle: ctypes.c_void_p) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.accord_profile_free, handle)

    @classmethod
    def from_file(cls, path: Union[str, PathLike[str]], format: str = "auto", lenient: bool = False,
                  **csv_options: Any) -> "Profile":
        """Reads a ballot file (PrefLib, BLT, CSV, Debian tally, CDF JSON, Excel .xlsx; see
        docs/formats.md). An .xlsx sheet is read as CSV with the same options, plus ``sheet``
        (name; default the first), ``xlsx_max_bytes`` and ``xlsx_max_cells``.

        CSV options use the names of docs/formats.md, e.g. ``skipped_labels=["undervote"]``.
        Raises ParseError naming file, line and column for malformed input.
        """
        options = dict(csv_options)
        if lenient:
            options["lenient"] = True
        handle = ctypes.c_void_p()
        check(lib.accord_profile_load(_text(path, "path"), _text(format, "format"),
                                      json.dumps(options).encode() if options else None, ctypes.byref(handle)))
        self = cls.__new__(cls)
        self._adopt(handle)
        return self

    @classmethod
    def from_text(cls, text: str, name: str = "<text>", format: str = "auto", **options: Any) -> "Profile":
        """Reads ballots from a string (as from_file)."""
        data = text.encode()
        handle = ctypes.c_void_p()
        check(lib.accord_profile_load_text(data, len(data), _text(name, "name"), _text(format, "format"),
                                           json.dumps(options).encode() if options else None,
                                           ctypes.byref(handle)))
        self = cls.__new__(cls)
        self._adopt(handle)
        return self

    @classmethod
    def from_rankings(cls, candidates: Sequence[str], ballots: Iterable[Sequence[Any]]) -> "Profile":
        """A ranking profile from a list of ballots (each as accepted by add())."""
        p = cls(candidates)
        for b in ballots:
            p.add(b)
        return p

    @classmethod
    def from_ballots(cls, ballots: Iterable[Sequence[Any]], candidates: Sequence[str] | None = None,
                     kind: str = "ranking") -> "Profile":
        """A profile from a list of ballots, one per voter, each as accepted by add().

        Without ``candidates`` they are the names in order of first appearance.

        >>> Profile.from_ballots([["A", "B"], ["B", "A"], ["B"]]).candidates
        ['A', 'B']
        """
        ballots = [list(b) for b in ballots]
        p = cls(list(candidates) if candidates is not None else _first_seen(ballots), kind=kind)
        for b in ballots:
            p.add(b)
        return p

    @classmethod
    def from_dict(cls, counts: Mapping[Any, Any], candidates: Sequence[str] | None = None,
                  kind: str = "ranking") -> "Profile":
        """A profile from ``{ballot: count}``: each key a ranking tuple (best first; an inner
        tuple is a tier of equals) or, for approval profiles, a tuple of approved candidates.
        A value may also be a mapping ``{"count": n, "weight": "1/2", "unit": "M81001"}``.

        >>> p = Profile.from_dict({("Access", "Frailty"): 3, ("Frailty",): 2})
        >>> p.voters, p.candidates
        (5, ['Access', 'Frailty'])
        """
        items = [((k,) if isinstance(k, str) else tuple(k), v) for k, v in counts.items()]
        p = cls(list(candidates) if candidates is not None else _first_seen(k for k, _ in items), kind=kind)
        for ballot, value in items:
            if isinstance(value, Mapping):
                p.add(ballot, count=int(value.get("count", 1)), weight=value.get("weight"), unit=value.get("unit"))
            else:
                p.add(ballot, count=int(value))
        return p

    @classmethod
    def from_frame(cls, frame: Any, rank_columns: Sequence[str] | None = None, *,
                   candidate_columns: Sequence[str] | None = None, count_column: str | None = "count",
                   weight_column: str | None = "weight", unit_column: str | None = "unit",
                   candidates: Sequence[str] | None = None) -> "Profile":
        """A ranking profile from a pandas DataFrame (or any object with ``columns`` and
        ``itertuples``), one row per ballot.

        Two layouts, as a cast-vote-record CSV (docs/formats.md):

        - rank columns (the default): ``rank_columns`` name the columns holding the 1st, 2nd, ...
          choice; by default every column whose name starts with "rank" or "choice", in order.
          Empty cells (None, NaN, "") are skipped ranks.
        - candidate columns: ``candidate_columns`` name one column per candidate holding its rank
          (1 = first; empty or 0 = unranked; equal ranks are ties).

        Optional columns: ``count_column`` (voters casting this row, default 1), ``weight_column``
        (an exact weight: int, Fraction or "1/3"), ``unit_column`` (the voter's unit, for
        Organisation.run); each is used only when present in the frame.
        """
        columns = [str(c) for c in frame.columns]
        if candidate_columns is not None and rank_columns is not None:
            raise TypeError("give rank_columns or candidate_columns, not both")
        if candidate_columns is None and rank_columns is None:
            rank_columns = [c for c in columns if c.lower().startswith(("rank", "choice"))]
            if not rank_columns:
                raise InvalidArgument("from_frame: no rank columns (named rank1, rank2, ... or choice1, ...); "
                                      "pass rank_columns=[...] or candidate_columns=[...]")
        wanted = list(rank_columns or candidate_columns or [])
        for c in wanted:
            if c not in columns:
                raise NotFound(f"from_frame: no column {c!r} (columns: {columns})")
        extra = {name: col for name, col in (("count", count_column), ("weight", weight_column),
                                             ("unit", unit_column)) if col is not None and col in columns}
        position = {c: i for i, c in enumerate(columns)}
        rows = list(frame.itertuples(index=False, name=None))
        ballots: list[tuple[list[Any], dict[str, Any]]] = []
        for row in rows:
            if candidate_columns is not None:
                ranks: dict[int, list[str]] = {}
                for c in candidate_columns:
                    v = row[position[c]]
                    if not _is_missing(v) and int(v) != 0:
                        ranks.setdefault(int(v), []).append(c)
                ballot: list[Any] = [tuple(ranks[k]) if len(ranks[k]) > 1 else ranks[k][0] for k in sorted(ranks)]
            else:
                ballot = [str(row[position[c]]) for c in wanted if not _is_missing(row[position[c]])]
            meta = {k: row[position[col]] for k, col in extra.items() if not _is_missing(row[position[col]])}
            ballots.append((ballot, meta))
        if candidates is None:
            candidates = list(candidate_columns) if candidate_columns is not None else _first_seen(b for b, _ in ballots)
        p = cls(list(candidates))
        for ballot, meta in ballots:
            weight = meta.get("weight")
            if isinstance(weight, float):
                if not weight.is_integer():
                    raise TypeError("from_frame: weights are exact; use strings such as '1/3' or Fractions, "
                                    "not floats")
                weight = int(weight)
            p.add(ballot, count=int(meta.get("count", 1)), weight=weight,
                  unit=None if "unit" not in meta else str(meta["unit"]))
        return p

    # -- candidates -------------------------------------------------------------------------
    @property
    def candidates(self) -> list[str]:
        """Candidate names, in order."""
        n = ctypes.c_size_t()
        check(lib.accord_profile_candidate_count(self._handle, ctypes.byref(n)))
        out = []
        for i in range(n.value):
            s = ctypes.c_char_p()
            check(lib.accord_profile_candidate_name(self._handle, i, ctypes.byref(s)))
            out.append(s.value.decode())
        return out

    def index(self, candidate: Union[str, int]) -> int:
        """Index of a candidate given by name (or an index, checked)."""
        if isinstance(candidate, int):
            if not 0 <= candidate < len(self.candidates):
                raise NotFound(f"candidate index {candidate} out of range")
            return candidate
        i = ctypes.c_size_t()
        check(lib.accord_profile_find_candidate(self._handle, _text(candidate, "candidate"), ctypes.byref(i)))
        return i.value

    @property
    def kind(self) -> str:
        """The kind of ballots held: "ranking", "approval" or "score"."""
        k = ctypes.c_int()
        check(lib.accord_profile_kind(self._handle, ctypes.byref(k)))
        return {v: n for n, v in _KINDS.items()}[k.value]

    @property
    def voters(self) -> int:
        """Number of voters (sum of multiplicities)."""
        s = ctypes.c_char_p()
        check(lib.accord_profile_voters(self._handle, ctypes.byref(s)))
        return int(s.value.decode())

    def __len__(self) -> int:
        """Number of voters (as ``voters``)."""
        return self.voters

    @property
    def unique_ballots(self) -> int:
        """Number of distinct ballots (identical ballots are stored once with a multiplicity)."""
        n = ctypes.c_size_t()
        check(lib.accord_profile_unique_count(self._handle, ctypes.byref(n)))
        return n.value

    def withdraw(self, candidate: Union[str, int], withdrawn: bool = True) -> None:
        """Withdraws a candidate: it takes no part in any count."""
        check(lib.accord_profile_set_withdrawn(self._handle, self.index(candidate), int(withdrawn)))

    # -- ballots ----------------------------------------------------------------------------
    def add(self, ballot: Sequence[Any], count: int = 1, weight: Weight = None, unit: str | None = None) -> None:
        """Adds `count` voters casting `ballot`.

        For rankings, `ballot` lists candidates (names or indices) best first; an inner list or
        tuple is a tier of equally ranked candidates: ``["A", ("B", "C"), "D"]``.
        For approval profiles it is the set of approved candidates. `weight` is exact: an int,
        a Fraction or a string ("1/3", "0.25"). `unit` names the voter's unit (e.g. a practice
        code) for weighted counts (Organisation.run).
        """
        count = whole(count, "count")
        if self.kind == "approval":
            self.add_approval(ballot, count, weight)
            return
        n = len(self.candidates)
        if unit is None and all(not isinstance(e, (list, tuple, set, frozenset)) for e in ballot):
            order = [self.index(c) for c in ballot]  # a strict ranking: the C API's order form
            if len(set(order)) != len(order):
                raise InvalidArgument(f"a candidate appears twice in one ballot: {list(ballot)!r}")
            array_order = (ctypes.c_uint32 * max(1, len(order)))(*order)
            check(lib.accord_profile_add_order(self._handle, array_order, len(order), _count(count), _weight_text(weight)))
            return
        ranks = [0] * n
        for position, entry in enumerate(ballot, start=1):
            tier = entry if isinstance(entry, (list, tuple, set, frozenset)) else [entry]
            for c in tier:
                i = self.index(c)
                if ranks[i]:
                    raise InvalidArgument(f"candidate {c!r} appears twice in one ballot")
                ranks[i] = position
        array = (ctypes.c_int32 * n)(*ranks)
        if unit is not None:
            check(lib.accord_profile_add_ranking_for(self._handle, _text(unit, "unit"), array, n, _count(count),
                                                     _weight_text(weight)))
        else:
            check(lib.accord_profile_add_ranking(self._handle, array, n, _count(count), _weight_text(weight)))

    def add_approval(self, approved: Iterable[Any], count: int = 1, weight: Weight = None) -> None:
        """Adds `count` approval ballots."""
        count = whole(count, "count")
        idx = [self.index(c) for c in approved]
        array = (ctypes.c_uint32 * max(1, len(idx)))(*idx)
        check(lib.accord_profile_add_approval(self._handle, array, len(idx), _count(count), _weight_text(weight)))

    def add_scores(self, scores: Mapping[Any, int], count: int = 1, weight: Weight = None) -> None:
        """Adds `count` score ballots: {candidate: integer score}; unscored candidates omitted."""
        count = whole(count, "count")
        n = len(self.candidates)
        values = [_NO_SCORE] * n
        for c, s in scores.items():
            values[self.index(c)] = _int32(s, "score")
        array = (ctypes.c_int32 * n)(*values)
        check(lib.accord_profile_add_scores(self._handle, array, n, _count(count), _weight_text(weight)))

    def save(self, path: Union[str, PathLike[str]], format: str) -> None:
        """Writes the profile (soc, soi, toc, toi, cat, blt, csv, debian)."""
        check(lib.accord_profile_save(self._handle, _text(path, "path"), _text(format, "format")))

    # -- lifetime ---------------------------------------------------------------------------
    def close(self) -> None:
        """Frees the C profile now (also done automatically when garbage collected)."""
        self._finalizer()

    def __enter__(self) -> "Profile":
        """Use as ``with Profile.from_file(...) as p:`` to free the C profile on leaving."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Frees the C profile (close())."""
        self.close()

    def __repr__(self) -> str:
        """``Profile([...candidates], voters=N)``."""
        return f"Profile({self.candidates!r}, voters={self.voters})"


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


def methods() -> dict[str, str]:
    """Registered methods: name -> one-line summary."""
    n = ctypes.c_size_t()
    check(lib.accord_method_count(ctypes.byref(n)))
    out = {}
    for i in range(n.value):
        name, summary = ctypes.c_char_p(), ctypes.c_char_p()
        check(lib.accord_method_name(i, ctypes.byref(name)))
        check(lib.accord_method_summary(i, ctypes.byref(summary)))
        out[name.value.decode()] = summary.value.decode()
    return out


class _Progress:
    """The C progress callback around an optional Python one, for one C call, used as
    ``with _Progress(progress) as cb: cb.check(lib.accord_...(..., cb.pointer, None, ...))``.

    ``progress(fraction)`` returning False cancels (Cancelled). An exception in it cancels the
    C call and is raised again when the call returns. Ctrl-C cancels too: while the call runs
    (on the main thread) SIGINT only sets a flag that the callback, always installed, turns into
    a cancel; the previous handler then runs, so KeyboardInterrupt is raised as usual. (A
    KeyboardInterrupt raised by Python's own handler inside a ctypes callback would be printed
    and lost.)"""

    def __init__(self, progress: Any = None) -> None:
        self._progress = progress
        self._error: BaseException | None = None
        self._interrupted = False
        self._old_handler: Any = None
        self._fn = PROGRESS_FN(self._call)  # kept alive as long as the call
        self.pointer = ctypes.cast(self._fn, ctypes.c_void_p)

    def _call(self, fraction: float, _user: object) -> int:
        try:
            if self._interrupted or self._error is not None:
                return 1
            if self._progress is not None and self._progress(fraction) is False:
                return 1
            return 0
        except BaseException as exc:  # re-raised by check()
            self._error = exc
            return 1

    def _on_sigint(self, _signum: int, _frame: object) -> None:
        self._interrupted = True

    def __enter__(self) -> "_Progress":
        if threading.current_thread() is threading.main_thread():
            try:
                self._old_handler = signal.signal(signal.SIGINT, self._on_sigint)
            except ValueError:  # not in the main interpreter
                self._old_handler = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._old_handler is not None:
            signal.signal(signal.SIGINT, self._old_handler)

    def check(self, status: int) -> None:
        if self._error is not None:
            raise self._error
        if self._interrupted:
            old = self._old_handler
            if callable(old):
                old(signal.SIGINT, None)  # default_int_handler raises KeyboardInterrupt
            if old != signal.SIG_IGN:
                raise KeyboardInterrupt
        check(status)


class _Report(dict):  # type: ignore[type-arg]
    """A JSON report of the C API as a dict, exact values as Fractions under the "_exact" keys."""

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of JSON types (Fractions as exact strings such as "421/2145")."""
        return json.loads(dumps(dict(self)))

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (Fractions as exact strings)."""
        return dumps(dict(self), indent=indent)


class PowerIndices(_Report):
    """Power indices of a game (docs/methods/power.md): ``self["banzhaf"]`` (floats, one per
    player), ``self["banzhaf_exact"]`` (Fractions), ``self["swings"]`` (ints), ... by index name,
    and ``"players"``."""

    @property
    def players(self) -> list[str]:
        """Player names (P1, P2, ... when the game names none)."""
        return list(self.get("players") or [f"P{i + 1}" for i in range(len(self.get("banzhaf", [])))])

    def indices(self) -> list[str]:
        """Names of the indices computed (keys holding one float per player)."""
        n = len(self.players)
        return [k for k, v in self.items() if isinstance(v, list) and len(v) == n and k != "players"
                and not k.endswith(("_exact", "_lower", "_upper")) and k not in ("swings",)
                and all(isinstance(x, (int, float)) for x in v)]

    def to_frame(self) -> Any:
        """One row per player, one float column per index, plus "swings" when computed. Needs
        pandas."""
        pd = pandas()
        data: dict[str, Any] = {k: self[k] for k in self.indices()}
        if isinstance(self.get("swings"), list):
            data["swings"] = self["swings"]
        return pd.DataFrame(data, index=pd.Index(self.players, name="player"))


class WeightReport(_Report):
    """A weight report (docs/weighting.md): ``units`` (id, name, kind, population, weight, share
    and exact Fractions "weight_exact", "share_exact"), ``largest_share``, ``effective_number``,
    ``min_majority``."""

    @property
    def shares(self) -> dict[str, Fraction]:
        """Unit id -> exact share (they add up to exactly 1)."""
        return {u["id"]: u["share_exact"] for u in self["units"]}

    def to_frame(self) -> Any:
        """One row per unit, indexed by id: name, kind, population, weight, share (floats) and
        the exact weight_exact, share_exact. Needs pandas."""
        pd = pandas()
        return pd.DataFrame(self["units"]).set_index("id")


class Decision(_Report):
    """The decision on a motion (docs/motions.md): ``passed``, ``conditions``, ``votes``,
    ``notes``."""

    @property
    def passed(self) -> bool:
        """Whether the motion passed."""
        return bool(self["passed"])

    def to_frame(self) -> Any:
        """One row per condition (name, passed, have, need, base, ...). Needs pandas."""
        pd = pandas()
        return pd.DataFrame(self["conditions"]).set_index("name")


class Apportionment(_Report):
    """Seats shared among units (docs/methods/apportionment.md): ``units`` (id, name,
    population, quota, quota_exact, seats), ``seats``, ``method``, ``ties``."""

    @property
    def seats(self) -> dict[str, int]:
        """Unit id -> seats."""
        return {u["id"]: int(u["seats"]) for u in self["units"]}

    def to_frame(self) -> Any:
        """One row per unit, indexed by id. Needs pandas."""
        pd = pandas()
        return pd.DataFrame(self["units"]).set_index("id")


def power(quota: int | None = None, weights: Sequence[int] | None = None, *,
          majorities: Sequence[tuple[int, Sequence[int]]] | None = None,
          players: Sequence[str] | None = None, unions: Sequence[Sequence[int]] | None = None,
          indices: Union[str, Sequence[str]] | None = None, method: str | None = None,
          progress: Any = None, **options: Any) -> PowerIndices:
    """Power indices of a weighted voting game [quota; weights], exact by default.

    ``majorities=[(q1, w1), (q2, w2)]`` gives several weighted majorities that must all hold
    (e.g. practices AND patients); ``unions`` (0-based player indices) enable Owen and
    Banzhaf-Owen. ``progress(fraction) -> bool`` may return False to cancel (raises Cancelled).
    Other keywords are options of docs/methods/power.md: ``samples``, ``seed``, ``confidence``,
    and ``threads`` (threads of the exact passes of games over 63 players; 0 = every core).
    Returns the JSON object of docs/methods/power.md (a PowerIndices dict, with ``to_frame()``)
    with exact values as Fractions under the ``*_exact`` keys and swings as ints.
    """
    game: dict[str, Any] = {}
    if majorities is not None:
        game["majorities"] = [{"quota": int(q), "weights": [int(w) for w in ws]} for q, ws in majorities]
    else:
        if quota is None or weights is None:
            raise TypeError("give quota and weights, or majorities")
        game["quota"] = int(quota)
        game["weights"] = [int(w) for w in weights]
    if players is not None:
        game["players"] = list(players)
    if unions is not None:
        game["unions"] = [list(u) for u in unions]
    opts = dict(options)
    if indices is not None:
        opts["indices"] = indices
    if method is not None:
        opts["method"] = method
    handle = ctypes.c_void_p()
    with _Progress(progress) as callback:
        callback.check(lib.accord_power(json.dumps(game).encode(), json.dumps(opts).encode() if opts else None,
                                        callback.pointer, None, ctypes.byref(handle)))
    return _power_from(handle)


def _power_from(handle: ctypes.c_void_p) -> PowerIndices:
    """The PowerIndices of a C power result, which it frees."""
    try:
        s = ctypes.c_char_p()
        check(lib.accord_power_result_json(handle, ctypes.byref(s)))
        raw = json.loads(s.value.decode())
    finally:
        lib.accord_power_result_free(handle)
    for key, value in list(raw.items()):
        if key.endswith("_exact") and isinstance(value, list):
            raw[key] = [Fraction(v) for v in value]
        elif key.endswith("_exact") and isinstance(value, str):
            raw[key] = Fraction(value)
    if isinstance(raw.get("swings"), list):
        raw["swings"] = [int(v) for v in raw["swings"]]
    return PowerIndices(raw)


class Organisation:
    """Voting units (practices, PCNs, ...) with registered populations, from a CSV.

    >>> org = Organisation.from_file("practices_herefordshire_worcestershire_2025.csv",
    ...                              within=["U12199", "U38064", "U50083", "U65562", "U98974"])
    >>> report = org.weights("sqrt")          # shares, largest share, smallest majority
    """

    def __init__(self) -> None:
        """Not for direct use: organisations come from Organisation.from_file()."""
        raise TypeError("use Organisation.from_file(path, ...)")

    @classmethod
    def from_file(cls, path: Union[str, PathLike[str]], within: Union[str, Sequence[str]] | None = None,
                  unallocated: str | None = None, min_population: int | None = None,
                  list_sizes: Union[str, PathLike[str], None] = None) -> "Organisation":
        """Reads an organisation CSV: an NHS England practice file or a generic
        ``id,name,kind,parent,population`` file (docs/weighting.md).

        ``within`` keeps only the units under these codes (any level, e.g. PCN codes; a list or a
        comma-separated string; an id that names no unit raises NotFound);
        ``unallocated`` ("own-group", "exclude", "keep") says what the "Unallocated" PCN code
        means; ``min_population`` drops smaller practices. With ``list_sizes`` (NHS England's
        gp-reg-pat-prac-all file), ``path`` is NHS England's practice mapping
        (gp-reg-pat-prac-map) and the two are joined, as ``from_nhs`` does. Raises ParseError
        naming the line.
        """
        options: dict[str, Any] = {}
        if list_sizes is not None:
            options["list_sizes"] = str(list_sizes)
        if within:
            options["within"] = names(within, "within")
        if unallocated:
            options["unallocated"] = unallocated
        if min_population is not None:
            options["min_population"] = int(min_population)
        handle = ctypes.c_void_p()
        check(lib.accord_org_load(_text(path, "path"), json.dumps(options).encode() if options else None,
                                  ctypes.byref(handle)))
        self = cls.__new__(cls)
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.accord_org_free, handle)
        return self

    @classmethod
    def from_nhs(cls, mapping: Union[str, PathLike[str]], list_sizes: Union[str, PathLike[str]],
                 within: Sequence[str] | None = None, unallocated: str | None = None,
                 min_population: int | None = None) -> "Organisation":
        """Reads NHS England's files as published: the practice mapping (gp-reg-pat-prac-map,
        2022 CCG/STP or 2025 sub-ICB/ICB shape) joined with the list sizes
        (gp-reg-pat-prac-all) on the practice code (docs/formats.md). A mapped practice with no
        list size raises ParseError naming it; list-size practices the mapping lacks are left
        out and named, with the two extract dates, in ``provenance``."""
        return cls.from_file(mapping, within=within, unallocated=unallocated, min_population=min_population,
                             list_sizes=list_sizes)

    @property
    def provenance(self) -> dict[str, str]:
        """Where the units came from: for NHS England's files the two extract dates
        ("mapping_extract_date", "list_size_extract_date") and
        "list_size_practices_not_in_mapping" (comma-separated codes); {} when unknown."""
        return dict(self.weights("equal").get("provenance", {}))

    def __len__(self) -> int:
        """Number of units at every level (practices, PCNs, ...)."""
        n = ctypes.c_size_t()
        check(lib.accord_org_unit_count(self._handle, ctypes.byref(n)))
        return n.value

    def weights(self, scheme: str = "equal", level: str | None = None) -> WeightReport:
        """The weight report of the units of ``level`` (default: the leaves, e.g. practices) under
        a scheme: "equal", "population", "sqrt", "capped:F", "banded:SIZE", "group-equal",
        "blend:A", "column:NAME" (docs/weighting.md). Exact shares are Fractions under
        "share_exact"; ``to_frame()`` gives a DataFrame."""
        out = ctypes.c_void_p()
        check(lib.accord_weights(self._handle, scheme.encode(), level.encode() if level else None, ctypes.byref(out)))
        try:
            raw = json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
        finally:
            lib.accord_string_free(out)
        for u in raw["units"]:
            u["weight_exact"] = Fraction(u["weight_exact"])
            u["share_exact"] = Fraction(u["share_exact"])
        raw["largest_share_exact"] = Fraction(raw["largest_share_exact"])
        return WeightReport(raw)

    def set_weights(self, weights: Mapping[str, Any], column: str = "weight") -> str:
        """Sets custom exact weights (unit id -> int, Fraction or "p/q"/decimal string) as the
        attribute `column`; count with the scheme returned, ``"column:<column>"``."""
        for unit, w in weights.items():
            check(lib.accord_org_set_attribute(self._handle, _text(unit, "unit"), _text(column, "column"), _text(w, "weight")))
        return f"column:{column}"

    def _json_call(self, fn: Any, *args: Any) -> dict[str, Any]:
        out = ctypes.c_void_p()
        check(fn(self._handle, *args, ctypes.byref(out)))
        try:
            return json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
        finally:
            lib.accord_string_free(out)

    def decide(self, votes: Mapping[str, str] | Sequence[tuple[str, str]], rule: str | Mapping[str, Any] = "double-majority",
               policy: Mapping[str, Any] | None = None, category: str | None = None,
               casting_vote: str | None = None) -> Decision:
        """Decides a yes/no motion (docs/motions.md).

        `votes` maps unit ids to "yes"/"no"/"abstain", or lists (unit, vote) pairs when a unit has
        several voters. `rule` is a preset name (e.g. "75-75") or a rule mapping; or give a
        `policy` mapping and its `category`. Returns {"passed", "conditions": [...], ...} with
        exact values as Fractions under the "_exact" keys.
        """
        if isinstance(votes, Mapping):
            votes_json = json.dumps(dict(votes))
        else:
            votes_json = json.dumps([list(v) for v in votes])
        if policy is not None:
            if category is None:
                raise TypeError("decide: a policy needs a category")
            rule_obj: Any = {"policy": policy, "category": category}
        elif isinstance(rule, str):
            rule_obj = {"preset": rule}
        else:
            rule_obj = dict(rule)
        out = self._json_call(lib.accord_decide, votes_json.encode(), json.dumps(rule_obj).encode(),
                              casting_vote.encode() if casting_vote else None)
        for c in out["conditions"]:
            for key in ("have_exact", "need_exact", "base_exact", "short_by_exact"):
                c[key] = Fraction(c[key])
        return Decision(out)

    def power(self, rule: str | Mapping[str, Any] | None = None, *, policy: Mapping[str, Any] | None = None,
              category: str | None = None, indices: Union[str, Sequence[str]] | None = None,
              method: str | None = None, unions_by: str | None = None, level: str | None = None,
              progress: Any = None, **options: Any) -> PowerIndices:
        """Power indices of the units under a decision rule: who can swing a motion?

        `rule` is a preset name (e.g. "double-majority"), a rule mapping as for decide(), or None
        for "more than half of the patients"; or give a `policy` mapping and its `category`.
        `unions_by` (e.g. "pcn") makes a-priori unions for the Owen indices; `level` picks the
        players' kind. Other keywords are power() options (samples, seed, confidence). A
        majority of groups (PCN majorities) is not a weighted game: Unsupported. Returns the
        PowerIndices of power(), players named by unit id (docs/motions.md).
        """
        if policy is not None:
            if category is None:
                raise TypeError("power: a policy needs a category")
            rule_obj: Any = {"policy": policy, "category": category}
        elif rule is None:
            rule_obj = None
        elif isinstance(rule, str):
            rule_obj = {"preset": rule}
        else:
            rule_obj = dict(rule)
        opts = dict(options)
        for key, value in (("indices", indices), ("method", method), ("unions_by", unions_by), ("level", level)):
            if value is not None:
                opts[key] = value
        handle = ctypes.c_void_p()
        with _Progress(progress) as callback:
            callback.check(lib.accord_power_org(self._handle, json.dumps(rule_obj).encode() if rule_obj else None,
                                                json.dumps(opts).encode() if opts else None, callback.pointer, None,
                                                ctypes.byref(handle)))
        return _power_from(handle)

    def apportion(self, seats: int, method: str = "hamilton", level: str = "pcn",
                  min_seats: int = 0, max_seats: int = 0) -> Apportionment:
        """Shares `seats` among the units of `level` by population (docs/methods/apportionment.md).

        Methods: hamilton, jefferson (dhondt), webster (sainte-lague), huntington-hill, adams.
        Returns {"method", "seats", "units": [{"id", "population", "quota_exact" (Fraction),
        "seats"}], "ties"}.
        """
        seats = whole(seats, "seats")
        opts: dict[str, Any] = {"method": method}
        if min_seats:
            opts["min"] = whole(min_seats, "min_seats")
        if max_seats:
            opts["max"] = whole(max_seats, "max_seats")
        out = self._json_call(lib.accord_apportion, level.encode(), seats, json.dumps(opts).encode())
        for u in out["units"]:
            u["quota_exact"] = Fraction(u["quota_exact"])
        return Apportionment(out)

    def run(self, profile: Profile, method: str, scheme: str = "equal", mode: str = "normalised",
            inner: str | None = None, outer: str | None = None, group_level: str | None = None,
            options: Mapping[str, Any] | None = None, **kwargs: Any) -> Result:
        """Counts `profile` (ballots tagged with unit ids) weighted by a scheme of this organisation."""
        aggregate: dict[str, Any] = {"mode": mode}
        if inner:
            aggregate["inner"] = inner
        if outer:
            aggregate["outer"] = outer
        if group_level:
            aggregate["group_level"] = group_level
        opts = dict(options or {})
        opts.update(kwargs)
        handle = ctypes.c_void_p()
        check(lib.accord_run_weighted(profile._handle, self._handle, scheme.encode(), method.encode(),
                                      json.dumps(opts).encode(), json.dumps(aggregate).encode(), ctypes.byref(handle)))
        try:
            return _result_from(handle)
        finally:
            lib.accord_result_free(handle)

    def close(self) -> None:
        """Frees the C organisation now (also done when garbage collected)."""
        self._finalizer()

    def __enter__(self) -> "Organisation":
        """Use as ``with Organisation.from_file(...) as org:``."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Frees the C organisation (close())."""
        self.close()


def join_nhs(mapping: Union[str, PathLike[str]], list_sizes: Union[str, PathLike[str]],
             output: Union[str, PathLike[str], None] = None) -> dict[str, Any]:
    """Joins NHS England's practice mapping (gp-reg-pat-prac-map) with its list sizes
    (gp-reg-pat-prac-all) on the practice code into the organisation CSV that
    ``Organisation.from_file`` reads, written to ``output`` if given (docs/formats.md).

    Returns the report: "shape" ("2025" or "2022"), the two ISO extract dates, "practices",
    "registered_patients", "list_size_practices_not_in_mapping" (codes), and "csv" (the text).
    A mapped practice with no list size raises ParseError naming it."""
    csv_out = ctypes.c_void_p()
    report_out = ctypes.c_void_p()
    check(lib.accord_org_join_nhs(str(mapping).encode(), str(list_sizes).encode(), None, ctypes.byref(csv_out),
                                  ctypes.byref(report_out)))
    try:
        text = ctypes.cast(csv_out, ctypes.c_char_p).value.decode()
        report = json.loads(ctypes.cast(report_out, ctypes.c_char_p).value.decode())
    finally:
        lib.accord_string_free(csv_out)
        lib.accord_string_free(report_out)
    if output is not None:
        tmp = str(output) + ".accord-tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, output)
    report["csv"] = text
    return report
