// Two-level weighting (a scheme inside each PCN, another across PCNs) on the four-practice,
// two-PCN example of four_practices.hpp, whose shares and winners are worked out by hand there;
// the analyses that carry it (sweep, SMAA, tipping points) and the one table of their defaults.
#include "accord/analysis/explore.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/analysis/sweep.hpp"
#include "accord/error.hpp"
#include "accord/motion.hpp"
#include "accord/power.hpp"
#include "accord/registry.hpp"
#include "accord/weighting.hpp"
#include "four_practices.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace accord;
using accord_test::four_ballots;
using accord_test::four_org_two_pcns;

namespace {
rational share_of(const organisation& org, const weight_report& r, const std::string& id) {
    for (const auto& u : r.units)
        if (org[u.unit].id == id) return u.share;
    throw std::runtime_error("no unit " + id);
}

std::string winner(const result& r) { return r.winners.empty() ? "" : r.candidates.at(r.winners.front()); }

aggregate_options two_level(const char* across, aggregation_mode mode = aggregation_mode::normalised) {
    aggregate_options a;
    a.mode = mode;
    a.group_scheme = parse_scheme(across);
    return a;
}
} // namespace

TEST(TwoLevel, EqualWithinPopulationAcrossGivesTheHandComputedShares) {
    const auto org = four_org_two_pcns();
    const auto r = compute_two_level_weights(org, org.of_kind("practice"), parse_scheme("equal"),
                                             parse_scheme("population"));
    EXPECT_EQ(share_of(org, r.units, "a"), rational(3, 10));
    EXPECT_EQ(share_of(org, r.units, "b"), rational(3, 10));
    EXPECT_EQ(share_of(org, r.units, "c"), rational(1, 5));
    EXPECT_EQ(share_of(org, r.units, "d"), rational(1, 5));
    EXPECT_EQ(share_of(org, r.groups, "P"), rational(3, 5));
    EXPECT_EQ(r.units.scheme, "equal within pcn, population across");
}

TEST(TwoLevel, PopulationWithinEqualAcrossGivesTheHandComputedShares) {
    const auto org = four_org_two_pcns();
    const auto r = compute_two_level_weights(org, org.of_kind("practice"), parse_scheme("population"),
                                             parse_scheme("equal"));
    EXPECT_EQ(share_of(org, r.units, "a"), rational(3, 8));
    EXPECT_EQ(share_of(org, r.units, "b"), rational(1, 8));
    EXPECT_EQ(share_of(org, r.units, "c"), rational(3, 16));
    EXPECT_EQ(share_of(org, r.units, "d"), rational(5, 16));
}

TEST(TwoLevel, PluralityWinnerFollowsWhichLevelCountsPopulation) {
    const auto org = four_org_two_pcns();
    const auto p = four_ballots();
    // Y 1/2 > X 3/10 > Z 1/5.
    const auto y = run_weighted(p, org, parse_scheme("equal"), "plurality", "{}", two_level("population"));
    EXPECT_EQ(winner(y), "Y");
    EXPECT_EQ(*y.scores[1], rational(1, 2));
    // X 3/8 > Y = Z 5/16.
    const auto x = run_weighted(p, org, parse_scheme("population"), "plurality", "{}", two_level("equal"));
    EXPECT_EQ(winner(x), "X");
    EXPECT_EQ(*x.scores[0], rational(3, 8));
    // Pooled gives the same answer here: one ballot per practice.
    EXPECT_EQ(winner(run_weighted(p, org, parse_scheme("population"), "plurality", "{}",
                                  two_level("equal", aggregation_mode::pooled))),
              "X");
}

TEST(TwoLevel, ACapIsAShareOfTheLevelItIsGivenFor) {
    const auto org = four_org_two_pcns();
    const auto practices = org.of_kind("practice");
    // Across 2 PCNs a cap of 1/2 holds (P's 60% is cut to 50%): each practice 1/4.
    const auto r =
        compute_two_level_weights(org, practices, parse_scheme("equal"), parse_scheme("capped:1/2"));
    for (const char* id : {"a", "b", "c", "d"}) EXPECT_EQ(share_of(org, r.units, id), rational(1, 4)) << id;
    // A cap of 0.3 holds for 4 practices but not for 2 PCNs, and the message says which level.
    EXPECT_NO_THROW(compute_weights(org, practices, parse_scheme("capped:0.3")));
    try {
        compute_two_level_weights(org, practices, parse_scheme("equal"), parse_scheme("capped:0.3"));
        FAIL() << "a cap of 0.3 cannot hold across 2 PCNs";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("across pcns"), std::string::npos) << e.what();
    }
    // Inside each PCN a cap is a share of that PCN: 0.75 inside P leaves a at 3/4 of P's share.
    const auto in =
        compute_two_level_weights(org, practices, parse_scheme("capped:0.7"), parse_scheme("equal"));
    EXPECT_EQ(share_of(org, in.units, "a"), rational(7, 20));
    EXPECT_EQ(share_of(org, in.units, "b"), rational(3, 20));
}

// Power under a two-level weighting, worked by hand from the shares in four_practices.hpp.
// Equal within, population across: weights 3,3,2,2 (tenths), more than 5 wins. Winning
// coalitions ab, abc, abd, acd, bcd, abcd: swings a 4, b 4, c 2, d 2; Shapley-Shubik pivots
// (of 24 orders) a 8, b 8, c 4, d 4. Population within, equal across: 6,2,3,5 (sixteenths),
// more than 8 wins: swings a 5, b 1, c 3, d 3.
TEST(TwoLevel, PowerOfATwoLevelWeightingHasTheHandComputedIndices) {
    const auto org = four_org_two_pcns();
    decision_rule rule;
    majority_condition c;
    c.basis = "weights:equal";
    c.group_scheme = "population";
    rule.conditions.push_back(c);
    const auto g = rule_game(org, rule, "");
    EXPECT_EQ(g.majorities.at(0).weights, (std::vector<std::uint64_t>{3, 3, 2, 2}));
    const auto r = power_indices(g, power_options_from_json(R"({"indices": "banzhaf,shapley_shubik"})"));
    EXPECT_EQ(r.banzhaf.exact, (std::vector<rational>{{1, 3}, {1, 3}, {1, 6}, {1, 6}}));
    EXPECT_EQ(r.shapley_shubik.exact, (std::vector<rational>{{1, 3}, {1, 3}, {1, 6}, {1, 6}}));

    rule.conditions[0].basis = "weights:population";
    rule.conditions[0].group_scheme = "equal";
    const auto h =
        power_indices(rule_game(org, rule, ""), power_options_from_json(R"({"indices": "banzhaf"})"));
    EXPECT_EQ(h.banzhaf.exact, (std::vector<rational>{{5, 12}, {1, 12}, {1, 4}, {1, 4}}));

    // The same rule read from JSON; a group scheme needs a weights basis.
    const auto parsed = parse_decision_rule(
        R"({"conditions": [{"basis": "weights:population", "group_scheme": "equal", "group_level": "pcn"}]})");
    EXPECT_EQ(power_indices(rule_game(org, parsed, ""), power_options_from_json(R"({"indices": "banzhaf"})"))
                  .banzhaf.exact,
              h.banzhaf.exact);
    try {
        (void)parse_decision_rule(R"({"conditions": [{"basis": "population", "group_scheme": "equal"}]})");
        ADD_FAILURE() << "a group scheme on a population basis was accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("group_scheme"), std::string::npos) << e.what();
    }
}

// A motion with a and b (PCN P) for, c and d (PCN Q) against: half the practices, so a simple
// majority of equal weights fails; equal within and population across gives P's 3/5 and passes.
TEST(TwoLevel, AMotionWeighsVotesByTheTwoLevelShares) {
    const auto org = four_org_two_pcns();
    const std::vector<unit_vote> votes{
        {"a", vote_choice::yes}, {"b", vote_choice::yes}, {"c", vote_choice::no}, {"d", vote_choice::no}};
    decision_rule rule;
    majority_condition c;
    c.basis = "weights:equal";
    rule.conditions.push_back(c);
    EXPECT_FALSE(decide(org, votes, rule).passed);
    rule.conditions[0].group_scheme = "population";
    const auto d = decide(org, votes, rule);
    EXPECT_TRUE(d.passed);
    EXPECT_EQ(d.conditions.back().have, rational(3, 5));
}

TEST(TwoLevel, TwoStageUsesTheInsideSchemeInsideAndTheGroupSchemeAcross) {
    const auto org = four_org_two_pcns();
    auto ag = two_level("population", aggregation_mode::two_stage);
    ag.inner = ag.outer = "plurality";
    // Inside P by population: a (X) 3/4 > b (Y); inside Q: d (Z) 5/8 > c (Y). Across: P 3/5 > Q.
    const auto r = run_weighted(four_ballots(), org, parse_scheme("population"), "plurality", "{}", ag);
    EXPECT_EQ(winner(r), "X");
    // Across equally instead, P (X) and Q (Z) tie 1/2 : 1/2 in the outer plurality.
    ag.group_scheme = parse_scheme("equal");
    ag.outer_options = R"({"tie_break": "report"})";
    EXPECT_TRUE(run_weighted(four_ballots(), org, parse_scheme("population"), "plurality",
                             R"({"tie_break": "report"})", ag)
                    .winners.empty());
}

TEST(TwoLevel, TwoStageSkipsAGroupWithNoWeightInsteadOfFailing) {
    // Q has no patients: under sqrt its weight is 0, and the count goes on with P alone.
    const auto org =
        read_organisation_text("id,name,kind,parent,population\nP,PCN P,pcn,,\nQ,PCN Q,pcn,,\n"
                               "a,A,practice,P,45\nb,B,practice,P,15\nc,C,practice,Q,0\nd,D,practice,Q,0\n",
                               "zero.csv");
    aggregate_options ag;
    ag.mode = aggregation_mode::two_stage;
    ag.inner = ag.outer = "borda";
    const auto r = run_weighted(four_ballots(), org, parse_scheme("sqrt"), "borda", "{}", ag);
    EXPECT_FALSE(r.winners.empty());
    bool noted = false;
    for (const auto& n : r.notes) noted = noted || n.find("group weight 0, not counted") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(TwoLevel, TippingByPopulationInATwoStageCountSurvivesPopulationsOfZero) {
    // `accord analyse tipping ... --rule borda --scheme sqrt --mode two-stage --quantity population`
    // failed with "ballot weight must be positive, got 0" once a PCN's population reached 0.
    const auto org = read_organisation_text("id,name,kind,parent,population\nP,PCN P,pcn,,\nQ,PCN Q,pcn,,\n"
                                            "a,A,practice,P,45\nb,B,practice,P,15\nc,C,practice,Q,15\n",
                                            "three.csv");
    profile p({"X", "Y", "Z"});
    const cand_t x[] = {0, 1, 2}, y[] = {1, 2, 0};
    p.add_order(x, 1, rational(1), p.intern_unit("a"));
    p.add_order(y, 1, rational(1), p.intern_unit("b"));
    p.add_order(y, 3, rational(1), p.intern_unit("c"));
    const auto t = tipping_options_from_json(
        R"({"rule": "borda", "scheme": "sqrt", "mode": "two-stage", "quantity": "population"})");
    const auto r = tipping_points(p, org, t);
    EXPECT_EQ(r.units.size(), 3u);
}

TEST(TwoLevel, TippingSkipsAPointWhereTheCapCannotBeMetAndCarriesOn) {
    // capped:3/10 holds for the four practices (X 3/10, Y 2/5, Z 3/10), but a population of 0
    // leaves three practices with patients, which cannot all stay under 3/10. That point used to
    // stop the whole analysis; now it is recorded and skipped.
    const auto t = tipping_options_from_json(
        R"({"rule": "plurality", "scheme": "capped:3/10", "quantity": "population", "mode": "normalised"})");
    const auto r = tipping_points(accord_test::four_ballots(), accord_test::four_org(), t);
    EXPECT_EQ(r.baseline_winner, "Y");
    ASSERT_EQ(r.units.size(), 4u);
    for (const auto& u : r.units) {
        ASSERT_EQ(u.skipped.size(), 1u) << u.unit;
        EXPECT_EQ(u.skipped[0].at, rational(0));
        EXPECT_NE(u.skipped[0].reason.find("cannot all stay under 3/10"), std::string::npos)
            << u.skipped[0].reason;
    }
    EXPECT_NE(tipping_json(r).find(R"("skipped":[{"at":0.0,"at_exact":"0")"), std::string::npos);
}

TEST(TwoLevel, SweepMarksAnImpossibleCellAndCarriesOn) {
    sweep_options o;
    o.schemes = {parse_scheme("capped:0.2"), parse_scheme("equal")}; // 0.2 x 4 practices < 1
    o.group_schemes = {std::nullopt, parse_scheme("population")};
    o.rules = {"plurality"};
    const auto e = sweep(four_ballots(), four_org_two_pcns(), o);
    ASSERT_EQ(e.size(), 4u);
    EXPECT_NE(e[0].error.find("capped"), std::string::npos) << e[0].error;
    EXPECT_NE(e[1].error.find("within pcn"), std::string::npos) << e[1].error; // 0.2 x 2 practices in a PCN
    EXPECT_TRUE(e[2].error.empty());
    EXPECT_EQ(winner(e[2].count), "Y");
    EXPECT_EQ(e[3].group_scheme, "population");
    EXPECT_EQ(winner(e[3].count), "Y");
    EXPECT_FALSE(e[3].winner_changed); // compared with the first cell that counted
    const auto j = nlohmann::json::parse(sweep_report_json(four_ballots(), o, e));
    EXPECT_EQ(j["failed"].size(), 2u);
    EXPECT_TRUE(j["rows"][0]["winner"].is_null());
    EXPECT_EQ(j["baseline"]["scheme"], "equal");
    // A sweep where nothing can be counted is an error, not a table of failures.
    o.schemes = {parse_scheme("capped:0.2")};
    o.group_schemes = {std::nullopt};
    EXPECT_THROW(sweep(four_ballots(), four_org_two_pcns(), o), error);
}

TEST(TwoLevel, SmaaSamplesTwoStageCountsAndIsThreadCountInvariant) {
    population_smaa_options o;
    o.mode = aggregation_mode::two_stage;
    o.rule = "borda";
    o.sigma = 0.3;
    o.monte_carlo.samples = 300;
    o.monte_carlo.seed = 9;
    o.monte_carlo.threads = 1;
    const auto a = population_smaa(four_ballots(), four_org_two_pcns(), o);
    o.monte_carlo.threads = 2;
    const auto b = population_smaa(four_ballots(), four_org_two_pcns(), o);
    EXPECT_EQ(a.samples, 300u);
    EXPECT_EQ(a.by_rank, b.by_rank);
    EXPECT_EQ(a.winner, b.winner);
    // No noise: every sample is the observed two-stage count.
    // No noise: every sample is the observed count. Borda inside by population: P X > Y > Z,
    // Q Z > Y > X; across by population (3/5, 2/5): X 6/5 > Y 1 > Z 4/5.
    o.sigma = 0;
    o.group_scheme = parse_scheme("population");
    const auto c = population_smaa(four_ballots(), four_org_two_pcns(), o);
    EXPECT_EQ(c.incomplete, 0u);
    EXPECT_DOUBLE_EQ(c.winner[0], 1.0);
    EXPECT_DOUBLE_EQ(c.by_rank[1][1], 1.0);
    o.sampler = population_sampler::simplex;
    EXPECT_THROW(population_smaa(four_ballots(), four_org_two_pcns(), o), error);
}

TEST(AnalysisDefaults, EveryParserReadsTheOneTable) {
    const auto sw = sweep_options_from_json("{}");
    EXPECT_EQ(sw.rules, default_sweep_rules());
    ASSERT_EQ(sw.schemes.size(), default_sweep_schemes().size());
    EXPECT_EQ(scheme_name(sw.schemes[1]), "population");
    EXPECT_EQ(sw.rules, std::vector<std::string>{"borda"});
    EXPECT_EQ(scheme_name(smaa_options_from_json("{}").scheme), k_default_analysis_scheme);
    EXPECT_EQ(scheme_name(tipping_options_from_json("{}").scheme), k_default_analysis_scheme);
    const auto j = nlohmann::json::parse(analysis_defaults_json());
    EXPECT_EQ(j["sweep"]["rules"], nlohmann::json::array({"borda"}));
    EXPECT_EQ(j["smaa"]["scheme"], "population");
    EXPECT_EQ(j["tipping"]["quantity"], "weight");
}

TEST(Explore, OneCallGivesTheCountWeightPowerSmaaAndTipping) {
    const auto org = four_org_two_pcns();
    const auto p = four_ballots();
    auto j = nlohmann::json::parse(
        explore_json(p, org, R"({"rule": "plurality", "scheme": "equal", "samples": 50})"));
    EXPECT_TRUE(j["error"].is_null());
    EXPECT_EQ(j["winner"], "Y");
    EXPECT_DOUBLE_EQ(j["weights"]["largest_share"].get<double>(), 0.25);
    EXPECT_EQ(j["groups"].size(), 2u);
    EXPECT_EQ(j["smaa"]["samples"], 50u);
    EXPECT_FALSE(j["tipping"]["nearest"].empty());
    // Two levels, population across: P holds 3/5 of the weight and so all the power.
    j = nlohmann::json::parse(
        explore_json(p, org, R"({"rule": "plurality", "scheme": "equal", "group_scheme": "population",
                                                      "samples": 0, "tipping": false})"));
    EXPECT_DOUBLE_EQ(j["groups"][0]["share"].get<double>(), 0.6);
    EXPECT_DOUBLE_EQ(j["groups"][0]["banzhaf"].get<double>(), 1.0);
    // An impossible cap is a report that says why, not an exception.
    j = nlohmann::json::parse(explore_json(p, org, R"({"scheme": "capped:0.2"})"));
    EXPECT_NE(j["error"].get<std::string>().find("capped"), std::string::npos);
    EXPECT_THROW(explore_json(p, org, R"({"sheme": "equal"})"), error);
}
