"""Conversions shared by the result types: JSON with exact numbers, and pandas loaded lazily.

pandas is optional: ``import accord`` never imports it; the ``to_frame()`` methods import it when
called and raise ImportError with the Debian package to install when it is missing.
"""
from __future__ import annotations

import dataclasses
import json
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

__all__ = ["pandas", "jsonable", "dumps", "exact_text", "fraction", "names", "whole"]


def pandas() -> Any:
    """The pandas module, imported on first use."""
    try:
        import pandas as pd  # noqa: PLC0415 - lazy on purpose
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ImportError("to_frame() needs pandas (Debian: apt-get install python3-pandas; "
                          "or pip install pandas)") from exc
    return pd


def names(value: Any, option: str) -> list[str]:
    """A list of names given as a list (or any iterable of str) or as one comma-separated string
    ("equal,population"): a bare string is never iterated letter by letter."""
    if isinstance(value, str):
        out = [part.strip() for part in value.split(",")]
    else:
        try:
            out = list(value)
        except TypeError:
            raise TypeError(f"{option} must be a list of names or a comma-separated string, "
                            f"got {type(value).__name__}") from None
        for v in out:
            if not isinstance(v, str):
                raise TypeError(f"{option} must hold names (str), got {type(v).__name__} {v!r}")
    if any(v == "" for v in out):
        raise ValueError(f"{option} has an empty name: {value!r}")
    return out


def whole(value: Any, option: str, minimum: int = 0, maximum: int = 2**64 - 1) -> int:
    """``value`` as a whole number in [minimum, maximum], else InvalidArgument (a ValueError) or
    TypeError naming ``option``: ctypes would wrap 2**64 + 3 to 3 and -1 to 2**64 - 1 without a
    word."""
    import numbers  # noqa: PLC0415

    from .errors import InvalidArgument  # noqa: PLC0415

    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{option} must be a whole number, got {type(value).__name__} {value!r}")
    v = int(value)
    if v < minimum or v > maximum:
        raise InvalidArgument(f"{option} must be between {minimum} and {maximum}, got {v}")
    return v


_NUMERAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _int_text(n: int) -> str:
    """str(n) at any length: Python refuses int <-> str conversions of over 4,300 digits
    (sys.get_int_max_str_digits); Decimal converts without a string and prints every digit."""
    try:
        return str(n)
    except ValueError:
        return str(Decimal(n))


def exact_text(x: Any) -> Any:
    """A Fraction as the exact string "p/q" (or "p" when whole) the C API reads, at any length;
    anything else unchanged."""
    if isinstance(x, Fraction):
        num = _int_text(x.numerator)
        return num if x.denominator == 1 else f"{num}/{_int_text(x.denominator)}"
    return x


def fraction(text: str) -> Fraction:
    """An exact number the C API wrote ("p/q", "p" or a decimal) as a Fraction, at any length: an
    exact count can pass the 4,300 digits to which Python limits int(str) (CSTV's donations,
    products of many weights), and Fraction(text) would then raise ValueError. Decimal reads a
    numeral of any length exactly, and Fraction(Decimal) converts without a string."""
    try:
        return Fraction(text)
    except ValueError:
        if not isinstance(text, str) or len(text) <= 4300:
            raise
        num, slash, den = text.strip().partition("/")
        if not _NUMERAL.fullmatch(num) or (slash and not re.fullmatch(r"[0-9]+", den)):
            raise ValueError(f"not an exact number: {text[:40]}...") from None
        value = Fraction(Decimal(num))
        return value / Fraction(Decimal(den)) if slash else value


def jsonable(value: Any) -> Any:
    """``value`` with Fractions as exact strings ("421/2145"), dataclasses and tuples as JSON
    objects and arrays, so json.dumps accepts it."""
    if isinstance(value, Fraction):
        return exact_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text of ``value`` (see jsonable); ``.encode()`` it for the C API."""
    return json.dumps(jsonable(value), indent=indent)


class _Report(dict):  # type: ignore[type-arg]
    """A JSON report of the C API as a dict, exact values as Fractions under the "_exact" keys."""

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of JSON types (Fractions as exact strings such as "421/2145")."""
        return json.loads(dumps(dict(self)))

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (Fractions as exact strings)."""
        return dumps(dict(self), indent=indent)
