"""Governance: constitutions, mandates and records anyone can verify (docs/governance.md).

    findings = accord.check_constitution("constitution.json", as_of="2026-01-15")
    m = accord.mandate("constitution.json", body="executive", category="spending", amount=80000)
    m.allowed, m.decider, m.chain
    rec = accord.record({"command": "vote", "constitution": "constitution.json",
                         "ballots": "priorities.csv", "category": "priorities"}, path="record.json")
    accord.verify("record.json").ok
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ._convert import dumps, exact_text
from ._ffi import lib
from ._json_call import call_json

__all__ = ["Finding", "Mandate", "Verification", "check_constitution", "mandate", "record", "verify"]


def _path(p: str | os.PathLike[str]) -> bytes:
    return os.fsencode(os.fspath(p))


@dataclass(frozen=True)
class Finding:
    """One thing a constitution check has to say."""
    severity: str  # "error" or "warning"
    path: str      # JSON pointer into the constitution
    line: int      # 1-based line, 0 if unknown
    message: str


@dataclass(frozen=True)
class Mandate:
    """Who decides a matter, under which rule, and why (the delegation chain)."""
    allowed: bool
    body: str
    category: str
    decider: str
    rule: dict[str, Any]
    chain: list[str]
    reason: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Verification:
    """The outcome of recounting a record: ``ok``, and what failed or held."""
    ok: bool
    problems: list[str]
    checked: list[str]


def check_constitution(path: str | os.PathLike[str], as_of: str) -> list[Finding]:
    """Every error and warning of a constitution as of a date (YYYY-MM-DD), errors first."""
    found = call_json(lib.accord_constitution_check, _path(path), as_of.encode())
    return [Finding(f["severity"], f["path"], f["line"], f["message"]) for f in found]


def mandate(path: str | os.PathLike[str], body: str, category: str, date: str | None = None,
            amount: int | Fraction | str | None = None) -> Mandate:
    """May ``body`` decide ``category`` (on ``date``, for ``amount``)? Exact amounts only."""
    query: dict[str, Any] = {"body": body, "category": category}
    if date is not None:
        query["date"] = date
    if amount is not None:
        if isinstance(amount, float):
            raise TypeError("amount must be exact: an int, a Fraction or a string such as '80000'")
        query["amount"] = str(exact_text(Fraction(amount) if isinstance(amount, int) else amount))
    m = call_json(lib.accord_mandate, _path(path), dumps(query).encode())
    return Mandate(m["allowed"], m["body"], m["category"], m["decider"], m["rule"], m["chain"], m["reason"],
                   m["warnings"])


def record(invocation: dict[str, Any], path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Counts an invocation (docs/governance.md) and returns its record; writes it to ``path`` too."""
    return call_json(lib.accord_record, dumps(invocation).encode(), None if path is None else _path(path))


def verify(record_path: str | os.PathLike[str]) -> Verification:
    """Recounts a record from its inputs: a changed input is named by its file, an edited figure by its field."""
    v = call_json(lib.accord_verify, _path(record_path))
    return Verification(v["ok"], v["problems"], v["checked"])
