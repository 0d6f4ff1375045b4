// Positional scoring rules: one engine given the points of each position.
//
// The count itself is the template of accord/rules/positional-inl.hpp (count_positional); this
// file adds an integer fast path for unweighted profiles, builds the result and breaks the tie
// for the winner, and compiles the instantiation positional.hpp declares extern.
#include "accord/detail/safety.hpp"
#include "accord/rules/positional.hpp"
#include "accord/rules/positional-inl.hpp"

#include "single_winner_adapters.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <span>

namespace accord {
inline namespace v0 {

template positional_outcome<rational> count_positional<rational, profile>(const profile&,
                                                                          const positional_count<rational>&);

namespace {

// points(position, m) for the m active candidates (positions 1-based).
using points_fn = std::function<rational(std::size_t, std::size_t)>;

struct scaled_scores {
    std::vector<std::int64_t> scaled; ///< score x denominator, exactly
    std::int64_t denominator = 1;
};

// Integer fast path (unweighted ballots, integer points): every share divides a sum of points by
// a tier size of at most m, so scores are integers over D = lcm(1..m). Tallying them in int64
// gives count_positional<rational>'s exact numbers without a GMP allocation per addition (which
// made a Borda count of 78 ballots cost ~250 us, ten times IRV's). Empty when the path does not
// apply or the tally could overflow.
std::optional<scaled_scores> integer_scores(const profile& p, const std::vector<char>& active,
                                            const std::vector<cand_t>& cands, truncation trunc,
                                            const points_fn& points) {
    const std::size_t m = cands.size();
    if (!p.integral() || m > 20) return std::nullopt; // lcm(1..20) = 232,792,560
    std::vector<std::int64_t> pre(trunc == truncation::modified ? 0 : m + 1, 0);
    std::int64_t max_abs = 0;
    rational sum = 0;
    for (std::size_t i = 1; i < pre.size(); ++i) {
        sum += points(i, m);
        if (boost::multiprecision::denominator(sum) != 1) return std::nullopt;
        const big_int v = boost::multiprecision::numerator(sum);
        if (abs(v) > big_int(INT32_MAX)) return std::nullopt;
        pre[i] = v.convert_to<std::int64_t>();
        max_abs = std::max<std::int64_t>(max_abs, pre[i] < 0 ? -pre[i] : pre[i]);
    }
    // Largest |points of a range|: two prefix sums, or Emerson's m + ... + 1.
    const std::int64_t max_range =
        trunc == truncation::modified ? static_cast<std::int64_t>(m * (m + 1) / 2) : 2 * max_abs;
    scaled_scores out;
    for (std::size_t t = 2; t <= m; ++t)
        out.denominator = std::lcm(out.denominator, static_cast<std::int64_t>(t));
    std::uint64_t voters = 0; // at most INT64_MAX, since the profile is integral
    for (std::size_t i = 0; i < p.unique_count(); ++i) voters += p.counts()[i];
    // Every partial sum is at most voters x max_range x D in size; keep well inside int64.
    if (static_cast<double>(voters) * static_cast<double>(max_range) * static_cast<double>(out.denominator) >
        0x1p62)
        return std::nullopt;
    auto range = [&](std::size_t s, std::size_t e, std::size_t k) -> std::int64_t {
        if (e < s) return 0;
        if (trunc != truncation::modified) return pre[e] - pre[s - 1];
        const auto len = static_cast<std::int64_t>(e - s + 1); // sum of k - i + 1 for i = s..e
        return len * static_cast<std::int64_t>(k + 1) - static_cast<std::int64_t>(s + e) * len / 2;
    };
    out.scaled.assign(p.candidate_count(), 0);
    const auto counts = p.counts();
    detail::for_each_share(
        p, active, cands, trunc,
        [&](std::size_t i, std::span<const cand_t> tier, std::size_t s, std::size_t e, std::size_t k) {
            const std::int64_t add = static_cast<std::int64_t>(counts[i]) * range(s, e, k) *
                                     (out.denominator / static_cast<std::int64_t>(tier.size()));
            for (cand_t c : tier) out.scaled[c] += add;
        });
    return out;
}

result score_positions(const profile& p, const positional_common& opt, truncation trunc,
                       const points_fn& points, const char* method, const std::string& score_name) {
    const positional_count<rational> how{
        .points = points, .truncated = trunc, .excluded = opt.excluded, .method = method};
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    // The fast path's checks are count_positional's, in its order (it checks again).
    ballot_values<profile>::check<rational>(p, method);
    const std::vector<char> active = detail::starting_candidates(p, opt.excluded, method);
    std::vector<cand_t> cands;
    for (cand_t c = 0; c < active.size(); ++c)
        if (active[c]) cands.push_back(c);
    if (auto fast = integer_scores(p, active, cands, trunc, points)) {
        // The same exact numbers as count_positional<rational>: integers over the common
        // denominator D.
        r.ranking = tiers_by_score(cands, fast->scaled);
        r.scores.assign(p.candidate_count(), std::nullopt);
        for (cand_t c : cands) r.scores[c] = rational(fast->scaled[c]) / fast->denominator;
    } else {
        positional_outcome<rational> o = count_positional<rational>(p, how);
        r.ranking = std::move(o.ranking);
        r.scores = std::move(o.scores);
    }
    r.score_name = score_name;
    tie_breaker tb(opt.tie_break, r);
    if (auto w = tb.pick_winner(r.ranking.front(), 0, "election")) r.winners = {*w};
    return r;
}

truncation default_truncation(const positional_common& c) {
    return c.unranked == unranked_rule::last ? truncation::average : truncation::zero;
}

const char* truncation_name(truncation t) {
    switch (t) {
    case truncation::average:
        return "unranked share the remaining points";
    case truncation::zero:
        return "unranked score 0";
    case truncation::modified:
        return "modified (Emerson): k ranked score k..1";
    }
    return "";
}

} // namespace

result borda(const profile& p, const borda_options& opt) {
    const truncation t = opt.truncated.value_or(default_truncation(opt.common));
    const rational base = opt.base;
    return score_positions(
        p, opt.common, t,
        [base](std::size_t i, std::size_t m) { return rational(static_cast<std::int64_t>(m - i)) + base; },
        "borda",
        std::string("Borda points (") + truncation_name(t) +
            (t == truncation::modified ? "" : ", last place scores " + to_string(base)) + ")");
}

result dowdall(const profile& p, const positional_common& opt) {
    return score_positions(
        p, opt, default_truncation(opt),
        [](std::size_t i, std::size_t) { return rational(1, static_cast<std::int64_t>(i)); }, "dowdall",
        std::string("Dowdall points 1/position (") + truncation_name(default_truncation(opt)) + ")");
}

result anti_plurality(const profile& p, const positional_common& opt) {
    return score_positions(
        p, opt, default_truncation(opt), [](std::size_t i, std::size_t m) { return rational(i < m ? 1 : 0); },
        "anti-plurality",
        std::string("anti-plurality points (") + truncation_name(default_truncation(opt)) + ")");
}

result positional(const profile& p, const positional_options& opt) {
    if (opt.points.empty())
        throw error(errc::invalid, "positional: option 'points' must list at least one number");
    for (std::size_t i = 0; i < opt.points.size(); ++i) {
        if (opt.points[i] < 0) throw error(errc::invalid, "positional: option 'points' must be non-negative");
        if (i && opt.points[i] > opt.points[i - 1])
            throw error(errc::invalid, "positional: option 'points' must not increase (position " +
                                           std::to_string(i + 1) + " scores more than position " +
                                           std::to_string(i) + ")");
    }
    const auto pts = opt.points;
    std::string name = "points";
    for (std::size_t i = 0; i < pts.size() && i < 12; ++i) {
        name += i ? ',' : ' '; // appended apart: GCC 12 misreads "x" + string&& (a false -Wrestrict)
        name += to_string(pts[i]);
    }
    if (pts.size() > 12) name += ",...";
    return score_positions(
        p, opt.common, default_truncation(opt.common),
        [pts](std::size_t i, std::size_t) { return i <= pts.size() ? pts[i - 1] : rational(0); },
        "positional", name + " (" + truncation_name(default_truncation(opt.common)) + ")");
}

namespace detail {
namespace {
positional_common read_positional_common(option_reader& o) {
    positional_common c;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(c.unranked)))
        c.unranked = parse_unranked(*v, o.method());
    c.excluded = o.candidates("excluded");
    c.tie_break = o.tie_break(c.tie_break);
    return c;
}
} // namespace

result run_borda(const profile& p, option_reader& o) {
    borda_options opt;
    if (auto v = o.choice("truncation", {"average", "zero", "modified"})) {
        if (*v == "average")
            opt.truncated = truncation::average;
        else if (*v == "zero")
            opt.truncated = truncation::zero;
        else if (*v == "modified")
            opt.truncated = truncation::modified;
        else
            throw error(errc::invalid,
                        "borda: option 'truncation' must be \"average\", \"zero\" or \"modified\", got '" +
                            *v + "'");
    }
    opt.base = read_rational_option(o, "base", opt.base);
    opt.common = read_positional_common(o);
    o.finish();
    return borda(p, opt);
}

result run_dowdall(const profile& p, option_reader& o) {
    auto c = read_positional_common(o);
    o.finish();
    return dowdall(p, c);
}

result run_anti_plurality(const profile& p, option_reader& o) {
    auto c = read_positional_common(o);
    o.finish();
    return anti_plurality(p, c);
}

result run_positional(const profile& p, option_reader& o) {
    positional_options opt;
    // A list of integers or exact numbers as strings ("2.5", "5/2").
    o.describe("points", "list of exact numbers", {}, true);
    if (auto j = o.get<nlohmann::json>("points")) {
        if (!j->is_array())
            throw error(errc::invalid, "positional: option 'points' must be a list of numbers, got " +
                                           detail::json_excerpt(*j));
        for (const auto& v : *j) {
            if (v.is_number_integer())
                opt.points.push_back(rational(v.get<std::int64_t>()));
            else if (v.is_string()) {
                try {
                    opt.points.push_back(parse_rational(v.get<std::string>()));
                } catch (const error& e) {
                    throw error(errc::invalid, "positional: option 'points': " + e.detail());
                }
            } else
                throw error(errc::invalid, "positional: option 'points' holds " + detail::json_excerpt(v) +
                                               "; give integers or exact numbers as strings (\"2.5\")");
        }
    }
    opt.common = read_positional_common(o);
    o.finish();
    return positional(p, opt);
}

} // namespace detail
} // namespace v0
} // namespace accord
