// SMAA of a two-stage count (Borda inside each PCN, then Borda across PCNs weighted by the square
// root of population, practices equal within their PCN) on the 78 practices and 15 PCNs of NHS
// Herefordshire and Worcestershire ICB, ranking 10 priorities (one seeded Mallows ranking per
// practice), under 10% population noise. Each two-stage sample is an exact weighted count (16
// counts). Baseline in the same run: the pooled SMAA of the same ballots under the same noise and
// samples (one count per sample, with Borda's additive shortcut); x_pooled is the ratio.
#include "accord/analysis/generate.hpp"
#include "accord/analysis/sweep.hpp"
#include "accord/registry.hpp"

#include <benchmark/benchmark.h>

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
        std::filesystem::path dir = std::filesystem::path(ACCORD_SOURCE_DIR) / ".." / "shared" / "data";
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
