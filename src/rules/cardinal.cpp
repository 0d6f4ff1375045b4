// Cardinal rules: approval, score, STAR, majority judgment, cumulative.
#include "accord/rules/cardinal.hpp"

#include "accord/rules/pairwise.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {
namespace {

std::vector<char> active_of(const profile& p, const cardinal_common& opt, const char* method,
                            ballot_kind need, std::vector<cand_t>& cands) {
    if (p.kind() != need)
        throw error(errc::unsupported, std::string(method) + " needs " + ballot_kind_name(need) +
                                           " ballots, the profile holds " + ballot_kind_name(p.kind()) +
                                           " ballots");
    const std::size_t n = p.candidate_count();
    std::vector<char> active(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) active[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n)
            throw error(errc::invalid, std::string(method) + ": excluded candidate index out of range");
        active[c] = 0;
    }
    cands.clear();
    for (cand_t c = 0; c < n; ++c)
        if (active[c]) cands.push_back(c);
    if (cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    return active;
}

rational weight_of(const ballot_view& b) {
    rational w(b.count);
    if (b.weight) w *= *b.weight;
    return w;
}

result by_scores(const profile& p, const char* method, const std::vector<cand_t>& cands,
                 const std::vector<rational>& s, const std::string& name, const tie_break_options& tbo) {
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) r.scores[c] = s[c];
    r.score_name = name;
    r.ranking = tiers_by_score(cands, s);
    tie_breaker tb(tbo, r);
    if (auto w = tb.pick_winner(r.ranking.front(), 0, "election")) r.winners = {*w};
    return r;
}

std::vector<rational> totals(const profile& p, const std::vector<char>& active) {
    std::vector<rational> s(p.candidate_count(), rational(0));
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const rational w = weight_of(b);
        for (const auto& m : b.marks)
            if (active[m.candidate]) s[m.candidate] += w * m.value;
    }
    return s;
}

} // namespace

result approval(const profile& p, const cardinal_common& opt) {
    std::vector<cand_t> cands;
    auto active = active_of(p, opt, "approval", ballot_kind::approval, cands);
    return by_scores(p, "approval", cands, totals(p, active), "approvals", opt.tie_break);
}

result score(const profile& p, const score_options& opt) {
    std::vector<cand_t> cands;
    auto active = active_of(p, opt.common, "score", ballot_kind::score, cands);
    auto s = totals(p, active);
    if (opt.mean) {
        std::vector<rational> scorers(p.candidate_count(), rational(0));
        for (std::size_t i = 0; i < p.unique_count(); ++i) {
            const auto b = p.ballot(i);
            for (const auto& m : b.marks)
                if (active[m.candidate]) scorers[m.candidate] += weight_of(b);
        }
        for (cand_t c : cands) s[c] = scorers[c] == 0 ? rational(0) : s[c] / scorers[c];
    }
    return by_scores(p, "score", cands, s, opt.mean ? "mean score (over voters who scored)" : "total score",
                     opt.common.tie_break);
}

result star(const profile& p, const cardinal_common& opt) {
    std::vector<cand_t> cands;
    auto active = active_of(p, opt, "star", ballot_kind::score, cands);
    const auto s = totals(p, active);
    result r;
    r.method = "star";
    r.candidates = p.candidate_names();
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) r.scores[c] = s[c];
    r.score_name = "total score";
    tie_breaker tb(opt.tie_break, r);
    round_record scoring;
    scoring.tallies = r.scores;
    scoring.note = "scoring round: the two highest totals advance";
    auto order = tiers_by_score(cands, s);
    if (cands.size() == 1) {
        r.winners = cands;
        r.ranking = order;
        scoring.elected = cands;
        r.rounds.push_back(scoring);
        return r;
    }
    std::vector<cand_t> finalists;
    for (const auto& tier : order) {
        std::vector<cand_t> pool = tier;
        while (finalists.size() < 2 && !pool.empty()) {
            if (pool.size() <= 2 - finalists.size()) {
                finalists.insert(finalists.end(), pool.begin(), pool.end());
                pool.clear();
            } else if (auto w = tb.pick_winner(pool, 1, "star: choosing the two finalists")) {
                finalists.push_back(*w);
                std::erase(pool, *w);
            } else {
                r.ranking = order;
                r.rounds.push_back(scoring);
                r.notes.push_back("count stopped: tie for a place in the runoff left unresolved");
                return r;
            }
        }
        if (finalists.size() == 2) break;
    }
    const cand_t a = finalists[0], b = finalists[1];
    rational pa = 0, pb = 0, none = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto bv = p.ballot(i);
        std::int64_t sa = 0, sb = 0;
        for (const auto& m : bv.marks) {
            if (m.candidate == a) sa = m.value;
            if (m.candidate == b) sb = m.value;
        }
        const rational w = weight_of(bv);
        if (sa > sb)
            pa += w;
        else if (sb > sa)
            pb += w;
        else
            none += w;
    }
    for (cand_t c : cands)
        if (c != a && c != b) scoring.eliminated.push_back(c);
    r.rounds.push_back(scoring);
    round_record run;
    run.tallies.assign(p.candidate_count(), std::nullopt);
    run.tallies[a] = pa;
    run.tallies[b] = pb;
    run.inactive.exhausted_choices = none;
    run.note = "automatic runoff: voters who scored one finalist higher; equal scores abstain";
    std::optional<cand_t> w;
    if (pa != pb)
        w = pa > pb ? a : b;
    else if (s[a] != s[b]) {
        w = s[a] > s[b] ? a : b;
        r.notes.push_back("runoff tied; the finalist with the higher total score wins");
    } else
        w = tb.pick_winner(finalists, 2, "election", r.rounds);
    if (w) {
        r.winners = {*w};
        run.elected = r.winners;
        const cand_t other = *w == a ? b : a;
        r.ranking = {{*w}, {other}};
    } else
        r.ranking = {{a, b}};
    r.rounds.push_back(run);
    std::vector<cand_t> rest;
    for (cand_t c : cands)
        if (c != a && c != b) rest.push_back(c);
    for (auto& t : tiers_by_score(rest, s)) r.ranking.push_back(t);
    return r;
}

result majority_judgment(const profile& p, const majority_judgment_options& opt) {
    std::vector<cand_t> cands;
    auto active = active_of(p, opt.common, "majority-judgment", ballot_kind::score, cands);
    const std::size_t n = p.candidate_count();
    // Grade distribution per candidate (grade -> weight); ungraded candidates get opt.ungraded.
    std::vector<std::map<std::int32_t, rational>> dist(n);
    rational total = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const rational w = weight_of(b);
        total += w;
        std::vector<char> graded(n, 0);
        for (const auto& m : b.marks)
            if (active[m.candidate]) {
                dist[m.candidate][m.value] += w;
                graded[m.candidate] = 1;
            }
        for (cand_t c : cands)
            if (!graded[c]) dist[c][opt.ungraded] += w;
    }
    // Majority grade: the lower median, the highest grade g with weight(>= g) > total / 2.
    // Majority gauge (Balinski & Laraki 2011, ch. 13): p = share above the majority grade,
    // q = share below; "+" when p > q (ranked by larger p), else "-" (ranked by smaller q).
    struct gauge {
        std::int32_t grade;
        bool plus;
        rational p, q;
    };
    std::vector<gauge> g(n);
    for (cand_t c : cands) {
        rational above = 0;
        std::int32_t grade = dist[c].rbegin()->first;
        for (auto it = dist[c].rbegin(); it != dist[c].rend(); ++it) {
            above += it->second;
            if (2 * above > total) {
                grade = it->first;
                break;
            }
        }
        rational pp = 0, qq = 0;
        for (const auto& [gr, w] : dist[c]) {
            if (gr > grade) pp += w;
            if (gr < grade) qq += w;
        }
        g[c] = {grade, pp > qq, pp / total, qq / total};
    }
    auto better = [&](cand_t a, cand_t b) {
        if (g[a].grade != g[b].grade) return g[a].grade > g[b].grade;
        if (g[a].plus != g[b].plus) return g[a].plus;
        return g[a].plus ? g[a].p > g[b].p : g[a].q < g[b].q;
    };
    result r;
    r.method = "majority-judgment";
    r.candidates = p.candidate_names();
    r.scores.assign(n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = rational(g[c].grade);
    r.score_name = "majority grade (lower median)";
    r.ranking = layer_by(cands, better);
    for (cand_t c : cands)
        r.notes.push_back(p.candidate_name(c) + ": majority grade " + std::to_string(g[c].grade) +
                          ", gauge " + (g[c].plus ? "+" + to_string(g[c].p) : "-" + to_string(g[c].q)));
    tie_breaker tb(opt.common.tie_break, r);
    if (auto w = tb.pick_winner(r.ranking.front(), 0, "election")) r.winners = {*w};
    return r;
}

result cumulative(const profile& p, const cumulative_options& opt) {
    std::vector<cand_t> cands;
    auto active = active_of(p, opt.common, "cumulative", ballot_kind::score, cands);
    std::vector<rational> s(p.candidate_count(), rational(0));
    rational skipped = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        std::int64_t sum = 0;
        for (const auto& m : b.marks) {
            if (m.value < 0)
                throw error(errc::invalid, "cumulative: distinct ballot " + std::to_string(i + 1) +
                                               " gives " + std::to_string(m.value) + " points to '" +
                                               p.candidate_name(m.candidate) + "'; points must be >= 0");
            sum += m.value;
        }
        if (opt.budget && sum > *opt.budget) {
            if (!opt.skip_over_budget)
                throw error(errc::invalid, "cumulative: distinct ballot " + std::to_string(i + 1) +
                                               " distributes " + std::to_string(sum) +
                                               " points, more than the budget of " +
                                               std::to_string(*opt.budget) +
                                               " (option 'over_budget': \"skip\" to leave such ballots out)");
            skipped += weight_of(b);
            continue;
        }
        const rational w = weight_of(b);
        for (const auto& m : b.marks)
            if (active[m.candidate]) s[m.candidate] += w * m.value;
    }
    auto r = by_scores(p, "cumulative", cands, s, "points", opt.common.tie_break);
    if (skipped != 0) r.notes.push_back("ballots over the budget, not counted: " + to_string(skipped));
    return r;
}

namespace detail {
namespace {
cardinal_common read_cardinal(option_reader& o) {
    cardinal_common c;
    c.excluded = o.candidates("excluded");
    c.tie_break = o.tie_break(c.tie_break);
    return c;
}
} // namespace

result run_approval(const profile& p, option_reader& o) {
    auto c = read_cardinal(o);
    o.finish();
    return approval(p, c);
}
result run_score(const profile& p, option_reader& o) {
    score_options opt;
    if (auto v = o.choice("aggregate", {"sum", "mean"}, opt.mean ? "mean" : "sum")) {
        if (*v == "mean")
            opt.mean = true;
        else if (*v != "sum")
            throw error(errc::invalid,
                        "score: option 'aggregate' must be \"sum\" or \"mean\", got '" + *v + "'");
    }
    opt.common = read_cardinal(o);
    o.finish();
    return score(p, opt);
}
result run_star(const profile& p, option_reader& o) {
    auto c = read_cardinal(o);
    o.finish();
    return star(p, c);
}
result run_majority_judgment(const profile& p, option_reader& o) {
    majority_judgment_options opt;
    if (auto v = o.get<std::int64_t>("ungraded", opt.ungraded)) opt.ungraded = static_cast<std::int32_t>(*v);
    opt.common = read_cardinal(o);
    o.finish();
    return majority_judgment(p, opt);
}
result run_cumulative(const profile& p, option_reader& o) {
    cumulative_options opt;
    if (auto v = o.get<std::int64_t>("budget")) {
        if (*v < 0) throw error(errc::invalid, "cumulative: option 'budget' must be >= 0");
        opt.budget = *v;
    }
    if (auto v = o.choice("over_budget", {"error", "skip"}, opt.skip_over_budget ? "skip" : "error")) {
        if (*v == "skip")
            opt.skip_over_budget = true;
        else if (*v != "error")
            throw error(errc::invalid,
                        "cumulative: option 'over_budget' must be \"error\" or \"skip\", got '" + *v + "'");
    }
    opt.common = read_cardinal(o);
    o.finish();
    return cumulative(p, opt);
}
} // namespace detail

} // namespace v0
} // namespace accord
