// AHP: published textbook examples reproduced to their printed precision, validation errors that
// name the offending entry, and the group aggregations AIJ and AIP.
#include "accord/analysis/ahp.hpp"
#include "accord/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace accord;

namespace {
std::vector<std::vector<rational>> parse(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::vector<rational>> a;
    for (const auto& r : rows) {
        a.emplace_back();
        for (const auto& s : r) a.back().push_back(parse_rational(s));
    }
    return a;
}

// Published figures are printed to 3 decimals: they must round to what we compute.
constexpr double k_three_places = 0.0005;

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        return e.what();
    }
    ADD_FAILURE() << "expected accord::error";
    return {};
}
} // namespace

// Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J. Services
// Sciences 1(1):83-98, Table 2: which drink is consumed more in the US? Published eigenvector
// .177 .019 .042 .116 .190 .129 .327 and C.R. = 0.022.
TEST(Ahp, Saaty2008DrinkConsumptionPrioritiesAndConsistencyRatio) {
    const auto a = parse({{"1", "9", "5", "2", "1", "1", "1/2"},
                          {"1/9", "1", "1/3", "1/9", "1/9", "1/9", "1/9"},
                          {"1/5", "3", "1", "1/3", "1/4", "1/3", "1/9"},
                          {"1/2", "9", "3", "1", "1/2", "1", "1/3"},
                          {"1", "9", "4", "2", "1", "2", "1/2"},
                          {"1", "9", "3", "1", "1/2", "1", "1/3"},
                          {"2", "9", "9", "3", "2", "3", "1"}});
    const auto m =
        make_comparison_matrix(a, {.names = {"coffee", "wine", "tea", "beer", "sodas", "milk", "water"}});
    const auto r = ahp(m);
    const double published[] = {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
    for (std::size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(r.priorities[i], published[i], k_three_places) << m.names[i];
    EXPECT_NEAR(r.consistency_ratio, 0.022, k_three_places);
    EXPECT_DOUBLE_EQ(r.random_index, 1.32);
    EXPECT_TRUE(r.acceptable);
    // With seven items the row geometric mean is a different (close) estimate.
    const auto g = ahp(m, priority_method::geometric_mean);
    double gap = 0;
    for (std::size_t i = 0; i < 7; ++i) gap = std::max(gap, std::abs(g.priorities[i] - r.priorities[i]));
    EXPECT_GT(gap, 1e-4);
    EXPECT_LT(gap, 0.02);
    EXPECT_EQ(g.lambda_max, r.lambda_max); // consistency is the matrix's, whatever the method
}

// Saaty, T.L. (1990) "How to make a decision: the analytic hierarchy process", European Journal
// of Operational Research 48(1):9-26, the house-buying example: eight criteria (size, transport,
// neighbourhood, age, yard, modern facilities, general condition, financing). Published priorities
// .173 .054 .188 .018 .031 .036 .167 .333, lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169.
TEST(Ahp, Saaty1990HouseCriteriaPrioritiesLambdaMaxAndConsistency) {
    const auto a = parse({{"1", "5", "3", "7", "6", "6", "1/3", "1/4"},
                          {"1/5", "1", "1/3", "5", "3", "3", "1/5", "1/7"},
                          {"1/3", "3", "1", "6", "3", "4", "6", "1/5"},
                          {"1/7", "1/5", "1/6", "1", "1/3", "1/4", "1/7", "1/8"},
                          {"1/6", "1/3", "1/3", "3", "1", "1/2", "1/5", "1/6"},
                          {"1/6", "1/3", "1/4", "4", "2", "1", "1/5", "1/6"},
                          {"3", "5", "1/6", "7", "5", "5", "1", "1/2"},
                          {"4", "7", "5", "8", "6", "6", "2", "1"}});
    const auto r = ahp(make_comparison_matrix(a));
    const double published[] = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
    for (std::size_t i = 0; i < 8; ++i) EXPECT_NEAR(r.priorities[i], published[i], k_three_places) << i;
    EXPECT_NEAR(r.lambda_max, 9.669, k_three_places);
    EXPECT_NEAR(r.consistency_index, 0.238, k_three_places);
    EXPECT_NEAR(r.consistency_ratio, 0.169, k_three_places);
    EXPECT_FALSE(r.acceptable); // Saaty points out these judgements need revisiting (CR > 0.1)
}

TEST(Ahp, ConsistentMatrixGivesItsRatiosByBothMethods) {
    // a_ij = w_i / w_j for w = (4, 2, 1, 1)/8: lambda_max = n, CI = 0, both methods exact.
    const double w[] = {0.5, 0.25, 0.125, 0.125};
    std::vector<std::vector<double>> a(4, std::vector<double>(4));
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) a[i][j] = w[i] / w[j];
    const auto m = make_comparison_matrix(a);
    for (auto method : {priority_method::eigenvector, priority_method::geometric_mean}) {
        const auto r = ahp(m, method);
        for (int i = 0; i < 4; ++i) EXPECT_NEAR(r.priorities[i], w[i], 1e-12) << priority_method_name(method);
        EXPECT_NEAR(r.lambda_max, 4.0, 1e-10);
        EXPECT_NEAR(r.consistency_ratio, 0.0, 1e-10);
    }
}

TEST(Ahp, EigenvectorAndRowGeometricMeanCoincideForThreeItems) {
    const rational up[] = {rational(3), rational(1, 5), rational(1, 2)}; // a12 = 3, a13 = 1/5, a23 = 1/2
    const auto m = comparison_from_upper(3, up);
    const auto e = ahp(m, priority_method::eigenvector);
    const auto g = ahp(m, priority_method::geometric_mean);
    // For n = 3 the two methods coincide (Crawford & Williams 1985): a check of both.
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(e.priorities[i], g.priorities[i], 1e-12);
    // Row geometric means: (3/5)^(1/3), (1/6)^(1/3), 10^(1/3), normalised.
    const double r0 = std::cbrt(0.6), r1 = std::cbrt(1.0 / 6), r2 = std::cbrt(10.0);
    EXPECT_NEAR(g.priorities[2], r2 / (r0 + r1 + r2), 1e-12);
    EXPECT_GT(e.consistency_ratio, 0.0);
}

TEST(Ahp, RandomIndexIsSaatysTable) {
    EXPECT_EQ(saaty_random_index(1), 0.0);
    EXPECT_EQ(saaty_random_index(3), 0.58);
    EXPECT_EQ(saaty_random_index(4), 0.90);
    EXPECT_EQ(saaty_random_index(10), 1.49);
    EXPECT_THROW(saaty_random_index(0), error);
    EXPECT_THROW(saaty_random_index(16), error);
}

TEST(Ahp, ReciprocityViolationNamesRowAndColumn) {
    const auto msg = error_of([] {
        make_comparison_matrix(parse({{"1", "3", "5"}, {"1/3", "1", "2"}, {"1/5", "1/3", "1"}}),
                               {.names = {"access", "prevention", "workforce"}});
    });
    EXPECT_NE(msg.find("reciprocity"), std::string::npos) << msg;
    EXPECT_NE(msg.find("row 2 (prevention), column 3 (workforce)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("expected 1/2"), std::string::npos) << msg;
}

TEST(Ahp, RejectsNonPositiveBadDiagonalOffScaleAndNonSquare) {
    EXPECT_NE(error_of([] {
                  make_comparison_matrix(parse({{"1", "0"}, {"0", "1"}}));
              }).find("row 1, column 2"),
              std::string::npos);
    EXPECT_NE(error_of([] {
                  make_comparison_matrix(parse({{"2", "1"}, {"1", "1"}}));
              }).find("diagonal"),
              std::string::npos);
    EXPECT_NE(error_of([] {
                  make_comparison_matrix(parse({{"1", "12"}, {"1/12", "1"}}));
              }).find("scale"),
              std::string::npos);
    EXPECT_NO_THROW(make_comparison_matrix(parse({{"1", "12"}, {"1/12", "1"}}), {.saaty_scale = false}));
    EXPECT_NE(error_of([] {
                  make_comparison_matrix(parse({{"1", "2"}, {"1/2"}}));
              }).find("square"),
              std::string::npos);
    // Doubles: 0.333 for 1/3 passes only with a tolerance that allows it.
    const std::vector<std::vector<double>> approx{{1, 3}, {0.333, 1}};
    EXPECT_THROW(make_comparison_matrix(approx), error);
    EXPECT_NO_THROW(make_comparison_matrix(approx, {.reciprocity_tolerance = 1e-3}));
}

TEST(AhpGroup, OneParticipantGivesTheirOwnPriorities) {
    const rational up[] = {rational(3), rational(5), rational(2)};
    const comparison_matrix m[] = {comparison_from_upper(3, up)};
    const auto own = ahp(m[0]);
    for (auto mode : {ahp_aggregation::judgements, ahp_aggregation::priorities}) {
        const auto g = ahp_group(m, {}, mode);
        for (int i = 0; i < 3; ++i)
            EXPECT_NEAR(g.priorities[i], own.priorities[i], 1e-12) << ahp_aggregation_name(mode);
    }
}

TEST(AhpGroup, WeightedGeometricMeanOfConsistentJudgesIsExactForAijAndAip) {
    // Two consistent judges with priorities u and v, weights 3:1. Both AIJ and AIP must give
    // u^(3/4) v^(1/4), renormalised (Forman & Peniwati 1998).
    const double u[] = {0.6, 0.3, 0.1}, v[] = {0.2, 0.2, 0.6};
    auto consistent = [](const double* w) {
        std::vector<std::vector<double>> a(3, std::vector<double>(3));
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) a[i][j] = w[i] / w[j];
        return make_comparison_matrix(a, {.saaty_scale = false});
    };
    const comparison_matrix ms[] = {consistent(u), consistent(v)};
    const double weights[] = {3, 1};
    double expect[3], s = 0;
    for (int i = 0; i < 3; ++i) s += (expect[i] = std::pow(u[i], 0.75) * std::pow(v[i], 0.25));
    for (auto mode : {ahp_aggregation::judgements, ahp_aggregation::priorities}) {
        const auto g = ahp_group(ms, weights, mode);
        for (int i = 0; i < 3; ++i)
            EXPECT_NEAR(g.priorities[i], expect[i] / s, 1e-12) << ahp_aggregation_name(mode);
        EXPECT_NEAR(g.weights[0], 0.75, 1e-15);
    }
    // AIJ keeps reciprocity of the combined matrix.
    const auto g = ahp_group(ms, weights, ahp_aggregation::judgements);
    EXPECT_NEAR(g.combined(0, 2) * g.combined(2, 0), 1.0, 1e-12);
}

TEST(AhpGroup, ZeroWeightParticipantIsIgnoredAndBadInputRejected) {
    const rational a[] = {rational(5), rational(7), rational(3)},
                   b[] = {rational(1, 5), rational(1, 7), rational(1, 3)};
    const comparison_matrix ms[] = {comparison_from_upper(3, a), comparison_from_upper(3, b)};
    const double w[] = {1, 0};
    const auto g = ahp_group(ms, w, ahp_aggregation::judgements);
    const auto own = ahp(ms[0]);
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(g.priorities[i], own.priorities[i], 1e-12);
    const double zero[] = {0, 0}, neg[] = {1, -1}, one[] = {1};
    EXPECT_THROW(ahp_group(ms, zero), error);
    EXPECT_THROW(ahp_group(ms, neg), error);
    EXPECT_THROW(ahp_group(ms, one), error);
    const rational two[] = {rational(2)};
    const comparison_matrix mixed[] = {ms[0], comparison_from_upper(2, two)};
    EXPECT_THROW(ahp_group(mixed, {}), error);
}
