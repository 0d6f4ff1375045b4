"""Profiles, counting and results: the Pythonic face of the C API."""
from __future__ import annotations

import ctypes
import json
import signal
import threading
import weakref
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from os import PathLike
from typing import Any, Iterable, Mapping, Sequence, Union

from ._ffi import PROGRESS_FN, check, lib

__all__ = ["Profile", "Result", "Round", "Tie", "Transfer", "Organisation", "run", "methods", "version", "power"]

Weight = Union[int, str, Fraction, None]
_KINDS = {"ranking": 0, "approval": 1, "score": 2}
_NO_SCORE = -(2**31)


def version() -> str:
    """Version of the loaded libaccord, e.g. "0.3.0"."""
    return lib.accord_version_string().decode()


def _weight_text(weight: Weight) -> bytes | None:
    if weight is None:
        return None
    if isinstance(weight, Fraction):
        return f"{weight.numerator}/{weight.denominator}".encode()
    if isinstance(weight, float):
        raise TypeError("weights are exact: pass an int, a Fraction or a string such as '1/3' or '0.25'")
    return str(weight).encode()


def _fraction(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


class Profile:
    """Candidates and ballots. Identical ballots are stored once with a multiplicity.

    >>> p = Profile(["Alice", "Bob", "Carol"])
    >>> p.add(["Alice", "Bob"], count=3)           # a strict ranking, truncated
    >>> p.add([["Bob", "Carol"], "Alice"])          # Bob = Carol > Alice
    >>> run(p, "irv").winners
    ['Alice']
    """

    def __init__(self, candidates: Sequence[str], kind: str = "ranking") -> None:
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {sorted(_KINDS)}, got {kind!r}")
        names = [str(c).encode() for c in candidates]
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
        """Reads a ballot file (PrefLib, BLT, CSV, Debian tally, CDF JSON; see docs/formats.md).

        CSV options use the names of docs/formats.md, e.g. ``skipped_labels=["undervote"]``.
        Raises ParseError naming file, line and column for malformed input.
        """
        options = dict(csv_options)
        if lenient:
            options["lenient"] = True
        handle = ctypes.c_void_p()
        check(lib.accord_profile_load(str(path).encode(), format.encode(),
                                      json.dumps(options).encode() if options else None, ctypes.byref(handle)))
        self = cls.__new__(cls)
        self._adopt(handle)
        return self

    @classmethod
    def from_text(cls, text: str, name: str = "<text>", format: str = "auto", **options: Any) -> "Profile":
        """Reads ballots from a string (as from_file)."""
        data = text.encode()
        handle = ctypes.c_void_p()
        check(lib.accord_profile_load_text(data, len(data), name.encode(), format.encode(),
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
                from .errors import NotFound
                raise NotFound(f"candidate index {candidate} out of range")
            return candidate
        i = ctypes.c_size_t()
        check(lib.accord_profile_find_candidate(self._handle, str(candidate).encode(), ctypes.byref(i)))
        return i.value

    @property
    def kind(self) -> str:
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
        return self.voters

    @property
    def unique_ballots(self) -> int:
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
        if self.kind == "approval":
            self.add_approval(ballot, count, weight)
            return
        n = len(self.candidates)
        ranks = [0] * n
        for position, entry in enumerate(ballot, start=1):
            tier = entry if isinstance(entry, (list, tuple, set, frozenset)) else [entry]
            for c in tier:
                i = self.index(c)
                if ranks[i]:
                    from .errors import InvalidArgument
                    raise InvalidArgument(f"candidate {c!r} appears twice in one ballot")
                ranks[i] = position
        array = (ctypes.c_int32 * n)(*ranks)
        if unit is not None:
            check(lib.accord_profile_add_ranking_for(self._handle, str(unit).encode(), array, n, count,
                                                     _weight_text(weight)))
        else:
            check(lib.accord_profile_add_ranking(self._handle, array, n, count, _weight_text(weight)))

    def add_approval(self, approved: Iterable[Any], count: int = 1, weight: Weight = None) -> None:
        """Adds `count` approval ballots."""
        idx = [self.index(c) for c in approved]
        array = (ctypes.c_uint32 * max(1, len(idx)))(*idx)
        check(lib.accord_profile_add_approval(self._handle, array, len(idx), count, _weight_text(weight)))

    def add_scores(self, scores: Mapping[Any, int], count: int = 1, weight: Weight = None) -> None:
        """Adds `count` score ballots: {candidate: integer score}; unscored candidates omitted."""
        n = len(self.candidates)
        values = [_NO_SCORE] * n
        for c, s in scores.items():
            values[self.index(c)] = int(s)
        array = (ctypes.c_int32 * n)(*values)
        check(lib.accord_profile_add_scores(self._handle, array, n, count, _weight_text(weight)))

    def save(self, path: Union[str, PathLike[str]], format: str) -> None:
        """Writes the profile (soc, soi, toc, toi, cat, blt, csv, debian)."""
        check(lib.accord_profile_save(self._handle, str(path).encode(), format.encode()))

    # -- lifetime ---------------------------------------------------------------------------
    def close(self) -> None:
        """Frees the C profile now (also done automatically when garbage collected)."""
        self._finalizer()

    def __enter__(self) -> "Profile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Profile({self.candidates!r}, voters={self.voters})"


@dataclass(frozen=True)
class Transfer:
    """Votes moved from one candidate to another (or to "exhausted")."""
    source: str
    target: str
    votes: Fraction


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
        return json.dumps(self.raw, indent=indent)

    def rounds_table(self) -> list[dict[str, Any]]:
        """One row per round and candidate: {round, candidate, votes}, for DataFrames."""
        return [{"round": r.number, "candidate": c, "votes": v} for r in self.rounds for c, v in r.tallies.items()]


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


def run(profile: Profile, method: str, options: Mapping[str, Any] | None = None, /, **kwargs: Any) -> Result:
    """Counts `profile` with a registered method.

    Options go as keyword arguments or a mapping, e.g.
    ``run(p, "irv", tie_break="random", seed=7, batch_elimination=True)``. Unknown options raise
    InvalidArgument naming the option; unknown methods raise NotFound. The first three parameters
    are positional-only, so rules with an option called ``method`` or ``options`` take it as a
    keyword: ``run(p, "budget", method="equal-shares", budget=4, costs={...})``.
    """
    opts = dict(options or {})
    opts.update(kwargs)
    handle = ctypes.c_void_p()
    check(lib.accord_run(profile._handle, method.encode(), json.dumps(opts).encode(), ctypes.byref(handle)))
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


def power(quota: int | None = None, weights: Sequence[int] | None = None, *,
          majorities: Sequence[tuple[int, Sequence[int]]] | None = None,
          players: Sequence[str] | None = None, unions: Sequence[Sequence[int]] | None = None,
          indices: Union[str, Sequence[str]] | None = None, method: str | None = None,
          progress: Any = None, **options: Any) -> dict[str, Any]:
    """Power indices of a weighted voting game [quota; weights], exact by default.

    ``majorities=[(q1, w1), (q2, w2)]`` gives several weighted majorities that must all hold
    (e.g. practices AND patients); ``unions`` (0-based player indices) enable Owen and
    Banzhaf-Owen. ``progress(fraction) -> bool`` may return False to cancel (raises Cancelled).
    Returns the JSON object of docs/methods/power.md with exact values as Fractions under the
    ``*_exact`` keys and swings as ints.
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
    return raw


class Organisation:
    """Voting units (practices, PCNs, ...) with registered populations, from a CSV.

    >>> org = Organisation.from_file("practices_herefordshire_worcestershire_2025.csv",
    ...                              within=["U12199", "U38064", "U50083", "U65562", "U98974"])
    >>> report = org.weights("sqrt")          # shares, largest share, smallest majority
    """

    def __init__(self) -> None:
        raise TypeError("use Organisation.from_file(path, ...)")

    @classmethod
    def from_file(cls, path: Union[str, PathLike[str]], within: Sequence[str] | None = None,
                  unallocated: str | None = None, min_population: int | None = None) -> "Organisation":
        options: dict[str, Any] = {}
        if within:
            options["within"] = list(within)
        if unallocated:
            options["unallocated"] = unallocated
        if min_population is not None:
            options["min_population"] = int(min_population)
        handle = ctypes.c_void_p()
        check(lib.accord_org_load(str(path).encode(), json.dumps(options).encode() if options else None,
                                  ctypes.byref(handle)))
        self = cls.__new__(cls)
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.accord_org_free, handle)
        return self

    def __len__(self) -> int:
        n = ctypes.c_size_t()
        check(lib.accord_org_unit_count(self._handle, ctypes.byref(n)))
        return n.value

    def weights(self, scheme: str = "equal", level: str | None = None) -> dict[str, Any]:
        """The weight report (docs/weighting.md) with exact shares as Fractions under 'share_exact'."""
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
        return raw

    def set_weights(self, weights: Mapping[str, Any], column: str = "weight") -> str:
        """Sets custom exact weights (unit id -> int, Fraction or "p/q"/decimal string) as the
        attribute `column`; count with the scheme returned, ``"column:<column>"``."""
        for unit, w in weights.items():
            check(lib.accord_org_set_attribute(self._handle, str(unit).encode(), column.encode(), str(w).encode()))
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
               casting_vote: str | None = None) -> dict[str, Any]:
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
        return out

    def apportion(self, seats: int, method: str = "hamilton", level: str = "pcn",
                  min_seats: int = 0, max_seats: int = 0) -> dict[str, Any]:
        """Shares `seats` among the units of `level` by population (docs/methods/apportionment.md).

        Methods: hamilton, jefferson (dhondt), webster (sainte-lague), huntington-hill, adams.
        Returns {"method", "seats", "units": [{"id", "population", "quota_exact" (Fraction),
        "seats"}], "ties"}.
        """
        opts: dict[str, Any] = {"method": method}
        if min_seats:
            opts["min"] = min_seats
        if max_seats:
            opts["max"] = max_seats
        out = self._json_call(lib.accord_apportion, level.encode(), seats, json.dumps(opts).encode())
        for u in out["units"]:
            u["quota_exact"] = Fraction(u["quota_exact"])
        return out

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
        self._finalizer()
