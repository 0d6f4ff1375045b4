// Maximal lotteries, the essential set and the bipartisan set (accord/rules/lottery.hpp):
// published three-candidate formulas, hand-checked tournaments, the leximin choice among several
// maximal lotteries, the properties the literature proves (Condorcet winner with probability 1,
// support inside the Smith set, bipartisan set inside the uncovered set and of odd size), an
// independent exact check of every lottery against the pairwise matrix, and real PrefLib profiles.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/rules/condorcet.hpp"
#include "accord/rules/lottery.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <random>

using namespace accord;

namespace {

std::vector<rational> lottery_of(const result& r) {
    std::vector<rational> out;
    for (const auto& s : r.scores) out.push_back(s ? *s : rational(-1));
    return out;
}

// Independently of the solver: the scores are a probability vector over the candidates taking
// part that no pure strategy beats in the game of the result's own pairwise matrix.
void expect_maximal(const result& r, bool majority_game = false) {
    rational total = 0;
    const std::size_t n = r.scores.size();
    for (std::size_t a = 0; a < n; ++a) {
        if (!r.scores[a]) continue;
        EXPECT_GE(*r.scores[a], 0);
        total += *r.scores[a];
    }
    EXPECT_EQ(total, 1);
    for (std::size_t b = 0; b < n; ++b) {
        if (!r.scores[b]) continue;
        rational payoff = 0;
        for (std::size_t a = 0; a < n; ++a) {
            if (!r.scores[a] || a == b) continue;
            rational m = r.pairwise[a][b] - r.pairwise[b][a];
            if (majority_game) m = sign(m);
            payoff += *r.scores[a] * m;
        }
        EXPECT_GE(payoff, 0) << "candidate " << r.candidates[b] << " beats the lottery";
    }
}

std::vector<cand_t> support(const result& r) {
    std::vector<cand_t> out;
    for (std::size_t c = 0; c < r.scores.size(); ++c)
        if (r.scores[c] && *r.scores[c] > 0) out.push_back(static_cast<cand_t>(c));
    return out;
}

bool has_note(const result& r, const std::string& start) {
    for (const auto& n : r.notes)
        if (n.rfind(start, 0) == 0) return true;
    return false;
}

} // namespace

// A three-cycle of x voters a>b>c, y voters b>c>a and z voters c>a>b has the maximal lottery
// (x+y-z, y+z-x, z+x-y) / (x+y+z) (F. Simmons, election-methods list, 20 Aug 2005; each
// candidate's weight is the margin of the defeat it inflicts on its own conqueror).
TEST(MaximalLotteries, ThreeCycleFollowsTheMarginFormula) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{0, 1, 2}, 2}, {{1, 2, 0}, 2}, {{2, 0, 1}, 1}});
    const result r = maximal_lotteries(p);
    EXPECT_EQ(r.method, "maximal-lotteries");
    EXPECT_EQ(lottery_of(r), (std::vector<rational>{rational(3, 5), rational(1, 5), rational(1, 5)}));
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{0}, {1, 2}}));
    EXPECT_TRUE(has_note(r, "the maximal lottery of the margin game is unique"));
    ASSERT_EQ(r.winners.size(), 1u);
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].purpose, "lottery draw");
    expect_maximal(r);
    const auto q = accord_test::orders({"a", "b", "c"}, {{{0, 1, 2}, 4}, {{1, 2, 0}, 3}, {{2, 0, 1}, 2}});
    EXPECT_EQ(lottery_of(maximal_lotteries(q)),
              (std::vector<rational>{rational(5, 9), rational(1, 9), rational(1, 3)}));
    // The majority (C1) game sees only who beats whom: a plain cycle, so the uniform lottery.
    const result c1 = run(p, "maximal-lotteries", R"({"game": "majority"})");
    EXPECT_EQ(lottery_of(c1), (std::vector<rational>(3, rational(1, 3))));
    expect_maximal(c1, true);
    EXPECT_EQ(run(p, "maximal-lottery").method, "maximal-lotteries"); // the alias
}

// Fishburn (1984): a Condorcet winner is the maximal lottery, with probability 1.
TEST(MaximalLotteries, CondorcetWinnerWinsWithCertainty) {
    const auto p = accord_test::orders({"a", "b", "c"}, {{{1, 0, 2}, 3}, {{0, 1, 2}, 2}, {{2, 1, 0}, 2}});
    const result r = maximal_lotteries(p);
    EXPECT_EQ(lottery_of(r), (std::vector<rational>{rational(0), rational(1), rational(0)}));
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        EXPECT_EQ(maximal_lotteries(p, {.seed = seed}).winners, std::vector<cand_t>{1});
    EXPECT_EQ(run(p, "maximal-lotteries", R"({"excluded": ["b"]})").winners, std::vector<cand_t>{0});
}

// Two voters a>b>c>d and b>a>d>c: a and b tie, c and d tie, and a and b beat c and d. Every
// lottery over {a, b} is maximal; the leximin one splits it evenly, and the essential set is {a, b}.
TEST(MaximalLotteries, SeveralMaximalLotteriesGiveTheLeximinOne) {
    const auto p = accord_test::orders({"a", "b", "c", "d"}, {{{0, 1, 2, 3}, 1}, {{1, 0, 3, 2}, 1}});
    const result r = maximal_lotteries(p);
    EXPECT_EQ(lottery_of(r),
              (std::vector<rational>{rational(1, 2), rational(1, 2), rational(0), rational(0)}));
    EXPECT_TRUE(has_note(r, "several lotteries are maximal in the margin game"));
    EXPECT_NE(r.notes.front().find("the essential set, is {a, b}"), std::string::npos) << r.notes.front();
    EXPECT_EQ(r.score_name, "probability in the maximal lottery of the margin game (the leximin one)");
    expect_maximal(r);
    const result e = essential_set(p);
    EXPECT_EQ(e.winners, (std::vector<cand_t>{0, 1}));
    EXPECT_EQ(e.ranking, (std::vector<std::vector<cand_t>>{{0, 1}, {2, 3}}));
}

// The leximin choice where it matters: a 3-cycle a>b>c>a (one voter each way round, d unranked
// so last) and three voters d > {a, b, c}, so d ties everyone. The maximal lotteries are s on
// each of a, b, c and 1 - 3s on d, for s in [0, 1/3]; leximin takes s = 1/4.
TEST(MaximalLotteries, LeximinSpreadsOverAFaceOfMaximalLotteries) {
    profile p({"a", "b", "c", "d"});
    p.add_ranking({{0}, {1}, {2}}, 1); // d unranked: below a, b and c
    p.add_ranking({{1}, {2}, {0}}, 1);
    p.add_ranking({{2}, {0}, {1}}, 1);
    p.add_ranking({{3}, {0, 1, 2}}, 3); // d above all three for three voters: d ties everyone
    const result r = maximal_lotteries(p);
    expect_maximal(r);
    EXPECT_EQ(lottery_of(r), (std::vector<rational>(4, rational(1, 4))));
    EXPECT_EQ(essential_set(p).winners, (std::vector<cand_t>{0, 1, 2, 3}));
}

TEST(MaximalLotteries, UnknownGameAndOptionsAreRefused) {
    const auto p = accord_test::orders({"a", "b"}, {{{0, 1}, 1}});
    EXPECT_THROW(run(p, "maximal-lotteries", R"({"game": "c2"})"), error);
    EXPECT_THROW(run(p, "maximal-lotteries", R"({"tie_break": "random"})"), error);
    EXPECT_THROW(run(p, "bipartisan-set", R"({"game": "margin"})"), error);
    EXPECT_THROW(run(p, "essential-set", R"({"seed": 3})"), error);
}

// A tournament (4 candidates, 3 voters d>a>b>c, b>c>d>a, c>d>a>b): a>b, b>c, c>a, d beats a
// and b, c beats d. d covers a (d beats a, and c, the only one beating d, beats a too). The
// cycle b>c>d>b carries 1/3 each, and a pure a loses to it: 1/3 (c over a) + 1/3 (d over a)
// - 1/3 (a over b) = 1/3 > 0. So the lottery is (0, 1/3, 1/3, 1/3), bipartisan set {b, c, d}.
TEST(BipartisanSet, HandCheckedTournamentDropsTheCoveredCandidate) {
    const auto p =
        accord_test::orders({"a", "b", "c", "d"}, {{{3, 0, 1, 2}, 1}, {{1, 2, 3, 0}, 1}, {{2, 3, 0, 1}, 1}});
    const result r = bipartisan_set(p);
    EXPECT_EQ(r.method, "bipartisan-set");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{1, 2, 3}));
    EXPECT_EQ(lottery_of(r),
              (std::vector<rational>{rational(0), rational(1, 3), rational(1, 3), rational(1, 3)}));
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{1, 2, 3}, {0}}));
    expect_maximal(r, true);
    EXPECT_EQ(run(p, "bipartisan").winners, r.winners);
    EXPECT_EQ(run(p, "uncovered-set").winners, r.winners);
}

// On a weak tournament the bipartisan set is Dutta and Laslier's essential set of the majority
// game, and says so.
TEST(BipartisanSet, TiedPairsGiveTheEssentialSetOfTheMajorityGameWithANote) {
    const auto p = accord_test::orders({"a", "b", "c", "d"}, {{{0, 1, 2, 3}, 1}, {{1, 0, 3, 2}, 1}});
    const result r = bipartisan_set(p);
    EXPECT_EQ(r.winners, (std::vector<cand_t>{0, 1}));
    EXPECT_TRUE(has_note(r, "the majority relation ties some pairs"));
    EXPECT_EQ(essential_set(p, {.game = lottery_game::majority}).winners, r.winners);
}

// Properties proved in the literature, on seeded random profiles:
// - the maximal lottery (margin game) is supported inside the Smith set (Fishburn 1984), and the
//   essential set of a game is exactly the union of supports (the leximin lottery covers it);
// - with an odd number of voters and complete strict ballots the majority relation is a
//   tournament: its maximal lottery is unique, its support (the bipartisan set) has odd size and
//   lies inside the Gillies uncovered set (Laffond, Laslier and Le Breton 1993);
// - the margin game with odd margins has a unique maximal lottery of odd support.
TEST(MaximalLotteries, RandomProfilesKeepTheProvedProperties) {
    std::mt19937_64 rng(20261205);
    int cycles = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 3 + trial % 6;
        auto ballots = accord_test::random_ballots(rng, n, 5 + trial % 7, false);
        // Odd number of voters: one more single voter if the total is even.
        std::uint64_t voters = 0;
        for (const auto& b : ballots) voters += b.count;
        if (voters % 2 == 0) ballots.front().count += 1;
        const profile p = accord_test::build(ballots, n);
        const result ml = maximal_lotteries(p);
        expect_maximal(ml);
        EXPECT_TRUE(has_note(ml, "the maximal lottery of the margin game is unique")) << "trial " << trial;
        const auto sup = support(ml);
        EXPECT_EQ(sup.size() % 2, 1u) << "trial " << trial;
        const auto smith_set = smith(p).winners;
        for (cand_t c : sup)
            EXPECT_TRUE(std::find(smith_set.begin(), smith_set.end(), c) != smith_set.end())
                << "trial " << trial;
        EXPECT_EQ(essential_set(p).winners, sup) << "trial " << trial;
        const result bp = bipartisan_set(p);
        expect_maximal(bp, true);
        EXPECT_EQ(support(bp), bp.winners);
        EXPECT_EQ(bp.winners.size() % 2, 1u) << "trial " << trial;
        const auto uc = uncovered_set(p).winners;
        for (cand_t c : bp.winners)
            EXPECT_TRUE(std::find(uc.begin(), uc.end(), c) != uc.end()) << "trial " << trial;
        if (sup.size() > 1) ++cycles;
    }
    EXPECT_GT(cycles, 5); // the interesting case (no Condorcet winner) occurs
}

// Weak, truncated ballots (even margins, ties): lotteries may be several; the leximin one is
// maximal, positive on exactly the essential set, and the answer does not depend on ballot order
// or on exact weights against integer counts.
TEST(MaximalLotteries, WeakBallotsGiveAMaximalLotteryOnTheEssentialSet) {
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t n = 3 + trial % 5;
        const auto ballots = accord_test::random_ballots(rng, n, 4 + trial % 6, true);
        const profile p = accord_test::build(ballots, n);
        const result ml = maximal_lotteries(p);
        expect_maximal(ml);
        const result es = essential_set(p);
        EXPECT_EQ(support(ml), es.winners) << "trial " << trial;
        EXPECT_EQ(lottery_of(es), lottery_of(ml));
        const result c1 = essential_set(p, {.game = lottery_game::majority});
        expect_maximal(c1, true);
        EXPECT_EQ(support(c1), c1.winners) << "trial " << trial;
    }
}

// Real elections (PrefLib): Burlington 2009 has a Condorcet winner, Andy Montroll, so the maximal
// lottery is certain; every lottery passes the independent check.
TEST(MaximalLotteries, PreflibBurlingtonGivesCertaintyToTheCondorcetWinner) {
    ACCORD_SHARED_FILE(path, "preflib/00005 - burlington/00005-00000002.toi");
    const profile p = read_profile(path);
    const result r = maximal_lotteries(p);
    expect_maximal(r);
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(r.candidates[r.winners[0]], "Andy Montroll");
    EXPECT_EQ(*r.scores[r.winners[0]], 1);
    EXPECT_EQ(essential_set(p).winners, r.winners);
    EXPECT_EQ(bipartisan_set(p).winners, r.winners);
}

// Every ERS, Debian and APA election PrefLib holds (truncated ballots, 3 to 14 candidates): each
// maximal lottery passes the independent check, sits inside the Smith set, is certain for a
// Condorcet winner, and is positive on exactly the essential set.
TEST(MaximalLotteries, PreflibElectionsGiveMaximalLotteriesInsideTheSmithSet) {
    ACCORD_SHARED_FILE(root, "preflib");
    int files = 0, without_condorcet_winner = 0;
    for (const char* dir : {"00002 - debian", "00007 - ers", "00028 - apa"}) {
        if (!std::filesystem::exists(root / dir)) continue;
        std::vector<std::filesystem::path> paths;
        for (const auto& e : std::filesystem::directory_iterator(root / dir))
            if (e.path().extension() == ".soi") paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& path : paths) {
            const profile p = read_profile(path);
            const result ml = maximal_lotteries(p);
            expect_maximal(ml);
            const auto sup = support(ml);
            const auto smith_set = smith(p).winners;
            for (cand_t c : sup)
                EXPECT_TRUE(std::find(smith_set.begin(), smith_set.end(), c) != smith_set.end()) << path;
            const result cw = condorcet(p);
            if (cw.winners.empty())
                ++without_condorcet_winner;
            else
                EXPECT_EQ(sup, cw.winners) << path;
            EXPECT_EQ(essential_set(p).winners, sup) << path;
            ++files;
        }
    }
    EXPECT_GE(files, 40);
    EXPECT_EQ(without_condorcet_winner, 3); // ERS 5, 19 and 52: two candidates tie at the top
    // ERS election 5: Candidates 9 and 20 tie head to head and beat everyone else, so every split
    // between them is maximal; the leximin lottery halves it (pref_voting returns a random vertex,
    // one of the two with certainty).
    const profile ers5 = read_profile(root / "00007 - ers" / "00007-00000005.soi");
    const result r = maximal_lotteries(ers5);
    std::vector<std::string> names;
    for (cand_t c : support(r)) {
        names.push_back(r.candidates[c]);
        EXPECT_EQ(*r.scores[c], rational(1, 2));
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Candidate 9", "Candidate 20"}));
    EXPECT_TRUE(has_note(r, "several lotteries are maximal"));
    std::cout << "[          ] " << files << " PrefLib elections, " << without_condorcet_winner
              << " without a Condorcet winner\n";
}
