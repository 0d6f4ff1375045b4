// Positional scoring rules: one engine given the points of each position.
#include "accord/rules/positional.hpp"

#include "single_winner_adapters.hpp"

#include <algorithm>
#include <functional>

namespace accord {
inline namespace v0 {
namespace {

// points(position, m, k) for a ballot ranking k of the m active candidates (positions 1-based).
using points_fn = std::function<rational(std::size_t, std::size_t, std::size_t)>;

result score_positions(const profile& p, const positional_common& opt, truncation trunc,
                       const points_fn& points, const char* method, const std::string& score_name) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, std::string(method) + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    const std::size_t n = p.candidate_count();
    std::vector<char> active(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) active[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n) throw error(errc::invalid, std::string(method) + ": excluded candidate index out of range");
        active[c] = 0;
    }
    std::vector<cand_t> cands;
    for (cand_t c = 0; c < n; ++c)
        if (active[c]) cands.push_back(c);
    if (cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    const std::size_t m = cands.size();

    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    std::vector<rational> score(n, rational(0));
    // The points of positions s..e (inclusive) of a ballot ranking k candidates. Without
    // truncation::modified the points do not depend on k, so prefix sums serve every ballot.
    std::vector<rational> prefix;
    if (trunc != truncation::modified) {
        prefix.assign(m + 1, rational(0));
        for (std::size_t i = 1; i <= m; ++i) prefix[i] = prefix[i - 1] + points(i, m, m);
    }
    auto range_sum = [&](std::size_t s, std::size_t e, std::size_t k) -> rational {
        if (e < s) return rational(0);
        if (trunc != truncation::modified) return prefix[e] - prefix[s - 1];
        // Emerson: position i of k ranked scores k - i + 1.
        rational sum = 0;
        for (std::size_t i = s; i <= e; ++i) sum += rational(static_cast<std::int64_t>(k - i + 1));
        return sum;
    };
    std::vector<char> ranked(n);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        rational w(b.count);
        if (b.weight) w *= *b.weight;
        auto tiers = tiers_of(p, b);
        for (auto& t : tiers) std::erase_if(t, [&](cand_t c) { return !active[c]; });
        std::erase_if(tiers, [](const auto& t) { return t.empty(); });
        std::size_t k = 0;
        for (const auto& t : tiers) k += t.size();
        std::fill(ranked.begin(), ranked.end(), 0);
        std::size_t pos = 1;
        for (const auto& t : tiers) {
            // Equal rankings share the points of the positions they span.
            const rational share = range_sum(pos, pos + t.size() - 1, k) / static_cast<std::int64_t>(t.size());
            for (cand_t c : t) {
                score[c] += w * share;
                ranked[c] = 1;
            }
            pos += t.size();
        }
        if (trunc == truncation::average && k < m) {
            const rational share = range_sum(k + 1, m, k) / static_cast<std::int64_t>(m - k);
            if (share != 0)
                for (cand_t c : cands)
                    if (!ranked[c]) score[c] += w * share;
        }
    }
    r.scores.assign(n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = score[c];
    r.score_name = score_name;
    r.ranking = tiers_by_score(cands, score);
    tie_breaker tb(opt.tie_break, r);
    if (auto w = tb.pick_winner(r.ranking.front(), 0, "election")) r.winners = {*w};
    return r;
}

truncation default_truncation(const positional_common& c) {
    return c.unranked == unranked_rule::last ? truncation::average : truncation::zero;
}

const char* truncation_name(truncation t) {
    switch (t) {
    case truncation::average: return "unranked share the remaining points";
    case truncation::zero: return "unranked score 0";
    case truncation::modified: return "modified (Emerson): k ranked score k..1";
    }
    return "";
}

} // namespace

result borda(const profile& p, const borda_options& opt) {
    const truncation t = opt.truncated.value_or(default_truncation(opt.common));
    const rational base = opt.base;
    return score_positions(
        p, opt.common, t,
        [base](std::size_t i, std::size_t m, std::size_t) { return rational(static_cast<std::int64_t>(m - i)) + base; },
        "borda", std::string("Borda points (") + truncation_name(t) + (t == truncation::modified ? "" : ", last place scores " + to_string(base)) + ")");
}

result dowdall(const profile& p, const positional_common& opt) {
    return score_positions(
        p, opt, default_truncation(opt),
        [](std::size_t i, std::size_t, std::size_t) { return rational(1, static_cast<std::int64_t>(i)); },
        "dowdall", std::string("Dowdall points 1/position (") + truncation_name(default_truncation(opt)) + ")");
}

result anti_plurality(const profile& p, const positional_common& opt) {
    return score_positions(
        p, opt, default_truncation(opt),
        [](std::size_t i, std::size_t m, std::size_t) { return rational(i < m ? 1 : 0); },
        "anti-plurality", std::string("anti-plurality points (") + truncation_name(default_truncation(opt)) + ")");
}

result positional(const profile& p, const positional_options& opt) {
    if (opt.points.empty()) throw error(errc::invalid, "positional: option 'points' must list at least one number");
    for (std::size_t i = 0; i < opt.points.size(); ++i) {
        if (opt.points[i] < 0) throw error(errc::invalid, "positional: option 'points' must be non-negative");
        if (i && opt.points[i] > opt.points[i - 1])
            throw error(errc::invalid, "positional: option 'points' must not increase (position " +
                                           std::to_string(i + 1) + " scores more than position " + std::to_string(i) + ")");
    }
    const auto pts = opt.points;
    std::string name = "points";
    for (std::size_t i = 0; i < pts.size() && i < 12; ++i) name += (i ? "," : " ") + to_string(pts[i]);
    if (pts.size() > 12) name += ",...";
    return score_positions(
        p, opt.common, default_truncation(opt.common),
        [pts](std::size_t i, std::size_t, std::size_t) { return i <= pts.size() ? pts[i - 1] : rational(0); },
        "positional", name + " (" + truncation_name(default_truncation(opt.common)) + ")");
}

namespace detail {
namespace {
positional_common read_positional_common(option_reader& o) {
    positional_common c;
    if (auto v = o.get<std::string>("unranked")) c.unranked = parse_unranked(*v, o.method());
    c.excluded = o.candidates("excluded");
    c.tie_break = o.tie_break(c.tie_break);
    return c;
}
} // namespace

result run_borda(const profile& p, option_reader& o) {
    borda_options opt;
    if (auto v = o.get<std::string>("truncation")) {
        if (*v == "average") opt.truncated = truncation::average;
        else if (*v == "zero") opt.truncated = truncation::zero;
        else if (*v == "modified") opt.truncated = truncation::modified;
        else
            throw error(errc::invalid, "borda: option 'truncation' must be \"average\", \"zero\" or \"modified\", got '" + *v + "'");
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
    if (auto j = o.get<nlohmann::json>("points")) {
        if (!j->is_array())
            throw error(errc::invalid, "positional: option 'points' must be a list of numbers, got " + j->dump());
        for (const auto& v : *j) {
            if (v.is_number_integer()) opt.points.push_back(rational(v.get<std::int64_t>()));
            else if (v.is_string()) {
                try {
                    opt.points.push_back(parse_rational(v.get<std::string>()));
                } catch (const error& e) {
                    throw error(errc::invalid, "positional: option 'points': " + e.detail());
                }
            } else
                throw error(errc::invalid, "positional: option 'points' holds " + v.dump() +
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
