// The positional count template (positional-inl.hpp) in `double` against the exact counts, on
// 200,000 synthetic ballots (13 candidates, up to 5 ranks), Borda points, each beside a baseline
// measured in the same run (counter x_baseline = time / baseline time):
//  - weighted ballots: count_positional<rational> (what borda() counts a weighted profile in)
//    against count_positional<double> (what a Monte Carlo over weights would count in);
//  - unweighted ballots: borda() (its int64 fast path, exact) against count_positional<double>.
// ns_per_count and baseline_ns_per_count give both times per count.
#include "bench_util.hpp"

#include "accord/rules/positional-inl.hpp"
#include "accord/rules/positional.hpp"

namespace {
using namespace accord;

profile build(bool weighted) {
    static const auto orders = accord_bench::synthetic_orders(200'000, 13, 5, 2027);
    profile p(accord_bench::names(13));
    std::size_t i = 0;
    for (const auto& o : orders) {
        std::vector<std::vector<cand_t>> tiers;
        for (cand_t c : o) tiers.push_back({c});
        // Weights as a weighting scheme gives them: a few distinct exact fractions.
        p.add_ranking(tiers, 1, weighted ? rational(static_cast<std::int64_t>(1 + i % 7), 3) : rational(1));
        ++i;
    }
    return p;
}

template <class Num> positional_count<Num> borda_points() {
    return {.points = [](std::size_t i, std::size_t m) { return Num(static_cast<std::int64_t>(m - i)); },
            .method = "borda"};
}

void report(benchmark::State& state, double baseline) {
    state.counters["baseline_ns_per_count"] = baseline * 1e9;
    if (state.counters.count("x_baseline"))
        state.counters["ns_per_count"] = state.counters["x_baseline"] * baseline * 1e9;
}

void BM_PositionalRationalVsDouble(benchmark::State& state) {
    static const profile p = build(true);
    const auto fast = borda_points<double>();
    const auto exact = borda_points<rational>();
    const double base = accord_bench::time_per_call([&] {
        auto o = count_positional<double>(p, fast);
        benchmark::DoNotOptimize(o.scores.data());
    });
    accord_bench::timed_loop(state, base, [&] {
        auto o = count_positional<rational>(p, exact);
        benchmark::DoNotOptimize(o.scores.data());
    });
    report(state, base);
    state.counters["unique_ballots"] = static_cast<double>(p.unique_count());
}
BENCHMARK(BM_PositionalRationalVsDouble)->Unit(benchmark::kMillisecond);

void BM_BordaInt64VsDouble(benchmark::State& state) {
    static const profile p = build(false);
    const auto fast = borda_points<double>();
    const double base = accord_bench::time_per_call([&] {
        auto o = count_positional<double>(p, fast);
        benchmark::DoNotOptimize(o.scores.data());
    });
    accord_bench::timed_loop(state, base, [&] {
        auto r = borda(p);
        benchmark::DoNotOptimize(r.scores.data());
    });
    report(state, base);
    state.counters["unique_ballots"] = static_cast<double>(p.unique_count());
}
BENCHMARK(BM_BordaInt64VsDouble)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
