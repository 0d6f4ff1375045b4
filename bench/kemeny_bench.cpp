// Exact Kemeny (subset DP) on one strong component of 16, 20, 24 and 26 candidates, against a
// baseline in the same run: one pass writing every one of the 2^k DP values once.
#include "accord/rules/kemeny.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <numeric>
#include <random>

namespace {

// 1,000 voters with uniformly random complete orders (impartial culture): the majority graph
// is one strong component, the worst case for the split.
std::vector<std::int64_t> random_matrix(std::size_t n) {
    std::mt19937_64 rng(7 + n);
    std::vector<std::int64_t> w(n * n, 0);
    std::vector<accord::cand_t> order(n);
    for (int v = 0; v < 1000; ++v) {
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) ++w[order[i] * n + order[j]];
    }
    return w;
}

void BM_KemenyExact(benchmark::State& state) {
    const std::size_t n = static_cast<std::size_t>(state.range(0));
    const auto w = random_matrix(n);
    std::vector<accord::cand_t> cands(n);
    std::iota(cands.begin(), cands.end(), 0);
    // Baseline: write and read 2^n 32-bit values once.
    const auto t0 = std::chrono::steady_clock::now();
    {
        auto f = std::make_unique_for_overwrite<std::int32_t[]>(std::size_t(1) << n);
        for (std::size_t s = 0; s < (std::size_t(1) << n); ++s) f[s] = static_cast<std::int32_t>(s);
        benchmark::DoNotOptimize(f.get());
        benchmark::ClobberMemory();
    }
    const double base = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double total = 0;
    std::int64_t iters = 0;
    accord::kemeny_solution sol;
    for (auto _ : state) {
        const auto s = std::chrono::steady_clock::now();
        sol = accord::kemeny_order(w, n, cands, 10, 30);
        benchmark::DoNotOptimize(sol);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        ++iters;
    }
    state.counters["x_baseline"] = (total / static_cast<double>(iters)) / base;
    state.counters["seconds"] = total / static_cast<double>(iters);
    state.counters["optimal_rankings"] = static_cast<double>(sol.optimal.size());
    state.counters["memory_MiB"] = static_cast<double>((std::size_t(1) << n) * 4) / (1 << 20);
}

BENCHMARK(BM_KemenyExact)->Arg(16)->Arg(20)->Arg(24)->Arg(26)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
