"""Power indices of weighted voting games (docs/methods/power.md)."""
from __future__ import annotations

import ctypes
import json
from fractions import Fraction
from typing import Any, Sequence, Union

from ._convert import _Report, fraction, pandas
from ._ffi import check, lib
from ._progress import _Progress

__all__ = ['PowerIndices', 'power']

# Per-player exact counts of the result JSON (decimal strings there, ints here).
_COUNTS = ("swings", "pivots", "chow", "minimal_winning")


class PowerIndices(_Report):
    """Power indices of a game (docs/methods/power.md): ``self["banzhaf"]`` (floats, one per
    player), ``self["banzhaf_exact"]`` (Fractions), the exact counts ``self["swings"]``,
    ``"pivots"``, ``"chow"`` and ``"minimal_winning"`` (ints), ... by index name, and
    ``"players"``."""

    @property
    def players(self) -> list[str]:
        """Player names (P1, P2, ... when the game names none)."""
        return list(self.get("players") or [f"P{i + 1}" for i in range(len(self.get("banzhaf", [])))])

    def indices(self) -> list[str]:
        """Names of the indices computed (keys holding one float per player)."""
        n = len(self.players)
        return [k for k, v in self.items() if isinstance(v, list) and len(v) == n and k != "players"
                and not k.endswith(("_exact", "_lower", "_upper")) and k not in _COUNTS
                and all(isinstance(x, (int, float)) for x in v)]

    def to_frame(self) -> Any:
        """One row per player, one float column per index, plus the exact counts ("swings",
        "pivots", "chow", "minimal_winning") that were computed. Needs pandas."""
        pd = pandas()
        data: dict[str, Any] = {k: self[k] for k in self.indices()}
        for k in _COUNTS:
            if isinstance(self.get(k), list):
                data[k] = self[k]
        return pd.DataFrame(data, index=pd.Index(self.players, name="player"))

    def _repr_html_(self) -> str:
        """Notebook display: one row per player, a bar per index."""
        from ._html import bar, table
        names = self.indices()
        rows = [[p, *[bar(self[k][i]) for k in names]] for i, p in enumerate(self.players)]
        return table(["player", *names], rows, "power indices")


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
    with exact values as Fractions under the ``*_exact`` keys and the counts (swings, pivots, chow,
    minimal_winning and their totals) as ints.
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
            raw[key] = [fraction(v) for v in value]
        elif key.endswith("_exact") and isinstance(value, str):
            raw[key] = fraction(value)
    for key in _COUNTS:
        if isinstance(raw.get(key), list):
            raw[key] = [int(v) for v in raw[key]]
    for key in ("total_swings", "winning_coalitions", "minimal_winning_total"):
        if isinstance(raw.get(key), str):
            raw[key] = int(raw[key])
    return PowerIndices(raw)
