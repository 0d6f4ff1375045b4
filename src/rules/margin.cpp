// Margin-graph rules (margin.hpp): Split Cycle, Stable Voting, Simple Stable Voting.
// Definitions: Holliday & Pacuit, "Split Cycle" (Public Choice 2023) and "Stable Voting"
// (Constitutional Political Economy 2023); checked against pref_voting 1.18.
#include "accord/rules/margin.hpp"

#include "accord/detail/options.hpp"
#include "pairwise_result.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>

namespace accord {
inline namespace v0 {
namespace {
using pairwise_detail::elect_one;
using pairwise_detail::start;
using pairwise_detail::winner_then_rest;

using mask_t = std::uint64_t;

template <class Num> struct margin_graph {
    std::vector<cand_t> cands; // active candidates; index i <-> bit i
    std::vector<Num> margin;   // k x k, margin(i, j) = support(i, j) - support(j, i)
    std::size_t k = 0;
    const Num& operator()(std::size_t i, std::size_t j) const { return margin[i * k + j]; }
};

template <class Num> margin_graph<Num> margins_of(const pairwise_matrix<Num>& m, const char* method) {
    margin_graph<Num> g;
    g.cands = m.candidates();
    g.k = g.cands.size();
    if (g.k == 0) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    g.margin.assign(g.k * g.k, Num(0));
    for (std::size_t i = 0; i < g.k; ++i)
        for (std::size_t j = 0; j < g.k; ++j)
            if (i != j) g.margin[i * g.k + j] = m.margin(g.cands[i], g.cands[j]);
    return g;
}

// Split Cycle defeats among the members of `s`: defeat[i * k + j] when i defeats j. The
// strongest majority path from j back to i (widest path over positive margins, Floyd-Warshall
// form) must be weaker than margin(i, j).
template <class Num> std::vector<char> split_cycle_defeats(const margin_graph<Num>& g, mask_t s) {
    const std::size_t k = g.k;
    std::vector<std::size_t> in;
    for (std::size_t i = 0; i < k; ++i)
        if (s >> i & 1) in.push_back(i);
    // path[i][j]: the strongest path i -> j (its weakest link); `none` for no path.
    std::vector<Num> path(k * k, Num(0));
    std::vector<char> has(k * k, 0);
    for (std::size_t i : in)
        for (std::size_t j : in)
            if (i != j && g(i, j) > Num(0)) {
                path[i * k + j] = g(i, j);
                has[i * k + j] = 1;
            }
    for (std::size_t v : in)
        for (std::size_t i : in) {
            if (i == v || !has[i * k + v]) continue;
            for (std::size_t j : in) {
                if (j == i || j == v || !has[v * k + j]) continue;
                const Num w = std::min(path[i * k + v], path[v * k + j]);
                if (!has[i * k + j] || w > path[i * k + j]) {
                    path[i * k + j] = w;
                    has[i * k + j] = 1;
                }
            }
        }
    std::vector<char> defeat(k * k, 0);
    for (std::size_t i : in)
        for (std::size_t j : in)
            if (i != j && g(i, j) > Num(0) && !(has[j * k + i] && path[j * k + i] >= g(i, j)))
                defeat[i * k + j] = 1;
    return defeat;
}

template <class Num> mask_t undefeated(const margin_graph<Num>& g, mask_t s) {
    const auto d = split_cycle_defeats(g, s);
    mask_t out = 0;
    for (std::size_t j = 0; j < g.k; ++j) {
        if (!(s >> j & 1)) continue;
        bool beaten = false;
        for (std::size_t i = 0; i < g.k && !beaten; ++i) beaten = d[i * g.k + j];
        if (!beaten) out |= mask_t(1) << j;
    }
    return out;
}

// Stable Voting (filtered = true) and Simple Stable Voting, memoised by sub-election.
template <class Num> class stable_count {
  public:
    stable_count(const margin_graph<Num>& g, bool filtered, const char* method)
        : g_(g), filtered_(filtered), method_(method) {
        for (std::size_t i = 0; i < g.k; ++i)
            for (std::size_t j = 0; j < g.k; ++j)
                if (i != j) pairs_.push_back({i, j});
        // Largest margin first; the order within equal margins does not change the winners.
        std::stable_sort(pairs_.begin(), pairs_.end(), [&](const auto& x, const auto& y) {
            return g(x.first, x.second) > g(y.first, y.second);
        });
    }

    mask_t winners(mask_t s) {
        if (std::popcount(s) == 1) return s;
        if (auto it = memo_.find(s); it != memo_.end()) return it->second;
        if (memo_.size() >= k_stable_voting_max_subelections)
            throw error(
                errc::unsupported,
                std::string(method_) + ": more than " + std::to_string(k_stable_voting_max_subelections) +
                    " sub-elections would be needed; the profile is too large for the exact recursion");
        mask_t eligible = s;
        if (filtered_) {
            eligible = undefeated(g_, s);
            // Stable Voting winners are Split Cycle winners, so a unique one wins at once
            // (pref_voting's default "early termination", which gives the same winners).
            if (std::popcount(eligible) == 1) return memo_[s] = eligible;
        }
        mask_t out = 0;
        std::optional<Num> witness;
        for (const auto& [a, b] : pairs_) {
            if (!(s >> a & 1) || !(s >> b & 1)) continue;
            const Num& m = g_(a, b);
            if (witness && m < *witness) break;
            if (!(eligible >> a & 1) || (out >> a & 1)) continue;
            if (winners(s & ~(mask_t(1) << b)) >> a & 1) {
                out |= mask_t(1) << a;
                witness = m;
                if (s == top_) top_witness_.push_back({a, b});
            }
        }
        return memo_[s] = out;
    }

    void set_top(mask_t s) { top_ = s; }
    const std::vector<std::pair<std::size_t, std::size_t>>& top_witnesses() const { return top_witness_; }
    std::size_t subelections() const { return memo_.size(); }

  private:
    const margin_graph<Num>& g_;
    bool filtered_;
    const char* method_;
    std::vector<std::pair<std::size_t, std::size_t>> pairs_;
    std::unordered_map<mask_t, mask_t> memo_;
    mask_t top_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> top_witness_;
};

std::vector<cand_t> members(const std::vector<cand_t>& cands, mask_t s) {
    std::vector<cand_t> out;
    for (std::size_t i = 0; i < cands.size(); ++i)
        if (s >> i & 1) out.push_back(cands[i]);
    return out;
}

template <class Num> mask_t full_mask(const margin_graph<Num>& g, const char* method) {
    if (g.k > 64)
        throw error(errc::unsupported,
                    std::string(method) + ": at most 64 candidates, the profile has " + std::to_string(g.k));
    return g.k == 64 ? ~mask_t(0) : (mask_t(1) << g.k) - 1;
}

template <class Num> result split_cycle_impl(const profile& p, const pairwise_matrix<Num>& m) {
    result r = start(p, m, "split-cycle");
    const auto g = margins_of(m, "split-cycle");
    const auto d = split_cycle_defeats(g, full_mask(g, "split-cycle"));
    std::vector<std::size_t> pos(m.n, 0);
    for (std::size_t i = 0; i < g.k; ++i) pos[g.cands[i]] = i;
    r.ranking = layer_by(g.cands, [&](cand_t a, cand_t b) { return d[pos[a] * g.k + pos[b]] != 0; });
    r.winners = r.ranking.front();
    r.scores.assign(m.n, std::nullopt);
    for (std::size_t j = 0; j < g.k; ++j) {
        std::int64_t by = 0;
        for (std::size_t i = 0; i < g.k; ++i) by += d[i * g.k + j];
        r.scores[g.cands[j]] = rational(by);
    }
    r.score_name = "Split Cycle defeats suffered";
    r.notes.push_back(
        "set-valued rule: the winners are every candidate Split Cycle leaves undefeated; no tie is broken");
    return r;
}

template <class Num>
result stable_impl(const profile& p, const pairwise_matrix<Num>& m, const margin_options& opt,
                   bool filtered) {
    const char* method = filtered ? "stable-voting" : "simple-stable-voting";
    result r = start(p, m, method);
    const auto g = margins_of(m, method);
    const mask_t all = full_mask(g, method);
    stable_count<Num> sc(g, filtered, method);
    sc.set_top(all);
    const auto win = members(g.cands, sc.winners(all));
    for (const auto& [a, b] : sc.top_witnesses())
        r.notes.push_back(p.candidate_name(g.cands[a]) + " wins: margin " + to_string(rational(g(a, b))) +
                          " over " + p.candidate_name(g.cands[b]) + ", and " + p.candidate_name(g.cands[a]) +
                          " wins without " + p.candidate_name(g.cands[b]));
    r.notes.push_back(std::to_string(sc.subelections()) + " sub-elections decided");
    std::vector<cand_t> rest;
    for (cand_t c : g.cands)
        if (!std::binary_search(win.begin(), win.end(), c)) rest.push_back(c);
    r.ranking.push_back(win);
    if (!rest.empty()) r.ranking.push_back(rest);
    tie_breaker tb(opt.tie_break, r);
    elect_one(r, tb, win);
    return r;
}

template <class Num>
result river_impl(const profile& p, const pairwise_matrix<Num>& m, const margin_options& opt) {
    result r = start(p, m, "river");
    const auto g = margins_of(m, "river");
    const std::size_t k = g.k;
    tie_breaker tb(opt.tie_break, r);
    for (std::size_t i = 0; i < k; ++i) {
        bool beats_all = true;
        for (std::size_t j = 0; j < k && beats_all; ++j) beats_all = i == j || g(i, j) > Num(0);
        if (beats_all) {
            winner_then_rest(r, g.cands[i], g.cands);
            r.notes.push_back("Condorcet winner: " + p.candidate_name(g.cands[i]));
            return r;
        }
    }
    struct edge {
        std::size_t a, b;
    };
    std::vector<edge> edges;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j && g(i, j) >= Num(0)) edges.push_back({i, j});
    std::stable_sort(edges.begin(), edges.end(),
                     [&](const edge& x, const edge& y) { return g(x.a, x.b) > g(y.a, y.b); });
    std::vector<char> reach(k * k, 0), has_in(k, 0); // reach: transitive closure of the locked edges
    auto lockable = [&](const std::vector<char>& R, const std::vector<char>& in, const edge& e) {
        return !in[e.b] && !R[e.b * k + e.a];
    };
    auto lock = [&](std::vector<char>& R, std::vector<char>& in, const edge& e) {
        in[e.b] = 1;
        for (std::size_t x = 0; x < k; ++x) {
            if (x != e.a && !R[x * k + e.a]) continue;
            for (std::size_t y = 0; y < k; ++y)
                if (y == e.b || R[e.b * k + y]) R[x * k + y] = 1;
        }
    };
    std::optional<std::vector<std::size_t>> rank; // position of each candidate in the drawn order
    std::string locked;
    bool stopped = false;
    for (std::size_t i = 0; i < edges.size() && !stopped;) {
        std::size_t j = i + 1;
        while (j < edges.size() && g(edges[j].a, edges[j].b) == g(edges[i].a, edges[i].b)) ++j;
        std::vector<edge> group(edges.begin() + static_cast<std::ptrdiff_t>(i),
                                edges.begin() + static_cast<std::ptrdiff_t>(j));
        // The order within a group matters only if its lockable edges cannot all be locked.
        auto R = reach;
        auto in = has_in;
        bool all = true;
        for (const auto& e : group) {
            if (!lockable(reach, has_in, e)) continue;
            if (!lockable(R, in, e)) {
                all = false;
                break;
            }
            lock(R, in, e);
        }
        if (!all) {
            if (!rank) {
                auto order = tb.order(g.cands, 0, "river: order of equal margins");
                if (!order) {
                    r.notes.push_back("count stopped: the order of equal margins decides the winner and the "
                                      "tie was left unresolved");
                    stopped = true;
                    break;
                }
                rank.emplace(m.n, 0);
                for (std::size_t q = 0; q < order->size(); ++q) (*rank)[(*order)[q]] = q;
            }
            const auto& rk = *rank;
            std::stable_sort(group.begin(), group.end(), [&](const edge& x, const edge& y) {
                if (x.a != y.a) return rk[g.cands[x.a]] < rk[g.cands[y.a]];
                return rk[g.cands[x.b]] < rk[g.cands[y.b]];
            });
        }
        for (const auto& e : group)
            if (lockable(reach, has_in, e)) {
                lock(reach, has_in, e);
                locked += (locked.empty() ? "" : ", ") + p.candidate_name(g.cands[e.a]) + " > " +
                          p.candidate_name(g.cands[e.b]);
            }
        i = j;
    }
    if (stopped) {
        r.ranking.push_back(g.cands);
        return r;
    }
    r.notes.push_back("locked (largest margin first): " + locked);
    for (std::size_t i = 0; i < k; ++i)
        if (!has_in[i]) {
            winner_then_rest(r, g.cands[i], g.cands);
            break;
        }
    return r;
}

} // namespace

result river(const profile& p, const margin_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return river_impl(p, m, opt); });
}

result split_cycle(const profile& p, const margin_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return split_cycle_impl(p, m); });
}
result stable_voting(const profile& p, const margin_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return stable_impl(p, m, opt, true); });
}
result simple_stable_voting(const profile& p, const margin_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return stable_impl(p, m, opt, false); });
}

namespace detail {
namespace {
margin_options read_margin(option_reader& o) {
    margin_options m;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(m.unranked)))
        m.unranked = parse_unranked(*v, o.method());
    m.excluded = o.candidates("excluded");
    m.tie_break = o.tie_break(m.tie_break);
    o.finish();
    return m;
}
} // namespace
result run_split_cycle(const profile& p, option_reader& o) {
    // Set-valued: no tie is ever broken, so the rule reads no tie-break options.
    margin_options m;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(m.unranked)))
        m.unranked = parse_unranked(*v, o.method());
    m.excluded = o.candidates("excluded");
    o.finish();
    return split_cycle(p, m);
}
result run_stable_voting(const profile& p, option_reader& o) { return stable_voting(p, read_margin(o)); }
result run_simple_stable_voting(const profile& p, option_reader& o) {
    return simple_stable_voting(p, read_margin(o));
}
result run_river(const profile& p, option_reader& o) { return river(p, read_margin(o)); }
} // namespace detail

} // namespace v0
} // namespace accord
