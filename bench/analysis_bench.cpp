// SMAA over unit weights on the 78 practices of NHS Herefordshire and Worcestershire ICB, ranking
// 10 priorities (one seeded Mallows ranking per practice): 100,000 weight vectors uniform on the
// simplex, with Borda, IRV and Schulze. Baseline in the same run: one plain count of the same
// 78 ballots, timed and multiplied by the number of samples; counters give the ratio. Borda runs
// twice: with the additive shortcut of positional rules and with a full count per sample; IRV and
// Schulze twice: through prepared counts (integer kernels) and through the registry per sample.
// Counter cpu_s: CPU seconds of the process (both threads), the number to read on a shared machine.
#include "accord/analysis/generate.hpp"
#include "accord/analysis/sweep.hpp"
#include "accord/registry.hpp"

#include "nhs_fixture.hpp"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>

using namespace accord;

namespace {
const accord_bench::nhs_fixture& data() { return accord_bench::nhs_practices(); }

double process_cpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

void BM_SmaaSimplexWeights(benchmark::State& state, const char* rule, bool additive_shortcut = true,
                           bool prepared_counts = true) {
    const auto& f = data();
    const std::size_t samples = static_cast<std::size_t>(state.range(0));
    // Baseline: one plain count of the 78 ballots, averaged over many runs.
    const auto t0 = std::chrono::steady_clock::now();
    constexpr int reps = 2000;
    for (int i = 0; i < reps; ++i) benchmark::DoNotOptimize(run(f.ballots, rule));
    const double one = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / reps;
    population_smaa_options o;
    o.rule = rule;
    o.sampler = population_sampler::simplex;
    o.additive_shortcut = additive_shortcut;
    o.prepared_counts = prepared_counts;
    o.monte_carlo = {.samples = samples, .seed = 1, .threads = 2};
    double seconds = 0, cpu = 0;
    for (auto _ : state) {
        const auto s = std::chrono::steady_clock::now();
        const double c0 = process_cpu();
        auto a = population_smaa(f.ballots, f.org, o);
        cpu = process_cpu() - c0;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        benchmark::DoNotOptimize(a);
    }
    // CPU seconds of the whole process (both worker threads): what a quiet 2-core machine would
    // take in wall time is about half of it.
    state.counters["cpu_s"] = cpu;
    state.counters["units"] = static_cast<double>(population_smaa_units(f.ballots, f.org).size());
    state.counters["real_data"] = f.real ? 1 : 0;
    state.counters["seconds"] = seconds;
    state.counters["baseline_s"] = one * static_cast<double>(samples);
    state.counters["x_baseline"] = seconds / (one * static_cast<double>(samples));
}
} // namespace

BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, borda, "borda")
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// The same Borda analysis counting every sample in full (a profile and a count per sample), as
// before positional rules took the additive shortcut: the before/after ratio in one run.
BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, borda_full_count, "borda", false)
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, irv, "irv")
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, schulze, "schulze")
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// IRV and Schulze through the registry per sample (options parsed and a full result built for
// every sample), as before prepared counts: the before/after ratio in one run (cpu_s).
BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, irv_registry, "irv", true, false)
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_SmaaSimplexWeights, schulze_registry, "schulze", true, false)
    ->Arg(100000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
