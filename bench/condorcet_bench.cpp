// Pairwise matrix + Schulze on 1,000,000 ballots (13 and 20 candidates), against a baseline in
// the same run: one pass over the distinct ballots reading every mark (the least any tally does);
// and the matrix in double against the int64 one.
#include "accord/rules/condorcet.hpp"
#include "accord/rules/pairwise-inl.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <random>

namespace {

// 1,000,000 voters, generated deterministically: each ranks 1..8 candidates drawn without
// replacement with popularity 1/(c+1) (Plackett-Luce), as real ballots are short and skewed.
// The profile deduplicates them on insertion.
const accord::profile& million(std::size_t n) {
    static std::map<std::size_t, accord::profile> cache;
    auto it = cache.find(n);
    if (it != cache.end()) return it->second;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back("C" + std::to_string(c + 1));
    accord::profile p(names);
    std::mt19937_64 rng(20240601 + n);
    std::vector<double> base(n);
    for (std::size_t c = 0; c < n; ++c) base[c] = 1.0 / static_cast<double>(c + 1);
    std::vector<accord::cand_t> order;
    for (int v = 0; v < 1'000'000; ++v) {
        auto w = base;
        const std::size_t len = 1 + rng() % 8;
        order.clear();
        for (std::size_t k = 0; k < len && k < n; ++k) {
            std::discrete_distribution<std::size_t> d(w.begin(), w.end());
            const std::size_t c = d(rng);
            order.push_back(static_cast<accord::cand_t>(c));
            w[c] = 0;
        }
        p.add_order(order);
    }
    return cache.emplace(n, std::move(p)).first->second;
}

double baseline_seconds(const accord::profile& p) {
    // One pass over the distinct ballots, reading every mark with its count.
    constexpr int k_rep = 20;
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    std::vector<std::uint64_t> tally(p.candidate_count(), 0);
    const auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < k_rep; ++r) {
        for (std::size_t i = 0; i < p.unique_count(); ++i)
            for (std::uint32_t j = off[i]; j < off[i + 1]; ++j) tally[marks[j].candidate] += counts[i];
        benchmark::DoNotOptimize(tally.data());
        benchmark::ClobberMemory();
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / k_rep;
}

template <class F> void run(benchmark::State& state, F&& f) {
    const auto& p = million(static_cast<std::size_t>(state.range(0)));
    const double base = baseline_seconds(p);
    double total = 0;
    std::int64_t iters = 0;
    for (auto _ : state) {
        const auto s = std::chrono::steady_clock::now();
        auto r = f(p);
        benchmark::DoNotOptimize(r);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        ++iters;
    }
    state.counters["x_baseline"] = (total / static_cast<double>(iters)) / base;
    state.counters["baseline_ms"] = base * 1e3;
    state.counters["unique_ballots"] = static_cast<double>(p.unique_count());
}

void BM_PairwiseMatrix(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::tally_pairwise<std::int64_t>(p); });
}
void BM_PairwisePlusSchulze(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::schulze(p); });
}
void BM_PairwisePlusRankedPairs(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::ranked_pairs(p); });
}

// The matrix template in double (pairwise-inl.hpp; what a Monte Carlo over weights would tally
// in), with the int64 tally as a second baseline in the same run: x_int64 = double / int64.
void BM_PairwiseMatrixDouble(benchmark::State& s) {
    const auto& p = million(static_cast<std::size_t>(s.range(0)));
    double exact = 0;
    for (int r = 0; r < 3; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        auto m = accord::tally_pairwise<std::int64_t>(p);
        benchmark::DoNotOptimize(m.support.data());
        exact += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 3;
    }
    double total = 0;
    std::int64_t iters = 0;
    run(s, [&](const accord::profile& q) {
        const auto t0 = std::chrono::steady_clock::now();
        auto m = accord::tally_pairwise<double>(q);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++iters;
        return m;
    });
    if (iters) s.counters["x_int64"] = total / static_cast<double>(iters) / exact;
    s.counters["int64_ms"] = exact * 1e3;
}

BENCHMARK(BM_PairwiseMatrix)->Arg(13)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PairwiseMatrixDouble)->Arg(13)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PairwisePlusSchulze)->Arg(13)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PairwisePlusRankedPairs)->Arg(13)->Arg(20)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
