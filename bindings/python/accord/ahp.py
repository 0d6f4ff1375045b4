"""AHP: priorities and consistency from pairwise comparison matrices, over the C API.

>>> r = accord.ahp([[1, 3, "5"], ["1/3", 1, 2], ["1/5", "1/2", 1]], items=["Access", "Frailty", "Digital"])
>>> r.priorities["Access"], r.consistency.consistency_ratio, r.consistency.acceptable

Entries are ints, exact strings ("1/3"), Fractions or floats (floats are checked for reciprocity
to ``reciprocity_tolerance``). A matrix that is not reciprocal raises InvalidArgument naming the
entry. Several participants: ``participants=[{"name": ..., "matrix": ..., "weight": ...}]``,
aggregated by their judgements ("aij") or priorities ("aip"), optionally weighted by their unit
(``"unit"``) under a weighting ``scheme`` of an Organisation. Definitions: docs/methods/ahp.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Mapping, Sequence

from ._ffi import lib
from ._convert import dumps
from ._json_call import call_json
from .organisation import Organisation

__all__ = ["Ahp", "AhpParticipant", "Consistency", "ahp"]


@dataclass(frozen=True)
class Consistency:
    """Saaty's consistency of a matrix: CR = CI / RI(n); ``acceptable`` applies his thresholds."""

    lambda_max: float
    consistency_index: float
    random_index: float
    consistency_ratio: float
    acceptable: bool


@dataclass(frozen=True)
class AhpParticipant:
    name: str
    unit: str | None
    weight: float
    priorities: dict[str, float]
    consistency: Consistency


@dataclass(frozen=True)
class Ahp:
    """``priorities`` (item -> share, summing to 1) and ``ranking`` (items, highest first);
    ``consistency`` is the matrix's (one participant, or the combined judgements under AIJ;
    None under AIP); ``participants`` holds each participant's own result."""

    items: list[str]
    method: str
    priorities: dict[str, float]
    ranking: list[str]
    consistency: Consistency | None
    aggregation: str | None
    participants: list[AhpParticipant]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (Fractions kept)."""
        return asdict(self)


def _consistency(c: dict[str, Any] | None) -> Consistency | None:
    return None if c is None else Consistency(**c)


def ahp(matrix: Sequence[Sequence[Any]] | None = None, items: Sequence[str] | None = None, *,
        upper: Sequence[Any] | None = None, participants: Sequence[Mapping[str, Any]] | None = None,
        method: str = "eigenvector", aggregation: str = "aij", org: Organisation | None = None,
        scheme: str | None = None, level: str | None = None, saaty_scale: bool = True,
        reciprocity_tolerance: float | None = None) -> Ahp:
    """AHP priorities of one matrix (``matrix`` rows, or ``upper``: the n(n-1)/2 judgements above
    the diagonal, row by row) or of several ``participants``.

    ``method``: "eigenvector" (Saaty) or "geometric-mean" (row geometric means).
    ``aggregation``: "aij" (weighted geometric mean of judgements) or "aip" (of priorities).
    ``org`` with ``scheme`` (default "population") weights each participant by its ``"unit"``'s
    share, split equally among the unit's participants.
    """
    given = sum(x is not None for x in (matrix, upper, participants))
    if given != 1:
        raise ValueError("give exactly one of matrix, upper and participants")
    data: dict[str, Any] = {}
    if items is not None:
        data["items"] = list(items)
    if matrix is not None:
        data["matrix"] = [list(row) for row in matrix]
    elif upper is not None:
        data["upper"] = list(upper)
    else:
        data["participants"] = [dict(p) for p in participants or ()]
    options: dict[str, Any] = {"method": method, "aggregation": aggregation}
    if not saaty_scale:
        options["saaty_scale"] = False
    if reciprocity_tolerance is not None:
        options["reciprocity_tolerance"] = float(reciprocity_tolerance)
    if org is not None:
        options["scheme"] = scheme or "population"
        if level is not None:
            options["level"] = level
    elif scheme is not None or level is not None:
        raise ValueError("scheme and level weight participants by unit and need org")
    j = call_json(lib.accord_ahp, org._handle if org is not None else None, dumps(data).encode(), dumps(options).encode())
    parts = [AhpParticipant(name=p["name"], unit=p.get("unit"), weight=p["weight"], priorities=p["priorities"],
                            consistency=Consistency(**p["consistency"])) for p in j.get("participants", [])]
    return Ahp(items=j["items"], method=j["method"], priorities=j["priorities"], ranking=j["ranking"],
               consistency=_consistency(j["consistency"]), aggregation=j.get("aggregation"), participants=parts)
