// Apportionment among 6,202 units (England's number of practices) of 10^4 and 10^8 seats: largest
// remainder with each quota (issue 18), Sainte-Laguë with and without a modified first divisor,
// and D'Hondt, beside a baseline measured in the same run: each unit's exact Hare quota
// population x seats / total, the least an exact apportionment computes.
// Target (issue 14): any seat count in milliseconds, whatever the method.
#include "bench_util.hpp"

#include "accord/apportion.hpp"

namespace {
using namespace accord;

// Deterministic populations, mean about 10,000 as England's lists, times 10^6 so that Droop's
// "+1" stays below a seat per unit at 10^8 seats (with fewer votes its quota is refused).
std::vector<std::uint64_t> populations() {
    std::mt19937_64 rng(18);
    std::vector<std::uint64_t> p(6202);
    for (auto& x : p) x = (500 + rng() % 19500) * 1'000'000;
    return p;
}

apportion_options variant(int which, std::uint64_t seats) {
    apportion_options o{.seats = seats};
    switch (which) {
    case 0: // hamilton, Hare
        break;
    case 1:
        o.quota = apportion_quota::droop;
        break;
    case 2:
        o.quota = apportion_quota::hagenbach_bischoff;
        o.excess = apportion_excess::reduce_divisor;
        break;
    case 3:
        o.quota = apportion_quota::imperiali;
        o.excess = apportion_excess::reduce_divisor;
        break;
    case 4:
        o.method = apportion_method::webster;
        break;
    case 5:
        o.method = apportion_method::webster;
        o.first_divisor = rational(7, 5);
        break;
    default:
        o.method = apportion_method::jefferson;
        break;
    }
    return o;
}

const char* const k_names[] = {
    "hare", "droop", "hagenbach-bischoff", "imperiali", "sainte-lague", "sainte-lague-1.4", "dhondt"};

void BM_Apportion(benchmark::State& state) {
    const auto pops = populations();
    const auto which = static_cast<int>(state.range(0));
    const auto seats = static_cast<std::uint64_t>(state.range(1));
    big_int total = 0;
    for (auto p : pops) total += p;
    const double base = accord_bench::time_per_call([&] {
        rational sum = 0;
        for (auto p : pops) sum += rational(big_int(p) * seats, total);
        benchmark::DoNotOptimize(sum);
    });
    const apportion_options o = variant(which, seats);
    accord_bench::timed_loop(state, base, [&] {
        auto a = apportion(pops, o);
        benchmark::DoNotOptimize(a.seats.data());
    });
    state.SetLabel(k_names[which]);
}
BENCHMARK(BM_Apportion)
    ->ArgsProduct({{0, 1, 2, 3, 4, 5, 6}, {10'000, 100'000'000}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
} // namespace

BENCHMARK_MAIN();
