// Elimination rules: Tennessee by hand, ties, and properties over seeded random profiles.
#include "accord/registry.hpp"
#include "accord/rules/elimination.hpp"

#include "fixtures.hpp"
#include "random_profiles.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace accord;
using accord_test::tennessee;
using accord_test::tiers;
using accord_test::winner;

TEST(Runoff, TennesseeMemphisAndNashvilleMeetNashvilleWins58To42) {
    for (auto f : {runoff, contingent}) {
        auto r = f(tennessee(), {});
        EXPECT_EQ(winner(r), "Nashville");
        ASSERT_EQ(r.rounds.size(), 2u);
        EXPECT_EQ(*r.rounds[1].tallies[1], 58);
        EXPECT_EQ(*r.rounds[1].tallies[0], 42);
        EXPECT_EQ(r.rounds[0].eliminated, (std::vector<cand_t>{2, 3}));
        EXPECT_EQ(r.ranking, tiers({{1}, {0}, {3}, {2}}));
    }
}

TEST(Supplementary, TennesseeChattanoogaAndKnoxvilleVotersNeverReachTheFinalists) {
    // Their first two preferences are C and K: exhausted, so Memphis 42 beats Nashville 26.
    auto r = supplementary(tennessee());
    EXPECT_EQ(winner(r), "Memphis");
    EXPECT_EQ(*r.rounds[1].tallies[1], 26);
    EXPECT_EQ(r.rounds[1].inactive.exhausted_choices, 32);
}

TEST(Supplementary, ThirdPreferencesDoNotCount) {
    // A 4, B 3, C 2 first; C's voters rank D second and B third: under contingent they reach B
    // (B 5 vs A 4); under supplementary only D (2nd) counts for them, so A 4 vs B 3.
    profile p({"A", "B", "C", "D"});
    p.add_order(std::vector<cand_t>{0}, 4);
    p.add_order(std::vector<cand_t>{1}, 3);
    p.add_order(std::vector<cand_t>{2, 3, 1}, 2);
    EXPECT_EQ(winner(contingent(p)), "B");
    EXPECT_EQ(winner(supplementary(p)), "A");
}

// The 2016 London mayoral election, counted by the supplementary vote: the official result
// (London Elects' declaration, as published e.g. on Wikipedia's "2016 London mayoral election"):
// first preferences Khan 1,148,716, Goldsmith 909,755, Berry 150,673, Pidgeon 120,005, Whittle
// 94,373, Walker 53,055, Galloway 37,007, Golding 31,372, Harris 20,537, Furness 13,325, Zylinski
// 13,202, Love 4,941; no majority, so the top two meet, with the second preferences of the other
// candidates' voters: Khan +161,427 = 1,310,143, Goldsmith +84,859 = 994,614. Only totals are
// published, so the ballots below are one set with exactly those totals, and with the second
// preferences a count must not use: the finalists' own voters' seconds, seconds for eliminated
// candidates and a third preference for Khan.
TEST(Supplementary, London2016MayorReproducesTheOfficialCount) {
    const std::vector<std::string> names{"Khan",     "Goldsmith", "Berry",  "Pidgeon", "Whittle",  "Walker",
                                         "Galloway", "Golding",   "Harris", "Furness", "Zylinski", "Love"};
    profile p(names);
    auto add = [&](std::vector<cand_t> order, std::uint64_t n) { p.add_order(order, n); };
    add({0}, 1'148'716 - 50'000);
    add({0, 1}, 50'000); // a finalist's voters' second preference is never counted
    add({1}, 909'755 - 40'000);
    add({1, 0}, 40'000);
    add({2, 0}, 100'000); // Berry's voters: 100,000 to Khan, 20,000 to Goldsmith, 30,673 to Pidgeon
    add({2, 1}, 20'000);
    add({2, 3}, 30'673);
    add({3, 0}, 40'000); // Pidgeon's: 40,000 to Khan, 30,000 to Goldsmith
    add({3, 1}, 30'000);
    add({3}, 120'005 - 70'000);
    add({4, 1}, 34'859); // Whittle's: 34,859 to Goldsmith, 5,000 to Khan
    add({4, 0}, 5'000);
    add({4, 5}, 94'373 - 39'859);
    add({5, 0}, 16'427); // Walker's: 16,427 to Khan; 10,000 reach him only third: not counted
    add({5, 3, 0}, 10'000);
    add({5}, 53'055 - 26'427);
    const std::uint64_t rest[] = {37'007, 31'372, 20'537, 13'325, 13'202, 4'941};
    for (cand_t c = 6; c < 12; ++c) add({c, static_cast<cand_t>(c == 11 ? 6 : c + 1)}, rest[c - 6]);
    const result r = supplementary(p);
    EXPECT_EQ(winner(r), "Khan");
    ASSERT_EQ(r.rounds.size(), 2u);
    const std::int64_t first[] = {1'148'716, 909'755, 150'673, 120'005, 94'373, 53'055,
                                  37'007,    31'372,  20'537,  13'325,  13'202, 4'941};
    for (cand_t c = 0; c < 12; ++c) EXPECT_EQ(*r.rounds[0].tallies[c], first[c]) << names[c];
    EXPECT_EQ(*r.rounds[1].tallies[0], 1'310'143);
    EXPECT_EQ(*r.rounds[1].tallies[1], 994'614);
    // under the contingent vote the third preferences reach Khan as well
    EXPECT_EQ(*contingent(p).rounds[1].tallies[0], 1'310'143 + 10'000);
}

TEST(Coombs, TennesseeEliminatesMemphisThenNashvilleHasAMajority) {
    auto r = coombs(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(r.rounds[0].eliminated, std::vector<cand_t>{0});
    EXPECT_EQ(*r.rounds[1].tallies[1], 68);
}

TEST(Bucklin, TennesseeNashvilleReachesAMajorityInRoundTwo) {
    auto r = bucklin(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(*r.rounds[1].tallies[1], 68);
    EXPECT_EQ(*r.rounds[1].tallies[2], 58);
}

TEST(Baldwin, TennesseeEliminatesKnoxvilleThenMemphisThenChattanooga) {
    auto r = baldwin(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_EQ(*r.rounds[0].tallies[3], -86);
    EXPECT_EQ(r.rounds[0].eliminated, std::vector<cand_t>{3});
    EXPECT_EQ(r.rounds[1].eliminated, std::vector<cand_t>{0});
    EXPECT_EQ(r.ranking, tiers({{1}, {2}, {0}, {3}}));
}

TEST(Nanson, TennesseeEliminatesBothBelowAverageAtOnce) {
    auto r = nanson(tennessee());
    EXPECT_EQ(winner(r), "Nashville");
    EXPECT_EQ(r.rounds[0].eliminated, (std::vector<cand_t>{0, 3}));
}

TEST(Elimination, TiesAreRecordedAndRegistryOptionsAreStrict) {
    profile p({"A", "B"});
    p.add_order(std::vector<cand_t>{0, 1}, 2);
    p.add_order(std::vector<cand_t>{1, 0}, 2);
    for (const char* name :
         {"runoff", "contingent", "supplementary", "coombs", "bucklin", "baldwin", "nanson"}) {
        auto r = run(p, name, R"({"tie_break": "lexicographic"})");
        EXPECT_EQ(winner(r), "A") << name;
        EXPECT_FALSE(r.ties.empty()) << name;
        EXPECT_THROW(run(p, name, R"({"bogus": 1})"), error) << name;
    }
}

namespace {
struct rule {
    const char* name;
    std::function<result(const profile&)> f;
    bool majority;  // elects a first-preference majority winner
    bool condorcet; // Condorcet-consistent
};
std::vector<rule> rules() {
    return {{"runoff", [](const profile& p) { return runoff(p); }, true, false},
            {"contingent", [](const profile& p) { return contingent(p); }, true, false},
            {"supplementary", [](const profile& p) { return supplementary(p); }, true, false},
            {"coombs", [](const profile& p) { return coombs(p); }, true, false},
            {"bucklin", [](const profile& p) { return bucklin(p); }, true, false},
            {"baldwin", [](const profile& p) { return baldwin(p); }, true, true},
            {"nanson", [](const profile& p) { return nanson(p); }, true, true}};
}
} // namespace

TEST(Properties, EliminationRulesAnonymousHomogeneousNeutralMajorityAndCondorcet) {
    int majorities = 0, cws = 0;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        std::mt19937_64 rng(seed);
        const std::size_t n = 3 + seed % 4;
        auto bs = accord_test::random_ballots(rng, n, 3 + seed % 9, seed % 2 == 0);
        std::vector<cand_t> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        std::shuffle(perm.begin(), perm.end(), rng);
        const profile base = accord_test::build(bs, n);
        std::vector<std::uint64_t> first(n, 0);
        std::uint64_t total = 0;
        for (const auto& b : bs) {
            total += b.count;
            if (b.tiers.front().size() == 1) first[b.tiers.front()[0]] += b.count;
        }
        std::optional<cand_t> maj;
        for (cand_t c = 0; c < n; ++c)
            if (2 * first[c] > total) maj = c;
        const auto cw = condorcet_winner(tally_pairwise<std::int64_t>(base));
        majorities += maj.has_value();
        cws += cw.has_value();
        for (const auto& ru : rules()) {
            SCOPED_TRACE(std::string(ru.name) + " seed " + std::to_string(seed));
            const auto r = ru.f(base);
            const auto d = ru.f(accord_test::build(bs, n, {}, 2));
            EXPECT_EQ(accord_test::winner_names(d), accord_test::winner_names(r));
            const auto a = ru.f(accord_test::build(bs, n, {}, 1, true));
            EXPECT_EQ(accord_test::named(a), accord_test::named(r));
            const auto x = ru.f(accord_test::build(bs, n, perm));
            if (r.ties.empty() && x.ties.empty())
                EXPECT_EQ(accord_test::winner_names(x), accord_test::winner_names(r));
            if (maj && ru.majority) EXPECT_EQ(r.winners, std::vector<cand_t>{*maj});
            if (cw && ru.condorcet) EXPECT_EQ(r.winners, std::vector<cand_t>{*cw});
        }
    }
    EXPECT_GT(majorities, 20);
    EXPECT_GT(cws, 50);
}
