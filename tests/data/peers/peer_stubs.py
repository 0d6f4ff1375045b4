"""Stand-ins for modules a peer imports but the methods compared here never call (optional
solvers, plotting, samplers), shared by the gen_*.py scripts here."""
from __future__ import annotations

import types


class Anything(types.ModuleType):
    """A module (or anything read off one) whose every attribute and call is another Anything."""

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        return Anything(key)

    def __call__(self, *args, **kwargs):
        return Anything("call")
