// Maximal lotteries by the exact rational simplex (src/lp.hpp), against Schulze on the same
// profile in the same run (x_schulze: how many Schulze counts one maximal-lottery count costs).
// Two shapes: 1,001 impartial-culture voters (odd margins: one maximal lottery, found by the
// essential-set programs alone) and 4 voters with truncated ballots (many zero margins: a
// polytope of maximal lotteries, so the leximin programs run too). pref_voting 1.18 enumerates
// the vertices of the game (nashpy), which grows exponentially with the candidates.
// Dodgson and Young (integer programs, branch and bound on the same simplex) on impartial-culture
// profiles of 51 voters, against the same Schulze baseline.
#include "accord/rules/condorcet.hpp"
#include "accord/rules/dodgson.hpp"
#include "accord/rules/lottery.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <numeric>
#include <random>

namespace {

accord::profile random_profile(std::size_t n, int voters, bool truncated) {
    std::mt19937_64 rng(11 + n + static_cast<std::size_t>(voters));
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back("c" + std::to_string(c));
    accord::profile p(names);
    std::vector<accord::cand_t> order(n);
    for (int v = 0; v < voters; ++v) {
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        const std::size_t keep = truncated ? 1 + rng() % n : n;
        p.add_order(
            std::vector<accord::cand_t>(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep)));
    }
    return p;
}

template <class Rule> void bench_rule(benchmark::State& state, const accord::profile& p, Rule rule) {
    // Baseline: Schulze (pairwise tally and widest paths) on the same profile, timed in this run.
    const auto t0 = std::chrono::steady_clock::now();
    int base_runs = 0;
    do {
        benchmark::DoNotOptimize(accord::schulze(p));
        ++base_runs;
    } while (std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
    const double base =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / base_runs;
    double total = 0;
    std::int64_t iters = 0;
    std::size_t support = 0; // candidates with a positive score: the lottery's support
    for (auto _ : state) {
        const auto s = std::chrono::steady_clock::now();
        const accord::result r = rule(p);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        ++iters;
        support = 0;
        for (const auto& sc : r.scores)
            if (sc && *sc > 0) ++support;
        benchmark::DoNotOptimize(r);
    }
    const double mean = total / static_cast<double>(iters);
    state.counters["x_schulze"] = mean / base;
    state.counters["seconds"] = mean;
    state.counters["positive_scores"] = static_cast<double>(support);
}

void BM_MaximalLottery(benchmark::State& state) {
    const auto p = random_profile(static_cast<std::size_t>(state.range(0)), 1001, false);
    bench_rule(state, p, [](const accord::profile& q) { return accord::maximal_lotteries(q); });
}

void BM_MaximalLotteryLeximin(benchmark::State& state) {
    const auto p = random_profile(static_cast<std::size_t>(state.range(0)), 4, true);
    bench_rule(state, p, [](const accord::profile& q) { return accord::maximal_lotteries(q); });
}

void BM_BipartisanSet(benchmark::State& state) {
    const auto p = random_profile(static_cast<std::size_t>(state.range(0)), 1001, false);
    bench_rule(state, p, [](const accord::profile& q) { return accord::bipartisan_set(q); });
}

void BM_Dodgson(benchmark::State& state) {
    const auto p = random_profile(static_cast<std::size_t>(state.range(0)), 51, false);
    bench_rule(state, p, [](const accord::profile& q) { return accord::dodgson(q); });
}

void BM_Young(benchmark::State& state) {
    const auto p = random_profile(static_cast<std::size_t>(state.range(0)), 51, false);
    bench_rule(state, p, [](const accord::profile& q) { return accord::young(q); });
}

BENCHMARK(BM_MaximalLottery)->Arg(5)->Arg(10)->Arg(20)->Arg(40)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MaximalLotteryLeximin)->Arg(5)->Arg(10)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BipartisanSet)->Arg(10)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Dodgson)->Arg(4)->Arg(6)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Young)->Arg(4)->Arg(6)->Arg(8)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
