// Positional scoring rules: hand-checked scores, truncated-ballot variants, registry options.
#include "accord/registry.hpp"
#include "accord/io/read.hpp"
#include "accord/rules/positional-inl.hpp"
#include "accord/rules/positional.hpp"
#include "fixtures.hpp"
#include "random_profiles.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

using namespace accord;
using accord_test::tennessee;
using accord_test::tiers;
using accord_test::winner;

TEST(Borda, TennesseeScoresAsCountedByHand) {
    auto r = borda(tennessee());
    // 3,2,1,0 points: M 42x3 = 126; N 42x2 + 26x3 + 15 + 17 = 194; C 42 + 52 + 45 + 34 = 173;
    // K 26 + 30 + 51 = 107.
    EXPECT_EQ(*r.scores[0], 126);
    EXPECT_EQ(*r.scores[1], 194);
    EXPECT_EQ(*r.scores[2], 173);
    EXPECT_EQ(*r.scores[3], 107);
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_EQ(r.ranking, tiers({{1}, {2}, {0}, {3}}));
    // base 1 (m..1 points) adds one point per voter to everyone: same ranking.
    auto b1 = borda(tennessee(), {.base = 1});
    EXPECT_EQ(*b1.scores[1], 294);
    EXPECT_EQ(b1.ranking, r.ranking);
}

TEST(Borda, TruncatedBallotVariants) {
    // One ballot ranking only A, one ranking B = C first (A unranked).
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0});
    p.add_ranking({{1, 2}});
    // average: "A" gives A 2 and B, C (1 + 0) / 2 each; "B = C" gives B, C (2 + 1) / 2, A 0.
    auto avg = borda(p);
    EXPECT_EQ(*avg.scores[0], 2);
    EXPECT_EQ(*avg.scores[1], 2);
    EXPECT_EQ(*avg.scores[1], *avg.scores[2]);
    // zero: unranked score nothing.
    auto zero = borda(p, {.truncated = truncation::zero});
    EXPECT_EQ(*zero.scores[0], 2);
    EXPECT_EQ(*zero.scores[1], rational(3, 2));
    // unranked = ignore means zero unless a truncation is given.
    EXPECT_EQ(*borda(p, {.common = {.unranked = unranked_rule::ignore}}).scores[1], rational(3, 2));
    // modified (Emerson): "A" ranks one candidate: A 1; "B = C" ranks two: (2 + 1) / 2 each.
    auto mod = borda(p, {.truncated = truncation::modified});
    EXPECT_EQ(*mod.scores[0], 1);
    EXPECT_EQ(*mod.scores[1], rational(3, 2));
    EXPECT_EQ(winner(mod), "B"); // B = C tied: recorded, lexicographic picks B
    ASSERT_EQ(mod.ties.size(), 1u);
    EXPECT_EQ(mod.ties[0].candidates, (std::vector<cand_t>{1, 2}));
}

TEST(Dowdall, TennesseeScoresOneOverPosition) {
    auto r = dowdall(tennessee());
    // M 42 + 58/4; N 42/2 + 26 + 32/3; C 42/3 + 26/2 + 15 + 17/2; K 42/4 + 26/3 + 15/2 + 17.
    EXPECT_EQ(*r.scores[0], rational(113, 2));
    EXPECT_EQ(*r.scores[1], rational(173, 3));
    EXPECT_EQ(*r.scores[2], rational(101, 2));
    EXPECT_EQ(*r.scores[3], rational(131, 3));
    EXPECT_EQ(r.ranking, tiers({{1}, {0}, {2}, {3}}));
}

TEST(AntiPlurality, TennesseeTieBetweenNashvilleAndChattanoogaIsRecorded) {
    auto r = anti_plurality(tennessee());
    EXPECT_EQ(*r.scores[0], 42);
    EXPECT_EQ(*r.scores[1], 100);
    EXPECT_EQ(*r.scores[2], 100);
    EXPECT_EQ(*r.scores[3], 58);
    EXPECT_EQ(r.ranking.front(), (std::vector<cand_t>{1, 2}));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(winner(r), "Nashville");
    auto rev = anti_plurality(tennessee(),
                              {.tie_break = {.policy = tie_policy::lexicographic, .order = {2, 1, 0, 3}}});
    EXPECT_EQ(winner(rev), "Chattanooga");
}

TEST(Positional, JamesLindAllianceTenToOnePointsAndShorterVectors) {
    // JLA workshops score ranks 10..1; positions beyond the vector score 0.
    std::vector<rational> jla;
    for (int i = 10; i >= 1; --i) jla.push_back(i);
    auto r = positional(tennessee(), {.points = jla});
    EXPECT_EQ(*r.scores[0], 42 * 10 + 58 * 7);
    EXPECT_EQ(winner(r), "Nashville");
    auto two = positional(tennessee(), {.points = {2, 1}});
    EXPECT_EQ(*two.scores[1], 26 * 2 + 42);
    EXPECT_EQ(*two.scores[2], 15 * 2 + 26 + 17);
    EXPECT_THROW(positional(tennessee(), {.points = {1, 2}}), error);
    EXPECT_THROW(positional(tennessee(), {}), error);
}

TEST(Positional, WeightedBallotsScoreExactly) {
    profile p({"A", "B"});
    p.add_order(std::vector<cand_t>{0, 1}, 3, rational(1, 3));
    p.add_order(std::vector<cand_t>{1, 0}, 1, rational(2, 7));
    auto r = borda(p);
    EXPECT_EQ(*r.scores[0], 1);
    EXPECT_EQ(*r.scores[1], rational(2, 7));
}

TEST(Registry, PositionalRulesReachableByNameWithOptions) {
    auto p = tennessee();
    for (const char* name : {"borda", "dowdall", "anti-plurality"})
        EXPECT_EQ(winner(run(p, name)), "Nashville") << name;
    EXPECT_EQ(*run(p, "positional", R"({"points": [10, 9, "8.5"]})").scores[2],
              894); // 42 x 8.5 + 26 x 9 + 15 x 10 + 17 x 9
    EXPECT_EQ(*run(p, "borda", R"({"base": 1, "truncation": "zero"})").scores[1], 294);
    EXPECT_THROW(run(p, "borda", R"({"truncation": "half"})"), error);
    EXPECT_THROW(run(p, "positional", R"({"points": [1.5]})"), error);
    EXPECT_THROW(run(p, "dowdall", R"({"base": 1})"), error);
}

// Unweighted profiles take an int64 path (scores as integers over lcm(1..m)); weighted ones the
// rational path. The same ballots with every weight 1/2 and every count doubled must give
// exactly the same scores and rankings, under every truncation, with ties and withdrawals.
TEST(Positional, IntegerPathGivesTheRationalPathsExactScores) {
    std::mt19937_64 rng(2025);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 2 + trial % 9;
        const auto bs = accord_test::random_ballots(rng, n, 1 + trial % 13, trial % 3 != 0);
        profile whole = accord_test::build(bs, n);
        profile halves(whole.candidate_names());
        for (const auto& b : bs) halves.add_ranking(b.tiers, 2 * b.count, rational(1, 2));
        if (trial % 5 == 0) {
            whole.set_withdrawn(0);
            halves.set_withdrawn(0);
        }
        ASSERT_TRUE(whole.integral());
        ASSERT_FALSE(halves.integral());
        for (const char* opts :
             {R"({"truncation": "average"})", R"({"truncation": "zero"})", R"({"truncation": "modified"})",
              R"({"truncation": "average", "base": 1})"}) {
            const auto a = run(whole, "borda", opts), b = run(halves, "borda", opts);
            EXPECT_EQ(a.scores, b.scores) << opts << " trial " << trial;
            EXPECT_EQ(a.ranking, b.ranking) << opts << " trial " << trial;
            EXPECT_EQ(a.winners, b.winners) << opts << " trial " << trial;
        }
        const auto a = run(whole, "positional", R"({"points": [10, 7, 7, 3]})");
        const auto b = run(halves, "positional", R"({"points": [10, 7, 7, 3]})");
        EXPECT_EQ(a.scores, b.scores) << "points trial " << trial;
        EXPECT_EQ(a.ranking, b.ranking) << "points trial " << trial;
    }
}

// The generic count (positional-inl.hpp) is borda()'s: over a profile in rational it gives
// borda()'s exact scores and tiers (whichever of its paths borda() took), and in double the
// same tiers with each score within rounding of the exact one. Burlington 2009: Montroll wins
// Borda (tests/condorcet_test.cpp).
TEST(Positional, GenericCountInRationalAndDoubleMatchesBordaOnBurlington2009) {
    ACCORD_SHARED_FILE(path, "preflib/00005 - burlington/00005-00000002.toi");
    const profile p = read_profile(path);
    for (truncation t : {truncation::average, truncation::zero, truncation::modified}) {
        const result r = borda(p, {.truncated = t});
        const auto exact = count_positional<rational>(
            p, {.points = [](std::size_t i,
                             std::size_t m) { return rational(static_cast<std::int64_t>(m - i)); },
                .truncated = t,
                .method = "borda"});
        const auto fast = count_positional<double>(
            p, {.points = [](std::size_t i, std::size_t m) { return static_cast<double>(m - i); },
                .truncated = t,
                .method = "borda"});
        EXPECT_EQ(exact.scores, r.scores);
        EXPECT_EQ(exact.ranking, r.ranking);
        EXPECT_EQ(fast.ranking, r.ranking);
        for (cand_t c = 0; c < p.candidate_count(); ++c)
            EXPECT_NEAR(*fast.scores[c], to_double(*r.scores[c]), 1e-9 * to_double(*r.scores[c])) << c;
        if (t == truncation::average) {
            EXPECT_EQ(winner(r), "Andy Montroll");
        }
    }
}

TEST(Positional, GenericCountRefusesWhatBordaRefuses) {
    profile approvals({"a", "b"}, ballot_kind::approval);
    positional_count<rational> how{
        .points = [](std::size_t i, std::size_t m) { return rational(static_cast<std::int64_t>(m - i)); }};
    EXPECT_THROW(count_positional<rational>(approvals, how), error);
    how.excluded = {7};
    EXPECT_THROW(count_positional<rational>(tennessee(), how), error);
    how.excluded = {0, 1, 2, 3};
    EXPECT_THROW(count_positional<rational>(tennessee(), how), error);
}
