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
        monte_carlo(3, coin,
                    {.samples = 50000000, .seed = 1, .threads = 2, .progress = [&](std::size_t, std::size_t) {
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

namespace {
// Partial sums that count how many of them are alive, and record the order they were added in.
struct counted_sums {
    static inline std::atomic<int> alive{0}, peak{0};
    std::vector<std::size_t> order;
    counted_sums() { note(); }
    counted_sums(const counted_sums& o) : order(o.order) { note(); }
    counted_sums(counted_sums&& o) noexcept : order(std::move(o.order)) { note(); }
    counted_sums& operator=(const counted_sums&) = default;
    counted_sums& operator=(counted_sums&&) noexcept = default;
    ~counted_sums() { --alive; }
    static void note() {
        const int a = ++alive;
        int p = peak.load();
        while (a > p && !peak.compare_exchange_weak(p, a)) {
        }
    }
};
} // namespace

TEST(MonteCarlo, BlockSumsAreAddedInBlockOrderWithBoundedMemory) {
    // 10,000 blocks on 4 threads with a window of 8: the blocks' sums are added in block order,
    // and no more than the window (plus the total and one in flight per thread) exist at once,
    // however many blocks there are.
    const monte_carlo_options opt{.samples = 64 * 10000, .seed = 1, .threads = 4};
    ordered_reduction<counted_sums> red(
        counted_sums{}, [](counted_sums& t, const counted_sums& b) { t.order.push_back(b.order.front()); },
        8);
    counted_sums::peak = counted_sums::alive.load();
    const int before = counted_sums::alive.load();
    run_sample_blocks(opt, [&](std::size_t b, std::size_t, std::size_t, const std::atomic<bool>& stop) {
        red.run(b, stop, [&] {
            counted_sums s;
            s.order.push_back(b);
            return s;
        });
    });
    ASSERT_EQ(red.total().order.size(), 10000u);
    for (std::size_t b = 0; b < 10000; ++b) ASSERT_EQ(red.total().order[b], b);
    EXPECT_LE(counted_sums::peak.load() - before, 8 + 2 * 4);
}
