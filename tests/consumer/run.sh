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
# accord::header-only from the installed package: IRV over double weights, no libaccord linked
# (exit 77: the Burlington file is absent outside CI, reported by the consumer).
cmake -S "$source_dir/../consumer_header_only" -B "$work/build_header_only" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build_header_only" >/dev/null
status=0
"$work/build_header_only/consumer_header_only" \
  "${ACCORD_SHARED_DATA:-$source_dir/../../../shared/data}/preflib/00005 - burlington/00005-00000002.toi" || status=$?
test "$status" -eq 0 || test "$status" -eq 77
# pkg-config: compile the C consumer with the flags the .pc file gives.
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
cc $(pkg-config --cflags accord) "$source_dir/main.c" $(pkg-config --libs accord) -o "$work/consumer_pc"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer_pc"
# pkg-config for the C++ library.
c++ $(pkg-config --cflags accord-cpp) "$source_dir/main.cpp" $(pkg-config --libs accord-cpp) -o "$work/consumer_pc_cpp"
"$work/consumer_pc_cpp"
# A C-only consumer needs none of the C++ library's dependencies: its CMake configure runs with
# Boost, Eigen, nlohmann-json and PkgConfig disabled, and it compiles against an include folder
# that mirrors /usr/include without boost/, eigen3/, nlohmann/ and gmp*.h.
hidden="$work/include-without-cpp-deps"
mkdir -p "$hidden"
for entry in /usr/include/*; do
  case $(basename "$entry") in boost|eigen3|nlohmann|gmp*.h|gmpxx.h) continue ;; esac
  ln -s "$entry" "$hidden/$(basename "$entry")"
done
cmake --no-warn-unused-cli -S "$source_dir/../consumer_c" -B "$work/build_c" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_DISABLE_FIND_PACKAGE_Boost=TRUE -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=TRUE \
  -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=TRUE -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=TRUE \
  -DCMAKE_C_FLAGS="-nostdinc -isystem $(cc -print-file-name=include) -isystem $hidden/$(cc -print-multiarch) -isystem $hidden" >/dev/null
cmake --build "$work/build_c" >/dev/null
LD_LIBRARY_PATH="$work/prefix/lib" "$work/build_c/consumer_c_only"
cc -nostdinc -isystem "$(cc -print-file-name=include)" -isystem "$hidden/$(cc -print-multiarch)" -isystem "$hidden" \
  $(pkg-config --cflags accord) \
  "$source_dir/main.c" $(pkg-config --libs accord) -o "$work/consumer_pc_hidden"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer_pc_hidden"
test -x "$work/prefix/bin/accord"
"$work/prefix/bin/accord" --version
echo "consumer: find_package (C++, and C alone without the C++ dependencies), pkg-config (accord, accord-cpp) and the installed CLI all work"
