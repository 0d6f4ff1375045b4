"""Stand-ins for modules a peer imports but the methods compared here never call (optional
solvers, plotting, samplers), shared by the gen_*.py scripts here."""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types


class Anything(types.ModuleType):
    """A module (or anything read off one) whose every attribute and call is another Anything."""

    def __getattr__(self, key: str):
        if key.startswith("__"):
            raise AttributeError(key)
        return Anything(key)

    def __call__(self, *args, **kwargs):
        return Anything("call")


class _EmptyModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports of the given top-level packages (and their submodules) as Anything."""

    def __init__(self, roots: set[str]) -> None:
        self.roots = roots

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in self.roots:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        module = Anything(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def stub_modules(*roots: str) -> None:
    """From now on, importing any of `roots` gives an empty module (an Anything)."""
    sys.meta_path.insert(0, _EmptyModules(set(roots)))
