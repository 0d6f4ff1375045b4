"""Version.AgreesEverywhere: the version is written once, in accord.h (ACCORD_VERSION_*), and every
place that shows one must show that: CMake's project version (the installed package's
accord-config-version.cmake), the CLI's --version, the loaded C library, the Python package and its
wheel metadata, and the Doxygen reference's PROJECT_NUMBER (taken from the environment).

    check_version.py SOURCE_DIR BUILD_DIR CLI LIBACCORD
"""
import ctypes
import os
import re
import subprocess
import sys
from pathlib import Path

source, build, cli, lib = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
header = (source / "include" / "accord" / "accord.h").read_text(encoding="utf-8")
parts = [re.search(rf"^#define ACCORD_VERSION_{p} (\d+)$", header, re.M).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
want = ".".join(parts)
seen = {}

cache = (build / "CMakeCache.txt").read_text(encoding="utf-8")
seen["cmake project"] = re.search(r"^CMAKE_PROJECT_VERSION:STATIC=(.*)$", cache, re.M).group(1)
seen["cli --version"] = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
c = ctypes.CDLL(lib)
c.accord_version_string.restype = ctypes.c_char_p
seen["C accord_version_string"] = c.accord_version_string().decode()
n = c.accord_version_number()
seen["C accord_version_number"] = f"{n // 10000}.{n // 100 % 100}.{n % 100}"
sys.path.insert(0, str(source / "bindings" / "python"))
os.environ["ACCORD_LIBRARY"] = lib
import accord  # noqa: E402
seen["python accord.__version__"] = accord.__version__
generated = (source / "bindings" / "python" / "accord" / "_version.py").read_text(encoding="utf-8")
seen["python _version.py (wheel metadata)"] = re.search(r'__version__ = "(.*)"', generated).group(1)
pyproject = (source / "bindings" / "python" / "pyproject.toml").read_text(encoding="utf-8")
if re.search(r'^version\s*=\s*"', pyproject, re.M):
    seen["pyproject.toml static version"] = "written by hand (must be dynamic)"
doxyfile = (source / "docs" / "Doxyfile").read_text(encoding="utf-8")
seen["docs/Doxyfile PROJECT_NUMBER"] = re.search(r"^PROJECT_NUMBER\s*=\s*(.*)$", doxyfile, re.M).group(1).strip()
if seen["docs/Doxyfile PROJECT_NUMBER"] == "$(ACCORD_VERSION)":
    seen["docs/Doxyfile PROJECT_NUMBER"] = want  # read from the header by tests/docs_reference.sh

bad = {k: v for k, v in seen.items() if v != want}
for k, v in seen.items():
    print(f"{k:40} {v}")
if bad:
    print(f"FAILED: accord.h says {want}; these disagree: {bad}", file=sys.stderr)
    sys.exit(1)
print(f"every front door says {want}")
