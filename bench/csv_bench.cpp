// Loading a 1,000,000-ballot CSV (13 candidates, up to 5 ranks, rank-column layout, generated
// deterministically in memory) and counting it, each beside a baseline measured in the same run:
//  - parse: read_profile_text vs one pass over the same bytes counting delimiters and newlines;
//  - end to end: parse + IRV, with the same baseline.
// Counters: x_baseline (time / baseline time) and bytes_per_second.
#include "bench_util.hpp"

#include "accord/io/read.hpp"
#include "accord/rules/irv.hpp"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

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

// Issue 17: the 1,000,000-row cast-vote record with a ballot id column (every row's text differs),
// read from a file with no options (the id column is recognised by name) and counted by IRV,
// beside a plain read of the same bytes counting lines (what `wc -l` does). Target: within 15x.
const std::filesystem::path& cvr_file() {
    static const std::filesystem::path path = [] {
        const auto orders = accord_bench::synthetic_orders(1'000'000, 13, 5, 99);
        const auto names = accord_bench::names(13);
        std::string t = "ballot_id,rank1,rank2,rank3,rank4,rank5\n";
        t.reserve(orders.size() * 60);
        for (std::size_t i = 0; i < orders.size(); ++i) {
            t += std::to_string(100000001 + i);
            for (std::size_t r = 0; r < 5; ++r) {
                t += ',';
                if (r < orders[i].size()) t += names[orders[i][r]];
            }
            t += '\n';
        }
        auto p = std::filesystem::temp_directory_path() / "accord_bench_cvr_ballot_id.csv";
        std::ofstream(p, std::ios::binary) << t;
        return p;
    }();
    return path;
}

double wc_l_baseline(const std::filesystem::path& path) {
    return accord_bench::time_per_call([&] {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        static char buf[1 << 16];
        std::size_t lines = 0, n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
            for (const char* p = buf; (p = static_cast<const char*>(std::memchr(p, '\n', buf + n - p))); ++p)
                ++lines;
        std::fclose(f);
        benchmark::DoNotOptimize(lines);
    });
}

void BM_CsvCvrWithBallotIdFileIrv(benchmark::State& state) {
    const auto& path = cvr_file();
    const double base = wc_l_baseline(path);
    accord_bench::timed_loop(state, base, [&] {
        profile p = read_profile(path);
        auto r = irv(p);
        benchmark::DoNotOptimize(r.winners.data());
    });
    state.counters["megabytes"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_CsvCvrWithBallotIdFileIrv)->Unit(benchmark::kMillisecond)->Iterations(3);
} // namespace

BENCHMARK_MAIN();
