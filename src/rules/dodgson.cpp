// Dodgson and Young, exact (dodgson.hpp), as integer programs solved by branch and bound on the
// exact simplex of src/lp.hpp. docs/methods/dodgson.md, docs/methods/young.md.
#include "accord/rules/dodgson.hpp"

#include "../lp.hpp"
#include "accord/detail/options.hpp"
#include "accord/rules/pairwise.hpp"
#include "pairwise_result.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <limits>
#include <optional>

namespace accord {
inline namespace v0 {
namespace {
using namespace ranked_detail;

// The distinct complete strict rankings, with each candidate's position in each.
struct electorate {
    std::vector<cand_t> cands;
    strict_orders s;
    std::vector<std::vector<std::size_t>> pos; // pos[t][c]
    std::vector<std::int64_t> margin;          // margin[a * n + b] = N(a,b) - N(b,a)
    std::size_t n = 0;
};

electorate electorate_of(const profile& p, const std::vector<cand_t>& excluded, const std::string& method) {
    electorate e;
    const auto active = active_candidates(p, excluded, method);
    e.cands = members(active);
    if (e.cands.size() > k_dodgson_young_max_candidates)
        throw error(errc::unsupported, method + ": " + std::to_string(e.cands.size()) +
                                           " candidates are more than the " +
                                           std::to_string(k_dodgson_young_max_candidates) +
                                           " its exact integer programs allow; exclude candidates (option "
                                           "'excluded')");
    e.s = strict_orders_of(p, ballots_of(p, active, method), e.cands, method,
                           static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() / 2));
    e.n = p.candidate_count();
    e.margin.assign(e.n * e.n, 0);
    for (std::size_t t = 0; t < e.s.orders.size(); ++t) {
        std::vector<std::size_t> at(e.n, 0);
        const auto& o = e.s.orders[t];
        for (std::size_t i = 0; i < o.size(); ++i) at[o[i]] = i;
        const auto w = static_cast<std::int64_t>(e.s.counts[t]);
        for (std::size_t i = 0; i < o.size(); ++i)
            for (std::size_t j = i + 1; j < o.size(); ++j) {
                e.margin[o[i] * e.n + o[j]] += w;
                e.margin[o[j] * e.n + o[i]] -= w;
            }
        e.pos.push_back(std::move(at));
    }
    return e;
}

lp::integer_solution solve(const lp::problem& pr, const std::string& method, cand_t c, const profile& p) {
    try {
        return lp::maximise_integer(pr);
    } catch (const error& ex) {
        if (ex.code() != errc::unsupported) throw;
        throw error(errc::unsupported, method + ": the score of " + p.candidate_name(c) + ": " + ex.what());
    }
}

// Bartholdi, Tovey and Trick (1989), section 4: y[t][k] voters of ranking t move c up exactly k
// places (k swaps each), passing the k candidates just above it. Every d that c does not beat
// needs floor((N(d,c) - N(c,d)) / 2) + 1 voters to pass it; minimise the swaps.
std::int64_t dodgson_score(const electorate& e, cand_t c, const std::string& method, const profile& p) {
    std::vector<std::int64_t> need(e.n, 0);
    bool any = false;
    for (cand_t d : e.cands)
        if (d != c && e.margin[c * e.n + d] <= 0) {
            need[d] = -e.margin[c * e.n + d] / 2 + 1;
            any = true;
        }
    if (!any) return 0;
    lp::problem pr;
    struct var {
        std::size_t t, k;
    };
    std::vector<var> vars;
    for (std::size_t t = 0; t < e.s.orders.size(); ++t) {
        const std::size_t at = e.pos[t][c];
        std::size_t reach = 0; // the furthest useful lift: up to the highest d still needed
        for (std::size_t k = 1; k <= at; ++k)
            if (need[e.s.orders[t][at - k]] > 0) reach = k;
        for (std::size_t k = 1; k <= reach; ++k) vars.push_back({t, k});
    }
    pr.variables = vars.size();
    for (const auto& v : vars) pr.objective.push_back(-rational(static_cast<std::int64_t>(v.k)));
    for (std::size_t t = 0, i = 0; t < e.s.orders.size(); ++t) {
        lp::constraint voters{std::vector<rational>(vars.size(), rational(0)), lp::relation::less_equal,
                              rational(e.s.counts[t])};
        bool used = false;
        for (; i < vars.size() && vars[i].t == t; ++i) {
            voters.coefficients[i] = 1;
            used = true;
        }
        if (used) pr.constraints.push_back(std::move(voters));
    }
    for (cand_t d : e.cands) {
        if (need[d] == 0) continue;
        lp::constraint passed{std::vector<rational>(vars.size(), rational(0)), lp::relation::greater_equal,
                              rational(need[d])};
        for (std::size_t i = 0; i < vars.size(); ++i) {
            const std::size_t t = vars[i].t;
            if (e.pos[t][d] < e.pos[t][c] && vars[i].k >= e.pos[t][c] - e.pos[t][d])
                passed.coefficients[i] = 1;
        }
        pr.constraints.push_back(std::move(passed));
    }
    const auto s = solve(pr, method, c, p);
    if (s.state != lp::status::optimal)
        throw error(errc::error, method + ": no way to make " + p.candidate_name(c) +
                                     " the Condorcet winner was found (a bug; please report it)");
    return static_cast<std::int64_t>(-s.value);
}

// Young (1977), as Rothe, Spakowski and Vogel (2003) state it: the most voters x[t] <= n[t] of
// each ranking to keep such that c beats every d among them (sum of +-x[t] >= 1).
std::optional<big_int> young_score(const electorate& e, cand_t c, const std::string& method,
                                   const profile& p) {
    bool winner = true;
    for (cand_t d : e.cands)
        if (d != c && e.margin[c * e.n + d] <= 0) winner = false;
    if (winner) return big_int(e.s.voters);
    const std::size_t types = e.s.orders.size();
    lp::problem pr;
    pr.variables = types;
    pr.objective.assign(types, rational(1));
    for (std::size_t t = 0; t < types; ++t) {
        std::vector<rational> unit(t + 1, rational(0));
        unit[t] = 1;
        pr.constraints.push_back({std::move(unit), lp::relation::less_equal, rational(e.s.counts[t])});
    }
    for (cand_t d : e.cands) {
        if (d == c) continue;
        lp::constraint beats{std::vector<rational>(types), lp::relation::greater_equal, rational(1)};
        for (std::size_t t = 0; t < types; ++t) beats.coefficients[t] = e.pos[t][c] < e.pos[t][d] ? 1 : -1;
        pr.constraints.push_back(std::move(beats));
    }
    const auto s = solve(pr, method, c, p);
    if (s.state != lp::status::optimal) return std::nullopt;
    return boost::multiprecision::numerator(s.value);
}

void report(const dodgson_options& opt, const std::string& method, std::size_t done, std::size_t of) {
    if (opt.progress && !opt.progress(static_cast<double>(done) / static_cast<double>(of)))
        throw error(errc::cancelled, method + ": cancelled by the progress callback");
}

template <class Num>
result finish(const profile& p, const pairwise_matrix<Num>& m, const char* method,
              const std::vector<cand_t>& cands, const std::vector<std::optional<rational>>& scores,
              bool lowest_wins, const tie_break_options& tbo, const char* score_name) {
    result r = pairwise_detail::start(p, m, method);
    r.scores = scores;
    r.score_name = score_name;
    // Rank by score; candidates without one (Young) below every scored one.
    std::vector<rational> key(p.candidate_count(), rational(0));
    rational floor_key = 0;
    for (cand_t c : cands)
        if (scores[c]) floor_key = std::min(floor_key, lowest_wins ? -*scores[c] : *scores[c]);
    for (cand_t c : cands) key[c] = scores[c] ? (lowest_wins ? -*scores[c] : *scores[c]) : floor_key - 1;
    r.ranking = tiers_by_score(cands, key);
    tie_breaker tb(tbo, r);
    pairwise_detail::elect_one(r, tb, r.ranking.front());
    return r;
}

} // namespace

result dodgson(const profile& p, const dodgson_options& opt) {
    const std::string method = "dodgson";
    const electorate e = electorate_of(p, opt.excluded, method);
    std::vector<std::optional<rational>> scores(p.candidate_count());
    for (std::size_t i = 0; i < e.cands.size(); ++i) {
        scores[e.cands[i]] = rational(dodgson_score(e, e.cands[i], method, p));
        report(opt, method, i + 1, e.cands.size());
    }
    return with_pairwise(p, {unranked_rule::last, opt.excluded}, [&](const auto& m) {
        return finish(p, m, "dodgson", e.cands, scores, true, opt.tie_break,
                      "Dodgson score: fewest swaps of adjacent candidates making it the Condorcet winner");
    });
}

result young(const profile& p, const dodgson_options& opt) {
    const std::string method = "young";
    const electorate e = electorate_of(p, opt.excluded, method);
    std::vector<std::optional<rational>> scores(p.candidate_count());
    for (std::size_t i = 0; i < e.cands.size(); ++i) {
        if (auto s = young_score(e, e.cands[i], method, p)) scores[e.cands[i]] = rational(*s);
        report(opt, method, i + 1, e.cands.size());
    }
    return with_pairwise(p, {unranked_rule::last, opt.excluded}, [&](const auto& m) {
        result r = finish(p, m, "young", e.cands, scores, false, opt.tie_break,
                          "Young score: most voters kept with it the Condorcet winner");
        for (cand_t c : e.cands)
            if (!scores[c])
                r.notes.push_back(
                    p.candidate_name(c) +
                    " is the Condorcet winner of no non-empty set of the voters (no Young score)");
        return r;
    });
}

namespace detail {
namespace {
dodgson_options read_dodgson_options(option_reader& o) {
    dodgson_options opt;
    opt.excluded = o.candidates("excluded");
    opt.tie_break = o.tie_break(opt.tie_break);
    opt.progress = o.progress;
    o.finish();
    return opt;
}
} // namespace
result run_dodgson(const profile& p, option_reader& o) { return dodgson(p, read_dodgson_options(o)); }
result run_young(const profile& p, option_reader& o) { return young(p, read_dodgson_options(o)); }
} // namespace detail

} // namespace v0
} // namespace accord
