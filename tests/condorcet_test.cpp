// Condorcet-family rules: hand-checked examples, real elections (Debian, Burlington) and
// properties over seeded random profiles.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/rules/condorcet.hpp"
#include "accord/rules/irv.hpp"
#include "accord/rules/majority_graph-inl.hpp"
#include "accord/rules/pairwise-inl.hpp"
#include "accord/rules/positional.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>

using namespace accord;
using accord_test::named;
using accord_test::parse_ranking;
using accord_test::tennessee;
using accord_test::tiers;
using accord_test::winner;
using accord_test::winner_names;

namespace {

// Schulze (2011), section 3.1, example 1: 45 voters, 5 candidates; E wins, ranking
// E > A > C > B > D.
profile schulze_example_1() {
    profile p({"A", "B", "C", "D", "E"});
    auto add = [&](const char* s, std::uint64_t n) {
        std::vector<cand_t> o;
        for (const char* c = s; *c; ++c) o.push_back(static_cast<cand_t>(*c - 'A'));
        p.add_order(o, n);
    };
    add("ACBED", 5);
    add("ADECB", 5);
    add("BEDAC", 8);
    add("CABED", 3);
    add("CAEBD", 7);
    add("CBADE", 2);
    add("DCEBA", 7);
    add("EBADC", 8);
    return p;
}

// A > B > C > A, each 2-1, and D last on every ballot.
profile cycle_plus_loser() {
    profile p({"A", "B", "C", "D"});
    p.add_order(std::vector<cand_t>{0, 1, 2, 3});
    p.add_order(std::vector<cand_t>{1, 2, 0, 3});
    p.add_order(std::vector<cand_t>{2, 0, 1, 3});
    return p;
}

} // namespace

// ---- the pairwise matrix ---------------------------------------------------------------------

TEST(Pairwise, TennesseeMatrixMatchesHandCount) {
    auto m = tally_pairwise<std::int64_t>(tennessee());
    EXPECT_EQ(m(1, 2), 68);
    EXPECT_EQ(m(2, 1), 32);
    EXPECT_EQ(m(2, 3), 83);
    EXPECT_EQ(m(0, 1), 42);
    EXPECT_EQ(m(1, 0), 58);
    EXPECT_EQ(condorcet_winner(m), cand_t{1});
    EXPECT_EQ(condorcet_loser(m), cand_t{0});
    EXPECT_EQ(smith_set(m), std::vector<cand_t>{1});
}

TEST(Pairwise, UnrankedLastCountsTruncatedBallotsUnrankedIgnoreDoesNot) {
    // 4 voters rank only A; 3 rank B > A > C.
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0}, 4);
    p.add_order(std::vector<cand_t>{1, 0, 2}, 3);
    auto last = tally_pairwise<std::int64_t>(p, {.unranked = unranked_rule::last});
    EXPECT_EQ(last(0, 1), 4);
    EXPECT_EQ(last(1, 0), 3);
    EXPECT_EQ(last(0, 2), 7);
    EXPECT_EQ(last(1, 2), 3); // on the A-only ballots B and C are both unranked: no preference
    auto ign = tally_pairwise<std::int64_t>(p, {.unranked = unranked_rule::ignore});
    EXPECT_EQ(ign(0, 1), 0);
    EXPECT_EQ(ign(1, 0), 3);
    EXPECT_EQ(ign(0, 2), 3);
    EXPECT_EQ(winner(condorcet(p)), "A");
    EXPECT_EQ(winner(condorcet(p, {.unranked = unranked_rule::ignore})), "B");
}

TEST(Pairwise, EqualRankingsSupportNeitherSide) {
    profile p({"A", "B", "C"});
    p.add_ranking(tiers({{0, 1}, {2}}), 5);
    auto m = tally_pairwise<std::int64_t>(p);
    EXPECT_EQ(m(0, 1), 0);
    EXPECT_EQ(m(1, 0), 0);
    EXPECT_EQ(m(0, 2), 5);
    EXPECT_EQ(m(1, 2), 5);
}

TEST(Pairwise, WeightedProfileTalliesExactRationals) {
    profile p({"A", "B"});
    p.add_order(std::vector<cand_t>{0, 1}, 1, rational(1, 3));
    p.add_order(std::vector<cand_t>{1, 0}, 1, rational(1, 4));
    ASSERT_FALSE(p.integral());
    auto m = tally_pairwise<rational>(p);
    EXPECT_EQ(m(0, 1), rational(1, 3));
    EXPECT_EQ(m(1, 0), rational(1, 4));
    EXPECT_EQ(winner(schulze(p)), "A");
    EXPECT_EQ(schulze(p).pairwise[0][1], rational(1, 3));
}

TEST(Pairwise, ExcludedAndWithdrawnCandidatesTakeNoPart) {
    auto p = tennessee();
    auto r = schulze(p, {.common = {.excluded = {1}}}); // without Nashville, Chattanooga wins
    EXPECT_EQ(winner(r), "Chattanooga");
    for (const auto& t : r.ranking)
        for (cand_t c : t) EXPECT_NE(c, 1u);
    p.set_withdrawn(1);
    EXPECT_EQ(winner(schulze(p)), "Chattanooga");
}

// ---- each rule on Tennessee ------------------------------------------------------------------

TEST(Condorcet, TennesseeNashvilleWinsMemphisLoses) {
    auto r = condorcet(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_EQ(r.ranking, tiers({{1}, {2, 3}, {0}}));
    EXPECT_EQ(*r.scores[1], 3);
}

TEST(Condorcet, CycleHasNoCondorcetWinnerButALoser) {
    auto r = condorcet(cycle_plus_loser());
    EXPECT_TRUE(r.winners.empty());
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(r.ranking, tiers({{0, 1, 2}, {3}}));
}

TEST(Copeland, TennesseeScoresThreeTwoOneZero) {
    auto r = copeland(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_EQ(r.ranking, tiers({{1}, {2}, {3}, {0}}));
    EXPECT_EQ(*r.scores[1], 3);
    EXPECT_EQ(*r.scores[0], 0);
}

TEST(Copeland, TieValueCountsPairwiseTiesAndCycleTieIsRecorded) {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2});
    p.add_order(std::vector<cand_t>{1, 0, 2}); // A = B head to head, both beat C
    auto half = copeland(p);
    EXPECT_EQ(*half.scores[0], rational(3, 2));
    auto zero = copeland(p, {.tie_value = 0});
    EXPECT_EQ(*zero.scores[0], 1);
    ASSERT_EQ(half.ties.size(), 1u);
    EXPECT_EQ(half.ties[0].candidates, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(half.ranking, tiers({{0, 1}, {2}}));
    auto rep = copeland(p, {.common = {.tie_break = {.policy = tie_policy::report}}});
    EXPECT_FALSE(rep.complete);
    EXPECT_TRUE(rep.winners.empty());
}

TEST(CopelandSet, NamesEveryTopScorerWhereCopelandBreaksTheTie) {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2});
    p.add_order(std::vector<cand_t>{1, 0, 2}); // A = B head to head, both beat C
    const auto set = copeland_set(p);
    EXPECT_EQ(set.winners, (std::vector<cand_t>{0, 1}));
    EXPECT_TRUE(set.ties.empty());
    EXPECT_TRUE(set.complete);
    EXPECT_EQ(set.ranking, tiers({{0, 1}, {2}}));
    EXPECT_EQ(*set.scores[0], rational(3, 2));
    EXPECT_EQ(copeland(p).winners, (std::vector<cand_t>{0})); // one winner, the tie recorded
    // A tie value of 1 or 0 does not split them either; a Condorcet winner stands alone.
    EXPECT_EQ(copeland_set(p, {.tie_value = 0}).winners, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(winner_names(copeland_set(tennessee())), (std::vector<std::string>{"Nashville"}));
}

TEST(CopelandSet, ThroughTheRegistryTakesNoTieBreakOption) {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2});
    p.add_order(std::vector<cand_t>{1, 2, 0});
    p.add_order(std::vector<cand_t>{2, 0, 1}); // a cycle: everyone scores 1
    const auto r = run(p, "copeland-set", R"({"tie_value": "1/2"})");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(r.method, "copeland-set");
    EXPECT_THROW((void)run(p, "copeland-set", R"({"tie_break": "random"})"), error);
    EXPECT_THROW((void)run(p, "copeland-set", R"({"tie_value": 2})"), error);
    EXPECT_EQ(run(p, "copeland-set", R"({"excluded": ["C"]})").winners, (std::vector<cand_t>{0}));
}

TEST(Minimax, TennesseeVariantsScoreAsCountedByHand) {
    auto wv = minimax(tennessee());
    EXPECT_EQ(winner(wv), "Nashville");
    EXPECT_EQ(*wv.scores[0], 58); // Memphis's worst defeat: 58
    EXPECT_EQ(*wv.scores[1], 0);
    EXPECT_EQ(*wv.scores[2], 68);
    EXPECT_EQ(*wv.scores[3], 83);
    EXPECT_EQ(wv.ranking, tiers({{1}, {0}, {2}, {3}}));
    auto mg = minimax(tennessee(), {.variant = minimax_variant::margins});
    EXPECT_EQ(*mg.scores[1], -16);
    EXPECT_EQ(*mg.scores[0], 16);
    EXPECT_EQ(*mg.scores[3], 66);
    auto op = minimax(tennessee(), {.variant = minimax_variant::pairwise_opposition});
    EXPECT_EQ(*op.scores[1], 42);
    EXPECT_EQ(winner(op), "Nashville");
}

TEST(Schulze, Example1FromSchulze2011ElectsEWithFullRanking) {
    auto p = schulze_example_1();
    for (auto s : {defeat_strength::winning_votes, defeat_strength::margins, defeat_strength::ratio}) {
        auto r = schulze(p, {.strength = s});
        EXPECT_EQ(winner(r), "E");
        EXPECT_EQ(r.ranking, tiers({{4}, {0}, {2}, {1}, {3}})) << int(s);
        EXPECT_TRUE(r.ties.empty());
    }
    auto r = schulze(p);
    EXPECT_EQ(r.pairwise[0][1], 20); // A > B: 20 voters (Schulze 2011, table of N[i,j])
    EXPECT_EQ(r.pairwise[1][0], 25);
}

TEST(Schulze, TennesseeRanksByMajorities) {
    EXPECT_EQ(schulze(tennessee()).ranking, tiers({{1}, {2}, {3}, {0}}));
}

TEST(Schulze, CycleIsATieBrokenByPolicyAndRecorded) {
    auto r = schulze(cycle_plus_loser());
    EXPECT_EQ(r.ranking, tiers({{0, 1, 2}, {3}}));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].policy, "lexicographic");
    EXPECT_EQ(winner(r), "A");
}

TEST(RankedPairs, TennesseeLocksAllMajorities) {
    auto r = ranked_pairs(tennessee());
    EXPECT_EQ(r.ranking, tiers({{1}, {2}, {3}, {0}}));
    EXPECT_TRUE(r.ties.empty());
}

TEST(RankedPairs, EqualMajoritiesInACycleAreOrderedByARecordedTieBreakRanking) {
    auto r = ranked_pairs(cycle_plus_loser());
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_NE(r.ties[0].purpose.find("ranked-pairs"), std::string::npos);
    // TBRC A, B, C: A > B locked first, then B > C; C > A would close a cycle.
    EXPECT_EQ(r.ranking, tiers({{0}, {1}, {2}, {3}}));
    EXPECT_EQ(winner(r), "A");
    auto rev =
        ranked_pairs(cycle_plus_loser(),
                     {.common = {.tie_break = {.policy = tie_policy::lexicographic, .order = {2, 1, 0, 3}}}});
    // TBRC C, B, A: C > A first (winner C highest), then B > C; A > B closes the cycle.
    EXPECT_EQ(winner(rev), "B");
    EXPECT_EQ(rev.ranking, tiers({{1}, {2}, {0}, {3}}));
}

TEST(RankedPairs, WinningVotesOrdersEqualSupportBySmallerOpposition) {
    // A beats B 9-6 (winning votes 9, margin 3); B beats C 8-2 (8, margin 6) with 5 abstaining
    // by equal ranking; C beats A 8-7 (8, margin 1).
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 2);
    p.add_ranking(tiers({{0}, {1, 2}}), 5);
    p.add_order(std::vector<cand_t>{1, 2, 0}, 6);
    p.add_order(std::vector<cand_t>{2, 0, 1}, 2);
    auto m = tally_pairwise<std::int64_t>(p);
    ASSERT_EQ(m(0, 1), 9);
    ASSERT_EQ(m(1, 0), 6);
    ASSERT_EQ(m(1, 2), 8);
    ASSERT_EQ(m(2, 1), 2);
    ASSERT_EQ(m(2, 0), 8);
    ASSERT_EQ(m(0, 2), 7);
    // winning votes: A>B (9), then B>C (8 against 2) before C>A (8 against 7), so no tie needs
    // breaking; C>A closes the cycle: A > B > C.
    auto wv = ranked_pairs(p);
    EXPECT_EQ(winner(wv), "A");
    EXPECT_TRUE(wv.ties.empty());
    EXPECT_EQ(wv.ranking, tiers({{0}, {1}, {2}}));
    // margins: B>C (6), A>B (3), C>A (1) dropped: A > B > C as well; Schulze margin agrees.
    EXPECT_EQ(winner(ranked_pairs(p, {.strength = defeat_strength::margins})), "A");
}

TEST(Smith, CycleIsTheSmithSetAndLoserIsBelow) {
    auto r = smith(cycle_plus_loser());
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(r.ranking, tiers({{0, 1, 2}, {3}}));
    EXPECT_TRUE(r.ties.empty());
    EXPECT_EQ(smith(tennessee()).ranking, tiers({{1}, {2}, {3}, {0}}));
}

TEST(Schwartz, PairwiseTieSplitsSchwartzFromSmith) {
    // A = B head to head (1-1), both beat C: Smith and Schwartz are both {A, B}.
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2});
    p.add_order(std::vector<cand_t>{1, 0, 2});
    EXPECT_EQ(schwartz(p).winners, (std::vector<cand_t>{0, 1}));
    // A > B > C > A cycle with C = A tied instead: A beats B, B beats C, C ties A.
    profile q({"A", "B", "C"});
    q.add_order(std::vector<cand_t>{0, 1, 2}, 2);
    q.add_order(std::vector<cand_t>{2, 0, 1}, 1);
    q.add_order(std::vector<cand_t>{1, 2, 0}, 1);
    auto m = tally_pairwise<std::int64_t>(q);
    ASSERT_TRUE(m.beats(0, 1));
    ASSERT_TRUE(m.beats(1, 2));
    ASSERT_FALSE(m.beats(0, 2));
    ASSERT_FALSE(m.beats(2, 0));
    EXPECT_EQ(smith(q).winners, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(schwartz(q).winners, (std::vector<cand_t>{0}));
    EXPECT_EQ(schwartz(q).ranking, tiers({{0}, {1}, {2}}));
}

TEST(Black, CondorcetWinnerElseBorda) {
    EXPECT_EQ(winner(black(tennessee())), "Nashville");
    auto r = black(cycle_plus_loser());
    EXPECT_NE(r.notes.front().find("no Condorcet winner"), std::string::npos);
    EXPECT_EQ(r.ranking, tiers({{0, 1, 2}, {3}}));
    EXPECT_EQ(r.ties.size(), 1u);
}

// ---- registry ---------------------------------------------------------------------------------

TEST(Registry, CondorcetRulesReachableByNameWithStrictOptions) {
    auto p = tennessee();
    for (const char* name :
         {"condorcet", "copeland", "minimax", "schulze", "ranked-pairs", "smith", "schwartz", "black"})
        EXPECT_EQ(winner(run(p, name)), "Nashville") << name;
    EXPECT_EQ(winner(run(p, "schulze", R"({"strength": "margin", "unranked": "ignore"})")), "Nashville");
    EXPECT_EQ(*run(p, "copeland", R"({"tie_value": "1/3"})").scores[1], 3);
    EXPECT_EQ(*run(p, "minimax", R"({"variant": "margin"})").scores[1], -16);
    EXPECT_EQ(winner(run(p, "schulze", R"({"excluded": ["Nashville"]})")), "Chattanooga");
    for (const char* bad :
         {R"({"strength": "loud"})", R"({"strenght": "margin"})", R"({"unranked": "first"})"}) {
        try {
            run(p, "schulze", bad);
            FAIL() << bad;
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::invalid) << bad;
        }
    }
    EXPECT_THROW(run(p, "copeland", R"({"tie_value": 0.5})"), error);
    EXPECT_THROW(run(p, "ranked-pairs", R"({"strength": "ratio"})"), error);
}

TEST(Registry, ApprovalProfileIsUnsupportedForPairwiseRules) {
    profile p({"A", "B"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0});
    try {
        schulze(p);
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
    }
}

// ---- real elections ---------------------------------------------------------------------------

namespace {
profile read_debian_collection(int year) {
    const auto dir =
        accord_test::shared_data_dir() / "condorcet/tideman_condorcet_php/Input_TidemanElectionCollection";
    char name[32];
    const int k = year - 2000;
    if (k == 1) return read_profile(dir / "D01.HIL");
    std::snprintf(name, sizeof name, "D%02d.debian_votes", k);
    return read_profile(dir / name);
}
} // namespace

// Official winners (SOURCES.md; vote.debian.org). Debian counts with unranked candidates below
// every ranked one (Constitution A.6) and Schulze winning votes (Cloneproof SSD).
TEST(Schulze, DebianProjectLeader2001To2022ReproducesEveryOfficialWinner) {
    ACCORD_SHARED_FILE(dir,
                       "condorcet/tideman_condorcet_php/Input_TidemanElectionCollection/D02.debian_votes");
    const std::map<int, std::string> official{
        {2001, "Ben Collins"},        {2002, "Bdale Garbee"},       {2003, "Martin Michlmayr"},
        {2004, "Martin Michlmayr"},   {2005, "Branden Robinson"},   {2006, "Anthony Towns"},
        {2007, "Sam Hocevar"},        {2008, "Steve McIntyre"},     {2009, "Steve McIntyre"},
        {2010, "Stefano Zacchiroli"}, {2011, "Stefano Zacchiroli"}, {2012, "Stefano Zacchiroli"},
        {2013, "Lucas Nussbaum"},     {2014, "Lucas Nussbaum"},     {2015, "Neil McGovern"},
        {2016, "Mehdi Dogguy"},       {2017, "Chris Lamb"},         {2018, "Chris Lamb"},
        {2019, "Sam Hartman"},        {2020, "Jonathan Carter"},    {2021, "Jonathan Carter"},
        {2022, "Jonathan Carter"}};
    for (const auto& [year, name] : official) {
        SCOPED_TRACE(year);
        profile p = read_debian_collection(year);
        auto r = schulze(p);
        EXPECT_EQ(winner(r), name);
        EXPECT_TRUE(r.ties.empty());
        EXPECT_EQ(r.ranking.front().size(), 1u);
        EXPECT_EQ(winner(run(p, "schulze", R"({"strength": "margin"})")), name);
    }
}

TEST(Schulze, Debian2006WithUnrankedIgnoredElectsSteveMcIntyre) {
    ACCORD_SHARED_FILE(path,
                       "condorcet/tideman_condorcet_php/Input_TidemanElectionCollection/D06.debian_votes");
    profile p = read_profile(path);
    EXPECT_EQ(winner(schulze(p)), "Anthony Towns");
    EXPECT_EQ(winner(schulze(p, {.common = {.unranked = unranked_rule::ignore}})), "Steve McIntyre");
    EXPECT_EQ(winner(run(p, "schulze", R"({"unranked": "ignore"})")), "Steve McIntyre");
}

// Condorcet PHP's Debian tests (DebianFormatTest.php; SOURCES.md): Schulze margin rankings.
TEST(Schulze, DebianFullRankings2006And2007And2020MatchCondorcetPhp) {
    ACCORD_SHARED_FILE(dir, "condorcet/condorcet_php_tests/DebianData");
    struct expect {
        const char* file;
        unranked_rule unranked;
        const char* ranking;
    };
    const expect cases[] = {
        {"leader2020_tally.txt", unranked_rule::last,
         "Jonathan Carter > Sruthi Chandran > Brian Gupta > None Of The Above"},
        {"leader2020_tally.txt", unranked_rule::ignore,
         "Jonathan Carter > Sruthi Chandran > Brian Gupta > None Of The Above"},
        {"leader2007_tally.txt", unranked_rule::last,
         "Sam Hocevar > Steve McIntyre > Raphaël Hertzog > Wouter Verhelst > Anthony Towns > Gustavo Franco "
         "> "
         "None Of The Above > Simon Richter > Aigars Mahinovs"},
        {"leader2006_tally.txt", unranked_rule::last,
         "Anthony Towns > Steve McIntyre > Andreas Schuldei = Jeroen van Wolffelaar > Bill Allombert > "
         "None of the Above > Ari Pollak > Jonathan aka Ted Walther"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.file) + " " + unranked_rule_name(c.unranked));
        read_options ro;
        ro.format = file_format::debian;
        profile p = read_profile(dir / c.file, ro);
        auto r = schulze(p, {.strength = defeat_strength::margins, .common = {.unranked = c.unranked}});
        EXPECT_EQ(named(r), parse_ranking(c.ranking));
    }
}

TEST(Condorcet, Burlington2009MontrollWinsEveryCondorcetRuleAndBordaKissWinsIrv) {
    ACCORD_SHARED_FILE(path, "preflib/00005 - burlington/00005-00000002.toi");
    profile p = read_profile(path);
    for (const char* name :
         {"condorcet", "schulze", "ranked-pairs", "copeland", "minimax", "borda", "black", "smith"})
        EXPECT_EQ(winner(run(p, name)), "Andy Montroll") << name;
    auto m = tally_pairwise<std::int64_t>(p);
    const cand_t montroll = *p.find_candidate("Andy Montroll"), kiss = *p.find_candidate("Bob Kiss"),
                 wright = *p.find_candidate("Kurt Wright");
    // electowiki, "2009 Burlington mayoral election": Montroll beats Kiss 4067-3477, Wright 4597-3668.
    EXPECT_EQ(m(montroll, kiss), 4067);
    EXPECT_EQ(m(kiss, montroll), 3477);
    EXPECT_EQ(m(montroll, wright), 4597);
    EXPECT_EQ(m(wright, montroll), 3668);
    EXPECT_EQ(winner(irv(p)), "Bob Kiss");
}

// The matrix template (pairwise-inl.hpp) over a profile in double, and over weighted ballots in
// rational, is the int64 tally scaled by the weight, cell by cell, on Burlington 2009.
TEST(Condorcet, Burlington2009PairwiseInDoubleAndWeightedRationalEqualsTheInt64Tally) {
    ACCORD_SHARED_FILE(path, "preflib/00005 - burlington/00005-00000002.toi");
    const profile p = read_profile(path);
    const auto exact = tally_pairwise<std::int64_t>(p);
    const auto fast = tally_pairwise<double>(p);
    profile thirds(p.candidate_names());
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        thirds.add(p.ballot(i).marks, p.ballot(i).count, rational(1, 3));
    const auto weighted = tally_pairwise<rational>(thirds);
    ASSERT_EQ(fast.support.size(), exact.support.size());
    for (std::size_t x = 0; x < exact.support.size(); ++x) {
        EXPECT_EQ(fast.support[x], static_cast<double>(exact.support[x])) << x;
        EXPECT_EQ(weighted.support[x], rational(exact.support[x], 3)) << x;
    }
    EXPECT_EQ(condorcet_winner(fast), condorcet_winner(exact));
    EXPECT_EQ(smith_set(fast), smith_set(exact));
    EXPECT_THROW(tally_pairwise<std::int64_t>(thirds), error); // weighted: count in rational
}

// ---- properties over seeded random profiles ---------------------------------------------------

namespace {
using rule_fn = std::function<result(const profile&)>;

struct named_rule {
    const char* name;
    rule_fn run;
    bool condorcet_consistent;
};

std::vector<named_rule> pairwise_rules() {
    return {
        {"schulze-wv", [](const profile& p) { return schulze(p); }, true},
        {"schulze-margin",
         [](const profile& p) { return schulze(p, {.strength = defeat_strength::margins}); }, true},
        {"schulze-ratio", [](const profile& p) { return schulze(p, {.strength = defeat_strength::ratio}); },
         true},
        {"ranked-pairs-wv", [](const profile& p) { return ranked_pairs(p); }, true},
        {"ranked-pairs-margin",
         [](const profile& p) { return ranked_pairs(p, {.strength = defeat_strength::margins}); }, true},
        {"copeland", [](const profile& p) { return copeland(p); }, true},
        {"minimax-wv", [](const profile& p) { return minimax(p); }, true},
        {"minimax-margin", [](const profile& p) { return minimax(p, {.variant = minimax_variant::margins}); },
         true},
        {"minimax-opposition",
         [](const profile& p) { return minimax(p, {.variant = minimax_variant::pairwise_opposition}); },
         false},
        {"black", [](const profile& p) { return black(p); }, true},
        {"smith", [](const profile& p) { return smith(p); }, true},
        {"schwartz", [](const profile& p) { return schwartz(p); }, true},
        {"condorcet", [](const profile& p) { return condorcet(p); }, true},
        {"schulze-ignore",
         [](const profile& p) { return schulze(p, {.common = {.unranked = unranked_rule::ignore}}); }, false},
        {"borda", [](const profile& p) { return borda(p); }, false},
        {"borda-modified", [](const profile& p) { return borda(p, {.truncated = truncation::modified}); },
         false},
        {"dowdall", [](const profile& p) { return dowdall(p); }, false},
        {"anti-plurality", [](const profile& p) { return anti_plurality(p); }, false},
    };
}

std::vector<cand_t> random_perm(std::mt19937_64& rng, std::size_t n) {
    std::vector<cand_t> perm(n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = static_cast<cand_t>(i);
    std::shuffle(perm.begin(), perm.end(), rng);
    return perm;
}
} // namespace

TEST(Properties, AnonymityNeutralityHomogeneityOfPairwiseAndPositionalRules) {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 3 + seed % 4;
        const bool weak = seed % 2 == 0;
        auto bs = accord_test::random_ballots(rng, n, 4 + seed % 9, weak);
        const auto perm = random_perm(rng, n);
        const profile base = accord_test::build(bs, n);
        const profile reversed = accord_test::build(bs, n, {}, 1, true);
        const profile relabelled = accord_test::build(bs, n, perm);
        const profile doubled = accord_test::build(bs, n, {}, 2);
        for (const auto& rule : pairwise_rules()) {
            SCOPED_TRACE(std::string(rule.name) + " seed " + std::to_string(seed));
            const auto r = rule.run(base);
            // Anonymity: the order in which voters are added changes nothing.
            const auto a = rule.run(reversed);
            EXPECT_EQ(named(a), named(r));
            EXPECT_EQ(winner_names(a), winner_names(r));
            // Homogeneity: doubling every ballot changes nothing.
            const auto d = rule.run(doubled);
            EXPECT_EQ(named(d), named(r));
            EXPECT_EQ(winner_names(d), winner_names(r));
            // Neutrality: relabelling candidates relabels the result (when no tie had to be
            // broken: a tie-break order is deliberately not neutral).
            const auto x = rule.run(relabelled);
            const bool untied = r.ties.empty() && x.ties.empty();
            // Ranked pairs' whole ranking follows its tie-breaking ranking; other rankings do not.
            if (untied || std::string(r.method) != "ranked-pairs") EXPECT_EQ(named(x), named(r));
            if (untied) EXPECT_EQ(winner_names(x), winner_names(r));
        }
    }
}

TEST(Properties, CondorcetConsistencyAndMajorityCriterion) {
    int with_cw = 0, with_majority = 0;
    for (std::uint64_t seed = 100; seed < 400; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 3 + seed % 5;
        auto bs = accord_test::random_ballots(rng, n, 3 + seed % 11, seed % 3 == 0);
        const profile p = accord_test::build(bs, n);
        const auto m = tally_pairwise<std::int64_t>(p);
        const auto cw = condorcet_winner(m);
        // A majority winner: ranked alone first by more than half the voters.
        std::vector<std::uint64_t> first(n, 0);
        std::uint64_t total = 0;
        for (const auto& b : bs) {
            total += b.count;
            if (b.tiers.front().size() == 1) first[b.tiers.front()[0]] += b.count;
        }
        std::optional<cand_t> majority;
        for (cand_t c = 0; c < n; ++c)
            if (2 * first[c] > total) majority = c;
        if (majority) {
            ++with_majority;
            ASSERT_EQ(cw, majority) << "a majority winner is the Condorcet winner (unranked last)";
        }
        if (!cw) continue;
        ++with_cw;
        for (const auto& rule : pairwise_rules()) {
            if (!rule.condorcet_consistent) continue;
            SCOPED_TRACE(std::string(rule.name) + " seed " + std::to_string(seed));
            const auto r = rule.run(p);
            EXPECT_EQ(r.winners, std::vector<cand_t>{*cw});
        }
    }
    EXPECT_GT(with_cw, 100); // the property was exercised
    EXPECT_GT(with_majority, 20);
}

TEST(Properties, SchulzeRankingIsTransitiveAndSmithSetHoldsEverySchulzeAndRankedPairsWinner) {
    for (std::uint64_t seed = 500; seed < 700; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 4 + seed % 5;
        auto bs = accord_test::random_ballots(rng, n, 5 + seed % 13, seed % 2 == 0);
        const profile p = accord_test::build(bs, n);
        auto sm = smith(p).winners;
        for (auto r : {schulze(p), ranked_pairs(p), schulze(p, {.strength = defeat_strength::margins})}) {
            ASSERT_EQ(r.winners.size(), 1u);
            EXPECT_TRUE(std::find(sm.begin(), sm.end(), r.winners[0]) != sm.end())
                << r.method << " seed " << seed;
            std::size_t total = 0;
            for (auto& t : r.ranking) total += t.size();
            EXPECT_EQ(total, n);
        }
        // Schwartz is a subset of Smith.
        for (cand_t c : schwartz(p).winners) EXPECT_TRUE(std::find(sm.begin(), sm.end(), c) != sm.end());
    }
}

// pref_voting's documentation example for the four uncovered sets (docs/methods/uncovered-set.md):
// 2 beats 0, 1 beats 2 and 3, 2 beats 3, and 0 ties 1 and 3; the sets worked by hand from
// pref_voting's definitions (uc_gill, uc_fish, uc_bordes, uc_mckelvey) all differ.
TEST(UncoveredSet, PrefVotingDocExampleGivesFourDifferentSets) {
    profile p({"0", "1", "2", "3"});
    const std::vector<std::pair<std::vector<cand_t>, std::uint64_t>> ballots{
        {{2, 3, 0, 1}, 1}, {{0, 2, 1, 3}, 1}, {{3, 0, 1, 2}, 1}, {{1, 2, 0, 3}, 2}, {{1, 2, 3, 0}, 1}};
    for (const auto& [order, count] : ballots) p.add_order(order, count);
    using v = std::vector<cand_t>;
    EXPECT_EQ(run(p, "uncovered-set").winners, (v{0, 1}));
    EXPECT_EQ(run(p, "uncovered-set", R"({"variant": "gillies"})").winners, (v{0, 1}));
    EXPECT_EQ(run(p, "uncovered-set", R"({"variant": "fishburn"})").winners, (v{1}));
    EXPECT_EQ(run(p, "uncovered-set", R"({"variant": "bordes"})").winners, (v{1, 2}));
    EXPECT_EQ(run(p, "uncovered-set", R"({"variant": "mckelvey"})").winners, (v{0, 1, 2}));
    EXPECT_EQ(smith(p).winners, (v{0, 1, 2, 3}));
    EXPECT_EQ(run(p, "top-cycle").winners, smith(p).winners);
    // The ranking repeats the set on the candidates left: {0, 1}, then {2} (it beats 3), then {3}.
    EXPECT_EQ(uncovered_set(p).ranking, (std::vector<std::vector<cand_t>>{{0, 1}, {2}, {3}}));
    EXPECT_THROW(run(p, "uncovered-set", R"({"variant": "miller"})"), error);
}

// pref_voting's tests (tests/test_c1_methods.py): a Condorcet cycle keeps all three; a linear
// majority keeps its top; with the top excluded, the next one.
TEST(UncoveredSet, PrefVotingTestCasesCycleLinearAndRestricted) {
    profile cycle({"a", "b", "c"});
    cycle.add_order(std::vector<cand_t>{0, 1, 2});
    cycle.add_order(std::vector<cand_t>{1, 2, 0});
    cycle.add_order(std::vector<cand_t>{2, 0, 1});
    profile linear({"a", "b", "c"});
    linear.add_order(std::vector<cand_t>{0, 1, 2});
    for (const char* variant : {"gillies", "fishburn", "bordes", "mckelvey"}) {
        const std::string o = std::string(R"({"variant": ")") + variant + "\"}";
        EXPECT_EQ(run(cycle, "uncovered-set", o).winners, (std::vector<cand_t>{0, 1, 2})) << variant;
        EXPECT_EQ(run(linear, "uncovered-set", o).winners, (std::vector<cand_t>{0})) << variant;
        const std::string ex = std::string(R"({"excluded": ["a"], "variant": ")") + variant + "\"}";
        EXPECT_EQ(run(linear, "uncovered-set", ex).winners, (std::vector<cand_t>{1})) << variant;
    }
}

// Banks on pref_voting's documentation example (mg_ex_banks.py: 0>2, 0>3, 1>0, 2>3, 2>1, 3>1,
// from voters 0231, 1023, 2310): the maximal chains are 0>2>3, 2>3>1 and 1>0 (1>0 extends by
// no one), so the Banks set is {0, 1, 2}.
TEST(Banks, PrefVotingDocExampleHasThreeChainTops) {
    profile p({"0", "1", "2", "3"});
    p.add_order(std::vector<cand_t>{0, 2, 3, 1});
    p.add_order(std::vector<cand_t>{1, 0, 2, 3});
    p.add_order(std::vector<cand_t>{2, 3, 1, 0});
    EXPECT_EQ(run(p, "banks").winners, (std::vector<cand_t>{0, 1, 2}));
    EXPECT_EQ(banks(p).ranking, (std::vector<std::vector<cand_t>>{{0, 1, 2}, {3}}));
}

// A pair the majority leaves tied is no chain: on the uncovered-set example (2 beats 0, 1 beats
// 2 and 3, 2 beats 3; 0 ties 1 and 3) the maximal chains are 1>2>3 and 2>0.
TEST(Banks, TiedPairsBreakChainsAndCycleAndLinearFollowPrefVotingTests) {
    profile p({"0", "1", "2", "3"});
    const std::vector<std::pair<std::vector<cand_t>, std::uint64_t>> ballots{
        {{2, 3, 0, 1}, 1}, {{0, 2, 1, 3}, 1}, {{3, 0, 1, 2}, 1}, {{1, 2, 0, 3}, 2}, {{1, 2, 3, 0}, 1}};
    for (const auto& [order, count] : ballots) p.add_order(order, count);
    EXPECT_EQ(banks(p).winners, (std::vector<cand_t>{1, 2}));
    profile cycle({"a", "b", "c"});
    cycle.add_order(std::vector<cand_t>{0, 1, 2});
    cycle.add_order(std::vector<cand_t>{1, 2, 0});
    cycle.add_order(std::vector<cand_t>{2, 0, 1});
    EXPECT_EQ(banks(cycle).winners, (std::vector<cand_t>{0, 1, 2}));
    profile linear({"a", "b", "c"});
    linear.add_order(std::vector<cand_t>{0, 1, 2});
    EXPECT_EQ(banks(linear).winners, std::vector<cand_t>{0});
    EXPECT_EQ(run(linear, "banks", R"({"excluded": ["a"]})").winners, std::vector<cand_t>{1});
}

TEST(Banks, MoreThanTwentyCandidatesIsRefusedNamingTheLimit) {
    std::vector<std::string> names;
    for (int i = 0; i < 21; ++i) names.push_back("c" + std::to_string(i));
    profile p(names);
    std::vector<cand_t> order(21);
    for (cand_t i = 0; i < 21; ++i) order[i] = i;
    p.add_order(order);
    try {
        run(p, "banks");
        ADD_FAILURE() << "counted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("more than the 20"), std::string::npos) << e.what();
    }
    EXPECT_EQ(run(p, "banks", R"({"excluded": ["c20"]})").winners, std::vector<cand_t>{0});
}
