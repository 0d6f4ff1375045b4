// Baldwin and Nanson keep each continuing candidate's Borda score (its sum of margins) and take
// an eliminated candidate's margins off the others, rather than summing every pair again each
// round: every round's tallies must still be the from-scratch sums over those left.
#include "accord/rules/elimination.hpp"

#include "random_profiles.hpp"

#include <gtest/gtest.h>

using namespace accord;

namespace {

// Each round's tally of each candidate in the count is the sum of its margins against the
// others in the count that round, from the result's own pairwise matrix.
void expect_margin_sums(const result& r) {
    ASSERT_FALSE(r.rounds.empty());
    for (std::size_t k = 0; k < r.rounds.size(); ++k) {
        const auto& t = r.rounds[k].tallies;
        for (cand_t a = 0; a < t.size(); ++a) {
            if (!t[a]) continue;
            rational sum = 0;
            for (cand_t b = 0; b < t.size(); ++b)
                if (b != a && t[b]) sum += r.pairwise[a][b] - r.pairwise[b][a];
            EXPECT_EQ(*t[a], sum) << r.method << " round " << k + 1 << " candidate " << a;
        }
    }
}

TEST(BordaElimination, EveryRoundsScoresAreTheMarginSumsAmongThoseLeft) {
    std::mt19937_64 rng(1205);
    int rounds = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 2 + rng() % 9;
        const auto ballots = accord_test::random_ballots(rng, n, 1 + rng() % 12, trial % 2 == 1);
        const profile p = accord_test::build(ballots, n);
        SCOPED_TRACE("trial " + std::to_string(trial));
        const result b = baldwin(p), s = nanson(p);
        expect_margin_sums(b);
        expect_margin_sums(s);
        rounds += static_cast<int>(b.rounds.size() + s.rounds.size());
    }
    EXPECT_GT(rounds, 1000); // the eliminations were exercised, not only first rounds
}

} // namespace
