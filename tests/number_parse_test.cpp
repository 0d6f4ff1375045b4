// Regression (found by fuzz_preflib): decimal text with leading zeros is decimal, never octal.
#include "accord/number.hpp"

#include <gtest/gtest.h>

using namespace accord;

TEST(ParseRational, LeadingZerosAreDecimalNotOctal) {
    EXPECT_EQ(parse_rational("010"), 10);
    EXPECT_EQ(parse_rational("0.9"), rational(9, 10));  // digits "09" threw inside GMP
    EXPECT_EQ(parse_rational("0.10"), rational(1, 10)); // digits "010" were octal 8
    EXPECT_EQ(parse_rational("0.08"), rational(2, 25));
    EXPECT_EQ(parse_rational("007/010"), rational(7, 10));
    EXPECT_EQ(parse_rational("-0.5"), rational(-1, 2));
    EXPECT_EQ(parse_rational("000"), 0);
}
