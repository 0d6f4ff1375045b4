"""The wheel is platform-specific: it carries libaccord and the accord CLI, native code for the
machine that built it, though no Python extension module (ctypes loads the library). So the tag
is py3-none-<platform> (e.g. linux_x86_64): any Python 3, this platform only. Metadata lives in
pyproject.toml; this file only sets the tag."""
from __future__ import annotations

from setuptools import setup
from setuptools.dist import Distribution

try:
    from wheel.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:  # pragma: no cover - building an sdist without wheel installed
    _bdist_wheel = None


class BinaryDistribution(Distribution):
    """Holds native files, so it is not a pure-Python distribution."""

    def has_ext_modules(self) -> bool:  # noqa: D102
        return True


cmdclass = {}
if _bdist_wheel is not None:
    class bdist_wheel(_bdist_wheel):  # noqa: N801 - the command's name
        def finalize_options(self) -> None:
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self) -> tuple[str, str, str]:
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    cmdclass["bdist_wheel"] = bdist_wheel

setup(distclass=BinaryDistribution, cmdclass=cmdclass)
