#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, then builds and runs the consumer project
# against it with find_package(accord), and checks the pkg-config file.
set -euo pipefail
build_dir=$1
source_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j2 >/dev/null
LD_LIBRARY_PATH="$work/prefix/lib:${LD_LIBRARY_PATH:-}" "$work/build/consumer_cpp"
LD_LIBRARY_PATH="$work/prefix/lib:${LD_LIBRARY_PATH:-}" "$work/build/consumer_c"
# pkg-config: compile the C consumer with the flags the .pc file gives.
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
cc $(pkg-config --cflags accord) "$source_dir/main.c" $(pkg-config --libs accord) -o "$work/consumer_pc"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer_pc"
test -x "$work/prefix/bin/accord"
"$work/prefix/bin/accord" --version
echo "consumer: find_package, pkg-config and the installed CLI all work"
