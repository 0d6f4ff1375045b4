// accord::check: the published examples (IRV's monotonicity failure, seq-Phragmén's EJR failure)
// are found, with witnesses that recount as claimed; each criterion passes and fails where it should.
#include "accord/check.hpp"
#include "accord/registry.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace accord;

namespace {

/// Strict rankings written as letters: {"ABC", 7} = 7 x A > B > C.
profile orders(const std::string& cands, const std::vector<std::pair<std::string, std::uint64_t>>& ballots) {
    std::vector<std::string> names;
    for (char c : cands) names.emplace_back(1, c);
    profile p(names);
    for (const auto& [o, n] : ballots) {
        std::vector<cand_t> v;
        for (char c : o) v.push_back(static_cast<cand_t>(cands.find(c)));
        p.add_order(v, n);
    }
    return p;
}

profile approvals(std::size_t n_cand,
                  const std::vector<std::pair<std::vector<cand_t>, std::uint64_t>>& ballots) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n_cand; ++i) names.push_back("c" + std::to_string(i));
    profile p(names, ballot_kind::approval);
    for (const auto& [a, n] : ballots) p.add_approval(a, n);
    return p;
}

/// Tannenbaum, Excursions in Modern Mathematics (plurality-with-elimination): C wins; if the 4
/// A > C > B voters move C to first, B wins.
profile tannenbaum() { return orders("ABC", {{"ABC", 7}, {"BCA", 8}, {"CAB", 10}, {"ACB", 4}}); }

/// Brill, Freeman, Janson & Lackner (AAAI 2017), abcvoting's "Properties of committees" page:
/// seq-Phragmén with k = 12 fails EJR.
profile brill() {
    std::vector<cand_t> all2, all3, all4;
    for (cand_t c = 2; c < 14; ++c) all2.push_back(c);
    for (cand_t c = 3; c < 14; ++c) all3.push_back(c);
    for (cand_t c = 4; c < 14; ++c) all4.push_back(c);
    return approvals(14, {{{0, 1, 2}, 2}, {{0, 1, 3}, 2}, {all2, 6}, {all3, 5}, {all4, 9}});
}

std::vector<std::string> winner_names(const profile& p, const std::vector<cand_t>& w) {
    std::vector<std::string> v;
    for (cand_t c : w) v.push_back(p.candidate_name(c));
    return v;
}

check_verdict verdict(const check_report& r, const char* name) {
    const check_item* c = r.find(name);
    EXPECT_NE(c, nullptr) << name;
    return c ? c->verdict : check_verdict::unknown;
}

} // namespace

TEST(Check, IrvFailsMonotonicityOnTannenbaumsPublishedExample) {
    const profile p = tannenbaum();
    const check_report r = check(p, "irv", {.only = {"monotonicity"}});
    EXPECT_EQ(winner_names(p, r.outcome.winners), std::vector<std::string>{"C"});
    const check_item& m = *r.find("monotonicity");
    ASSERT_EQ(m.verdict, check_verdict::fail) << m.reason;
    EXPECT_TRUE(m.exact);
    ASSERT_TRUE(m.witness);
    // The published change: all 4 A > C > B voters raise C to first (no smaller change works
    // without a tie), and then B wins: 14 C > A > B ballots, no A > C > B left.
    EXPECT_NE(m.change.find("the first 4 voter(s) ranking A first and C second swap the two"),
              std::string::npos)
        << m.change;
    EXPECT_EQ(winner_names(*m.witness, m.witness_winners), std::vector<std::string>{"B"});
    // The witness recounts as claimed, independently of the check.
    const result again = run(*m.witness, "irv");
    EXPECT_EQ(winner_names(*m.witness, again.winners), std::vector<std::string>{"B"});
    EXPECT_EQ(m.witness->total_count(), p.total_count());
    const profile expected = orders("ABC", {{"ABC", 7}, {"BCA", 8}, {"CAB", 14}});
    ASSERT_EQ(m.witness->unique_count(), expected.unique_count());
    for (std::size_t i = 0; i < expected.unique_count(); ++i) {
        const auto want = tiers_of(expected, expected.ballot(i));
        bool seen = false;
        for (std::size_t j = 0; j < m.witness->unique_count(); ++j)
            if (tiers_of(*m.witness, m.witness->ballot(j)) == want)
                seen = m.witness->ballot(j).count == expected.ballot(i).count;
        EXPECT_TRUE(seen) << "ballot " << i;
    }
}

TEST(Check, IrvFailsMonotonicityOnStraffinsExample) {
    // Straffin, Topics in the Theory of Voting: A wins; 2 B > A > C voters rank A first, C wins.
    const profile p = orders("ABC", {{"ABC", 6}, {"BAC", 2}, {"BCA", 4}, {"CAB", 5}});
    const check_report r = check(p, "irv", {.only = {"monotonicity"}});
    EXPECT_EQ(winner_names(p, r.outcome.winners), std::vector<std::string>{"A"});
    const check_item& m = *r.find("monotonicity");
    ASSERT_EQ(m.verdict, check_verdict::fail) << m.reason;
    // The first B-first voters in ballot order are the 2 B > A > C voters: they swap B and A.
    EXPECT_NE(m.change.find("the first 2 voter(s) ranking B first and A second swap the two"),
              std::string::npos)
        << m.change;
    EXPECT_EQ(winner_names(*m.witness, run(*m.witness, "irv").winners), std::vector<std::string>{"C"});
}

TEST(Check, BordaPassesMonotonicityExhaustively) {
    const profile p = tannenbaum();
    const check_item m = *check(p, "borda", {.only = {"monotonicity"}}).find("monotonicity");
    EXPECT_EQ(m.verdict, check_verdict::pass) << m.reason;
    EXPECT_TRUE(m.exact) << m.reason;
    EXPECT_GT(m.evaluated, 10u);
}

TEST(Check, SearchLimitMakesABoundedPassSayWhereItStopped) {
    const profile p = tannenbaum();
    const check_item m =
        *check(p, "borda", {.search_limit = 3, .only = {"monotonicity"}}).find("monotonicity");
    EXPECT_EQ(m.verdict, check_verdict::pass);
    EXPECT_FALSE(m.exact);
    EXPECT_EQ(m.evaluated, 3u);
    EXPECT_NE(m.reason.find("stopped at search_limit 3"), std::string::npos) << m.reason;
}

TEST(Check, IrvFailsParticipationOnTannenbaumsExample) {
    // 3 more B > C > A voters: C is eliminated first and A wins, whom they rank below C.
    const profile p = tannenbaum();
    const check_item m = *check(p, "irv", {.only = {"participation"}}).find("participation");
    ASSERT_EQ(m.verdict, check_verdict::fail) << m.reason;
    EXPECT_NE(m.change.find("adding 3 voter(s) casting B > C > A"), std::string::npos) << m.change;
    EXPECT_EQ(winner_names(*m.witness, run(*m.witness, "irv").winners), std::vector<std::string>{"A"});
    EXPECT_EQ(m.witness->total_count(), p.total_count() + 3);
}

TEST(Check, BordaPassesParticipation) {
    const profile p = orders("ABC", {{"ABC", 3}, {"BCA", 2}, {"CAB", 2}});
    EXPECT_EQ(verdict(check(p, "borda", {.only = {"participation"}}), "participation"), check_verdict::pass);
}

TEST(Check, PluralityFailsClonesByVoteSplittingAndIrvPasses) {
    const profile p = orders("AB", {{"AB", 4}, {"BA", 3}});
    const check_item pl = *check(p, "plurality", {.only = {"clones"}}).find("clones");
    ASSERT_EQ(pl.verdict, check_verdict::fail) << pl.reason;
    ASSERT_TRUE(pl.witness);
    EXPECT_EQ(pl.witness->candidate_count(), 3u);
    EXPECT_EQ(winner_names(*pl.witness, run(*pl.witness, "plurality").winners),
              std::vector<std::string>{"B"});
    const check_item irv = *check(tannenbaum(), "irv", {.only = {"clones"}}).find("clones");
    EXPECT_EQ(irv.verdict, check_verdict::pass) << irv.reason;
    EXPECT_TRUE(irv.exact);
}

TEST(Check, PluralityFailsCondorcetWinnerAndLoserWhereSchulzePasses) {
    // B beats A 4-3 and C 5-2; A loses to both, yet has the most first preferences.
    const profile p = orders("ABC", {{"ABC", 3}, {"BCA", 2}, {"CBA", 2}});
    const check_report pl = check(p, "plurality");
    EXPECT_EQ(verdict(pl, "condorcet-winner"), check_verdict::fail);
    EXPECT_EQ(verdict(pl, "condorcet-loser"), check_verdict::fail);
    EXPECT_EQ(verdict(pl, "smith"), check_verdict::fail);
    EXPECT_EQ(pl.find("condorcet-winner")->about, std::vector<cand_t>{1});
    const check_report sc = check(p, "schulze");
    EXPECT_EQ(verdict(sc, "condorcet-winner"), check_verdict::pass);
    EXPECT_EQ(verdict(sc, "condorcet-loser"), check_verdict::pass);
    EXPECT_EQ(verdict(sc, "smith"), check_verdict::pass);
    EXPECT_EQ(verdict(sc, "pareto"), check_verdict::pass);
}

TEST(Check, BordaFailsMajorityAndMutualMajority) {
    // A is the first choice of 3 of 5 voters; Borda gives A 6 and B 7.
    const profile p = orders("ABC", {{"ABC", 3}, {"BCA", 2}});
    const check_report b = check(p, "borda");
    EXPECT_EQ(winner_names(p, b.outcome.winners), std::vector<std::string>{"B"});
    EXPECT_EQ(verdict(b, "majority"), check_verdict::fail);
    EXPECT_EQ(verdict(b, "mutual-majority"), check_verdict::fail);
    EXPECT_EQ(b.find("mutual-majority")->about, std::vector<cand_t>{0});
    const check_report pl = check(p, "plurality");
    EXPECT_EQ(verdict(pl, "majority"), check_verdict::pass);
    EXPECT_EQ(verdict(pl, "mutual-majority"), check_verdict::pass);
}

TEST(Check, MutualMajorityFindsASetNoCandidateOfWhichHasAMajority) {
    // {A, B} is ranked above C by 6 of 10 voters, but neither A nor B is a majority's first choice.
    const profile p = orders("ABC", {{"ABC", 3}, {"BAC", 3}, {"CAB", 4}});
    const check_report pl = check(p, "plurality");
    EXPECT_EQ(winner_names(p, pl.outcome.winners), std::vector<std::string>{"C"});
    EXPECT_EQ(verdict(pl, "majority"), check_verdict::not_applicable);
    EXPECT_EQ(verdict(pl, "mutual-majority"), check_verdict::fail);
    EXPECT_EQ(pl.find("mutual-majority")->about, (std::vector<cand_t>{0, 1}));
}

TEST(Check, SeqPhragmenFailsEjrOnBrillEtAlTextbookExample) {
    const profile p = brill();
    const check_report r = check(p, "seq-phragmen", {.rule_options = R"({"seats": 12})"});
    ASSERT_EQ(r.outcome.winners.size(), 12u);
    // seq-Phragmén satisfies PJR (and so JR) on every profile; here it fails EJR.
    EXPECT_EQ(verdict(r, "jr"), check_verdict::pass);
    EXPECT_EQ(verdict(r, "pjr"), check_verdict::pass);
    const check_item& e = *r.find("ejr");
    ASSERT_EQ(e.verdict, check_verdict::fail) << e.reason;
    EXPECT_TRUE(e.exact);
    // The 4 voters approving c0 and c1 are 2-cohesive (4 >= 2 x 24/12), but each has one member.
    EXPECT_EQ(e.common, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(e.group_weight, rational(4));
    EXPECT_EQ(e.group.size(), 2u);
    for (cand_t w : r.outcome.winners) EXPECT_TRUE(w != 0 && w != 1);
}

TEST(Check, PavSatisfiesEjrOnTheSameProfile) {
    const check_report r = check(brill(), "pav", {.rule_options = R"({"seats": 12})", .only = {"ejr"}});
    EXPECT_EQ(verdict(r, "ejr"), check_verdict::pass);
}

TEST(Check, ApprovalVotingFailsJustifiedRepresentation) {
    // k = 3, n = 9: the 3 voters approving only c3 are 1-cohesive and unrepresented.
    const profile p = approvals(4, {{{0, 1, 2}, 6}, {{3}, 3}});
    const check_report r = check(p, "av", {.rule_options = R"({"seats": 3})"});
    const check_item& jr = *r.find("jr");
    ASSERT_EQ(jr.verdict, check_verdict::fail) << jr.reason;
    EXPECT_EQ(jr.common, std::vector<cand_t>{3});
    EXPECT_EQ(jr.group_weight, rational(3));
    EXPECT_EQ(verdict(r, "pjr"), check_verdict::fail);
    EXPECT_EQ(verdict(r, "ejr"), check_verdict::fail);
    EXPECT_EQ(verdict(r, "monotonicity"), check_verdict::pass);
    EXPECT_EQ(verdict(r, "condorcet-winner"), check_verdict::not_applicable);
}

TEST(Check, CohesiveLimitLeavesEjrUnknownRatherThanPassing) {
    const check_report r =
        check(brill(), "pav", {.rule_options = R"({"seats": 12})", .cohesive_limit = 1, .only = {"ejr"}});
    EXPECT_EQ(verdict(r, "ejr"), check_verdict::unknown);
}

TEST(Check, RefusesUnknownChecksOptionsAndZeroLimits) {
    const profile p = tannenbaum();
    try {
        check(p, "irv", {.only = {"monotony"}});
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
    }
    try {
        check_json(p, "irv", R"({"serach_limit": 3})");
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("serach_limit"), std::string::npos);
    }
    EXPECT_THROW(check(p, "irv", {.search_limit = 0}), error);
    EXPECT_THROW(check(p, "no-such-rule"), error);
    // An option the rule does not use is refused by the rule, as accord::run does.
    EXPECT_THROW(check(p, "irv", {.rule_options = R"({"seats": 2})"}), error);
}

TEST(Check, JsonCarriesTheWitnessBallotsAndWinners) {
    const auto j = nlohmann::json::parse(check_json(tannenbaum(), "irv", R"({"checks": ["monotonicity"]})"));
    EXPECT_EQ(j["winners"], nlohmann::json::array({"C"}));
    const auto& m = j["checks"][0];
    EXPECT_EQ(m["verdict"], "fail");
    EXPECT_EQ(m["witness"]["winners"], nlohmann::json::array({"B"}));
    bool raised = false;
    for (const auto& b : m["witness"]["ballots"])
        if (b["ranking"] == nlohmann::json::parse(R"([["C"],["A"],["B"]])")) raised = b["count"] == 14;
    EXPECT_TRUE(raised) << m.dump();
}

TEST(Check, IrvIsManipulableByACoalitionOnTannenbaumsExample) {
    // The 15 voters who prefer B to the winner C (7 A > B > C, 8 B > C > A) all cast B > A > C:
    // A, with 4 first choices, goes first, and B beats C 15 to 14.
    const profile p = tannenbaum();
    const check_item m = *check(p, "irv", {.only = {"manipulation"}}).find("manipulation");
    ASSERT_EQ(m.verdict, check_verdict::fail) << m.reason;
    EXPECT_NE(m.change.find("the 15 voter(s) who rank B above C all cast B > A > C"), std::string::npos)
        << m.change;
    EXPECT_EQ(winner_names(*m.witness, run(*m.witness, "irv").winners), std::vector<std::string>{"B"});
}

TEST(Check, AMajorityWinnerUnderPluralityResistsCommonBallotManipulation) {
    const profile p = orders("ABC", {{"ABC", 3}, {"BCA", 2}});
    const check_item m = *check(p, "plurality", {.only = {"manipulation"}}).find("manipulation");
    EXPECT_EQ(m.verdict, check_verdict::pass) << m.reason;
    EXPECT_FALSE(m.exact);       // only common ballots were tried
    EXPECT_EQ(m.evaluated, 12u); // B and C each: 3! rankings
}

TEST(Check, CommitteeParetoMatchesAbcvotingOnBrillEtAlAndCatchesADominatedCommittee) {
    // abcvoting's full analysis of this committee: Pareto optimal, JR, PJR, not EJR.
    const check_report r =
        check(brill(), "seq-phragmen", {.rule_options = R"({"seats": 12})", .only = {"pareto"}});
    EXPECT_EQ(verdict(r, "pareto"), check_verdict::pass);
    EXPECT_EQ(r.find("pareto")->evaluated, 91u); // C(14, 12) committees
    // One voter approving {b, c}: every committee of 2 scores 1 for Chamberlin-Courant, and the
    // lexicographic tie-break picks {a, b}, which {b, c} dominates.
    const profile p = approvals(3, {{{1, 2}, 1}});
    const check_report cc = check(p, "cc", {.rule_options = R"({"seats": 2})", .only = {"pareto"}});
    ASSERT_EQ(cc.outcome.winners, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(verdict(cc, "pareto"), check_verdict::fail);
    EXPECT_EQ(cc.find("pareto")->about, (std::vector<cand_t>{1, 2}));
}
