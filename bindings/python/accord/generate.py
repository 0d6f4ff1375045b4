"""Synthetic electorates over the C API: one seeded profile, or Monte Carlo over many.

>>> p = accord.generate("mallows", names=["Access", "Frailty", "Digital"], phi=0.4, voters=60, seed=1)
>>> accord.run(p, "irv").winners
>>> e = accord.electorates("resample", ["irv", "borda", "schulze"], reference=ballots, samples=2000, seed=1)
>>> e.by_rule["irv"].differs_from_reference   # how often electorates like this one elect another
>>> e.agreement["irv"]["borda"]               # how often IRV and Borda agree

Models: "impartial-culture", "mallows" (``phi``, ``center``), "plackett-luce" (``strengths``),
"spatial" (``dimensions``), "resample" (voters drawn with replacement from ``source``/``reference``).
Deterministic for a seed on every platform. Definitions: docs/analysis.md.
"""
from __future__ import annotations

import ctypes
from dataclasses import asdict, dataclass
from typing import Any, Callable, Mapping, Sequence, Union

from ._convert import dumps, names as _names, whole
from ._ffi import check, lib
from ._json_call import call_json
from .profile import Profile

__all__ = ["generate", "electorates", "Electorates", "ElectorateRule"]


def _model_options(candidates: int | None, voters: int | None, names: Sequence[str] | None, phi: float | None,
                   center: Sequence[Union[str, int]] | None,
                   strengths: Union[Sequence[float], Mapping[str, float], None],
                   dimensions: int | None) -> dict[str, Any]:
    o: dict[str, Any] = {}
    for key, value in (("candidates", candidates), ("voters", voters), ("dimensions", dimensions)):
        if value is not None:
            o[key] = int(value)
    if phi is not None:
        o["phi"] = float(phi)
    if names is not None:
        o["names"] = list(names)
    if center is not None:
        o["center"] = list(center)
    if strengths is not None:
        o["strengths"] = dict(strengths) if isinstance(strengths, Mapping) else [float(s) for s in strengths]
    return o


def generate(model: str, *, candidates: int | None = None, voters: int | None = None, seed: int = 0,
             names: Sequence[str] | None = None, phi: float | None = None,
             center: Sequence[Union[str, int]] | None = None,
             strengths: Union[Sequence[float], Mapping[str, float], None] = None, dimensions: int | None = None,
             source: Profile | None = None, org: Any = None,
             per_unit: Union[int, Mapping[str, int], None] = None, level: str | None = None) -> Profile:
    """A seeded synthetic electorate as a new Profile (``source`` is required for "resample").

    With ``org`` (an Organisation) and ``per_unit``, the ballots are made per unit: ``per_unit``
    voters (an int, or {unit id: voters}) for each unit of ``level`` (default: the leaves, e.g.
    practices), each ballot tagged with its unit, ready for ``org.run`` and the analyses. Unit
    number i (in the organisation's order) is drawn with seed ``seed + i``, so the electorate of
    one unit does not depend on the others."""
    if (org is None) != (per_unit is None):
        raise TypeError("give org and per_unit together")
    if org is not None:
        if voters is not None:
            raise TypeError("per_unit replaces voters")
        kind = level or org.kinds[0]
        units = org.units(kind)
        if not units:
            raise ValueError(f"no units of kind {kind!r}")
        counts = {u: per_unit for u in units} if isinstance(per_unit, int) else dict(per_unit)
        unknown = sorted(set(counts) - set(units))
        if unknown:
            raise ValueError(f"per_unit names units that are not of kind {kind!r}: {unknown}")
        out: Profile | None = None
        for i, unit in enumerate(units):
            n = int(counts.get(unit, 0))
            if n <= 0:
                continue
            one = generate(model, candidates=candidates, voters=n, seed=int(seed) + i, names=names, phi=phi,
                           center=center, strengths=strengths, dimensions=dimensions, source=source)
            if out is None:
                out = Profile(one.candidates, kind=one.kind)
            for b in one:
                out.add(list(b.ranking), count=b.count, weight=b.weight, unit=unit)
        if out is None:
            raise ValueError("per_unit gives no unit any voters")
        return out
    o = _model_options(candidates, voters, names, phi, center, strengths, dimensions)
    o["seed"] = whole(seed, "seed")
    handle = ctypes.c_void_p()
    check(lib.accord_generate(model.encode(), dumps(o).encode(), source._handle if source is not None else None,
                              ctypes.byref(handle)))
    p = Profile.__new__(Profile)
    p._adopt(handle)
    return p


@dataclass(frozen=True)
class ElectorateRule:
    """One rule over the sampled electorates. ``differs_from_reference``: share of electorates
    whose winner is not the rule's winner on the reference profile (None without one)."""

    reference_winner: str | None
    differs_from_reference: float | None
    rank_acceptability: dict[str, list[float]]
    winner_probability: dict[str, float]
    winner_probability_se: dict[str, float]
    expected_rank: dict[str, float]
    incomplete: int


@dataclass(frozen=True)
class Electorates:
    """``agreement[a][b]``: share of electorates on which rules a and b elect the same winner."""

    samples: int
    candidates: list[str]
    rules: list[str]
    by_rule: dict[str, ElectorateRule]
    agreement: dict[str, dict[str, float]]
    settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (Fractions kept)."""
        return asdict(self)


def electorates(model: str, rules: Union[str, Sequence[str]] = ("irv",), *, reference: Profile | None = None,
                samples: int = 1000, seed: int = 0, threads: int = 0, candidates: int | None = None,
                voters: int | None = None, names: Sequence[str] | None = None, phi: float | None = None,
                center: Sequence[Union[str, int]] | None = None,
                strengths: Union[Sequence[float], Mapping[str, float], None] = None, dimensions: int | None = None,
                rule_options: Mapping[str, Any] | None = None,
                progress: Callable[[float], Any] | None = None) -> Electorates:
    """Monte Carlo over electorates drawn from ``model``, each counted under every rule; the same
    numbers for a seed whatever ``threads`` is. ``reference`` is the profile they are "like" (the
    source of "resample", and the winners compared with)."""
    o = _electorates_options(model, rules, samples=samples, seed=seed, threads=threads, candidates=candidates,
                             voters=voters, names=names, phi=phi, center=center, strengths=strengths,
                             dimensions=dimensions, rule_options=rule_options)
    j = call_json(lib.accord_analyse_electorates, reference._handle if reference is not None else None, dumps(o).encode(),
                  progress=progress, with_progress=True)
    return _electorates_result(j)


def _electorates_options(model: str, rules: Union[str, Sequence[str]], *, samples: int, seed: int, threads: int,
                         candidates: int | None, voters: int | None, names: Sequence[str] | None, phi: float | None,
                         center: Sequence[Union[str, int]] | None,
                         strengths: Union[Sequence[float], Mapping[str, float], None], dimensions: int | None,
                         rule_options: Mapping[str, Any] | None) -> dict[str, Any]:
    """electorates()' keywords as the C API's options (shared with accord.dask.electorates)."""
    o = _model_options(candidates, voters, names, phi, center, strengths, dimensions)
    o.update(model=model, rules=_names(rules, "rules"), samples=whole(samples, "samples", minimum=1), seed=whole(seed, "seed"), threads=whole(threads, "threads"))
    if rule_options:
        o["rule_options"] = dict(rule_options)
    return o


def _electorates_result(j: Mapping[str, Any]) -> Electorates:
    return Electorates(samples=j["samples"], candidates=j["candidates"], rules=j["rules"],
                       by_rule={k: ElectorateRule(**v) for k, v in j["by_rule"].items()},
                       agreement=j["agreement"], settings=j["settings"])
