// The unsized Banzhaf table is built several players per sweep (src/power/dp.cpp,
// add_players_swept): each player follows the lighter one's frontier by its own weight. Small
// random games never leave the first chunk, so these games have quotas of hundreds of
// thousands, where the frontiers really interleave, and are checked against enumeration.
// Players go two at a time in the exact rings (adds_three_rows): the games with more than 63
// players, counted in 16-bit residues, are checked against the public template counting one
// player at a time in big integers.
#include "accord/power.hpp"
#include "accord/power_dp-inl.hpp"

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

TEST(PowerSweep, ResiduePassesTwoPlayersAtATimeAgreeWithBigIntegersOneAtATime) {
    std::mt19937_64 rng(6122026);
    for (int trial = 0; trial < 3; ++trial) {
        // 64 to 140 players of up to 60,000 cells: more than one group a sweep, odd and even
        // groups, a lone unit at the end of some.
        const std::size_t n = 64 + rng() % 77;
        std::vector<std::uint64_t> w(n);
        for (auto& x : w) x = 1 + rng() % 60'000;
        if (trial == 1) w[rng() % n] = 0;
        if (trial == 2) w[rng() % n] = w[rng() % n]; // equal weights: one class
        std::uint64_t total = 0;
        for (auto x : w) total += x;
        const std::uint64_t q = total / 2 + 1 + rng() % (total / 3);
        const auto g = make_weighted_game(q, w);
        SCOPED_TRACE("trial " + std::to_string(trial) + " n=" + std::to_string(n) +
                     " q=" + std::to_string(q));
        const auto dp =
            power_indices(g, {.indices = index_banzhaf, .method = power_method::dynamic_programming});
        const auto plain = count_weighted_game_in(plain_counts<big_int>{}, g, false, {});
        ASSERT_EQ(dp.swings.size(), n);
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dp.swings[i], plain.flat[i]) << "player " << i;
        EXPECT_EQ(dp.winning_coalitions, plain.flat.back());
    }
}

} // namespace
