// accord::check's bounded searches (monotonicity, participation, clones) on a synthetic IRV
// electorate, and its exact JR/PJR/EJR search on a synthetic approval electorate, against a
// baseline measured in the same run: one plain count of the same rule on the same profile. The
// counter x_baseline is then about "how many counts the check costs" (a search of limit L runs
// the rule at most L times, on profiles of the same size, plus building each profile).
#include "accord/check.hpp"
#include "accord/registry.hpp"

#include "bench_util.hpp"

#include <benchmark/benchmark.h>

#include <random>

namespace {

// 2,000 voters ranking up to 6 of 6 candidates (Plackett-Luce, Zipf strengths): a few hundred
// distinct ballots, the size of a committee or PCN ballot.
const accord::profile& ranked() {
    static const accord::profile p = [] {
        accord::profile q(accord_bench::names(6));
        for (const auto& o : accord_bench::synthetic_orders(2000, 6, 6, 20261205)) q.add_order(o);
        return q;
    }();
    return p;
}

// 2,000 voters approving each of 16 candidates with a falling probability (about 3 each).
const accord::profile& approvals() {
    static const accord::profile p = [] {
        accord::profile q(accord_bench::names(16), accord::ballot_kind::approval);
        std::mt19937_64 rng(20261205);
        std::vector<accord::cand_t> a;
        for (int v = 0; v < 2000; ++v) {
            a.clear();
            for (std::size_t c = 0; c < 16; ++c)
                if (static_cast<double>(rng() >> 11) * 0x1.0p-53 <
                    0.05 + 0.4 / (1.0 + static_cast<double>(c)))
                    a.push_back(static_cast<accord::cand_t>(c));
            q.add_approval(a);
        }
        return q;
    }();
    return p;
}

void bench_check(benchmark::State& state, const accord::profile& p, const char* rule, const char* options,
                 std::vector<std::string> only) {
    const double base = accord_bench::time_per_call(
        [&] {
            auto r = accord::run(p, rule, options);
            benchmark::DoNotOptimize(r);
        },
        5);
    accord::check_options o{.rule_options = options,
                            .search_limit = static_cast<std::uint64_t>(state.range(0)),
                            .only = std::move(only)};
    std::uint64_t evaluated = 0;
    accord_bench::timed_loop(state, base, [&] {
        auto r = accord::check(p, rule, o);
        evaluated = r.items.front().evaluated;
        benchmark::DoNotOptimize(r);
    });
    state.counters["evaluated"] = static_cast<double>(evaluated);
}

void BM_CheckMonotonicityIrv(benchmark::State& state) {
    bench_check(state, ranked(), "irv", "{}", {"monotonicity"});
}
void BM_CheckParticipationIrv(benchmark::State& state) {
    bench_check(state, ranked(), "irv", "{}", {"participation"});
}
void BM_CheckClonesIrv(benchmark::State& state) { bench_check(state, ranked(), "irv", "{}", {"clones"}); }
void BM_CheckCriteriaOfResultIrv(benchmark::State& state) {
    bench_check(state, ranked(), "irv", "{}",
                {"condorcet-winner", "condorcet-loser", "majority", "mutual-majority", "smith", "pareto"});
}
void BM_CheckEjrSeqPhragmen(benchmark::State& state) {
    bench_check(state, approvals(), "seq-phragmen", R"({"seats": 6})", {"jr", "pjr", "ejr"});
}

} // namespace

BENCHMARK(BM_CheckMonotonicityIrv)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckParticipationIrv)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckClonesIrv)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckCriteriaOfResultIrv)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckEjrSeqPhragmen)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
