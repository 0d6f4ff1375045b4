// Maximal lotteries, the essential set and the bipartisan set (lottery.hpp), decided by the exact
// rational simplex of src/lp.hpp. Definitions after Fishburn (1984), Brandl, Brandt and Seedig
// (2016), Dutta and Laslier (1999) and Laffond, Laslier and Le Breton (1993); pref_voting 1.18
// (probabilistic_methods.py, c1_methods.py) for the names. docs/methods/maximal-lotteries.md,
// essential-set.md, bipartisan-set.md.
#include "accord/rules/lottery.hpp"

#include "../lp.hpp"
#include "accord/detail/options.hpp"
#include "lottery_draw.hpp"
#include "pairwise_result.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <optional>

namespace accord {
inline namespace v0 {
namespace {

// The symmetric zero-sum game among k candidates: payoff(i, j) of the i-th against the j-th.
struct game {
    std::size_t k = 0;
    std::vector<rational> payoff;
    const rational& operator()(std::size_t i, std::size_t j) const { return payoff[i * k + j]; }
};

template <class Num>
game make_game(const pairwise_matrix<Num>& m, const std::vector<cand_t>& among, lottery_game kind) {
    game g;
    g.k = among.size();
    g.payoff.assign(g.k * g.k, rational(0));
    for (std::size_t i = 0; i < g.k; ++i)
        for (std::size_t j = 0; j < g.k; ++j) {
            if (i == j) continue;
            rational d = m(among[i], among[j]);
            d -= m(among[j], among[i]);
            if (kind == lottery_game::majority) d = sign(d);
            g.payoff[i * g.k + j] = std::move(d);
        }
    return g;
}

// The maximal lotteries of g, as the feasible set of an LP over p_0..p_{k-1} (and `extra` more
// variables after them): sum p = 1, and p . (column j) >= 0 for every j, i.e. p loses to no pure
// strategy. The value of a symmetric zero-sum game is 0, so these are its optimal strategies.
lp::problem maximal_lottery_polytope(const game& g, std::size_t extra = 0) {
    lp::problem pr;
    pr.variables = g.k + extra;
    pr.objective.assign(pr.variables, rational(0));
    pr.constraints.push_back({std::vector<rational>(g.k, rational(1)), lp::relation::equal, rational(1)});
    for (std::size_t j = 0; j < g.k; ++j) {
        lp::constraint c{std::vector<rational>(g.k), lp::relation::greater_equal, rational(0)};
        for (std::size_t i = 0; i < g.k; ++i) c.coefficients[i] = g(i, j);
        pr.constraints.push_back(std::move(c));
    }
    return pr;
}

struct analysis {
    std::vector<char> essential;   // by index: positive in some maximal lottery
    std::vector<rational> lottery; // the leximin maximal lottery (when asked for)
    bool unique = false;
    std::size_t programs = 0, pivots = 0;
};

lp::solution solve(analysis& a, const lp::problem& pr, const char* method) {
    auto s = lp::maximise(pr);
    ++a.programs;
    a.pivots += s.pivots;
    if (s.state != lp::status::optimal || !lp::feasible(pr, s.x))
        throw error(errc::error,
                    std::string(method) +
                        ": the exact simplex found no optimum of a feasible program (a bug; please "
                        "report it with the profile)");
    return s;
}

// The rank of a rational matrix (rows of equal length), by exact Gaussian elimination.
std::size_t rank_of(std::vector<std::vector<rational>> rows) {
    std::size_t rank = 0;
    const std::size_t cols = rows.empty() ? 0 : rows.front().size();
    for (std::size_t c = 0; c < cols && rank < rows.size(); ++c) {
        std::size_t r = rank;
        while (r < rows.size() && sign(rows[r][c]) == 0) ++r;
        if (r == rows.size()) continue;
        std::swap(rows[r], rows[rank]);
        for (std::size_t i = rank + 1; i < rows.size(); ++i) {
            if (sign(rows[i][c]) == 0) continue;
            const rational f = rows[i][c] / rows[rank][c];
            for (std::size_t j = c; j < cols; ++j) rows[i][j] -= f * rows[rank][j];
        }
        ++rank;
    }
    return rank;
}

// The essential set of g and, when `want_lottery`, its leximin maximal lottery.
analysis analyse_core(const game& g, bool want_lottery, const char* method) {
    analysis a;
    const std::size_t k = g.k;
    a.essential.assign(k, 0);
    const lp::problem base = maximal_lottery_polytope(g);
    // Essential set: i is essential when max p_i over the maximal lotteries is positive. Each
    // optimum found puts its whole support in the set, so most candidates need no program of
    // their own.
    std::vector<char> known(k, 0);
    std::vector<rational> first;
    for (std::size_t i = 0; i < k; ++i) {
        if (known[i]) continue;
        lp::problem pr = base;
        pr.objective[i] = 1;
        const auto s = solve(a, pr, method);
        if (first.empty()) first = s.x;
        for (std::size_t j = 0; j < k; ++j)
            if (sign(s.x[j]) > 0) a.essential[j] = known[j] = 1;
        known[i] = 1;
    }
    if (!want_lottery) return a;
    // Uniqueness: every maximal lottery p is zero off the essential set E and has (p . column j)
    // = 0 for j in E (the essential strategies are the supports of optimal strategies, and
    // complementary slackness holds for each), while one of them is positive on all of E with
    // every inequality off E strict (Goldman and Tucker's strictly complementary solution). So
    // the maximal lottery is unique exactly when "p . column j = 0 for j in E, sum p = 1" has
    // rank |E| on E.
    std::vector<std::size_t> e;
    for (std::size_t i = 0; i < k; ++i)
        if (a.essential[i]) e.push_back(i);
    std::vector<std::vector<rational>> system;
    for (std::size_t j : e) {
        std::vector<rational> row;
        row.reserve(e.size());
        for (std::size_t i : e) row.push_back(g(i, j));
        system.push_back(std::move(row));
    }
    system.emplace_back(e.size(), rational(1));
    a.unique = rank_of(std::move(system)) == e.size();
    if (a.unique) {
        a.lottery = first;
        return a;
    }
    // Leximin: raise the smallest free probability t as far as it goes; the candidates that cannot
    // exceed t while every other free one keeps at least t are fixed at t; repeat on the rest.
    // Each round fixes at least one candidate (otherwise averaging the optima would raise t).
    std::vector<std::optional<rational>> fixed(k);
    for (std::size_t i = 0; i < k; ++i)
        if (!a.essential[i]) fixed[i] = rational(0);
    auto pin = [&](lp::problem& pr) {
        for (std::size_t i = 0; i < k; ++i) {
            if (!fixed[i]) continue;
            std::vector<rational> unit(i + 1, rational(0));
            unit[i] = 1;
            pr.constraints.push_back({std::move(unit), lp::relation::equal, *fixed[i]});
        }
    };
    for (;;) {
        std::vector<std::size_t> free;
        for (std::size_t i = 0; i < k; ++i)
            if (!fixed[i]) free.push_back(i);
        if (free.empty()) break;
        lp::problem raise = maximal_lottery_polytope(g, 1); // variable k is t
        raise.objective[k] = 1;
        pin(raise);
        for (std::size_t i : free) {
            std::vector<rational> row(k + 1, rational(0));
            row[i] = 1;
            row[k] = -1;
            raise.constraints.push_back({std::move(row), lp::relation::greater_equal, rational(0)});
        }
        const auto top = solve(a, raise, method);
        const rational t = top.value;
        bool progress = false;
        for (std::size_t i : free) {
            if (top.x[i] != t) continue; // above t at one optimum, so not held at t
            lp::problem most = base;
            most.objective[i] = 1;
            pin(most);
            for (std::size_t f : free) {
                if (fixed[f]) continue;
                std::vector<rational> unit(f + 1, rational(0));
                unit[f] = 1;
                most.constraints.push_back({std::move(unit), lp::relation::greater_equal, t});
            }
            if (solve(a, most, method).value == t) {
                fixed[i] = t;
                progress = true;
            }
        }
        if (!progress)
            throw error(errc::error, std::string(method) +
                                         ": the leximin maximal lottery did not converge (a bug; "
                                         "please report it with the profile)");
    }
    a.lottery.resize(k);
    for (std::size_t i = 0; i < k; ++i) a.lottery[i] = *fixed[i];
    if (!lp::feasible(base, a.lottery))
        throw error(errc::error, std::string(method) + ": the leximin lottery is not maximal (a bug; please "
                                                       "report it with the profile)");
    return a;
}

// The Smith set of g (the smallest set whose members all beat every other candidate): every
// member's Copeland score (2 per win, 1 per tie) exceeds every non-member's, so it is the first
// prefix of the candidates by that score whose members beat everyone after it.
std::vector<std::size_t> smith_of(const game& g) {
    std::vector<std::size_t> order(g.k);
    std::vector<std::int64_t> score(g.k, 0);
    for (std::size_t i = 0; i < g.k; ++i) {
        order[i] = i;
        for (std::size_t j = 0; j < g.k; ++j)
            if (i != j) score[i] += sign(g(i, j)) + 1;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::size_t k = 1;
    for (; k < g.k; ++k) {
        bool dominant = true;
        for (std::size_t x = 0; x < k && dominant; ++x)
            for (std::size_t y = k; y < g.k && dominant; ++y)
                if (sign(g(order[x], order[y])) <= 0) dominant = false;
        if (dominant) break;
    }
    order.resize(k);
    std::sort(order.begin(), order.end());
    return order;
}

// analyse_core on the Smith set only: every maximal lottery lies inside it (Fishburn 1984; each
// member beats every candidate outside, so a lottery on it loses to none of them, and the
// essential set is inside it), so the programs shrink to the Smith set, a single candidate when
// there is a Condorcet winner.
analysis analyse(const game& g, bool want_lottery, const char* method) {
    const auto smith_set = smith_of(g);
    if (smith_set.size() == g.k) return analyse_core(g, want_lottery, method);
    game sub;
    sub.k = smith_set.size();
    sub.payoff.resize(sub.k * sub.k);
    for (std::size_t i = 0; i < sub.k; ++i)
        for (std::size_t j = 0; j < sub.k; ++j) sub.payoff[i * sub.k + j] = g(smith_set[i], smith_set[j]);
    const analysis inner = analyse_core(sub, want_lottery, method);
    analysis a;
    a.unique = inner.unique;
    a.programs = inner.programs;
    a.pivots = inner.pivots;
    a.essential.assign(g.k, 0);
    if (want_lottery) a.lottery.assign(g.k, rational(0));
    for (std::size_t i = 0; i < sub.k; ++i) {
        a.essential[smith_set[i]] = inner.essential[i];
        if (want_lottery) a.lottery[smith_set[i]] = inner.lottery[i];
    }
    if (want_lottery && !lp::feasible(maximal_lottery_polytope(g), a.lottery))
        throw error(errc::error, std::string(method) +
                                     ": the lottery on the Smith set is not maximal (a bug; please "
                                     "report it with the profile)");
    return a;
}

const char* game_name(lottery_game g) { return g == lottery_game::margins ? "margin" : "majority"; }

std::string names_of(const profile& p, const std::vector<cand_t>& among, const std::vector<char>& in) {
    std::string out;
    for (std::size_t i = 0; i < among.size(); ++i)
        if (in[i]) out += (out.empty() ? "" : ", ") + p.candidate_name(among[i]);
    return "{" + out + "}";
}

// Scores (the lottery), the uniqueness note and the work done, common to the three rules.
void describe(result& r, const profile& p, const std::vector<cand_t>& cands, const analysis& a,
              lottery_game kind, std::vector<rational>& prob) {
    prob.assign(p.candidate_count(), rational(0));
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (std::size_t i = 0; i < cands.size(); ++i) {
        prob[cands[i]] = a.lottery[i];
        r.scores[cands[i]] = a.lottery[i];
    }
    r.score_name = std::string("probability in the maximal lottery of the ") + game_name(kind) + " game" +
                   (a.unique ? "" : " (the leximin one)");
    if (a.unique)
        r.notes.push_back(std::string("the maximal lottery of the ") + game_name(kind) + " game is unique");
    else
        r.notes.push_back(std::string("several lotteries are maximal in the ") + game_name(kind) +
                          " game; scores hold the leximin one (its smallest probability as large as "
                          "possible, then the next); the union of their supports, the essential set, is " +
                          names_of(p, cands, a.essential));
}

template <class Num>
result maximal_lotteries_impl(const profile& p, const pairwise_matrix<Num>& m,
                              const maximal_lottery_options& opt) {
    const char* method = "maximal-lotteries";
    result r = pairwise_detail::start(p, m, method);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    const analysis a = analyse(make_game(m, cands, opt.game), true, method);
    std::vector<rational> prob;
    describe(r, p, cands, a, opt.game, prob);
    r.ranking = tiers_by_score(cands, prob);
    lottery_detail::draw_winner(r, cands, prob, opt.seed);
    return r;
}

template <class Num>
result lottery_set_impl(const profile& p, const pairwise_matrix<Num>& m, lottery_game kind,
                        const char* method, const char* set_name, bool* unique = nullptr) {
    result r = pairwise_detail::start(p, m, method);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    const analysis a = analyse(make_game(m, cands, kind), true, method);
    std::vector<rational> prob;
    describe(r, p, cands, a, kind, prob);
    if (unique) *unique = a.unique;
    r.ranking = pairwise_detail::by_repeated_sets(cands, [&](const std::vector<cand_t>& l) {
        const analysis b = l.size() == cands.size() ? a : analyse(make_game(m, l, kind), false, method);
        std::vector<cand_t> set;
        for (std::size_t i = 0; i < l.size(); ++i)
            if (b.essential[i]) set.push_back(l[i]);
        return set;
    });
    r.winners = r.ranking.front();
    r.notes.push_back(std::string("set-valued rule: the winners are the whole ") + set_name +
                      "; no tie is broken");
    return r;
}

pairwise_options pairwise_of(const maximal_lottery_options& o) { return {o.unranked, o.excluded}; }

lottery_game read_game(detail::option_reader& o) {
    auto v = o.get<std::string>("game");
    if (!v || *v == "margin" || *v == "margins") return lottery_game::margins;
    if (*v == "majority") return lottery_game::majority;
    throw error(errc::invalid,
                o.method() + ": option 'game' must be \"margin\" or \"majority\", got \"" + *v + "\"");
}

pairwise_options read_pairwise(detail::option_reader& o) {
    pairwise_options pw;
    if (auto v = o.get<std::string>("unranked")) pw.unranked = parse_unranked(*v, o.method());
    pw.excluded = o.candidates("excluded");
    return pw;
}

} // namespace

result maximal_lotteries(const profile& p, const maximal_lottery_options& opt) {
    return with_pairwise(p, pairwise_of(opt),
                         [&](const auto& m) { return maximal_lotteries_impl(p, m, opt); });
}

result essential_set(const profile& p, const essential_set_options& opt) {
    return with_pairwise(p, opt.pairwise, [&](const auto& m) {
        return lottery_set_impl(p, m, opt.game, "essential-set", "essential set");
    });
}

result bipartisan_set(const profile& p, const pairwise_options& opt) {
    return with_pairwise(p, opt, [&](const auto& m) {
        bool unique = false;
        result r =
            lottery_set_impl(p, m, lottery_game::majority, "bipartisan-set", "bipartisan set", &unique);
        const auto cands = m.candidates();
        bool tournament = true;
        for (std::size_t i = 0; i < cands.size() && tournament; ++i)
            for (std::size_t j = i + 1; j < cands.size() && tournament; ++j)
                if (m(cands[i], cands[j]) == m(cands[j], cands[i])) tournament = false;
        if (tournament && !unique)
            // Laffond, Laslier and Le Breton (1993): a tournament game has one optimal strategy.
            throw error(errc::error,
                        "bipartisan-set: a tournament game with several maximal lotteries (a bug; "
                        "please report it with the profile)");
        if (!tournament)
            r.notes.push_back(
                "the majority relation ties some pairs, so this is the essential set of the weak "
                "tournament (Dutta and Laslier 1999), which extends the bipartisan set beyond "
                "tournaments");
        return r;
    });
}

namespace detail {
result run_maximal_lotteries(const profile& p, option_reader& o) {
    maximal_lottery_options opt;
    opt.game = read_game(o);
    const auto pw = read_pairwise(o);
    opt.unranked = pw.unranked;
    opt.excluded = pw.excluded;
    if (auto v = o.get<std::uint64_t>("seed")) opt.seed = *v;
    o.finish();
    return maximal_lotteries(p, opt);
}
result run_essential_set(const profile& p, option_reader& o) {
    essential_set_options opt;
    opt.game = read_game(o);
    opt.pairwise = read_pairwise(o);
    o.finish();
    return essential_set(p, opt);
}
result run_bipartisan_set(const profile& p, option_reader& o) {
    const auto pw = read_pairwise(o);
    o.finish();
    return bipartisan_set(p, pw);
}
} // namespace detail

} // namespace v0
} // namespace accord
