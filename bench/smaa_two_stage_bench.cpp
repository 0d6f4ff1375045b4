// SMAA of a two-stage count (Borda inside each PCN, then Borda across PCNs weighted by the square
// root of population, practices equal within their PCN) on the 78 practices and 15 PCNs of NHS
// Herefordshire and Worcestershire ICB, ranking 10 priorities (one seeded Mallows ranking per
// practice), under 10% population noise. Each two-stage sample is an exact weighted count (16
// counts). Baseline in the same run: the pooled SMAA of the same ballots under the same noise and
// samples (one count per sample, with Borda's additive shortcut); x_pooled is the ratio.
#include "accord/analysis/generate.hpp"
#include "accord/analysis/sweep.hpp"
#include "accord/registry.hpp"

#include "nhs_fixture.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

using namespace accord;

namespace {
const accord_bench::nhs_fixture& data() { return accord_bench::nhs_practices(); }

double seconds_of(const population_smaa_options& o) {
    const auto& f = data();
    const auto s = std::chrono::steady_clock::now();
    auto a = population_smaa(f.ballots, f.org, o);
    benchmark::DoNotOptimize(a);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
}

void BM_SmaaTwoStage(benchmark::State& state) {
    const auto samples = static_cast<std::size_t>(state.range(0));
    population_smaa_options pooled;
    pooled.rule = "borda";
    pooled.scheme = parse_scheme("sqrt");
    pooled.mode = aggregation_mode::pooled;
    pooled.sigma = 0.1;
    pooled.monte_carlo = {.samples = samples, .seed = 1, .threads = 2};
    population_smaa_options two = pooled;
    two.mode = aggregation_mode::two_stage;
    two.scheme = parse_scheme("equal");
    two.group_scheme = parse_scheme("sqrt");
    double seconds = 0;
    for (auto _ : state) seconds = seconds_of(two);
    const double base = seconds_of(pooled);
    state.counters["real_data"] = data().real ? 1 : 0;
    state.counters["seconds"] = seconds;
    state.counters["pooled_s"] = base;
    state.counters["x_pooled"] = seconds / base;
    state.counters["us_per_sample"] = 1e6 * seconds / static_cast<double>(samples);
}
} // namespace

BENCHMARK(BM_SmaaTwoStage)
    ->Arg(100000)
    ->Arg(2000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
