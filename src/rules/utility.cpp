// Dis&approval, relative utilitarian, maximin, lexicographic maximin and Nash (utility.hpp).
// Definitions follow pref_voting 1.18.1 (grade_methods.py: dis_and_approval; utility_methods.py:
// relative_utilitarian, maximin, lexicographic_maximin, nash), ported, not copied; differences
// are stated in docs/methods/<rule>.md.
#include "accord/rules/utility.hpp"

#include "accord/rules/pairwise.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {
namespace {
using ranked_detail::active_candidates;
using ranked_detail::members;
using ranked_detail::start_result;

constexpr std::uint64_t k_max_nash_voters = 1'000'000;

struct scored_ballot {
    std::vector<std::optional<std::int32_t>> score; // per candidate; nullopt = unscored
    std::uint64_t count;
    rational w; // count x weight
    std::size_t index;
};

std::vector<scored_ballot> score_ballots(const profile& p, const std::vector<char>& active,
                                         const std::string& method) {
    if (p.kind() != ballot_kind::score)
        throw error(errc::unsupported, method + " needs score ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    std::vector<scored_ballot> out;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        scored_ballot s;
        s.score.assign(p.candidate_count(), std::nullopt);
        for (const auto& m : b.marks)
            if (m.candidate < active.size() && !p.withdrawn(m.candidate) && !s.score[m.candidate])
                s.score[m.candidate] = m.value;
        s.count = b.count;
        s.w = rational(b.count);
        if (b.weight) s.w *= *b.weight;
        s.index = i;
        out.push_back(std::move(s));
    }
    return out;
}

// Every active candidate's score on every ballot, `unscored` filling the gaps, or a refusal
// naming the first ballot and candidate left unscored.
void complete(std::vector<scored_ballot>& bs, const profile& p, const std::vector<cand_t>& cands,
              const std::optional<std::int32_t>& unscored, const std::string& method) {
    for (auto& b : bs)
        for (cand_t c : cands)
            if (!b.score[c]) {
                if (!unscored)
                    throw error(errc::invalid, method + ": ballot " + std::to_string(b.index + 1) +
                                                   " does not score " + p.candidate_name(c) + "; " + method +
                                                   " compares every voter's score (give 'unscored' a value "
                                                   "to count an unscored candidate at it)");
                b.score[c] = *unscored;
            }
}

// Winners: the first tier of `ranking`, one of them chosen by the tie-breaker (recorded).
void elect(result& r, tie_breaker& tb) {
    const auto& top = r.ranking.front();
    if (top.size() == 1)
        r.winners = top;
    else if (auto w = tb.pick_winner(top, 0, "election"))
        r.winners = {*w};
}

result by_scores(const profile& p, const char* method, const std::vector<cand_t>& cands,
                 const std::vector<rational>& s, std::string name, const tie_break_options& tbo) {
    result r = start_result(p, method);
    tie_breaker tb(tbo, r);
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) r.scores[c] = s[c];
    r.score_name = std::move(name);
    r.ranking = tiers_by_score(cands, s);
    elect(r, tb);
    return r;
}

} // namespace

result dis_and_approval(const profile& p, const utility_options& opt) {
    const std::string method = "dis-and-approval";
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    auto bs = score_ballots(p, active, method);
    std::vector<rational> total(p.candidate_count(), rational(0));
    for (const auto& b : bs)
        for (cand_t c : cands)
            if (b.score[c]) {
                const std::int32_t v = *b.score[c];
                if (v < -1 || v > 1)
                    throw error(errc::invalid, method + ": ballot " + std::to_string(b.index + 1) +
                                                   " gives " + p.candidate_name(c) + " " + std::to_string(v) +
                                                   "; dis&approval ballots score -1, 0 or 1");
                total[c] += b.w * v;
            }
    return by_scores(p, "dis-and-approval", cands, total, "approvals minus disapprovals", opt.tie_break);
}

result relative_utilitarian(const profile& p, const utility_options& opt) {
    const std::string method = "relative-utilitarian";
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    auto bs = score_ballots(p, active, method);
    std::vector<rational> total(p.candidate_count(), rational(0));
    for (const auto& b : bs) {
        // Kaplan's normalisation over every candidate the ballot scores (pref_voting normalises
        // over the whole domain before restricting to the candidates counted).
        std::optional<std::int32_t> lo, hi;
        for (const auto& v : b.score)
            if (v) {
                lo = lo ? std::min(*lo, *v) : *v;
                hi = hi ? std::max(*hi, *v) : *v;
            }
        if (!lo || *lo == *hi) continue; // no preference: 0 to everyone
        const rational range = rational(*hi) - *lo;
        for (cand_t c : cands)
            if (b.score[c]) total[c] += b.w * (rational(*b.score[c]) - *lo) / range;
    }
    return by_scores(p, "relative-utilitarian", cands, total, "sum of range-normalised scores",
                     opt.tie_break);
}

result maximin_utility(const profile& p, const utility_options& opt) {
    const std::string method = "maximin-utility";
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    auto bs = score_ballots(p, active, method);
    complete(bs, p, cands, opt.unscored, method);
    if (bs.empty()) throw error(errc::invalid, method + ": no ballots");
    std::vector<rational> low(p.candidate_count(), rational(0));
    for (cand_t c : cands) {
        std::int32_t m = *bs.front().score[c];
        for (const auto& b : bs) m = std::min(m, *b.score[c]);
        low[c] = m;
    }
    return by_scores(p, "maximin-utility", cands, low, "lowest score over the ballots", opt.tie_break);
}

result lex_maximin(const profile& p, const utility_options& opt) {
    const std::string method = "lex-maximin";
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    auto bs = score_ballots(p, active, method);
    complete(bs, p, cands, opt.unscored, method);
    if (bs.empty()) throw error(errc::invalid, method + ": no ballots");
    // Each candidate's scores as a distribution (score -> weight of the voters giving it). The
    // leximin order compares the sorted score vectors lexicographically; with weights that is:
    // at the lowest score where the weights at or below it differ, the candidate with less
    // weight there is better.
    std::vector<std::map<std::int32_t, rational>> dist(p.candidate_count());
    for (const auto& b : bs)
        for (cand_t c : cands) dist[c][*b.score[c]] += b.w;
    auto better = [&](cand_t a, cand_t b) { // a strictly better than b
        std::map<std::int32_t, std::pair<rational, rational>> both;
        for (const auto& [v, w] : dist[a]) both[v].first += w;
        for (const auto& [v, w] : dist[b]) both[v].second += w;
        rational ca = 0, cb = 0;
        for (const auto& [v, ws] : both) {
            ca += ws.first;
            cb += ws.second;
            if (ca != cb) return ca < cb;
        }
        return false;
    };
    result r = start_result(p, "lex-maximin");
    tie_breaker tb(opt.tie_break, r);
    r.ranking = layer_by(cands, [&](cand_t a, cand_t b) { return better(a, b); });
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) r.scores[c] = rational(dist[c].begin()->first);
    r.score_name = "lowest score over the ballots (ties ordered by the next lowest, and so on)";
    elect(r, tb);
    return r;
}

result nash(const profile& p, const nash_options& opt) {
    const std::string method = "nash";
    const auto active = active_candidates(p, opt.common.excluded, method);
    const auto cands = members(active);
    auto bs = score_ballots(p, active, method);
    complete(bs, p, cands, opt.common.unscored, method);
    std::uint64_t voters = 0;
    for (const auto& b : bs) {
        if (p.ballot(b.index).weight && *p.ballot(b.index).weight != 1)
            throw error(errc::unsupported,
                        method + ": ballot " + std::to_string(b.index + 1) +
                            " is weighted; the Nash product multiplies one score per voter");
        voters += b.count;
        if (voters > k_max_nash_voters)
            throw error(errc::unsupported, method + ": more than " + std::to_string(k_max_nash_voters) +
                                               " voters; the exact product grows with every voter");
    }
    if (voters == 0) throw error(errc::invalid, method + ": no voters");
    if (opt.status_quo && !active[*opt.status_quo])
        throw error(errc::invalid, method + ": the status quo " + p.candidate_name(*opt.status_quo) +
                                       " does not take part in the count");
    result r = start_result(p, "nash");
    tie_breaker tb(opt.common.tie_break, r);
    r.scores.assign(p.candidate_count(), std::nullopt);
    std::vector<cand_t> ranked, unranked;
    std::vector<big_int> product(p.candidate_count(), big_int(0));
    for (cand_t c : cands) {
        big_int prod = 1;
        bool eligible = true;
        for (const auto& b : bs) {
            std::int64_t v = *b.score[c];
            if (opt.status_quo) {
                v -= *b.score[*opt.status_quo];
                if (c != *opt.status_quo && v <= 0) eligible = false;
            } else if (v < 0)
                throw error(errc::invalid, method + ": ballot " + std::to_string(b.index + 1) + " gives " +
                                               p.candidate_name(c) + " " + std::to_string(v) +
                                               "; the Nash product needs scores >= 0 (or a 'status_quo')");
            big_int f = v;
            prod *= boost::multiprecision::pow(f, static_cast<unsigned>(b.count));
        }
        if (!eligible) {
            unranked.push_back(c);
            continue;
        }
        product[c] = prod;
        r.scores[c] = rational(prod);
        ranked.push_back(c);
    }
    r.score_name =
        opt.status_quo ? "product of the voters' gains over the status quo" : "product of the scores";
    std::vector<rational> q(p.candidate_count(), rational(0));
    for (cand_t c : ranked) q[c] = rational(product[c]);
    r.ranking = tiers_by_score(ranked, q);
    if (!unranked.empty()) {
        r.ranking.push_back(unranked);
        r.notes.push_back(
            "candidates some voter does not score above the status quo are not ranked by the Nash "
            "product; they are the last tier, without a score");
    }
    elect(r, tb);
    return r;
}

namespace detail {
namespace {
utility_options read_utility(option_reader& o, bool unscored) {
    utility_options u;
    if (unscored)
        if (auto v = o.get<std::int64_t>("unscored", u.unscored)) {
            if (*v < INT32_MIN || *v > INT32_MAX)
                throw error(errc::invalid, o.method() + ": option 'unscored' is out of range");
            u.unscored = static_cast<std::int32_t>(*v);
        }
    u.excluded = o.candidates("excluded");
    u.tie_break = o.tie_break(u.tie_break);
    return u;
}
} // namespace
#define ACCORD_UTILITY_ADAPTER(adapter, fn, unscored) \
  result adapter(const profile& p, option_reader& o) { \
    auto u = read_utility(o, unscored); \
    o.finish(); \
    return fn(p, u); \
  }
ACCORD_UTILITY_ADAPTER(run_dis_and_approval, dis_and_approval, false)
ACCORD_UTILITY_ADAPTER(run_relative_utilitarian, relative_utilitarian, false)
ACCORD_UTILITY_ADAPTER(run_maximin_utility, maximin_utility, true)
ACCORD_UTILITY_ADAPTER(run_lex_maximin, lex_maximin, true)
#undef ACCORD_UTILITY_ADAPTER
result run_nash(const profile& p, option_reader& o) {
    nash_options n;
    if (auto c = o.optional_candidate("status_quo")) n.status_quo = *c;
    n.common = read_utility(o, true);
    o.finish();
    return nash(p, n);
}
} // namespace detail

} // namespace v0
} // namespace accord
