#!/bin/sh
# usage: run.sh PYTHON...  Runs tests/python_plots under the first interpreter given that can import
# matplotlib (pyenv's python3 often cannot see Debian's python3-matplotlib; /usr/bin/python3 can).
# None: exit 77 (ctest shows the test as skipped, with this notice), or fail under CI=true, where
# scripts/setup.sh has installed python3-matplotlib.
here=$(dirname "$0")
for py in "$@"; do
  if [ -x "$py" ] && "$py" -c "import matplotlib" >/dev/null 2>&1; then
    exec "$py" -m unittest discover -s "$here" -t "$here" -v
  fi
done
case "${CI:-}" in
  ""|0|false) echo "SKIP: no Python with matplotlib among: $* (apt-get install python3-matplotlib); plots not tested"
              exit 77 ;;
  *) echo "FAIL: no Python with matplotlib among: $* under CI (scripts/setup.sh installs python3-matplotlib)"
     exit 1 ;;
esac
