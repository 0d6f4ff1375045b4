// Participatory budgeting's exact and Phragmén-type methods (budget, methods "max-welfare",
// "phragmen", "maximin-support"): hand-worked cases, the exact optimum against brute force,
// ties, the search limit, progress and cancel, options used by no method. The comparison with
// pabutools is tests/python/test_peers.py.
#include "accord/registry.hpp"
#include "accord/rules/committee.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace accord;

namespace {

using accord_test::names_of;

bool has_note(const result& r, const std::string& part) {
    return std::any_of(r.notes.begin(), r.notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

void expect_error(const profile& p, const std::string& options, const std::string& part, errc code) {
    try {
        run(p, "budget", options);
        ADD_FAILURE() << "no error for " << options;
    } catch (const error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
}

/// a approved by 3 voters (cost 6), b and c by 2 each (cost 3), budget 6.
profile three_projects() {
    profile p({"a", "b", "c"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0}, 3);
    p.add_approval(std::vector<cand_t>{1, 2}, 2);
    return p;
}

} // namespace

TEST(BudgetMaxWelfare, ApprovalUtilitiesFundTwoSmallProjectsWhereGreedyFundsTheMostApproved) {
    const auto p = three_projects();
    const std::string costs = R"("budget": 6, "costs": {"a": 6, "b": 3, "c": 3})";
    // Greedy takes a (3 approvals) and spends everything: welfare 3 approvals; b and c give 4.
    EXPECT_EQ(names_of(run(p, "budget", "{" + costs + "}")), (std::vector<std::string>{"a"}));
    const auto r = run(p, "budget", R"({"method": "max-welfare", "utilities": "approval", )" + costs + "}");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"b", "c"}));
    EXPECT_TRUE(r.ties.empty());
    EXPECT_TRUE(has_note(r, "greatest welfare 4 ")) << r.notes.front();
    EXPECT_TRUE(has_note(r, "reached by 1 allocation(s): {b, c}"));
    // With cost utilities a is worth 3 x 6 = 18 against 2 x 3 + 2 x 3 = 12.
    const auto by_cost = run(p, "budget", R"({"method": "max-welfare", )" + costs + "}");
    EXPECT_EQ(names_of(by_cost), (std::vector<std::string>{"a"}));
    EXPECT_TRUE(has_note(by_cost, "greatest welfare 18 "));
}

TEST(BudgetMaxWelfare, TiedOptimaAreAllListedAndTheTieIsBrokenAndRecorded) {
    profile p({"a", "b", "c"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0});
    p.add_approval(std::vector<cand_t>{1});
    p.add_approval(std::vector<cand_t>{2}, 2);
    // c (2 approvals, cost 2) or a + b (1 + 1, cost 1 + 1): welfare 2 either way with approvals.
    const std::string options =
        R"({"method": "max-welfare", "utilities": "approval", "budget": 2, "costs": {"a": 1, "b": 1, "c": 2}})";
    const auto r = run(p, "budget", options);
    EXPECT_TRUE(has_note(r, "reached by 2 allocation(s): {a, b}; {c}"));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"a", "b"})); // a is favoured by file order
    const auto reported =
        run(p, "budget", options.substr(0, options.size() - 1) + R"(, "tie_break": "report"})");
    EXPECT_FALSE(reported.complete);
    EXPECT_TRUE(reported.winners.empty()); // no project is in both optima
}

TEST(BudgetMaxWelfare, EqualsBruteForceOnSeededInstances) {
    std::mt19937_64 rng(424242);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t m = 3 + rng() % 8;
        std::vector<std::string> names;
        for (std::size_t c = 0; c < m; ++c) names.push_back("p" + std::to_string(c));
        profile p(names, ballot_kind::approval);
        for (int v = 0; v < 12; ++v) {
            std::vector<cand_t> a;
            for (cand_t c = 0; c < m; ++c)
                if (rng() % 100 < 35) a.push_back(c);
            p.add_approval(a);
        }
        std::vector<std::int64_t> cost(m), approvals(m, 0);
        std::string costs;
        std::int64_t total = 0;
        for (std::size_t c = 0; c < m; ++c) {
            cost[c] = 1 + static_cast<std::int64_t>(rng() % 6);
            total += cost[c];
            costs += (c ? ", \"" : "\"") + names[c] + "\": " + std::to_string(cost[c]);
        }
        for (std::size_t i = 0; i < p.unique_count(); ++i)
            for (const auto& mk : p.ballot(i).marks)
                approvals[mk.candidate] += static_cast<std::int64_t>(p.ballot(i).count);
        const std::int64_t budget = total / 2;
        for (const bool by_cost : {true, false}) {
            std::int64_t best = -1, count = 0;
            for (std::uint32_t s = 0; s < (1u << m); ++s) {
                std::int64_t c = 0, w = 0;
                bool useless = false;
                for (std::size_t j = 0; j < m; ++j)
                    if (s >> j & 1) {
                        c += cost[j];
                        w += approvals[j] * (by_cost ? cost[j] : 1);
                        useless = useless || approvals[j] == 0;
                    }
                if (c > budget || useless) continue; // accord never funds an unapproved project
                if (w > best) best = w, count = 0;
                if (w == best) ++count;
            }
            const auto r = run(
                p, "budget",
                std::string(R"({"method": "max-welfare", "utilities": ")") + (by_cost ? "cost" : "approval") +
                    "\", \"budget\": " + std::to_string(budget) + ", \"costs\": {" + costs + "}}");
            std::int64_t got = 0, spent = 0;
            for (cand_t c : r.winners) got += approvals[c] * (by_cost ? cost[c] : 1), spent += cost[c];
            EXPECT_EQ(got, best) << "trial " << trial;
            EXPECT_LE(spent, budget);
            EXPECT_TRUE(has_note(r, "greatest welfare " + std::to_string(best) + " ")) << "trial " << trial;
            EXPECT_TRUE(has_note(r, "reached by " + std::to_string(count) + " allocation(s)"))
                << "trial " << trial;
            EXPECT_EQ(r.ties.empty(), count == 1) << "trial " << trial;
        }
    }
}

TEST(BudgetMaxWelfare, SearchLimitRefusesAndProgressCancels) {
    const auto p = three_projects();
    const std::string costs = R"("budget": 6, "costs": {"a": 6, "b": 3, "c": 3})";
    expect_error(p, R"({"method": "max-welfare", "max_nodes": 2, )" + costs + "}", "option 'max_nodes'",
                 errc::unsupported);
    std::vector<double> seen;
    auto r = run(p, "budget", R"({"method": "max-welfare", )" + costs + "}", [&](double f) {
        seen.push_back(f);
        return true;
    });
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front(), 0.0);
    try {
        run(p, "budget", R"({"method": "max-welfare", )" + costs + "}", [](double) { return false; });
        ADD_FAILURE() << "not cancelled";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
}

TEST(BudgetPhragmen, LoadsInMoneyAndStopsWhenTheLowestLoadDoesNotFit) {
    // 2 x {a}, 1 x {a, b}, 1 x {b}; costs 3 and 3. a's supporters carry 3 / 3 = 1 each, b's
    // 3 / 2; a is funded. Then b would put its supporters at (3 + 1) / 2 = 2.
    profile p({"a", "b"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0}, 2);
    p.add_approval(std::vector<cand_t>{0, 1});
    p.add_approval(std::vector<cand_t>{1});
    const auto full = run(p, "budget", R"({"method": "phragmen", "budget": 6, "costs": {"a": 3, "b": 3}})");
    EXPECT_EQ(names_of(full), (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(full.rounds.size(), 2u);
    EXPECT_EQ(*full.rounds[0].tallies[0], rational(1));
    EXPECT_EQ(*full.rounds[0].tallies[1], rational(3, 2));
    EXPECT_EQ(*full.rounds[1].tallies[1], rational(2));
    // With 5, b does not fit the 2 left: the rule stops (it does not look further).
    const auto short_of =
        run(p, "budget", R"({"method": "phragmen", "budget": 5, "costs": {"a": 3, "b": 3}})");
    EXPECT_EQ(names_of(short_of), (std::vector<std::string>{"a"}));
    EXPECT_TRUE(has_note(short_of, "the lowest new load, 2, is that of b, which does not fit the 2 left"));
}

TEST(BudgetPhragmen, GreedyCompletionSpendsWhatTheStopLeaves) {
    // 2 x {a}, 1 x {a, b}, 1 x {b}, 1 x {c}; costs 3, 3, 5/2; budget 11/2. Phragmén funds a (load
    // 1), then b has the lowest load (2, against c's 5/2) but costs 3 > 5/2 left: stop. The greedy
    // completion skips b and funds c.
    profile p({"a", "b", "c"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0}, 2);
    p.add_approval(std::vector<cand_t>{0, 1});
    p.add_approval(std::vector<cand_t>{1});
    p.add_approval(std::vector<cand_t>{2});
    const std::string costs = R"("budget": "11/2", "costs": {"a": 3, "b": 3, "c": "5/2"})";
    EXPECT_EQ(names_of(run(p, "budget", R"({"method": "phragmen", )" + costs + "}")),
              (std::vector<std::string>{"a"}));
    const auto r = run(p, "budget", R"({"method": "phragmen", "completion": "greedy", )" + costs + "}");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"a", "c"}));
    EXPECT_TRUE(
        has_note(r, "greedy completion: the money left funds approved projects by approvals, most first; 1 "
                    "project(s) added"));
    EXPECT_TRUE(has_note(r, "skipped for want of money [greedy completion]: b"));
    // Equal Shares (approval utilities, 11/10 each) funds a (1 from each of its 3 supporters),
    // then b's supporters hold 1/10 + 11/10 < 3 and c's 11/10 < 5/2; the completion funds c.
    const auto mes =
        run(p, "budget",
            R"({"method": "equal-shares", "utilities": "approval", "completion": "greedy", )" + costs + "}");
    EXPECT_EQ(names_of(mes), (std::vector<std::string>{"a", "c"}));
}

TEST(BudgetMaximinSupport, LoadsComeFromTheTightestSetOfProjects) {
    // 1 x {a}, 3 x {b}, 1 x {a, b}, 2 x {c}; costs a 4, b 1, c 2; budget 7.
    // Round 1: b's load 1/4, c's 1, a's 2: b. Round 2: with a, the whole set gives 5 / 5 = 1
    // but a alone needs 4 / 2 = 2 from its two supporters; with c, 1: c. Round 3: a (load 2).
    profile p({"a", "b", "c"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0});
    p.add_approval(std::vector<cand_t>{1}, 3);
    p.add_approval(std::vector<cand_t>{0, 1});
    p.add_approval(std::vector<cand_t>{2}, 2);
    const auto r =
        run(p, "budget", R"({"method": "maximin-support", "budget": 7, "costs": {"a": 4, "b": 1, "c": 2}})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"b", "c", "a"}));
    ASSERT_EQ(r.rounds.size(), 3u);
    EXPECT_EQ(*r.rounds[0].tallies[1], rational(1, 4));
    EXPECT_EQ(*r.rounds[1].tallies[0], rational(2));
    EXPECT_EQ(*r.rounds[1].tallies[2], rational(1));
    EXPECT_EQ(*r.rounds[2].tallies[0], rational(2));
    // With 6, a no longer fits after b and c: it is never tallied in round 3, and the count ends.
    const auto less =
        run(p, "budget", R"({"method": "maximin-support", "budget": 6, "costs": {"a": 4, "b": 1, "c": 2}})");
    EXPECT_EQ(names_of(less), (std::vector<std::string>{"b", "c"}));
}

// pabutools' examples for Exact Equal Shares and its add-opt completion (rules/ees_addopt.py,
// outcomes only): costs 10, 16, 21 and budget 40 fund p1 then p2; costs 2, 3.2, 6 and budget 10
// complete to {p1, p3}.
TEST(BudgetExactEqualShares, PabutoolsExamples) {
    profile p({"p1", "p2", "p3"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0});
    p.add_approval(std::vector<cand_t>{0, 2});
    p.add_approval(std::vector<cand_t>{1, 2}, 2);
    const auto r = run(p, "budget",
                       R"({"method": "exact-equal-shares", "utilities": "approval", "budget": 40,
                           "costs": {"p1": 10, "p2": 16, "p3": 21}})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"p1", "p2"}));
    // p1 splits 10 among 2 (score 2/10), p2 16 among 2 (2/16), p3 21 among 3 (3/21).
    EXPECT_EQ(*r.rounds[0].tallies[0], rational(1, 5));
    EXPECT_EQ(*r.rounds[0].tallies[2], rational(1, 7));

    profile q({"p1", "p2", "p3"}, ballot_kind::approval);
    q.add_approval(std::vector<cand_t>{0});
    q.add_approval(std::vector<cand_t>{0, 2});
    q.add_approval(std::vector<cand_t>{1, 2}, 2);
    q.add_approval(std::vector<cand_t>{2});
    const std::string costs = R"("budget": 10, "costs": {"p1": 2, "p2": "16/5", "p3": 6})";
    const auto plain =
        run(q, "budget", R"({"method": "exact-equal-shares", "utilities": "approval", )" + costs + "}");
    EXPECT_EQ(names_of(plain), (std::vector<std::string>{"p1", "p2"}));
    const auto opt =
        run(q, "budget",
            R"({"method": "exact-equal-shares", "utilities": "approval", "completion": "add-opt", )" + costs +
                "}");
    auto funded = names_of(opt);
    std::sort(funded.begin(), funded.end());
    EXPECT_EQ(funded, (std::vector<std::string>{"p1", "p3"}));
    EXPECT_TRUE(has_note(opt, "add-opt completion: rerun at each per-voter budget"));
}

TEST(BudgetExactEqualShares, WeightsActAsRepeatedVoters) {
    profile twice({"a", "b", "c"}, ballot_kind::approval), halves({"a", "b", "c"}, ballot_kind::approval);
    const std::vector<std::vector<cand_t>> sets{{0}, {0, 1}, {1, 2}, {2}, {1}};
    const std::vector<std::uint64_t> counts{3, 1, 2, 2, 1};
    for (std::size_t i = 0; i < sets.size(); ++i) {
        twice.add_approval(sets[i], counts[i]);
        halves.add_approval(sets[i], 2 * counts[i], rational(1, 2));
    }
    for (const char* completion : {"none", "add-opt"}) {
        const std::string o = std::string(R"({"method": "exact-equal-shares", "completion": ")") +
                              completion + R"(", "budget": 12, "costs": {"a": 4, "b": 5, "c": 6}})";
        EXPECT_EQ(names_of(run(twice, "budget", o)), names_of(run(halves, "budget", o))) << completion;
    }
}

/// pabutools' tests/rules/test_bos.py, test_large (from the BOS paper's running example): costs
/// A 300,000, B 300,000, C 400,000, D 240,000, E 170,000, F 100,000, budget 1,000,000, 10 voters.
profile bos_example() {
    profile p({"A", "B", "C", "D", "E", "F"}, ballot_kind::approval);
    for (const std::vector<cand_t>& b : std::vector<std::vector<cand_t>>{{0},
                                                                         {0, 1, 2, 4},
                                                                         {0, 1, 2},
                                                                         {0, 1, 2},
                                                                         {0, 1, 2},
                                                                         {0, 2, 5},
                                                                         {3, 4},
                                                                         {3, 4},
                                                                         {3, 4, 5},
                                                                         {1, 3, 5}})
        p.add_approval(b);
    return p;
}
const std::string k_bos_costs =
    R"("budget": 1000000, "costs": {"A": 300000, "B": 300000, "C": 400000, "D": 240000, "E": 170000, "F": 100000})";

// Worked by hand (utility = cost, so prices are per unit of money; every voter starts with
// 100,000). Round 1: A's 6 supporters pay 50,000 each (price 1/6, alpha 1, tally 1/6). Round 2:
// B's supporters are four with 50,000 left and one with 100,000; at price 1/6 the four are spent
// and 250,000 of 300,000 is covered, alpha 5/6, tally (1/6) / (5/6)^2 = 6/25, the least; B is
// funded at the price (1/6) / (5/6) = 1/5: the four pay 50,000, the fifth 60,000, and 40,000 is
// overspent. D, then F follow; pabutools funds {A, B, D, F}.
TEST(BudgetBosEqualShares, PaperExampleAsPabutools) {
    const auto r = run(bos_example(), "budget", R"({"method": "bos-equal-shares", )" + k_bos_costs + "}");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"A", "B", "D", "F"}));
    ASSERT_GE(r.rounds.size(), 2U);
    EXPECT_EQ(*r.rounds[0].tallies[0], rational(1, 6));
    EXPECT_EQ(*r.rounds[1].tallies[1], rational(6, 25));
    EXPECT_NE(r.rounds[1].note.find("funded B: alpha 5/6, price per unit of utility 1/5, supporters paid "
                                    "260000, overspent 40000"),
              std::string::npos)
        << r.rounds[1].note;
    EXPECT_TRUE(r.ties.empty());
    EXPECT_TRUE(has_note(r, "spent 940000 of 1000000"));
}

// A project its supporters can pay in full is funded as Equal Shares would fund it; one they
// cannot is funded only if nothing better is left, and only if it fits the money not yet spent.
TEST(BudgetBosEqualShares, OverspendingIsBoundedByTheBudget) {
    profile p({"big", "small"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0}, 2);
    p.add_approval(std::vector<cand_t>{1});
    // pabutools' test_bos_basic_logic: big (1000) by 2 of 3 voters, small (100) by 1, budget 1000.
    const auto r =
        run(p, "budget",
            R"({"method": "bos-equal-shares", "budget": 1000, "costs": {"big": 1000, "small": 100}})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"big"}));
    EXPECT_NE(r.rounds[0].note.find("alpha 2/3"), std::string::npos) << r.rounds[0].note;
    EXPECT_NE(r.rounds[0].note.find("overspent 1000/3"), std::string::npos) << r.rounds[0].note;
    // Weights act as repeated voters.
    profile halves({"big", "small"}, ballot_kind::approval);
    halves.add_approval(std::vector<cand_t>{0}, 4, rational(1, 2));
    halves.add_approval(std::vector<cand_t>{1}, 2, rational(1, 2));
    const auto h =
        run(halves, "budget",
            R"({"method": "bos-equal-shares", "budget": 1000, "costs": {"big": 1000, "small": 100}})");
    EXPECT_EQ(h.rounds[0].note, r.rounds[0].note);
}

// pabutools' test_large for fractional_equal_shares: A 1, B 5/6, C 0, D 1, E 11/17, F 1/2.
TEST(BudgetFractionalEqualShares, PaperExampleAsPabutools) {
    const auto r =
        run(bos_example(), "budget", R"({"method": "fractional-equal-shares", )" + k_bos_costs + "}");
    auto funded = names_of(r);
    std::sort(funded.begin(), funded.end());
    EXPECT_EQ(funded, (std::vector<std::string>{"A", "B", "D", "E", "F"}));
    EXPECT_EQ(r.score_name, "fraction funded");
    EXPECT_EQ(*r.scores[0], rational(1));
    EXPECT_EQ(*r.scores[1], rational(5, 6));
    EXPECT_EQ(*r.scores[2], rational(0));
    EXPECT_EQ(*r.scores[3], rational(1));
    EXPECT_EQ(*r.scores[4], rational(11, 17));
    EXPECT_EQ(*r.scores[5], rational(1, 2));
    EXPECT_TRUE(has_note(r, "fractions funded: "));
    // B and C tie (4 supporters with money each) and the default lexicographic order picks B.
    EXPECT_FALSE(r.ties.empty());
}

// pabutools' test_fres_basic_logic: p1 (1000) and p2 (500), one voter each, budget 1100: p2 in
// full, p1 at 550 / 1000.
TEST(BudgetFractionalEqualShares, EachVoterSpendsItsShare) {
    profile p({"p1", "p2"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0});
    p.add_approval(std::vector<cand_t>{1});
    const auto r =
        run(p, "budget",
            R"({"method": "fractional-equal-shares", "budget": 1100, "costs": {"p1": 1000, "p2": 500}})");
    EXPECT_EQ(*r.scores[0], rational(11, 20));
    EXPECT_EQ(*r.scores[1], rational(1));
    EXPECT_TRUE(has_note(r, "spent 1050 of 1100"));
}

// pabutools' tests/rules/test_cstv.py, read with approval ballots: five donors give 5 to each of
// A (27), B (30), C (40) (five voters approving all three, budget 75), and every combination funds
// two projects. By hand for EwT: no project has its cost (25 each); C, the least excess (-15), is
// eliminated and its 25 goes half to A, half to B (37.5 each); A (excess 10.5) is funded and keeps
// 27/37.5 of each donation, the rest (2.1 a donor) moving to B (48 >= 30), funded; C (40) does
// not fit the 18 left. For MT: A gets the least transfer (0.2 from each of B and C per donor) and
// is funded, then B (24 raised to 30); C (18 from its donors) cannot be paid and does not fit.
// Second case: {A}, {A}, {B} giving 20 each (budget 60): A, then B by reverse elimination or
// acceptance.
TEST(BudgetCstv, PabutoolsExamplesEveryCombination) {
    profile all({"A", "B", "C"}, ballot_kind::approval);
    all.add_approval(std::vector<cand_t>{0, 1, 2}, 5);
    profile split({"A", "B", "C"}, ballot_kind::approval);
    split.add_approval(std::vector<cand_t>{0}, 2);
    split.add_approval(std::vector<cand_t>{1});
    const std::string costs = R"("costs": {"A": 27, "B": 30, "C": 40})";
    for (const char* c : {"ewt", "ewtc", "mt", "mtc", "ewts", "mts"}) {
        const std::string m = std::string(R"({"method": "cstv", "combination": ")") + c + R"(", )";
        auto r = run(all, "budget", m + R"("budget": 75, )" + costs + "}");
        EXPECT_EQ(names_of(r), (std::vector<std::string>{"A", "B"})) << c;
        EXPECT_TRUE(has_note(r, "spent 57 of 75")) << c;
        auto q = run(split, "budget", m + R"("budget": 60, )" + costs + "}");
        EXPECT_EQ(names_of(q), (std::vector<std::string>{"A", "B"})) << c;
    }
    const auto ewt = run(all, "budget", R"({"method": "cstv", "budget": 75, )" + costs + "}");
    ASSERT_GE(ewt.rounds.size(), 2U);
    EXPECT_EQ(ewt.rounds[0].eliminated, (std::vector<cand_t>{2}));
    EXPECT_EQ(*ewt.rounds[0].tallies[2], rational(-15));
    EXPECT_NE(ewt.rounds[1].note.find("excess support 21/2"), std::string::npos) << ewt.rounds[1].note;
    expect_error(all, R"({"method": "phragmen", "combination": "mt", "budget": 75, )" + costs + "}",
                 "'combination' is only used with method \"cstv\"", errc::invalid);
    expect_error(all, R"({"method": "cstv", "utilities": "cost", "budget": 75, )" + costs + "}",
                 "'utilities' is only used with methods", errc::invalid);
}

TEST(BudgetMethods, OptionsAMethodDoesNotUseAreErrors) {
    const auto p = three_projects();
    const std::string costs = R"("budget": 6, "costs": {"a": 6, "b": 3, "c": 3})";
    expect_error(p, R"({"method": "greedy", "max_nodes": 5, )" + costs + "}",
                 "'max_nodes' is only used with method \"max-welfare\"", errc::invalid);
    expect_error(p, R"({"method": "equal-shares", "max_nodes": 5, )" + costs + "}", "'max_nodes'",
                 errc::invalid);
    for (const char* m : {"phragmen", "maximin-support"})
        expect_error(p, std::string(R"({"method": ")") + m + R"(", "utilities": "cost", )" + costs + "}",
                     "'utilities' is only used with methods", errc::invalid);
    expect_error(p, R"({"method": "maximin-support", "completion": "none", )" + costs + "}",
                 "'completion' is only used with methods", errc::invalid);
    expect_error(p, R"({"method": "equal-shares", "completion": "add-opt", )" + costs + "}",
                 "completion \"add-opt\" is only used with method \"exact-equal-shares\"", errc::invalid);
    for (const char* m : {"bos-equal-shares", "fractional-equal-shares"}) {
        expect_error(p, std::string(R"({"method": ")") + m + R"(", "completion": "none", )" + costs + "}",
                     "'completion' is only used with methods", errc::invalid);
        expect_error(p, std::string(R"({"method": ")") + m + R"(", "increment": 1, )" + costs + "}",
                     "'increment'", errc::invalid);
        expect_error(p, std::string(R"({"method": ")") + m + R"(", "max_nodes": 5, )" + costs + "}",
                     "'max_nodes'", errc::invalid);
    }
    expect_error(p, R"({"method": "phragmen", "completion": "add1", )" + costs + "}",
                 "completion \"add1\" is only used with method \"equal-shares\"", errc::invalid);
    // The C++ entry point refuses the same combinations.
    budget_options o;
    o.method = budget_method::max_welfare;
    o.budget = 6;
    o.costs = {6, 3, 3};
    o.completion = pb_completion::greedy;
    EXPECT_THROW(participatory_budget(p, o), error);
    expect_error(p, R"({"method": "max-welfare", "increment": 1, )" + costs + "}", "'increment'",
                 errc::invalid);
}

// Every budget method and completion gives the same result, to the byte, whatever the order the
// ballots were read in, and again on a second run.
TEST(BudgetMethods, ResultsDoNotDependOnBallotOrder) {
    std::mt19937_64 rng(2718);
    std::vector<std::vector<cand_t>> ballots;
    for (int v = 0; v < 40; ++v) {
        std::vector<cand_t> a;
        for (cand_t c = 0; c < 6; ++c)
            if (rng() % 100 < 40) a.push_back(c);
        ballots.push_back(a);
    }
    const std::vector<std::string> names{"a", "b", "c", "d", "e", "f"};
    profile forward(names, ballot_kind::approval), backward(names, ballot_kind::approval);
    for (const auto& b : ballots) forward.add_approval(b);
    for (auto it = ballots.rbegin(); it != ballots.rend(); ++it) backward.add_approval(*it);
    const std::string costs = R"("budget": 20, "costs": {"a": 3, "b": 5, "c": 7, "d": 4, "e": 6, "f": 2})";
    for (const std::string variant :
         {R"("method": "max-welfare")", R"("method": "max-welfare", "utilities": "approval")",
          R"("method": "phragmen")", R"("method": "phragmen", "completion": "greedy")",
          R"("method": "maximin-support")", R"("method": "equal-shares", "completion": "greedy")",
          R"("method": "exact-equal-shares")", R"("method": "exact-equal-shares", "completion": "add-opt")",
          R"("method": "bos-equal-shares")", R"("method": "fractional-equal-shares")"}) {
        const std::string o = "{" + variant + ", " + costs + "}";
        const auto first = to_json(run(forward, "budget", o));
        EXPECT_EQ(first, to_json(run(backward, "budget", o))) << variant;
        EXPECT_EQ(first, to_json(run(forward, "budget", o))) << variant;
    }
}

// CSTV's exact count was restructured (one donation per distinct ballot instead of one per
// ballot and project, issue 18). tests/data/budget/cstv_recorded.txt holds the whole result
// (to_json) of the old per-(ballot, project) code on seeded random instances, every combination,
// lexicographic, random and report ties, integer and rational weights, as its length and 64-bit
// FNV-1a hash (the results run to 700 kB): the new code must reproduce each line exactly.
// ACCORD_RECORD_CSTV=1 rewrites the file from the code under test.
static std::vector<std::string> cstv_instances() {
    std::vector<std::string> out;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t projects = 3 + rng() % (seed <= 30 ? 6 : 10);
        const std::size_t ballots = 3 + rng() % (seed <= 30 ? 15 : 40);
        std::vector<std::string> names;
        for (std::size_t c = 0; c < projects; ++c) names.push_back("p" + std::to_string(c));
        profile p(names, ballot_kind::approval);
        for (std::size_t b = 0; b < ballots; ++b) {
            std::vector<cand_t> a;
            for (std::size_t c = 0; c < projects; ++c)
                if (rng() % 100 < 40) a.push_back(static_cast<cand_t>(c));
            const rational weight =
                seed % 4 == 0 ? rational(static_cast<long>(1 + rng() % 3), 2) : rational(1);
            p.add_approval(a, 1 + rng() % 3, weight);
        }
        std::string costs;
        long total = 0;
        for (std::size_t c = 0; c < projects; ++c) {
            const long cost =
                seed % 3 == 0 ? static_cast<long>(1 + rng() % 4) : static_cast<long>(1 + rng() % 40);
            total += cost;
            costs += (costs.empty() ? "\"" : ", \"") + names[c] + "\": " + std::to_string(cost);
        }
        const long budget = 1 + static_cast<long>(rng() % static_cast<std::uint64_t>(total));
        const char* ties = seed % 5 == 0 ? "report" : seed % 5 == 1 ? "random" : "lexicographic";
        for (const char* comb : {"ewt", "ewtc", "mt", "mtc", "ewts", "mts"}) {
            const std::string o =
                std::string(R"({"method": "cstv", "combination": ")") + comb + R"(", "tie_break": ")" + ties +
                "\"" + (seed % 5 == 1 ? ", \"seed\": " + std::to_string(seed) : std::string()) +
                R"(, "budget": )" + std::to_string(budget) + R"(, "costs": {)" + costs + "}}";
            const std::string js = to_json(run(p, "budget", o));
            std::uint64_t h = 0xcbf29ce484222325ULL;
            for (unsigned char ch : js) h = (h ^ ch) * 0x100000001b3ULL;
            char hex[17];
            std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
            out.push_back(std::to_string(seed) + " " + comb + " " + std::to_string(js.size()) + " " + hex);
        }
    }
    return out;
}

TEST(BudgetCstv, SameResultsAsThePerProjectDonations) {
    const auto path =
        std::filesystem::path(ACCORD_SOURCE_DIR) / "tests" / "data" / "budget" / "cstv_recorded.txt";
    const auto now = cstv_instances();
    if (std::getenv("ACCORD_RECORD_CSTV")) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream f(path);
        for (const auto& line : now) f << line << '\n';
        GTEST_SKIP() << "recorded " << path;
    }
    std::ifstream f(path);
    ASSERT_TRUE(f) << path;
    std::vector<std::string> recorded;
    for (std::string line; std::getline(f, line);) recorded.push_back(line);
    ASSERT_EQ(recorded.size(), now.size());
    for (std::size_t i = 0; i < now.size(); ++i) EXPECT_EQ(now[i], recorded[i]) << "case " << i;
}

// --- points (score) ballots: cumulative and scoring Pabulib votes -----------------------------

namespace {

/// Seeded points profiles: `m` projects, voters giving 0..3 points to each.
profile points_profile(std::mt19937_64& rng, std::size_t m, std::size_t voters, std::uint64_t scale = 1) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < m; ++c) names.push_back("p" + std::to_string(c));
    profile p(names, ballot_kind::score);
    for (std::size_t v = 0; v < voters; ++v) {
        std::vector<mark> marks;
        for (cand_t c = 0; c < m; ++c)
            if (const auto pts = static_cast<std::int32_t>(rng() % 4); pts > 0) marks.push_back({c, pts});
        p.add(marks, (1 + rng() % 3) * scale);
    }
    return p;
}

std::vector<std::int64_t> points_given(const profile& p) {
    std::vector<std::int64_t> pts(p.candidate_count(), 0);
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        for (const auto& mk : p.ballot(i).marks)
            pts[mk.candidate] += static_cast<std::int64_t>(p.ballot(i).count) * mk.value;
    return pts;
}

} // namespace

// Greedy by points is the cities' rule for cumulative votes (Częstochowa, Katowice: see
// Pabulib.GreedyFundsExactlyTheProjectsTheFileMarksSelected); max-welfare maximises the points
// given to funded projects. Both against a direct count on seeded instances.
TEST(BudgetPoints, GreedyAndMaxWelfareCountPointsAsADirectCountDoes) {
    std::mt19937_64 rng(9001);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t m = 3 + rng() % 7;
        const profile p = points_profile(rng, m, 4 + rng() % 12);
        const auto pts = points_given(p);
        std::vector<std::int64_t> cost(m);
        std::string costs;
        std::int64_t total = 0;
        for (std::size_t c = 0; c < m; ++c) {
            cost[c] = 1 + static_cast<std::int64_t>(rng() % 8);
            total += cost[c];
            costs += (c ? ", \"p" : "\"p") + std::to_string(c) + "\": " + std::to_string(cost[c]);
        }
        const std::int64_t budget = total / 2;
        const std::string money = "\"budget\": " + std::to_string(budget) + ", \"costs\": {" + costs + "}";
        // greedy: most points first, the first in candidate order on equal points; skip what no
        // longer fits; never a project nobody gives points
        std::vector<cand_t> order(m);
        for (cand_t c = 0; c < m; ++c) order[c] = c;
        std::stable_sort(order.begin(), order.end(), [&](cand_t a, cand_t b) { return pts[a] > pts[b]; });
        std::vector<std::string> expected;
        std::int64_t left = budget;
        for (cand_t c : order)
            if (pts[c] > 0 && cost[c] <= left) expected.push_back(p.candidate_name(c)), left -= cost[c];
        const auto g = run(p, "budget", "{" + money + "}");
        EXPECT_EQ(names_of(g), expected) << "trial " << trial;
        EXPECT_EQ(g.score_name, "points");
        // max-welfare against every subset
        std::int64_t best = -1;
        for (std::uint32_t s = 0; s < (1u << m); ++s) {
            std::int64_t c = 0, w = 0;
            bool useless = false;
            for (std::size_t j = 0; j < m; ++j)
                if (s >> j & 1) c += cost[j], w += pts[j], useless = useless || pts[j] == 0;
            if (c <= budget && !useless) best = std::max(best, w);
        }
        const auto r = run(p, "budget", R"({"method": "max-welfare", )" + money + "}");
        std::int64_t got = 0;
        for (cand_t c : r.winners) got += pts[c];
        EXPECT_EQ(got, best) << "trial " << trial;
        EXPECT_TRUE(
            has_note(r, "greatest welfare " + std::to_string(best) + " (sum over voters of the points"));
    }
}

// Equal Shares with the points as utilities, worked by hand. Budget 12, three voters with 4
// each. a (cost 6): v1 gives 2 points, v2 1; rho = 6 / 3 = 2 (v1 pays 4, v2 pays 2). b (cost
// 7): v1 gives 1, v3 3; at rho = 4/3 v3 is out of money having paid 4, and v1 pays the other 3
// at rho = 3. a is funded (rho 2 < 3); then v1 has nothing and v3's 4 cannot pay 7: b is not.
TEST(BudgetPoints, EqualSharesPaysByPointsWorkedByHand) {
    profile p({"a", "b"}, ballot_kind::score);
    const mark v1[] = {{0, 2}, {1, 1}}, v2[] = {{0, 1}}, v3[] = {{1, 3}};
    p.add(v1);
    p.add(v2);
    p.add(v3);
    const auto r = run(p, "budget", R"({"method": "equal-shares", "budget": 12, "costs": {"a": 6, "b": 7}})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"a"}));
    ASSERT_EQ(r.rounds.size(), 1u); // then nothing is affordable: no round
    EXPECT_EQ(r.rounds[0].tallies[0], rational(2));
    EXPECT_EQ(r.rounds[0].tallies[1], rational(3));
    EXPECT_EQ(r.score_name, "points");
    // With twice the money b is affordable too: every voter has 8. a: rho 2 (v1 pays 4 of its
    // 8); b: v3 pays 3 x rho, v1 1 x rho, rho = 7/4, so b (7/4) goes first, then a: v1 has
    // 8 - 7/4 = 25/4, v2 8; rho = 6/3 = 2 with v1 paying 4 <= 25/4.
    const auto both =
        run(p, "budget", R"({"method": "equal-shares", "budget": 24, "costs": {"a": 6, "b": 7}})");
    EXPECT_EQ(names_of(both), (std::vector<std::string>{"b", "a"}));
    EXPECT_EQ(both.rounds[0].tallies[1], rational(7, 4));
    // the greedy completion spends what Equal Shares leaves, by points
    const auto completed =
        run(p, "budget",
            R"({"method": "equal-shares", "completion": "greedy", "budget": 13, "costs": {"a": 6, "b": 7}})");
    EXPECT_EQ(names_of(completed), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(has_note(completed, "by points"));
}

TEST(BudgetPoints, ResultsDoNotDependOnBallotOrderOrOnInt64) {
    for (std::uint64_t seed : {5u, 6u, 7u, 8u}) {
        std::mt19937_64 a(seed), b(seed);
        const profile small = points_profile(a, 6, 20);
        // the same ballots, every count x 2^60: the points no longer fit int64, the count runs on
        // rationals, and the winners are the same
        const profile big = points_profile(b, 6, 20, std::uint64_t{1} << 60);
        std::mt19937_64 c(seed);
        std::vector<std::pair<std::vector<mark>, std::uint64_t>> ballots;
        for (std::size_t i = 0; i < small.unique_count(); ++i) {
            const auto v = small.ballot(i);
            ballots.push_back({{v.marks.begin(), v.marks.end()}, v.count});
        }
        profile backward(small.candidate_names(), ballot_kind::score);
        for (auto it = ballots.rbegin(); it != ballots.rend(); ++it) backward.add(it->first, it->second);
        const std::string money =
            R"("budget": 12, "costs": {"p0": 3, "p1": 5, "p2": 7, "p3": 4, "p4": 6, "p5": 2})";
        for (const std::string variant :
             {R"("method": "greedy")", R"("method": "max-welfare")", R"("method": "equal-shares")",
              R"("method": "equal-shares", "completion": "greedy")",
              R"("method": "equal-shares", "completion": "add1")", R"("method": "cstv")",
              R"("method": "cstv", "combination": "mt")"}) {
            const std::string o = "{" + variant + ", " + money + "}";
            const auto first = run(small, "budget", o);
            EXPECT_EQ(to_json(first), to_json(run(backward, "budget", o))) << variant;
            if (variant.find("add1") == std::string::npos) // add1's raise is per unit of weight
                EXPECT_EQ(first.winners, run(big, "budget", o).winners) << variant << " seed " << seed;
        }
    }
}

// CSTV over points: each voter donates its share (budget / n per unit of weight) in proportion to
// its points. A ballot giving the same points to each of its projects donates as the approval
// ballot of those projects; one giving unequal points is moved alone. Both agree with the
// approval reading where every ballot's points are equal, and with pabutools (tests/data/peers).
TEST(BudgetPoints, CstvWithEqualPointsIsCstvOverTheApprovalBallots) {
    std::mt19937_64 rng(31337);
    for (int trial = 0; trial < 30; ++trial) {
        const std::size_t m = 3 + rng() % 6;
        std::vector<std::string> names;
        for (std::size_t c = 0; c < m; ++c) names.push_back("p" + std::to_string(c));
        profile points(names, ballot_kind::score), approvals(names, ballot_kind::approval);
        std::string costs;
        for (std::size_t c = 0; c < m; ++c)
            costs += (c ? ", \"p" : "\"p") + std::to_string(c) + "\": " + std::to_string(1 + rng() % 9);
        for (int v = 0; v < 12; ++v) {
            std::vector<cand_t> a;
            std::vector<mark> marks;
            const auto pts = static_cast<std::int32_t>(1 + rng() % 5);
            for (cand_t c = 0; c < m; ++c)
                if (rng() % 100 < 45) a.push_back(c), marks.push_back({c, pts});
            const std::uint64_t count = 1 + rng() % 3;
            points.add(marks, count);
            approvals.add_approval(a, count);
        }
        for (const char* comb : {"ewt", "ewtc", "mt", "mtc", "ewts", "mts"}) {
            const std::string o = std::string(R"({"method": "cstv", "combination": ")") + comb +
                                  R"(", "budget": 12, "costs": {)" + costs + "}}";
            const auto a = run(approvals, "budget", o), b = run(points, "budget", o);
            EXPECT_EQ(a.winners, b.winners) << "trial " << trial << " " << comb;
            ASSERT_EQ(a.rounds.size(), b.rounds.size()) << "trial " << trial << " " << comb;
            for (std::size_t r = 0; r < a.rounds.size(); ++r)
                EXPECT_EQ(a.rounds[r].tallies, b.rounds[r].tallies) << "trial " << trial << " " << comb;
        }
    }
}

// Worked by hand: budget 12, two voters with 6 each. v1 gives a 2 points and b 1: it donates 4
// to a and 2 to b; v2 gives b 3 points: 6 to b. a costs 5 (support 4), b costs 7 (support 8):
// b is eligible and funded (EwT) with excess 1; v2 gives to nothing else and spends all its 6, so
// v1 keeps (7 - 6) / 2 = 1/2 of its 2 on b and moves 1 to a: a's support is 5, its cost: funded.
TEST(BudgetPoints, CstvDonatesInProportionToThePointsWorkedByHand) {
    profile p({"a", "b"}, ballot_kind::score);
    const mark v1[] = {{0, 2}, {1, 1}}, v2[] = {{1, 3}};
    p.add(v1);
    p.add(v2);
    const auto r = run(p, "budget", R"({"method": "cstv", "budget": 12, "costs": {"a": 5, "b": 7}})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"b", "a"}));
    ASSERT_GE(r.rounds.size(), 2u);
    EXPECT_EQ(r.rounds[0].tallies[1], rational(1)); // b's excess support 8 - 7
    EXPECT_EQ(r.rounds[1].tallies[0], rational(0)); // a's support 4 + 1 = its cost
    // with b costing 8, v1 keeps all it gives b and a stays at 4 < 5: a is eliminated
    const auto r8 = run(p, "budget", R"({"method": "cstv", "budget": 13, "costs": {"a": 5, "b": 8}})");
    EXPECT_EQ(r8.winners.front(), 1u);
}

// 2^62 voters fit int64, their points do not: a has 5 x 2^61 (over 2^63), b 2 x 2^61.
TEST(BudgetPoints, PointsBeyondInt64AreCountedExactly) {
    profile p({"a", "b"}, ballot_kind::score);
    const mark v1[] = {{0, 5}, {1, 1}}, v2[] = {{1, 1}};
    p.add(v1, std::uint64_t{1} << 61);
    p.add(v2, std::uint64_t{1} << 61);
    ASSERT_TRUE(p.integral());
    for (const char* m : {"greedy", "max-welfare"}) {
        const auto r =
            run(p, "budget",
                std::string(R"({"method": ")") + m + R"(", "budget": 3, "costs": {"a": 3, "b": 3}})");
        EXPECT_EQ(names_of(r), (std::vector<std::string>{"a"})) << m;
        EXPECT_EQ(r.scores[0], rational(big_int(5) << 61)) << m;
    }
}

TEST(BudgetPoints, MethodsAndUtilitiesThatDoNotReadPointsAreRefused) {
    profile p({"a", "b"}, ballot_kind::score);
    const mark v[] = {{0, 2}, {1, 1}};
    p.add(v, 3);
    const std::string money = R"("budget": 6, "costs": {"a": 3, "b": 3})";
    for (const char* m :
         {"phragmen", "maximin-support", "exact-equal-shares", "bos-equal-shares", "fractional-equal-shares"})
        expect_error(p, std::string(R"({"method": ")") + m + "\", " + money + "}",
                     "counts approval ballots only; points (score) ballots are counted by",
                     errc::unsupported);
    expect_error(p, R"({"method": "equal-shares", "utilities": "cost", )" + money + "}",
                 "utilities \"points\", not \"cost\"", errc::invalid);
    expect_error(p, R"({"method": "max-welfare", "utilities": "approval", )" + money + "}",
                 "utilities \"points\", not \"approval\"", errc::invalid);
    EXPECT_NO_THROW(run(p, "budget", R"({"method": "max-welfare", "utilities": "points", )" + money + "}"));
    expect_error(three_projects(),
                 R"({"method": "equal-shares", "utilities": "points", "budget": 6, )"
                 R"("costs": {"a": 6, "b": 3, "c": 3}})",
                 "utilities \"points\" needs points (score) ballots", errc::invalid);
    profile negative({"a", "b"}, ballot_kind::score);
    const mark n[] = {{0, -1}, {1, 1}};
    negative.add(n);
    expect_error(negative, "{" + money + "}", "gives -1 points to 'a'; points must be >= 0", errc::invalid);
    // C++ callers: budget_options' default utilities (cost) are refused for points ballots by the
    // methods that read utilities, and accepted by greedy, which reads none
    budget_options opt;
    opt.budget = 6;
    opt.costs = {rational(3), rational(3)};
    EXPECT_EQ(participatory_budget(p, opt).winners.size(), 2u);
    opt.method = budget_method::equal_shares;
    EXPECT_THROW(participatory_budget(p, opt), error);
    opt.utilities = pb_utilities::points;
    EXPECT_EQ(participatory_budget(p, opt).winners.size(), 2u);
}
