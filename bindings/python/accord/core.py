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

__all__ = ["Profile", "Ballot", "Result", "Round", "Tie", "Transfer", "Organisation", "PowerIndices", "WeightReport",
           "Decision", "Apportionment", "run", "methods", "version", "version_number", "power"]

Weight = Union[int, str, Fraction, None]


@dataclass(frozen=True)
class Ballot:
    """One distinct ballot of a profile, as iteration yields it: ``ranking`` is a list of tiers
    (tuples of names, best first) for rankings, the approved names for approval ballots, or
    {name: score} for score ballots; ``count`` voters cast it, each with the exact ``weight``
    (None = 1), tagged with ``unit`` (None = untagged)."""

    ranking: Any
    count: int
    weight: Fraction | None
    unit: str | None
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


def _is_pandas_frame(frame: Any) -> bool:
    """A pandas DataFrame (checked by type name, so pandas is imported only when in use)."""
    return type(frame).__name__ == "DataFrame" and type(frame).__module__.startswith("pandas")


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
        if _is_pandas_frame(frame):
            return cls._from_pandas(frame, rank_columns, candidate_columns, count_column, weight_column, unit_column,
                                    candidates)
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

    @classmethod
    def from_arrays(cls, rankings: Any, candidates: Sequence[str], *, layout: str = "choices",
                    counts: Any = None, weights: Any = None, units: Any = None) -> "Profile":
        """A ranking profile from arrays in one C call (accord_profile_add_rankings_bulk), as
        XGBoost's DMatrix takes arrays. ``rankings`` is an integer matrix (rows x columns):

        - ``layout="choices"`` (default): each row lists candidate indices, first choice first;
          -1 is a blank choice (left out, the later choices move up).
        - ``layout="ranks"``: one column per candidate holding its rank (1 = first, 0 = unranked,
          equal ranks = a tie).

        ``counts``: voters per row (default 1 each); ``weights``: exact weights per row (ints,
        Fractions or "p/q" strings; floats only when whole); ``units``: a unit id per row (None or
        "" = no unit). Every row is checked before any is added. Needs numpy."""
        import numpy as np  # noqa: PLC0415 - only for the bulk path

        cells = np.ascontiguousarray(np.asarray(rankings), dtype=np.int32)
        if cells.ndim != 2:
            raise InvalidArgument(f"from_arrays: rankings must be a 2-D matrix, got {cells.ndim} dimension(s)")
        p = cls(list(candidates))
        p._add_bulk(cells, layout, counts, weights, units)
        return p

    def _add_bulk(self, cells: Any, layout: str, counts: Any, weights: Any, units: Any) -> None:
        import numpy as np  # noqa: PLC0415

        if layout not in ("choices", "ranks"):
            raise ValueError(f"layout must be 'choices' or 'ranks', got {layout!r}")
        rows, cols = cells.shape
        keep: list[Any] = [cells]

        def pointer(a: Any) -> Any:
            keep.append(a)
            return a.ctypes.data_as(ctypes.c_void_p)

        count_p = weight_num_p = weight_den_p = unit_p = None
        if counts is not None:
            c = np.asarray(counts)
            if c.shape != (rows,):
                raise InvalidArgument(f"from_arrays: {len(c)} counts for {rows} rows")
            if (c < 1).any():
                raise InvalidArgument(f"from_arrays: row {int(np.argmax(c < 1)) + 1}: count must be at least 1")
            count_p = pointer(np.ascontiguousarray(c, dtype=np.uint64))
        if weights is not None:
            w = np.asarray(weights)
            if w.shape != (rows,):
                raise InvalidArgument(f"from_arrays: {len(w)} weights for {rows} rows")
            if w.dtype.kind in "iu":
                num, den = w.astype(np.int64), np.ones(rows, dtype=np.int64)
            elif w.dtype.kind == "f":
                if not np.all(np.isfinite(w)) or not np.all(w == np.floor(w)):
                    raise TypeError("weights are exact; use ints, Fractions or strings such as '1/3', not floats")
                num, den = w.astype(np.int64), np.ones(rows, dtype=np.int64)
            else:
                fr = [Fraction(x) if not isinstance(x, float) or x.is_integer() else None for x in w.tolist()]
                if any(f is None for f in fr):
                    raise TypeError("weights are exact; use ints, Fractions or strings such as '1/3', not floats")
                num = np.array([f.numerator for f in fr], dtype=np.int64)  # type: ignore[union-attr]
                den = np.array([f.denominator for f in fr], dtype=np.int64)  # type: ignore[union-attr]
            weight_num_p, weight_den_p = pointer(num), pointer(den)
        ids: list[bytes] = []
        if units is not None:
            if len(units) != rows:
                raise InvalidArgument(f"from_arrays: {len(units)} units for {rows} rows")
            try:
                import pandas as pd  # noqa: PLC0415 - vectorised when pandas is there
            except ImportError:
                pd = None
            if pd is not None:
                # Factorised first; only the (few) distinct values are checked for blanks.
                codes_raw, uniques = pd.factorize(pd.Series(units, dtype=object), use_na_sentinel=True)
                codes = codes_raw.astype(np.int32)
                keep = [not _is_missing(k) for k in uniques]
                if not all(keep):
                    remap = np.full(len(uniques) + 1, -1, dtype=np.int32)
                    remap[:-1][np.array(keep)] = np.arange(sum(keep), dtype=np.int32)
                    codes = remap[codes]  # -1 indexes the last slot: stays -1
                ids = [str(k).encode() for k, ok in zip(uniques, keep) if ok]
            else:
                index: dict[str, int] = {}
                codes = np.empty(rows, dtype=np.int32)
                for i, x in enumerate(units.tolist() if hasattr(units, "tolist") else list(units)):
                    if _is_missing(x):
                        codes[i] = -1
                        continue
                    code = index.setdefault(str(x), len(index))
                    codes[i] = code
                ids = [k.encode() for k in index]
            unit_p = pointer(np.ascontiguousarray(codes, dtype=np.int32))
        id_array = (ctypes.c_char_p * max(1, len(ids)))(*ids)
        check(lib.accord_profile_add_rankings_bulk(self._handle, cells.ctypes.data_as(ctypes.c_void_p), rows, cols,
                                                   1 if layout == "choices" else 0, count_p, weight_num_p,
                                                   weight_den_p, unit_p, id_array, len(ids)))

    @classmethod
    def _from_pandas(cls, frame: Any, rank_columns: Sequence[str] | None, candidate_columns: Sequence[str] | None,
                     count_column: str | None, weight_column: str | None, unit_column: str | None,
                     candidates: Sequence[str] | None) -> "Profile":
        """from_frame for a pandas DataFrame: columns to integer arrays, then one bulk C call."""
        import numpy as np  # noqa: PLC0415
        pd = pandas()
        columns = [str(c) for c in frame.columns]
        if candidate_columns is None and rank_columns is None:
            rank_columns = [c for c in columns if c.lower().startswith(("rank", "choice"))]
            if not rank_columns:
                raise InvalidArgument("from_frame: no rank columns (named rank1, rank2, ... or choice1, ...); "
                                      "pass rank_columns=[...] or candidate_columns=[...]")
        wanted = list(rank_columns or candidate_columns or [])
        for c in wanted:
            if c not in columns:
                raise NotFound(f"from_frame: no column {c!r} (columns: {columns})")
        frame = frame.set_axis(columns, axis=1)
        rows = len(frame)
        if candidate_columns is not None:
            names = list(candidates) if candidates is not None else list(candidate_columns)
            block = frame[list(candidate_columns)]
            ranks = block.apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy()
            if (ranks != np.floor(ranks)).any() or (ranks < 0).any():
                raise InvalidArgument("from_frame: candidate columns must hold whole ranks >= 0 (empty or 0 = unranked)")
            position = {c: i for i, c in enumerate(names)}
            cells = np.zeros((rows, len(names)), dtype=np.int32)
            for j, c in enumerate(candidate_columns):
                if c not in position:
                    raise NotFound(f"from_frame: candidate column {c!r} is not among the candidates")
                cells[:, position[c]] = ranks[:, j]
            layout = "ranks"
        else:
            # Column by column, vectorised: each column is coded against the candidates; only the
            # cells left uncoded are looked at one by one (blank = missing or only spaces).
            columns_text = []
            for c in wanted:
                col = frame[c]
                if col.dtype != object:
                    col = col.astype(object).where(col.notna(), None).map(lambda x: x if x is None else str(x))
                columns_text.append(col)
            if candidates is None:
                # First seen, row by row then column by column, as the row-by-row reader does.
                stacked = np.column_stack([t.to_numpy(dtype=object) for t in columns_text]).ravel()
                seen = pd.unique(stacked[pd.notna(stacked)])
                names = [str(x) for x in seen if isinstance(x, str) and x.strip()]
            else:
                names = [str(c) for c in candidates]
            cells = np.empty((rows, len(wanted)), dtype=np.int32)
            for k, text in enumerate(columns_text):
                codes = pd.Categorical(text, categories=names).codes.astype(np.int32)
                for at in np.flatnonzero((codes == -1) & text.notna().to_numpy()):
                    value = text.iloc[int(at)]
                    if not (isinstance(value, str) and not value.strip()):
                        raise NotFound(f"from_frame: row {int(at) + 1}, column {wanted[k]!r}: {value!r} is not a candidate")
                cells[:, k] = codes
            layout = "choices"
        p = cls(names)
        present = {name: col for name, col in (("count", count_column), ("weight", weight_column),
                                               ("unit", unit_column)) if col is not None and col in columns}
        counts = weights = units = None
        if "count" in present:
            c = frame[present["count"]]
            counts = c.fillna(1).to_numpy()
            if counts.dtype.kind == "f" and not (counts == np.floor(counts)).all():
                raise InvalidArgument(f"from_frame: column {present['count']!r} must hold whole counts")
            counts = counts.astype(np.int64)
        if "weight" in present:
            w = frame[present["weight"]]
            weights = w.where(~w.isna(), 1).to_numpy()
        if "unit" in present:
            units = frame[present["unit"]].to_numpy(dtype=object)
        p._add_bulk(np.ascontiguousarray(cells, dtype=np.int32), layout, counts, weights, units)
        return p

    # -- reading back -----------------------------------------------------------------------
    def _json(self) -> dict[str, Any]:
        out = ctypes.c_void_p()
        check(lib.accord_profile_to_json(self._handle, ctypes.byref(out)))
        try:
            return json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
        finally:
            lib.accord_string_free(out)

    def ballots(self) -> list[Ballot]:
        """The distinct ballots, in the order first added (see :class:`Ballot`)."""
        raw = self._json()
        names, units = raw["candidates"], raw["units"]
        out = []
        for b in raw["ballots"]:
            if raw["kind"] == "ranking":
                tiers: dict[int, list[str]] = {}
                for c, v in b["marks"]:
                    tiers.setdefault(v, []).append("(overvote)" if c is None else names[c])
                ranking: Any = [tuple(tiers[k]) for k in sorted(tiers)]
            elif raw["kind"] == "approval":
                ranking = [names[c] for c, _ in b["marks"]]
            else:
                ranking = {names[c]: v for c, v in b["marks"]}
            out.append(Ballot(ranking=ranking, count=int(b["count"]),
                              weight=None if b["weight"] is None else Fraction(b["weight"]),
                              unit=None if b["unit"] is None else units[b["unit"]]))
        return out

    def __iter__(self) -> Any:
        """Iterates over the distinct ballots (:class:`Ballot`), each with its multiplicity."""
        return iter(self.ballots())

    @property
    def units(self) -> list[str]:
        """The unit ids ballots are tagged with, in the order first seen."""
        return list(self._json()["units"])

    def __eq__(self, other: object) -> bool:
        """Same kind, candidates (in order), withdrawn candidates and the same ballots with the
        same counts, weights and units (in any order)."""
        if not isinstance(other, Profile):
            return NotImplemented
        a, b = self._json(), other._json()

        def key(raw: dict[str, Any]) -> Any:
            ballots: dict[Any, int] = {}
            for x in raw["ballots"]:
                k = (tuple(tuple(m) for m in x["marks"]), x["weight"],
                     None if x["unit"] is None else raw["units"][x["unit"]])
                ballots[k] = ballots.get(k, 0) + int(x["count"])
            return raw["kind"], raw["candidates"], raw["withdrawn"], ballots

        return key(a) == key(b)

    __hash__ = None  # type: ignore[assignment]

    def to_frame(self, layout: str = "choices") -> Any:
        """The distinct ballots as a pandas DataFrame that :meth:`from_frame` reads back to an
        equal profile: columns rank1..rankK (``layout="choices"``, candidate names; ties need the
        other layout) or one column per candidate holding its rank (``layout="ranks"``), then
        ``count``, and ``weight`` (exact "p/q" strings) and ``unit`` when any ballot has one."""
        pd = pandas()
        if layout not in ("choices", "ranks"):
            raise ValueError(f"layout must be 'choices' or 'ranks', got {layout!r}")
        if self.kind != "ranking":
            raise InvalidArgument("to_frame: only ranking profiles have a frame layout")
        names = self.candidates
        ballots = self.ballots()
        records: list[dict[str, Any]] = []
        width = max((sum(len(t) for t in b.ranking) for b in ballots), default=0)
        for b in ballots:
            row: dict[str, Any] = {}
            if layout == "choices":
                if any(len(t) > 1 for t in b.ranking):
                    raise InvalidArgument("to_frame: a ballot ranks candidates equal; use layout='ranks'")
                for k in range(width):
                    row[f"rank{k + 1}"] = b.ranking[k][0] if k < len(b.ranking) else None
            else:
                for c in names:
                    row[c] = 0
                for k, tier in enumerate(b.ranking, start=1):
                    for c in tier:
                        row[c] = k
            row["count"] = b.count
            records.append(row)
        frame = pd.DataFrame(records, columns=[f"rank{k + 1}" for k in range(width)] if layout == "choices" else names)
        frame["count"] = [b.count for b in ballots]
        if any(b.weight is not None for b in ballots):
            frame["weight"] = [str(b.weight) if b.weight is not None else "1" for b in ballots]
        if any(b.unit is not None for b in ballots):
            frame["unit"] = [b.unit for b in ballots]
        return frame

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
        count = _count(count)  # checked here: ctypes would wrap 2**64 + 3 to 3, -1 to 2**64 - 1
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
        count = _count(count)  # checked here: ctypes would wrap 2**64 + 3 to 3, -1 to 2**64 - 1
        idx = [self.index(c) for c in approved]
        array = (ctypes.c_uint32 * max(1, len(idx)))(*idx)
        check(lib.accord_profile_add_approval(self._handle, array, len(idx), _count(count), _weight_text(weight)))

    def add_scores(self, scores: Mapping[Any, int], count: int = 1, weight: Weight = None) -> None:
        """Adds `count` score ballots: {candidate: integer score}; unscored candidates omitted."""
        count = _count(count)  # checked here: ctypes would wrap 2**64 + 3 to 3, -1 to 2**64 - 1
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

    def _repr_html_(self) -> str:
        """Notebook display: one row per player, a bar per index."""
        from ._html import bar, table
        names = self.indices()
        rows = [[p, *[bar(self[k][i]) for k in names]] for i, p in enumerate(self.players)]
        return table(["player", *names], rows, "power indices")


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

    def _repr_html_(self) -> str:
        """Notebook display: each unit's population and share (with a bar), then the summary."""
        from ._html import bar, table
        rows = [[u["id"], u.get("name", ""), u.get("population", ""), bar(u["share"])] for u in self["units"]]
        caption = (f'{self["scheme"]}: largest share {100 * self["largest_share"]:.1f}%, effective number '
                   f'{self["effective_number"]:.2f}, smallest majority {self["min_majority"]["count"]} units')
        return table(["id", "name", "population", "share"], rows, caption)


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

    def _json(self) -> dict[str, Any]:
        out = ctypes.c_void_p()
        check(lib.accord_org_to_json(self._handle, ctypes.byref(out)))
        try:
            return json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
        finally:
            lib.accord_string_free(out)

    def units_table(self) -> list[dict[str, Any]]:
        """Every unit as a dict: "id", "name", "kind", "parent" (an id or None), "population",
        "attributes"."""
        return list(self._json()["units"])

    def __iter__(self) -> Any:
        """Iterates over the units (dicts, as :meth:`units_table`)."""
        return iter(self.units_table())

    def units(self, kind: str | None = None) -> list[str]:
        """Unit ids, all or of one kind ("practice", "pcn", ...)."""
        return [u["id"] for u in self.units_table() if kind is None or u["kind"] == kind]

    @property
    def kinds(self) -> list[str]:
        """The kinds of unit, leaves first."""
        return list(self._json()["kinds"])

    def __eq__(self, other: object) -> bool:
        """The same units (ids, names, kinds, parents, populations, attributes)."""
        if not isinstance(other, Organisation):
            return NotImplemented
        return self._json() == other._json()

    __hash__ = None  # type: ignore[assignment]

    def to_frame(self) -> Any:
        """The units as a pandas DataFrame with the generic organisation columns id, name, kind,
        parent, population (groups' populations are the sums of their members') and one column
        per attribute; ``to_frame().to_csv(path, index=False)`` reads back with from_file."""
        pd = pandas()
        units = self.units_table()
        attrs: list[str] = []
        for u in units:
            for k in u["attributes"]:
                if k not in attrs:
                    attrs.append(k)
        leaves = set(self.kinds[:1])
        rows = [{"id": u["id"], "name": u["name"], "kind": u["kind"], "parent": u["parent"],
                 "population": u["population"] if u["kind"] in leaves else None,
                 **{k: u["attributes"].get(k) for k in attrs}} for u in units]
        frame = pd.DataFrame(rows, columns=["id", "name", "kind", "parent", "population", *attrs])
        frame["population"] = frame["population"].astype("Int64")
        return frame

    def weights(self, scheme: str = "equal", level: str | None = None, *, group_scheme: str | None = None,
                group_level: str | None = None) -> WeightReport:
        """The weight report of the units of ``level`` (default: the leaves, e.g. practices) under
        a scheme: "equal", "population", "sqrt", "capped:F", "banded:SIZE", "group-equal",
        "blend:A", "column:NAME" (docs/weighting.md). Exact shares are Fractions under
        "share_exact"; ``to_frame()`` gives a DataFrame.

        With ``group_scheme`` the weighting has two levels: ``scheme`` inside each group of kind
        ``group_level`` (default "pcn"), ``group_scheme`` across the groups; the report then also
        has "within", "across", "group_level" and "groups" (the groups' own report)."""
        out = ctypes.c_void_p()
        if group_scheme is not None:
            check(lib.accord_weights_two_level(self._handle, scheme.encode(), group_scheme.encode(),
                                               level.encode() if level else None,
                                               group_level.encode() if group_level else None, ctypes.byref(out)))
        else:
            check(lib.accord_weights(self._handle, scheme.encode(), level.encode() if level else None,
                                     ctypes.byref(out)))
        try:
            raw = json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
        finally:
            lib.accord_string_free(out)
        for u in raw["units"]:
            u["weight_exact"] = Fraction(u["weight_exact"])
            u["share_exact"] = Fraction(u["share_exact"])
        raw["largest_share_exact"] = Fraction(raw["largest_share_exact"])
        if "groups" in raw:
            for u in raw["groups"]["units"]:
                u["weight_exact"] = Fraction(u["weight_exact"])
                u["share_exact"] = Fraction(u["share_exact"])
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
            options: Mapping[str, Any] | None = None, *, group_scheme: str | None = None, **kwargs: Any) -> Result:
        """Counts `profile` (ballots tagged with unit ids) weighted by a scheme of this organisation.
        With ``group_scheme``, two levels: ``scheme`` inside each group at ``group_level``,
        ``group_scheme`` across the groups (docs/weighting.md)."""
        aggregate: dict[str, Any] = {"mode": mode}
        if group_scheme:
            aggregate["group_scheme"] = group_scheme
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
