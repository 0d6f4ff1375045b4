// Monte Carlo runs and sweeps split across processes (accord.dask): block ranges folded in block
// order, and sweep cells counted apart, give the report of the unsplit run, byte for byte.
#include "accord/analysis/interface.hpp"
#include "accord/analysis/monte_carlo.hpp"
#include "accord/error.hpp"
#include "four_practices.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace accord;
using accord_test::four_ballots;
using accord_test::four_org;
using json = nlohmann::json;

namespace {
/// `options` with one more key.
std::string with(const std::string& options, const std::string& key, const json& value) {
    json j = json::parse(options);
    j[key] = value;
    return j.dump();
}
} // namespace

TEST(Split, SmaaBlockRangesFoldedInOrderGiveTheUnsplitReport) {
    const auto p = four_ballots();
    const auto org = four_org();
    // 650 samples: ten full blocks of 64 and a short eleventh.
    const std::string o = R"({"rule": "irv", "sampler": "simplex", "samples": 650, "seed": 5, "threads": 2})";
    const std::string whole = analyse_smaa(p, org, o);
    const auto part = [&](std::size_t a, std::size_t b) {
        return json::parse(analyse_smaa(p, org, with(o, "blocks", {a, b})));
    };
    // Cut three ways; the middle range is folded from an earlier total.
    const json first = json::parse(fold_block_sums(json::array({part(0, 3)}).dump()));
    const json total = json::parse(fold_block_sums(json::array({first, part(3, 4), part(4, 11)}).dump()));
    EXPECT_EQ(analyse_smaa(p, org, with(o, "total", total)), whole);
    // Another seed is another report, so the comparison above can fail.
    EXPECT_NE(analyse_smaa(p, org, with(o, "seed", 6)), whole);
}

TEST(Split, ElectorateBlockRangesFoldedInOrderGiveTheUnsplitReport) {
    const std::string o = R"({"model": "impartial-culture", "candidates": 4, "voters": 25,
                              "rules": ["irv", "borda"], "samples": 300, "seed": 2})";
    const std::string whole = analyse_electorates(nullptr, o);
    json parts = json::array();
    for (std::size_t a = 0; a < 5; a += 2)
        parts.push_back(json::parse(
            analyse_electorates(nullptr, with(o, "blocks", {a, std::min<std::size_t>(a + 2, 5)}))));
    EXPECT_EQ(analyse_electorates(nullptr, with(o, "total", json::parse(fold_block_sums(parts.dump())))),
              whole);
}

TEST(Split, SweepCellsCountedApartGiveTheUnsplitReport) {
    const auto p = four_ballots();
    const auto org = four_org();
    const std::string o = R"({"rules": ["irv", "borda"], "schemes": ["equal", "population", "sqrt"],
                              "modes": ["normalised", "pooled"]})";
    json parts = json::array();
    for (std::size_t a = 0; a < 12; a += 5)
        parts.push_back(
            json::parse(analyse_sweep(p, org, with(o, "cells", {a, std::min<std::size_t>(a + 5, 12)}))));
    EXPECT_EQ(analyse_sweep(p, org, with(o, "counted", parts)), analyse_sweep(p, org, o));
}

TEST(Split, PartsOutOfOrderOrIncompleteAreRefused) {
    const auto p = four_ballots();
    const auto org = four_org();
    const std::string o = R"({"rule": "irv", "samples": 300, "seed": 1})";
    const json a = json::parse(analyse_smaa(p, org, with(o, "blocks", {0, 2})));
    const json b = json::parse(analyse_smaa(p, org, with(o, "blocks", {2, 5})));
    EXPECT_THROW(fold_block_sums(json::array({b, a}).dump()), error);           // not from block 0
    EXPECT_THROW(fold_block_sums(json::array({a, a}).dump()), error);           // overlap
    const json partial = json::parse(fold_block_sums(json::array({a}).dump())); // blocks 2..4 missing
    EXPECT_THROW(analyse_smaa(p, org, with(o, "total", partial)), error);
    const json full = json::parse(fold_block_sums(json::array({a, b}).dump()));
    EXPECT_THROW(analyse_smaa(p, org, with(with(o, "seed", 2), "total", full)), error); // another seed
    EXPECT_THROW(analyse_smaa(p, org, with(o, "blocks", {5, 6})), error);               // beyond the run
    EXPECT_THROW(analyse_sweep(p, org, R"({"counted": [{"format": "accord-sweep-cells", "version": 1,
                                           "first": 1, "last": 2, "cells": [{}]}]})"),
                 error);
}
