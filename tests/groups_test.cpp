// Results per group (accord/analysis/groups.hpp): each group's count is the count of its ballots
// alone, worked by hand on a small case and checked against files cut by group on random ones.
#include "accord/analysis/groups.hpp"
#include "accord/error.hpp"
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>

using namespace accord;
using accord_test::code_of;
using accord_test::message_of;

namespace {
// Practices a, b in PCN P and c, d in PCN Q, populations 45, 15, 15, 25.
organisation two_pcns() {
    return read_organisation_text(
        "id,name,kind,parent,population\nP,PCN P,pcn,,\nQ,PCN Q,pcn,,\n"
        "a,A,practice,P,45\nb,B,practice,P,15\nc,C,practice,Q,15\nd,D,practice,Q,25\n",
        "two_pcns.csv");
}

// a: 3 voters X>Y>Z; b: 2 voters Y>X>Z; c: 1 voter Y>Z>X; d: 4 voters Z>Y>X.
// Plurality per practice: a X, b Y, c Y, d Z. Per PCN: P X (3 to 2), Q Z (4 to 1). Overall: Z
// (X 3, Y 3, Z 4). Weighted by population, normalised (a practice's voters share its weight):
// P X (45 to 15), Q Z (25 to 15), overall X (45, Y 15 + 15 = 30, Z 25).
profile hand_ballots() {
    profile p({"X", "Y", "Z"});
    const cand_t x[] = {0, 1, 2}, y[] = {1, 0, 2}, y2[] = {1, 2, 0}, z[] = {2, 1, 0};
    p.add_order(x, 3, rational(1), p.intern_unit("a"));
    p.add_order(y, 2, rational(1), p.intern_unit("b"));
    p.add_order(y2, 1, rational(1), p.intern_unit("c"));
    p.add_order(z, 4, rational(1), p.intern_unit("d"));
    return p;
}

std::vector<std::string> winner_names(const profile& p, const result& r) {
    std::vector<std::string> w;
    for (cand_t c : r.winners) w.push_back(p.candidate_name(c));
    return w;
}
} // namespace

TEST(Groups, PluralityPerPracticeAndPerPcnWorkedByHand) {
    const profile p = hand_ballots();
    const organisation org = two_pcns();
    group_count_options o;
    o.rule = "plurality";
    const auto per_unit = count_by_group(p, nullptr, o);
    ASSERT_EQ(per_unit.groups.size(), 4u);
    const std::vector<std::string> expect_unit = {"X", "Y", "Y", "Z"};
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(per_unit.groups[k].id, std::string(1, static_cast<char>('a' + k)));
        ASSERT_TRUE(per_unit.groups[k].outcome);
        EXPECT_EQ(winner_names(p, *per_unit.groups[k].outcome), std::vector<std::string>{expect_unit[k]});
    }
    EXPECT_EQ(per_unit.groups[0].voters, 3);
    EXPECT_EQ(per_unit.groups[3].voters, 4);
    EXPECT_EQ(winner_names(p, per_unit.overall), std::vector<std::string>{"Z"});

    o.per = "pcn";
    const auto per_pcn = count_by_group(p, &org, o);
    ASSERT_EQ(per_pcn.groups.size(), 2u);
    EXPECT_EQ(per_pcn.groups[0].id, "P");
    EXPECT_EQ(per_pcn.groups[0].name, "PCN P");
    EXPECT_EQ(per_pcn.groups[0].units, 2u);
    EXPECT_EQ(per_pcn.groups[0].voters, 5);
    EXPECT_EQ(winner_names(p, *per_pcn.groups[0].outcome), std::vector<std::string>{"X"});
    EXPECT_EQ(winner_names(p, *per_pcn.groups[1].outcome), std::vector<std::string>{"Z"});

    const auto j = nlohmann::json::parse(group_counts_json(p, o, per_pcn));
    EXPECT_EQ(j["analysis"], "groups");
    EXPECT_EQ(j["per"], "pcn");
    EXPECT_EQ(j["overall"]["winners"], nlohmann::json::array({"Z"}));
    EXPECT_EQ(j["groups"][0]["agrees"], false);
    EXPECT_EQ(j["groups"][1]["agrees"], true);
    EXPECT_EQ(j["groups"][1]["voters"], "5");
    EXPECT_EQ(j["agreeing"], 1);
    EXPECT_EQ(j["wins"], nlohmann::json({{"X", 1}, {"Z", 1}}));
    EXPECT_EQ(j["counted"], 2);
    EXPECT_EQ(j["failed"], 0);
    EXPECT_TRUE(j["groups"][0]["result"].is_object());
    EXPECT_FALSE(
        nlohmann::json::parse(group_counts_json(p, o, per_pcn, false))["groups"][0].contains("result"));
}

TEST(Groups, WeightedGroupsCountAsTheWeightedCountOfTheirBallots) {
    const profile p = hand_ballots();
    const organisation org = two_pcns();
    bool with_results = true;
    auto o = group_options_from_json(R"({"rule": "plurality", "per": "pcn", "scheme": "population",
                                         "mode": "normalised", "results": false})",
                                     &with_results);
    EXPECT_FALSE(with_results);
    const auto g = count_by_group(p, &org, o);
    EXPECT_EQ(winner_names(p, g.overall), std::vector<std::string>{"X"});
    EXPECT_EQ(winner_names(p, *g.groups[0].outcome), std::vector<std::string>{"X"});
    EXPECT_EQ(winner_names(p, *g.groups[1].outcome), std::vector<std::string>{"Z"});
    // Each group's result is run_weighted() of its ballots alone, scores included.
    const auto q = profile_subset(p, {2, 3});
    const auto alone = run_weighted(q, org, parse_scheme("population"), "plurality", "{}", o.aggregate);
    EXPECT_EQ(to_json(alone), to_json(*g.groups[1].outcome));
}

// Random unit-tagged CSVs: every group's result, as JSON, is the result of reading only that
// group's rows and counting them, for rules of every family.
TEST(Groups, EachGroupEqualsItsRowsReadAlone) {
    std::mt19937_64 rng(20261205);
    const std::vector<std::string> names = {"Ann", "Ben", "Cat", "Dev", "Eve"};
    for (int trial = 0; trial < 12; ++trial) {
        std::string header = "unit,rank1,rank2,rank3\n";
        std::map<std::string, std::string> rows_of; // unit -> its rows
        std::vector<std::string> unit_order;
        std::string all = header;
        const int rows = 20 + static_cast<int>(rng() % 60);
        for (int r = 0; r < rows; ++r) {
            const std::string unit = "u" + std::to_string(rng() % 5);
            std::vector<std::string> order = names;
            std::shuffle(order.begin(), order.end(), rng);
            const std::size_t len = 1 + rng() % 3;
            std::string row = unit;
            for (std::size_t k = 0; k < 3; ++k) row += "," + (k < len ? order[k] : std::string());
            row += "\n";
            all += row;
            if (!rows_of.count(unit)) unit_order.push_back(unit);
            rows_of[unit] += row;
        }
        read_options ro;
        ro.format = file_format::csv;
        const profile whole = read_profile_text(all, "all.csv", ro);
        for (const char* rule : {"irv", "schulze", "borda", "plurality", "stv"}) {
            group_count_options o;
            o.rule = rule;
            o.rule_options = std::string(rule) == "stv" ? R"({"seats": 2})" : "{}";
            const auto g = count_by_group(whole, nullptr, o);
            ASSERT_EQ(g.groups.size(), unit_order.size());
            EXPECT_EQ(to_json(g.overall), to_json(run(whole, rule, o.rule_options)));
            for (std::size_t k = 0; k < unit_order.size(); ++k) {
                SCOPED_TRACE(std::string(rule) + " trial " + std::to_string(trial) + " unit " +
                             unit_order[k]);
                EXPECT_EQ(g.groups[k].id, unit_order[k]);
                profile alone = read_profile_text(header + rows_of[unit_order[k]], "alone.csv", ro);
                // The group's profile has every candidate; a file of its rows names only those
                // its rows rank, so compare with that file's ballots over the whole list.
                profile same(whole.candidate_names());
                for (std::size_t i = 0; i < alone.unique_count(); ++i) {
                    const auto b = alone.ballot(i);
                    std::vector<mark> marks;
                    for (const auto& m : b.marks)
                        marks.push_back({*whole.find_candidate(alone.candidate_name(m.candidate)), m.value});
                    same.add(marks, b.count, rational(1), same.intern_unit(alone.units()[b.unit]));
                }
                ASSERT_TRUE(g.groups[k].outcome) << g.groups[k].error;
                EXPECT_EQ(to_json(*g.groups[k].outcome), to_json(run(same, rule, o.rule_options)));
            }
        }
    }
}

// A group that cannot be counted keeps its reason, and the others are still counted: capped at
// 3/10 the four practices can share the weight, but a PCN's two cannot (each would need 1/2).
TEST(Groups, AGroupThatCannotBeCountedKeepsItsReason) {
    const profile p = hand_ballots();
    const organisation org = two_pcns();
    const auto j = nlohmann::json::parse(
        analyse_groups(p, &org, R"({"rule": "plurality", "per": "pcn", "scheme": "capped:3/10"})"));
    EXPECT_EQ(j["failed"], 2);
    EXPECT_EQ(j["counted"], 0);
    EXPECT_FALSE(j["overall"]["winners"].empty());
    EXPECT_NE(j["groups"][0]["error"].get<std::string>().find("cannot all stay under 3/10"),
              std::string::npos);
    EXPECT_FALSE(j["groups"][0].contains("result"));
    // At 1/2 a PCN's two practices can share its weight: both PCNs count.
    const auto half = nlohmann::json::parse(
        analyse_groups(p, &org, R"({"rule": "plurality", "per": "pcn", "scheme": "capped:1/2"})"));
    EXPECT_EQ(half["counted"], 2);
    EXPECT_TRUE(half["groups"][1]["error"].is_null());
}

TEST(Groups, RefusalsNameWhatIsMissing) {
    const profile p = hand_ballots();
    const organisation org = two_pcns();
    group_count_options o;
    o.rule = "plurality";
    // A ballot with no unit.
    profile untagged = hand_ballots();
    const cand_t x[] = {0};
    untagged.add_order(x, 2);
    EXPECT_EQ(code_of([&] { count_by_group(untagged, nullptr, o); }), errc::invalid);
    EXPECT_NE(message_of([&] { count_by_group(untagged, nullptr, o); }).find("2 ballot(s) name no unit"),
              std::string::npos);
    // A kind without an organisation, a kind the organisation lacks, a unit it lacks.
    o.per = "pcn";
    EXPECT_NE(message_of([&] { count_by_group(p, nullptr, o); }).find("needs an organisation"),
              std::string::npos);
    o.per = "icb";
    EXPECT_NE(message_of([&] { count_by_group(p, &org, o); }).find("no units of kind 'icb'"),
              std::string::npos);
    o.per = "pcn";
    profile stranger = hand_ballots();
    stranger.add_order(x, 1, rational(1), stranger.intern_unit("zz"));
    EXPECT_EQ(code_of([&] { count_by_group(stranger, &org, o); }), errc::not_found);
    // Unknown rule: the overall count's error is the analysis's.
    o.rule = "no-such-rule";
    EXPECT_EQ(code_of([&] { count_by_group(p, &org, o); }), errc::not_found);
    // Two-stage is already per group; weighting keys need a scheme; unknown keys; no rule.
    EXPECT_EQ(code_of([&] {
                  analyse_groups(p, &org, R"({"rule": "borda", "scheme": "equal", "mode": "two-stage"})");
              }),
              errc::unsupported);
    EXPECT_NE(message_of([&] {
                  analyse_groups(p, &org, R"({"rule": "borda", "mode": "pooled"})");
              }).find("'mode' weights ballots"),
              std::string::npos);
    EXPECT_EQ(code_of([&] { analyse_groups(p, &org, R"({"rule": "borda", "scheme": "equal"})"); }), errc::ok);
    EXPECT_EQ(code_of([&] { analyse_groups(p, nullptr, R"({"rule": "borda", "scheme": "equal"})"); }),
              errc::invalid);
    EXPECT_EQ(code_of([&] { analyse_groups(p, nullptr, R"({"rule": "borda", "pre": "unit"})"); }),
              errc::invalid);
    EXPECT_EQ(code_of([&] { analyse_groups(p, nullptr, R"({"per": "unit"})"); }), errc::invalid);
    // A misspelt rule option is the rule's error, before any group is counted.
    EXPECT_EQ(
        code_of([&] { analyse_groups(p, nullptr, R"({"rule": "irv", "rule_options": {"seets": 2}})"); }),
        errc::invalid);
}

TEST(Groups, ProgressCountsGroupsAndCanCancel) {
    const profile p = hand_ballots();
    std::vector<std::size_t> seen;
    const auto out =
        analyse_groups(p, nullptr, R"({"rule": "borda"})", [&](std::size_t done, std::size_t total) {
            EXPECT_EQ(total, 4u);
            seen.push_back(done);
            return true;
        });
    EXPECT_EQ(seen, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(code_of([&] {
                  analyse_groups(p, nullptr, R"({"rule": "borda"})",
                                 [](std::size_t done, std::size_t) { return done < 2; });
              }),
              errc::cancelled);
}
