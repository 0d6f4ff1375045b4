// Synthetic electorates by model name and the Monte Carlo over them: the model reproduces the
// generators, the analysis is thread-count invariant, and it answers closed-form cases.
#include "accord/analysis/electorates.hpp"
#include "accord/analysis/generate.hpp"
#include "accord/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace accord;

namespace {
bool same_ballots(const profile& a, const profile& b) {
    if (a.unique_count() != b.unique_count()) return false;
    for (std::size_t i = 0; i < a.unique_count(); ++i) {
        const auto x = a.ballot(i), y = b.ballot(i);
        if (x.count != y.count || x.marks.size() != y.marks.size()) return false;
        for (std::size_t k = 0; k < x.marks.size(); ++k)
            if (x.marks[k].candidate != y.marks[k].candidate || x.marks[k].value != y.marks[k].value)
                return false;
    }
    return true;
}
} // namespace

TEST(Electorates, ModelsDrawWhatTheGeneratorsDraw) {
    EXPECT_TRUE(
        same_ballots(generate({.kind = electorate_kind::impartial_culture, .candidates = 4, .voters = 50}, 7),
                     impartial_culture(4, 50, 7)));
    const std::vector<double> s{4, 2, 1};
    EXPECT_TRUE(
        same_ballots(generate({.kind = electorate_kind::plackett_luce, .voters = 30, .strengths = s}, 3),
                     plackett_luce(s, 30, 3)));
    EXPECT_TRUE(same_ballots(
        generate({.kind = electorate_kind::spatial, .candidates = 5, .voters = 20, .dimensions = 3}, 9),
        spatial(5, 20, 3, 9)));
    const profile p = generate({.kind = electorate_kind::mallows,
                                .voters = 10,
                                .phi = 0,
                                .center = {2, 0, 1},
                                .names = {"Access", "Frailty", "Digital"}},
                               1);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital"}));
    ASSERT_EQ(p.unique_count(), 1u); // phi = 0: everyone votes the center
    EXPECT_EQ(p.ballot(0).count, 10u);
    EXPECT_EQ(p.ballot(0).marks[0].candidate, 2u);
}

TEST(Electorates, ResampleNeedsASourceAndKeepsItsCandidates) {
    EXPECT_THROW(generate({.kind = electorate_kind::resample, .voters = 5}, 1), error);
    profile src({"A", "B"});
    src.add_order(std::vector<cand_t>{0, 1}, 3);
    const profile p = generate({.kind = electorate_kind::resample}, 4, &src);
    EXPECT_EQ(p.candidate_names(), src.candidate_names());
    EXPECT_EQ(p.total_count(), big_int(3)); // voters default to the source's
    EXPECT_THROW(generate({.kind = electorate_kind::resample, .names = {"X", "Y"}}, 4, &src), error);
}

TEST(Electorates, MissingOrInconsistentParametersAreErrors) {
    EXPECT_THROW(generate({.kind = electorate_kind::impartial_culture, .voters = 5}, 1),
                 error); // no candidates
    EXPECT_THROW(generate({.kind = electorate_kind::impartial_culture, .candidates = 3}, 1),
                 error); // no voters
    EXPECT_THROW(
        generate({.kind = electorate_kind::plackett_luce, .candidates = 3, .voters = 5, .strengths = {1, 2}},
                 1),
        error);
    EXPECT_THROW(generate({.kind = electorate_kind::impartial_culture,
                           .candidates = 2,
                           .voters = 5,
                           .names = {"a", "b", "c"}},
                          1),
                 error);
    EXPECT_THROW(parse_electorate_kind("urn"), error);
}

TEST(Electorates, ReportIsIdenticalWhateverTheThreadCount) {
    electorate_options o{
        .model = {.kind = electorate_kind::mallows, .candidates = 4, .voters = 25, .phi = 0.8},
        .rules = {"plurality", "irv", "borda"}};
    o.monte_carlo.samples = 300;
    o.monte_carlo.seed = 11;
    o.monte_carlo.threads = 1;
    const auto one = electorate_monte_carlo(o);
    o.monte_carlo.threads = 3;
    const auto three = electorate_monte_carlo(o);
    for (std::size_t r = 0; r < 3; ++r) {
        EXPECT_EQ(one.by_rule[r].by_rank, three.by_rule[r].by_rank);
        EXPECT_EQ(one.by_rule[r].winner, three.by_rule[r].winner);
    }
    EXPECT_EQ(one.agreement, three.agreement);
}

TEST(Electorates, UnanimousElectoratesNeverDifferAndRulesAlwaysAgree) {
    // phi = 0: every electorate is the center, so every rule elects its top, as on the reference.
    const electorate_model m{
        .kind = electorate_kind::mallows, .candidates = 4, .voters = 9, .phi = 0, .center = {3, 1, 0, 2}};
    const profile reference = generate(m, 0);
    electorate_options o{.model = m, .rules = {"irv", "schulze"}};
    o.monte_carlo.samples = 100;
    const auto r = electorate_monte_carlo(o, &reference);
    for (std::size_t k = 0; k < 2; ++k) {
        EXPECT_EQ(r.reference_winner[k], cand_t{3});
        EXPECT_DOUBLE_EQ(r.differs_from_reference[k], 0.0);
        EXPECT_DOUBLE_EQ(r.by_rule[k].winner[3], 1.0);
    }
    EXPECT_DOUBLE_EQ(r.agreement[0][1], 1.0);
}

TEST(Electorates, ImpartialCultureFavoursNoCandidate) {
    // Every candidate wins with probability 1/3 by symmetry (ties broken at random).
    electorate_options o{
        .model = {.kind = electorate_kind::impartial_culture, .candidates = 3, .voters = 101},
        .rules = {"borda"},
        .rule_options = R"({"tie_break": "random", "seed": 5})"};
    o.monte_carlo.samples = 3000;
    o.monte_carlo.seed = 2;
    const auto r = electorate_monte_carlo(o);
    EXPECT_TRUE(r.differs_from_reference.empty());
    for (std::size_t c = 0; c < 3; ++c)
        EXPECT_NEAR(r.by_rule[0].winner[c], 1.0 / 3, 4 * r.by_rule[0].winner_se[c]);
}

TEST(Electorates, PluralityAndBordaDisagreeOnSomeElectorates) {
    electorate_options o{.model = {.kind = electorate_kind::impartial_culture, .candidates = 4, .voters = 15},
                         .rules = {"plurality", "borda"},
                         .rule_options = R"({"tie_break": "lexicographic"})"};
    o.monte_carlo.samples = 500;
    const auto r = electorate_monte_carlo(o);
    EXPECT_DOUBLE_EQ(r.agreement[0][0], 1.0);
    EXPECT_EQ(r.agreement[0][1], r.agreement[1][0]);
    EXPECT_GT(r.agreement[0][1], 0.3);
    EXPECT_LT(r.agreement[0][1], 0.95);
}

TEST(Electorates, ProgressCanCancel) {
    electorate_options o{
        .model = {.kind = electorate_kind::impartial_culture, .candidates = 5, .voters = 50}};
    o.monte_carlo.samples = 1000000;
    o.monte_carlo.progress = [](std::size_t, std::size_t) { return false; };
    try {
        electorate_monte_carlo(o);
        FAIL() << "expected a cancel";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
}
