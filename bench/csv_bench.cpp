// Loading a 1,000,000-ballot CSV (13 candidates, up to 5 ranks, rank-column layout, generated
// deterministically in memory) and counting it, each beside a baseline measured in the same run:
//  - parse: read_profile_text vs one pass over the same bytes counting delimiters and newlines;
//  - end to end: parse + IRV, with the same baseline.
// Counters: x_baseline (time / baseline time) and bytes_per_second.
#include "bench_util.hpp"

#include "accord/io/read.hpp"
#include "accord/rules/irv.hpp"

#include <cstring>

namespace {
using namespace accord;

const std::string& csv_text() {
    static const std::string text = [] {
        const auto orders = accord_bench::synthetic_orders(1'000'000, 13, 5, 99);
        const auto names = accord_bench::names(13);
        std::string t = "rank1,rank2,rank3,rank4,rank5\n";
        t.reserve(orders.size() * 50);
        for (const auto& o : orders) {
            for (std::size_t r = 0; r < 5; ++r) {
                if (r) t += ',';
                if (r < o.size()) t += names[o[r]];
            }
            t += '\n';
        }
        return t;
    }();
    return text;
}

double scan_baseline(const std::string& t) {
    return accord_bench::time_per_call([&] {
        std::size_t n = 0;
        for (char c : t) n += (c == ',') | (c == '\n');
        benchmark::DoNotOptimize(n);
    });
}

void BM_CsvParse(benchmark::State& state) {
    const auto& t = csv_text();
    const double base = scan_baseline(t);
    read_options opt;
    opt.format = file_format::csv;
    std::size_t unique = 0;
    accord_bench::timed_loop(state, base, [&] {
        profile p = read_profile_text(t, "bench.csv", opt);
        unique = p.unique_count();
        benchmark::DoNotOptimize(unique);
    });
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(t.size()));
    state.counters["unique_ballots"] = static_cast<double>(unique);
    state.counters["megabytes"] = static_cast<double>(t.size()) / 1e6;
}
BENCHMARK(BM_CsvParse)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_CsvEndToEndIrv(benchmark::State& state) {
    const auto& t = csv_text();
    const double base = scan_baseline(t);
    read_options opt;
    opt.format = file_format::csv;
    accord_bench::timed_loop(state, base, [&] {
        profile p = read_profile_text(t, "bench.csv", opt);
        auto r = irv(p, {.batch_elimination = true});
        benchmark::DoNotOptimize(r.winners.data());
    });
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(t.size()));
}
BENCHMARK(BM_CsvEndToEndIrv)->Unit(benchmark::kMillisecond)->Iterations(3);
} // namespace

BENCHMARK_MAIN();
