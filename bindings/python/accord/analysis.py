"""How fragile are the priorities? SMAA, sweeps and tipping points over the C API.

>>> org = accord.Organisation.from_file("place_org.csv")
>>> p = accord.Profile.from_file("place_ballots.csv", unit_column="unit")
>>> s = accord.smaa(p, org, "borda", weights="simplex", samples=10_000, seed=1)
>>> s.winner_probability["Access"], s.ranked()[:3]
>>> accord.sweep(p, org, rules=["borda", "irv"], schemes=["equal", "population"]).movers
>>> accord.tipping(p, org, "irv", scheme="population").units[0].down
>>> accord.by_group(p, "irv", org=org, per="pcn").to_frame()     # results per group

Each function sends its options as JSON to accord_analyse_* and copies the JSON report into
frozen dataclasses (exact numbers as Fractions), so nothing refers to C memory afterwards.
``progress(fraction)`` may return False to cancel (raises Cancelled); Ctrl-C cancels too and
raises KeyboardInterrupt. Definitions and keys: docs/analysis.md.
"""
from __future__ import annotations

import ctypes
import json
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence, Union

from ._convert import dumps, fraction, names, pandas, whole
from ._ffi import lib
from ._json_call import call_json
from ._progress import _Progress
from .organisation import Organisation
from .profile import Profile

__all__ = ["Smaa", "SweepRow", "Sweep", "TippingBracket", "TippingPoint", "Tipping", "GroupRow", "Groups", "smaa",
           "sweep", "tipping", "by_group", "analysis_defaults", "report"]

Progress = Callable[[float], Any]
Exact = Union[int, str, Fraction]


def _analyse(fn: Any, profile: Profile, org: Organisation, options: Mapping[str, Any],
             progress: Progress | None) -> dict[str, Any]:
    return call_json(fn, profile._handle, org._handle, json.dumps(options).encode(), progress=progress,
                     with_progress=True)


def _exact(x: Exact) -> str:
    if isinstance(x, float):
        raise TypeError("tipping brackets are exact: pass an int, a Fraction or a string such as '1/1000'")
    return str(x)


def _common(rule: str, scheme: str | None, mode: str | None, level: str | None,
            rule_options: Mapping[str, Any] | None) -> dict[str, Any]:
    o: dict[str, Any] = {"rule": rule}
    if rule_options:
        o["rule_options"] = dict(rule_options)
    for key, value in (("scheme", scheme), ("mode", mode), ("level", level)):
        if value is not None:
            o[key] = value
    return o


# ---- SMAA ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Smaa:
    """Rank acceptability: ``rank_acceptability[name][k]`` = P(name takes place k+1)."""

    samples: int
    candidates: list[str]
    units: list[str]
    rank_acceptability: dict[str, list[float]]
    winner_probability: dict[str, float]
    winner_probability_se: dict[str, float]
    expected_rank: dict[str, float]
    central_weights: dict[str, dict[str, float] | None]
    incomplete: int
    settings: dict[str, Any]

    def ranked(self) -> list[str]:
        """Candidates by expected place, best first."""
        return sorted(self.candidates, key=lambda c: self.expected_rank[c])

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict (the keys of the C report, docs/analysis.md)."""
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text."""
        return dumps(self, indent=indent)

    def to_frame(self) -> Any:
        """Rank acceptability as a pandas DataFrame: one row per candidate (by expected place,
        best first), one column per place (1, 2, ...), each P(candidate takes that place). Needs
        pandas."""
        pd = pandas()
        order = self.ranked()
        places = list(range(1, len(self.candidates) + 1))
        frame = pd.DataFrame([self.rank_acceptability[c] for c in order], index=pd.Index(order, name="candidate"),
                             columns=places)
        frame.columns.name = "place"
        return frame

    def _repr_html_(self) -> str:
        """Notebook display: the rank-acceptability table (bars), by expected place."""
        from ._html import bar, table
        n = len(self.candidates)
        rows = [[c, bar(self.winner_probability[c], "#c0504d"), f"{self.expected_rank[c]:.2f}",
                 *[bar(self.rank_acceptability[c][k]) for k in range(n)]] for c in self.ranked()]
        return table(["candidate", "P(win)", "E[rank]", *[f"place {k + 1}" for k in range(n)]], rows,
                     f"SMAA: {self.samples} samples")

    def summary_frame(self) -> Any:
        """One row per candidate, by expected place: winner_probability, winner_probability_se,
        expected_rank. Needs pandas."""
        pd = pandas()
        order = self.ranked()
        return pd.DataFrame({"winner_probability": [self.winner_probability[c] for c in order],
                             "winner_probability_se": [self.winner_probability_se[c] for c in order],
                             "expected_rank": [self.expected_rank[c] for c in order]},
                            index=pd.Index(order, name="candidate"))


def smaa(profile: Profile, org: Organisation, rule: str, *, samples: int = 1000, seed: int = 0,
         threads: int = 0, perturb: Union[float, str, None] = None, weights: str | None = None,
         bootstrap: bool = False, scheme: str | None = None, mode: str | None = None, level: str | None = None,
         rule_options: Mapping[str, Any] | None = None, resolution: int | None = None,
         group_scheme: str | None = None, group_level: str | None = None,
         progress: Progress | None = None) -> Smaa:
    """SMAA over the organisation's units: rank acceptability, winner probabilities (with
    standard errors) and central weights, deterministic for a seed whatever ``threads`` is.

    Choose at most one sampler: ``perturb=0.1`` (or "population:0.1": each unit's population
    times 1 + 0.1 Z, the default), ``weights="simplex"`` or ``"dirichlet:2"`` (unit shares
    drawn, the scheme ignored), or ``bootstrap=True`` (voters resampled). ``mode="two-stage"``
    and ``group_scheme`` (two-level weighting) sample populations, each sample an exact count.
    ``scheme`` defaults to the core's table (population).
    """
    o = _smaa_options(rule, samples=samples, seed=seed, threads=threads, perturb=perturb, weights=weights,
                      bootstrap=bootstrap, scheme=scheme, mode=mode, level=level, rule_options=rule_options,
                      resolution=resolution, group_scheme=group_scheme, group_level=group_level)
    return _smaa_result(_analyse(lib.accord_analyse_smaa, profile, org, o, progress))


def _smaa_options(rule: str, *, samples: int, seed: int, threads: int, perturb: Union[float, str, None],
                  weights: str | None, bootstrap: bool, scheme: str | None, mode: str | None, level: str | None,
                  rule_options: Mapping[str, Any] | None, resolution: int | None, group_scheme: str | None,
                  group_level: str | None) -> dict[str, Any]:
    """smaa()'s keywords as the C API's options (shared with accord.dask.smaa)."""
    if sum(x is not None and x is not False for x in (perturb, weights, bootstrap)) > 1:
        raise ValueError("give at most one of perturb, weights and bootstrap")
    o = _common(rule, scheme, mode, level, rule_options)
    if bootstrap:
        o["sampler"] = "bootstrap"
    elif weights is not None:
        o["sampler"] = weights
    elif isinstance(perturb, str):
        o["sampler"] = perturb
    elif perturb is not None:
        o["sampler"] = f"population:{float(perturb)!r}"
    o.update(samples=whole(samples, "samples", minimum=1), seed=whole(seed, "seed"), threads=whole(threads, "threads"))
    if resolution is not None:
        o["resolution"] = int(resolution)
    if group_scheme is not None:
        o["group_scheme"] = group_scheme
    if group_level is not None:
        o["group_level"] = group_level
    return o


def _smaa_result(j: Mapping[str, Any]) -> Smaa:
    return Smaa(samples=j["samples"], candidates=j["candidates"], units=j["units"],
                rank_acceptability=j["rank_acceptability"], winner_probability=j["winner_probability"],
                winner_probability_se=j["winner_probability_se"], expected_rank=j["expected_rank"],
                central_weights=j["central_weights"], incomplete=j["incomplete"], settings=j["settings"])


# ---- sweep ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SweepRow:
    """One count of a sweep, compared with the first row (the baseline): Kendall tau-b and
    Spearman rho of the rankings, the candidates whose place ``moved``, and whether the winner
    changed."""

    scheme: str
    aggregation: str
    rule: str
    winner: str | None
    ranking: list[list[str]]
    kendall_tau: float | None
    spearman_rho: float | None
    moved: list[str]
    winner_changed: bool
    #: the across-groups scheme of a two-level weighting (None: one level)
    group_scheme: str | None = None
    #: why this cell could not be counted (None: it was); the sweep carries on past it
    error: str | None = None


@dataclass(frozen=True)
class Sweep:
    """A sweep's counts (``rows``, the first is the baseline), the distinct ``winners`` and the
    candidates whose place moved in any row (``movers``)."""

    rows: list[SweepRow]
    candidates: list[str]
    winners: list[str]
    movers: list[str]
    settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict (the keys of the C report, docs/analysis.md)."""
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text."""
        return dumps(self, indent=indent)

    def _repr_html_(self) -> str:
        """Notebook display: one row per cell (an impossible cell shows why)."""
        from ._html import table
        rows = [[r.scheme, r.group_scheme or "", r.aggregation, r.rule,
                 r.error and f"not counted: {r.error}" or (r.winner or "(tie)"),
                 "" if r.kendall_tau is None else f"{r.kendall_tau:.3f}", ", ".join(r.moved)] for r in self.rows]
        return table(["scheme", "across groups", "mode", "rule", "winner", "tau", "moved"], rows, "sweep")

    def to_frame(self) -> Any:
        """One row per count: scheme, aggregation, rule, winner, ranking (as "A > B = C"),
        kendall_tau, spearman_rho, moved (comma-separated), winner_changed. Needs pandas."""
        pd = pandas()
        return pd.DataFrame([{"scheme": r.scheme, "aggregation": r.aggregation, "rule": r.rule, "winner": r.winner,
                              "ranking": " > ".join(" = ".join(t) for t in r.ranking),
                              "kendall_tau": r.kendall_tau, "spearman_rho": r.spearman_rho,
                              "moved": ", ".join(r.moved), "winner_changed": r.winner_changed} for r in self.rows])


def sweep(profile: Profile, org: Organisation, rules: Union[str, Sequence[str], None] = None,
          schemes: Union[str, Sequence[str], None] = None, modes: Union[str, Sequence[str], None] = None, *,
          level: str | None = None, group_level: str | None = None, rule_options: Mapping[str, Any] | None = None,
          group_schemes: Union[str, Sequence[str], None] = None, progress: Progress | None = None) -> Sweep:
    """Every scheme x group scheme x mode x rule (schemes outermost), each ranking compared with
    the first row that counted; a cell that cannot be counted has its reason in ``error``.
    Absent arguments take the core's defaults (:func:`analysis_defaults`: Borda, equal and
    population, normalised), the same as the CLI's and the C API's. ``group_schemes`` are
    across-groups schemes of two-level weightings ("none": one level). Each of the four is a list
    or a comma-separated string."""
    o = _sweep_options(rules, schemes, modes, group_schemes, level, group_level, rule_options)
    return _sweep_result(_analyse(lib.accord_analyse_sweep, profile, org, o, progress))


def _sweep_options(rules: Any, schemes: Any, modes: Any, group_schemes: Any, level: str | None,
                   group_level: str | None, rule_options: Mapping[str, Any] | None) -> dict[str, Any]:
    """sweep()'s arguments as the C API's options (shared with accord.dask.sweep)."""
    o: dict[str, Any] = {}
    for key, value in (("rules", rules), ("schemes", schemes), ("modes", modes), ("group_schemes", group_schemes)):
        if value is not None:
            o[key] = names(value, key)
    if level is not None:
        o["level"] = level
    if group_level is not None:
        o["group_level"] = group_level
    if rule_options:
        o["rule_options"] = dict(rule_options)
    return o


def _sweep_result(j: Mapping[str, Any]) -> Sweep:
    return Sweep(rows=[SweepRow(**r) for r in j["rows"]], candidates=j["candidates"], winners=j["winners"],
                 movers=j["movers"], settings=j["settings"])


# ---- tipping points ------------------------------------------------------------------------

@dataclass(frozen=True)
class TippingBracket:
    """At ``same`` the baseline winner still wins, at ``changed`` ``new_winner`` does (None: an
    unresolved tie); ``change`` = changed - baseline."""

    same: Fraction
    changed: Fraction
    change: Fraction
    new_winner: str | None


@dataclass(frozen=True)
class TippingPoint:
    """One unit's tipping points: its ``baseline`` (weight factor 1, or its population) and the
    nearest change found ``up`` and ``down`` (None: none within the search range)."""

    unit: str
    name: str
    population: int
    baseline: Fraction
    up: TippingBracket | None
    down: TippingBracket | None
    #: Points of the search that could not be counted (e.g. a population of 0 leaves too few units
    #: for a cap), as (value tried, reason); the search went on past them.
    skipped: list[tuple[Fraction, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Tipping:
    """Tipping points of every unit with ballots, around ``baseline_winner``."""

    baseline_winner: str
    quantity: str
    tolerance: Fraction
    units: list[TippingPoint]
    settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict (exact numbers stay Fractions)."""
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (Fractions as exact strings)."""
        return dumps(self, indent=indent)

    def to_frame(self) -> Any:
        """One row per unit, indexed by unit id: name, population, baseline, and for each
        direction the change (float; NaN when none was found) and the new winner. Needs pandas."""
        pd = pandas()
        rows = []
        for u in self.units:
            row: dict[str, Any] = {"unit": u.unit, "name": u.name, "population": u.population,
                                   "baseline": float(u.baseline)}
            for side, b in (("up", u.up), ("down", u.down)):
                row[f"{side}_change"] = float(b.change) if b is not None else float("nan")
                row[f"{side}_new_winner"] = b.new_winner if b is not None else None
            rows.append(row)
        return pd.DataFrame(rows).set_index("unit")


def _bracket(b: dict[str, Any] | None) -> TippingBracket | None:
    if b is None:
        return None
    return TippingBracket(same=fraction(b["same_exact"]), changed=fraction(b["changed_exact"]),
                          change=fraction(b["change_exact"]), new_winner=b["new_winner"] or None)


def tipping(profile: Profile, org: Organisation, rule: str, *, scheme: str | None = None, mode: str | None = None,
            quantity: str = "weight", max_factor: Exact | None = None, tolerance: Exact | None = None,
            steps_per_doubling: int | None = None, level: str | None = None, group_level: str | None = None,
            rule_options: Mapping[str, Any] | None = None, group_scheme: str | None = None,
            progress: Progress | None = None) -> Tipping:
    """Per unit, the smallest change of its weight factor (``quantity="weight"``) or registered
    population (``"population"``) found that changes the winner, bracketed exactly."""
    o = _common(rule, scheme, mode, level, rule_options)
    o["quantity"] = quantity
    if max_factor is not None:
        o["max_factor"] = _exact(max_factor)
    if tolerance is not None:
        o["tolerance"] = _exact(tolerance)
    if steps_per_doubling is not None:
        o["steps_per_doubling"] = int(steps_per_doubling)
    if group_level is not None:
        o["group_level"] = group_level
    if group_scheme is not None:
        o["group_scheme"] = group_scheme
    j = _analyse(lib.accord_analyse_tipping, profile, org, o, progress)
    units = [TippingPoint(unit=u["unit"], name=u.get("name", ""), population=u.get("population", 0),
                          baseline=fraction(u["baseline_exact"]), up=_bracket(u["up"]), down=_bracket(u["down"]),
                          skipped=[(fraction(x["at_exact"]), x["reason"]) for x in u.get("skipped", [])])
             for u in j["units"]]
    return Tipping(baseline_winner=j["baseline_winner"], quantity=j["quantity"],
                   tolerance=fraction(j["settings"]["tolerance_exact"]), units=units, settings=j["settings"])


# ---- results per group ---------------------------------------------------------------------

@dataclass(frozen=True)
class GroupRow:
    """One group's count: its ``winners`` (empty when ``error`` says why the rule could not
    count it), whether a tie was broken, and whether the winners are the overall winners."""

    id: str
    name: str
    voters: int
    units: int
    winners: list[str]
    ties_broken: bool
    complete: bool
    agrees: bool
    error: str | None
    #: the group's full result as ``Result.to_dict()`` gives it (None with ``results=False``)
    result: dict[str, Any] | None = None


@dataclass(frozen=True)
class Groups:
    """The same count on each group's ballots (``groups``) and on all of them (``winners``,
    ``overall``); ``wins`` counts the groups each candidate won."""

    per: str
    candidates: list[str]
    winners: list[str]
    groups: list[GroupRow]
    wins: dict[str, int]
    agreeing: int
    counted: int
    failed: int
    settings: dict[str, Any]
    overall: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict."""
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text."""
        return dumps(self, indent=indent)

    def _repr_html_(self) -> str:
        """Notebook display: one row per group."""
        from ._html import table
        rows = [[g.id, g.name, str(g.voters), g.error and f"not counted: {g.error}" or ", ".join(g.winners),
                 "yes" if g.ties_broken else "", "yes" if g.agrees else "no"] for g in self.groups]
        return table(["group", "name", "voters", "winners", "tie broken", "as overall"], rows,
                     f"per {self.per}: overall {', '.join(self.winners)}")

    def to_frame(self) -> Any:
        """One row per group, indexed by id: name, voters, units, winners (comma-separated),
        ties_broken, agrees, error. Needs pandas."""
        pd = pandas()
        return pd.DataFrame([{"id": g.id, "name": g.name, "voters": g.voters, "units": g.units,
                              "winners": ", ".join(g.winners), "ties_broken": g.ties_broken, "agrees": g.agrees,
                              "error": g.error} for g in self.groups]).set_index("id")


def by_group(profile: Profile, rule: str, *, org: Organisation | None = None, per: str = "unit",
             rule_options: Mapping[str, Any] | None = None, scheme: str | None = None, mode: str | None = None,
             level: str | None = None, results: bool = True, progress: Progress | None = None) -> Groups:
    """Results per group: ``rule`` counted on each group's ballots and on all of them. A group is
    each ballot's unit (``per="unit"``) or, with ``org``, the unit's ancestor of a kind
    (``per="pcn"``). ``scheme`` (with ``org``) weights each group's ballots by their units as
    :meth:`Organisation.run` does. ``results=False`` leaves out each group's full result."""
    o = _common(rule, scheme, mode, level, rule_options)
    o["per"] = per
    o["results"] = bool(results)
    j = call_json(lib.accord_analyse_groups, profile._handle, org._handle if org is not None else None,
                  json.dumps(o).encode(), progress=progress, with_progress=True)
    rows = [GroupRow(id=g["id"], name=g["name"], voters=int(g["voters"]), units=g["units"], winners=g["winners"],
                     ties_broken=g["ties_broken"], complete=g["complete"], agrees=g["agrees"], error=g["error"],
                     result=g.get("result")) for g in j["groups"]]
    return Groups(per=j["per"], candidates=j["candidates"], winners=j["overall"]["winners"], groups=rows,
                  wins=j["wins"], agreeing=j["agreeing"], counted=j["counted"], failed=j["failed"],
                  settings=j["settings"], overall=j["overall"].get("result"))


def analysis_defaults() -> dict[str, Any]:
    """What an absent option means in :func:`sweep`, :func:`smaa` and :func:`tipping`: the
    core's one table (include/accord/analysis/defaults.hpp), which the CLI and C API read too."""
    return call_json(lib.accord_analysis_defaults)


def report(profile: Profile, org: Organisation, path: Any = None, *, progress: Progress | None = None,
           **options: Any) -> str:
    """The self-contained HTML report (SMAA heatmap, sweep table, power bars) as `accord report`
    writes it, returned as a string (and written to ``path`` if given). Options as the C API's
    accord_report_html: title, notes, rules, schemes, modes, group_schemes, rule_options, level,
    scheme, smaa_rule, sampler, samples, seed, threads, smaa, power (lists or comma strings)."""
    for key in ("rules", "schemes", "modes", "group_schemes", "notes"):
        if isinstance(options.get(key), str):
            options[key] = [x.strip() for x in options[key].split(",")] if key != "notes" else [options[key]]
    out = ctypes.c_void_p()
    with _Progress(progress) as callback:
        callback.check(lib.accord_report_html(profile._handle, org._handle, json.dumps(options).encode(),
                                              callback.pointer, None, ctypes.byref(out)))
    try:
        html = ctypes.cast(out, ctypes.c_char_p).value.decode()
    finally:
        lib.accord_string_free(out)
    if path is not None:
        from pathlib import Path
        Path(path).write_text(html, encoding="utf-8")
    return html
