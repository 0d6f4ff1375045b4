// The weighted-game programme as a public template (accord/power_dp.hpp): libaccord's compiled
// instantiations in double and big_int against power_indices() on the same games (the double
// count of a real game is in power_test.cpp, beside its practice reader).
#include "accord/power_dp.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace accord;

TEST(PowerDp, BigIntegerCountsAreTheSwingsPivotsAndWinningCoalitionsOfPowerIndices) {
    std::mt19937_64 rng(15);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 1 + rng() % 12, M = trial % 3 == 2 ? 2 : 1;
        weighted_game g;
        for (std::size_t d = 0; d < M; ++d) {
            weighted_majority m;
            std::uint64_t total = 0;
            for (std::size_t i = 0; i < n; ++i) total += m.weights.emplace_back(rng() % 9);
            if (total == 0) m.weights[0] = total = 1;
            m.quota = 1 + rng() % total;
            g.majorities.push_back(m);
        }
        SCOPED_TRACE("trial " + std::to_string(trial));
        const auto want = power_indices(g, {.indices = index_banzhaf | index_shapley_shubik | index_chow});
        const auto c = count_weighted_game<big_int>(g, true);
        ASSERT_EQ(c.flat.size(), n + n * n + 1);
        EXPECT_EQ(c.winning(), want.winning_coalitions);
        big_int factorial_n = 1;
        for (std::size_t k = 2; k <= n; ++k) factorial_n *= static_cast<unsigned>(k);
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(c.swings(i), want.swings[i]);
            big_int pivots = 0, by_size = 0, f = 1; // f = k! (n-1-k)!, built from (n-1)!
            for (std::size_t k = 1; k < n; ++k) f *= static_cast<unsigned>(k);
            for (std::size_t k = 0; k < n; ++k) {
                pivots += f * c.swings_by_size(i, k);
                by_size += c.swings_by_size(i, k);
                if (k + 1 < n) f = f * static_cast<unsigned>(k + 1) / static_cast<unsigned>(n - 1 - k);
            }
            EXPECT_EQ(by_size, c.swings(i)); // the sizes split the swings
            EXPECT_EQ(pivots, want.pivots[i]);
        }
        // Without sizes, the same swings.
        const auto plain = count_weighted_game<big_int>(g);
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(plain.swings(i), c.swings(i));
    }
}
