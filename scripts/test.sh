#!/usr/bin/env bash
# Every test, as CI runs it: set up and build with GCC (scripts/setup.sh), run the whole suite (C++,
# C, Python, CLI), then the suite again under AddressSanitizer + UndefinedBehaviorSanitizer, and
# the concurrency tests built with Clang under ThreadSanitizer. Every build treats warnings as
# errors (ACCORD_WERROR), so both compilers' warnings stay at zero. (Clang builds the TSan stage,
# not the ASan one: Clang links C programs without the C++ UBSan runtime that libaccord needs.)
#
#   scripts/test.sh                  # everything
#   ACCORD_SANITIZERS=0 scripts/test.sh   # skip the sanitizer builds (quick local run)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Each stage's wall time, printed as it ends and summed at the end, so CI's log says where the
# minutes go (the default run should stay under about 25 minutes on 2 cores).
stage_start=$SECONDS
stage_times=()
stage() {
  local now=$SECONDS
  stage_times+=("$(printf '%5ds  %s' $((now - stage_start)) "$1")")
  echo "== $1: $((now - stage_start)) s"
  stage_start=$now
}
trap 'printf "%s\n" "== stage times" "${stage_times[@]}" "== total: ${SECONDS} s"' EXIT

CMAKE_ARGS="-DACCORD_WERROR=ON ${CMAKE_ARGS:-}" scripts/setup.sh
stage "Release build (GCC)"
ctest --test-dir build --output-on-failure -j"$jobs"
stage "Release tests"

if [[ ${ACCORD_SANITIZERS:-1} != 0 ]]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
  BUILD_DIR=build-asan CMAKE_ARGS="-DACCORD_WERROR=ON ${CMAKE_ARGS:-} -DCMAKE_BUILD_TYPE=Debug -DACCORD_SANITIZE=address,undefined -DACCORD_BUILD_BENCH=OFF" \
    scripts/setup.sh
  stage "ASan+UBSan build"
  # Python cannot load an ASan-instrumented libaccord without preloading the runtime: the
  # bindings are exercised by the plain build above; here every native test runs.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE no-sanitize
  stage "ASan+UBSan tests"

  echo "== ThreadSanitizer (concurrency tests), built with Clang"
  BUILD_DIR=build-tsan CMAKE_ARGS="-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DACCORD_WERROR=ON ${CMAKE_ARGS:-} -DCMAKE_BUILD_TYPE=Debug -DACCORD_SANITIZE=thread -DACCORD_BUILD_BENCH=OFF" BUILD_TARGET=accord_tests \
    scripts/setup.sh
  stage "TSan build (Clang)"
  TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R "MonteCarlo|Concurrency|Thread"
  stage "TSan tests"
fi
