// Elimination rules: runoff, contingent, supplementary, Coombs, Bucklin, Baldwin, Nanson.
#include "accord/rules/elimination.hpp"

#include "single_winner_adapters.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {
namespace {

struct weighted_ballot {
    std::vector<std::vector<cand_t>> tiers; // active candidates only
    rational w;
};

struct setup {
    std::vector<char> active;
    std::vector<cand_t> cands;
    std::vector<weighted_ballot> ballots;
};

setup prepare(const profile& p, const elimination_options& opt, const char* method,
              std::size_t max_tiers = 0) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, std::string(method) + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    setup s;
    const std::size_t n = p.candidate_count();
    s.active.assign(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) s.active[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n)
            throw error(errc::invalid, std::string(method) + ": excluded candidate index out of range");
        s.active[c] = 0;
    }
    for (cand_t c = 0; c < n; ++c)
        if (s.active[c]) s.cands.push_back(c);
    if (s.cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        weighted_ballot wb;
        wb.w = rational(b.count);
        if (b.weight) wb.w *= *b.weight;
        auto t = tiers_of(p, b);
        if (max_tiers && t.size() > max_tiers) t.resize(max_tiers);
        for (auto& x : t) std::erase_if(x, [&](cand_t c) { return !s.active[c]; });
        std::erase_if(t, [](const auto& x) { return x.empty(); });
        wb.tiers = std::move(t);
        s.ballots.push_back(std::move(wb));
    }
    return s;
}

result start(const profile& p, const char* method) {
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    return r;
}

// Votes for each continuing candidate from each ballot's highest tier holding one (shared
// equally within that tier); the rest is exhausted.
std::vector<rational> first_preferences(const setup& s, const std::vector<char>& cont, std::size_t n,
                                        rational& exhausted) {
    std::vector<rational> t(n, rational(0));
    exhausted = 0;
    for (const auto& b : s.ballots) {
        bool counted = false;
        for (const auto& tier : b.tiers) {
            std::vector<cand_t> in;
            for (cand_t c : tier)
                if (cont[c]) in.push_back(c);
            if (in.empty()) continue;
            const rational share = b.w / static_cast<std::int64_t>(in.size());
            for (cand_t c : in) t[c] += share;
            counted = true;
            break;
        }
        if (!counted) exhausted += b.w;
    }
    return t;
}

round_record record(const std::vector<rational>& t, const std::vector<char>& cont,
                    const rational& exhausted) {
    round_record rec;
    rec.tallies.assign(t.size(), std::nullopt);
    for (std::size_t c = 0; c < t.size(); ++c)
        if (cont[c]) rec.tallies[c] = t[c];
    rec.inactive.exhausted_choices = exhausted;
    return rec;
}

std::vector<cand_t> continuing(const std::vector<char>& cont) {
    std::vector<cand_t> out;
    for (cand_t c = 0; c < cont.size(); ++c)
        if (cont[c]) out.push_back(c);
    return out;
}

// Ranking for elimination rules: winner, those left (by their last tally), then the
// eliminated in reverse order of elimination.
void finish_ranking(result& r, const std::vector<cand_t>& left, const std::vector<rational>& last_tally,
                    const std::vector<std::vector<cand_t>>& eliminated_rounds) {
    std::vector<cand_t> rest;
    for (cand_t c : left)
        if (r.winners.empty() || c != r.winners.front()) rest.push_back(c);
    if (!r.winners.empty()) r.ranking.push_back({r.winners.front()});
    for (auto& t : tiers_by_score(rest, last_tally)) r.ranking.push_back(t);
    for (auto it = eliminated_rounds.rbegin(); it != eliminated_rounds.rend(); ++it) {
        auto t = *it;
        std::sort(t.begin(), t.end());
        r.ranking.push_back(t);
    }
}

// ---- runoff / contingent / supplementary ---------------------------------------------------
result two_round(const profile& p, const elimination_options& opt, const char* method,
                 std::size_t max_tiers) {
    const setup s = prepare(p, opt, method, max_tiers);
    const std::size_t n = p.candidate_count();
    result r = start(p, method);
    tie_breaker tb(opt.tie_break, r);
    std::vector<char> cont = s.active;
    rational ex;
    auto t1 = first_preferences(s, cont, n, ex);
    rational valid = 0;
    for (cand_t c : s.cands) valid += t1[c];
    auto rec1 = record(t1, cont, ex);
    rec1.threshold = valid / 2;
    rec1.note = "a winner needs more than half of the valid first preferences";
    auto order = tiers_by_score(s.cands, t1);
    r.scores = rec1.tallies;
    r.score_name = "first preferences";
    if (s.cands.size() == 1 || (order.front().size() == 1 && 2 * t1[order.front()[0]] > valid)) {
        r.winners = {order.front()[0]};
        rec1.elected = r.winners;
        r.rounds.push_back(rec1);
        r.ranking = order;
        return r;
    }
    // The top two: the leader(s), then the best of the rest; ties for a place are broken.
    std::vector<cand_t> finalists;
    std::vector<round_record> hist;
    for (const auto& tier : order) {
        std::vector<cand_t> pool = tier;
        while (finalists.size() < 2 && !pool.empty()) {
            const std::size_t need = 2 - finalists.size();
            if (pool.size() <= need) {
                finalists.insert(finalists.end(), pool.begin(), pool.end());
                pool.clear();
            } else {
                auto w = tb.pick_winner(pool, 1, "runoff: choosing the two finalists", hist);
                if (!w) {
                    r.rounds.push_back(rec1);
                    r.ranking = order;
                    r.notes.push_back("count stopped: tie for a place in the second round left unresolved");
                    return r;
                }
                finalists.push_back(*w);
                std::erase(pool, *w);
            }
        }
        if (finalists.size() == 2) break;
    }
    std::vector<cand_t> out;
    for (cand_t c : s.cands)
        if (std::find(finalists.begin(), finalists.end(), c) == finalists.end()) {
            out.push_back(c);
            cont[c] = 0;
        }
    rec1.eliminated = out;
    r.rounds.push_back(rec1);
    auto t2 = first_preferences(s, cont, n, ex);
    auto rec2 = record(t2, cont, ex);
    const cand_t a = finalists[0], b = finalists[1];
    std::optional<cand_t> w;
    if (t2[a] != t2[b])
        w = t2[a] > t2[b] ? a : b;
    else
        w = tb.pick_winner(finalists, 2, "election", r.rounds);
    if (w) {
        r.winners = {*w};
        rec2.elected = r.winners;
    }
    r.rounds.push_back(rec2);
    finish_ranking(r, finalists, t2, {});
    for (auto& t : tiers_by_score(out, t1)) r.ranking.push_back(t);
    return r;
}

// ---- coombs --------------------------------------------------------------------------------
result coombs_impl(const profile& p, const elimination_options& opt) {
    const setup s = prepare(p, opt, "coombs");
    const std::size_t n = p.candidate_count();
    result r = start(p, "coombs");
    tie_breaker tb(opt.tie_break, r);
    std::vector<char> cont = s.active;
    std::vector<std::vector<cand_t>> eliminated;
    std::vector<rational> t;
    for (std::size_t round = 1;; ++round) {
        rational ex;
        t = first_preferences(s, cont, n, ex);
        auto rec = record(t, cont, ex);
        rational valid = 0;
        const auto left = continuing(cont);
        for (cand_t c : left) valid += t[c];
        rec.threshold = valid / 2;
        if (round == 1) {
            r.scores = rec.tallies;
            r.score_name = "first preferences";
        }
        auto order = tiers_by_score(left, t);
        if (left.size() == 1 || (order.front().size() == 1 && 2 * t[order.front()[0]] > valid)) {
            r.winners = {order.front()[0]};
            rec.elected = r.winners;
            r.rounds.push_back(rec);
            break;
        }
        // Last places: each ballot's lowest tier among the continuing; under unranked = last
        // the unranked continuing candidates form that tier; shared equally.
        // A share every unranked continuing candidate receives goes to `everyone` and is taken
        // back from the ballot's ranked ones, so a ballot costs its own marks, not the number of
        // candidates left (with 1,000 candidates that loop was the whole count).
        std::vector<rational> lastp(n, rational(0));
        rational everyone = 0;
        std::vector<char> ranked(n, 0);
        std::vector<cand_t> marked, bottom, in;
        for (const auto& b : s.ballots) {
            marked.clear();
            bottom.clear();
            for (const auto& tier : b.tiers) {
                in.clear();
                for (cand_t c : tier)
                    if (cont[c]) {
                        in.push_back(c);
                        if (!ranked[c]) ranked[c] = 1, marked.push_back(c);
                    }
                if (!in.empty()) bottom = in;
            }
            for (cand_t c : marked) ranked[c] = 0;
            if (opt.unranked == unranked_rule::last) {
                const std::size_t unranked = left.size() - marked.size();
                if (unranked != 0 && unranked < left.size()) {
                    const rational share = b.w / static_cast<std::int64_t>(unranked);
                    everyone += share;
                    for (cand_t c : marked) lastp[c] -= share;
                    continue;
                }
                if (unranked == left.size()) continue; // a blank ballot says nothing
            }
            if (bottom.empty()) continue;
            const rational share = b.w / static_cast<std::int64_t>(bottom.size());
            for (cand_t c : bottom) lastp[c] += share;
        }
        for (cand_t c : left) lastp[c] += everyone;
        rational most = -1;
        for (cand_t c : left) most = std::max(most, lastp[c]);
        std::vector<cand_t> worst;
        for (cand_t c : left)
            if (lastp[c] == most) worst.push_back(c);
        rec.note = "eliminates the candidate with most last places";
        auto loser = tb.pick_loser(worst, round, "elimination", r.rounds);
        if (!loser) {
            r.rounds.push_back(rec);
            r.notes.push_back("count stopped: tie for elimination left unresolved");
            break;
        }
        rec.eliminated = {*loser};
        cont[*loser] = 0;
        eliminated.push_back({*loser});
        r.rounds.push_back(rec);
    }
    finish_ranking(r, continuing(cont), t, eliminated);
    return r;
}

// ---- bucklin -------------------------------------------------------------------------------
result bucklin_impl(const profile& p, const elimination_options& opt) {
    const setup s = prepare(p, opt, "bucklin");
    const std::size_t n = p.candidate_count();
    result r = start(p, "bucklin");
    tie_breaker tb(opt.tie_break, r);
    rational total = 0;
    std::size_t depth = 1;
    for (const auto& b : s.ballots) {
        total += b.w;
        depth = std::max(depth, b.tiers.size());
    }
    std::vector<rational> t(n, rational(0));
    for (std::size_t k = 1; k <= depth; ++k) {
        for (const auto& b : s.ballots)
            if (k <= b.tiers.size())
                for (cand_t c : b.tiers[k - 1]) t[c] += b.w;
        auto rec = record(t, s.active, rational(0));
        rec.threshold = total / 2;
        rec.note = "ballots ranking the candidate in their first " + std::to_string(k) + " ranks";
        rational best = -1;
        for (cand_t c : s.cands) best = std::max(best, t[c]);
        if (2 * best > total || k == depth) {
            std::vector<cand_t> top;
            for (cand_t c : s.cands)
                if (t[c] == best) top.push_back(c);
            if (2 * best <= total)
                r.notes.push_back(
                    "no candidate reached a majority; the most supported after the last round wins");
            if (auto w = tb.pick_winner(top, k, "election", r.rounds)) {
                r.winners = {*w};
                rec.elected = r.winners;
            }
            r.rounds.push_back(rec);
            break;
        }
        r.rounds.push_back(rec);
    }
    r.scores = r.rounds.back().tallies;
    r.score_name = "Bucklin votes at the deciding round";
    r.ranking = tiers_by_score(s.cands, t);
    return r;
}

// ---- baldwin / nanson ----------------------------------------------------------------------
template <class Num>
result borda_elimination(const profile& p, const pairwise_matrix<Num>& m, const elimination_options& opt,
                         bool nanson) {
    result r = start(p, nanson ? "nanson" : "baldwin");
    r.pairwise = to_rational_matrix(m);
    tie_breaker tb(opt.tie_break, r);
    std::vector<cand_t> left = m.candidates();
    if (left.empty()) throw error(errc::invalid, r.method + ": no candidate to count");
    std::vector<char> cont(m.n, 0);
    for (cand_t c : left) cont[c] = 1;
    std::vector<std::vector<cand_t>> eliminated;
    // Borda score among those left: sum of margins (tie-averaged Borda, doubled, minus a
    // constant). Computed once, then an elimination takes each one's margin against those
    // eliminated off the others' scores: O(n) a round rather than O(n^2), the same exact sums.
    std::vector<Num> score(m.n, Num(0));
    for (cand_t a : left)
        for (cand_t b : left)
            if (a != b) score[a] += m(a, b) - m(b, a);
    for (std::size_t round = 1;; ++round) {
        round_record rec;
        rec.tallies.assign(m.n, std::nullopt);
        for (cand_t c : left) rec.tallies[c] = rational(score[c]);
        rec.note = "Borda score among those left (sum of margins)";
        if (round == 1) {
            r.scores = rec.tallies;
            r.score_name = "Borda score from the pairwise matrix (sum of margins), first round";
        }
        if (left.size() == 1) {
            r.winners = left;
            rec.elected = left;
            r.rounds.push_back(rec);
            break;
        }
        std::vector<cand_t> out;
        if (nanson) {
            // The average of the margin sums is 0: eliminate every score <= 0, unless all are
            // equal (then those left are tied).
            bool all_equal =
                std::all_of(left.begin(), left.end(), [&](cand_t c) { return score[c] == score[left[0]]; });
            if (all_equal) {
                auto w = tb.pick_winner(left, round, "election", r.rounds);
                if (w) {
                    r.winners = {*w};
                    rec.elected = r.winners;
                }
                r.rounds.push_back(rec);
                break;
            }
            for (cand_t c : left)
                if (score[c] <= Num(0)) out.push_back(c);
        } else {
            Num low = score[left[0]];
            for (cand_t c : left) low = std::min(low, score[c]);
            std::vector<cand_t> worst;
            for (cand_t c : left)
                if (score[c] == low) worst.push_back(c);
            auto loser = tb.pick_loser(worst, round, "elimination", r.rounds);
            if (!loser) {
                r.rounds.push_back(rec);
                r.notes.push_back("count stopped: tie for elimination left unresolved");
                break;
            }
            out = {*loser};
        }
        rec.eliminated = out;
        for (cand_t c : out) cont[c] = 0;
        eliminated.push_back(out);
        left = continuing(cont);
        for (cand_t c : out)
            for (cand_t a : left) score[a] -= m(a, c) - m(c, a);
        r.rounds.push_back(rec);
    }
    std::vector<rational> last(m.n, rational(0));
    for (cand_t c : left) last[c] = rational(score[c]);
    finish_ranking(r, left, last, eliminated);
    return r;
}

} // namespace

result runoff(const profile& p, const elimination_options& opt) { return two_round(p, opt, "runoff", 0); }
result contingent(const profile& p, const elimination_options& opt) {
    return two_round(p, opt, "contingent", 0);
}
result supplementary(const profile& p, const elimination_options& opt) {
    return two_round(p, opt, "supplementary", 2);
}
result coombs(const profile& p, const elimination_options& opt) { return coombs_impl(p, opt); }
result bucklin(const profile& p, const elimination_options& opt) { return bucklin_impl(p, opt); }
result baldwin(const profile& p, const elimination_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return borda_elimination(p, m, opt, false); });
}
result nanson(const profile& p, const elimination_options& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return borda_elimination(p, m, opt, true); });
}

namespace detail {
namespace {
/// `unranked` is read only by the rules it changes (Coombs, Baldwin, Nanson rank every candidate
/// against the others). The runoff family and Bucklin only ever count a ballot for a candidate it
/// ranks, so for them `unranked` would change nothing and is refused as an unused option.
elimination_options read_elimination(option_reader& o, bool reads_unranked) {
    elimination_options e;
    if (reads_unranked)
        if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(e.unranked)))
            e.unranked = parse_unranked(*v, o.method());
    e.excluded = o.candidates("excluded");
    e.tie_break = o.tie_break(e.tie_break);
    o.finish();
    return e;
}
} // namespace
result run_runoff(const profile& p, option_reader& o) { return runoff(p, read_elimination(o, false)); }
result run_contingent(const profile& p, option_reader& o) {
    return contingent(p, read_elimination(o, false));
}
result run_supplementary(const profile& p, option_reader& o) {
    return supplementary(p, read_elimination(o, false));
}
result run_coombs(const profile& p, option_reader& o) { return coombs(p, read_elimination(o, true)); }
result run_bucklin(const profile& p, option_reader& o) { return bucklin(p, read_elimination(o, false)); }
result run_baldwin(const profile& p, option_reader& o) { return baldwin(p, read_elimination(o, true)); }
result run_nanson(const profile& p, option_reader& o) { return nanson(p, read_elimination(o, true)); }
} // namespace detail

} // namespace v0
} // namespace accord
