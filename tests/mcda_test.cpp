// MCDA: exact weighted sums with tiers and recorded ties; SMAA over weights against answers known
// in closed form; the weight samplers against their known distributions.
#include "accord/analysis/mcda.hpp"
#include "accord/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace accord;

namespace {
rational q(const char* s) { return parse_rational(s); }

mcda_table clinic_table() {
    // Three service options scored 0-10 on three criteria.
    return {{"extended hours", "minor surgery", "care navigation"},
            {"access", "outcomes", "cost"},
            {{q("8"), q("4"), q("6")}, {q("3"), q("9"), q("2")}, {q("6"), q("5"), q("9")}}};
}
} // namespace

TEST(WeightedSum, ScoresAreExactRationalsAndRankingIsByScore) {
    const rational w[] = {q("1/2"), q("1/3"), q("1/6")};
    const auto r = weighted_sum(clinic_table(), w);
    // 8/2 + 4/3 + 6/6 = 19/3; 3/2 + 9/3 + 2/6 = 29/6; 6/2 + 5/3 + 9/6 = 37/6.
    ASSERT_EQ(r.scores.size(), 3u);
    EXPECT_EQ(*r.scores[0], q("19/3"));
    EXPECT_EQ(*r.scores[1], q("29/6"));
    EXPECT_EQ(*r.scores[2], q("37/6"));
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{0}, {2}, {1}}));
    EXPECT_EQ(r.winners, std::vector<cand_t>{0});
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(r.method, "weighted-sum");
    // Weights need not sum to 1: they are normalised, so doubling them changes nothing.
    const rational w2[] = {q("3"), q("2"), q("1")};
    EXPECT_EQ(weighted_sum(clinic_table(), w2).scores, r.scores);
    EXPECT_NE(to_json(r).find("\"weighted-sum\""), std::string::npos);
}

TEST(WeightedSum, EqualTotalsShareATierAndATieForFirstIsReported) {
    // Equal weights: extended hours 18/3 = 6, care navigation 20/3; weights (1, 0, 1): 7 vs 7.5.
    // Weights (1, 1, 0): extended hours 6, minor surgery 6, care navigation 5.5: a tie for first.
    const rational w[] = {q("1"), q("1"), q("0")};
    const auto r = weighted_sum(clinic_table(), w);
    EXPECT_EQ(r.ranking, (std::vector<std::vector<cand_t>>{{0, 1}, {2}}));
    EXPECT_TRUE(r.winners.empty());
    EXPECT_FALSE(r.complete);
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].candidates, (std::vector<cand_t>{0, 1}));
    // With a stated policy the tie is broken and recorded.
    const auto l = weighted_sum(clinic_table(), w, {.tie_break = {.policy = tie_policy::lexicographic}});
    EXPECT_EQ(l.winners, std::vector<cand_t>{0});
    ASSERT_EQ(l.ties.size(), 1u);
    EXPECT_EQ(l.ties[0].chosen, std::vector<cand_t>{0});
}

TEST(WeightedSum, MinMaxScalingWithACostCriterion) {
    // Cost is lower-is-better: 6 -> (9-6)/7 = 3/7, 2 -> 1, 9 -> 0.
    const rational w[] = {q("0"), q("0"), q("1")};
    const auto r = weighted_sum(clinic_table(), w,
                                {.scaling = mcda_scaling::min_max, .lower_is_better = {false, false, true}});
    EXPECT_EQ(*r.scores[0], q("3/7"));
    EXPECT_EQ(*r.scores[1], q("1"));
    EXPECT_EQ(*r.scores[2], q("0"));
    EXPECT_EQ(r.winners, std::vector<cand_t>{1});
}

TEST(WeightedSum, RejectsBadTablesAndWeightsNamingThem) {
    auto t = clinic_table();
    const rational neg[] = {q("1"), q("-1"), q("1")};
    try {
        weighted_sum(t, neg);
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("criterion 2 (outcomes)"), std::string::npos) << e.what();
    }
    const rational zero[] = {q("0"), q("0"), q("0")}, two[] = {q("1"), q("1")};
    EXPECT_THROW(weighted_sum(t, zero), error);
    EXPECT_THROW(weighted_sum(t, two), error);
    t.scores[1].pop_back();
    const rational ok[] = {q("1"), q("1"), q("1")};
    EXPECT_THROW(weighted_sum(t, ok), error);
}

TEST(McdaSmaa, TwoSpecialistsSplitEvenlyWithKnownCentralWeights) {
    // A scores (1, 0), B (0, 1). Under uniform weights A wins iff w1 > 1/2: probability 1/2, and
    // A's central weight is E[w | w1 > 1/2] = (3/4, 1/4).
    const mcda_table t{{"A", "B"}, {"c1", "c2"}, {{q("1"), q("0")}, {q("0"), q("1")}}};
    const auto a = mcda_smaa(t, {.monte_carlo = {.samples = 20000, .seed = 3, .threads = 2}});
    EXPECT_NEAR(a.winner[0], 0.5, 4 * a.winner_se[0]);
    EXPECT_NEAR(a.by_rank[0][1], 1 - a.winner[0], 1e-12);
    EXPECT_NEAR(a.central_weights[0][0], 0.75, 0.01);
    EXPECT_NEAR(a.central_weights[1][1], 0.75, 0.01);
}

TEST(McdaSmaa, ThreeSpecialistsCentralWeightIsTheExpectedLargestSpacing) {
    // Option i scores 1 on criterion i only: it wins iff w_i is the largest weight, probability
    // 1/3; E[max w] for uniform w on the 3-simplex is (1 + 1/2 + 1/3)/3 = 11/18.
    const mcda_table t{{"A", "B", "C"},
                       {"x", "y", "z"},
                       {{q("1"), q("0"), q("0")}, {q("0"), q("1"), q("0")}, {q("0"), q("0"), q("1")}}};
    const auto a = mcda_smaa(t, {.monte_carlo = {.samples = 30000, .seed = 11, .threads = 2}});
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(a.winner[i], 1.0 / 3, 4 * a.winner_se[i]);
    EXPECT_NEAR(a.central_weights[0][0], 11.0 / 18, 0.01);
    EXPECT_NEAR(a.central_weights[0][1], 7.0 / 36, 0.01);
}

TEST(McdaSmaa, DominatedOptionNeverWinsAndResultIsThreadCountInvariant) {
    const mcda_table t{{"good", "worse"}, {"x", "y"}, {{q("5"), q("5")}, {q("4"), q("5")}}};
    const auto a = mcda_smaa(t, {.monte_carlo = {.samples = 2000, .seed = 1, .threads = 1}});
    EXPECT_EQ(a.winner[1], 0.0);
    EXPECT_EQ(a.by_rank[1][1], 1.0);
    const auto c = clinic_table();
    const auto one = mcda_smaa(c, {.monte_carlo = {.samples = 3000, .seed = 7, .threads = 1}});
    const auto three = mcda_smaa(c, {.monte_carlo = {.samples = 3000, .seed = 7, .threads = 3}});
    EXPECT_EQ(one.by_rank, three.by_rank);
    EXPECT_EQ(one.central_weights, three.central_weights);
}

TEST(WeightSampler, SimplexMarginalIsBetaOneMMinusOne) {
    // Uniform on the m-simplex: each w_j ~ Beta(1, m-1), CDF 1 - (1-x)^(m-1). Kolmogorov-Smirnov
    // at the 0.1% level: D * sqrt(N) < 1.95.
    constexpr std::size_t m = 4, N = 20000;
    random_source rng(2024);
    std::vector<double> x;
    for (std::size_t k = 0; k < N; ++k) {
        const auto w = sample_weights(rng, m, {});
        double s = 0;
        for (double v : w) s += v;
        ASSERT_NEAR(s, 1.0, 1e-12);
        x.push_back(w[k % m]);
    }
    std::sort(x.begin(), x.end());
    double d = 0;
    for (std::size_t k = 0; k < N; ++k) {
        const double cdf = 1 - std::pow(1 - x[k], m - 1);
        d = std::max({d, std::abs(cdf - double(k) / N), std::abs(cdf - double(k + 1) / N)});
    }
    EXPECT_LT(d * std::sqrt(double(N)), 1.95);
}

TEST(WeightSampler, DirichletMeanAndBoundedRejection) {
    random_source rng(5);
    mcda_smaa_options o{.distribution = weight_distribution::dirichlet, .alpha = {6, 3, 1}};
    double mean[3] = {0, 0, 0};
    constexpr int N = 20000;
    for (int k = 0; k < N; ++k) {
        const auto w = sample_weights(rng, 3, o);
        for (int j = 0; j < 3; ++j) mean[j] += w[j] / N;
    }
    // Mean alpha / sum alpha; sd of the mean of Beta(6, 4) is sqrt(0.6*0.4/11/N) ~ 0.001.
    EXPECT_NEAR(mean[0], 0.6, 0.005);
    EXPECT_NEAR(mean[2], 0.1, 0.005);
    // Two criteria, w1 in [0.2, 0.6]: uniform on the simplex conditioned on the box is uniform on
    // [0.2, 0.6], mean 0.4.
    mcda_smaa_options b{.lower = {0.2, 0.0}, .upper = {0.6, 1.0}};
    double m1 = 0;
    for (int k = 0; k < N; ++k) {
        const auto w = sample_weights(rng, 2, b);
        ASSERT_GE(w[0], 0.2);
        ASSERT_LE(w[0], 0.6);
        m1 += w[0] / N;
    }
    EXPECT_NEAR(m1, 0.4, 0.004);
    // Infeasible bounds are refused before sampling.
    const mcda_table t{{"A", "B"}, {"x", "y"}, {{q("1"), q("0")}, {q("0"), q("1")}}};
    EXPECT_THROW(mcda_smaa(t, {.lower = {0.7, 0.7}}), error);
    EXPECT_THROW(mcda_smaa(t, {.distribution = weight_distribution::dirichlet, .alpha = {1}}), error);
}
