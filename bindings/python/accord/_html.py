"""Notebook display: small HTML tables with share bars, for the _repr_html_ of results, weight
reports, sweeps, SMAA and power indices (no pandas needed)."""
from __future__ import annotations

from html import escape
from typing import Any, Iterable, Sequence


def bar(x: float | None, colour: str = "#4f81bd") -> str:
    """A share in [0, 1] as a number and a small bar."""
    if x is None:
        return ""
    width = max(0.0, min(1.0, float(x))) * 100
    return (f'<div style="display:flex;align-items:center;gap:4px"><span style="min-width:3.5em">{100 * x:.1f}%</span>'
            f'<span style="display:inline-block;height:0.8em;width:{width:.1f}px;background:{colour}"></span></div>')


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """An HTML table; cells that are already HTML (from bar()) are kept, the rest escaped."""
    out = ['<table style="border-collapse:collapse">']
    if caption:
        out.append(f'<caption style="text-align:left;font-weight:bold">{escape(caption)}</caption>')
    out.append("<tr>" + "".join(f'<th style="text-align:left;padding:2px 8px">{escape(h)}</th>' for h in headers) + "</tr>")
    for row in rows:
        cells = []
        for c in row:
            text = c if isinstance(c, str) and c.startswith("<div") else escape("" if c is None else str(c))
            cells.append(f'<td style="padding:2px 8px;border-top:1px solid #ddd">{text}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)
