"""Conversions shared by the result types: JSON with exact numbers, and pandas loaded lazily.

pandas is optional: ``import accord`` never imports it; the ``to_frame()`` methods import it when
called and raise ImportError with the Debian package to install when it is missing.
"""
from __future__ import annotations

import dataclasses
import json
from fractions import Fraction
from typing import Any

__all__ = ["pandas", "jsonable", "dumps"]


def pandas() -> Any:
    """The pandas module, imported on first use."""
    try:
        import pandas as pd  # noqa: PLC0415 - lazy on purpose
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ImportError("to_frame() needs pandas (Debian: apt-get install python3-pandas; "
                          "or pip install pandas)") from exc
    return pd


def jsonable(value: Any) -> Any:
    """``value`` with Fractions as exact strings ("421/2145"), dataclasses and tuples as JSON
    objects and arrays, so json.dumps accepts it."""
    if isinstance(value, Fraction):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text of ``value`` (see jsonable)."""
    return json.dumps(jsonable(value), indent=indent)
