// The C API's organisation and apportionment options are read by the core (issue 15: the C shim
// only marshals): the keys, and the refusals that name the key.
#include "accord/apportion.hpp"
#include "accord/error.hpp"
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
