// The C API's options, rules, votes and queries are read by the core (issue 15: the C shim
// only marshals): the keys, and the refusals that name the key.
#include "accord/apportion.hpp"
#include "accord/error.hpp"
#include "accord/governance.hpp"
#include "accord/motion.hpp"
#include "accord/organisation.hpp"
#include "accord/weighting.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace accord;

TEST(OptionsJson, OrganisationOptionsAreReadAndCheckedByTheCore) {
    std::string list_sizes;
    const auto o = org_csv_options_from_json(
        R"({"within": ["QGH", "U1"], "unallocated": "exclude", "min_population": 5, "list_sizes": "sizes.csv"})",
        &list_sizes);
    EXPECT_EQ(o.within, (std::vector<std::string>{"QGH", "U1"}));
    EXPECT_EQ(o.unallocated, unallocated_policy::exclude);
    EXPECT_TRUE(o.unallocated_given);
    EXPECT_EQ(o.min_population, 5u);
    EXPECT_EQ(list_sizes, "sizes.csv");
    EXPECT_FALSE(org_csv_options_from_json("").unallocated_given);
    // Without somewhere to put it, list_sizes is refused rather than dropped.
    EXPECT_THROW(org_csv_options_from_json(R"({"list_sizes": "sizes.csv"})"), error);
    for (const char* bad :
         {R"({"whithin": []})", R"({"unallocated": "drop"})", R"({"min_population": -1})", "[]"})
        EXPECT_THROW(org_csv_options_from_json(bad, &list_sizes), error) << bad;
}

TEST(OptionsJson, ApportionmentOptionsAreReadAndCheckedByTheCore) {
    const auto o = apportion_options_from_json(R"({"method": "dhondt", "min": 1, "max": 3})", 10, 4);
    EXPECT_EQ(o.method, apportion_method::jefferson);
    EXPECT_EQ(o.seats, 10u);
    EXPECT_EQ(o.min_seats, (std::vector<std::uint64_t>(4, 1)));
    EXPECT_EQ(o.max_seats, (std::vector<std::uint64_t>(4, 3)));
    EXPECT_TRUE(apportion_options_from_json("", 7, 4).min_seats.empty());
    for (const char* bad : {R"({"metod": "dhondt"})", R"({"min": "1"})", R"({"method": "nope"})", "[1]"})
        EXPECT_THROW(apportion_options_from_json(bad, 10, 4), error) << bad;
}

TEST(OptionsJson, AggregateOptionsAreReadAndCheckedByTheCore) {
    const auto o = aggregate_options_from_json(
        R"({"mode": "two-stage", "level": "practice", "group_level": "icb", "inner": "irv", "group_scheme": "sqrt"})");
    EXPECT_EQ(o.mode, aggregation_mode::two_stage);
    EXPECT_EQ(o.level, "practice");
    EXPECT_EQ(o.group_level, "icb");
    EXPECT_EQ(o.inner, "irv");
    EXPECT_TRUE(o.group_scheme.has_value());
    EXPECT_EQ(aggregate_options_from_json("").mode, aggregation_mode::normalised);
    for (const char* bad : {R"({"mdoe": "pooled"})", R"({"mode": 2})", R"({"mode": "sideways"})", "[]"})
        EXPECT_THROW(aggregate_options_from_json(bad), error) << bad;
}

TEST(OptionsJson, VotesAreReadByTheCoreInEitherShape) {
    const auto by_unit = unit_votes_from_json(R"({"P2": "no", "P1": "Yes", "P3": "abstain"})");
    ASSERT_EQ(by_unit.size(), 3u);
    EXPECT_EQ(by_unit[0].unit, "P2"); // in the order given
    EXPECT_EQ(by_unit[0].choice, vote_choice::no);
    EXPECT_EQ(by_unit[1].choice, vote_choice::yes);
    EXPECT_EQ(by_unit[2].choice, vote_choice::abstain);
    const auto listed = unit_votes_from_json(R"([["P1", "yes"], ["P1", "no"]])"); // two partners of P1
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[1].unit, "P1");
    EXPECT_EQ(listed[1].choice, vote_choice::no);
    for (const char* bad : {R"({"P1": 1})", R"([["P1"]])", R"([["P1", "maybe"]])", R"("yes")", "{"})
        EXPECT_THROW(unit_votes_from_json(bad), error) << bad;
}

TEST(OptionsJson, DecisionRulesArePresetsRulesOrAPolicysCategory) {
    decision_rule fallback;
    fallback.name = "fallback";
    EXPECT_EQ(decision_rule_from_json("", fallback).name, "fallback");
    EXPECT_EQ(decision_rule_from_json(R"({"preset": "unanimity"})", fallback).conditions.size(),
              preset_rule("unanimity").conditions.size());
    const auto r = decision_rule_from_json(
        R"({"policy": {"categories": {"budget": {"conditions": [{"name": "units", "basis": "units", "fraction": "2/3"}]}}}, "category": "budget"})",
        fallback);
    EXPECT_EQ(r.name, "budget");
    ASSERT_EQ(r.conditions.size(), 1u);
    EXPECT_EQ(r.conditions[0].fraction, rational(2, 3));
    for (const char* bad : {R"({"policy": {"categories": {}}})", R"({"policy": {}, "category": 3})",
                            R"({"policy": {"categories": {}}, "category": "x", "level": "pcn"})",
                            R"({"conditions": "all"})", R"({"prest": "unanimity"})"})
        EXPECT_THROW(decision_rule_from_json(bad, fallback), error) << bad;
    try {
        decision_rule_from_json(R"({"policy": {"categories": {"a": {}}}, "category": "b"})", fallback);
        FAIL() << "an unknown category was accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
    }
}

TEST(OptionsJson, RulePowerOptionsAddLevelAndUnionsToThePowerOptions) {
    const auto o = rule_power_options_from_json(
        R"({"level": "pcn", "unions_by": "icb", "indices": "banzhaf", "method": "dp"})");
    EXPECT_EQ(o.level, "pcn");
    EXPECT_EQ(o.unions_by, "icb");
    EXPECT_EQ(o.power.indices, unsigned(index_banzhaf));
    EXPECT_TRUE(rule_power_options_from_json("").level.empty());
    for (const char* bad : {R"({"level": 2})", R"({"unions": "pcn"})", R"({"samples": 10})", "[]"})
        EXPECT_THROW(rule_power_options_from_json(bad), error) << bad;
}

TEST(OptionsJson, MandateQueriesAreStrict) {
    const auto q = mandate_query_from_json(
        R"({"body": "board", "category": "spend", "date": "2026-01-31", "amount": "2500.50"})");
    EXPECT_EQ(q.body, "board");
    EXPECT_EQ(q.category, "spend");
    EXPECT_EQ(q.date, "2026-01-31");
    ASSERT_TRUE(q.amount.has_value());
    EXPECT_EQ(*q.amount, rational(5001, 2));
    EXPECT_FALSE(mandate_query_from_json(R"({"body": "b", "category": "c"})").amount.has_value());
    for (const char* bad : {R"({"body": "b"})", R"({"body": "b", "category": "c", "amount": 5})",
                            R"({"body": "b", "category": "c", "when": "2026"})", "[]", ""})
        EXPECT_THROW(mandate_query_from_json(bad), error) << bad;
}

TEST(OptionsJson, NhsJoinHasNoOptionsYetAndSaysSo) {
    EXPECT_NO_THROW(check_nhs_join_options_json(""));
    EXPECT_NO_THROW(check_nhs_join_options_json("{}"));
    EXPECT_THROW(check_nhs_join_options_json(R"({"within": ["QGH"]})"), error);
    EXPECT_THROW(check_nhs_join_options_json("[]"), error);
    nhs_join_report r;
    r.shape = "2025";
    r.practices = 2;
    r.registered_patients = 12000;
    r.not_in_mapping = {"Y0001"};
    EXPECT_EQ(to_json(r),
              R"({"shape":"2025","mapping_extract_date":"","list_size_extract_date":"","practices":2,)"
              R"("registered_patients":12000,"list_size_practices_not_in_mapping":["Y0001"]})");
}
