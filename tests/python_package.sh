#!/usr/bin/env bash
# The installable package, offline: scripts/python-package builds a wheel shipping libaccord and the
# CLI, pip installs it into a temporary folder (no index), and a fresh interpreter outside the
# source tree imports it, counts, and runs `python3 -m accord` through the shipped CLI.
set -euo pipefail
build=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=$("$root/scripts/python-package" "$build" "$work/dist" 2>"$work/build.log") || { cat "$work/build.log"; exit 1; }
py=python3
/usr/bin/python3 -c 'import setuptools, wheel' 2>/dev/null && py=/usr/bin/python3
# Tagged for this platform (any Python 3), with stripped native files.
platform=$("$py" -c 'import sysconfig; print(sysconfig.get_platform().replace("-", "_").replace(".", "_"))')
[[ $(basename "$wheel") == accord-*-py3-none-"$platform".whl ]] || { echo "wheel tag is not py3-none-$platform: $wheel" >&2; exit 1; }
unzip -o -q "$wheel" 'accord/libaccord.so.0' 'accord/bin/accord' -d "$work/unpacked"
for f in "$work/unpacked/accord/libaccord.so.0" "$work/unpacked/accord/bin/accord"; do
  if file "$f" | grep -q 'not stripped'; then echo "not stripped: $f" >&2; exit 1; fi
done
# A fresh virtual environment, offline: the console script `accord` runs a count.
"$py" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --no-index --no-deps --disable-pip-version-check "$wheel"
printf 'rank1,rank2\nA,B\nA,B\nB,A\n' > "$work/three.csv"
out=$("$work/venv/bin/accord" run plurality "$work/three.csv" --json)
[[ $out == *'"winners":["A"]'* ]] || { echo "venv console script: unexpected: $out" >&2; exit 1; }
echo "venv: accord console script counted: $(echo "$out" | cut -c1-80)"
"$py" -m pip install --quiet --no-index --no-deps --disable-pip-version-check --root-user-action=ignore \
  --target "$work/site" "$wheel"
cd "$work"
export PYTHONPATH="$work/site" PYTHONDONTWRITEBYTECODE=1
unset ACCORD_LIBRARY ACCORD_CLI
"$py" - <<'PY'
import accord, accord._ffi as ffi, accord.__main__ as m
assert ffi.__file__.startswith(__import__("os").environ["PYTHONPATH"]), ffi.__file__
p = accord.Profile.from_dict({("A", "B"): 3, ("B", "A"): 2})
assert accord.run(p, "irv").winners == ["A"], accord.run(p, "irv").winners
assert m.find_cli().endswith("accord/bin/accord"), m.find_cli()
print("installed package:", accord.version(), "from", ffi.__file__)
PY
out=$("$py" -m accord power --quota 3 --weights 2,1,1 --json)
[[ $out == *'"banzhaf_exact":["3/5","1/5","1/5"]'* ]] || { echo "unexpected: $out" >&2; exit 1; }
echo "python3 -m accord ran the shipped CLI: $out" | cut -c1-120
