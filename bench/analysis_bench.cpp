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

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

using namespace accord;

namespace {
struct fixture {
    organisation org;
    profile ballots;
    bool real = false;
};

const fixture& data() {
    static const fixture f = [] {
        fixture x;
        std::filesystem::path dir =
            std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "shared" / "data";
        if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env) dir = env;
        const auto file = dir / "nhs" / "practices_herefordshire_worcestershire_2025.csv";
        if (std::filesystem::exists(file)) {
            x.org = read_organisation(file);
            x.real = true;
        } else {
            // Synthetic stand-in of the same shape: 78 practices in 15 PCNs.
            std::string csv = "id,name,kind,parent,population\n";
            for (int g = 0; g < 15; ++g)
                csv += "N" + std::to_string(g) + ",PCN " + std::to_string(g) + ",pcn,,\n";
            for (int i = 0; i < 78; ++i)
                csv += "p" + std::to_string(i) + ",P" + std::to_string(i) + ",practice,N" +
                       std::to_string(i % 15) + "," + std::to_string(3000 + (i * 7919) % 20000) + "\n";
            x.org = read_organisation_text(csv, "synthetic.csv");
        }
        const auto practices = x.org.of_kind("practice");
        const cand_t centre[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        const auto m = mallows(10, centre, 0.8, practices.size(), 78);
        x.ballots = profile(m.candidate_names());
        std::size_t k = 0;
        for (std::size_t i = 0; i < m.unique_count(); ++i)
            for (std::uint64_t c = 0; c < m.ballot(i).count; ++c, ++k)
                x.ballots.add(m.ballot(i).marks, 1, rational(1),
                              x.ballots.intern_unit(x.org[practices[k]].id));
        return x;
    }();
    return f;
}

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
