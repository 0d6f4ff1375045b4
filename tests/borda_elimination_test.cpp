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

namespace {
using accord_test::random_ballot;

// Coombs from its definition (docs/methods/coombs.md), straight over the ballots' tiers: the
// eliminations in order, and the winner, up to the first tie (both counts stop there under the
// "report" policy).
struct coombs_outcome {
    std::vector<cand_t> eliminated;
    std::vector<cand_t> winners;
};
coombs_outcome coombs_by_definition(const std::vector<random_ballot>& bs, std::size_t n, unranked_rule u) {
    std::vector<char> cont(n, 1);
    coombs_outcome out;
    for (;;) {
        std::vector<rational> first(n, rational(0)), last(n, rational(0));
        std::vector<cand_t> left;
        for (cand_t c = 0; c < n; ++c)
            if (cont[c]) left.push_back(c);
        for (const auto& b : bs) {
            std::vector<std::vector<cand_t>> tiers;
            std::vector<char> ranked(n, 0);
            for (const auto& t : b.tiers) {
                std::vector<cand_t> in;
                for (cand_t c : t)
                    if (cont[c]) in.push_back(c), ranked[c] = 1;
                if (!in.empty()) tiers.push_back(in);
            }
            const rational w(static_cast<long>(b.count));
            if (!tiers.empty())
                for (cand_t c : tiers.front()) first[c] += w / static_cast<long>(tiers.front().size());
            std::vector<cand_t> bottom = tiers.empty() ? std::vector<cand_t>{} : tiers.back();
            if (u == unranked_rule::last) {
                std::vector<cand_t> un;
                for (cand_t c : left)
                    if (!ranked[c]) un.push_back(c);
                if (un.size() == left.size()) continue;
                if (!un.empty()) bottom = un;
            }
            for (cand_t c : bottom) last[c] += w / static_cast<long>(bottom.size());
        }
        rational valid = 0, best = -1;
        for (cand_t c : left) valid += first[c], best = std::max(best, first[c]);
        std::vector<cand_t> top;
        for (cand_t c : left)
            if (first[c] == best) top.push_back(c);
        if (left.size() == 1 || (top.size() == 1 && 2 * best > valid)) {
            out.winners = {top.front()};
            return out;
        }
        rational most = -1;
        for (cand_t c : left) most = std::max(most, last[c]);
        std::vector<cand_t> worst;
        for (cand_t c : left)
            if (last[c] == most) worst.push_back(c);
        if (worst.size() > 1) return out; // unresolved tie: the count stops
        cont[worst.front()] = 0;
        out.eliminated.push_back(worst.front());
    }
}

TEST(Coombs, EliminatesAsItsDefinitionOnRandomWeakProfiles) {
    std::mt19937_64 rng(3105);
    std::size_t eliminations = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t n = 2 + rng() % 8;
        const auto ballots = accord_test::random_ballots(rng, n, 1 + rng() % 15, true);
        const profile p = accord_test::build(ballots, n);
        for (auto u : {unranked_rule::last, unranked_rule::ignore}) {
            SCOPED_TRACE("trial " + std::to_string(trial) + (u == unranked_rule::last ? " last" : " ignore"));
            elimination_options opt;
            opt.unranked = u;
            opt.tie_break.policy = tie_policy::report;
            const result r = coombs(p, opt);
            const auto want = coombs_by_definition(ballots, n, u);
            std::vector<cand_t> got;
            for (const auto& rd : r.rounds) got.insert(got.end(), rd.eliminated.begin(), rd.eliminated.end());
            EXPECT_EQ(got, want.eliminated);
            EXPECT_EQ(r.winners, want.winners);
            eliminations += got.size();
        }
    }
    EXPECT_GT(eliminations, 300u);
}

} // namespace
