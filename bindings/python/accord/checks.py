"""Checks of a rule's result on one profile against voting criteria (docs/check.md).

    rep = accord.check(profile, "irv")
    rep["monotonicity"].verdict            # "fail"
    rep["monotonicity"].witness["change"]  # what was changed, and the modified ballots
    accord.check(approvals, "seq-phragmen", seats=12)["ejr"].group

Each check is "pass", "fail", "not-applicable" or "unknown" (an exact check stopped at its
limit), with a reason. A pass of a bounded search (monotonicity, participation, clones) has
``exact`` False unless the search was exhaustive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ._ffi import lib
from ._convert import dumps
from ._json_call import call_json

__all__ = ["Check", "CheckReport", "check"]


@dataclass(frozen=True)
class Check:
    """One criterion's verdict on the rule's result."""
    name: str
    verdict: str  # "pass", "fail", "not-applicable" or "unknown"
    exact: bool
    reason: str
    about: list[str] = field(default_factory=list)
    evaluated: int = 0
    #: On a failed search: {"change", "candidates", "ballots", "winners"} of the modified profile.
    witness: dict[str, Any] | None = None
    #: On a failed JR/PJR/EJR: {"common", "weight", "ballots"} of the cohesive group.
    group: dict[str, Any] | None = None

    @property
    def passed(self) -> bool:
        """True for a "pass" verdict (see ``exact`` for whether a search was exhaustive)."""
        return self.verdict == "pass"

    @property
    def failed(self) -> bool:
        """True for a "fail" verdict: ``witness`` or ``group`` shows the violation."""
        return self.verdict == "fail"


@dataclass(frozen=True)
class CheckReport:
    """The rule's winners on the profile and every check asked for, in order."""
    rule: str
    candidates: list[str]
    winners: list[str]
    complete: bool
    checks: list[Check]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def __getitem__(self, name: str) -> Check:
        for c in self.checks:
            if c.name == name:
                return c
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """The report as the C API's JSON object (docs/check.md)."""
        return self.raw


def check(profile: Any, rule: str, options: Mapping[str, Any] | None = None, /, *,
          search_limit: int | None = None, cohesive_limit: int | None = None,
          checks: Iterable[str] | None = None, **rule_options: Any) -> CheckReport:
    """Runs ``rule`` on ``profile`` and checks its result (docs/check.md).

    Rule options go as keyword arguments or a mapping, as for :func:`accord.run`
    (``check(p, "seq-phragmen", seats=12)``). ``search_limit`` bounds each search (profiles run),
    ``cohesive_limit`` the JR/PJR/EJR search (sets examined), ``checks`` picks some checks by name.
    Unknown rules or checks raise NotFound; bad options InvalidArgument naming the option."""
    ropts = dict(options or {})
    ropts.update(rule_options)
    o: dict[str, Any] = {"rule_options": ropts}
    if search_limit is not None:
        o["search_limit"] = search_limit
    if cohesive_limit is not None:
        o["cohesive_limit"] = cohesive_limit
    if checks is not None:
        o["checks"] = [checks] if isinstance(checks, str) else list(checks)
    j = call_json(lib.accord_check, profile._handle, rule.encode(), dumps(o).encode())
    items = [Check(name=c["name"], verdict=c["verdict"], exact=c["exact"], reason=c["reason"],
                   about=c.get("about", []), evaluated=c.get("evaluated", 0), witness=c.get("witness"),
                   group=c.get("group")) for c in j["checks"]]
    return CheckReport(rule=j["rule"], candidates=j["candidates"], winners=j["winners"], complete=j["complete"],
                       checks=items, raw=j)
