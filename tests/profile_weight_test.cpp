// Regression: the first distinct ballot of a profile keeps its weight and unit.
#include "accord/profile.hpp"

#include <gtest/gtest.h>

using namespace accord;

TEST(Profile, FirstBallotKeepsItsWeight) {
    profile p({"A", "B"});
    std::vector<cand_t> a{0}, b{1};
    p.add_order(a, 1, rational(1, 3));
    ASSERT_NE(p.ballot(0).weight, nullptr);
    EXPECT_EQ(*p.ballot(0).weight, rational(1, 3));
    p.add_order(b, 2);
    EXPECT_EQ(*p.ballot(0).weight, rational(1, 3));
    EXPECT_EQ(*p.ballot(1).weight, 1);
    EXPECT_EQ(p.total_weight(), rational(1, 3) + 2);
}

TEST(Profile, FirstBallotKeepsItsUnit) {
    profile p({"A", "B"});
    const auto u = p.intern_unit("P1");
    std::vector<cand_t> a{0}, b{1};
    p.add_order(a, 1, rational(1), u);
    EXPECT_EQ(p.ballot(0).unit, u);
    p.add_order(b, 1);
    EXPECT_EQ(p.ballot(0).unit, u);
    EXPECT_EQ(p.ballot(1).unit, k_no_unit);
}
