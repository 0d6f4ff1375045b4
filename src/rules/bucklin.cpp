// Simplified and weighted Bucklin, split-IRV (bucklin.hpp). Definitions follow pref_voting
// 1.18.1 (other_methods.py: simplified_bucklin, weighted_bucklin; iterative_methods.py:
// split_irv), ported, not copied; differences are stated in docs/methods/<rule>.md.
#include "accord/rules/bucklin.hpp"

#include "accord/rules/pairwise.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {
namespace {
using namespace ranked_detail;

struct setup {
    std::vector<char> active;
    std::vector<cand_t> cands;
    std::vector<weighted_tiers> ballots;
    rational total{0}; // every ballot's weight, whether it ranks a candidate taking part or not
    std::size_t depth = 0;
};

setup prepare(const profile& p, const std::vector<cand_t>& excluded, const std::string& method) {
    setup s;
    s.active = active_candidates(p, excluded, method);
    s.cands = members(s.active);
    s.ballots = ballots_of(p, s.active, method);
    for (const auto& b : s.ballots) {
        s.total += b.w;
        s.depth = std::max(s.depth, b.tiers.size());
    }
    return s;
}

// Winners `top` (tie-broken and recorded if several); ranking: `top`, then the others by score.
void finish(result& r, tie_breaker& tb, const std::vector<cand_t>& top, const std::vector<cand_t>& cands,
            const std::vector<rational>& score) {
    r.ranking.push_back(top);
    std::vector<cand_t> rest;
    for (cand_t c : cands)
        if (std::find(top.begin(), top.end(), c) == top.end()) rest.push_back(c);
    for (auto& t : tiers_by_score(rest, score))
        if (!t.empty()) r.ranking.push_back(std::move(t));
    if (top.size() == 1)
        r.winners = top;
    else if (auto w = tb.pick_winner(top, r.rounds.size(), "election", r.rounds))
        r.winners = {*w};
    if (!r.winners.empty() && !r.rounds.empty()) r.rounds.back().elected = r.winners;
}

std::vector<cand_t> best(const std::vector<cand_t>& cands, const std::vector<rational>& score) {
    std::vector<cand_t> out;
    for (cand_t c : cands) {
        if (out.empty() || score[c] > score[out[0]])
            out = {c};
        else if (score[c] == score[out[0]])
            out.push_back(c);
    }
    return out;
}

} // namespace

result simplified_bucklin(const profile& p, const bucklin_options& opt) {
    const setup s = prepare(p, opt.excluded, "simplified-bucklin");
    result r = start_result(p, "simplified-bucklin");
    tie_breaker tb(opt.tie_break, r);
    std::vector<rational> t(p.candidate_count(), rational(0));
    for (std::size_t k = 1; k <= std::max<std::size_t>(s.depth, 1); ++k) {
        for (const auto& b : s.ballots)
            if (k <= b.tiers.size())
                for (cand_t c : b.tiers[k - 1]) t[c] += b.w;
        auto rec = tally_round(
            s.active, t, "ballots ranking the candidate in their first " + std::to_string(k) + " ranks");
        rec.threshold = s.total / 2;
        r.rounds.push_back(rec);
        std::vector<cand_t> majority;
        for (cand_t c : s.cands)
            if (2 * t[c] > s.total) majority.push_back(c);
        if (!majority.empty()) {
            if (majority.size() > 1)
                r.notes.push_back("several candidates reach a majority in the same round: all of them win");
            r.scores = rec.tallies;
            r.score_name = "ballots ranking the candidate in the deciding ranks";
            finish(r, tb, majority, s.cands, t);
            return r;
        }
    }
    r.notes.push_back(
        "no candidate reached a majority of the ballots; the most supported after the last rank win");
    r.scores = r.rounds.back().tallies;
    r.score_name = "ballots ranking the candidate at any rank";
    finish(r, tb, best(s.cands, t), s.cands, t);
    return r;
}

result weighted_bucklin(const profile& p, const weighted_bucklin_options& opt) {
    const setup s = prepare(p, opt.common.excluded, "weighted-bucklin");
    result r = start_result(p, "weighted-bucklin");
    tie_breaker tb(opt.common.tie_break, r);
    const auto m = static_cast<std::int64_t>(s.cands.size());
    // Kilgour, Gregoire & Foley's default weights: the Borda vector scaled to [0, 1].
    auto weight = [&](std::int64_t rank) { return m > 1 ? rational(m - rank, m - 1) : rational(1); };
    const rational threshold = s.total / 2;
    std::vector<rational> t(p.candidate_count(), rational(0));
    for (std::int64_t k = 1; k <= m; ++k) {
        const rational wk = weight(k);
        for (const auto& b : s.ballots)
            if (static_cast<std::size_t>(k) <= b.tiers.size())
                for (cand_t c : b.tiers[static_cast<std::size_t>(k - 1)]) t[c] += wk * b.w;
        auto rec = tally_round(s.active, t,
                               "weighted Bucklin score over the first " + std::to_string(k) +
                                   " ranks (rank " + std::to_string(k) + " weighs " + wk.str() + ")");
        rec.threshold = threshold;
        r.rounds.push_back(rec);
        bool reached = false;
        for (cand_t c : s.cands)
            reached = reached || (opt.strict_threshold ? t[c] > threshold : t[c] >= threshold);
        if (reached || k == m) {
            if (!reached)
                r.notes.push_back("no score reached the threshold; the highest after the last rank wins");
            r.scores = rec.tallies;
            r.score_name = "weighted Bucklin score at the deciding round";
            finish(r, tb, best(s.cands, t), s.cands, t);
            return r;
        }
    }
    return r; // unreachable: m >= 1
}

result iterated_bucklin(const profile& p, const bucklin_options& opt) {
    const setup s = prepare(p, opt.excluded, "iterated-bucklin");
    result r = start_result(p, "iterated-bucklin");
    tie_breaker tb(opt.tie_break, r);
    const std::size_t n = p.candidate_count();
    // Complete strict rankings, one per distinct ballot, with whole-voter counts.
    const auto so = strict_orders_of(p, s.ballots, s.cands, "iterated-bucklin", INT64_MAX / 2);
    const auto& orders = so.orders;
    const auto voters = static_cast<std::int64_t>(so.voters);
    std::vector<char> in = s.active;
    std::vector<cand_t> left = s.cands;
    std::vector<cand_t> out;
    while (left.size() > 1) {
        // Borda score among those left: how many of them the ballot ranks below the candidate.
        std::vector<std::map<std::int64_t, std::int64_t>> dist(n); // score -> voters
        for (std::size_t i = 0; i < orders.size(); ++i) {
            std::int64_t below = 0;
            for (auto it = orders[i].rbegin(); it != orders[i].rend(); ++it)
                if (in[*it]) dist[*it][below++] += static_cast<std::int64_t>(so.counts[i]);
        }
        std::vector<rational> adjusted(n, rational(0));
        for (cand_t c : left) {
            // The median of the voters' scores (the mean of the two middle ones for an even count,
            // as SVVAMP takes numpy's median), less the share of voters scoring below it.
            auto kth = [&](std::int64_t k) { // the k-th smallest score, 0-based
                std::int64_t seen = 0;
                for (const auto& [v, w] : dist[c]) {
                    seen += w;
                    if (k < seen) return v;
                }
                return dist[c].rbegin()->first;
            };
            const rational med =
                voters % 2 ? rational(kth(voters / 2)) : rational(kth(voters / 2 - 1) + kth(voters / 2), 2);
            std::int64_t x = 0;
            for (const auto& [v, w] : dist[c])
                if (rational(v) < med) x += w;
            adjusted[c] = med - rational(x, voters + 1);
        }
        auto rec = tally_round(in, adjusted, "adjusted median Borda score among the candidates left");
        std::vector<cand_t> low;
        for (cand_t c : left) {
            if (low.empty() || adjusted[c] < adjusted[low[0]])
                low = {c};
            else if (adjusted[c] == adjusted[low[0]])
                low.push_back(c);
        }
        std::optional<cand_t> loser = low.front();
        if (low.size() > 1) loser = tb.pick_loser(low, r.rounds.size() + 1, "elimination", r.rounds);
        if (!loser) {
            rec.note += "; tie for elimination left unresolved";
            r.rounds.push_back(rec);
            r.ranking.push_back(left);
            for (auto it = out.rbegin(); it != out.rend(); ++it) r.ranking.push_back({*it});
            r.notes.push_back("count stopped: tie for elimination left unresolved");
            return r;
        }
        if (r.rounds.empty()) {
            r.scores = rec.tallies;
            r.score_name = "adjusted median Borda score (first round)";
        }
        rec.eliminated = {*loser};
        r.rounds.push_back(rec);
        out.push_back(*loser);
        in[*loser] = 0;
        std::erase(left, *loser);
    }
    r.winners = left;
    if (r.rounds.empty()) {
        r.scores = tally_round(in, std::vector<rational>(n, rational(0)), "").tallies;
        r.score_name = "adjusted median Borda score (first round)";
    } else
        r.rounds.back().elected = r.winners;
    r.ranking.push_back(left);
    for (auto it = out.rbegin(); it != out.rend(); ++it) r.ranking.push_back({*it});
    return r;
}

result split_irv(const profile& p, const bucklin_options& opt) {
    const setup s = prepare(p, opt.excluded, "split-irv");
    result r = start_result(p, "split-irv");
    tie_breaker tb(opt.tie_break, r);
    std::vector<char> in = s.active;
    std::vector<cand_t> left = s.cands;
    std::vector<std::vector<cand_t>> eliminated;
    for (;;) {
        rational ex;
        const auto t = shared_firsts(s.ballots, in, &ex);
        auto rec =
            tally_round(in, t, "first preferences among the candidates left, split equally over equal ranks");
        rec.inactive.exhausted_choices = ex;
        if (r.rounds.empty()) {
            r.scores = rec.tallies;
            r.score_name = "split first preferences (first round)";
        }
        std::vector<cand_t> low;
        for (cand_t c : left) {
            if (low.empty() || t[c] < t[low[0]])
                low = {c};
            else if (t[c] == t[low[0]])
                low.push_back(c);
        }
        if (left.size() == 1 || low.size() == left.size()) {
            if (left.size() > 1) rec.note += "; all left tie";
            r.rounds.push_back(rec);
            finish(r, tb, left, left, t);
            for (auto it = eliminated.rbegin(); it != eliminated.rend(); ++it) r.ranking.push_back(*it);
            return r;
        }
        rec.eliminated = low;
        r.rounds.push_back(rec);
        eliminated.push_back(low);
        for (cand_t c : low) in[c] = 0;
        std::erase_if(left, [&](cand_t c) { return !in[c]; });
    }
}

namespace detail {
namespace {
bucklin_options read_bucklin(option_reader& o) {
    bucklin_options b;
    b.excluded = o.candidates("excluded");
    b.tie_break = o.tie_break(b.tie_break);
    return b;
}
} // namespace
result run_simplified_bucklin(const profile& p, option_reader& o) {
    auto b = read_bucklin(o);
    o.finish();
    return simplified_bucklin(p, b);
}
result run_weighted_bucklin(const profile& p, option_reader& o) {
    weighted_bucklin_options w;
    if (auto v = o.get<bool>("strict_threshold", w.strict_threshold)) w.strict_threshold = *v;
    w.common = read_bucklin(o);
    o.finish();
    return weighted_bucklin(p, w);
}
result run_iterated_bucklin(const profile& p, option_reader& o) {
    auto b = read_bucklin(o);
    o.finish();
    return iterated_bucklin(p, b);
}
result run_split_irv(const profile& p, option_reader& o) {
    auto b = read_bucklin(o);
    o.finish();
    return split_irv(p, b);
}
} // namespace detail

} // namespace v0
} // namespace accord
