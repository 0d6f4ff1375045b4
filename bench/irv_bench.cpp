// Deduplication and the IRV tally on 1,000,000 ballots (13 candidates, up to 5 ranks), each
// beside a baseline measured in the same run (counter x_baseline = time / baseline time):
//  - dedup: profile::add of every ballot vs one pass copying the same ballots into flat storage;
//  - IRV: the whole count vs one pass over the distinct ballots summing first choices.
#include "bench_util.hpp"

#include "accord/rules/elimination.hpp"
#include "accord/rules/irv.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace {
using namespace accord;

const std::vector<std::vector<cand_t>>& orders() {
    static const auto o = accord_bench::synthetic_orders(1'000'000, 13, 5, 2026);
    return o;
}

profile build() {
    profile p(accord_bench::names(13));
    for (const auto& o : orders()) p.add_order(o);
    return p;
}

void BM_Dedup(benchmark::State& state) {
    const auto& o = orders();
    // Baseline: one pass copying every ballot's candidates into one flat vector.
    const double base = accord_bench::time_per_call([&] {
        std::vector<mark> flat;
        flat.reserve(o.size() * 3);
        for (const auto& b : o) {
            std::int32_t r = 1;
            for (cand_t c : b) flat.push_back({c, r++});
        }
        benchmark::DoNotOptimize(flat.data());
    });
    std::size_t unique = 0;
    accord_bench::timed_loop(state, base, [&] {
        profile p = build();
        unique = p.unique_count();
        benchmark::DoNotOptimize(unique);
    });
    state.counters["unique_ballots"] = static_cast<double>(unique);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.size()));
}
BENCHMARK(BM_Dedup)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_IrvTally(benchmark::State& state) {
    static const profile p = build();
    const double base = accord_bench::time_per_call(
        [&] { accord_bench::first_choice_pass(p); }, // baseline: first choices in one pass
        50);
    // Second baseline: one pass reading every mark of every distinct ballot (what a single
    // round of a from-scratch count would touch).
    const double full = accord_bench::time_per_call([&] { accord_bench::full_pass(p); }, 50);
    double total = 0;
    std::int64_t n = 0;
    accord_bench::timed_loop(state, base, [&] {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = irv(p);
        benchmark::DoNotOptimize(r.winners.data());
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++n;
    });
    if (n) state.counters["x_full_pass"] = total / static_cast<double>(n) / full;
    state.counters["unique_ballots"] = static_cast<double>(p.unique_count());
}
BENCHMARK(BM_IrvTally)->Unit(benchmark::kMicrosecond);

void BM_IrvBatchTally(benchmark::State& state) {
    static const profile p = build();
    const double base = accord_bench::time_per_call([&] { accord_bench::first_choice_pass(p); }, 50);
    accord_bench::timed_loop(state, base, [&] {
        auto r = irv(p, {.batch_elimination = true});
        benchmark::DoNotOptimize(r.winners.data());
    });
}
BENCHMARK(BM_IrvBatchTally)->Unit(benchmark::kMicrosecond);

// Open nominations and write-ins: many candidates, few votes each (issue 17: 10,000 candidates
// and 20,000 ballots under 1 s). Each voter ranks 1..5 candidates drawn by Zipf-like strengths
// (1/(c+1)^0.5, so the tail is long and flat: most candidates get a vote or two, many none).
profile many_candidates(std::size_t candidates, std::size_t voters, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> cumulative(candidates);
    double total = 0;
    for (std::size_t c = 0; c < candidates; ++c)
        cumulative[c] = total += 1.0 / std::sqrt(static_cast<double>(c + 1));
    profile p(accord_bench::names(candidates));
    std::vector<cand_t> order;
    for (std::size_t v = 0; v < voters; ++v) {
        const std::size_t len = 1 + rng() % 5;
        order.clear();
        while (order.size() < len) {
            const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * total;
            const auto c = static_cast<cand_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) -
                                               cumulative.begin());
            if (c < candidates && std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        }
        p.add_order(order);
    }
    return p;
}

void BM_IrvManyCandidates(benchmark::State& state) {
    const auto candidates = static_cast<std::size_t>(state.range(0));
    const auto voters = static_cast<std::size_t>(state.range(1));
    const profile p = many_candidates(candidates, voters, 17);
    // Baseline: one pass reading every mark of every distinct ballot.
    const double base = accord_bench::time_per_call([&] { accord_bench::full_pass(p); }, 20);
    std::size_t rounds = 0, trace = 0;
    accord_bench::timed_loop(state, base, [&] {
        auto r = irv(p);
        rounds = r.rounds.size();
        trace = 0;
        for (const auto& rd : r.rounds) trace += rd.changes.size();
        benchmark::DoNotOptimize(r.winners.data());
    });
    state.counters["rounds"] = static_cast<double>(rounds);
    // Exact tallies the Result's round trace holds: each round's changes (a full table would be
    // every continuing candidate at every round, 5 x 10^7 for 10,000 candidates).
    state.counters["trace_tallies"] = static_cast<double>(trace);
}

// The whole answer for many candidates (issue 17: 10,000 candidates x 20,000 ballots under 1 s,
// count and --json output): irv() then to_json(). Baseline in the same run: a plain read of the
// same profile, i.e. building it from its 20,000 ballots (what a reader does before any count).
void BM_IrvManyCandidatesWithJson(benchmark::State& state) {
    const auto candidates = static_cast<std::size_t>(state.range(0));
    const auto voters = static_cast<std::size_t>(state.range(1));
    const profile p = many_candidates(candidates, voters, 17);
    std::vector<std::vector<cand_t>> orders;
    for (std::size_t b = 0; b < p.unique_count(); ++b) {
        const auto ballot = p.ballot(b);
        std::vector<cand_t> o;
        for (const auto& m : ballot.marks) o.push_back(m.candidate);
        for (std::uint64_t k = 0; k < ballot.count; ++k) orders.push_back(o);
    }
    const double base = accord_bench::time_per_call(
        [&] {
            profile q(accord_bench::names(candidates));
            for (const auto& o : orders) q.add_order(o);
            benchmark::DoNotOptimize(q.unique_count());
        },
        5);
    // Wall and this thread's CPU time of each part: on a shared machine the CPU time is the
    // steadier figure of the two.
    double count_s = 0, json_s = 0, count_cpu = 0, json_cpu = 0, base_cpu = 0;
    std::size_t bytes = 0, n = 0;
    {
        const double c0 = accord_bench::thread_cpu_seconds();
        profile q(accord_bench::names(candidates));
        for (const auto& o : orders) q.add_order(o);
        benchmark::DoNotOptimize(q.unique_count());
        base_cpu = accord_bench::thread_cpu_seconds() - c0;
    }
    accord_bench::timed_loop(state, base, [&] {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = accord_bench::thread_cpu_seconds();
        auto r = irv(p);
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = accord_bench::thread_cpu_seconds();
        const std::string j = to_json(r);
        const auto t2 = std::chrono::steady_clock::now();
        const double c2 = accord_bench::thread_cpu_seconds();
        count_s += std::chrono::duration<double>(t1 - t0).count();
        json_s += std::chrono::duration<double>(t2 - t1).count();
        count_cpu += c1 - c0;
        json_cpu += c2 - c1;
        bytes = j.size();
        ++n;
    });
    const auto per = [&](double s) { return s / static_cast<double>(n) * 1e3; };
    state.counters["count_ms"] = per(count_s);
    state.counters["json_ms"] = per(json_s);
    state.counters["count_cpu_ms"] = per(count_cpu);
    state.counters["json_cpu_ms"] = per(json_cpu);
    // The whole answer in CPU time against the plain read's CPU time.
    if (base_cpu > 0)
        state.counters["x_baseline_cpu"] = (count_cpu + json_cpu) / static_cast<double>(n) / base_cpu;
    state.counters["json_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_IrvManyCandidatesWithJson)->Args({10'000, 20'000})->Unit(benchmark::kMillisecond)->Iterations(3);
// Baldwin over many candidates: n rounds over the n x n pairwise matrix. Baseline: one pass
// over that matrix (n^2 cells), so a count linear in its rounds' work sits near n x baseline.
void BM_BaldwinManyCandidates(benchmark::State& state) {
    const auto candidates = static_cast<std::size_t>(state.range(0));
    const profile p = many_candidates(candidates, 2 * candidates, 17);
    const auto r0 = baldwin(p);
    const double base = accord_bench::time_per_call(
        [&] {
            rational s = 0;
            for (const auto& row : r0.pairwise)
                for (const auto& x : row) s += x;
            benchmark::DoNotOptimize(s);
        },
        3);
    accord_bench::timed_loop(state, base, [&] {
        auto r = baldwin(p);
        benchmark::DoNotOptimize(r.winners.data());
    });
    state.counters["rounds"] = static_cast<double>(r0.rounds.size());
}
BENCHMARK(BM_BaldwinManyCandidates)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(2);

// Coombs over many candidates: a round reads every ballot (first and last places). Baseline: one
// pass over every mark of every distinct ballot, so a count near rounds x baseline costs each
// round only its ballots.
void BM_CoombsManyCandidates(benchmark::State& state) {
    const auto candidates = static_cast<std::size_t>(state.range(0));
    const profile p = many_candidates(candidates, 2 * candidates, 17);
    const double base = accord_bench::time_per_call([&] { accord_bench::full_pass(p); }, 20);
    std::size_t rounds = 0;
    accord_bench::timed_loop(state, base, [&] {
        auto r = coombs(p);
        rounds = r.rounds.size();
        benchmark::DoNotOptimize(r.winners.data());
    });
    state.counters["rounds"] = static_cast<double>(rounds);
    if (rounds)
        state.counters["x_baseline_per_round"] = state.counters["x_baseline"] / static_cast<double>(rounds);
}
BENCHMARK(BM_CoombsManyCandidates)->Arg(300)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK(BM_IrvManyCandidates)
    ->Args({1'000, 2'000})
    ->Args({2'000, 4'000})
    ->Args({10'000, 20'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
} // namespace

BENCHMARK_MAIN();
