// Split Cycle, Stable Voting and Simple Stable Voting (margin.hpp), checked against the peer's
// own printed outputs, and their published properties over seeded random profiles.
//
// Peer outputs (winner sets as printed by the peer, copied into the tables below):
// - pref_voting 1.18.1 (voting-tools/pref_voting): tests/test_margin_based_methods.py and the
//   cells of example.ipynb;
// - epacuit/splitcycle (the notebooks of Holliday & Pacuit's Split Cycle paper, run with an
//   earlier pref_voting): 02-SplitCycleExamples.ipynb.
// A margin graph is reproduced exactly as a profile of two-candidate ballots "a > b" counted
// with unranked = "ignore": each such ballot adds 1 to margin(a, b) and nothing else.
#include "accord/registry.hpp"
#include "accord/rules/condorcet.hpp"
#include "accord/rules/margin.hpp"

#include "random_profiles.hpp"

#include <gtest/gtest.h>

#include <tuple>

using namespace accord;

namespace {

using edge = std::tuple<cand_t, cand_t, std::uint64_t>;

profile margin_graph(std::size_t n, const std::vector<edge>& edges) {
    profile p(accord_test::letters(n));
    for (const auto& [a, b, w] : edges) p.add_order(std::vector<cand_t>{a, b}, w);
    return p;
}

profile orders(std::size_t n, const std::vector<std::pair<std::string, std::uint64_t>>& rows) {
    profile p(accord_test::letters(n));
    for (const auto& [s, k] : rows) {
        std::vector<cand_t> o;
        for (char c : s) o.push_back(static_cast<cand_t>(c - 'a'));
        p.add_order(o, k);
    }
    return p;
}

// The winners the rule reports as tied at the top, as letters ("ac" for {a, c}).
std::string top(const result& r) {
    std::string s;
    if (r.ranking.empty()) return s;
    for (cand_t c : r.ranking.front()) s += static_cast<char>('a' + c);
    return s;
}

constexpr const char* k_ignore = R"({"unranked":"ignore","tie_break":"report"})";
constexpr const char* k_report = R"({"tie_break":"report"})";

struct peer_case {
    const char* where;
    profile p;
    bool margin_graph;
    const char* split_cycle; // nullptr: the peer printed no value
    const char* stable_voting;
    const char* simple_stable;
};

std::vector<peer_case> peer_cases() {
    const cand_t a = 0, b = 1, c = 2, d = 3, e = 4;
    std::vector<peer_case> v;
    // pref_voting tests/test_margin_based_methods.py fixtures.
    v.push_back({"pref_voting fixture condorcet_cycle", margin_graph(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}}),
                 true, "abc", "abc", "abc"});
    v.push_back({"pref_voting fixture cycle", margin_graph(3, {{0, 1, 1}, {1, 2, 3}, {2, 0, 5}}), true, "b",
                 "b", "b"});
    // pref_voting example.ipynb, cells 13 and 14 (0..4 printed as a..e here).
    v.push_back({"pref_voting example.ipynb cell 13",
                 orders(4, {{"dcab", 1}, {"bdca", 1}, {"cabd", 1}, {"abdc", 1}, {"adbc", 1}, {"dbca", 1}}),
                 false, "abd", "abd", "abd"});
    v.push_back({"pref_voting example.ipynb cell 14 (first graph)",
                 margin_graph(5, {{0, 1, 22},
                                  {0, 2, 20},
                                  {1, 2, 18},
                                  {1, 3, 16},
                                  {2, 3, 4},
                                  {2, 4, 12},
                                  {3, 0, 8},
                                  {4, 3, 6},
                                  {4, 1, 14},
                                  {4, 0, 2}}),
                 true, nullptr, "e", "e"});
    v.push_back({"pref_voting example.ipynb cell 14 (second graph)",
                 margin_graph(5, {{0, 1, 22},
                                  {0, 2, 20},
                                  {1, 2, 18},
                                  {1, 3, 16},
                                  {2, 3, 4},
                                  {2, 4, 12},
                                  {3, 0, 8},
                                  {4, 3, 10},
                                  {4, 1, 14},
                                  {4, 0, 2}}),
                 true, nullptr, "a", "a"});
    // epacuit/splitcycle 02-SplitCycleExamples.ipynb.
    v.push_back({"splitcycle notebook cell 13",
                 orders(3, {{"acb", 5}, {"cba", 4}, {"bac", 4}, {"cab", 2}, {"bca", 2}}), false, "c", nullptr,
                 nullptr});
    v.push_back({"splitcycle notebook cell 14",
                 orders(4, {{"dbac", 3}, {"adcb", 1}, {"acbd", 2}, {"cbda", 1}, {"cbad", 2}}), false, "abc",
                 nullptr, nullptr});
    v.push_back({"splitcycle notebook cell 15",
                 orders(6, {{"bacedf", 2},
                            {"edfbac", 2},
                            {"acbdfe", 2},
                            {"dfeacb", 2},
                            {"cbafed", 2},
                            {"fedcba", 2},
                            {"afbcde", 2},
                            {"edcbaf", 2},
                            {"dabcef", 1},
                            {"fecbda", 1}}),
                 false, "abcde", nullptr, nullptr});
    v.push_back(
        {"splitcycle notebook cell 21",
         orders(5, {{"ecbad", 4}, {"cbade", 3}, {"ebadc", 7}, {"dacbe", 7}, {"cdbae", 2}, {"deabc", 1}}),
         false, "d", nullptr, nullptr});
    v.push_back({"splitcycle notebook cell 28",
                 orders(4, {{"dacb", 2},
                            {"acbd", 1},
                            {"dcba", 1},
                            {"cbda", 1},
                            {"cbad", 2},
                            {"acdb", 1},
                            {"dbac", 2},
                            {"bacd", 1},
                            {"cdba", 1},
                            {"bdac", 1}}),
                 false, "cd", nullptr, nullptr});
    v.push_back({"splitcycle notebook cell 33",
                 orders(4, {{"bdac", 1}, {"acbd", 2}, {"cbda", 1}, {"cdba", 1}}), false, "ac", "c", nullptr});
    v.push_back({"splitcycle notebook cell 38",
                 margin_graph(4, {{c, b, 2}, {a, c, 4}, {d, a, 6}, {c, d, 8}, {b, d, 10}, {a, b, 12}}), true,
                 "ac", nullptr, nullptr});
    v.push_back({"splitcycle notebook cell 42",
                 margin_graph(5, {{e, b, 2},
                                  {d, c, 4},
                                  {e, c, 6},
                                  {a, c, 8},
                                  {e, a, 10},
                                  {c, b, 12},
                                  {b, d, 14},
                                  {d, e, 16},
                                  {a, d, 18},
                                  {a, b, 20}}),
                 true, "ac", "a", nullptr});
    v.push_back({"splitcycle notebook cell 44",
                 margin_graph(5, {{d, b, 2},
                                  {e, d, 4},
                                  {a, c, 6},
                                  {d, a, 8},
                                  {c, d, 10},
                                  {e, c, 12},
                                  {c, b, 14},
                                  {b, e, 16},
                                  {a, e, 18},
                                  {a, b, 20}}),
                 true, "ac", "a", nullptr});
    return v;
}

} // namespace

TEST(MarginRules, SplitCycleAndStableVotingReproduceThePeersPrintedWinners) {
    int compared = 0;
    for (const auto& k : peer_cases()) {
        const char* opts = k.margin_graph ? k_ignore : k_report;
        if (k.split_cycle) {
            const auto r = run(k.p, "split-cycle", k.margin_graph ? R"({"unranked":"ignore"})" : "{}");
            EXPECT_EQ(top(r), k.split_cycle) << k.where;
            EXPECT_EQ(r.winners, r.ranking.front()) << k.where << ": Split Cycle is set-valued";
            ++compared;
        }
        if (k.stable_voting) {
            EXPECT_EQ(top(run(k.p, "stable-voting", opts)), k.stable_voting) << k.where;
            ++compared;
        }
        if (k.simple_stable) {
            EXPECT_EQ(top(run(k.p, "simple-stable-voting", opts)), k.simple_stable) << k.where;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 25);
}

TEST(MarginRules, WithoutTheSpoilerBTheSplitCycleNotebookElectsAByEveryRule) {
    // 02-SplitCycleExamples.ipynb cells 42 and 44: "The margin graph without b": Split Cycle
    // {a}, Stable Voting {a}.
    const cand_t a = 0, b = 1, c = 2, d = 3, e = 4;
    for (const auto& g : {margin_graph(5, {{e, b, 2},
                                           {d, c, 4},
                                           {e, c, 6},
                                           {a, c, 8},
                                           {e, a, 10},
                                           {c, b, 12},
                                           {b, d, 14},
                                           {d, e, 16},
                                           {a, d, 18},
                                           {a, b, 20}}),
                          margin_graph(5, {{d, b, 2},
                                           {e, d, 4},
                                           {a, c, 6},
                                           {d, a, 8},
                                           {c, d, 10},
                                           {e, c, 12},
                                           {c, b, 14},
                                           {b, e, 16},
                                           {a, e, 18},
                                           {a, b, 20}})}) {
        EXPECT_EQ(top(run(g, "split-cycle", R"({"unranked":"ignore","excluded":["B"]})")), "a");
        EXPECT_EQ(top(run(g, "stable-voting", R"({"unranked":"ignore","excluded":["B"]})")), "a");
    }
}

TEST(MarginRules, TiedStableVotingWinnersGoToTheTieBreakerAndAreRecorded) {
    // example.ipynb cell 13: {0, 1, 3} tie under both stable rules.
    const auto p = orders(4, {{"dcab", 1}, {"bdca", 1}, {"cabd", 1}, {"abdc", 1}, {"adbc", 1}, {"dbca", 1}});
    const auto rep = run(p, "stable-voting", k_report);
    EXPECT_FALSE(rep.complete);
    EXPECT_TRUE(rep.winners.empty());
    ASSERT_EQ(rep.ties.size(), 1u);
    const auto lex = run(p, "stable-voting", R"({"tie_break":"lexicographic","tie_order":["D"]})");
    ASSERT_EQ(lex.winners, std::vector<cand_t>{3});
    EXPECT_EQ(lex.ties.size(), 1u);
}

TEST(MarginRules, SplitCycleRefusesTieBreakOptionsItNeverUses) {
    const auto p = orders(3, {{"abc", 1}});
    EXPECT_THROW(run(p, "split-cycle", R"({"tie_break":"random"})"), error);
    EXPECT_THROW(run(p, "stable-voting", R"({"strength":"margin"})"), error);
}

TEST(MarginRules, StableVotingWinsWithinSplitCycleAndSplitCycleWithinSmithOnRandomProfiles) {
    // Holliday & Pacuit: Stable Voting winners are Split Cycle winners; Split Cycle winners lie
    // in the Smith set; a Condorcet winner wins every one of the three rules.
    std::mt19937_64 rng(2026);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 3 + trial % 5;
        const auto p = accord_test::build(accord_test::random_ballots(rng, n, 7, trial % 2 == 1), n);
        const auto sc = run(p, "split-cycle");
        const auto smith_set = run(p, "smith").winners;
        for (cand_t w : sc.winners)
            EXPECT_TRUE(std::count(smith_set.begin(), smith_set.end(), w)) << "trial " << trial;
        for (const char* rule : {"stable-voting", "simple-stable-voting"}) {
            const auto r = run(p, rule, k_report);
            ASSERT_FALSE(r.ranking.empty());
            if (std::string(rule) == "stable-voting")
                for (cand_t w : r.ranking.front())
                    EXPECT_TRUE(std::count(sc.winners.begin(), sc.winners.end(), w)) << "trial " << trial;
            const auto cw = run(p, "condorcet").winners;
            if (!cw.empty()) {
                EXPECT_EQ(r.ranking.front(), cw) << rule << " trial " << trial;
                EXPECT_EQ(sc.winners, cw) << "trial " << trial;
            }
        }
    }
}

TEST(MarginRules, StableVotingOnTwentyCandidatesFinishesWithinItsSubelectionLimit) {
    std::mt19937_64 rng(99);
    const auto p = accord_test::build(accord_test::random_ballots(rng, 20, 40, false), 20);
    const auto r = run(p, "stable-voting");
    ASSERT_EQ(r.winners.size(), 1u);
}

TEST(MarginRules, RiverReproducesPrefVotingsRiverTbFixtureWinners) {
    // pref_voting tests/test_margin_based_methods.py, river_tb (a fixed order of the candidates,
    // by default 0, 1, 2, breaks equal margins; accord's lexicographic policy is that order).
    const auto cycle3 = margin_graph(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}});
    const auto r = run(cycle3, "river", R"({"unranked":"ignore"})");
    EXPECT_EQ(top(r), "a");
    EXPECT_EQ(r.ties.size(), 1u); // the order of the three equal margins was drawn and recorded
    EXPECT_EQ(
        top(run(margin_graph(3, {{0, 1, 1}, {1, 2, 3}, {2, 0, 5}}), "river", R"({"unranked":"ignore"})")),
        "b");
    const auto lin = margin_graph(3, {{0, 1, 1}, {1, 2, 11}, {0, 2, 1}});
    EXPECT_EQ(top(run(lin, "river", R"({"unranked":"ignore"})")), "a");
    EXPECT_EQ(top(run(lin, "river", R"({"unranked":"ignore","excluded":["A"]})")), "b");
    EXPECT_EQ(top(run(orders(3, {{"abc", 1}, {"bca", 1}, {"cab", 1}}), "river")), "a");
    // pref_voting's river (all tie orders): {0, 1, 2} on the cycle; under "report" accord stops
    // with every candidate still in contention.
    const auto rep = run(cycle3, "river", R"({"unranked":"ignore","tie_break":"report"})");
    EXPECT_FALSE(rep.complete);
    EXPECT_TRUE(rep.winners.empty());
    EXPECT_EQ(top(rep), "abc");
}

TEST(MarginRules, RiverAndRankedPairsDifferOnPrefVotingsRiverDocExample) {
    // river's docstring: MarginGraph([0,1,2,3], [(0,2,2),(0,3,8),(1,0,12),(2,3,12),(3,1,6)]).
    // Hand count: lock b>a and c>d (12); a>d skipped, d already has c>d; d>b (6) locked; a>c (2)
    // would close a>c>d>b>a; b>c and c>b (margin 0: b and c tie) are skipped. Root: c. Ranked
    // pairs locks b>a, c>d, a>d, skips d>b, locks a>c: b wins.
    const auto g = margin_graph(4, {{0, 2, 2}, {0, 3, 8}, {1, 0, 12}, {2, 3, 12}, {3, 1, 6}});
    const auto r = run(g, "river", R"({"unranked":"ignore","tie_break":"report"})");
    EXPECT_EQ(top(r), "c");
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(top(run(g, "ranked-pairs", R"({"unranked":"ignore","strength":"margin"})")), "b");
}

TEST(MarginRules, RiverElectsTheCondorcetWinnerAndASplitCycleWinnerOnRandomProfiles) {
    std::mt19937_64 rng(77);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 3 + trial % 5;
        const auto p = accord_test::build(accord_test::random_ballots(rng, n, 7, trial % 2 == 1), n);
        const auto r = run(p, "river");
        ASSERT_EQ(r.winners.size(), 1u) << trial;
        const auto cw = run(p, "condorcet").winners;
        if (!cw.empty()) EXPECT_EQ(r.winners, cw) << trial;
        const auto smith_set = run(p, "smith").winners;
        EXPECT_TRUE(std::count(smith_set.begin(), smith_set.end(), r.winners[0])) << trial;
    }
}
