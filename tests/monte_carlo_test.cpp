// The Monte Carlo driver: exact answers on a sampler with a known distribution, identical output
// for any thread count, cancellation and errors.
#include "accord/analysis/monte_carlo.hpp"
#include "accord/rules/irv.hpp"

#include <gtest/gtest.h>

using namespace accord;

namespace {
// A count of three candidates whose winner is 0 with probability 1/2, 1 or 2 with 1/4 each.
sample_outcome coin(random_source& rng, std::size_t) {
    profile p({"A", "B", "C"});
    const double u = rng.uniform();
    const cand_t w = u < 0.5 ? 0 : (u < 0.75 ? 1 : 2);
    std::vector<cand_t> order{w, static_cast<cand_t>((w + 1) % 3), static_cast<cand_t>((w + 2) % 3)};
    p.add_order(order);
    return {plurality(p), {u}};
}
} // namespace

TEST(MonteCarlo, EstimatesKnownProbabilitiesWithinStandardErrors) {
    auto a = monte_carlo(3, coin, {.samples = 20000, .seed = 5, .threads = 2});
    EXPECT_NEAR(a.winner[0], 0.5, 4 * a.winner_se[0]);
    EXPECT_NEAR(a.winner[1], 0.25, 4 * a.winner_se[1]);
    EXPECT_NEAR(a.by_rank[0][0], a.winner[0], 1e-12);
    double total = 0;
    for (double x : a.by_rank[2]) total += x;
    EXPECT_NEAR(total, 1.0, 1e-9);
    // Central weight: mean of u over the samples A won is about 0.25.
    EXPECT_NEAR(a.central_weights[0][0], 0.25, 0.01);
}

TEST(MonteCarlo, BitIdenticalForAnyThreadCount) {
    auto one = monte_carlo(3, coin, {.samples = 3000, .seed = 9, .threads = 1});
    auto four = monte_carlo(3, coin, {.samples = 3000, .seed = 9, .threads = 4});
    EXPECT_EQ(one.by_rank, four.by_rank);
    EXPECT_EQ(one.winner, four.winner);
    EXPECT_EQ(one.central_weights, four.central_weights);
}

TEST(MonteCarlo, ProgressCanCancel) {
    std::size_t calls = 0;
    try {
        // Progress comes about every 50 ms: enough samples that the second call (about 100 ms
        // in) always comes before the end, however fast the machine.
        monte_carlo(3, coin, {.samples = 50000000, .seed = 1, .threads = 2, .progress = [&](std::size_t, std::size_t) {
                                  return ++calls < 2;
                              }});
        FAIL() << "expected cancellation";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
}

TEST(MonteCarlo, SamplerErrorsPropagate) {
    auto failing = [](random_source& r, std::size_t i) -> sample_outcome {
        if (i == 77) throw error(errc::invalid, "bad sample 77");
        return coin(r, i);
    };
    EXPECT_THROW(monte_carlo(3, failing, {.samples = 500, .threads = 2}), error);
}
