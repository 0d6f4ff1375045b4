// IRV and plurality on small profiles whose counts can be checked by hand.
#include "accord/registry.hpp"
#include "accord/rules/irv.hpp"

#include <gtest/gtest.h>

using namespace accord;

namespace {
profile abc() {
    // 8 A>B>C, 6 B>C>A? no: a classic where plurality and IRV differ.
    profile p({"A", "B", "C"});
    std::vector<cand_t> o1{0, 1, 2}, o2{1, 2, 0}, o3{2, 1, 0};
    p.add_order(o1, 8);
    p.add_order(o2, 6);
    p.add_order(o3, 5);
    return p;
}
} // namespace

TEST(Irv, EliminatesLowestAndTransfers) {
    auto r = irv(abc());
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(r.candidates[r.winners[0]], "B"); // C out, 5 go to B: B 11 vs A 8
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(*round_tallies(r, 0)[0], 8);
    EXPECT_EQ(*round_tallies(r, 0)[2], 5);
    EXPECT_EQ(r.rounds[0].eliminated, std::vector<cand_t>{2});
    EXPECT_EQ(*round_tallies(r, 1)[1], 11);
    EXPECT_FALSE(round_tallies(r, 1)[2].has_value());
    ASSERT_EQ(r.rounds[0].transfers.size(), 1u);
    EXPECT_EQ(r.rounds[0].transfers[0].to, 1u);
    EXPECT_EQ(r.rounds[0].transfers[0].amount, 5);
    ASSERT_EQ(r.ranking.size(), 3u);
    EXPECT_EQ(r.ranking[0], std::vector<cand_t>{1});
    EXPECT_EQ(r.ranking[1], std::vector<cand_t>{0});
    EXPECT_EQ(r.ranking[2], std::vector<cand_t>{2});
}

TEST(Plurality, MostFirstPreferencesWins) {
    auto r = plurality(abc());
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(r.candidates[r.winners[0]], "A");
    EXPECT_EQ(*r.scores[0], 8);
}

TEST(Irv, TieForEliminationIsRecordedWithPolicy) {
    profile p({"A", "B", "C"});
    std::vector<cand_t> a{0}, b{1}, c{2};
    p.add_order(a, 5);
    p.add_order(b, 3);
    p.add_order(c, 3);
    auto r = irv(p, {.tie_break = {.policy = tie_policy::lexicographic}});
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].purpose, "elimination");
    EXPECT_EQ(r.ties[0].chosen, std::vector<cand_t>{2}); // later in order loses
    EXPECT_EQ(r.ties[0].policy, "lexicographic");

    auto rep = irv(p, {.tie_break = {.policy = tie_policy::report}});
    EXPECT_FALSE(rep.complete);
    EXPECT_TRUE(rep.winners.empty());
    ASSERT_EQ(rep.ties.size(), 1u);
    EXPECT_TRUE(rep.ties[0].chosen.empty());
}

TEST(Irv, RandomTieBreakIsReproducibleAndRecordsSeed) {
    profile p({"A", "B", "C", "D"});
    for (cand_t c = 0; c < 4; ++c) {
        std::vector<cand_t> o{c};
        p.add_order(o, 2);
    }
    auto r1 = irv(p, {.tie_break = {.policy = tie_policy::random, .seed = 42}});
    auto r2 = irv(p, {.tie_break = {.policy = tie_policy::random, .seed = 42}});
    EXPECT_EQ(to_json(r1), to_json(r2));
    ASSERT_FALSE(r1.ties.empty());
    EXPECT_EQ(r1.ties[0].seed, 42u);
}

TEST(Irv, BatchEliminationRemovesHopelessGroup) {
    profile p({"A", "B", "C", "D"});
    std::vector<cand_t> a{0}, b{1}, c{2, 0}, d{3, 1};
    p.add_order(a, 10);
    p.add_order(b, 9);
    p.add_order(c, 2);
    p.add_order(d, 1);
    auto r = irv(p, {.batch_elimination = true});
    ASSERT_GE(r.rounds.size(), 1u);
    EXPECT_EQ(r.rounds[0].eliminated.size(), 2u); // C+D = 3 < 9
    EXPECT_EQ(r.candidates[r.winners[0]], "A");   // A 12 vs B 10
}

TEST(Registry, UnknownMethodAndOptionAreErrors) {
    auto p = abc();
    try {
        run(p, "no-such-rule");
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
    }
    try {
        run(p, "irv", R"({"batch_elimnation": true})");
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("batch_elimnation"), std::string::npos);
    }
    EXPECT_EQ(run(p, "irv", R"({"batch_elimination": true})").winners.size(), 1u);
}
