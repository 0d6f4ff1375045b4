// The exact simplex (src/lp.hpp) on small LPs with known exact optima, the classic cycling
// examples, infeasible and unbounded problems, and random small LPs against a brute-force
// enumeration of every vertex.
#include "../src/lp.hpp"

#include "accord/error.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>

using namespace accord;
using lp::relation;

namespace {

rational q(long n, long d = 1) { return rational(n, d); }

lp::constraint row(std::vector<rational> coef, relation rel, rational rhs) {
    return {std::move(coef), rel, std::move(rhs)};
}

} // namespace

// Hillier and Lieberman's Wyndor Glass example: max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18.
TEST(ExactLp, WyndorGlassOptimumIs36AtTwoSix) {
    lp::problem p{2, {q(3), q(5)}, {}};
    p.constraints = {row({q(1), q(0)}, relation::less_equal, q(4)),
                     row({q(0), q(2)}, relation::less_equal, q(12)),
                     row({q(3), q(2)}, relation::less_equal, q(18))};
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(36));
    EXPECT_EQ(s.x, (std::vector<rational>{q(2), q(6)}));
    EXPECT_TRUE(lp::feasible(p, s.x));
}

// A fractional vertex: max x + y, 2x + y <= 4, x + 3y <= 6 meet at (6/5, 8/5), value 14/5.
TEST(ExactLp, FractionalOptimumIsExact) {
    lp::problem p{2, {q(1), q(1)}, {}};
    p.constraints = {row({q(2), q(1)}, relation::less_equal, q(4)),
                     row({q(1), q(3)}, relation::less_equal, q(6))};
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(14, 5));
    EXPECT_EQ(s.x, (std::vector<rational>{q(6, 5), q(8, 5)}));
}

// Chvátal, "Linear Programming" (1983), p. 31: with the largest-coefficient rule this degenerate
// LP cycles forever; the switch to Bland's rule after a degenerate pivot ends at z = 1,
// x1 = x3 = 1.
TEST(ExactLp, ChvatalsCyclingExampleEndsThroughBlandsRule) {
    lp::problem p{4, {q(10), q(-57), q(-9), q(-24)}, {}};
    p.constraints = {row({q(1, 2), q(-11, 2), q(-5, 2), q(9)}, relation::less_equal, q(0)),
                     row({q(1, 2), q(-3, 2), q(-1, 2), q(1)}, relation::less_equal, q(0)),
                     row({q(1), q(0), q(0), q(0)}, relation::less_equal, q(1))};
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(1));
    EXPECT_EQ(s.x, (std::vector<rational>{q(1), q(0), q(1), q(0)}));
    EXPECT_GT(s.bland_pivots, 0u); // the degenerate start was left by Bland's rule
}

// Beale (1955), the first cycling example: min -3/4 x4 + 20 x5 - 1/2 x6 + 6 x7 has optimum -5/4
// at x4 = x6 = 1.
TEST(ExactLp, BealesCyclingExampleReachesMinusFiveQuarters) {
    lp::problem p{4, {q(3, 4), q(-20), q(1, 2), q(-6)}, {}};
    p.constraints = {row({q(1, 4), q(-8), q(-1), q(9)}, relation::less_equal, q(0)),
                     row({q(1, 2), q(-12), q(-1, 2), q(3)}, relation::less_equal, q(0)),
                     row({q(0), q(0), q(1), q(0)}, relation::less_equal, q(1))};
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(5, 4));
    EXPECT_EQ(s.x, (std::vector<rational>{q(1), q(0), q(1), q(0)}));
}

TEST(ExactLp, InfeasibleAndUnboundedAreReported) {
    lp::problem infeasible{2, {q(1), q(1)}, {}};
    infeasible.constraints = {row({q(1), q(1)}, relation::less_equal, q(1)),
                              row({q(1), q(1)}, relation::greater_equal, q(2))};
    EXPECT_EQ(lp::maximise(infeasible).state, lp::status::infeasible);
    lp::problem unbounded{2, {q(1), q(0)}, {}};
    unbounded.constraints = {row({q(1), q(-1)}, relation::less_equal, q(1))};
    EXPECT_EQ(lp::maximise(unbounded).state, lp::status::unbounded);
    // Negative right-hand sides: -x - y <= -2 is x + y >= 2; max -(x + y) is -2.
    lp::problem negative{2, {q(-1), q(-1)}, {}};
    negative.constraints = {row({q(-1), q(-1)}, relation::less_equal, q(-2)),
                            row({q(1), q(0)}, relation::less_equal, q(3))};
    const auto s = lp::maximise(negative);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(-2));
    EXPECT_TRUE(lp::feasible(negative, s.x));
}

// x + y = 1 stated twice (once doubled): phase 1 leaves an artificial variable basic at zero in
// the redundant row, which is dropped; the optimum of x + 2y is 2 at (0, 1).
TEST(ExactLp, RedundantEqualityRowIsDropped) {
    lp::problem p{2, {q(1), q(2)}, {}};
    p.constraints = {row({q(1), q(1)}, relation::equal, q(1)), row({q(2), q(2)}, relation::equal, q(2))};
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(2));
    EXPECT_EQ(s.x, (std::vector<rational>{q(0), q(1)}));
}

// Rock-paper-scissors as a maximal-lottery LP: p >= 0, sum p = 1, p . column >= 0 for every
// column of the skew-symmetric payoff matrix; the only solution is uniform.
TEST(ExactLp, RockPaperScissorsGameHasTheUniformOptimum) {
    const int m[3][3] = {{0, 1, -1}, {-1, 0, 1}, {1, -1, 0}};
    lp::problem p{3, {q(1), q(0), q(0)}, {}}; // maximise p0 over the optimal strategies
    p.constraints.push_back(row({q(1), q(1), q(1)}, relation::equal, q(1)));
    for (int j = 0; j < 3; ++j)
        p.constraints.push_back(row({q(m[0][j]), q(m[1][j]), q(m[2][j])}, relation::greater_equal, q(0)));
    const auto s = lp::maximise(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.x, (std::vector<rational>{q(1, 3), q(1, 3), q(1, 3)}));
}

// Random LPs in three variables with small integer data (so degenerate vertices are common),
// boxed by x <= 5: the simplex optimum equals the best feasible vertex found by solving every
// 3 x 3 choice of tight constraints (Cramer's rule), and infeasibility agrees.
TEST(ExactLp, RandomSmallLpsMatchVertexEnumeration) {
    std::mt19937 rng(20261205);
    std::uniform_int_distribution<int> coef(-3, 3), rhs(-2, 6), rel(0, 2);
    int optimal = 0, infeasible = 0;
    for (int trial = 0; trial < 300; ++trial) {
        lp::problem p{3, {q(coef(rng)), q(coef(rng)), q(coef(rng))}, {}};
        const int extra = 2 + trial % 4;
        for (int k = 0; k < extra; ++k)
            p.constraints.push_back(row({q(coef(rng)), q(coef(rng)), q(coef(rng))},
                                        static_cast<relation>(rel(rng)), q(rhs(rng))));
        for (int j = 0; j < 3; ++j) {
            std::vector<rational> e(3, q(0));
            e[static_cast<std::size_t>(j)] = 1;
            p.constraints.push_back(row(e, relation::less_equal, q(5)));
        }
        // Every constraint as an equation a . x = b, plus x_j = 0.
        std::vector<std::pair<std::vector<rational>, rational>> planes;
        for (const auto& c : p.constraints) planes.emplace_back(c.coefficients, c.rhs);
        for (int j = 0; j < 3; ++j) {
            std::vector<rational> e(3, q(0));
            e[static_cast<std::size_t>(j)] = 1;
            planes.emplace_back(e, q(0));
        }
        std::optional<rational> best;
        const std::size_t k = planes.size();
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = a + 1; b < k; ++b)
                for (std::size_t c = b + 1; c < k; ++c) {
                    const auto& A = planes[a].first;
                    const auto& B = planes[b].first;
                    const auto& C = planes[c].first;
                    auto det3 = [](const std::vector<rational>& r0, const std::vector<rational>& r1,
                                   const std::vector<rational>& r2) {
                        return r0[0] * (r1[1] * r2[2] - r1[2] * r2[1]) -
                               r0[1] * (r1[0] * r2[2] - r1[2] * r2[0]) +
                               r0[2] * (r1[0] * r2[1] - r1[1] * r2[0]);
                    };
                    const rational det = det3(A, B, C);
                    if (det == 0) continue;
                    std::vector<rational> x(3);
                    for (std::size_t j = 0; j < 3; ++j) {
                        auto a2 = A, b2 = B, c2 = C;
                        a2[j] = planes[a].second;
                        b2[j] = planes[b].second;
                        c2[j] = planes[c].second;
                        x[j] = det3(a2, b2, c2) / det;
                    }
                    if (!lp::feasible(p, x)) continue;
                    rational v = p.objective[0] * x[0] + p.objective[1] * x[1] + p.objective[2] * x[2];
                    if (!best || v > *best) best = v;
                }
        const auto s = lp::maximise(p);
        if (!best) {
            EXPECT_EQ(s.state, lp::status::infeasible) << "trial " << trial;
            ++infeasible;
            continue;
        }
        ASSERT_EQ(s.state, lp::status::optimal) << "trial " << trial;
        EXPECT_EQ(s.value, *best) << "trial " << trial;
        EXPECT_TRUE(lp::feasible(p, s.x)) << "trial " << trial;
        ++optimal;
    }
    // Both kinds occur, so neither branch of the comparison is idle.
    EXPECT_GT(optimal, 50);
    EXPECT_GT(infeasible, 20);
}

// max x2 with -x1 + x2 <= 1, 3x1 + 2x2 <= 12, 2x1 + 3x2 <= 12: the relaxation peaks at
// (9/5, 14/5), the integer optimum is x2 = 2 (x2 = 3 would need x1 >= 2 and x1 <= 3/2).
TEST(ExactIlp, TextbookProgramRoundsTheRelaxationDownToTwo) {
    lp::problem p{2, {q(0), q(1)}, {}};
    p.constraints = {row({q(-1), q(1)}, relation::less_equal, q(1)),
                     row({q(3), q(2)}, relation::less_equal, q(12)),
                     row({q(2), q(3)}, relation::less_equal, q(12))};
    EXPECT_EQ(lp::maximise(p).value, q(14, 5));
    const auto s = lp::maximise_integer(p);
    ASSERT_EQ(s.state, lp::status::optimal);
    EXPECT_EQ(s.value, q(2));
    EXPECT_EQ(s.x[1], q(2));
    EXPECT_TRUE(lp::feasible(p, s.x));
    EXPECT_GT(s.nodes, 1u);
    try {
        (void)lp::maximise_integer(p, 1);
        ADD_FAILURE() << "solved within one node";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("more than 1 branch-and-bound nodes"), std::string::npos)
            << e.what();
    }
    // 2x + 2y = 3 has no integer point.
    lp::problem none{2, {q(1), q(1)}, {}};
    none.constraints = {row({q(2), q(2)}, relation::equal, q(3))};
    EXPECT_EQ(lp::maximise_integer(none).state, lp::status::infeasible);
}

// Random integer programs in three variables boxed by 0 <= x <= 3, against every integer point.
TEST(ExactIlp, RandomSmallProgramsMatchEnumeratingTheBox) {
    std::mt19937 rng(77);
    std::uniform_int_distribution<int> coef(-4, 4), rhs(-3, 9), rel(0, 2);
    int optimal = 0;
    for (int trial = 0; trial < 150; ++trial) {
        lp::problem p{3, {q(coef(rng)), q(coef(rng)), q(coef(rng), 1 + trial % 2)}, {}};
        for (int k = 0; k < 3; ++k)
            p.constraints.push_back(row({q(coef(rng)), q(coef(rng)), q(coef(rng))},
                                        static_cast<relation>(rel(rng)), q(rhs(rng))));
        for (int j = 0; j < 3; ++j) {
            std::vector<rational> e(3, q(0));
            e[static_cast<std::size_t>(j)] = 1;
            p.constraints.push_back(row(e, relation::less_equal, q(3)));
        }
        std::optional<rational> best;
        for (int a = 0; a <= 3; ++a)
            for (int b = 0; b <= 3; ++b)
                for (int c = 0; c <= 3; ++c) {
                    const std::vector<rational> x{q(a), q(b), q(c)};
                    if (!lp::feasible(p, x)) continue;
                    const rational v = p.objective[0] * a + p.objective[1] * b + p.objective[2] * c;
                    if (!best || v > *best) best = v;
                }
        const auto s = lp::maximise_integer(p);
        if (!best) {
            EXPECT_EQ(s.state, lp::status::infeasible) << "trial " << trial;
            continue;
        }
        ASSERT_EQ(s.state, lp::status::optimal) << "trial " << trial;
        EXPECT_EQ(s.value, *best) << "trial " << trial;
        EXPECT_TRUE(lp::feasible(p, s.x)) << "trial " << trial;
        ++optimal;
    }
    EXPECT_GT(optimal, 40);
}
