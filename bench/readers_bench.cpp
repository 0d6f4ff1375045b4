// Reader throughput on real files, against a baseline in the same run: one pass over the same
// bytes counting lines (memchr), the least any line-based reader must do.
#include "accord/io/read.hpp"
#include "bench_util.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env) return env;
    // bench/readers_bench.cpp -> the checkout -> ../shared/data beside it.
    return std::filesystem::path(__FILE__).parent_path().parent_path() / ".." / "shared" / "data";
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

using accord_bench::count_lines;

void run_file(benchmark::State& state, const std::filesystem::path& path, accord::file_format f) {
    const std::string rel = path.filename().string();
    if (!std::filesystem::exists(path)) {
        state.SkipWithError(("not found: " + path.string()).c_str());
        return;
    }
    const std::string text = slurp(path);
    accord::read_options opt;
    opt.format = f;
    // Baseline: the line-counting pass, timed here so the ratio survives a noisy machine.
    const auto t0 = std::chrono::steady_clock::now();
    constexpr int k_base = 20;
    std::size_t lines = 0;
    for (int i = 0; i < k_base; ++i) benchmark::DoNotOptimize(lines += count_lines(text));
    const double base = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / k_base;
    double total = 0;
    std::int64_t iters = 0;
    try {
        (void)accord::read_profile_text(text, rel, opt);
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    for (auto _ : state) {
        const auto s = std::chrono::steady_clock::now();
        auto p = accord::read_profile_text(text, rel, opt);
        benchmark::DoNotOptimize(p);
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        ++iters;
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
    state.counters["x_baseline"] = (total / static_cast<double>(iters)) / base;
    state.counters["lines"] = static_cast<double>(lines / k_base);
}

void run(benchmark::State& state, const char* rel, accord::file_format f) {
    run_file(state, data_dir() / rel, f);
}

void BM_PreflibIrishMeath(benchmark::State& s) {
    run(s, "preflib/00001 - irish/00001-00000003.soi", accord::file_format::soi);
}
void BM_PreflibBurlington(benchmark::State& s) {
    run(s, "preflib/00005 - burlington/00005-00000002.toi", accord::file_format::toi);
}
void BM_BltGlasgowPartickWest(benchmark::State& s) {
    run(s, "blt/droop/blt/scotland/Partick-West-2007.blt", accord::file_format::blt);
}
void BM_DebianLeader2007(benchmark::State& s) {
    run(s, "condorcet/condorcet_php_tests/DebianData/leader2007_tally.txt", accord::file_format::debian);
}

// NIST 1500-103 CDF cast-vote records (JSON), RCTab's precinct example: 685 kB.
void BM_CdfJsonPrecinctExample(benchmark::State& s) {
    run(s, "rctab/precinct_example/precinct_example_expected_cdf_cvr.json", accord::file_format::cdf_json);
}
// A workbook (zip + XML): Minneapolis 2013 mayor, 80,101 ballots, 2 MB. The baseline is still
// one memchr pass over the file's bytes: the least a reader can do, whatever the bytes hold.
void BM_XlsxMinneapolis2013(benchmark::State& s) {
    run(s, "rctab/2013_minneapolis_mayor/2013_minneapolis_mayor_cvr.xlsx", accord::file_format::xlsx);
}

// A real Pabulib file kept in this repository (tests/data/pabulib/SOURCES.md): Krakow 2018,
// Swoszowice, 18 kB of approval votes with project costs.
void BM_PabulibKrakowSwoszowice(benchmark::State& s) {
    run_file(s,
             std::filesystem::path(ACCORD_SOURCE_DIR) / "tests" / "data" / "pabulib" /
                 "poland_krakow_2018_swoszowice.pb",
             accord::file_format::pabulib);
}

BENCHMARK(BM_CdfJsonPrecinctExample)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_XlsxMinneapolis2013)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PreflibIrishMeath)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PreflibBurlington)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BltGlasgowPartickWest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DebianLeader2007)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PabulibKrakowSwoszowice)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
