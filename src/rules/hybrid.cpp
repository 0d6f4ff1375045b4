// Condorcet-hybrid rules (hybrid.hpp): eliminations and compositions over the majority graph
// and first preferences. Each is one template over the pairwise count type, instantiated
// through with_pairwise(). Definitions follow pref_voting 1.18 (voting-tools/pref_voting),
// which documents each; differences are stated in docs/methods/<rule>.md.
#include "accord/rules/hybrid.hpp"

#include "accord/detail/options.hpp"
#include "accord/rules/majority_graph.hpp"
#include "pairwise_result.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {
namespace {
using pairwise_detail::start;

using cand_set = std::vector<cand_t>; // always sorted

bool contains(const cand_set& s, cand_t c) { return std::binary_search(s.begin(), s.end(), c); }

cand_set minus(const cand_set& s, const cand_set& out) {
    cand_set r;
    for (cand_t c : s)
        if (!contains(out, c)) r.push_back(c);
    return r;
}

cand_set meet(const cand_set& a, const cand_set& b) {
    cand_set r;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(r));
    return r;
}

struct weighted_ballot {
    std::vector<std::vector<cand_t>> tiers; // active candidates only
    rational w;
};

// One count of one rule: the profile's ballots (for first preferences), the pairwise matrix
// (for the majority graph), the result being built and its tie-breaker.
template <class Num> class count {
  public:
    count(const profile& p, const pairwise_matrix<Num>& m, const hybrid_options& opt, const char* method)
        : m(m), r(start(p, m, method)), tb(opt.tie_break, r) { // tb needs r's candidates
        all = m.candidates();
        if (all.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
        for (std::size_t i = 0; i < p.unique_count(); ++i) {
            const auto b = p.ballot(i);
            weighted_ballot wb;
            wb.w = rational(b.count);
            if (b.weight) wb.w *= *b.weight;
            total += wb.w;
            auto t = tiers_of(p, b);
            for (auto& x : t) std::erase_if(x, [&](cand_t c) { return !m.active[c]; });
            std::erase_if(t, [](const auto& x) { return x.empty(); });
            wb.tiers = std::move(t);
            ballots.push_back(std::move(wb));
        }
    }
    count(const count&) = delete; // tb refers to r

    const pairwise_matrix<Num>& m;
    result r;
    tie_breaker tb;
    cand_set all;
    std::vector<weighted_ballot> ballots;
    rational total{0}; // every ballot's weight, exhausted or not

    // The candidate of `s` who beats every other member of `s` head to head.
    std::optional<cand_t> condorcet_winner(const cand_set& s) const {
        for (cand_t a : s)
            if (std::all_of(s.begin(), s.end(), [&](cand_t b) { return a == b || m.beats(a, b); })) return a;
        return std::nullopt;
    }
    std::optional<cand_t> condorcet_loser(const cand_set& s) const {
        for (cand_t a : s)
            if (std::all_of(s.begin(), s.end(), [&](cand_t b) { return a == b || m.beats(b, a); })) return a;
        return std::nullopt;
    }
    cand_set smith(const cand_set& s) const {
        auto comps = smith_components(m, s);
        cand_set top = comps.front();
        std::sort(top.begin(), top.end());
        return top;
    }
    cand_set schwartz(const cand_set& s) const {
        cand_set top = schwartz_set(m, s);
        std::sort(top.begin(), top.end());
        return top;
    }
    // First preferences among `s`: each ballot counts for the highest of its tiers holding a
    // member of `s`, shared equally within that tier. Ballots ranking no member are exhausted.
    std::vector<rational> plurality(const cand_set& s, rational* exhausted = nullptr) const {
        std::vector<rational> t(m.n, rational(0));
        rational ex = 0;
        for (const auto& b : ballots) {
            bool counted = false;
            for (const auto& tier : b.tiers) {
                std::size_t k = 0;
                for (cand_t c : tier) k += contains(s, c);
                if (k == 0) continue;
                const rational share = b.w / static_cast<std::int64_t>(k);
                for (cand_t c : tier)
                    if (contains(s, c)) t[c] += share;
                counted = true;
                break;
            }
            if (!counted) ex += b.w;
        }
        if (exhausted) *exhausted = ex;
        return t;
    }
    // Borda score within `s` from the matrix: the sum of margins over the others in `s`.
    std::vector<Num> borda(const cand_set& s) const {
        std::vector<Num> b(m.n, Num(0));
        for (cand_t a : s)
            for (cand_t c : s)
                if (a != c) b[a] += m(a, c) - m(c, a);
        return b;
    }
    // Copeland score within `s`: wins minus losses.
    std::vector<std::int64_t> copeland(const cand_set& s) const {
        std::vector<std::int64_t> sc(m.n, 0);
        for (cand_t a : s)
            for (cand_t c : s)
                if (a != c) sc[a] += m.beats(a, c) ? 1 : (m.beats(c, a) ? -1 : 0);
        return sc;
    }
    // Minimax (margins) within `s`: the largest margin by which a member beats the candidate;
    // 0 when nobody in `s` beats it. Lower is better.
    std::vector<Num> worst_defeat(const cand_set& s) const {
        std::vector<Num> w(m.n, Num(0));
        for (cand_t a : s)
            for (cand_t c : s)
                if (a != c && m.beats(c, a) && m.margin(c, a) > w[a]) w[a] = m.margin(c, a);
        return w;
    }

    template <class T> static cand_set extreme(const cand_set& s, const std::vector<T>& score, bool highest) {
        cand_set out;
        for (cand_t c : s) {
            if (out.empty() || (highest ? score[c] > score[out[0]] : score[c] < score[out[0]]))
                out = {c};
            else if (score[c] == score[out[0]])
                out.push_back(c);
        }
        return out;
    }

    template <class T>
    round_record record(const cand_set& s, const std::vector<T>& score, std::string note) const {
        round_record rec;
        rec.tallies.assign(m.n, std::nullopt);
        for (cand_t c : s) rec.tallies[c] = rational(score[c]);
        rec.note = std::move(note);
        return rec;
    }

    template <class T> void set_scores(const cand_set& s, const std::vector<T>& score, std::string name) {
        r.scores.assign(m.n, std::nullopt);
        for (cand_t c : s) r.scores[c] = rational(score[c]);
        r.score_name = std::move(name);
    }

    // Winners: `tied` (one of them by the tie-breaker, recorded, if several). Ranking: `tied`,
    // then `rest` as given (tiers), then each eliminated group in reverse order of elimination,
    // then `outside` (candidates the rule set aside at the start).
    result finish(const cand_set& tied, std::vector<cand_set> rest, const std::vector<cand_set>& eliminated,
                  const cand_set& outside = {}) {
        r.ranking.push_back(tied);
        for (auto& t : rest)
            if (!t.empty()) r.ranking.push_back(std::move(t));
        for (auto it = eliminated.rbegin(); it != eliminated.rend(); ++it) r.ranking.push_back(*it);
        if (!outside.empty()) r.ranking.push_back(outside);
        pairwise_detail::elect_one(r, tb, tied, r.rounds.size(), r.rounds);
        if (!r.rounds.empty() && !r.winners.empty()) r.rounds.back().elected = r.winners;
        return std::move(r);
    }

    // A set-valued result: every member of `set` wins; no tie is broken.
    result finish_set(const cand_set& set, const std::vector<cand_set>& removed, const char* what) {
        r.ranking.push_back(set);
        for (auto it = removed.rbegin(); it != removed.rend(); ++it) r.ranking.push_back(*it);
        r.winners = set;
        r.notes.push_back(std::string("set-valued rule: the winners are the whole ") + what +
                          "; no tie is broken");
        return std::move(r);
    }

    // Tiers of `s` by a score, best first.
    template <class T>
    static std::vector<cand_set> by_score(const cand_set& s, const std::vector<T>& score, bool descending) {
        std::map<T, cand_set> groups;
        for (cand_t c : s) groups[score[c]].push_back(c);
        std::vector<cand_set> out;
        out.reserve(groups.size());
        for (auto& [k, g] : groups) out.push_back(std::move(g));
        if (descending) std::reverse(out.begin(), out.end());
        return out;
    }

    // Instant runoff among `start` (pref_voting's convention: every candidate tied for fewest
    // first preferences is eliminated together; if that is everyone left, they tie).
    result irv_among(cand_set s, const cand_set& outside) {
        std::vector<cand_set> eliminated;
        for (bool first = true;; first = false) {
            rational ex;
            auto t = plurality(s, &ex);
            rational valid = 0;
            for (cand_t c : s) valid += t[c];
            auto rec = record(s, t, "first preferences among the candidates left");
            rec.inactive.exhausted_choices = ex;
            rec.threshold = valid / 2;
            if (first) set_scores(s, t, "first preferences (first IRV round)");
            if (s.size() == 1) {
                r.rounds.push_back(rec);
                return finish(s, {}, eliminated, outside);
            }
            for (cand_t c : s)
                if (2 * t[c] > valid) {
                    r.rounds.push_back(rec);
                    return finish({c}, by_score(minus(s, {c}), t, true), eliminated, outside);
                }
            const auto low = extreme(s, t, false);
            if (low.size() == s.size()) {
                rec.note += "; all tied";
                r.rounds.push_back(rec);
                return finish(s, {}, eliminated, outside);
            }
            rec.eliminated = low;
            r.rounds.push_back(rec);
            eliminated.push_back(low);
            s = minus(s, low);
        }
    }
};

template <class F> result with_count(const profile& p, const hybrid_options& opt, const char* method, F&& f) {
    return with_pairwise(p, {opt.unranked, opt.excluded}, [&]<class Num>(const pairwise_matrix<Num>& m) {
        count<Num> c(p, m, opt, method);
        return f(c);
    });
}

// ---- the rules -----------------------------------------------------------------------------

template <class Num> result benham_impl(count<Num>& k) {
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    for (bool first = true;; first = false) {
        rational ex;
        auto t = k.plurality(s, &ex);
        auto rec = k.record(s, t, "first preferences among the candidates left");
        rec.inactive.exhausted_choices = ex;
        if (first) k.set_scores(s, t, "first preferences");
        if (auto w = k.condorcet_winner(s)) {
            rec.note = "Condorcet winner among the candidates left: " + k.r.candidates[*w];
            k.r.rounds.push_back(rec);
            return k.finish({*w}, k.by_score(minus(s, {*w}), t, true), eliminated);
        }
        const auto low = k.extreme(s, t, false);
        if (low.size() == s.size()) {
            rec.note = "no Condorcet winner; all left tie for fewest first preferences";
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        rec.note = "no Condorcet winner among the candidates left; fewest first preferences eliminated";
        rec.eliminated = low;
        k.r.rounds.push_back(rec);
        eliminated.push_back(low);
        s = minus(s, low);
    }
}

template <class Num> result woodall_impl(count<Num>& k) {
    const cand_set smith = k.smith(k.all);
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    k.r.notes.push_back("Smith set: " + std::to_string(smith.size()) + " candidate(s)");
    if (smith.size() == 1) {
        auto t = k.plurality(s);
        k.set_scores(s, t, "first preferences");
        return k.finish(smith, {minus(s, smith)}, eliminated);
    }
    for (bool first = true;; first = false) {
        rational ex;
        auto t = k.plurality(s, &ex);
        if (first) k.set_scores(s, t, "first preferences");
        auto rec = k.record(s, t, "first preferences among the candidates left");
        rec.inactive.exhausted_choices = ex;
        const auto low = k.extreme(s, t, false);
        const cand_set in = meet(s, smith), next = minus(s, low), next_in = meet(next, smith);
        if (next_in.empty()) {
            rec.note += "; the last Smith-set members tie";
            k.r.rounds.push_back(rec);
            return k.finish(in, {minus(s, in)}, eliminated);
        }
        rec.eliminated = low;
        k.r.rounds.push_back(rec);
        eliminated.push_back(low);
        s = next;
        if (next_in.size() == 1) return k.finish(next_in, {minus(s, next_in)}, eliminated);
    }
}

template <class Num> result tideman_alternative_impl(count<Num>& k, dominant_set which) {
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    const char* set_name = which == dominant_set::smith ? "Smith" : "Schwartz";
    for (bool first = true;; first = false) {
        const cand_set w = which == dominant_set::smith ? k.smith(s) : k.schwartz(s);
        rational ex;
        auto t = k.plurality(w, &ex);
        if (first) k.set_scores(w, t, std::string("first preferences within the first ") + set_name + " set");
        auto rec = k.record(
            w, t, std::string("first preferences within the ") + set_name + " set of the candidates left");
        rec.inactive.exhausted_choices = ex;
        if (w.size() == 1) {
            k.r.rounds.push_back(rec);
            return k.finish(w, {minus(s, w)}, eliminated);
        }
        const auto low = k.extreme(w, t, false);
        if (low.size() == w.size()) {
            rec.note += "; all tie for fewest first preferences";
            k.r.rounds.push_back(rec);
            return k.finish(w, {minus(s, w)}, eliminated);
        }
        rec.eliminated = low;
        k.r.rounds.push_back(rec);
        eliminated.push_back(low);
        s = minus(s, low);
    }
}

template <class Num> result btr_irv_impl(count<Num>& k) {
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    for (bool first = true;; first = false) {
        rational ex;
        auto t = k.plurality(s, &ex);
        if (first) k.set_scores(s, t, "first preferences");
        auto rec = k.record(s, t, "first preferences among the candidates left");
        rec.inactive.exhausted_choices = ex;
        if (s.size() == 1) {
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        // The bottom two: those with the lowest score, and (if only one has it) those with the
        // second lowest. Each lowest meets each second-lowest and every loser is eliminated; on a
        // pairwise tie the one with fewer first preferences goes (as pref_voting does).
        const cand_set low = k.extreme(s, t, false);
        const cand_set second = low.size() > 1 ? low : k.extreme(minus(s, low), t, false);
        cand_set out;
        for (cand_t a : low)
            for (cand_t b : second) {
                if (a == b) continue;
                out.push_back(k.m.margin(a, b) <= Num(0) ? a : b);
            }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        if (out.size() == s.size()) {
            rec.note += "; every head-to-head of the bottom candidates eliminates one of them, so all tie";
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        rec.note += "; the bottom two meet head to head, the loser is eliminated";
        rec.eliminated = out;
        k.r.rounds.push_back(rec);
        eliminated.push_back(out);
        s = minus(s, out);
    }
}

template <class Num> result raynaud_impl(count<Num>& k) {
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    for (bool first = true;; first = false) {
        auto w = k.worst_defeat(s);
        if (first) k.set_scores(s, w, "worst pairwise defeat (margin), 0 if undefeated; lowest is best");
        auto rec = k.record(s, w, "worst defeat (margin) among the candidates left");
        const auto worst = k.extreme(s, w, true);
        if (worst.size() == s.size()) {
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        rec.eliminated = worst;
        k.r.rounds.push_back(rec);
        eliminated.push_back(worst);
        s = minus(s, worst);
    }
}

template <class Num> result strict_nanson_impl(count<Num>& k) {
    cand_set s = k.all;
    std::vector<cand_set> eliminated;
    for (bool first = true;; first = false) {
        auto b = k.borda(s);
        if (first) k.set_scores(s, b, "Borda score from the pairwise matrix (sum of margins), first round");
        auto rec = k.record(s, b, "Borda score among those left (sum of margins; the average is 0)");
        if (s.size() == 1) {
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        cand_set below;
        for (cand_t c : s)
            if (b[c] < Num(0)) below.push_back(c);
        if (below.empty()) { // every score equals the average
            k.r.rounds.push_back(rec);
            return k.finish(s, {}, eliminated);
        }
        rec.eliminated = below;
        k.r.rounds.push_back(rec);
        eliminated.push_back(below);
        s = minus(s, below);
    }
}

// The survivors of iterated removal of the Condorcet loser, and the removed, in order.
template <class Num> cand_set iterated_removal(const count<Num>& k, std::vector<cand_set>& removed) {
    cand_set s = k.all;
    while (s.size() > 1) {
        auto l = k.condorcet_loser(s);
        if (!l) break;
        removed.push_back({*l});
        s = minus(s, {*l});
    }
    return s;
}

template <class Num>
result plurality_among(count<Num>& k, const cand_set& s, const std::vector<cand_set>& removed,
                       const cand_set& outside) {
    rational ex;
    auto t = k.plurality(s, &ex);
    k.set_scores(s, t, "first preferences among the candidates considered");
    auto rec = k.record(s, t, "first preferences among the candidates considered");
    rec.inactive.exhausted_choices = ex;
    k.r.rounds.push_back(rec);
    auto tiers = k.by_score(s, t, true);
    const cand_set top = tiers.front();
    tiers.erase(tiers.begin());
    return k.finish(top, tiers, removed, outside);
}

template <class Num> result daunou_impl(count<Num>& k) {
    if (auto w = k.condorcet_winner(k.all)) {
        k.r.notes.push_back("Condorcet winner: " + k.r.candidates[*w]);
        return k.finish({*w}, {minus(k.all, {*w})}, {});
    }
    std::vector<cand_set> removed;
    const cand_set s = iterated_removal(k, removed);
    k.r.notes.push_back("no Condorcet winner: plurality among the " + std::to_string(s.size()) +
                        " candidates left after iterated removal of the Condorcet loser");
    return plurality_among(k, s, removed, {});
}

template <class Num> result condorcet_plurality_impl(count<Num>& k) {
    if (auto w = k.condorcet_winner(k.all)) {
        k.r.notes.push_back("Condorcet winner: " + k.r.candidates[*w]);
        return k.finish({*w}, {minus(k.all, {*w})}, {});
    }
    k.r.notes.push_back("no Condorcet winner: the plurality winner is chosen");
    return plurality_among(k, k.all, {}, {});
}

template <class Num> result smith_minimax_impl(count<Num>& k) {
    const cand_set smith = k.smith(k.all);
    auto w = k.worst_defeat(smith);
    k.set_scores(smith, w, "worst defeat (margin) within the Smith set; lowest wins");
    auto tiers = k.by_score(smith, w, false);
    const cand_set top = tiers.front();
    tiers.erase(tiers.begin());
    return k.finish(top, tiers, {}, minus(k.all, smith));
}

template <class Num> cand_set copeland_winners(const count<Num>& k) {
    return k.extreme(k.all, k.copeland(k.all), true);
}

template <class Num> result copeland_borda_impl(count<Num>& k, bool local) {
    const cand_set cw = copeland_winners(k);
    auto b = k.borda(local ? cw : k.all);
    k.set_scores(cw, b,
                 local ? "Borda score within the Copeland winners (sum of margins)"
                       : "Borda score over all candidates (sum of margins), for the Copeland winners");
    k.r.notes.push_back("Copeland winners (wins minus losses): " + std::to_string(cw.size()));
    auto tiers = k.by_score(cw, b, true);
    const cand_set top = tiers.front();
    tiers.erase(tiers.begin());
    auto cs = k.copeland(k.all);
    for (auto& t : k.by_score(minus(k.all, cw), cs, true)) tiers.push_back(t);
    return k.finish(top, tiers, {});
}

template <class Num> result faceoff_impl(count<Num>& k) {
    auto b = k.borda(k.all);
    auto w = k.worst_defeat(k.all);
    const cand_set bw = k.extreme(k.all, b, true), mw = k.extreme(k.all, w, false);
    k.set_scores(k.all, b, "Borda score (sum of margins)");
    cand_set win;
    if (bw == mw)
        win = bw;
    else {
        k.r.notes.push_back("the Borda and minimax winners differ: they meet head to head");
        for (cand_t a : bw)
            for (cand_t c : mw) {
                if (a == c) {
                    win.push_back(a);
                    continue;
                }
                if (!k.m.beats(c, a)) win.push_back(a);
                if (!k.m.beats(a, c)) win.push_back(c);
            }
        std::sort(win.begin(), win.end());
        win.erase(std::unique(win.begin(), win.end()), win.end());
    }
    return k.finish(win, k.by_score(minus(k.all, win), b, true), {});
}

template <class Num> result pareto_impl(count<Num>& k) {
    cand_set dominated;
    for (cand_t a : k.all)
        for (cand_t b : k.all)
            if (a != b && k.total > 0 && rational(k.m(a, b)) == k.total) dominated.push_back(b);
    std::sort(dominated.begin(), dominated.end());
    dominated.erase(std::unique(dominated.begin(), dominated.end()), dominated.end());
    const cand_set set = minus(k.all, dominated);
    std::vector<cand_set> rest;
    if (!dominated.empty()) rest.push_back(dominated);
    return k.finish_set(set, rest, "Pareto set");
}

} // namespace

#define ACCORD_HYBRID(fn, name, body) \
  result fn(const profile& p, const hybrid_options& opt) { \
    return with_count(p, opt, name, [&](auto& k) { return body(k); }); \
  }
ACCORD_HYBRID(benham, "benham", benham_impl)
ACCORD_HYBRID(woodall, "woodall", woodall_impl)
ACCORD_HYBRID(btr_irv, "btr-irv", btr_irv_impl)
ACCORD_HYBRID(raynaud, "raynaud", raynaud_impl)
ACCORD_HYBRID(strict_nanson, "strict-nanson", strict_nanson_impl)
ACCORD_HYBRID(daunou, "daunou", daunou_impl)
ACCORD_HYBRID(condorcet_plurality, "condorcet-plurality", condorcet_plurality_impl)
ACCORD_HYBRID(smith_minimax, "smith-minimax", smith_minimax_impl)
ACCORD_HYBRID(borda_minimax_faceoff, "borda-minimax-faceoff", faceoff_impl)
ACCORD_HYBRID(pareto, "pareto", pareto_impl)
#undef ACCORD_HYBRID

result smith_irv(const profile& p, const hybrid_options& opt) {
    return with_count(p, opt, "smith-irv", [&](auto& k) {
        const cand_set smith = k.smith(k.all);
        return k.irv_among(smith, minus(k.all, smith));
    });
}
result condorcet_irv(const profile& p, const hybrid_options& opt) {
    return with_count(p, opt, "condorcet-irv", [&](auto& k) {
        if (auto w = k.condorcet_winner(k.all)) {
            k.r.notes.push_back("Condorcet winner: " + k.r.candidates[*w]);
            return k.finish({*w}, {minus(k.all, {*w})}, {});
        }
        k.r.notes.push_back("no Condorcet winner: instant runoff");
        return k.irv_among(k.all, {});
    });
}
result tideman_alternative(const profile& p, const tideman_alternative_options& opt) {
    return with_count(p, opt.common, "tideman-alternative",
                      [&](auto& k) { return tideman_alternative_impl(k, opt.set); });
}
result iterated_removal_condorcet_loser(const profile& p, const hybrid_options& opt) {
    return with_count(p, opt, "iterated-removal-condorcet-loser", [&](auto& k) {
        std::vector<cand_set> removed;
        const cand_set s = iterated_removal(k, removed);
        return k.finish_set(s, removed, "set left after iterated removal of the Condorcet loser");
    });
}
result copeland_local_borda(const profile& p, const hybrid_options& opt) {
    return with_count(p, opt, "copeland-local-borda", [&](auto& k) { return copeland_borda_impl(k, true); });
}
result copeland_global_borda(const profile& p, const hybrid_options& opt) {
    return with_count(p, opt, "copeland-global-borda",
                      [&](auto& k) { return copeland_borda_impl(k, false); });
}

// ---- registry adapters (declared in single_winner_adapters.hpp) ----------------------------
namespace detail {
namespace {
hybrid_options read_hybrid(option_reader& o) {
    hybrid_options h;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(h.unranked)))
        h.unranked = parse_unranked(*v, o.method());
    h.excluded = o.candidates("excluded");
    h.tie_break = o.tie_break(h.tie_break);
    return h;
}
} // namespace

#define ACCORD_HYBRID_ADAPTER(adapter, fn) \
  result adapter(const profile& p, option_reader& o) { \
    auto h = read_hybrid(o); \
    o.finish(); \
    return fn(p, h); \
  }
ACCORD_HYBRID_ADAPTER(run_benham, benham)
ACCORD_HYBRID_ADAPTER(run_woodall, woodall)
ACCORD_HYBRID_ADAPTER(run_smith_irv, smith_irv)
ACCORD_HYBRID_ADAPTER(run_condorcet_irv, condorcet_irv)
ACCORD_HYBRID_ADAPTER(run_btr_irv, btr_irv)
ACCORD_HYBRID_ADAPTER(run_raynaud, raynaud)
ACCORD_HYBRID_ADAPTER(run_strict_nanson, strict_nanson)
ACCORD_HYBRID_ADAPTER(run_daunou, daunou)
ACCORD_HYBRID_ADAPTER(run_condorcet_plurality, condorcet_plurality)
ACCORD_HYBRID_ADAPTER(run_smith_minimax, smith_minimax)
ACCORD_HYBRID_ADAPTER(run_copeland_local_borda, copeland_local_borda)
ACCORD_HYBRID_ADAPTER(run_copeland_global_borda, copeland_global_borda)
ACCORD_HYBRID_ADAPTER(run_borda_minimax_faceoff, borda_minimax_faceoff)
#undef ACCORD_HYBRID_ADAPTER

// The set-valued rules never break a tie, so they read no tie-break options.
result run_iterated_removal_condorcet_loser(const profile& p, option_reader& o) {
    hybrid_options h;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(h.unranked)))
        h.unranked = parse_unranked(*v, o.method());
    h.excluded = o.candidates("excluded");
    o.finish();
    return iterated_removal_condorcet_loser(p, h);
}
result run_pareto(const profile& p, option_reader& o) {
    hybrid_options h;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(h.unranked)))
        h.unranked = parse_unranked(*v, o.method());
    h.excluded = o.candidates("excluded");
    o.finish();
    return pareto(p, h);
}

result run_tideman_alternative(const profile& p, option_reader& o) {
    tideman_alternative_options opt;
    if (auto v = o.choice("set", {"smith", "schwartz"},
                          opt.set == dominant_set::schwartz ? "schwartz" : "smith")) {
        if (*v == "smith")
            opt.set = dominant_set::smith;
        else if (*v == "schwartz")
            opt.set = dominant_set::schwartz;
        else
            throw error(errc::invalid,
                        "tideman-alternative: option 'set' must be \"smith\" or \"schwartz\", got '" + *v +
                            "'");
    }
    opt.common = read_hybrid(o);
    o.finish();
    return tideman_alternative(p, opt);
}

} // namespace detail
} // namespace v0
} // namespace accord
