// Power-index benchmarks on real NHS games, each beside a baseline in the same run (one pass
// summing the weights, or one plain O(n q) knapsack pass) so the ratio survives a noisy machine.
#include "accord/power.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <numeric>
#include <string>
#include <vector>

using namespace accord;

namespace {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env) return env;
    return std::filesystem::path(ACCORD_SOURCE_DIR) / ".." / "shared" / "data";
}

// A local CSV reader: quoted fields with commas, no embedded newlines.
std::vector<std::map<std::string, std::string>> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::string cur;
        bool q = false;
        for (char c : line) {
            if (c == '"')
                q = !q;
            else if (c == ',' && !q)
                f.push_back(cur), cur.clear();
            else if (c != '\r')
                cur += c;
        }
        f.push_back(cur);
        if (header.empty()) {
            header = f;
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::uint64_t> hw_weights() {
    std::vector<std::uint64_t> w;
    for (auto& r : read_csv(data_dir() / "nhs/practices_herefordshire_worcestershire_2025.csv"))
        w.push_back(std::stoull(r["registered_patients"]));
    return w;
}

/// Population per group (PCN, ICB, ...) of England, excluding the "U" (Unallocated) PCN code
/// as shared/data/nhs/SOURCES.md says when grouping by PCN.
std::vector<std::uint64_t> england_by(const std::string& column) {
    std::map<std::string, std::uint64_t> by;
    for (auto& r : read_csv(data_dir() / "nhs/practices_england_2025.csv")) {
        if (column == "pcn_code" && r["pcn_code"] == "U") continue;
        by[r[column]] += std::stoull(r["registered_patients"]);
    }
    std::vector<std::uint64_t> w;
    for (auto& [_, v] : by) w.push_back(v);
    return w;
}

std::uint64_t strict_majority(const std::vector<std::uint64_t>& w) {
    return quota_from_fraction(w, rational(1, 2), quota_rule::more_than);
}

double baseline_sum_seconds(const std::vector<std::uint64_t>& w, int reps) {
    auto t0 = std::chrono::steady_clock::now();
    std::uint64_t s = 0;
    for (int r = 0; r < reps; ++r) {
        s += std::accumulate(w.begin(), w.end(), std::uint64_t{0});
        benchmark::DoNotOptimize(s);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / reps;
}

/// One plain 0/1-knapsack pass in 64-bit counts (mod 2^64) over weights below q: the unit of
/// work a per-player DP would repeat n times.
double baseline_knapsack_seconds(const std::vector<std::uint64_t>& w, std::uint64_t q) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> c(q, 0);
    c[0] = 1;
    for (auto x : w)
        for (std::uint64_t s = q; s-- > x;) c[s] += c[s - x];
    benchmark::DoNotOptimize(c.data());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void run(benchmark::State& state, const std::vector<std::uint64_t>& w, unsigned indices,
         bool knapsack_baseline) {
    if (w.empty()) {
        state.SkipWithError("shared data not found");
        return;
    }
    const auto g = make_weighted_game(strict_majority(w), w);
    double total = 0;
    std::int64_t calls = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = power_indices(g, {.indices = indices});
        benchmark::DoNotOptimize(r.swings.data());
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++calls;
    }
    const double base =
        knapsack_baseline ? baseline_knapsack_seconds(w, strict_majority(w)) : baseline_sum_seconds(w, 1000);
    // Wall time per call over the baseline (both on this machine, in this run).
    if (calls && base > 0) state.counters["x_baseline"] = total / static_cast<double>(calls) / base;
    state.counters["players"] = double(w.size());
    state.counters["quota"] = double(strict_majority(w));
    state.counters[knapsack_baseline ? "knapsack_pass_s" : "sum_pass_s"] = base;
}

void BM_HW78_Banzhaf(benchmark::State& s) { run(s, hw_weights(), index_banzhaf, true); }
void BM_HW78_BanzhafShapleyShubik(benchmark::State& s) {
    run(s, hw_weights(), index_banzhaf | index_shapley_shubik, true);
}
// Shapley-Shubik alone (issue 17: under 0.1 s). The residue passes run on every core, so this
// one is timed as the CPU of the whole process (every thread), beside the knapsack pass.
void BM_HW78_ShapleyShubik(benchmark::State& s) { run(s, hw_weights(), index_shapley_shubik, true); }
void BM_HW78_HollerDeeganPackel(benchmark::State& s) {
    run(s, hw_weights(), index_holler | index_deegan_packel, true);
}
// Chow and Rae are derived from the Banzhaf counts: this should cost what BM_HW78_Banzhaf does.
void BM_HW78_ChowRae(benchmark::State& s) { run(s, hw_weights(), index_chow | index_rae, true); }

// Colomer-Martinez needs each minimal winning coalition's weight, so it enumerates all 2^n
// coalitions: on the 20 largest practices of Herefordshire and Worcestershire, beside exact
// Banzhaf of the same game by the programme in the same run (x_banzhaf = the ratio).
void BM_HW20_ColomerByEnumeration(benchmark::State& state) {
    auto w = hw_weights();
    if (w.empty()) {
        state.SkipWithError("shared data not found");
        return;
    }
    std::sort(w.begin(), w.end(), std::greater<>());
    w.resize(std::min<std::size_t>(w.size(), 20));
    const auto g = make_weighted_game(strict_majority(w), w);
    const auto t0 = std::chrono::steady_clock::now();
    constexpr int k_reps = 20;
    for (int r = 0; r < k_reps; ++r) benchmark::DoNotOptimize(power_indices(g, {.indices = index_banzhaf}));
    const double base = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / k_reps;
    double total = 0;
    std::int64_t calls = 0;
    for (auto _ : state) {
        const auto t1 = std::chrono::steady_clock::now();
        auto r = power_indices(g, {.indices = index_colomer});
        benchmark::DoNotOptimize(r.colomer.value.data());
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        ++calls;
    }
    if (calls && base > 0) state.counters["x_banzhaf"] = total / static_cast<double>(calls) / base;
    state.counters["banzhaf_s"] = base;
    state.counters["players"] = double(w.size());
}

void BM_England_ICB42_Banzhaf(benchmark::State& s) { run(s, england_by("icb_code"), index_banzhaf, false); }
void BM_England_SubICB106_Banzhaf(benchmark::State& s) {
    run(s, england_by("sub_icb_code"), index_banzhaf, false);
}

/// All 1,297 PCNs of England by population, strict majority: the Fourier estimate with its
/// proven error bound (exact counting is out of reach; see docs/methods/power.md).
// Exact Banzhaf over the first 300 of England's PCNs (by code), the quota a majority of their
// patients: the regime of the 1,297-PCN count (16-bit residue passes over a table larger than
// the caches, players of ~45,000 cells) at a size that runs in seconds, to extrapolate from.
// Baseline: one pass adding a 16-bit row of q cells into another, the unit a player costs.
void BM_England_PCN300_Banzhaf(benchmark::State& state) {
    auto w = england_by("pcn_code");
    if (w.size() < 300) {
        state.SkipWithError("shared data not found");
        return;
    }
    w.resize(300);
    const auto q = strict_majority(w);
    const auto g = make_weighted_game(q, w);
    double total = 0;
    std::int64_t calls = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = power_indices(g, {.indices = index_banzhaf, .method = power_method::dynamic_programming});
        benchmark::DoNotOptimize(r.swings.data());
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++calls;
    }
    std::vector<std::uint16_t> a(q, 1), b(q, 2);
    const auto t0 = std::chrono::steady_clock::now();
    for (int rep = 0; rep < 5; ++rep) {
        for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::uint16_t>(a[i] + b[i]);
        benchmark::DoNotOptimize(a.data());
    }
    const double base = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 5;
    state.counters["players"] = 300;
    state.counters["quota"] = double(q);
    state.counters["row_pass_s"] = base;
    if (calls) state.counters["x_row_pass"] = total / static_cast<double>(calls) / base;
}

void BM_England_PCN1297_BanzhafFourierBound(benchmark::State& state) {
    auto w = england_by("pcn_code");
    if (w.empty()) {
        state.SkipWithError("shared data not found");
        return;
    }
    const auto g = make_weighted_game(strict_majority(w), w);
    banzhaf_bound_result r;
    for (auto _ : state) r = banzhaf_fourier(g);
    state.counters["players"] = double(w.size());
    state.counters["quota"] = double(strict_majority(w));
    state.counters["abs_error_bound"] = r.absolute_error;
    state.counters["norm_error_bound"] = r.normalised_error;
    state.counters["sum_pass_s"] = baseline_sum_seconds(w, 1000);
    const auto top = std::max_element(w.begin(), w.end()) - w.begin();
    state.counters["largest_pcn_banzhaf"] = r.normalised[top];
}

void BM_Baseline_SumWeightsHW(benchmark::State& state) {
    auto w = hw_weights();
    for (auto _ : state) benchmark::DoNotOptimize(std::accumulate(w.begin(), w.end(), std::uint64_t{0}));
}

} // namespace

BENCHMARK(BM_Baseline_SumWeightsHW);
BENCHMARK(BM_HW78_Banzhaf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HW78_BanzhafShapleyShubik)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HW78_ShapleyShubik)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_HW78_HollerDeeganPackel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HW78_ChowRae)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HW20_ColomerByEnumeration)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_England_ICB42_Banzhaf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_England_SubICB106_Banzhaf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_England_PCN300_Banzhaf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_England_PCN1297_BanzhafFourierBound)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
