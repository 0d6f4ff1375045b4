// The unsized Banzhaf table is built several players per sweep (src/power/dp.cpp,
// add_players_swept): each player follows the lighter one's frontier by its own weight. Small
// random games never leave the first chunk, so these games have quotas of hundreds of
// thousands, where the frontiers really interleave, and are checked against enumeration.
#include "accord/power.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace accord;

namespace {

TEST(PowerSweep, BanzhafOfHeavyWeightsSweptTogetherAgreesWithEnumeration) {
    std::mt19937_64 rng(5122026);
    for (int trial = 0; trial < 12; ++trial) {
        const std::size_t n = 10 + rng() % 9;
        std::vector<std::uint64_t> w(n);
        for (auto& x : w) x = 2'000 + rng() % 60'000; // many players per group, windows over chunks
        if (trial % 3 == 2) w[rng() % n] = 0;         // a zero weight splits the groups
        std::uint64_t total = 0;
        for (auto x : w) total += x;
        const std::uint64_t q = total / 2 + 1 + rng() % (total / 4);
        const auto g = make_weighted_game(q, w);
        SCOPED_TRACE("trial " + std::to_string(trial) + " n=" + std::to_string(n) +
                     " q=" + std::to_string(q));
        const auto dp =
            power_indices(g, {.indices = index_banzhaf, .method = power_method::dynamic_programming});
        const auto en = power_indices(g, {.indices = index_banzhaf, .method = power_method::enumeration});
        EXPECT_EQ(dp.swings, en.swings);
        EXPECT_EQ(dp.winning_coalitions, en.winning_coalitions);
    }
}

} // namespace
