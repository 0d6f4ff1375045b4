// Dodgson and Young, exact (accord/rules/dodgson.hpp): a hand-worked three-cycle, the Condorcet
// winner, and seeded random profiles against brute force written from the definitions (every
// way of moving the candidate up in each voter's ranking; every sub-electorate), and the limit.
#include "accord/registry.hpp"
#include "accord/rules/dodgson.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>

using namespace accord;

namespace {

std::vector<std::optional<rational>> scores(const result& r) { return r.scores; }

using voters_t = std::vector<std::vector<cand_t>>; // one complete order per voter

bool condorcet_winner(const voters_t& v, cand_t c, std::size_t n) {
    for (cand_t d = 0; d < n; ++d) {
        if (d == c) continue;
        int m = 0;
        for (const auto& o : v) {
            const auto pc = std::find(o.begin(), o.end(), c) - o.begin();
            const auto pd = std::find(o.begin(), o.end(), d) - o.begin();
            m += pc < pd ? 1 : -1;
        }
        if (m <= 0) return false;
    }
    return true;
}

// Dodgson by the definition, voter by voter: the fewest adjacent swaps; a swap not moving c up
// never helps c (Bartholdi, Tovey and Trick 1989), so try every number of places each voter
// moves c up.
std::int64_t brute_dodgson(const voters_t& v, cand_t c, std::size_t n) {
    std::int64_t best = -1;
    voters_t cur = v;
    std::function<void(std::size_t, std::int64_t)> go = [&](std::size_t i, std::int64_t cost) {
        if (best >= 0 && cost >= best) return;
        if (i == v.size()) {
            if (condorcet_winner(cur, c, n)) best = cost;
            return;
        }
        const auto at = static_cast<std::size_t>(std::find(v[i].begin(), v[i].end(), c) - v[i].begin());
        for (std::size_t k = 0; k <= at; ++k) {
            cur[i] = v[i];
            std::rotate(cur[i].begin() + static_cast<std::ptrdiff_t>(at - k),
                        cur[i].begin() + static_cast<std::ptrdiff_t>(at),
                        cur[i].begin() + static_cast<std::ptrdiff_t>(at + 1));
            go(i + 1, cost + static_cast<std::int64_t>(k));
        }
        cur[i] = v[i];
    };
    go(0, 0);
    return best;
}

// Young by the definition: the largest set of voters among whom c is the Condorcet winner.
std::optional<std::size_t> brute_young(const voters_t& v, cand_t c, std::size_t n) {
    std::optional<std::size_t> best;
    for (std::uint32_t s = 1; s < (std::uint32_t{1} << v.size()); ++s) {
        voters_t sub;
        for (std::size_t i = 0; i < v.size(); ++i)
            if (s & (std::uint32_t{1} << i)) sub.push_back(v[i]);
        if (condorcet_winner(sub, c, n) && (!best || sub.size() > *best)) best = sub.size();
    }
    return best;
}

} // namespace

// Two voters a>b>c, two b>c>a, one c>a>b: a beats b 3-2, b beats c 4-1, c beats a 3-2. a needs
// one voter to put it over c (one swap: c>a>b or b>c>a); b one over a (a>b>c, one swap); c needs
// two over b (4-1 is three short: floor(3/2) + 1 = 2 voters, one swap each). Young: keeping 3
// voters (a>b>c twice, c>a>b or b>c>a once) leaves a the winner; b likewise; c only alone.
TEST(Dodgson, ThreeCycleScoresWorkedByHand) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{0, 1, 2}, 2}, {{1, 2, 0}, 2}, {{2, 0, 1}, 1}});
    const result d = dodgson(p);
    EXPECT_EQ(d.method, "dodgson");
    EXPECT_EQ(scores(d), (std::vector<std::optional<rational>>{rational(1), rational(1), rational(2)}));
    EXPECT_EQ(d.ranking, (std::vector<std::vector<cand_t>>{{0, 1}, {2}}));
    EXPECT_EQ(d.winners, std::vector<cand_t>{0}); // a and b tie; lexicographic, recorded
    EXPECT_EQ(d.ties.size(), 1u);
    const result y = young(p);
    EXPECT_EQ(scores(y), (std::vector<std::optional<rational>>{rational(3), rational(3), rational(1)}));
    EXPECT_EQ(y.ranking, (std::vector<std::vector<cand_t>>{{0, 1}, {2}}));
    EXPECT_EQ(run(p, "dodgson", R"({"tie_order": ["b", "a", "c"]})").winners, std::vector<cand_t>{1});
    EXPECT_EQ(run(p, "young", R"({"excluded": ["a"]})").winners, std::vector<cand_t>{1});
}

TEST(Dodgson, CondorcetWinnerScoresZeroAndKeepsEveryVoter) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{1, 0, 2}, 3}, {{0, 1, 2}, 2}, {{2, 1, 0}, 2}});
    EXPECT_EQ(*dodgson(p).scores[1], 0);
    EXPECT_EQ(dodgson(p).winners, std::vector<cand_t>{1});
    EXPECT_EQ(*young(p).scores[1], 7);
    EXPECT_EQ(young(p).winners, std::vector<cand_t>{1});
}

// A candidate every voter ranks below another (Pareto-dominated) is the Condorcet winner of no
// set of voters: no Young score, ranked last, with a note.
TEST(Young, ParetoDominatedCandidateHasNoScore) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{0, 1, 2}, 2}, {{2, 0, 1}, 1}});
    const result y = young(p);
    EXPECT_FALSE(y.scores[1].has_value());
    EXPECT_EQ(y.ranking.back(), std::vector<cand_t>{1});
    EXPECT_FALSE(y.notes.empty());
}

// Seeded random profiles of 3 to 5 candidates and up to 7 voters: every score equals the brute
// force written from the definition.
TEST(Dodgson, RandomProfilesMatchBruteForceFromTheDefinitions) {
    std::mt19937_64 rng(1876);
    int nonzero = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 3 + trial % 3;
        const std::size_t voters = 3 + trial % 5;
        voters_t v;
        profile p(accord_test::letters(n));
        for (std::size_t i = 0; i < voters; ++i) {
            std::vector<cand_t> o(n);
            for (std::size_t c = 0; c < n; ++c) o[c] = static_cast<cand_t>(c);
            std::shuffle(o.begin(), o.end(), rng);
            v.push_back(o);
            p.add_order(o);
        }
        const result d = dodgson(p);
        const result y = young(p);
        for (cand_t c = 0; c < n; ++c) {
            const auto bd = brute_dodgson(v, c, n);
            EXPECT_EQ(*d.scores[c], bd) << "trial " << trial << " candidate " << c;
            if (bd > 0) ++nonzero;
            const auto by = brute_young(v, c, n);
            EXPECT_EQ(y.scores[c].has_value(), by.has_value()) << "trial " << trial << " candidate " << c;
            if (by && y.scores[c])
                EXPECT_EQ(*y.scores[c], static_cast<std::int64_t>(*by)) << "trial " << trial;
        }
    }
    EXPECT_GT(nonzero, 50);
}

TEST(Dodgson, MoreThanTenCandidatesAndEqualRanksAreRefusedNamingTheLimit) {
    profile p(accord_test::letters(11));
    std::vector<cand_t> order(11);
    for (cand_t i = 0; i < 11; ++i) order[i] = i;
    p.add_order(order);
    for (const char* rule : {"dodgson", "young"}) {
        try {
            run(p, rule);
            ADD_FAILURE() << rule << " counted";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::unsupported);
            EXPECT_NE(std::string(e.what()).find("more than the 10"), std::string::npos) << e.what();
        }
        EXPECT_EQ(run(p, rule, R"({"excluded": ["K"]})").winners, std::vector<cand_t>{0});
    }
    profile tied({"a", "b", "c"});
    tied.add_ranking({{0, 1}, {2}}, 1);
    EXPECT_THROW(dodgson(tied), error);
}

// As Kemeny's exact search: progress after each candidate's score, and a callback returning
// false cancels the count.
TEST(Dodgson, ReportsProgressPerCandidateAndCanBeCancelled) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{0, 1, 2}, 2}, {{1, 2, 0}, 2}, {{2, 0, 1}, 1}});
    for (const char* rule : {"dodgson", "young"}) {
        std::vector<double> seen;
        const auto r = run(p, rule, "{}", [&](double f) {
            seen.push_back(f);
            return true;
        });
        EXPECT_EQ(r.winners, std::vector<cand_t>{0}) << rule;
        EXPECT_EQ(seen, (std::vector<double>{1.0 / 3, 2.0 / 3, 1.0})) << rule;
        try {
            run(p, rule, "{}", [](double) { return false; });
            ADD_FAILURE() << rule << ": expected cancellation";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::cancelled);
        }
    }
}
