// Committee rules and participatory budgeting against published worked examples:
// Lackner & Skowron, "Multi-Winner Voting with Approval Preferences" (Springer, 2023), as
// reproduced by the abcvoting package's expected outputs (tests/expected_output/
// test_abcbook_example*): Example 1's instance (12 voters, 8 candidates, k = 4) under PAV
// (Example 4: {a, b, c, f}, score 83/6), seq-Phragmén (Example 9: a, b, c, d with loads 1/8,
// 11/32, 55/128, 5/8) and Equal Shares with Phragmén completion (Example 11: a at price 1/8,
// then b, c, d at loads 1/96, 37/384, 7/24); Example 5 (PAV {a, c} score 19; seq-PAV d then c,
// 37/2) and Janson's weighted Thiele example (PAV {a, b} 9651; seq-PAV c then a, 9641).
// Plus party-list proportionality, weights = duplicated ballots, and bad options.
#include "accord/registry.hpp"
#include "accord/rules/committee.hpp"
#include "test_data.hpp"

#include "accord/io/read.hpp"

#include <nlohmann/json.hpp>

#include <set>

using namespace accord;
using json = nlohmann::json;

namespace {

profile approvals(const std::vector<std::string>& names, const std::vector<std::pair<std::uint64_t, std::string>>& groups) {
    profile p(names, ballot_kind::approval);
    for (const auto& [count, set] : groups) {
        std::vector<cand_t> a;
        for (char ch : set) a.push_back(static_cast<cand_t>(ch - 'a'));
        p.add_approval(a, count);
    }
    return p;
}

const std::vector<std::string> k_abcdefgh{"a", "b", "c", "d", "e", "f", "g", "h"};

profile example1() {
    return approvals(k_abcdefgh, {{3, "ab"}, {3, "ac"}, {2, "ad"}, {1, "bcf"}, {1, "e"}, {1, "f"}, {1, "g"}});
}

std::vector<std::string> names_of(const result& r) {
    std::vector<std::string> v;
    for (cand_t c : r.winners) v.push_back(r.candidates[c]);
    return v;
}

std::set<std::string> set_of(const result& r) {
    auto v = names_of(r);
    return {v.begin(), v.end()};
}

} // namespace

TEST(Committee, PavOnTheBookExample) {
    const result r = run(example1(), "pav", R"({"seats":4})");
    EXPECT_EQ(set_of(r), (std::set<std::string>{"a", "b", "c", "f"}));
    EXPECT_NE(r.notes.back().find("83/6"), std::string::npos) << r.notes.back();
    EXPECT_TRUE(r.ties.empty()); // the book: one winning committee
}

TEST(Committee, SeqPhragmenOnTheBookExample) {
    const result r = run(example1(), "seq-phragmen", R"({"seats":4})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"a", "b", "c", "d"}));
    // The maximal load after each addition: 1/8, 11/32, 55/128, 5/8.
    ASSERT_EQ(r.rounds.size(), 4u);
    EXPECT_EQ(*r.rounds[0].tallies[0], rational(1, 8));
    EXPECT_EQ(*r.rounds[1].tallies[1], rational(11, 32));
    EXPECT_EQ(*r.rounds[2].tallies[2], rational(55, 128));
    EXPECT_EQ(*r.rounds[3].tallies[3], rational(5, 8));
    // b and c tie for the second seat (both 11/32); the book breaks it for b, as does the
    // default lexicographic policy, and the tie is recorded.
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{1, 2}));
}

TEST(Committee, EqualSharesWithPhragmenCompletionOnTheBookExample) {
    const result r = run(example1(), "equal-shares", R"({"seats":4})");
    EXPECT_EQ(names_of(r), (std::vector<std::string>{"a", "b", "c", "d"}));
    ASSERT_EQ(r.rounds.size(), 4u);
    EXPECT_EQ(*r.rounds[0].tallies[0], rational(1, 8));    // a at 1/8 per voter
    EXPECT_EQ(*r.rounds[1].tallies[1], rational(1, 96));   // completion: b
    EXPECT_EQ(*r.rounds[2].tallies[2], rational(37, 384)); // c
    EXPECT_EQ(*r.rounds[3].tallies[3], rational(7, 24));   // d
    const result none = run(example1(), "equal-shares", R"({"seats":4,"completion":"none"})");
    EXPECT_EQ(names_of(none), (std::vector<std::string>{"a"}));
}

TEST(Committee, BookExample5AndJansonsThieleExample) {
    const profile ex5 = approvals({"a", "b", "c", "d"}, {{3, "ab"}, {6, "ad"}, {4, "b"}, {5, "c"}, {5, "cd"}});
    const result pav = run(ex5, "pav", R"({"seats":2})");
    EXPECT_EQ(set_of(pav), (std::set<std::string>{"a", "c"}));
    EXPECT_NE(pav.notes.back().find(": 19"), std::string::npos) << pav.notes.back();
    const result seq = run(ex5, "seq-pav", R"({"seats":2})");
    EXPECT_EQ(names_of(seq), (std::vector<std::string>{"d", "c"}));
    EXPECT_EQ(*seq.rounds[0].tallies[3], rational(11));
    EXPECT_EQ(*seq.rounds[1].tallies[2], rational(15, 2));
    EXPECT_NE(seq.notes.back().find("37/2"), std::string::npos);

    const profile janson = approvals({"a", "b", "c", "d"}, {{960, "acd"}, {3000, "bcd"}, {520, "bc"}, {1620, "ab"}, {1081, "ad"},
                                                            {1240, "ac"}, {360, "bd"}, {360, "d"}, {120, "c"}, {60, "b"}});
    const result jp = run(janson, "pav", R"({"seats":2})");
    EXPECT_EQ(set_of(jp), (std::set<std::string>{"a", "b"}));
    EXPECT_NE(jp.notes.back().find("9651"), std::string::npos);
    const result js = run(janson, "seq-pav", R"({"seats":2})");
    EXPECT_EQ(names_of(js), (std::vector<std::string>{"c", "a"}));
    EXPECT_NE(js.notes.back().find("9641"), std::string::npos);
}

TEST(Committee, PartyListsGetProportionalSeats) {
    // 60 voters approve party X's five candidates, 40 party Y's five; 5 seats: 3 and 2 under
    // every proportional rule (as D'Hondt gives), where plain approval would give X all five.
    std::vector<std::string> names{"x1", "x2", "x3", "x4", "x5", "y1", "y2", "y3", "y4", "y5"};
    profile p(names, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0, 1, 2, 3, 4}, 60);
    p.add_approval(std::vector<cand_t>{5, 6, 7, 8, 9}, 40);
    for (const char* rule : {"pav", "seq-pav", "seq-phragmen", "equal-shares"}) {
        const result r = run(p, rule, R"({"seats":5})");
        const auto x = std::count_if(r.winners.begin(), r.winners.end(), [](cand_t c) { return c < 5; });
        EXPECT_EQ(x, 3) << rule;
        EXPECT_EQ(r.winners.size(), 5u) << rule;
    }
}

TEST(Committee, WeightsEqualDuplicatedBallotsAndOrderDoesNotMatter) {
    profile a({"a", "b", "c", "d"}, ballot_kind::approval), b({"a", "b", "c", "d"}, ballot_kind::approval);
    a.add_approval(std::vector<cand_t>{0, 1}, 1, rational(3));
    a.add_approval(std::vector<cand_t>{2}, 2);
    a.add_approval(std::vector<cand_t>{3, 2}, 1);
    b.add_approval(std::vector<cand_t>{3, 2}, 1);
    b.add_approval(std::vector<cand_t>{2}, 1);
    b.add_approval(std::vector<cand_t>{0, 1}, 3);
    b.add_approval(std::vector<cand_t>{2}, 1);
    for (const char* rule : {"pav", "seq-pav", "seq-phragmen", "equal-shares"}) {
        const result x = run(a, rule, R"({"seats":2})"), y = run(b, rule, R"({"seats":2})");
        EXPECT_EQ(x.winners, y.winners) << rule;
        ASSERT_EQ(x.rounds.size(), y.rounds.size()) << rule;
        for (std::size_t k = 0; k < x.rounds.size(); ++k) EXPECT_EQ(x.rounds[k].tallies, y.rounds[k].tallies) << rule;
    }
}

TEST(Budget, GreedyAndEqualSharesWithinTheBudget) {
    // Budget 100. P1 (cost 60) approved by the 6 voters of group X, P2 (40) by X as well,
    // P3 (40) by the 4 voters of group Y, P4 (20) by everyone.
    profile p({"P1", "P2", "P3", "P4"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0, 1, 3}, 6);
    p.add_approval(std::vector<cand_t>{2, 3}, 4);
    const std::string costs = R"("costs":{"P1":60,"P2":40,"P3":40,"P4":20})";
    // Greedy by approvals: P4 (10), P1 (6) -> 80 spent; P2 and P3 (40 each) no longer fit.
    const result g = run(p, "budget", "{\"budget\":100," + costs + "}");
    EXPECT_EQ(names_of(g), (std::vector<std::string>{"P4", "P1"}));
    EXPECT_NE(g.notes.back().find("spent 80 of 100"), std::string::npos);
    // Equal shares: each voter holds 10 (X 60, Y 40). P4 first (2 per voter); then X has 48
    // left, enough for P2 (40/6 each) but not P1 (60), and Y has 32, not enough for P3 (40).
    const result m = run(p, "budget", "{\"budget\":100,\"method\":\"equal-shares\"," + costs + "}");
    EXPECT_EQ(names_of(m), (std::vector<std::string>{"P4", "P2"}));
    EXPECT_EQ(*m.rounds[0].tallies[3], rational(2));
    EXPECT_EQ(*m.rounds[1].tallies[1], rational(20, 3));
    // Greedy completion spends the rest where it fits (40 left: P3).
    const result mc = run(p, "budget", "{\"budget\":100,\"method\":\"equal-shares\",\"completion\":\"greedy\"," + costs + "}");
    EXPECT_EQ(names_of(mc), (std::vector<std::string>{"P4", "P2", "P3"}));
}

TEST(Committee, BadOptionsAreNamed) {
    const profile p = example1();
    auto message = [&](const char* method, const std::string& o) {
        try {
            run(p, method, o);
        } catch (const error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(message("pav", "{}").find("seats"), std::string::npos);
    EXPECT_NE(message("seq-pav", R"({"seats":9})").find("candidates"), std::string::npos);
    EXPECT_NE(message("equal-shares", R"({"seats":2,"completion":"add1"})").find("completion"), std::string::npos);
    EXPECT_NE(message("pav", R"({"seats":4,"max_committees":3})").find("seq-pav"), std::string::npos);
    EXPECT_NE(message("budget", R"({"budget":10,"costs":{"a":1}})").find("'b'"), std::string::npos);
    EXPECT_NE(message("budget", R"({"costs":{"a":1}})").find("budget"), std::string::npos);
    EXPECT_NE(message("budget", R"({"budget":10,"costs":{"a":-1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1}})").find("cost"),
              std::string::npos);
    EXPECT_NE(message("budget", R"({"budget":"lots","costs":[1,1,1,1,1,1,1,1]})").find("budget"), std::string::npos);
    profile ranked({"a", "b"});
    ranked.add_order(std::vector<cand_t>{0, 1});
    try {
        run(ranked, "seq-pav", R"({"seats":1})");
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("from_ranking"), std::string::npos);
    }
    EXPECT_EQ(run(ranked, "seq-pav", R"({"seats":1,"from_ranking":"first-tier"})").winners, (std::vector<cand_t>{0}));
}

TEST(Committee, FrenchApprovalExperiment) {
    // PrefLib 00026: the 2002 French presidential approval experiment, approvals tied first in
    // .toc files. The first seq-PAV pick is the approval winner, computed here independently.
    ACCORD_SHARED_FILE(f, "preflib/00026 - frenchapproval/00026-00000001.toc");
    const profile p = read_profile(f);
    std::vector<rational> approvals(p.candidate_count(), rational(0));
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        if (b.marks.empty()) continue;
        const auto top = b.marks.front().value;
        for (const auto& m : b.marks)
            if (m.value == top && m.candidate != k_overvote) approvals[m.candidate] += rational(b.count);
    }
    const auto best = std::max_element(approvals.begin(), approvals.end()) - approvals.begin();
    for (const char* rule : {"seq-pav", "seq-phragmen", "equal-shares"}) {
        const result r = run(p, rule, R"({"seats":3,"from_ranking":"first-tier"})");
        ASSERT_EQ(r.winners.size(), 3u) << rule;
        EXPECT_EQ(static_cast<std::ptrdiff_t>(r.winners.front()), best) << rule;
        EXPECT_EQ(*r.scores[r.winners.front()], approvals[static_cast<std::size_t>(best)]) << rule;
    }
}
