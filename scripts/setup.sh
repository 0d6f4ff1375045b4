#!/usr/bin/env bash
# Sets up a fresh Debian machine for accord and builds it: installs the Debian packages that are
# missing, configures with CMake into build/ and builds everything (library, CLI, tests, benches).
#
#   scripts/setup.sh            # Release build in build/
#   BUILD_DIR=build-asan CMAKE_ARGS="-DACCORD_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug" scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config python3 libboost-dev libboost-graph-dev libeigen3-dev
          libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev libgmp-dev abigail-tools
          python3-pandas python3-numpy python3-setuptools python3-wheel python3-pip doxygen
          python3-matplotlib chromium clang libclang-rt-dev clang-format clang-tidy
          libzip-dev libexpat1-dev python3-openpyxl
          python3-dask python3-distributed libssl-dev
          python3-venv file unzip libcpp-httplib-dev python3-selenium chromium-driver python3-nbclient
          python3-ipykernel)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
