// minimax-Phragmén, leximax-Phragmén and the maximin support method (committee.hpp): Lackner &
// Skowron's Example 2.10, abcvoting's outputs on its test instances and its documented
// max-flow example, and the exact loads checked level by level against the exact LP.
//
// Peer: abcvoting (martinlackner/abcvoting, commit 2c0c412), run outside this repository:
// minimaxphragmen with algorithm pulp-cbc, leximaxphragmen through its pulp model with CBC,
// maximin-support with nx-max-flow, all resolute=False (tests/data/peers/README.md). The
// minimax-Phragmén committees of the five instances are also those of abcvoting's
// tests/test_abcrules.py.
#include "../src/lp.hpp"
#include "accord/registry.hpp"
#include "accord/rules/committee.hpp"

#include "abc_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

using namespace accord;
using namespace abc_fixtures;

namespace {

std::vector<cand_t> members(const std::string& s) {
    std::vector<cand_t> v;
    for (char c : s) v.push_back(static_cast<cand_t>(c - 'a'));
    return v;
}

bool has_note(const result& r, const std::string& note) {
    return std::find(r.notes.begin(), r.notes.end(), note) != r.notes.end();
}

// abcvoting's test instances (tests/test_abcrules.py), as in abc_rules_test.cpp: its
// minimax-Phragmén committees, and maximin-support's as abcvoting returned them. On every one of
// these the least largest load is k/n (n voters, all approving someone), so every voter carries
// exactly k/n in each minimax committee and leximax-Phragmén cannot separate them: its
// committees are the same (not from abcvoting: its leximax model did not finish on them here).
std::vector<instance> abcvoting_instances() {
    std::vector<instance> v;
    std::vector<std::string> one_from_each;
    for (char x = 'a'; x <= 'e'; ++x)
        for (char y = 'f'; y <= 'j'; ++y) one_from_each.push_back(std::string{x, y});
    auto first = one_each({"aef", "a", "bef", "b", "cef", "c", "def", "d"});
    const std::vector<std::string> not_abcd{"abce", "abcf", "abde", "abdf", "abef", "acde", "acdf",
                                            "acef", "adef", "bcde", "bcdf", "bcef", "bdef", "cdef"};
    const std::vector<std::pair<const char*, std::vector<std::string>>> first_expected{
        {"minimax-phragmen", {"abcd"}}, {"leximax-phragmen", {"abcd"}}, {"maximin-support", not_abcd}};
    v.push_back({"profile1", approvals(6, first), 4, first_expected});
    std::reverse(first.begin(), first.end());
    v.push_back({"profile1-reversed", approvals(6, first), 4, first_expected});
    v.push_back({"profile2",
                 approvals(5, {{"abc", 5}, {"ab", 1}, {"de", 2}, {"d", 1}}),
                 3,
                 {{"minimax-phragmen", {"abd", "acd", "bcd"}},
                  {"leximax-phragmen", {"abd", "acd", "bcd"}},
                  {"maximin-support", {"abd", "acd", "bcd"}}}});
    const std::vector<std::string> nine{"abcd", "abce", "abcf", "acde", "acdf",
                                        "acef", "bcde", "bcdf", "bcef"};
    v.push_back({"profile3",
                 approvals(6, one_each({"adef", "bc", "acf", "c", "abcde", "ade", "ace", "ab"})),
                 4,
                 {{"minimax-phragmen", nine},
                  {"leximax-phragmen", nine},
                  {"maximin-support", {"abcd", "abce", "abcf", "acde", "acdf", "acef"}}}});
    v.push_back({"profile4",
                 approvals(4, {{"abd", 1}, {"ab", 2}, {"ad", 1}, {"cd", 1}}),
                 2,
                 {{"minimax-phragmen", {"ad", "bd"}},
                  {"leximax-phragmen", {"ad", "bd"}},
                  {"maximin-support", {"ad"}}}});
    v.push_back({"profile5",
                 approvals(10, one_each({"abcde", "fghij"})),
                 2,
                 {{"minimax-phragmen", one_from_each},
                  {"leximax-phragmen", one_from_each},
                  {"maximin-support", one_from_each}}});
    return v;
}

} // namespace

TEST(PhragmenRules, EveryCommitteeIsOneOfAbcvotingsOnItsTestInstances) {
    int compared = 0;
    for (const auto& inst : abcvoting_instances())
        for (const auto& [rule, committees] : inst.expected) {
            SCOPED_TRACE(std::string(inst.name) + " " + rule);
            expect_one_of(inst, rule, committees);
            if (std::string(rule) != "maximin-support") expect_report_is_intersection(inst, rule, committees);
            ++compared;
        }
    EXPECT_EQ(compared, 6 * 3);
}

TEST(PhragmenRules, BookExample210MinimaxPhragmenHasFiveCommitteesOfLargestLoadOneHalf) {
    // example210: {a,b,c,d}, {a,b,c,f}, {a,b,d,f}, {a,c,d,f}, {b,c,d,f}. d's two voters, or f's
    // two ({b,c,f} and {f}), carry a whole member each: 1/2 is the least largest load.
    const std::set<std::string> five{"abcd", "abcf", "abdf", "acdf", "bcdf"};
    const auto p = book_example();
    for (const char* order : {"", "\"tie_order\":[\"h\",\"g\",\"f\",\"e\",\"d\"]"}) {
        const auto r = run(p, "minimax-phragmen", options(4, order));
        EXPECT_TRUE(five.count(committee(r))) << committee(r);
        EXPECT_FALSE(r.ties.empty()); // the choice among the five is a recorded tie
        EXPECT_TRUE(has_note(r, "largest voter load of the committee: 1/2 (each member's unit of load split "
                                "among its supporters, per unit of weight)"));
    }
    EXPECT_EQ(committee(run(p, "minimax-phragmen", options(4, ""))), "abcd");
    EXPECT_EQ(committee(run(p, "opt-phragmen", options(4, "\"tie_order\":[\"f\"]"))), "abcf");
    // Under report: the candidates all five share (none).
    const auto rep = run(p, "minimax-phragmen", options(4, "\"tie_break\":\"report\""));
    EXPECT_EQ(committee(rep), "");
    EXPECT_FALSE(rep.complete);
}

TEST(PhragmenRules, BookExample210LeximaxPhragmenElectsOnlyABCF) {
    // example210: "only committee {a, b, c, f} wins according to lexmin-Phragmen". f is carried
    // by {b,c,f} and {f} at 1/2; a, b and c by the eight voters of {a,b}, {a,c}, {a,d} at 3/8.
    const auto p = book_example();
    for (const char* order : {"", "\"tie_order\":[\"h\",\"g\",\"f\",\"e\",\"d\"]"}) {
        const auto r = run(p, "leximax-phragmen", options(4, order));
        EXPECT_EQ(committee(r), "abcf");
        EXPECT_TRUE(r.ties.empty());
        EXPECT_TRUE(r.complete);
        EXPECT_TRUE(has_note(r, "voter loads of the committee, largest first: 1/2 (voters' weight 2), 3/8 "
                                "(voters' weight 8), 0 (voters' weight 2)"));
    }
    // {a,b,c,d}, the minimax rule's first committee, is worse at the second level: 3/7 > 3/8.
    const auto abcd = phragmen_leximax_loads(p, members("abcd"));
    ASSERT_EQ(abcd.levels.size(), 3u);
    EXPECT_EQ(abcd.levels[0], std::make_pair(rational(1, 2), rational(2)));
    EXPECT_EQ(abcd.levels[1], std::make_pair(rational(3, 7), rational(7)));
    const auto abcf = phragmen_leximax_loads(p, members("abcf"));
    // Per distinct ballot, in the order given: ab, ac, ad, bcf, e, f, g.
    EXPECT_EQ(abcf.ballot_load,
              (std::vector<rational>{rational(3, 8), rational(3, 8), rational(3, 8), rational(1, 2),
                                     rational(0), rational(1, 2), rational(0)}));
    EXPECT_EQ(abcf.unsupported, 0u);
}

TEST(PhragmenRules, BookExample21MaximinSupportElectsABCThenDOrFAsAbcvotingDoes) {
    // abcvoting (maximin-support, resolute=False) on the running example, k = 4: {a,b,c,d} and
    // {a,b,c,f}. a (8 supporters); b and c tie at 4 (either way {a,b,c} follows, at 3); d and f
    // tie for the last seat at support 2.
    const auto p = book_example();
    const auto r = run(p, "maximin-support", options(4, ""));
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 1, 2, 3}));
    ASSERT_EQ(r.rounds.size(), 4u);
    EXPECT_EQ(r.rounds[1].tallies[1], rational(4));
    EXPECT_EQ(r.rounds[2].tallies[2], rational(3));
    EXPECT_EQ(r.rounds[3].tallies[3], rational(2));
    EXPECT_EQ(r.rounds[3].tallies[5], rational(2));
    ASSERT_EQ(r.ties.size(), 2u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{1, 2}));
    EXPECT_EQ(r.ties[1].candidates, (std::vector<cand_t>{3, 5}));
    EXPECT_EQ(committee(run(p, "maximin-support", options(4, "\"tie_order\":[\"f\"]"))), "abcf");
}

TEST(PhragmenRules, MaximinSupportReproducesAbcvotingsMaxFlowExample) {
    // abcvoting, abcrules_networkx.py, _nx_maximin_support_scorefct's example 1: voters {b,d},
    // {a,c}, {a,d}, {b,d,e}, k = 3. Support values: a 2, b 2, c 1, d 3, e 1; with {d}: a 2,
    // b 3/2, c 1, e 1; with {d, a}: b 4/3, c 1, e 1.
    const auto p = approvals(5, one_each({"bd", "ac", "ad", "bde"}));
    const auto r = run(p, "maximin-support", options(3, ""));
    EXPECT_EQ(r.winners, (std::vector<cand_t>{3, 0, 1})); // d, a, b in order of election
    ASSERT_EQ(r.rounds.size(), 3u);
    using q = std::optional<rational>;
    EXPECT_EQ(r.rounds[0].tallies,
              (std::vector<q>{rational(2), rational(2), rational(1), rational(3), rational(1)}));
    EXPECT_EQ(r.rounds[1].tallies,
              (std::vector<q>{rational(2), rational(3, 2), rational(1), std::nullopt, rational(1)}));
    EXPECT_EQ(r.rounds[2].tallies,
              (std::vector<q>{std::nullopt, rational(4, 3), rational(1), std::nullopt, rational(1)}));
    EXPECT_TRUE(r.ties.empty());
    // Its weighted example: {b,c} x 1, {c,a} x 2, {b,c} x 1: c 4, then a and b tie at 2.
    profile w({"a", "b", "c"}, ballot_kind::approval);
    w.add_approval(std::vector<cand_t>{1, 2}, 1);
    w.add_approval(std::vector<cand_t>{2, 0}, 1, rational(2));
    w.add_approval(std::vector<cand_t>{1, 2}, 1);
    const auto rw = run(w, "mms", options(2, ""));
    EXPECT_EQ(rw.rounds[0].tallies, (std::vector<q>{rational(2), rational(2), rational(4)}));
    EXPECT_EQ(rw.rounds[1].tallies, (std::vector<q>{rational(2), rational(2), std::nullopt}));
    EXPECT_EQ(rw.winners, (std::vector<cand_t>{2, 0}));
    ASSERT_EQ(rw.ties.size(), 1u);
    EXPECT_EQ(rw.ties[0].candidates, (std::vector<cand_t>{0, 1}));
}

namespace {
// Checks the leximax loads of committee w, level by level, against lp::maximise: with the
// voters above a level held at their loads, the least largest load of the others is that level.
void expect_levels_are_lp_optima(const profile& p, const std::vector<cand_t>& w) {
    const auto l = phragmen_leximax_loads(p, w);
    ASSERT_EQ(l.unsupported, 0u);
    // Variables: x[i][j] for each distinct ballot i approving member j, then t.
    std::vector<std::vector<std::size_t>> var(p.unique_count(), std::vector<std::size_t>(w.size(), SIZE_MAX));
    std::size_t n = 0;
    std::vector<rational> weight(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        weight[i] = rational(b.count) * (b.weight ? *b.weight : rational(1));
        for (const auto& m : b.marks)
            for (std::size_t j = 0; j < w.size(); ++j)
                if (m.candidate == w[j]) var[i][j] = n++;
    }
    const std::size_t t = n++;
    for (const auto& [level, at] : l.levels) {
        if (sign(level) == 0) continue;
        lp::problem pr;
        pr.variables = n;
        pr.objective.assign(n, rational(0));
        pr.objective[t] = -1; // maximise -t
        for (std::size_t j = 0; j < w.size(); ++j) {
            lp::constraint c{std::vector<rational>(n, rational(0)), lp::relation::equal, rational(1)};
            for (std::size_t i = 0; i < var.size(); ++i)
                if (var[i][j] != SIZE_MAX) c.coefficients[var[i][j]] = weight[i];
            pr.constraints.push_back(std::move(c));
        }
        for (std::size_t i = 0; i < var.size(); ++i) {
            lp::constraint c{std::vector<rational>(n, rational(0)), lp::relation::less_equal, rational(0)};
            bool any = false;
            for (std::size_t j = 0; j < w.size(); ++j)
                if (var[i][j] != SIZE_MAX) c.coefficients[var[i][j]] = 1, any = true;
            if (!any) continue;
            if (l.ballot_load[i] > level)
                c.rhs = l.ballot_load[i]; // held at its (higher) level
            else
                c.coefficients[t] = -1; // at most t
            pr.constraints.push_back(std::move(c));
        }
        const auto s = lp::maximise(pr);
        ASSERT_EQ(s.state, lp::status::optimal);
        EXPECT_EQ(-s.value, level);
    }
}
} // namespace

TEST(PhragmenRules, LeximaxLoadsAreTheExactLpOptimaLevelByLevelOnRandomProfiles) {
    std::mt19937_64 rng(20261205);
    int checked = 0;
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t m = 4 + trial % 4;
        std::vector<std::string> names;
        for (std::size_t c = 0; c < m; ++c) names.emplace_back(1, static_cast<char>('a' + c));
        profile p(names, ballot_kind::approval);
        for (int b = 0; b < 9; ++b) {
            std::vector<cand_t> a;
            for (cand_t c = 0; c < m; ++c)
                if (rng() % 5 < 2) a.push_back(c);
            if (trial % 3 == 0)
                p.add_approval(a, 1 + rng() % 3, rational(static_cast<std::int64_t>(1 + rng() % 4), 3));
            else
                p.add_approval(a, 1 + rng() % 3);
        }
        std::vector<cand_t> w;
        for (cand_t c = 0; c < m; ++c)
            if (rng() % 2 == 0) w.push_back(c);
        if (w.empty() || phragmen_leximax_loads(p, w).unsupported > 0) continue;
        SCOPED_TRACE(trial);
        expect_levels_are_lp_optima(p, w);
        ++checked;
    }
    EXPECT_GE(checked, 15);
}

TEST(PhragmenRules, WeightedVotersCarryPerUnitOfWeightAndUnapprovedMembersComeLast) {
    // {a} x weight 3, {b} x weight 1, k = 1: minimax elects a (load 1/3, not 1).
    profile p({"a", "b", "c"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0}, 1, rational(3));
    p.add_approval(std::vector<cand_t>{1}, 1);
    EXPECT_EQ(committee(run(p, "minimax-phragmen", options(1, ""))), "a");
    EXPECT_EQ(committee(run(p, "leximax-phragmen", options(1, ""))), "a");
    // k = 3 > the two approved candidates: c joins, approved by nobody, as in abcvoting.
    const auto r = run(p, "leximax-phragmen", options(3, ""));
    EXPECT_EQ(committee(r), "abc");
    EXPECT_TRUE(has_note(r, "voter loads of the committee, largest first: 1 (voters' weight 1), 1/3 (voters' "
                            "weight 3); 1 member(s) approved by nobody (fewer candidates are approved than "
                            "seats)"));
    // Maximin support: c alone has support 0; after a and b every addition has support 0.
    EXPECT_EQ(run(p, "maximin-support", options(3, "")).winners, (std::vector<cand_t>{0, 1, 2}));
}

TEST(PhragmenRules, SearchLimitAndMemberLimitAreEnforced) {
    // Options common to the committee rules: AbcRules.OptionsAreReadStrictly.
    const auto p = book_example();
    try {
        run(p, "leximax-phragmen", R"({"seats":4,"max_committees":69})"); // C(8, 4) = 70
        ADD_FAILURE() << "the search limit was not enforced";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("max_committees"), std::string::npos) << e.what();
    }
    // The search reports progress and stops when the callback says so (Monroe's too).
    std::vector<double> seen;
    const auto done = run(p, "leximax-phragmen", R"({"seats":4})", [&](double f) {
        seen.push_back(f);
        return true;
    });
    EXPECT_EQ(committee(done), "abcf");
    EXPECT_EQ(seen, std::vector<double>{0.0}); // C(8, 4) = 70 committees: only the first call
    const auto c6 = approvals(12, {{"abcdef", 1}, {"ghijkl", 1}}); // C(12, 6) = 924 committees
    seen.clear();
    (void)run(c6, "minimax-phragmen", R"({"seats":6})", [&](double f) {
        seen.push_back(f);
        return true;
    });
    EXPECT_EQ(seen.size(), 4u); // 0, then after 256, 512 and 768 committees
    for (const char* rule : {"minimax-phragmen", "leximax-phragmen", "monroe"}) {
        try {
            (void)run(c6, rule, R"({"seats":6})", [](double f) { return f < 0.5; });
            ADD_FAILURE() << rule << " was not cancelled";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::cancelled) << rule;
        }
    }
    // More than 16 members: refused, naming the limit.
    std::vector<std::string> names;
    for (int c = 0; c < 18; ++c) names.push_back("c" + std::to_string(c));
    profile big(names, ballot_kind::approval);
    std::vector<cand_t> all(18);
    std::iota(all.begin(), all.end(), 0);
    big.add_approval(all, 1);
    try {
        run(big, "maximin-support", R"({"seats":17})");
        ADD_FAILURE() << "17 seats accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("16"), std::string::npos) << e.what();
    }
    EXPECT_THROW(phragmen_leximax_loads(p, {0, 0}), error); // a member given twice
    const profile ranked({"a", "b"});
    EXPECT_THROW(run(ranked, "maximin-support", R"({"seats":1})"), error); // approval ballots only
}
