// Cardinal rules on hand-checkable score and approval ballots.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/rules/cardinal.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

using namespace accord;
using accord_test::winner;

namespace {
void add_scores(profile& p, std::vector<std::pair<cand_t, std::int32_t>> s, std::uint64_t count = 1) {
    std::vector<mark> m;
    for (auto [c, v] : s) m.push_back({c, v});
    p.add(m, count);
}
} // namespace

TEST(Approval, MostApprovalsWinsAndTieIsRecorded) {
    profile p({"A", "B", "C"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0, 1}, 3);
    p.add_approval(std::vector<cand_t>{1}, 2);
    p.add_approval(std::vector<cand_t>{2}, 4);
    auto r = approval(p);
    EXPECT_EQ(winner(r), "B");
    EXPECT_EQ(*r.scores[1], 5);
    EXPECT_EQ(*r.scores[2], 4);
    profile q({"A", "B"}, ballot_kind::approval);
    q.add_approval(std::vector<cand_t>{0, 1});
    EXPECT_EQ(approval(q).ties.size(), 1u);
    profile ranks({"A", "B"});
    EXPECT_THROW(approval(ranks), error);
}

TEST(Approval, FrenchApprovalExperimentCountsEveryApproval) {
    ACCORD_SHARED_FILE(path, "preflib/00026 - frenchapproval/00026-00000001.cat");
    profile p = read_profile(path);
    auto r = run(p, "approval");
    ASSERT_EQ(r.winners.size(), 1u);
    rational sum = 0;
    for (const auto& s : r.scores) sum += *s;
    std::uint64_t marks = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) marks += p.ballot(i).marks.size() * p.ballot(i).count;
    EXPECT_EQ(sum, rational(marks)); // every approval counted once
}

TEST(Score, SumAndMeanOverThoseWhoScored) {
    profile p({"A", "B"}, ballot_kind::score);
    add_scores(p, {{0, 5}, {1, 3}});
    add_scores(p, {{1, 4}});
    add_scores(p, {{0, 1}, {1, 4}});
    auto sum = score(p);
    EXPECT_EQ(*sum.scores[0], 6);
    EXPECT_EQ(*sum.scores[1], 11);
    EXPECT_EQ(winner(sum), "B");
    auto mean = score(p, {.mean = true});
    EXPECT_EQ(*mean.scores[0], 3);
    EXPECT_EQ(*mean.scores[1], rational(11, 3));
    EXPECT_EQ(*run(p, "score", R"({"aggregate": "mean"})").scores[0], 3);
    EXPECT_THROW(run(p, "score", R"({"aggregate": "median"})"), error);
}

TEST(Star, RunoffCanOverturnTheHighestTotal) {
    // Totals A 10, B 12, C 5: A and B meet; two voters score A above B, one B above A.
    profile p({"A", "B", "C"}, ballot_kind::score);
    add_scores(p, {{0, 5}, {1, 4}, {2, 0}}, 2);
    add_scores(p, {{0, 0}, {1, 4}, {2, 5}});
    auto r = star(p);
    EXPECT_EQ(*r.scores[1], 12);
    EXPECT_EQ(winner(r), "A");
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(*r.rounds[1].tallies[0], 2);
    EXPECT_EQ(*r.rounds[1].tallies[1], 1);
    EXPECT_EQ(r.ranking.front(), std::vector<cand_t>{0});
}

TEST(MajorityJudgment, EqualMediansAreOrderedByTheMajorityGauge) {
    // A graded 0, 1, 2; B graded 1, 1, 1: both have majority grade 1; A has as many above as
    // below (gauge -1/3), B none below (-0): B ranks first.
    profile p({"A", "B"}, ballot_kind::score);
    add_scores(p, {{0, 0}, {1, 1}});
    add_scores(p, {{0, 1}, {1, 1}});
    add_scores(p, {{0, 2}, {1, 1}});
    auto r = majority_judgment(p);
    EXPECT_EQ(winner(r), "B");
    EXPECT_EQ(*r.scores[0], 1);
    EXPECT_TRUE(r.ties.empty());
    // Lower median with an even number of voters; ungraded counts as the lowest grade.
    profile q({"A", "B"}, ballot_kind::score);
    add_scores(q, {{0, 3}, {1, 2}});
    add_scores(q, {{1, 2}});
    auto r2 = majority_judgment(q);
    EXPECT_EQ(*r2.scores[0], 0);
    EXPECT_EQ(*r2.scores[1], 2);
    EXPECT_EQ(winner(r2), "B");
}

TEST(Cumulative, BudgetIsEnforcedOrOverBudgetBallotsSkipped) {
    profile p({"A", "B"}, ballot_kind::score);
    add_scores(p, {{0, 3}, {1, 2}}, 2);
    add_scores(p, {{1, 6}});
    EXPECT_EQ(*cumulative(p).scores[1], 10);
    EXPECT_THROW(cumulative(p, {.budget = 5}), error);
    auto r = cumulative(p, {.budget = 5, .skip_over_budget = true});
    EXPECT_EQ(*r.scores[1], 4);
    EXPECT_EQ(winner(r), "A");
    EXPECT_EQ(r.notes.size(), 1u);
    EXPECT_EQ(winner(run(p, "cumulative", R"({"budget": 5, "over_budget": "skip"})")), "A");
}

TEST(Properties, CardinalRulesAreHomogeneousAndAnonymous) {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 2 + seed % 5;
        std::vector<std::vector<std::pair<cand_t, std::int32_t>>> bs;
        for (std::size_t i = 0; i < 3 + seed % 7; ++i) {
            std::vector<std::pair<cand_t, std::int32_t>> b;
            for (cand_t c = 0; c < n; ++c)
                if (rng() % 3) b.push_back({c, static_cast<std::int32_t>(rng() % 6)});
            bs.push_back(b);
        }
        auto build = [&](std::uint64_t factor, bool rev) {
            profile p(accord_test::letters(n), ballot_kind::score);
            if (rev)
                for (auto it = bs.rbegin(); it != bs.rend(); ++it) add_scores(p, *it, factor);
            else
                for (const auto& b : bs) add_scores(p, b, factor);
            return p;
        };
        for (const char* name : {"score", "star", "majority-judgment", "cumulative"}) {
            SCOPED_TRACE(std::string(name) + " seed " + std::to_string(seed));
            auto r = run(build(1, false), name);
            EXPECT_EQ(accord_test::named(run(build(3, false), name)), accord_test::named(r));
            EXPECT_EQ(accord_test::named(run(build(1, true), name)), accord_test::named(r));
            EXPECT_EQ(run(build(3, false), name).winners, r.winners);
        }
    }
}
