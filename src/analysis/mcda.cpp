// MCDA: exact weighted sums and SMAA over criteria weights.
#include "accord/analysis/mcda.hpp"

#include "accord/error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace accord {
inline namespace v0 {
namespace {

std::string crit(const mcda_table& t, std::size_t j) {
    return "criterion " + std::to_string(j + 1) + (j < t.criteria.size() ? " (" + t.criteria[j] + ")" : "");
}

void validate_shape(const mcda_table& t) {
    if (t.options.empty()) throw error(errc::invalid, "mcda: no options to score");
    if (t.criteria.empty()) throw error(errc::invalid, "mcda: no criteria");
    std::set<std::string> seen;
    for (const auto& o : t.options)
        if (o.empty() || !seen.insert(o).second)
            throw error(errc::invalid, "mcda: option names must be non-empty and distinct ('" + o + "')");
    seen.clear();
    for (const auto& c : t.criteria)
        if (c.empty() || !seen.insert(c).second)
            throw error(errc::invalid, "mcda: criterion names must be non-empty and distinct ('" + c + "')");
    if (t.scores.size() != t.options.size())
        throw error(errc::invalid, "mcda: " + std::to_string(t.scores.size()) + " rows of scores for " +
                                       std::to_string(t.options.size()) + " options");
    for (std::size_t i = 0; i < t.scores.size(); ++i)
        if (t.scores[i].size() != t.criteria.size())
            throw error(errc::invalid, "mcda: option " + std::to_string(i + 1) + " (" + t.options[i] +
                                           ") has " + std::to_string(t.scores[i].size()) +
                                           " scores, expected one per criterion (" +
                                           std::to_string(t.criteria.size()) + ")");
}

/// The scaled performance table (exact), per weighted_sum_options.
std::vector<std::vector<rational>> scaled(const mcda_table& t, const weighted_sum_options& opt) {
    const std::size_t m = t.criteria.size();
    if (!opt.lower_is_better.empty() && opt.lower_is_better.size() != m)
        throw error(errc::invalid, "mcda: lower_is_better has " + std::to_string(opt.lower_is_better.size()) +
                                       " entries for " + std::to_string(m) + " criteria");
    auto s = t.scores;
    for (std::size_t j = 0; j < m; ++j) {
        const bool lower = !opt.lower_is_better.empty() && opt.lower_is_better[j];
        if (opt.scaling == mcda_scaling::min_max) {
            rational lo = s[0][j], hi = s[0][j];
            for (const auto& row : s) {
                lo = std::min(lo, row[j]);
                hi = std::max(hi, row[j]);
            }
            const rational range = hi - lo;
            for (auto& row : s)
                row[j] = range == 0 ? rational(0) : (lower ? (hi - row[j]) / range : (row[j] - lo) / range);
        } else if (lower) {
            for (auto& row : s) row[j] = -row[j];
        }
    }
    return s;
}

/// Tiers of equal value, best (largest) first.
template <class T> std::vector<std::vector<cand_t>> tiers_by_value(const std::vector<T>& v) {
    std::vector<cand_t> order(v.size());
    std::iota(order.begin(), order.end(), cand_t{0});
    std::stable_sort(order.begin(), order.end(), [&](cand_t a, cand_t b) { return v[a] > v[b]; });
    std::vector<std::vector<cand_t>> tiers;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && v[order[k]] == v[order[k - 1]])
            tiers.back().push_back(order[k]);
        else
            tiers.push_back({order[k]});
    }
    return tiers;
}

void settle_winner(result& r, const tie_break_options& tb_opt) {
    const auto& top = r.ranking.front();
    if (top.size() == 1) {
        r.winners = {top.front()};
        return;
    }
    tie_breaker tb(tb_opt, r);
    if (auto w = tb.pick_winner(top, 0, "election"))
        r.winners = {*w};
    else
        r.complete = false;
}

void check_bounds(std::size_t m, const mcda_smaa_options& opt) {
    auto check = [&](const std::vector<double>& b, const char* what) {
        if (!b.empty() && b.size() != m)
            throw error(errc::invalid, std::string("mcda_smaa: ") + what + " has " +
                                           std::to_string(b.size()) + " entries for " + std::to_string(m) +
                                           " criteria");
        for (double x : b)
            if (!(x >= 0 && x <= 1))
                throw error(errc::invalid, std::string("mcda_smaa: ") + what + " bounds must lie in [0, 1]");
    };
    check(opt.lower, "lower");
    check(opt.upper, "upper");
    double lo = 0, hi = 0;
    for (std::size_t j = 0; j < m; ++j) {
        const double l = opt.lower.empty() ? 0 : opt.lower[j], u = opt.upper.empty() ? 1 : opt.upper[j];
        if (l > u)
            throw error(errc::invalid,
                        "mcda_smaa: lower bound above upper bound for criterion " + std::to_string(j + 1));
        lo += l;
        hi += u;
    }
    if (lo > 1 || hi < 1)
        throw error(errc::invalid, "mcda_smaa: no weights summing to 1 fit the bounds (lower bounds sum to " +
                                       std::to_string(lo) + ", upper bounds to " + std::to_string(hi) + ")");
    if (opt.distribution == weight_distribution::dirichlet) {
        if (opt.alpha.size() != m)
            throw error(errc::invalid, "mcda_smaa: Dirichlet needs one alpha per criterion (" +
                                           std::to_string(m) + "), got " + std::to_string(opt.alpha.size()));
        for (double a : opt.alpha)
            if (!(a > 0) || !std::isfinite(a))
                throw error(errc::invalid, "mcda_smaa: Dirichlet alphas must be > 0");
    }
}

} // namespace

void validate(const mcda_table& t, std::span<const rational> weights) {
    validate_shape(t);
    if (weights.size() != t.criteria.size())
        throw error(errc::invalid, "mcda: " + std::to_string(weights.size()) + " weights for " +
                                       std::to_string(t.criteria.size()) + " criteria");
    rational total = 0;
    for (std::size_t j = 0; j < weights.size(); ++j) {
        if (weights[j] < 0)
            throw error(errc::invalid, "mcda: weight of " + crit(t, j) + " is " + to_string(weights[j]) +
                                           "; weights must be >= 0");
        total += weights[j];
    }
    if (total == 0) throw error(errc::invalid, "mcda: all criteria weights are zero");
}

result weighted_sum(const mcda_table& t, std::span<const rational> weights, const weighted_sum_options& opt) {
    validate(t, weights);
    const auto s = scaled(t, opt);
    rational total = 0;
    for (const auto& w : weights) total += w;
    std::vector<rational> v(t.options.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        rational x = 0;
        for (std::size_t j = 0; j < weights.size(); ++j) x += weights[j] * s[i][j];
        v[i] = x / total;
    }
    result r;
    r.method = "weighted-sum";
    r.candidates = t.options;
    r.score_name = "weighted sum";
    for (const auto& x : v) r.scores.emplace_back(x);
    r.ranking = tiers_by_value(v);
    std::string w = "criteria weights (normalised):";
    for (std::size_t j = 0; j < weights.size(); ++j)
        w += (j ? ", " : " ") + t.criteria[j] + " " + to_string(weights[j] / total);
    r.notes.push_back(w);
    if (opt.scaling == mcda_scaling::min_max)
        r.notes.push_back("scores scaled per criterion to [0, 1] (min-max)");
    settle_winner(r, opt.tie_break);
    return r;
}

std::vector<double> sample_weights(random_source& rng, std::size_t m, const mcda_smaa_options& opt) {
    const std::vector<double> ones(m, 1.0);
    const std::span<const double> alpha = opt.distribution == weight_distribution::dirichlet
                                              ? std::span<const double>(opt.alpha)
                                              : std::span<const double>(ones);
    const bool bounded = !opt.lower.empty() || !opt.upper.empty();
    for (std::size_t draw = 0; draw < std::max<std::size_t>(1, opt.max_draws_per_sample); ++draw) {
        auto w = rng.dirichlet(alpha);
        if (!bounded) return w;
        bool inside = true;
        for (std::size_t j = 0; j < m && inside; ++j)
            inside =
                (opt.lower.empty() || w[j] >= opt.lower[j]) && (opt.upper.empty() || w[j] <= opt.upper[j]);
        if (inside) return w;
    }
    throw error(errc::invalid, "mcda_smaa: no weight vector inside the bounds after " +
                                   std::to_string(opt.max_draws_per_sample) +
                                   " draws; the bounds leave too little room for rejection sampling");
}

acceptability mcda_smaa(const mcda_table& t, const mcda_smaa_options& opt) {
    validate_shape(t);
    const std::size_t n = t.options.size(), m = t.criteria.size();
    check_bounds(m, opt);
    // Scale once, exactly; the per-sample sums are in double (analysis, not a count).
    const auto s = scaled(t, opt.scoring);
    std::vector<double> table(n * m);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j) table[i * m + j] = to_double(s[i][j]);

    auto f = [&](random_source& rng, std::size_t) -> sample_outcome {
        sample_outcome o;
        o.parameters = sample_weights(rng, m, opt);
        std::vector<double> v(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < m; ++j) v[i] += table[i * m + j] * o.parameters[j];
        result& r = o.count;
        r.method = "weighted-sum";
        r.candidates = t.options;
        r.ranking = tiers_by_value(v);
        settle_winner(r, opt.scoring.tie_break);
        return o;
    };
    return monte_carlo(n, f, opt.monte_carlo);
}

} // namespace v0
} // namespace accord
