// The Monte Carlo driver: exact answers on a sampler with a known distribution, identical output
// for any thread count, cancellation and errors.
#include "accord/analysis/monte_carlo.hpp"
#include "accord/error.hpp"
#include "accord/registry.hpp"
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

// SMAA reweights one profile in place per block of samples (profile::set_count) instead of
// building one per sample: a reweighted profile must count exactly as a fresh one.
TEST(MonteCarlo, ProfileReweightedInPlaceCountsAsAFreshOne) {
    const profile src = mallows(6, std::vector<cand_t>{0, 1, 2, 3, 4, 5}, 0.9, 40, 3);
    profile reused = src;
    random_source rng(8);
    for (int round = 0; round < 20; ++round) {
        profile fresh(src.candidate_names());
        for (std::size_t i = 0; i < src.unique_count(); ++i) {
            const std::uint64_t m = 1 + rng.below(1000);
            reused.set_count(i, m);
            fresh.add(src.ballot(i).marks, m);
        }
        EXPECT_EQ(reused.total_count(), fresh.total_count());
        for (const char* rule : {"irv", "schulze", "borda", "plurality"})
            EXPECT_EQ(to_json(run(reused, rule)), to_json(run(fresh, rule))) << rule;
    }
    EXPECT_THROW(reused.set_count(0, 0), error);
    EXPECT_THROW(reused.set_count(reused.unique_count(), 1), error);
}
