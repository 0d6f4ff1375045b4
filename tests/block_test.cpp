// SNTV, limited and block voting (block.hpp): hand counts, overvotes, and block voting on
// approval ballots agreeing with AV (checked against abcvoting in thiele_test.cpp).
#include "accord/registry.hpp"
#include "accord/rules/block.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace accord;

namespace {
profile ranks(std::size_t n,
              const std::vector<std::pair<std::vector<std::vector<cand_t>>, std::uint64_t>>& rows) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.emplace_back(1, static_cast<char>('A' + c));
    profile p(names);
    for (const auto& [t, k] : rows) p.add_ranking(t, k);
    return p;
}
} // namespace

TEST(Block, SntvCountsFirstPreferencesAndElectsTheKMostVoted) {
    // 40 A>B, 25 B>A, 20 C, 15 D>C: first preferences A 40, B 25, C 20, D 15.
    const auto p = ranks(4, {{{{0}, {1}}, 40}, {{{1}, {0}}, 25}, {{{2}}, 20}, {{{3}, {2}}, 15}});
    const auto r = run(p, "sntv", R"({"seats":2})");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(r.scores[2], rational(20));
    // Block voting with two marks: A 65, B 65, C 35, D 15.
    const auto b = run(p, "block", R"({"seats":2})");
    EXPECT_EQ(b.scores[0], rational(65));
    EXPECT_EQ(b.scores[2], rational(35));
    EXPECT_EQ(b.winners, (std::vector<cand_t>{0, 1}));
    // Limited voting, 2 marks for 3 seats: A 65, B 65, C 35 elected.
    EXPECT_EQ(run(p, "limited", R"({"seats":3,"votes":2})").winners, (std::vector<cand_t>{0, 1, 2}));
}

TEST(Block, MoreMarksThanAllowedIsAnOvervoteAndAnEqualRankStopsTheMarks) {
    // SNTV: a ballot ranking A and B equal first marks two candidates: an overvote (3 voters).
    // Block (2 seats): "A > B = C" marks A, then B = C would exceed two marks: only A counts.
    const auto p = ranks(3, {{{{0, 1}}, 3}, {{{0}, {1, 2}}, 2}, {{{2}}, 1}});
    const auto s = run(p, "sntv", R"({"seats":1})");
    EXPECT_EQ(s.rounds[0].inactive.overvotes, rational(3));
    EXPECT_EQ(s.scores[0], rational(2));
    const auto b = run(p, "block", R"({"seats":2})");
    EXPECT_EQ(b.rounds[0].inactive.overvotes, rational(0));
    EXPECT_EQ(b.scores[0], rational(5));
    EXPECT_EQ(b.scores[1], rational(3));
    EXPECT_EQ(b.scores[2], rational(1));
}

TEST(Block, TieForTheLastSeatIsBrokenAndRecordedOrReported) {
    const auto p = ranks(3, {{{{0}}, 5}, {{{1}}, 3}, {{{2}}, 3}});
    const auto r = run(p, "sntv", R"({"seats":2,"tie_order":["C"]})");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 2}));
    EXPECT_EQ(r.ties.size(), 1u);
    const auto rep = run(p, "sntv", R"({"seats":2,"tie_break":"report"})");
    EXPECT_FALSE(rep.complete);
    EXPECT_EQ(rep.winners, std::vector<cand_t>{0});
}

TEST(Block, BlockVotingOnApprovalBallotsWithinTheAllowanceIsApprovalVoting) {
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 50; ++trial) {
        const std::size_t n = 4 + trial % 4, seats = 1 + trial % 3;
        std::vector<std::string> names;
        for (std::size_t c = 0; c < n; ++c) names.emplace_back(1, static_cast<char>('a' + c));
        profile p(names, ballot_kind::approval);
        for (int v = 0; v < 12; ++v) {
            std::vector<cand_t> a;
            for (cand_t c = 0; c < n; ++c)
                if (a.size() < seats && rng() % 3 == 0) a.push_back(c);
            p.add_approval(a, 1 + rng() % 3);
        }
        const std::string o = "{\"seats\":" + std::to_string(seats) + "}";
        EXPECT_EQ(run(p, "block", o).winners, run(p, "av", o).winners) << trial;
    }
}

TEST(Block, OptionsAreRequiredAndChecked) {
    const auto p = ranks(3, {{{{0}}, 1}});
    EXPECT_THROW(run(p, "sntv", "{}"), error);
    EXPECT_THROW(run(p, "sntv", R"({"seats":4})"), error);
    EXPECT_THROW(run(p, "limited", R"({"seats":2})"), error);
    EXPECT_THROW(run(p, "limited", R"({"seats":2,"votes":2})"), error);
    EXPECT_THROW(run(p, "block", R"({"seats":2,"votes":1})"), error);
}
