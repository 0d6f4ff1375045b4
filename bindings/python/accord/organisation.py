"""Organisations: voting units with populations, their weights, motions, power and apportionment."""
from __future__ import annotations

import ctypes
import functools
import json
import os
import weakref
from fractions import Fraction
from os import PathLike
from typing import Any, Mapping, Sequence, Union

from ._convert import _Report, exact_text, fraction, names, pandas, whole
from ._ffi import check, lib
from ._json_call import call_json
from ._progress import _Progress
from .power import PowerIndices, _power_from
from .profile import Profile, _text
from .result import Result, _result_from

__all__ = ['Organisation', 'WeightReport', 'Decision', 'Apportionment', 'join_nhs']


@functools.lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    """The core's defaults table (accord_analysis_defaults), read once: what an absent scheme or
    mode means, the same in C, the CLI and here."""
    return call_json(lib.accord_analysis_defaults)


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
        return dict(self.weights().get("provenance", {}))

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

    def weights(self, scheme: str | None = None, level: str | None = None, *, group_scheme: str | None = None,
                group_level: str | None = None) -> WeightReport:
        """The weight report of the units of ``level`` (default: the leaves, e.g. practices) under
        a scheme: "equal", "population", "sqrt", "capped:F", "banded:SIZE", "group-equal",
        "blend:A", "column:NAME" (docs/weighting.md); by default the core's,
        ``analysis_defaults()["weights"]["scheme"]`` ("equal"). Exact shares are Fractions under
        "share_exact"; ``to_frame()`` gives a DataFrame.

        With ``group_scheme`` the weighting has two levels: ``scheme`` inside each group of kind
        ``group_level`` (default "pcn"), ``group_scheme`` across the groups; the report then also
        has "within", "across", "group_level" and "groups" (the groups' own report)."""
        if scheme is None:
            scheme = _defaults()["weights"]["scheme"]
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
            u["weight_exact"] = fraction(u["weight_exact"])
            u["share_exact"] = fraction(u["share_exact"])
        raw["largest_share_exact"] = fraction(raw["largest_share_exact"])
        if "groups" in raw:
            for u in raw["groups"]["units"]:
                u["weight_exact"] = fraction(u["weight_exact"])
                u["share_exact"] = fraction(u["share_exact"])
        return WeightReport(raw)

    def set_weights(self, weights: Mapping[str, Any], column: str = "weight") -> str:
        """Sets custom exact weights (unit id -> int, Fraction or "p/q"/decimal string) as the
        attribute `column`; count with the scheme returned, ``"column:<column>"``."""
        for unit, w in weights.items():
            check(lib.accord_org_set_attribute(self._handle, _text(unit, "unit"), _text(column, "column"), _text(w, "weight")))
        return f"column:{column}"

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
        out = call_json(lib.accord_decide, self._handle, votes_json.encode(), json.dumps(rule_obj).encode(),
                              casting_vote.encode() if casting_vote else None)
        for c in out["conditions"]:
            for key in ("have_exact", "need_exact", "base_exact", "short_by_exact"):
                c[key] = fraction(c[key])
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
                  min_seats: int = 0, max_seats: int = 0, *, quota: str | None = None,
                  whole_quota: bool | None = None, excess: str | None = None,
                  first_divisor: str | int | float | Fraction | None = None) -> Apportionment:
        """Shares `seats` among the units of `level` by population (docs/methods/apportionment.md).

        Methods: hamilton, jefferson (dhondt), webster (sainte-lague), huntington-hill, adams.
        Largest remainder (hamilton) takes `quota` ("hare", "droop", "hagenbach-bischoff",
        "imperiali"), `whole_quota` and `excess` ("refuse", "reduce-divisor"); webster takes
        `first_divisor`, exact ("7/5", "1.4", a Fraction, or a number read as its shortest
        decimal: 1.4 is 7/5). An option the method does not use raises InvalidArgument.
        Returns {"method", "seats", "units": [{"id", "population", "quota_exact" (Fraction),
        "seats"}], "ties"}, plus "largest_remainder" ({"quota", "votes_per_seat", "rejected"},
        Fractions) and each unit's "quotient_exact", or "first_divisor" (Fraction).
        """
        seats = whole(seats, "seats")
        opts: dict[str, Any] = {"method": method}
        if min_seats:
            opts["min"] = whole(min_seats, "min_seats")
        if max_seats:
            opts["max"] = whole(max_seats, "max_seats")
        if quota is not None:
            opts["quota"] = quota
        if whole_quota is not None:
            opts["whole_quota"] = bool(whole_quota)
        if excess is not None:
            opts["excess"] = excess
        if first_divisor is not None:
            opts["first_divisor"] = exact_text(first_divisor)
        out = call_json(lib.accord_apportion, self._handle, level.encode(), seats, json.dumps(opts).encode())
        for u in out["units"]:
            u["quota_exact"] = fraction(u["quota_exact"])
            if "quotient_exact" in u:
                u["quotient_exact"] = fraction(u["quotient_exact"])
        if "largest_remainder" in out:
            lr = out["largest_remainder"]
            lr["votes_per_seat"] = fraction(lr["votes_per_seat"])
            lr["rejected"] = [fraction(q) for q in lr["rejected"]]
        if "first_divisor" in out:
            out["first_divisor"] = fraction(out["first_divisor"])
        return Apportionment(out)

    def run(self, profile: Profile, method: str, scheme: str | None = None, mode: str | None = None,
            inner: str | None = None, outer: str | None = None, group_level: str | None = None,
            options: Mapping[str, Any] | None = None, *, group_scheme: str | None = None, **kwargs: Any) -> Result:
        """Counts `profile` (ballots tagged with unit ids) weighted by a scheme of this organisation.
        With ``group_scheme``, two levels: ``scheme`` inside each group at ``group_level``,
        ``group_scheme`` across the groups (docs/weighting.md). ``scheme`` and ``mode`` default to
        the core's (``analysis_defaults()["run"]``: "equal", "normalised")."""
        defaults = _defaults()["run"]
        scheme = defaults["scheme"] if scheme is None else scheme
        aggregate: dict[str, Any] = {"mode": defaults["mode"] if mode is None else mode}
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
        return _result_from(handle, profile)

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
