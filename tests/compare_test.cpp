// Ranking distances against hand-computed values.
#include "accord/analysis/compare.hpp"

#include <gtest/gtest.h>

using namespace accord;

TEST(Compare, IdenticalRankingsAgreeFully) {
    ranking_tiers r{{0}, {1}, {2}, {3}};
    auto c = compare_rankings(r, r, 4);
    EXPECT_DOUBLE_EQ(c.kendall_tau_b, 1.0);
    EXPECT_DOUBLE_EQ(c.spearman_rho, 1.0);
    EXPECT_EQ(c.discordant, 0u);
    EXPECT_TRUE(c.moved.empty());
}

TEST(Compare, ReversedRankingsDisagreeFully) {
    ranking_tiers a{{0}, {1}, {2}, {3}}, b{{3}, {2}, {1}, {0}};
    auto c = compare_rankings(a, b, 4);
    EXPECT_DOUBLE_EQ(c.kendall_tau_b, -1.0);
    EXPECT_DOUBLE_EQ(c.spearman_rho, -1.0);
    EXPECT_EQ(c.discordant, 6u);
    EXPECT_DOUBLE_EQ(c.kendall_distance, 1.0);
    EXPECT_DOUBLE_EQ(c.footrule, 8.0);
}

TEST(Compare, OneAdjacentSwapAndTies) {
    // a: 0 > 1 > 2 ; b: 1 > 0 > 2 -> 1 discordant of 3 pairs: tau = (2 - 1) / 3.
    auto c = compare_rankings({{0}, {1}, {2}}, {{1}, {0}, {2}}, 3);
    EXPECT_EQ(c.discordant, 1u);
    EXPECT_NEAR(c.kendall_tau_b, 1.0 / 3, 1e-12);
    EXPECT_NEAR(c.spearman_rho, 0.5, 1e-12);
    EXPECT_EQ(c.moved, (std::vector<cand_t>{0, 1}));
    // Tie 1 = 2 at places 2-3 gives mid-rank 2.5; missing candidates tie last.
    auto m = mid_ranks({{0}, {1, 2}}, 5);
    EXPECT_DOUBLE_EQ(m[1], 2.5);
    EXPECT_DOUBLE_EQ(m[3], 4.5);
    auto t = compare_rankings({{0}, {1, 2}}, {{0}, {1}, {2}}, 3);
    EXPECT_EQ(t.tied_one, 1u);
    EXPECT_NEAR(t.kendall_distance, 0.5 / 3, 1e-12);
}
