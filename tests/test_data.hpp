// tests/test_data.hpp: the one way tests find ../shared/data and small fixtures.
//
// Real data lives in ../shared/data beside the checkout (or $ACCORD_SHARED_DATA). When it is
// absent the test is skipped with a visible notice, except under CI (CI=true), where a missing
// data folder is a failure: CI must prove the tests against real data.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace accord_test {

inline std::filesystem::path shared_data_dir() {
    if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env) return env;
    return std::filesystem::path(ACCORD_SOURCE_DIR) / ".." / "shared" / "data";
}

inline bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) != "" && std::string(ci) != "0" && std::string(ci) != "false";
}

/// Path to a file of ../shared/data; skips the calling test (or fails, under CI) if absent.
#define ACCORD_SHARED_FILE(var, relative) \
  const std::filesystem::path var = accord_test::shared_data_dir() / (relative); \
  do { \
    if (!std::filesystem::exists(var)) { \
      if (accord_test::under_ci()) FAIL() << "shared data missing under CI: " << var; \
      GTEST_SKIP() << "NOTICE: shared data not found, test skipped: " << var; \
    } \
  } while (0)

/// A small fixture written for this project, in tests/data/.
inline std::filesystem::path fixture(const std::string& relative) {
    return std::filesystem::path(ACCORD_SOURCE_DIR) / "tests" / "data" / relative;
}

} // namespace accord_test
