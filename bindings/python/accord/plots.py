"""Pictures of the analyses with matplotlib, when it is installed: the rank-acceptability
heatmap, the weighting sweep and power shares per unit (the same three as ``accord report
--html``).

>>> from accord import plots
>>> fig = plots.rank_acceptability(accord.smaa(p, org, "irv", weights="simplex", samples=10_000))
>>> fig.savefig("smaa.png")
>>> plots.sweep(accord.sweep(p, org, rules=["irv", "borda"], schemes=["equal", "population"])).savefig("sweep.png")
>>> plots.power_shares(accord.power(16, [9, 9, 7, 3, 1, 1], players=[...])).savefig("power.png")

matplotlib is imported only when a plot is drawn, so ``import accord`` never needs it. Each
function returns a ``matplotlib.figure.Figure`` built without pyplot (no display or backend is
needed), or draws into ``ax`` when one is given and returns its figure.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

__all__ = ["rank_acceptability", "sweep", "power_shares", "available"]


def available() -> bool:
    """True when matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _axes(ax: Any, size: tuple[float, float]) -> tuple[Any, Any]:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ImportError("accord.plots needs matplotlib (Debian: apt-get install python3-matplotlib; "
                          "or pip install matplotlib)") from exc
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _field(obj: Any, name: str) -> Any:
    return obj[name] if isinstance(obj, Mapping) else getattr(obj, name)


def rank_acceptability(analysis: Any, *, ax: Any = None, title: str | None = None, max_places: int = 10) -> Any:
    """Heatmap of P(candidate takes place k): rows by expected place (best at the top), cells on a
    blue ramp with the percentage printed, and P(win) beside each name. Takes the result of
    ``accord.smaa``, ``accord.mcda_smaa``, one rule of ``accord.electorates`` (``e.by_rule["irv"]``)
    or a dict with ``rank_acceptability`` and ``expected_rank``."""
    ranks: Mapping[str, Sequence[float]] = _field(analysis, "rank_acceptability")
    expected: Mapping[str, float] = _field(analysis, "expected_rank")
    names = sorted(ranks, key=lambda n: expected[n])
    places = min(max_places, max((len(v) for v in ranks.values()), default=0))
    longest = max((len(n) for n in names), default=4)
    fig, ax = _axes(ax, (max(6.0, 2.6 + 0.8 * places + 0.09 * longest), 1.4 + 0.45 * len(names)))
    data = [[ranks[n][k] for k in range(places)] for n in names]
    image = ax.imshow(data, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    for i, row in enumerate(data):
        for k, p in enumerate(row):
            ax.text(k, i, f"{100 * p:.0f}%", ha="center", va="center", fontsize=8,
                    color="white" if p > 0.55 else "black")
    win = _field(analysis, "winner_probability")
    ax.set_yticks(range(len(names)), [f"{n}  ({100 * win[n]:.1f}%)" for n in names])
    ax.set_xticks(range(places), [str(k + 1) for k in range(places)])
    ax.set_xlabel("place")
    ax.set_title(title or "Rank acceptability (P(win) beside each name)")
    fig.colorbar(image, ax=ax, label="probability", shrink=0.8)
    return fig


def sweep(analysis: Any, *, ax: Any = None, title: str | None = None) -> Any:
    """The weighting sweep: one bar per count (scheme / mode / rule) showing Kendall's tau-b of its
    ranking against the baseline (the first row), labelled with its winner; counts whose winner
    differs from the baseline's are drawn in orange. Takes ``accord.sweep``'s result or its dict."""
    rows = list(_field(analysis, "rows"))
    fig, ax = _axes(ax, (9.0, 1.0 + 0.45 * len(rows)))
    labels, taus, colours = [], [], []
    for i, r in enumerate(rows):
        get = (lambda k, r=r: r[k]) if isinstance(r, Mapping) else (lambda k, r=r: getattr(r, k))
        winner = get("winner") or "(tie)"
        labels.append(f"{get('scheme')} / {get('aggregation')} / {get('rule')}: {winner}")
        taus.append(get("kendall_tau"))
        colours.append("#9aa7b8" if i == 0 else ("#e8710a" if get("winner_changed") else "#1f5fa8"))
    y = list(range(len(rows)))
    ax.barh(y, taus, color=colours)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(-1.0, 1.0)
    ax.axvline(0.0, color="black", linewidth=0.6)
    ax.set_xlabel("Kendall tau-b against the baseline (first row)")
    ax.set_title(title or "Weighting sweep (orange: the winner changes)")
    return fig


def power_shares(power: Mapping[str, Any], *, index: str = "banzhaf", weights: Sequence[float] | None = None,
                 ax: Any = None, title: str | None = None) -> Any:
    """Power per unit, largest first: the normalised ``index`` of ``accord.power``'s result as bars,
    and each unit's share of the ``weights`` (when given) as a black tick, so power that differs
    from weight shows at a glance."""
    players = list(power.get("players") or [str(i + 1) for i in range(len(power[index]))])
    values = [float(v) for v in power[index]]
    total = sum(values) or 1.0
    shares = [v / total for v in values]
    order = sorted(range(len(players)), key=lambda i: -shares[i])
    fig, ax = _axes(ax, (8.0, 1.0 + 0.35 * len(players)))
    y = list(range(len(order)))
    ax.barh(y, [shares[i] for i in order], color="#1f5fa8", label=f"{index} share")
    if weights is not None:
        wt = sum(weights) or 1.0
        ax.scatter([weights[i] / wt for i in order], y, marker="|", s=300, color="black", label="weight share")
        ax.legend(loc="lower right")
    ax.set_yticks(y, [players[i] for i in order])
    ax.invert_yaxis()
    ax.set_xlabel("share")
    ax.set_title(title or f"Power shares per unit ({index})")
    return fig
