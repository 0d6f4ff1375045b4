// Monroe, greedy Monroe, minimax-AV, lex-minimax-AV, lexicographic Chamberlin-Courant, Adams,
// Phragmén-Eneström, the consensus rule and E Pluribus Hugo, checked against abcvoting's outputs.
//
// Peer: abcvoting (martinlackner/abcvoting, snapshot of 17 Feb 2026, commit 2c0c412):
// - tests/test_abcrules.py: five instances (and the first with its voters reversed) with every
//   winning committee of every rule (resolute=False). accord returns one committee, ties broken
//   by the tie-breaker and recorded; it must be one of the peer's under two opposite tie orders,
//   and with "tie_break": "report" the winners must be exactly the candidates every one of the
//   peer's committees holds;
// - examples/abcbook/example207.py, example208.py, example213.py with
//   tests/expected_output/test_abcbook_example07_py and _08_py: Lackner & Skowron,
//   "Multi-Winner Voting with Approval Preferences" (Springer 2023), Examples 2.7, 2.8 and 2.13.
#include "accord/registry.hpp"
#include "accord/rules/committee.hpp"

#include "abc_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace accord;
using namespace abc_fixtures;

namespace {

// Candidates 0, 1, 2, ... of abcvoting are a, b, c, ... here. abcvoting's rule ids: monroe,
// greedy-monroe, minimaxav, lexminimaxav, lexcc, adams, phragmen-enestroem, consensus-rule, eph.
std::vector<instance> abcvoting_instances() {
    std::vector<instance> v;
    const std::vector<std::string> fifteen{"abcd", "abce", "abcf", "abde", "abdf", "abef", "acde", "acdf",
                                           "acef", "adef", "bcde", "bcdf", "bcef", "bdef", "cdef"};
    const std::vector<std::string> ef_and_two{"abef", "acef", "adef", "bcef", "bdef", "cdef"};
    std::vector<std::string> not_abcd(fifteen.begin() + 1, fifteen.end());
    auto first = one_each({"aef", "a", "bef", "b", "cef", "c", "def", "d"});
    const std::vector<std::pair<const char*, std::vector<std::string>>> first_expected{
        {"monroe", {"abcd"}},    {"minimax-av", fifteen}, {"lex-minimax-av", ef_and_two},
        {"lex-cc", {"abcd"}},    {"adams", {"abcd"}},     {"phragmen-enestrom", ef_and_two},
        {"consensus", not_abcd}, {"eph", ef_and_two}};
    v.push_back({"profile1", approvals(6, first), 4, first_expected});
    std::reverse(first.begin(), first.end());
    v.push_back({"profile1-reversed", approvals(6, first), 4, first_expected});
    v.push_back({"profile2",
                 approvals(5, {{"abc", 5}, {"ab", 1}, {"de", 2}, {"d", 1}}),
                 3,
                 {{"monroe", {"abd", "acd", "bcd"}},
                  {"greedy-monroe", {"abd"}},
                  {"minimax-av", {"abd", "acd", "bcd"}},
                  {"lex-minimax-av", {"abd"}},
                  {"lex-cc", {"abd"}},
                  {"adams", {"abd"}},
                  {"phragmen-enestrom", {"abd"}},
                  {"consensus", {"abd"}},
                  {"eph", {"abd"}}}});
    const std::vector<std::string> nine{"abcd", "abce", "abcf", "acde", "acdf",
                                        "acef", "bcde", "bcdf", "bcef"};
    v.push_back({"profile3",
                 approvals(6, one_each({"adef", "bc", "acf", "c", "abcde", "ade", "ace", "ab"})),
                 4,
                 {{"monroe", nine},
                  {"minimax-av", {"abcd", "abce", "acde", "acdf", "acef"}},
                  {"lex-minimax-av", {"abce"}},
                  {"lex-cc", {"abce"}},
                  {"adams", {"abce"}},
                  {"phragmen-enestrom", {"abce"}},
                  {"consensus", {"abce"}},
                  {"eph", {"abce", "acde"}}}});
    v.push_back({"profile4",
                 approvals(4, {{"abd", 1}, {"ab", 2}, {"ad", 1}, {"cd", 1}}),
                 2,
                 {{"monroe", {"ad", "bd"}},
                  {"greedy-monroe", {"ad"}},
                  {"minimax-av", {"ad", "bd"}},
                  {"lex-minimax-av", {"ad"}},
                  {"lex-cc", {"ad"}},
                  {"adams", {"ad"}},
                  {"phragmen-enestrom", {"ad"}},
                  {"consensus", {"ad"}},
                  {"eph", {"ab", "ad"}}}});
    // abcvoting's corner case for minimax: two disjoint blocs, every pair with one from each
    // (EPH: any pair at all).
    std::vector<std::string> one_from_each, any_pair;
    for (char x = 'a'; x <= 'j'; ++x)
        for (char y = static_cast<char>(x + 1); y <= 'j'; ++y) {
            any_pair.push_back(std::string{x, y});
            if (x <= 'e' && y >= 'f') one_from_each.push_back(std::string{x, y});
        }
    std::vector<std::pair<const char*, std::vector<std::string>>> fifth;
    for (const char* rule : {"monroe", "greedy-monroe", "minimax-av", "lex-minimax-av", "lex-cc", "adams",
                             "phragmen-enestrom", "consensus"})
        fifth.push_back({rule, one_from_each});
    fifth.push_back({"eph", any_pair});
    v.push_back({"profile5", approvals(10, one_each({"abcde", "fghij"})), 2, fifth});
    return v;
}

bool sequential(const std::string& rule) {
    return rule == "greedy-monroe" || rule == "phragmen-enestrom" || rule == "consensus" || rule == "eph";
}

} // namespace

TEST(AbcRules, EveryCommitteeIsOneOfAbcvotingsWinningCommitteesOnItsTestInstances) {
    int compared = 0;
    for (const auto& inst : abcvoting_instances())
        for (const auto& [rule, committees] : inst.expected) {
            SCOPED_TRACE(std::string(inst.name) + " " + rule);
            expect_one_of(inst, rule, committees);
            // The exact rules under "report": exactly the candidates every optimal committee holds.
            if (!sequential(rule)) expect_report_is_intersection(inst, rule, committees);
            ++compared;
        }
    EXPECT_EQ(compared, 8 + 8 + 9 + 8 + 9 + 9);
}

TEST(AbcRules, BookExample27MonroeHasSixOptimalCommitteesOfScoreTen) {
    // example207: optimal Monroe score 10, six winning committees.
    const std::set<std::string> six{"abce", "abcf", "abcg", "abdf", "acdf", "bcdf"};
    const auto p = book_example();
    for (const char* order : {"", "\"tie_order\":[\"g\",\"f\",\"e\",\"d\"]"}) {
        const auto r = run(p, "monroe", options(4, order));
        EXPECT_TRUE(six.count(committee(r))) << committee(r);
        EXPECT_FALSE(r.ties.empty()); // the choice among the six is a recorded tie
        EXPECT_NE(
            std::find(r.notes.begin(), r.notes.end(), "Monroe score of the committee: 10 voters satisfied"),
            r.notes.end());
    }
    EXPECT_EQ(committee(run(p, "monroe", options(4, "\"tie_order\":[\"g\"]"))), "abcg");
}

TEST(AbcRules, BookExample28GreedyMonroeElectsACDF) {
    // example208: a takes voters 0-2 ({a, b}), c voters 3-5 ({a, c}), d voters 6-7 ({a, d}) and
    // one unsatisfied voter, f the rest: committee {a, c, d, f}, Monroe score 10.
    const auto p = book_example();
    const auto r = run(p, "greedy-monroe", options(4, ""));
    EXPECT_EQ(committee(r), "acdf");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 2, 3, 5})); // a, c, d, f in order of election
    ASSERT_EQ(r.rounds.size(), 4u);
    EXPECT_EQ(r.rounds[0].tallies[0], rational(8)); // every voter is unassigned at first
    EXPECT_EQ(r.rounds[1].tallies[2], rational(4)); // {a, c} x 3 and {b, c, f}
    EXPECT_EQ(r.rounds[2].tallies[3], rational(2)); // d and f tie at 2: d by candidate order
    EXPECT_EQ(r.rounds[2].tallies[5], rational(2));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{3, 5}));
    // The exact Monroe score of the greedy committee is 10, the optimum: check it through the
    // exact rule restricted to those four.
    const auto m = run(p, "monroe", R"({"seats":4,"excluded":["b","e","g","h"]})");
    EXPECT_EQ(committee(m), "acdf");
    EXPECT_NE(std::find(m.notes.begin(), m.notes.end(), "Monroe score of the committee: 10 voters satisfied"),
              m.notes.end());
}

TEST(AbcRules, BookExample213MinimaxAvIgnoresTheNinetyNine) {
    // example213: 99 x {a}, 1 x {b, c}, k = 1: {b} and {c} are at distance 2 from everyone,
    // {a} at distance 3 from the last voter.
    const auto p = approvals(3, {{"a", 99}, {"bc", 1}});
    const auto r = run(p, "minimax-av", options(1, ""));
    EXPECT_EQ(committee(r), "b");
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{1, 2}));
    EXPECT_EQ(committee(run(p, "minimax-av", options(1, "\"tie_order\":[\"c\"]"))), "c");
    EXPECT_EQ(committee(run(p, "minimax-av", options(1, "\"tie_break\":\"report\""))), "");
}

TEST(AbcRules, GreedyMonroeAssignsTheSupportersWithFewestOtherChoicesWhateverTheBallotOrder) {
    // abcvoting assigns a winner's supporters by voter number, so its test_abcrules.py expects
    // {a, c, d, e} for its first profile and {a, b, c, e} with the voters reversed. accord
    // assigns first the supporters with the fewest open approved candidates, then by approval
    // set, so both orders give abcvoting's first answer.
    auto first = one_each({"aef", "a", "bef", "b", "cef", "c", "def", "d"});
    EXPECT_EQ(committee(run(approvals(6, first), "greedy-monroe", options(4, ""))), "acde");
    std::reverse(first.begin(), first.end());
    EXPECT_EQ(committee(run(approvals(6, first), "greedy-monroe", options(4, ""))), "acde");
}

TEST(AbcRules, GreedyMonroeOnAbcvotingsThirdProfileDiffersButIsAMonroeOptimum) {
    // abcvoting expects {a, b, c, e} (voters assigned by number); accord assigns by fewest open
    // candidates and elects a, c, d, b: {a, b, c, d}, which satisfies all eight voters, as the
    // exact Monroe rule's first optimum does.
    const auto p = approvals(6, one_each({"adef", "bc", "acf", "c", "abcde", "ade", "ace", "ab"}));
    const auto r = run(p, "greedy-monroe", options(4, ""));
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 2, 3, 1}));
    const auto m = run(p, "monroe", options(4, ""));
    EXPECT_EQ(committee(m), "abcd");
    EXPECT_NE(std::find(m.notes.begin(), m.notes.end(), "Monroe score of the committee: 8 voters satisfied"),
              m.notes.end());
}

TEST(AbcRules, LexCcBreaksCcTiesByVotersWithTwoMembers) {
    // profile2 of abcvoting: CC has five optimal committees (all cover every voter);
    // {a, b, d} alone gives six voters two members.
    const auto p = approvals(5, {{"abc", 5}, {"ab", 1}, {"de", 2}, {"d", 1}});
    const auto r = run(p, "lex-cc", options(3, ""));
    EXPECT_EQ(committee(r), "abd");
    EXPECT_TRUE(r.ties.empty());
    EXPECT_NE(std::find(r.notes.begin(), r.notes.end(),
                        "voters approving at least 1, 2, ... members of the committee: 9, 6, 0"),
              r.notes.end());
}

TEST(AbcRules, WeightsCountExactlyInMinimaxAvAndLexCcAndAreRefusedByMonroe) {
    profile p({"a", "b", "c"}, ballot_kind::approval);
    const cand_t a[] = {0}, bc[] = {1, 2};
    p.add_approval(a, 1, rational(3, 2));
    p.add_approval(bc, 1, rational(1, 3));
    // lex-CC, k = 1: {a} covers 3/2, {b} or {c} 1/3.
    EXPECT_EQ(committee(run(p, "lex-cc", options(1, ""))), "a");
    // minimax-AV ignores how much a ballot weighs: {b} is at distance 2 from both.
    EXPECT_EQ(committee(run(p, "minimax-av", options(1, ""))), "b");
    for (const char* rule : {"monroe", "greedy-monroe"}) {
        try {
            run(p, rule, options(1, ""));
            ADD_FAILURE() << rule << " accepted a weighted profile";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::unsupported) << rule;
        }
    }
}

TEST(AbcRules, OptionsAreReadStrictly) {
    const auto p = book_example();
    for (const char* rule : {"monroe", "greedy-monroe", "minimax-av", "lex-cc", "minimax-phragmen",
                             "leximax-phragmen", "maximin-support"}) {
        SCOPED_TRACE(rule);
        EXPECT_THROW(run(p, rule, "{}"), error);                      // seats required
        EXPECT_THROW(run(p, rule, R"({"seats":9})"), error);          // more seats than candidates
        EXPECT_THROW(run(p, rule, R"({"seats":2,"base":3})"), error); // not an option of these rules
    }
    for (const char* rule : {"greedy-monroe", "maximin-support"}) // never search
        EXPECT_THROW(run(p, rule, R"({"seats":4,"max_committees":5})"), error) << rule;
    try {
        run(p, "monroe", R"({"seats":4,"max_committees":69})"); // C(8, 4) = 70
        ADD_FAILURE() << "the search limit was not enforced";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("max_committees"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(run(p, "monroe", R"({"seats":4,"max_committees":70})"));
    const profile ranked({"a", "b"});
    EXPECT_THROW(run(ranked, "lex-cc", R"({"seats":1})"), error); // approval ballots only
}
