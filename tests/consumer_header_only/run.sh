#!/usr/bin/env bash
# Builds tests/consumer_header_only against the source tree (add_subdirectory, accord::header-only)
# and runs it on Burlington 2009. Usage: run.sh ACCORD_SOURCE_DIR PATH_UNDER_SHARED_DATA...
# (CONSUMER=consumer_header_only_power runs the power consumer on its two files instead.)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S "$source_dir" -B "$work/build" -DACCORD_SOURCE_DIR="$1" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wno-missing-field-initializers -Werror" >/dev/null
target=${CONSUMER:-consumer_header_only}
cmake --build "$work/build" --target "$target" >/dev/null
# Nothing of libaccord was built: the consumer is the only thing compiled.
if find "$work/build" -name 'libaccord*' | grep -q .; then echo "libaccord was built" >&2; exit 1; fi
data_dir=${ACCORD_SHARED_DATA:-$1/../shared/data}
shift
files=()
for f in "$@"; do files+=("$data_dir/$f"); done
"$work/build/$target" "${files[@]}"
