"""MCDA: exact weighted-sum scores of options against criteria, and SMAA over the criteria
weights, over the C API.

>>> scores = {"Hub": [8, 3, "7.5"], "Frailty": [6, 7, 5], "Digital": [4, 9, 6]}
>>> r = accord.mcda(scores, ["access", "equity", "cost"], weights=[3, 2, 1], lower_is_better=["cost"])
>>> r.winner, r.scores["Hub"]          # a Fraction: exact
>>> s = accord.mcda_smaa(scores, ["access", "equity", "cost"], samples=10_000, seed=1)
>>> s.winner_probability, s.central_weights["Hub"]

Scores and weights are exact (ints, Fractions or strings such as "7.5" and "2/3"). Definitions:
docs/methods/mcda.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence, Union

from ._convert import dumps, fraction, names, whole
from ._ffi import lib
from ._json_call import call_json

__all__ = ["Mcda", "McdaSmaa", "mcda", "mcda_smaa"]

Scores = Union[Mapping[str, Union[Sequence[Any], Mapping[str, Any]]], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class Mcda:
    """``scores``: each option's weighted sum (exact); ``ranking``: tiers of equal score, best
    first; ``winner``: None on a tie for first under the "report" tie-break."""

    options: list[str]
    criteria: list[str]
    weights: dict[str, Fraction]
    scores: dict[str, Fraction]
    ranking: list[list[str]]
    winner: str | None
    complete: bool
    scaling: str
    lower_is_better: list[str]
    result: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (Fractions kept)."""
        return asdict(self)


@dataclass(frozen=True)
class McdaSmaa:
    """``rank_acceptability[option][k]`` = share of weight space giving it place k+1;
    ``central_weights[option]`` = mean weights (criterion -> weight) of the samples it won."""

    samples: int
    options: list[str]
    criteria: list[str]
    rank_acceptability: dict[str, list[float]]
    winner_probability: dict[str, float]
    winner_probability_se: dict[str, float]
    expected_rank: dict[str, float]
    central_weights: dict[str, dict[str, float] | None]
    incomplete: int
    settings: dict[str, Any]

    def ranked(self) -> list[str]:
        """Options by expected place, best first."""
        return sorted(self.options, key=lambda o: self.expected_rank[o])

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (Fractions kept)."""
        return asdict(self)


def _table(scores: Scores, criteria: Union[str, Sequence[str]], options: Union[str, Sequence[str], None],
           lower_is_better: Union[str, Sequence[str]]) -> dict[str, Any]:
    t: dict[str, Any] = {"criteria": names(criteria, "criteria")}
    if isinstance(scores, Mapping):
        if options is not None:
            raise ValueError("scores keyed by option name the options already; leave out options")
        t["scores"] = {str(k): (dict(v) if isinstance(v, Mapping) else list(v)) for k, v in scores.items()}
    else:
        if options is None:
            raise ValueError("scores given as rows need options (one name per row)")
        t["options"] = names(options, "options")
        t["scores"] = [list(row) for row in scores]
    if lower_is_better:
        t["lower_is_better"] = names(lower_is_better, "lower_is_better")
    return t


def mcda(scores: Scores, criteria: Sequence[str], weights: Union[Sequence[Any], Mapping[str, Any]], *,
         options: Sequence[str] | None = None, lower_is_better: Sequence[str] = (), scaling: str = "none",
         tie_break: str | None = None) -> Mcda:
    """Weighted sum V_i = sum_j w_j s_ij / sum_j w_j, exactly. ``scaling="min-max"`` puts each
    criterion on [0, 1] first; ``lower_is_better`` criteria count the other way."""
    t = _table(scores, criteria, options, lower_is_better)
    t["weights"] = dict(weights) if isinstance(weights, Mapping) else list(weights)
    o: dict[str, Any] = {"scaling": scaling}
    if tie_break is not None:
        o["tie_break"] = tie_break
    j = call_json(lib.accord_mcda, dumps(t).encode(), dumps(o).encode())
    return Mcda(options=j["options"], criteria=j["criteria"],
                weights={k: fraction(v) for k, v in j["weights_exact"].items()},
                scores={k: fraction(v) for k, v in j["scores_exact"].items()}, ranking=j["ranking"],
                winner=j["winner"], complete=j["complete"], scaling=j["scaling"],
                lower_is_better=j["lower_is_better"], result=j["result"])


def mcda_smaa(scores: Scores, criteria: Sequence[str], *, options: Sequence[str] | None = None,
              lower_is_better: Sequence[str] = (), scaling: str = "none", distribution: str = "simplex",
              alpha: Union[float, Sequence[float], None] = None, lower: Union[Sequence[float], Mapping[str, float], None] = None,
              upper: Union[Sequence[float], Mapping[str, float], None] = None, samples: int = 10000, seed: int = 0,
              threads: int = 0, tie_break: str | None = None,
              progress: Callable[[float], Any] | None = None) -> McdaSmaa:
    """SMAA-2 over the criteria weights: weights uniform on the simplex (or Dirichlet(``alpha``)),
    optionally within ``lower``/``upper`` bounds; deterministic for a seed whatever ``threads``."""
    t = _table(scores, criteria, options, lower_is_better)
    o: dict[str, Any] = {"scaling": scaling, "distribution": distribution, "samples": whole(samples, "samples", minimum=1),
                         "seed": whole(seed, "seed"), "threads": whole(threads, "threads")}
    if alpha is not None:
        o["alpha"] = alpha if isinstance(alpha, (int, float)) else list(alpha)
    for key, value in (("lower", lower), ("upper", upper)):
        if value is not None:
            o[key] = dict(value) if isinstance(value, Mapping) else list(value)
    if tie_break is not None:
        o["tie_break"] = tie_break
    j = call_json(lib.accord_mcda_smaa, dumps(t).encode(), dumps(o).encode(), progress=progress, with_progress=True)
    return McdaSmaa(samples=j["samples"], options=j["options"], criteria=j["criteria"],
                    rank_acceptability=j["rank_acceptability"], winner_probability=j["winner_probability"],
                    winner_probability_se=j["winner_probability_se"], expected_rank=j["expected_rank"],
                    central_weights=j["central_weights"], incomplete=j["incomplete"], settings=j["settings"])
