// Shared helpers for the benchmarks: deterministic synthetic electorates and baseline timing.
#pragma once

#include "accord/profile.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstring>
#include <string>
#include <random>
#include <vector>

namespace accord_bench {

/// Lines in `t` by one memchr pass: the least any line-based reader must do (the readers'
/// baseline).
inline std::size_t count_lines(const std::string& t) {
    std::size_t n = 0;
    const char* p = t.data();
    const char* end = p + t.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
        ++n;
        ++p;
    }
    return n;
}

/// CPU seconds this thread has used (steadier than wall time on a shared machine).
inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Seconds per call of f, averaged over `reps` calls (for baselines measured in the same run).
template <class F> double time_per_call(F&& f, int reps = 5) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i) f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / reps;
}

/// Runs `f` as the benchmarked body, timing it with a steady clock as well, and records the
/// ratio to `baseline_seconds` in the counter "x_baseline".
template <class F> void timed_loop(benchmark::State& state, double baseline_seconds, F&& f) {
    double total = 0;
    std::int64_t n = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++n;
    }
    if (n && baseline_seconds > 0)
        state.counters["x_baseline"] = (total / static_cast<double>(n)) / baseline_seconds;
    state.counters["baseline_ms"] = baseline_seconds * 1e3;
}

/// A realistic electorate: `voters` ballots over `candidates` candidates, each ranking 1..max_ranks
/// of them, drawn from Plackett-Luce with Zipf-like strengths so a few candidates dominate, as in
/// real elections. Deterministic for a seed. Returns the strict orders.
inline std::vector<std::vector<accord::cand_t>> synthetic_orders(std::size_t voters, std::size_t candidates,
                                                                 std::size_t max_ranks, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> strength(candidates);
    for (std::size_t c = 0; c < candidates; ++c) strength[c] = 1.0 / static_cast<double>(c + 1);
    std::vector<std::vector<accord::cand_t>> out(voters);
    std::vector<accord::cand_t> left;
    for (auto& order : out) {
        const std::size_t len = 1 + rng() % max_ranks;
        left.resize(candidates);
        for (std::size_t c = 0; c < candidates; ++c) left[c] = static_cast<accord::cand_t>(c);
        while (order.size() < len) {
            double total = 0;
            for (auto c : left) total += strength[c];
            double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * total;
            std::size_t k = 0;
            for (; k + 1 < left.size(); ++k) {
                u -= strength[left[k]];
                if (u < 0) break;
            }
            order.push_back(left[k]);
            left.erase(left.begin() + static_cast<std::ptrdiff_t>(k));
        }
    }
    return out;
}

inline std::vector<std::string> names(std::size_t n) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back("Candidate " + std::to_string(i + 1));
    return v;
}

/// Baseline: one pass over the distinct ballots of `p`, summing first choices.
inline void first_choice_pass(const accord::profile& p) {
    std::vector<std::int64_t> first(p.candidate_count(), 0);
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        if (off[i] != off[i + 1]) first[marks[off[i]].candidate] += static_cast<std::int64_t>(counts[i]);
    benchmark::DoNotOptimize(first.data());
}

/// Baseline: one pass reading every mark of every distinct ballot of `p` (what one round of a
/// from-scratch count would touch).
inline void full_pass(const accord::profile& p) {
    std::vector<std::int64_t> seen(p.candidate_count(), 0);
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        for (auto k = off[i]; k < off[i + 1]; ++k)
            seen[marks[k].candidate] += static_cast<std::int64_t>(counts[i]) * marks[k].value;
    benchmark::DoNotOptimize(seen.data());
}

} // namespace accord_bench
