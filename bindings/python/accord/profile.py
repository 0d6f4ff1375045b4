"""Profiles: candidates and ballots, built, read, saved and iterated."""
from __future__ import annotations

import ctypes
import json
import weakref
from dataclasses import dataclass
from fractions import Fraction
from os import PathLike, fspath
from typing import Any, Iterable, Mapping, Sequence, Union

from ._convert import pandas
from ._json_call import call_json
from ._ffi import check, lib
from .errors import AccordOverflowError, InvalidArgument, NotFound

__all__ = ['Profile', 'Ballot']


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


def _ballot_columns(columns: list[str], rank_columns: Sequence[str] | None,
                    candidate_columns: Sequence[str] | None) -> list[str]:
    """The columns of a frame that hold the ballots: ``rank_columns`` or ``candidate_columns``, or
    by default the columns named rank1, rank2, ... (or choice1, ...); NotFound for a column the
    frame lacks."""
    if candidate_columns is None and rank_columns is None:
        rank_columns = [c for c in columns if c.lower().startswith(("rank", "choice"))]
        if not rank_columns:
            raise InvalidArgument("from_frame: no rank columns (named rank1, rank2, ... or choice1, ...); "
                                  "pass rank_columns=[...] or candidate_columns=[...]")
    wanted = list(rank_columns or candidate_columns or [])
    for c in wanted:
        if c not in columns:
            raise NotFound(f"from_frame: no column {c!r} (columns: {columns})")
    return wanted


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
        """Reads a ballot file (PrefLib, BLT, CSV, score CSV, Debian tally, CDF JSON, Excel .xlsx,
        Pabulib .pb, whose costs and budget the budget rule uses; see docs/formats.md). An .xlsx sheet is read as CSV with the same options, plus ``sheet``
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
        wanted = _ballot_columns(columns, rank_columns, candidate_columns)
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
        wanted = _ballot_columns(columns, rank_columns, candidate_columns)
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

    @property
    def budget(self) -> Fraction | None:
        """The participatory budget a Pabulib file declares (exact), or None."""
        b = call_json(lib.accord_profile_budget_json, self._handle)["budget"]
        return None if b is None else Fraction(b)

    @property
    def costs(self) -> dict[str, Fraction] | None:
        """Each project's cost as a Pabulib file declares it (exact), by candidate, or None."""
        c = call_json(lib.accord_profile_budget_json, self._handle)["costs"]
        return None if c is None else {name: Fraction(v) for name, v in c.items()}

    def set_budget(self, budget: Union[int, str, Fraction, None] = ..., *,  # type: ignore[assignment]
                   costs: Mapping[str, Union[int, str, Fraction]] | None = ...) -> None:  # type: ignore[assignment]
        """Sets the budget and every candidate's cost (exact: ints, Fractions or strings such as
        "1250.50"); None removes one, and one left out is unchanged. The budget rule then needs
        neither option, and ``save(path, "pabulib")`` can write the profile."""
        def exact(x: Any, what: str) -> Any:
            if isinstance(x, bool) or isinstance(x, float):
                raise InvalidArgument(f"{what} must be exact (an int, a Fraction or a string), got {x!r}")
            return x if isinstance(x, (int, str)) else str(Fraction(x))
        body: dict[str, Any] = {}
        if budget is not ...:
            body["budget"] = None if budget is None else exact(budget, "budget")
        if costs is not ...:
            body["costs"] = None if costs is None else {k: exact(v, f"the cost of {k!r}") for k, v in costs.items()}
        check(lib.accord_profile_set_budget_json(self._handle, json.dumps(body).encode()))

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
        """Writes the profile (soc, soi, toc, toi, cat, blt, csv, debian, scores, pabulib;
        docs/formats.md). A format that cannot hold the profile raises Unsupported, naming why:
        ties into soi, weights into PrefLib, a Pabulib file's budget and costs into anything but
        pabulib."""
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
