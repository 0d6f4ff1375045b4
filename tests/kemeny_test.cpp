// Kemeny-Young: hand examples, optimality against brute force, all optimal rankings, splitting
// at strong components, and the labelled search beyond the exact limit.
#include "accord/registry.hpp"
#include "accord/rules/kemeny.hpp"
#include "accord/rules/majority_graph.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

using namespace accord;
using accord_test::tennessee;
using accord_test::tiers;
using accord_test::winner;

namespace {
// Every permutation: best score and the set of orders attaining it.
std::pair<std::int64_t, std::set<std::vector<cand_t>>> brute_force(const std::vector<std::int64_t>& w,
                                                                   std::size_t n) {
    std::vector<cand_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::int64_t best = -1;
    std::set<std::vector<cand_t>> all;
    do {
        std::int64_t s = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) s += w[order[i] * n + order[j]];
        if (s > best) {
            best = s;
            all.clear();
        }
        if (s == best) all.insert(order);
    } while (std::next_permutation(order.begin(), order.end()));
    return {best, all};
}
} // namespace

TEST(Kemeny, TennesseeRanksNashvilleChattanoogaKnoxvilleMemphis) {
    auto r = kemeny(tennessee());
    EXPECT_EQ(r.ranking, tiers({{1}, {2}, {3}, {0}}));
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_TRUE(r.ties.empty());
    // agreement: N>C 68 + N>K 68 + N>M 58 + C>K 83 + C>M 58 + K>M 58 = 393
    EXPECT_NE(std::find(r.notes.begin(), r.notes.end(),
                        "Kemeny score: 393 = total support for the pairwise orders the ranking keeps"),
              r.notes.end());
}

TEST(Kemeny, ThreeWayCycleHasThreeOptimalRankingsAsOneTier) {
    profile p({"A", "B", "C", "D"});
    p.add_order(std::vector<cand_t>{0, 1, 2, 3});
    p.add_order(std::vector<cand_t>{1, 2, 0, 3});
    p.add_order(std::vector<cand_t>{2, 0, 1, 3});
    auto r = kemeny(p);
    // A>B>C, B>C>A, C>A>B each keep 2 of the 3 majorities (score 2+2+1 = 5, + 9 over D).
    EXPECT_EQ(r.ranking, tiers({{0, 1, 2}, {3}}));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(winner(r), "A");
    EXPECT_NE(std::find(r.notes.begin(), r.notes.end(), "optimal rankings: 3"), r.notes.end());
}

TEST(Kemeny, ExactSolverMatchesBruteForceOnRandomProfiles) {
    for (std::uint64_t seed = 1; seed <= 120; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 3 + seed % 5; // 3..7
        auto bs = accord_test::random_ballots(rng, n, 2 + seed % 9, seed % 2 == 0);
        profile p = accord_test::build(bs, n);
        auto m = tally_pairwise<std::int64_t>(p);
        std::vector<cand_t> all(n);
        std::iota(all.begin(), all.end(), 0);
        // The DP on the whole candidate set, without splitting.
        auto sol = kemeny_order(m.support, n, all, 10000);
        auto [best, orders] = brute_force(m.support, n);
        ASSERT_EQ(sol.score, best) << "seed " << seed;
        ASSERT_TRUE(sol.listing_complete);
        EXPECT_EQ(std::set<std::vector<cand_t>>(sol.optimal.begin(), sol.optimal.end()), orders)
            << "seed " << seed;
        // The full rule (split at strong components) lists the same optimal rankings.
        auto r = kemeny(p, {.max_rankings = 10000});
        std::set<std::string> listed;
        for (const auto& note : r.notes)
            if (note.rfind("  ", 0) == 0) listed.insert(note);
        EXPECT_EQ(listed.size(), orders.size()) << "seed " << seed;
        // Winner: first in some optimal ranking.
        ASSERT_EQ(r.winners.size(), 1u);
        EXPECT_TRUE(std::any_of(orders.begin(), orders.end(),
                                [&](const auto& o) { return o.front() == r.winners[0]; }));
    }
}

TEST(Kemeny, CondorcetConsistentAndSplitsAtStrongComponents) {
    for (std::uint64_t seed = 300; seed < 400; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 4 + seed % 6;
        auto bs = accord_test::random_ballots(rng, n, 3 + seed % 7, seed % 3 == 0);
        profile p = accord_test::build(bs, n);
        auto m = tally_pairwise<std::int64_t>(p);
        auto r = kemeny(p);
        if (auto cw = condorcet_winner(m)) EXPECT_EQ(r.winners, std::vector<cand_t>{*cw}) << seed;
        // The top Kemeny tier lies inside the Smith set.
        auto sm = smith_set(m);
        for (cand_t c : r.ranking.front())
            EXPECT_TRUE(std::find(sm.begin(), sm.end(), c) != sm.end()) << seed;
    }
}

TEST(Kemeny, HomogeneousAndNeutral) {
    for (std::uint64_t seed = 40; seed < 80; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 3 + seed % 5;
        auto bs = accord_test::random_ballots(rng, n, 3 + seed % 8, seed % 2 == 0);
        std::vector<cand_t> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        std::shuffle(perm.begin(), perm.end(), rng);
        auto r = kemeny(accord_test::build(bs, n));
        EXPECT_EQ(accord_test::named(kemeny(accord_test::build(bs, n, {}, 3))), accord_test::named(r));
        EXPECT_EQ(accord_test::named(kemeny(accord_test::build(bs, n, perm))), accord_test::named(r));
    }
}

TEST(Kemeny, BeyondTheExactLimitTheSearchSaysWhetherItProvedOptimality) {
    // A transitive majority (ballots all A > B > ... ) is proven optimal by the bound even by
    // local search; a cycle is not.
    profile p(accord_test::letters(6));
    p.add_order(std::vector<cand_t>{0, 1, 2, 3, 4, 5}, 3);
    p.add_order(std::vector<cand_t>{5, 4, 3, 2, 1, 0}, 1);
    auto r = kemeny(p, {.max_exact = 2});
    EXPECT_EQ(r.ranking, tiers({{0}, {1}, {2}, {3}, {4}, {5}}));
    EXPECT_NE(std::find_if(r.notes.begin(), r.notes.end(),
                           [](const std::string& s) { return s.rfind("optimality: proven", 0) == 0; }),
              r.notes.end());
    profile q({"A", "B", "C"});
    q.add_order(std::vector<cand_t>{0, 1, 2});
    q.add_order(std::vector<cand_t>{1, 2, 0});
    q.add_order(std::vector<cand_t>{2, 0, 1});
    auto h = kemeny(q, {.max_exact = 2});
    EXPECT_NE(std::find_if(h.notes.begin(), h.notes.end(),
                           [](const std::string& s) { return s.rfind("optimality: NOT PROVEN", 0) == 0; }),
              h.notes.end());
    EXPECT_EQ(h.winners.size(), 1u);
}

TEST(Kemeny, WeightedProfileScalesExactlyAndRegistryOptions) {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 1, rational(1, 3));
    p.add_order(std::vector<cand_t>{2, 1, 0}, 1, rational(1, 4));
    auto r = kemeny(p);
    EXPECT_EQ(r.ranking, tiers({{0}, {1}, {2}}));
    EXPECT_EQ(winner(run(tennessee(), "kemeny", R"({"max_rankings": 5, "unranked": "ignore"})")),
              "Nashville");
    EXPECT_THROW(run(tennessee(), "kemeny", R"({"max_exact": 31})"), error);
    EXPECT_THROW(run(tennessee(), "kemeny", R"({"max_ranking": 5})"), error);
}

TEST(Kemeny, TwentyCandidateCycleSolvedExactlyWithinLimit) {
    // 20 candidates in one strong component (cyclic shifts), solved by the DP.
    const std::size_t n = 20;
    profile p(accord_test::letters(n));
    for (std::size_t s = 0; s < n; s += 3) {
        std::vector<cand_t> o;
        for (std::size_t i = 0; i < n; ++i) o.push_back(static_cast<cand_t>((s + i * 7) % n));
        p.add_order(o, 1 + s % 4);
    }
    auto r = kemeny(p, {.max_rankings = 3});
    EXPECT_EQ(r.winners.size(), 1u);
    EXPECT_NE(std::find_if(r.notes.begin(), r.notes.end(),
                           [](const std::string& s) { return s.rfind("optimality: proven", 0) == 0; }),
              r.notes.end());
}

TEST(Kemeny, ExactSearchReportsProgressAndCanBeCancelled) {
    // 21 voters ranking 21 candidates in the 21 rotations of one order: every candidate beats
    // the next ten, so the majority graph is one strong component and the exact search walks
    // all 2^21 subsets.
    const std::size_t k = 21;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < k; ++c) names.push_back("c" + std::to_string(c));
    profile p(names);
    for (std::size_t s = 0; s < k; ++s) {
        std::vector<cand_t> order;
        for (std::size_t i = 0; i < k; ++i) order.push_back(static_cast<cand_t>((s + i) % k));
        p.add_order(order);
    }
    std::vector<double> seen;
    const auto r = run(p, "kemeny", "{}", [&](double f) {
        seen.push_back(f);
        return true;
    });
    EXPECT_FALSE(r.winners.empty());
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_LE(seen.back(), 1.0);
    try {
        run(p, "kemeny", "{}", [](double) { return false; });
        FAIL() << "expected cancellation";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
}

// pref_voting's Slater example (docs, mg_ex_slater.py): the majority graph 0>2, 0>3, 1>0, 2>3,
// 2>1, 3>1, here from three voters 0231, 1023, 2310. Every cycle runs through 1>0, so the one
// Slater ranking reverses that pair only: 0 > 2 > 3 > 1, and the Slater set is {0}.
TEST(Slater, PrefVotingDocExampleHasTheSingleRankingReversingOnePair) {
    profile p({"0", "1", "2", "3"});
    p.add_order(std::vector<cand_t>{0, 2, 3, 1});
    p.add_order(std::vector<cand_t>{1, 0, 2, 3});
    p.add_order(std::vector<cand_t>{2, 3, 1, 0});
    const result r = slater(p);
    EXPECT_EQ(r.method, "slater");
    EXPECT_EQ(r.winners, std::vector<cand_t>{0});
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{0}, {2}, {3}, {1}}));
    EXPECT_NE(std::find(r.notes.begin(), r.notes.end(),
                        "Slater: each optimal ranking keeps 5 of the 6 majority pairs and reverses 1"),
              r.notes.end());
    EXPECT_EQ(run(p, "slater").winners, r.winners);
}

// pref_voting's tests (test_c1_methods.py): a Condorcet cycle makes all three Slater winners; a
// linear majority its top; the set comes from every optimal ranking, not from a capped list.
TEST(Slater, CycleGivesEveryCandidateAndTheSetIgnoresTheListingCap) {
    profile cycle({"a", "b", "c"});
    cycle.add_order(std::vector<cand_t>{0, 1, 2});
    cycle.add_order(std::vector<cand_t>{1, 2, 0});
    cycle.add_order(std::vector<cand_t>{2, 0, 1});
    EXPECT_EQ(slater(cycle).winners, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(run(cycle, "slater", R"({"max_rankings": 1})").winners, (std::vector<cand_t>{0, 1, 2}));
    profile linear({"a", "b", "c"});
    linear.add_order(std::vector<cand_t>{0, 1, 2});
    EXPECT_EQ(slater(linear).winners, std::vector<cand_t>{0});
}

// Slater is exact only: a strong component past max_exact is refused by name, never guessed.
TEST(Slater, ComponentBeyondMaxExactIsRefusedNamingTheLimit) {
    profile cycle({"a", "b", "c"});
    cycle.add_order(std::vector<cand_t>{0, 1, 2});
    cycle.add_order(std::vector<cand_t>{1, 2, 0});
    cycle.add_order(std::vector<cand_t>{2, 0, 1});
    try {
        run(cycle, "slater", R"({"max_exact": 2})");
        ADD_FAILURE() << "counted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("max_exact = 2"), std::string::npos) << e.what();
    }
}
