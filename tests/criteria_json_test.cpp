// AHP, MCDA and synthetic electorates through the JSON interface every binding calls
// (accord/analysis/interface.hpp): the textbook AHP examples from the JSON fixtures the C, Python
// and CLI tests also read, strict options, and errors that name the offending entry.
#include "accord/analysis/interface.hpp"
#include "accord/error.hpp"
#include "accord/organisation.hpp"

#include "test_data.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace accord;
using json = nlohmann::json;

namespace {
std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::pair<errc, std::string> failure(auto&& f) {
    try {
        f();
    } catch (const error& e) {
        return {e.code(), e.what()};
    }
    ADD_FAILURE() << "expected accord::error";
    return {errc::ok, ""};
}

constexpr double k_three_places = 0.0005;
} // namespace

// Saaty (2008), Int. J. Services Sciences 1(1):83-98, Table 2 (drinks): .177 .019 .042 .116 .190
// .129 .327, C.R. 0.022. Same fixture as tests/c, tests/python and tests/cli.
TEST(AhpJson, Saaty2008DrinksFromTheSharedFixture) {
    const json j = json::parse(analyse_ahp(read(accord_test::fixture("ahp/saaty2008_drinks.json")), ""));
    const double published[] = {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
    for (std::size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(j["priorities"][j["items"][i].get<std::string>()].get<double>(), published[i],
                    k_three_places);
    EXPECT_NEAR(j["consistency"]["consistency_ratio"].get<double>(), 0.022, k_three_places);
    EXPECT_TRUE(j["consistency"]["acceptable"].get<bool>());
    EXPECT_EQ(j["ranking"][0], "water");
    EXPECT_EQ(j["method"], "eigenvector");
}

// Saaty (1990), EJOR 48(1):9-26, house criteria given by the judgements above the diagonal:
// .173 .054 .188 .018 .031 .036 .167 .333, lambda_max 9.669, C.I. 0.238, C.R. 0.169.
TEST(AhpJson, Saaty1990HouseFromTheUpperTriangle) {
    const json j = json::parse(analyse_ahp(read(accord_test::fixture("ahp/saaty1990_house.json")), ""));
    const double published[] = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
    for (std::size_t i = 0; i < 8; ++i)
        EXPECT_NEAR(j["priorities"][j["items"][i].get<std::string>()].get<double>(), published[i],
                    k_three_places);
    EXPECT_NEAR(j["consistency"]["lambda_max"].get<double>(), 9.669, k_three_places);
    EXPECT_NEAR(j["consistency"]["consistency_index"].get<double>(), 0.238, k_three_places);
    EXPECT_NEAR(j["consistency"]["consistency_ratio"].get<double>(), 0.169, k_three_places);
    EXPECT_FALSE(j["consistency"]["acceptable"].get<bool>());
}

TEST(AhpJson, ReciprocityViolationNamesTheEntries) {
    const auto [code, what] =
        failure([] { analyse_ahp(read(accord_test::fixture("ahp/not_reciprocal.json")), ""); });
    EXPECT_EQ(code, errc::invalid);
    EXPECT_NE(
        what.find(
            "reciprocity violated at row 2 (prevention), column 3 (workforce) = 2 and row 3 (workforce)"),
        std::string::npos)
        << what;
    // Decimal entries are checked to a tolerance: 0.333 for 1/3 only when asked.
    const std::string dec = R"({"matrix": [[1, 3], [0.333, 1]]})";
    EXPECT_EQ(failure([&] { analyse_ahp(dec, ""); }).first, errc::invalid);
    EXPECT_NO_THROW(analyse_ahp(dec, R"({"reciprocity_tolerance": 0.001})"));
}

TEST(AhpJson, OptionsAndInputsAreStrict) {
    const std::string m = R"({"matrix": [[1, 2], ["1/2", 1]]})";
    EXPECT_NE(failure([&] { analyse_ahp(m, R"({"metod": "eigenvector"})"); }).second.find("metod"),
              std::string::npos);
    EXPECT_EQ(failure([&] { analyse_ahp(m, R"({"method": "power"})"); }).first, errc::invalid);
    EXPECT_EQ(failure([&] { analyse_ahp(R"({"matrix": [[1, 2], ["1/2", 1]], "upper": [2]})", ""); }).first,
              errc::invalid);
    EXPECT_EQ(failure([&] { analyse_ahp(R"({"matrix": [[1, 12], ["1/12", 1]]})", ""); }).first,
              errc::invalid);
    EXPECT_NO_THROW(analyse_ahp(R"({"matrix": [[1, 12], ["1/12", 1]]})", R"({"saaty_scale": false})"));
    EXPECT_EQ(failure([&] { analyse_ahp(m, R"({"scheme": "population"})"); }).first, errc::invalid);
    EXPECT_EQ(failure([&] { analyse_ahp("[1]", ""); }).first, errc::invalid);
}

TEST(AhpJson, GroupWeightedByUnitPopulationSharesAUnitAmongItsParticipants) {
    auto org = read_organisation(accord_test::fixture("place_org.csv").string());
    const std::string input = read(accord_test::fixture("ahp/board.json"));
    const json j = json::parse(analyse_ahp(input, R"({"scheme": "population"})", &org));
    // p1 30000, p2 9000, p5 3000 of 52000 patients; weights renormalised over the participants.
    EXPECT_NEAR(j["participants"][0]["weight"].get<double>(), 30000.0 / 42000, 1e-12);
    EXPECT_NEAR(j["participants"][2]["weight"].get<double>(), 3000.0 / 42000, 1e-12);
    EXPECT_EQ(j["aggregation"], "aij");
    double sum = 0;
    for (const auto& [k, v] : j["priorities"].items()) sum += v.get<double>();
    EXPECT_NEAR(sum, 1.0, 1e-12);
    EXPECT_EQ(j["ranking"][0], "access"); // Riverside's judgements carry most weight
    // Equal weights by default; AIP has no combined matrix.
    const json aip = json::parse(analyse_ahp(input, R"({"aggregation": "aip"})"));
    EXPECT_TRUE(aip["consistency"].is_null());
    EXPECT_NEAR(aip["participants"][1]["weight"].get<double>(), 1.0 / 3, 1e-12);
    const auto [code, what] =
        failure([&] { analyse_ahp(input, R"({"scheme": "population", "level": "pcn"})", &org); });
    EXPECT_EQ(code, errc::not_found);
    EXPECT_NE(what.find("'p1'"), std::string::npos) << what;
}

TEST(McdaJson, WeightedSumIsExactWithACostCriterion) {
    const json j = json::parse(analyse_mcda(read(accord_test::fixture("mcda_options.json")), ""));
    // (3 s_access + 2 s_equity - cost) / 6: 15/4, 9/2, 4.
    EXPECT_EQ(j["scores_exact"]["Same-day hub"], "15/4");
    EXPECT_EQ(j["scores_exact"]["Frailty team"], "9/2");
    EXPECT_EQ(j["scores_exact"]["Digital front door"], "4");
    EXPECT_EQ(j["winner"], "Frailty team");
    EXPECT_EQ(j["weights_exact"]["access"], "1/2");
    EXPECT_EQ(j["result"]["method"], "weighted-sum");
    // The same table keyed by option and criterion gives the same numbers.
    const std::string keyed =
        R"({"criteria": ["access", "equity", "cost"], "weights": {"access": 3, "equity": 2, "cost": 1},
        "lower_is_better": "cost", "scores": {"Same-day hub": {"access": 8, "equity": 3, "cost": 7.5},
        "Frailty team": [6, 7, 5], "Digital front door": [4, 9, 6]}})";
    EXPECT_EQ(json::parse(analyse_mcda(keyed, ""))["scores_exact"], j["scores_exact"]);
}

TEST(McdaJson, TiesAreReportedAndOptionsAreStrict) {
    const std::string t =
        R"({"options": ["a", "b"], "criteria": ["x", "y"], "scores": [[1, 0], [0, 1]], "weights": [1, 1]})";
    const json tie = json::parse(analyse_mcda(t, ""));
    EXPECT_TRUE(tie["winner"].is_null());
    EXPECT_FALSE(tie["complete"].get<bool>());
    EXPECT_EQ(json::parse(analyse_mcda(t, R"({"tie_break": "lexicographic"})"))["winner"], "a");
    EXPECT_EQ(failure([&] { analyse_mcda(t, R"({"scale": "none"})"); }).first, errc::invalid);
    EXPECT_EQ(
        failure([&] { analyse_mcda(R"({"options": ["a"], "criteria": ["x"], "scores": [[1]]})", ""); }).first,
        errc::invalid); // no weights
    EXPECT_EQ(failure([&] {
                  analyse_mcda(R"({"options": ["a"], "criteria": ["x"], "scores": [[1, 2]], "weights": [1]})",
                               "");
              }).first,
              errc::invalid);
    EXPECT_EQ(failure([&] {
                  analyse_mcda(
                      R"({"options": ["a"], "criteria": ["x"], "scores": [[1]], "weights": {"y": 1}})", "");
              }).first,
              errc::not_found);
}

TEST(McdaJson, SmaaOfTwoSpecialistsMatchesTheClosedForm) {
    // Each best on one criterion: P(win) = 1/2, central weights (3/4, 1/4) (mcda_test.cpp).
    const std::string t = R"({"options": ["a", "b"], "criteria": ["x", "y"], "scores": [[1, 0], [0, 1]]})";
    const std::string o = R"({"samples": 20000, "seed": 3, "threads": 2})";
    const json j = json::parse(analyse_mcda_smaa(t, o));
    EXPECT_EQ(j["samples"], 20000);
    EXPECT_NEAR(j["winner_probability"]["a"].get<double>(), 0.5,
                4 * j["winner_probability_se"]["a"].get<double>());
    EXPECT_NEAR(j["central_weights"]["a"]["x"].get<double>(), 0.75, 0.01);
    EXPECT_NEAR(j["central_weights"]["b"]["x"].get<double>(), 0.25, 0.01);
    EXPECT_EQ(json::parse(analyse_mcda_smaa(t, R"({"samples": 20000, "seed": 3, "threads": 1})")), j);
    // Bounds by criterion name; Dirichlet needs alpha; unknown keys are refused.
    const json b = json::parse(analyse_mcda_smaa(t, R"({"samples": 2000, "lower": {"x": 0.6}})"));
    EXPECT_DOUBLE_EQ(b["winner_probability"]["a"].get<double>(), 1.0);
    EXPECT_EQ(failure([&] { analyse_mcda_smaa(t, R"({"distribution": "dirichlet"})"); }).first,
              errc::invalid);
    EXPECT_NO_THROW(analyse_mcda_smaa(t, R"({"distribution": "dirichlet", "alpha": 2, "samples": 100})"));
    EXPECT_EQ(failure([&] { analyse_mcda_smaa(t, R"({"sample": 10})"); }).first, errc::invalid);
}

TEST(GenerateJson, ModelOptionsNameCandidatesAndAreStrict) {
    const profile p = generate_profile("mallows", R"({"names": ["Access", "Frailty", "Digital"], "phi": 0,
        "center": ["Digital", "Access", "Frailty"], "voters": 7, "seed": 1})",
                                       nullptr);
    ASSERT_EQ(p.unique_count(), 1u);
    EXPECT_EQ(p.ballot(0).marks[0].candidate, 2u);
    EXPECT_EQ(p.total_count(), big_int(7));
    EXPECT_EQ(generate_profile("plackett-luce", R"({"strengths": [3, 2, 1], "voters": 5})", nullptr)
                  .candidate_count(),
              3u);
    EXPECT_EQ(failure([] {
                  generate_profile("impartial-culture", R"({"candidates": 3, "voters": 5, "phi": 0.5})",
                                   nullptr);
              }).first,
              errc::invalid); // phi is Mallows'
    EXPECT_EQ(failure([] {
                  generate_profile("mallows", R"({"names": ["a", "b"], "center": ["a", "z"], "voters": 2})",
                                   nullptr);
              }).first,
              errc::not_found);
    EXPECT_EQ(failure([] { generate_profile("urn", R"({"candidates": 3, "voters": 5})", nullptr); }).first,
              errc::invalid);
}

TEST(ElectoratesJson, ResampledElectoratesOfAClearMajorityRarelyDiffer) {
    profile src({"Access", "Frailty", "Digital"});
    src.add_order(std::vector<cand_t>{0, 1, 2}, 30);
    src.add_order(std::vector<cand_t>{1, 0, 2}, 12);
    src.add_order(std::vector<cand_t>{2, 1, 0}, 8);
    const json j = json::parse(analyse_electorates(&src, R"({"model": "resample", "rules": ["irv", "borda"],
        "samples": 400, "seed": 5, "threads": 2})"));
    EXPECT_EQ(j["settings"]["voters"], 50);
    EXPECT_EQ(j["by_rule"]["irv"]["reference_winner"], "Access");
    EXPECT_LT(j["by_rule"]["irv"]["differs_from_reference"].get<double>(), 0.1);
    EXPECT_GT(j["agreement"]["irv"]["borda"].get<double>(), 0.5);
    EXPECT_EQ(j["by_rule"]["borda"]["rank_acceptability"]["Access"].size(), 3u);
    EXPECT_EQ(failure([] { analyse_electorates(nullptr, R"({"model": "resample", "voters": 5})"); }).first,
              errc::invalid);
    EXPECT_EQ(failure([] { analyse_electorates(nullptr, R"({"candidates": 3, "voters": 5})"); }).first,
              errc::invalid);
    EXPECT_EQ(failure([&] {
                  analyse_electorates(&src, R"({"model": "resample", "rules": ["irv", "irv"]})");
              }).first,
              errc::invalid);
}
