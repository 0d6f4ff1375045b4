// Thiele rules beyond PAV (AV, CC, SLAV, geometric; sequential and reverse sequential, revseq-CC) and
// satisfaction approval voting, checked against abcvoting's own outputs.
//
// Peer: abcvoting (martinlackner/abcvoting, snapshot of 17 Feb 2026):
// - examples/abcbook/example2NN.py with tests/expected_output/test_abcbook_exampleNN_py: the
//   worked examples of Lackner & Skowron, "Multi-Winner Voting with Approval Preferences"
//   (Springer 2023), as abcvoting computes and prints them;
// - tests/test_abcrules.py: four instances with every winning committee of every rule
//   (resolute=False). accord returns one committee, ties broken by the tie-breaker and recorded;
//   it must be one of the peer's, under two opposite tie orders, and with "tie_break": "report"
//   the winners must be exactly the candidates every one of the peer's committees holds.
#include "accord/registry.hpp"
#include "accord/rules/committee.hpp"

#include "abc_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace accord;
using namespace abc_fixtures;

namespace {

std::vector<instance> abcvoting_instances() {
    std::vector<instance> v;
    v.push_back({"profile1",
                 approvals(6, one_each({"aef", "a", "bef", "b", "cef", "c", "def", "d"})),
                 4,
                 {{"av", {"abef", "acef", "adef", "bcef", "bdef", "cdef"}},
                  {"sav",
                   {"abcd", "abce", "abcf", "abde", "abdf", "abef", "acde", "acdf", "acef", "adef", "bcde",
                    "bcdf", "bcef", "bdef", "cdef"}},
                  {"cc", {"abcd"}},
                  {"slav", {"abcd", "abce", "abcf", "abde", "abdf", "acde", "acdf", "bcde", "bcdf"}},
                  {"geometric",
                   {"abce", "abcf", "abde", "abdf", "abef", "acde", "acdf", "acef", "adef", "bcde", "bcdf",
                    "bcef", "bdef", "cdef"}},
                  {"seq-cc", {"abce", "abcf", "abde", "abdf", "acde", "acdf", "bcde", "bcdf"}},
                  {"seq-slav",
                   {"abce", "abcf", "abde", "abdf", "abef", "acde", "acdf", "acef", "adef", "bcde", "bcdf",
                    "bcef", "bdef", "cdef"}},
                  {"revseq-cc", {"abcd"}},
                  {"revseq-pav",
                   {"abce", "abcf", "abde", "abdf", "abef", "acde", "acdf", "acef", "adef", "bcde", "bcdf",
                    "bcef", "bdef", "cdef"}},
                  {"pav", {"abef", "acef", "adef", "bcef", "bdef", "cdef"}},
                  {"seq-pav", {"abef", "acef", "adef", "bcef", "bdef", "cdef"}}}});
    v.push_back({"profile2",
                 approvals(5, {{"abc", 5}, {"ab", 1}, {"de", 2}, {"d", 1}}),
                 3,
                 {{"av", {"abc"}},
                  {"sav", {"abd"}},
                  {"cc", {"abd", "acd", "ade", "bcd", "bde"}},
                  {"slav", {"abd"}},
                  {"geometric", {"abd"}},
                  {"seq-cc", {"abd", "acd", "ade", "bcd", "bde"}},
                  {"seq-slav", {"abd"}},
                  {"revseq-cc", {"abd", "acd", "ade", "bcd", "bde"}},
                  {"revseq-pav", {"abd"}},
                  {"pav", {"abd"}},
                  {"seq-pav", {"abd"}}}});
    v.push_back({"profile3",
                 approvals(6, one_each({"adef", "bc", "acf", "c", "abcde", "ade", "ace", "ab"})),
                 4,
                 {{"av", {"abce", "acde"}},
                  {"sav", {"abce"}},
                  {"cc", {"abcd", "abce", "abcf", "acde", "acdf", "acef", "bcde", "bcdf", "bcef"}},
                  {"slav", {"abce"}},
                  {"geometric", {"abce"}},
                  {"seq-cc", {"abcd", "abce", "abcf", "acde", "acdf", "acef"}},
                  {"seq-slav", {"abce"}},
                  {"revseq-cc", {"abcd", "abce", "abcf", "acde", "acdf", "acef", "bcde", "bcdf", "bcef"}},
                  {"revseq-pav", {"abce"}},
                  {"pav", {"abce"}},
                  {"seq-pav", {"abce"}}}});
    v.push_back({"profile4",
                 approvals(4, {{"abd", 1}, {"ab", 2}, {"ad", 1}, {"cd", 1}}),
                 2,
                 {{"av", {"ab", "ad"}},
                  {"sav", {"ab", "ad"}},
                  {"cc", {"ac", "ad", "bd"}},
                  {"slav", {"ad"}},
                  {"geometric", {"ad"}},
                  {"seq-cc", {"ac", "ad"}},
                  {"seq-slav", {"ad"}},
                  {"revseq-cc", {"ac", "ad", "bd"}},
                  {"revseq-pav", {"ad"}},
                  {"pav", {"ad"}},
                  {"seq-pav", {"ad"}}}});
    return v;
}

} // namespace

TEST(ThieleRules, EveryCommitteeIsOneOfAbcvotingsWinningCommitteesOnItsTestInstances) {
    int compared = 0;
    for (const auto& inst : abcvoting_instances())
        for (const auto& [rule, committees] : inst.expected) {
            SCOPED_TRACE(std::string(inst.name) + " " + rule);
            expect_one_of(inst, rule, committees);
            // Exact and scoring rules: under "report" the winners are exactly the candidates
            // every optimal committee holds (the sequential rules may stop at an earlier tie).
            const std::string r2(rule);
            if (r2 == "av" || r2 == "sav" || r2 == "cc" || r2 == "slav" || r2 == "geometric" || r2 == "pav")
                expect_report_is_intersection(inst, rule, committees);
            ++compared;
        }
    EXPECT_EQ(compared, 44);
}

TEST(ThieleRules, BookExample22AvHasTwoWinningCommitteesAndTheLastSeatIsARecordedTie) {
    // abcvoting example202: scores a 8, b 4, c 4, d 2, e 1, f 2, g 1, h 0; winning committees
    // {a, b, c, d} and {a, b, c, f}.
    const auto p = book_example();
    const auto r = run(p, "av", R"({"seats":4})");
    EXPECT_EQ(committee(r), "abcd");
    ASSERT_EQ(r.ties.size(), 1u);
    const std::vector<rational> scores{8, 4, 4, 2, 1, 2, 1, 0};
    for (cand_t c = 0; c < 8; ++c) EXPECT_EQ(r.scores[c], scores[c]) << c;
    EXPECT_EQ(committee(run(p, "av", R"({"seats":4,"tie_order":["f"]})")), "abcf");
}

TEST(ThieleRules, BookExample23ChamberlinCourantElectsAEFG) {
    EXPECT_EQ(committee(run(book_example(), "cc", R"({"seats":4,"tie_break":"report"})")),
              "aefg"); // example203
}

TEST(ThieleRules, BookExamples25And26ReverseSequentialPav) {
    // example205: PAV {a, c}, seq-PAV {c, d}, revseq-PAV {c, d}.
    const auto p = approvals(4, {{"ab", 3}, {"ad", 6}, {"b", 4}, {"c", 5}, {"cd", 5}});
    EXPECT_EQ(committee(run(p, "pav", R"({"seats":2})")), "ac");
    EXPECT_EQ(committee(run(p, "seq-pav", R"({"seats":2})")), "cd");
    EXPECT_EQ(committee(run(p, "revseq-pav", R"({"seats":2})")), "cd");
    // example205, Janson's survey example 13.3 (Thiele): PAV {a, b}, seq-PAV {a, c}, revseq {b, d}.
    const auto j = approvals(4, {{"acd", 960},
                                 {"bcd", 3000},
                                 {"bc", 520},
                                 {"ab", 1620},
                                 {"ad", 1081},
                                 {"ac", 1240},
                                 {"bd", 360},
                                 {"d", 360},
                                 {"c", 120},
                                 {"b", 60}});
    EXPECT_EQ(committee(run(j, "pav", R"({"seats":2})")), "ab");
    EXPECT_EQ(committee(run(j, "seq-pav", R"({"seats":2})")), "ac");
    EXPECT_EQ(committee(run(j, "revseq-pav", R"({"seats":2})")), "bd");
    // example206: AV elects a; revseq-PAV removes a (loss 11/6), d (5/2), c (7/2), leaving b.
    const auto q =
        approvals(4, {{"ab", 1}, {"abc", 1}, {"abd", 1}, {"acd", 2}, {"b", 1}, {"c", 1}, {"d", 1}});
    EXPECT_EQ(committee(run(q, "av", R"({"seats":1})")), "a");
    const auto r = run(q, "revseq-pav", R"({"seats":1})");
    EXPECT_EQ(committee(r), "b");
    ASSERT_EQ(r.rounds.size(), 3u);
    EXPECT_EQ(r.rounds[0].eliminated, std::vector<cand_t>{0});
    EXPECT_EQ(r.rounds[0].tallies[0], rational(11, 6));
    EXPECT_EQ(r.rounds[1].eliminated, std::vector<cand_t>{3});
    EXPECT_EQ(r.rounds[1].tallies[3], rational(5, 2));
    EXPECT_EQ(r.rounds[2].eliminated, std::vector<cand_t>{2});
    EXPECT_EQ(r.rounds[2].tallies[2], rational(7, 2));
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{1}, {2}, {3}, {0}}));
}

TEST(ThieleRules, BookExample214SatisfactionApprovalElectsA) {
    // example214: 1 x {a}, 3 x {b, c, d, e}: SAV gives a 1 and each of b..e 3/4.
    const auto p = approvals(5, {{"a", 1}, {"bcde", 3}});
    const auto r = run(p, "sav", R"({"seats":1})");
    EXPECT_EQ(committee(r), "a");
    EXPECT_EQ(r.scores[1], rational(3, 4));
    EXPECT_EQ(committee(run(p, "av", R"({"seats":1,"tie_break":"report"})")), ""); // b..e tie at 3
}

TEST(ThieleRules, OptionsAreReadStrictly) {
    const auto p = book_example();
    EXPECT_THROW(run(p, "cc", "{}"), error);                                // seats required
    EXPECT_THROW(run(p, "av", R"({"seats":4,"max_committees":5})"), error); // AV never searches
    EXPECT_THROW(run(p, "geometric", R"({"seats":4,"base":1})"), error);
    EXPECT_THROW(run(p, "slav", R"({"seats":4,"base":3})"), error);
    EXPECT_THROW(run(p, "cc", R"({"seats":4,"max_committees":3})"), error); // C(8,4) = 70 > 3
}
