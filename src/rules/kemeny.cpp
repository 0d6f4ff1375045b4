// Kemeny-Young: exact dynamic programming over subsets per strong component, with every
// optimal ranking; a labelled local search with a proof bound beyond the exact limit.
#include "accord/detail/safety.hpp"
#include "accord/rules/kemeny.hpp"
#include "accord/rules/majority_graph.hpp"

#include "single_winner_adapters.hpp"

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace {

__extension__ typedef __int128 int128;

// Exact solver. f[S] = the best agreement of an order of the candidate set S placed at the top:
// f[S] = max over c in S of f[S \ c] + col(c, S), col(c, S) = sum over a in S of w[a][c] (c
// placed last among S; w[c][c] = 0). col is read from two tables over the low and high halves of
// S's bits, so each step is three loads and the DP is O(2^k k) time, 2^k values of memory.
template <class V>
kemeny_solution solve_exact(const std::vector<std::int64_t>& w, std::size_t n,
                            const std::vector<cand_t>& cands, std::size_t max_rankings,
                            const std::function<void(double)>& tick) {
    const std::size_t k = cands.size();
    kemeny_solution sol;
    const std::size_t h = k / 2, hh = k - h;
    const std::uint64_t mlo = (std::uint64_t(1) << h) - 1;
    // 2^k subset values plus the two half tables, checked against the memory budget first.
    detail::check_memory(
        static_cast<long double>(sizeof(V)) *
            (std::ldexp(1.0L, static_cast<int>(k)) +
             (std::ldexp(1.0L, static_cast<int>(h)) + std::ldexp(1.0L, static_cast<int>(hh))) * k),
        "kemeny: the exact search over " + std::to_string(k) +
            " candidates (lower 'max_exact' for a local search)");
    std::vector<V> lw(k * k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            lw[i * k + j] = i == j ? 0 : static_cast<V>(w[cands[i] * n + cands[j]]);
    std::vector<V> lo((std::size_t(1) << h) * k, 0), hi((std::size_t(1) << hh) * k, 0);
    for (std::uint64_t x = 1; x < (std::uint64_t(1) << h); ++x) {
        const unsigned a = std::countr_zero(x);
        const std::uint64_t rest = x & (x - 1);
        for (std::size_t c = 0; c < k; ++c) lo[x * k + c] = lo[rest * k + c] + lw[a * k + c];
    }
    for (std::uint64_t x = 1; x < (std::uint64_t(1) << hh); ++x) {
        const unsigned a = std::countr_zero(x) + static_cast<unsigned>(h);
        const std::uint64_t rest = x & (x - 1);
        for (std::size_t c = 0; c < k; ++c) hi[x * k + c] = hi[rest * k + c] + lw[a * k + c];
    }
    const std::uint64_t full = (std::uint64_t(1) << k) - 1;
    auto f = std::make_unique_for_overwrite<V[]>(full + 1);
    f[0] = 0;
    for (std::uint64_t S = 1; S <= full; ++S) {
        if ((S & 0xFFFFF) == 0 && tick) tick(double(S) / double(full));
        const V* los = &lo[(S & mlo) * k];
        const V* his = &hi[(S >> h) * k];
        V best = std::numeric_limits<V>::min();
        for (std::uint64_t t = S; t; t &= t - 1) {
            const unsigned c = std::countr_zero(t);
            const V v = f[S ^ (std::uint64_t(1) << c)] + los[c] + his[c];
            best = v > best ? v : best;
        }
        f[S] = best;
    }
    sol.score = static_cast<std::int64_t>(f[full]);

    // Every optimal order: walk back from the full set along the choices that attain f[S].
    // Each tight step extends to an optimal order, so the walk lists them without dead ends.
    std::vector<unsigned> suffix;
    auto col = [&](unsigned c, std::uint64_t S) { return lo[(S & mlo) * k + c] + hi[(S >> h) * k + c]; };
    auto walk = [&](auto&& self, std::uint64_t S) -> void {
        if (sol.optimal.size() > max_rankings) return;
        if (S == 0) {
            std::vector<cand_t> order;
            for (auto it = suffix.rbegin(); it != suffix.rend(); ++it) order.push_back(cands[*it]);
            sol.optimal.push_back(std::move(order));
            return;
        }
        for (std::uint64_t t = S; t; t &= t - 1) {
            const unsigned c = std::countr_zero(t);
            const std::uint64_t T = S ^ (std::uint64_t(1) << c);
            if (f[T] + col(c, S) == f[S]) {
                suffix.push_back(c);
                self(self, T);
                suffix.pop_back();
            }
        }
    };
    walk(walk, full);
    if (sol.optimal.size() > max_rankings) {
        sol.listing_complete = false;
        sol.optimal.resize(max_rankings);
    }
    std::sort(sol.optimal.begin(), sol.optimal.end());
    return sol;
}

std::int64_t agreement(const std::vector<std::int64_t>& w, std::size_t n, const std::vector<cand_t>& order) {
    std::int64_t s = 0;
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t j = i + 1; j < order.size(); ++j) s += w[order[i] * n + order[j]];
    return s;
}

// Beyond the exact limit: start from the order by sum of margins, improve by moving one
// candidate at a time to its best position until no move helps (a local optimum).
kemeny_solution local_search(const std::vector<std::int64_t>& w, std::size_t n,
                             const std::vector<cand_t>& cands) {
    kemeny_solution sol;
    std::vector<cand_t> order = cands;
    std::vector<std::int64_t> margin_sum(n, 0);
    for (cand_t a : cands)
        for (cand_t b : cands) margin_sum[a] += w[a * n + b] - w[b * n + a];
    std::stable_sort(order.begin(), order.end(),
                     [&](cand_t a, cand_t b) { return margin_sum[a] > margin_sum[b]; });
    const std::size_t k = order.size();
    bool improved = true;
    while (improved) {
        improved = false;
        for (std::size_t i = 0; i < k; ++i) {
            const cand_t x = order[i];
            std::int64_t delta = 0, best_delta = 0;
            std::size_t best_j = i;
            for (std::size_t j = i + 1; j < k; ++j) { // move x below order[j]
                delta += w[order[j] * n + x] - w[x * n + order[j]];
                if (delta > best_delta) best_delta = delta, best_j = j;
            }
            delta = 0;
            for (std::size_t j = i; j-- > 0;) { // move x above order[j]
                delta += w[x * n + order[j]] - w[order[j] * n + x];
                if (delta > best_delta) best_delta = delta, best_j = j;
            }
            if (best_j != i) {
                order.erase(order.begin() + static_cast<std::ptrdiff_t>(i));
                order.insert(order.begin() + static_cast<std::ptrdiff_t>(best_j), x);
                improved = true;
            }
        }
    }
    sol.score = agreement(w, n, order);
    sol.optimal = {order};
    sol.listing_complete = false;
    sol.proven = sol.score == sol.upper_bound; // set by the caller's bound below
    return sol;
}

} // namespace

kemeny_solution kemeny_order(const std::vector<std::int64_t>& w, std::size_t n,
                             const std::vector<cand_t>& cands, std::size_t max_rankings,
                             std::size_t max_exact, const std::function<void(double)>& tick) {
    if (max_exact > 30)
        throw error(errc::invalid, "kemeny: 'max_exact' must be at most 30 (2^30 values of memory)");
    int128 total = 0, bound = 0;
    for (cand_t a : cands)
        for (cand_t b : cands) {
            if (a == b) continue;
            total += w[a * n + b];
            if (a < b) bound += std::max(w[a * n + b], w[b * n + a]);
        }
    if (total > INT64_MAX)
        throw error(errc::overflow, "kemeny: the total pairwise weight does not fit in 64 bits");
    kemeny_solution sol;
    if (cands.size() <= 1) {
        sol.optimal = {cands};
    } else if (cands.size() <= max_exact) {
        const std::size_t keep = std::max<std::size_t>(max_rankings, 1);
        sol = total <= INT32_MAX ? solve_exact<std::int32_t>(w, n, cands, keep, tick)
                                 : solve_exact<std::int64_t>(w, n, cands, keep, tick);
    } else {
        sol = local_search(w, n, cands);
    }
    sol.upper_bound = static_cast<std::int64_t>(bound);
    if (cands.size() > max_exact) sol.proven = sol.score == sol.upper_bound;
    return sol;
}

namespace {

template <class Num> std::vector<std::int64_t> integer_weights(const pairwise_matrix<Num>& m) {
    std::vector<std::int64_t> w(m.n * m.n, 0);
    if constexpr (std::is_same_v<Num, std::int64_t>) {
        w = m.support;
    } else {
        // Scale by the least common multiple of the denominators: an order-preserving exact map.
        big_int l = 1;
        for (const auto& x : m.support)
            l = boost::multiprecision::lcm(l, boost::multiprecision::denominator(x));
        for (std::size_t i = 0; i < w.size(); ++i) {
            const big_int v = boost::multiprecision::numerator(m.support[i]) *
                              (l / boost::multiprecision::denominator(m.support[i]));
            if (v > INT64_MAX)
                throw error(
                    errc::overflow,
                    "kemeny: the weighted pairwise matrix scaled to integers does not fit in 64 bits");
            w[i] = v.convert_to<std::int64_t>();
        }
    }
    return w;
}

std::string order_text(const profile& p, const std::vector<cand_t>& order) {
    std::string s;
    for (std::size_t i = 0; i < order.size(); ++i) s += (i ? " > " : "") + p.candidate_name(order[i]);
    return s;
}

// Slater: Kemeny over the majority relation alone, a weight of 1 for each pair a strict
// majority decides and 0 otherwise (pref_voting's slater_rankings: the linear orders nearest to
// the majority graph).
template <class Num> std::vector<std::int64_t> majority_weights(const pairwise_matrix<Num>& m) {
    std::vector<std::int64_t> w(m.n * m.n, 0);
    for (cand_t a = 0; a < m.n; ++a)
        for (cand_t b = 0; b < m.n; ++b)
            if (a != b && m(a, b) > m(b, a)) w[a * m.n + b] = 1;
    return w;
}

template <class Num>
result kemeny_impl(const profile& p, const pairwise_matrix<Num>& m, const kemeny_options& opt,
                   bool slater = false) {
    const char* name = slater ? "slater" : "kemeny";
    result r;
    r.method = name;
    r.candidates = p.candidate_names();
    r.pairwise = to_rational_matrix(m);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, std::string(name) + ": no candidate to count");
    const auto w = slater ? majority_weights(m) : integer_weights(m);
    // Every Kemeny ranking keeps the strong components of the majority graph in their order
    // (each member of an earlier one beats each member of a later one; Truchon 1998), so each
    // component is solved alone. The same holds for Slater (weights 1 and 0 keep that dominance).
    const auto comps = smith_components(m, cands);
    if (slater)
        for (const auto& c : comps)
            if (c.size() > opt.max_exact)
                throw error(
                    errc::unsupported,
                    "slater: a strong component of " + std::to_string(c.size()) +
                        " candidates exceeds the exact limit max_exact = " + std::to_string(opt.max_exact) +
                        " (memory 2^k values); Slater is only computed exactly, raise max_exact "
                        "(at most 30) or exclude candidates");
    std::vector<kemeny_solution> sols;
    bool proven = true, listing_complete = true;
    std::size_t largest = 0;
    // Progress: each exactly solved component weighs 2^k, the size of its table.
    double work = 0, done = 0;
    for (const auto& c : comps)
        if (c.size() > 1 && c.size() <= opt.max_exact) work += std::ldexp(1.0, static_cast<int>(c.size()));
    auto report = [&](double fraction) {
        if (opt.progress && !opt.progress(work > 0 ? std::min(1.0, fraction / work) : 1.0))
            throw error(errc::cancelled, std::string(name) + ": cancelled by the progress callback");
    };
    for (const auto& c : comps) {
        const double part =
            c.size() > 1 && c.size() <= opt.max_exact ? std::ldexp(1.0, static_cast<int>(c.size())) : 0;
        sols.push_back(kemeny_order(w, m.n, c, opt.max_rankings, opt.max_exact,
                                    [&](double f) { report(done + f * part); }));
        done += part;
        proven = proven && sols.back().proven;
        listing_complete = listing_complete && sols.back().listing_complete;
        largest = std::max(largest, c.size());
    }
    // Tiers: within a component, a boundary after position i when every listed optimal order
    // has the same first i + 1 candidates; a component whose listing is incomplete is one tier.
    for (std::size_t ci = 0; ci < comps.size(); ++ci) {
        const auto& sol = sols[ci];
        if (!sol.listing_complete && sol.proven && comps[ci].size() > 1) {
            r.ranking.push_back(comps[ci]);
            std::sort(r.ranking.back().begin(), r.ranking.back().end());
            continue;
        }
        const auto& first = sol.optimal.front();
        std::vector<cand_t> tier;
        for (std::size_t i = 0; i < first.size(); ++i) {
            tier.push_back(first[i]);
            bool boundary = true;
            std::vector<cand_t> a(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(i + 1));
            std::sort(a.begin(), a.end());
            for (const auto& o : sol.optimal) {
                std::vector<cand_t> b(o.begin(), o.begin() + static_cast<std::ptrdiff_t>(i + 1));
                std::sort(b.begin(), b.end());
                if (a != b) {
                    boundary = false;
                    break;
                }
            }
            if (boundary) {
                std::sort(tier.begin(), tier.end());
                r.ranking.push_back(tier);
                tier.clear();
            }
        }
    }
    // The full optimal rankings: the product of the components' lists (capped).
    std::vector<std::vector<cand_t>> full{{}};
    for (const auto& sol : sols) {
        std::vector<std::vector<cand_t>> next;
        for (const auto& prefix : full)
            for (const auto& o : sol.optimal) {
                if (next.size() >= opt.max_rankings) {
                    listing_complete = false;
                    break;
                }
                auto x = prefix;
                x.insert(x.end(), o.begin(), o.end());
                next.push_back(std::move(x));
            }
        full = std::move(next);
    }
    const std::int64_t score = agreement(w, m.n, full.front());
    if (slater) {
        std::int64_t decided = 0;
        for (auto x : w) decided += x;
        r.notes.push_back("Slater: each optimal ranking keeps " + std::to_string(score) + " of the " +
                          std::to_string(decided) + " majority pairs and reverses " +
                          std::to_string(decided - score));
    } else {
        std::string scale = std::is_same_v<Num, std::int64_t> ? "" : " (pairwise weights scaled to integers)";
        r.notes.push_back("Kemeny score: " + std::to_string(score) +
                          " = total support for the pairwise orders the ranking keeps" + scale);
    }
    r.notes.push_back(
        std::string("optimality: ") +
        (proven ? (largest <= opt.max_exact ? "proven (exact dynamic programming"
                                            : "proven (local search met the upper bound")
                : "NOT PROVEN: a component larger than max_exact = " + std::to_string(opt.max_exact) +
                      " was ordered by local search (heuristic") +
        "; largest strong component " + std::to_string(largest) + " candidates)");
    if (!proven)
        for (std::size_t ci = 0; ci < comps.size(); ++ci)
            if (!sols[ci].proven)
                r.notes.push_back("component of " + std::to_string(comps[ci].size()) +
                                  " candidates: best found " + std::to_string(sols[ci].score) +
                                  ", upper bound " + std::to_string(sols[ci].upper_bound));
    r.notes.push_back((proven ? "optimal rankings: " : "best rankings found: ") +
                      std::to_string(full.size()) +
                      (listing_complete ? "" : " listed (more may exist; 'max_rankings' caps the list)"));
    for (const auto& o : full) r.notes.push_back("  " + order_text(p, o));

    if (slater) {
        // The Slater set (set-valued, as pref_voting's slater): every candidate first in some
        // optimal ranking: read off the listing when it holds every optimum of the top
        // component, else decided exactly, not from the capped list: x is first in an optimum
        // of the top component C when its wins over C \ {x} plus the optimum of C \ {x} reach
        // the optimum of C.
        const auto& top = comps.front();
        if (sols.front().listing_complete) { // every optimum of the top component is listed
            for (const auto& o : sols.front().optimal)
                if (std::find(r.winners.begin(), r.winners.end(), o.front()) == r.winners.end())
                    r.winners.push_back(o.front());
            std::sort(r.winners.begin(), r.winners.end());
        }
        for (cand_t x : sols.front().listing_complete ? std::vector<cand_t>{} : top) {
            std::vector<cand_t> rest;
            std::int64_t wins = 0;
            for (cand_t y : top)
                if (y != x) rest.push_back(y), wins += w[x * m.n + y];
            const auto sub = kemeny_order(w, m.n, rest, 1, opt.max_exact, [](double) {});
            if (wins + sub.score == sols.front().score) r.winners.push_back(x);
        }
        r.notes.push_back("set-valued rule: the winners are every candidate first in some Slater ranking; "
                          "no tie is broken");
        return r;
    }
    // Winners: the top tier if single; otherwise a recorded tie among the candidates first in
    // some optimal ranking.
    tie_breaker tb(opt.common.tie_break, r);
    std::vector<cand_t> firsts;
    for (const auto& o : full)
        if (std::find(firsts.begin(), firsts.end(), o.front()) == firsts.end()) firsts.push_back(o.front());
    if (r.ranking.front().size() == 1)
        r.winners = r.ranking.front();
    else if (auto w1 = tb.pick_winner(firsts, 0, "election: several optimal Kemeny rankings"))
        r.winners = {*w1};
    return r;
}

} // namespace

result kemeny(const profile& p, const kemeny_options& opt) {
    return with_pairwise(p, {opt.common.unranked, opt.common.excluded},
                         [&](const auto& m) { return kemeny_impl(p, m, opt); });
}
result slater(const profile& p, const kemeny_options& opt) {
    return with_pairwise(p, {opt.common.unranked, opt.common.excluded},
                         [&](const auto& m) { return kemeny_impl(p, m, opt, true); });
}

namespace detail {
result run_kemeny(const profile& p, option_reader& o) {
    kemeny_options opt;
    if (auto v = o.get<std::uint64_t>("max_exact", opt.max_exact)) {
        if (*v > 30) throw error(errc::invalid, o.method() + ": option 'max_exact' must be at most 30");
        opt.max_exact = static_cast<std::size_t>(*v);
    }
    if (auto v = o.get<std::uint64_t>("max_rankings", opt.max_rankings)) {
        if (*v < 1) throw error(errc::invalid, o.method() + ": option 'max_rankings' must be at least 1");
        opt.max_rankings = static_cast<std::size_t>(std::min<std::uint64_t>(*v, 1000000));
    }
    opt.common = read_condorcet_common(o);
    opt.progress = o.progress;
    o.finish();
    return o.method() == "slater" ? slater(p, opt) : kemeny(p, opt);
}
} // namespace detail

} // namespace v0
} // namespace accord
