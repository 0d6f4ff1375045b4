// A count through the C API against the same count through the C++ API, in the same run: IRV and
// plurality on a small profile (1,000 voters, 8 candidates). The C call reads the winner, as a
// caller that wants the answer does; the JSON is built only when asked for (the last benchmark
// asks). With ACCORD_BENCH_PROFILE=FILE both read that ballot file instead (bench/python_count.py
// uses it to time Python on the same profile in the same run). Each iteration times one C++ call and one C
// call (thread CPU time), so the counter x_cpp = C time / C++ time is measured side by side on a noisy
// machine (target: at most 1.5).
#include "accord/accord.h"
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "bench_util.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <ctime>

using namespace accord;

namespace {
struct both {
    profile cpp;
    accord_profile* c = nullptr;
};

const both& data() {
    static const both d = [] {
        both x;
        if (const char* file = std::getenv("ACCORD_BENCH_PROFILE"); file && *file) {
            x.cpp = read_profile(file);
            if (accord_profile_load(file, nullptr, nullptr, &x.c) != ACCORD_OK) std::abort();
            return x;
        }
        const auto names = accord_bench::names(8);
        x.cpp = profile(names);
        std::vector<const char*> cn;
        for (const auto& s : names) cn.push_back(s.c_str());
        if (accord_profile_new(cn.size(), cn.data(), &x.c) != ACCORD_OK) std::abort();
        for (const auto& order : accord_bench::synthetic_orders(1000, 8, 5, 11)) {
            x.cpp.add_order(order);
            if (accord_profile_add_order(x.c, order.data(), order.size(), 1, nullptr) != ACCORD_OK)
                std::abort();
        }
        return x;
    }();
    return d;
}

void count_c(const char* method, bool json) {
    accord_result* r = nullptr;
    if (accord_run(data().c, method, nullptr, &r) != ACCORD_OK) std::abort();
    size_t w = 0;
    if (accord_result_winner(r, 0, &w) != ACCORD_OK) std::abort();
    benchmark::DoNotOptimize(w);
    if (json) {
        const char* s = nullptr;
        accord_result_json(r, &s);
        benchmark::DoNotOptimize(s);
    }
    accord_result_free(r);
}

using accord_bench::thread_cpu_seconds;

void BM_CountThroughC(benchmark::State& state, const char* method, bool json) {
    const auto& d = data();
    // Baseline in the same run, interleaved call by call so load on the machine hits both alike:
    // the C++ call (registry, same options) on the same ballots. Thread CPU time, not wall time.
    double c_total = 0, cpp_total = 0;
    std::int64_t n = 0;
    for (auto _ : state) {
        const double t0 = thread_cpu_seconds();
        benchmark::DoNotOptimize(run(d.cpp, method, "{}"));
        const double t1 = thread_cpu_seconds();
        count_c(method, json);
        const double t2 = thread_cpu_seconds();
        cpp_total += t1 - t0;
        c_total += t2 - t1;
        ++n;
    }
    state.counters["cpp_us"] = n ? cpp_total / static_cast<double>(n) * 1e6 : 0;
    state.counters["c_us"] = n ? c_total / static_cast<double>(n) * 1e6 : 0;
    state.counters["x_cpp"] = cpp_total > 0 ? c_total / cpp_total : 0;
}
} // namespace

BENCHMARK_CAPTURE(BM_CountThroughC, irv, "irv", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CountThroughC, plurality, "plurality", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CountThroughC, schulze, "schulze", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CountThroughC, irv_with_json, "irv", true)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
