// The umbrella header compiles on its own and exposes the version of the C API it belongs to.
#include "accord/accord.hpp"
#include "accord/accord.h"

#include <gtest/gtest.h>

TEST(Umbrella, HeaderVersionMatchesNumber) {
    EXPECT_EQ(ACCORD_VERSION_NUMBER,
              ACCORD_VERSION_MAJOR * 10000 + ACCORD_VERSION_MINOR * 100 + ACCORD_VERSION_PATCH);
    accord::profile p({"a", "b"});
    EXPECT_EQ(p.candidate_count(), 2u);
}
