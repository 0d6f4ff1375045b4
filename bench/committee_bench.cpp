// Committee rules on 100,000 synthetic approval ballots over 50 candidates, 10 seats: seq-Phragmén
// and Equal Shares (exact rationals throughout), and participatory budgeting (Equal Shares,
// exact maximum welfare, sequential Phragmén, maximin support; and as ballots grow, over approval
// and over points ballots),
// against a baseline in the same run: a plain approval count over the same distinct ballots.
#include "accord/rules/committee.hpp"

#include "bench_util.hpp"

#include <benchmark/benchmark.h>

#include <map>
#include <random>

namespace {

constexpr std::size_t k_candidates = 50;
constexpr std::size_t k_seats = 10;

// Each voter approves candidate c with probability 0.01 + 0.25 / (1 + c / 4): a few popular
// candidates, a long tail, about 4 approvals per ballot. Deterministic; deduplicated on insertion.
const accord::profile& electorate() {
    static const accord::profile p = [] {
        accord::profile q(accord_bench::names(k_candidates), accord::ballot_kind::approval);
        std::mt19937_64 rng(20240917);
        std::vector<double> prob(k_candidates);
        for (std::size_t c = 0; c < k_candidates; ++c)
            prob[c] = 0.01 + 0.25 / (1.0 + static_cast<double>(c) / 4.0);
        std::vector<accord::cand_t> a;
        for (int v = 0; v < 100'000; ++v) {
            a.clear();
            for (std::size_t c = 0; c < k_candidates; ++c)
                if (static_cast<double>(rng() >> 11) * 0x1.0p-53 < prob[c])
                    a.push_back(static_cast<accord::cand_t>(c));
            q.add_approval(a);
        }
        return q;
    }();
    return p;
}

double baseline_seconds(const accord::profile& p) {
    // One pass over the distinct ballots adding each count to every approved candidate.
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    std::vector<std::uint64_t> tally(p.candidate_count(), 0);
    return accord_bench::time_per_call(
        [&] {
            for (std::size_t i = 0; i < p.unique_count(); ++i)
                for (std::uint32_t j = off[i]; j < off[i + 1]; ++j) tally[marks[j].candidate] += counts[i];
            benchmark::DoNotOptimize(tally.data());
            benchmark::ClobberMemory();
        },
        20);
}

template <class F> void run(benchmark::State& state, F&& f) {
    const auto& p = electorate();
    const double base = baseline_seconds(p);
    accord_bench::timed_loop(state, base, [&] {
        auto r = f(p);
        benchmark::DoNotOptimize(r);
    });
    state.counters["unique_ballots"] = static_cast<double>(p.unique_count());
}

void BM_ApprovalCountBaseline(benchmark::State& s) {
    run(s, [](const accord::profile& p) {
        std::vector<std::uint64_t> tally(p.candidate_count(), 0);
        for (std::size_t i = 0; i < p.unique_count(); ++i) {
            const auto b = p.ballot(i);
            for (const auto& m : b.marks) tally[m.candidate] += b.count;
        }
        return tally;
    });
}
void BM_SeqPhragmen(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::seq_phragmen(p, {.seats = k_seats}); });
}
void BM_EqualShares(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::equal_shares(p, {.common = {.seats = k_seats}}); });
}
void BM_SeqPav(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::seq_pav(p, {.seats = k_seats}); });
}
// Participatory budgeting over the same ballots: 50 projects costing 50,000 + 7,919 c, a budget
// of 1,000,000.
void budget_case(benchmark::State& s, accord::budget_method method) {
    run(s, [method](const accord::profile& p) {
        accord::budget_options o;
        o.method = method;
        o.budget = 1'000'000;
        for (std::size_t c = 0; c < k_candidates; ++c)
            o.costs.emplace_back(static_cast<long>(50'000 + 7'919 * c));
        return accord::participatory_budget(p, o);
    });
}
void BM_BudgetEqualShares(benchmark::State& s) { budget_case(s, accord::budget_method::equal_shares); }
// Exact maximum utilitarian welfare (cost utilities): a 0/1 knapsack over 50 items in exact
// rationals, by branch and bound, every optimum kept.
void BM_BudgetMaxWelfare(benchmark::State& s) { budget_case(s, accord::budget_method::max_welfare); }
void BM_BudgetPhragmen(benchmark::State& s) { budget_case(s, accord::budget_method::phragmen); }
void BM_BudgetMaximinSupport(benchmark::State& s) { budget_case(s, accord::budget_method::maximin_support); }

// The exact Phragmén searches where abcvoting stops (its leximax-Phragmén, a MIP per
// committee, took 2.7 s to over 400 s on 6-9 voters; its tests skip it above 9 voters): every
// committee of `seats` from `candidates`, each voter approving each candidate with probability
// 0.35, `voters` voters. Baseline: the approval count of the same ballots.
const accord::profile& small_electorate(std::size_t candidates, std::size_t voters) {
    static std::map<std::pair<std::size_t, std::size_t>, accord::profile> cache;
    auto [it, fresh] = cache.try_emplace({candidates, voters}, accord_bench::names(candidates),
                                         accord::ballot_kind::approval);
    if (fresh) {
        std::mt19937_64 rng(9000 + candidates * 1000 + voters);
        std::vector<accord::cand_t> a;
        for (std::size_t v = 0; v < voters; ++v) {
            a.clear();
            for (std::size_t c = 0; c < candidates; ++c)
                if (rng() % 100 < 35) a.push_back(static_cast<accord::cand_t>(c));
            it->second.add_approval(a);
        }
    }
    return it->second;
}

template <class F> void run_small(benchmark::State& state, F&& f) {
    const auto& p =
        small_electorate(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
    const double base = baseline_seconds(p);
    accord::exact_committee_options o;
    o.common.seats = static_cast<std::size_t>(state.range(2));
    accord_bench::timed_loop(state, base, [&] {
        auto r = f(p, o);
        benchmark::DoNotOptimize(r);
    });
    state.counters["candidates"] = static_cast<double>(state.range(0));
    state.counters["voters"] = static_cast<double>(state.range(1));
    state.counters["seats"] = static_cast<double>(state.range(2));
}
void BM_MinimaxPhragmen(benchmark::State& s) {
    run_small(s, [](const accord::profile& p, const accord::exact_committee_options& o) {
        return accord::minimax_phragmen(p, o);
    });
}
void BM_LeximaxPhragmen(benchmark::State& s) {
    run_small(s, [](const accord::profile& p, const accord::exact_committee_options& o) {
        return accord::leximax_phragmen(p, o);
    });
}
// Maximin support is sequential (polynomial): the 100,000-ballot electorate above, 10 seats.
void BM_MaximinSupport(benchmark::State& s) {
    run(s, [](const accord::profile& p) { return accord::maximin_support(p, {.seats = k_seats}); });
}

// Seeded project costs 10,000 to 500,000 (seed 77 + projects), a quarter of their total to spend.
void seeded_costs(accord::budget_options& o, std::size_t projects) {
    std::mt19937_64 rng(77 + projects);
    accord::rational total = 0;
    for (std::size_t c = 0; c < projects; ++c) {
        o.costs.emplace_back(static_cast<long>(10'000 + rng() % 490'001));
        total += o.costs.back();
    }
    o.budget = total / 4;
}

// Exact maximum welfare as the projects grow (pabutools solves it with an integer programme):
// `projects` projects approved with probability 0.35 by 1,000 voters, seeded costs 10,000 to
// 500,000, a quarter of their total to spend; cost utilities. Baseline: the approval count.
void BM_BudgetMaxWelfareProjects(benchmark::State& s) {
    const auto projects = static_cast<std::size_t>(s.range(0));
    const auto& p = small_electorate(projects, 1000);
    const double base = baseline_seconds(p);
    accord::budget_options o;
    o.method = accord::budget_method::max_welfare;
    seeded_costs(o, projects);
    accord_bench::timed_loop(s, base, [&] {
        auto r = accord::participatory_budget(p, o);
        benchmark::DoNotOptimize(r);
    });
    s.counters["projects"] = static_cast<double>(projects);
}

// Participatory budgeting by donations and by equal shares as ballots and projects grow (issue
// 18): `ballots` distinct approval ballots over `projects` projects, each approved with
// probability 0.1 (at least one a ballot), seeded costs 10,000 to 500,000, a quarter of their
// total to spend. Baseline: the approval count of the same ballots.
const accord::profile& pb_electorate(std::size_t ballots, std::size_t projects) {
    static std::map<std::pair<std::size_t, std::size_t>, accord::profile> cache;
    auto [it, fresh] =
        cache.try_emplace({ballots, projects}, accord_bench::names(projects), accord::ballot_kind::approval);
    if (fresh) {
        std::mt19937_64 rng(31 * ballots + projects);
        std::vector<accord::cand_t> a;
        while (it->second.unique_count() < ballots) {
            a.clear();
            for (std::size_t c = 0; c < projects; ++c)
                if (rng() % 10 == 0) a.push_back(static_cast<accord::cand_t>(c));
            if (a.empty()) a.push_back(static_cast<accord::cand_t>(rng() % projects));
            it->second.add_approval(a);
        }
    }
    return it->second;
}
// One growth case: `ballots` x `projects` (the state's two arguments) from `electorate`.
void pb_case(benchmark::State& s, const accord::profile& (*electorate)(std::size_t, std::size_t),
             accord::budget_method method, accord::pb_utilities utilities) {
    const auto ballots = static_cast<std::size_t>(s.range(0));
    const auto projects = static_cast<std::size_t>(s.range(1));
    const auto& p = electorate(ballots, projects);
    const double base = baseline_seconds(p);
    accord::budget_options o;
    o.method = method;
    o.utilities = utilities;
    seeded_costs(o, projects);
    accord_bench::timed_loop(s, base, [&] {
        auto r = accord::participatory_budget(p, o);
        benchmark::DoNotOptimize(r);
    });
    s.counters["ballots"] = static_cast<double>(ballots);
    s.counters["projects"] = static_cast<double>(projects);
}
void pb_growth_case(benchmark::State& s, accord::budget_method method) {
    pb_case(s, pb_electorate, method, accord::pb_utilities::cost);
}
void BM_BudgetCstv(benchmark::State& s) { pb_growth_case(s, accord::budget_method::cstv); }
void BM_BudgetBosEqualShares(benchmark::State& s) {
    pb_growth_case(s, accord::budget_method::bos_equal_shares);
}
void BM_BudgetFractionalEqualShares(benchmark::State& s) {
    pb_growth_case(s, accord::budget_method::fractional_equal_shares);
}

// The same growth over points ballots (cumulative votes): each supported project is given 1 to 3
// points, seeded; Equal Shares pays per point, CSTV donates in proportion to the points (a ballot
// whose points differ is moved alone). Beside each, the approval count baseline, and the same
// method over the approval ballots of the same sizes (BM_BudgetEqualSharesGrowth, BM_BudgetCstv).
const accord::profile& pb_points_electorate(std::size_t ballots, std::size_t projects) {
    static std::map<std::pair<std::size_t, std::size_t>, accord::profile> cache;
    auto [it, fresh] =
        cache.try_emplace({ballots, projects}, accord_bench::names(projects), accord::ballot_kind::score);
    if (fresh) {
        std::mt19937_64 rng(37 * ballots + projects);
        std::vector<accord::mark> marks;
        while (it->second.unique_count() < ballots) {
            marks.clear();
            for (std::size_t c = 0; c < projects; ++c)
                if (rng() % 10 == 0)
                    marks.push_back(
                        {static_cast<accord::cand_t>(c), static_cast<std::int32_t>(1 + rng() % 3)});
            if (marks.empty()) marks.push_back({static_cast<accord::cand_t>(rng() % projects), 1});
            it->second.add(marks);
        }
    }
    return it->second;
}
void pb_points_case(benchmark::State& s, accord::budget_method method) {
    pb_case(s, pb_points_electorate, method, accord::pb_utilities::points);
}
void BM_BudgetEqualSharesGrowth(benchmark::State& s) {
    pb_growth_case(s, accord::budget_method::equal_shares);
}
void BM_BudgetPointsEqualShares(benchmark::State& s) {
    pb_points_case(s, accord::budget_method::equal_shares);
}
void BM_BudgetPointsGreedy(benchmark::State& s) { pb_points_case(s, accord::budget_method::greedy); }
void BM_BudgetPointsCstv(benchmark::State& s) { pb_points_case(s, accord::budget_method::cstv); }

BENCHMARK(BM_ApprovalCountBaseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SeqPhragmen)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EqualShares)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SeqPav)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetEqualShares)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetMaxWelfare)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetPhragmen)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetMaximinSupport)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MinimaxPhragmen)
    ->Args({8, 9, 4})
    ->Args({12, 50, 4})
    ->Args({16, 200, 5})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LeximaxPhragmen)
    ->Args({8, 9, 4})
    ->Args({12, 50, 4})
    ->Args({16, 200, 5})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MaximinSupport)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetMaxWelfareProjects)->Arg(50)->Arg(100)->Arg(200)->Arg(400)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_BudgetCstv)->ArgsProduct({{1000, 5000}, {30, 50}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetBosEqualShares)->ArgsProduct({{1000, 5000}, {30, 50}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetFractionalEqualShares)
    ->ArgsProduct({{1000, 5000}, {30, 50}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetEqualSharesGrowth)->ArgsProduct({{1000, 5000}, {30, 50}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetPointsEqualShares)->ArgsProduct({{1000, 5000}, {30, 50}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetPointsGreedy)->ArgsProduct({{1000, 5000}, {30, 50}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BudgetPointsCstv)->ArgsProduct({{1000, 5000}, {30}})->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
