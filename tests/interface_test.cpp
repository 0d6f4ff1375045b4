// The analyses' JSON interface (accord/analysis/interface.hpp): strict options, and reports with
// the keys the CLI, C API and Python promise.
#include "accord/analysis/interface.hpp"
#include "accord/error.hpp"
#include "four_practices.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace accord;
using accord_test::four_ballots;
using accord_test::four_org;

namespace {
errc code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const error& e) {
        return e.code();
    }
    return errc::ok;
}
} // namespace

TEST(Interface, UnknownOrMistypedOptionsAreErrors) {
    EXPECT_EQ(code_of([] { smaa_options_from_json(R"({"sampels": 10})"); }), errc::invalid);
    EXPECT_EQ(code_of([] { smaa_options_from_json(R"({"samples": -1})"); }), errc::invalid);
    EXPECT_EQ(code_of([] { smaa_options_from_json(R"({"sampler": "dirichlet:2", "alpha": 3})"); }),
              errc::invalid);
    EXPECT_EQ(code_of([] { smaa_options_from_json(R"({"sigma": 0.2, "sampler": "simplex"})"); }),
              errc::invalid);
    EXPECT_EQ(code_of([] { smaa_options_from_json("[1]"); }), errc::invalid);
    EXPECT_EQ(code_of([] { sweep_options_from_json(R"({"rules": []})"); }), errc::invalid);
    EXPECT_EQ(code_of([] { sweep_options_from_json(R"({"modes": ["sideways"]})"); }), errc::invalid);
    EXPECT_EQ(code_of([] { tipping_options_from_json(R"({"tolerance": 0.001})"); }), errc::invalid);
    EXPECT_EQ(code_of([] { tipping_options_from_json(R"({"quantity": "votes"})"); }), errc::invalid);
}

TEST(Interface, SamplerTextsAndDefaults) {
    auto o = smaa_options_from_json(R"({"sampler": "population:0.25", "samples": 10, "seed": 7})");
    EXPECT_EQ(o.sampler, population_sampler::population_noise);
    EXPECT_DOUBLE_EQ(o.sigma, 0.25);
    EXPECT_EQ(o.monte_carlo.samples, 10u);
    EXPECT_EQ(scheme_name(o.scheme), "population"); // noise on equal weights would do nothing
    o = smaa_options_from_json(R"({"sampler": "dirichlet", "alpha": 3})");
    EXPECT_EQ(o.sampler, population_sampler::dirichlet);
    EXPECT_DOUBLE_EQ(o.alpha, 3);
    const auto t = tipping_options_from_json(R"({"tolerance": "1/1000", "max_factor": 8, "rule": "borda"})");
    EXPECT_EQ(t.tolerance, rational(1, 1000));
    EXPECT_EQ(t.max_factor, rational(8));
    EXPECT_EQ(t.rule, "borda");
    // Two-stage counts take the rule at both stages from run_weighted's defaults (empty = the rule).
    EXPECT_TRUE(t.aggregation.inner.empty() && t.aggregation.outer.empty());
}

TEST(Interface, SmaaReportHasTheContractKeysAndIgnoresThreads) {
    const auto p = four_ballots();
    const auto org = four_org();
    const std::string one = analyse_smaa(
        p, org, R"({"rule": "plurality", "sampler": "simplex", "samples": 500, "seed": 3, "threads": 1})");
    const std::string two = analyse_smaa(
        p, org, R"({"rule": "plurality", "sampler": "simplex", "samples": 500, "seed": 3, "threads": 2})");
    EXPECT_EQ(one, two);
    const auto j = nlohmann::json::parse(one);
    for (const char* key :
         {"samples", "settings", "candidates", "units", "rank_acceptability", "winner_probability",
          "winner_probability_se", "expected_rank", "central_weights", "incomplete"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["rank_acceptability"]["X"].size(), 3u);
    EXPECT_EQ(j["central_weights"]["X"].size(), 4u); // one share per unit
}

TEST(Interface, ProgressCanCancelEachAnalysis) {
    const auto p = four_ballots();
    const auto org = four_org();
    auto stop = [](std::size_t, std::size_t) { return false; };
    EXPECT_EQ(code_of([&] {
                  analyse_smaa(p, org, R"({"rule": "plurality", "samples": 100000, "threads": 1})", stop);
              }),
              errc::cancelled);
    EXPECT_EQ(code_of([&] { analyse_sweep(p, org, R"({"rules": ["plurality", "irv"]})", stop); }),
              errc::cancelled);
    EXPECT_EQ(code_of([&] { analyse_tipping(p, org, R"({"rule": "plurality"})", stop); }), errc::cancelled);
    std::size_t calls = 0, last = 0;
    analyse_sweep(p, org, R"({"rules": ["plurality", "irv"], "schemes": ["equal", "population"]})",
                  [&](std::size_t done, std::size_t total) {
                      ++calls;
                      last = done;
                      EXPECT_EQ(total, 4u);
                      return true;
                  });
    EXPECT_EQ(calls, 4u);
    EXPECT_EQ(last, 4u);
}

TEST(Interface, TippingReportStatesTheToleranceAndTheChange) {
    const auto j = nlohmann::json::parse(analyse_tipping(
        four_ballots(), four_org(), R"({"rule": "plurality", "scheme": "equal", "tolerance": "1/100"})"));
    EXPECT_EQ(j["baseline_winner"], "Y");
    EXPECT_EQ(j["settings"]["tolerance_exact"], "1/100");
    // a (X) needs its weight doubled to tie Y's two practices: the change is about +1.
    const auto& a = j["units"][0];
    EXPECT_EQ(a["unit"], "a");
    EXPECT_EQ(a["name"], "A");
    ASSERT_TRUE(a["up"].is_object());
    EXPECT_NEAR(a["up"]["change"].get<double>(), 1.0, 0.011);
}
