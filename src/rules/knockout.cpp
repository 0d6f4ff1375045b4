// Superior voting, bracket voting and knockout voting (knockout.hpp). Definitions follow
// pref_voting 1.18.1 (voting-tools/pref_voting, other_methods.py and iterative_methods.py),
// ported, not copied; differences are stated in docs/methods/<rule>.md.
#include "accord/rules/knockout.hpp"

#include "pairwise_result.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace accord {
inline namespace v0 {
namespace {
using namespace ranked_detail;
using pairwise_detail::elect_one;
using pairwise_detail::start;

std::string name_of(const result& r, cand_t c) { return r.candidates[c]; }

// ---- superior voting ------------------------------------------------------------------------
template <class Num>
result superior_impl(const profile& p, const pairwise_matrix<Num>& m, const condorcet_common& opt) {
    result r = start(p, m, "superior-voting");
    tie_breaker tb(opt.tie_break, r);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, "superior-voting: no candidate to count");
    rational ex;
    const auto firsts = shared_firsts(ballots_of(p, m.active, r.method), m.active, &ex);
    // Holliday's rule as pref_voting states it: a ballot gives a point to its top candidate and
    // to every candidate superior to (beating head to head) its top candidate.
    std::vector<rational> points(m.n, rational(0));
    for (cand_t a : cands) {
        points[a] = firsts[a];
        for (cand_t b : cands)
            if (a != b && m.beats(a, b)) points[a] += firsts[b];
    }
    auto first_round = tally_round(m.active, firsts, "first preferences");
    first_round.inactive.exhausted_choices = ex;
    r.rounds.push_back(first_round);
    auto second = tally_round(
        m.active, points, "points: own first preferences plus those of every candidate beaten head to head");
    r.scores = second.tallies;
    r.score_name = "superior voting points";
    r.ranking = tiers_by_score(cands, points);
    r.rounds.push_back(second);
    elect_one(r, tb, r.ranking.front(), 2, r.rounds);
    if (!r.winners.empty()) r.rounds.back().elected = r.winners;
    return r;
}

// ---- bracket voting -------------------------------------------------------------------------
template <class Num>
result bracket_impl(const profile& p, const pairwise_matrix<Num>& m, const condorcet_common& opt) {
    result r = start(p, m, "bracket-voting");
    tie_breaker tb(opt.tie_break, r);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, "bracket-voting: no candidate to count");
    rational ex;
    const auto firsts = shared_firsts(ballots_of(p, m.active, r.method), m.active, &ex);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = firsts[c];
    r.score_name = "first preferences (seeding)";
    const auto by_firsts = tiers_by_score(cands, firsts);
    auto seeding = tally_round(m.active, firsts, "first preferences: the top four are seeded");
    seeding.inactive.exhausted_choices = ex;
    if (cands.size() <= 2) {
        // pref_voting: with two candidates the plurality winner(s) win.
        seeding.note = "two candidates or fewer: most first preferences wins";
        r.rounds.push_back(seeding);
        r.ranking = by_firsts;
        elect_one(r, tb, r.ranking.front(), 1, r.rounds);
        if (!r.winners.empty()) r.rounds.back().elected = r.winners;
        return r;
    }
    // Seeds 1-4: by first preferences, each tie for a seed decided by the tie-breaker.
    std::vector<cand_t> seeds;
    for (const auto& tier : by_firsts) {
        if (seeds.size() == 4) break;
        if (tier.size() == 1) {
            seeds.push_back(tier[0]);
            continue;
        }
        auto order = tb.order(tier, 1, "seeding");
        if (!order) {
            r.rounds.push_back(seeding);
            r.ranking = by_firsts;
            r.notes.push_back("count stopped: a tie for a seed was left unresolved");
            return r;
        }
        for (cand_t c : *order)
            if (seeds.size() < 4) seeds.push_back(c);
    }
    std::string seed_note = "seeds:";
    for (std::size_t i = 0; i < seeds.size(); ++i)
        seed_note += " " + std::to_string(i + 1) + " " + name_of(r, seeds[i]);
    seeding.note += "; " + seed_note;
    for (cand_t c : cands)
        if (std::find(seeds.begin(), seeds.end(), c) == seeds.end()) seeding.eliminated.push_back(c);
    r.rounds.push_back(seeding);
    // A match: the head-to-head majority wins; a draw goes to the higher seed (earlier in seeds).
    auto match = [&](std::size_t hi, std::size_t lo, round_record& rec) {
        const cand_t a = seeds[hi], b = seeds[lo];
        rec.tallies[a] = rational(m(a, b));
        rec.tallies[b] = rational(m(b, a));
        const bool a_wins = !m.beats(b, a);
        rec.eliminated.push_back(a_wins ? b : a);
        if (m(a, b) == m(b, a))
            rec.note +=
                "; " + name_of(r, a) + " and " + name_of(r, b) + " draw: the higher seed goes through";
        return a_wins ? hi : lo;
    };
    round_record semis;
    semis.tallies.assign(m.n, std::nullopt);
    semis.note = "semi-finals: voters ranking each finalist above the other";
    std::size_t w14 = 0;
    if (seeds.size() == 4)
        w14 = match(0, 3, semis);
    else
        semis.note += "; seed 1 has a bye";
    const std::size_t w23 = match(1, 2, semis);
    std::sort(semis.eliminated.begin(), semis.eliminated.end());
    r.rounds.push_back(semis);
    round_record final_round;
    final_round.tallies.assign(m.n, std::nullopt);
    final_round.note = "final";
    const std::size_t w = match(std::min(w14, w23), std::max(w14, w23), final_round);
    final_round.elected = {seeds[w]};
    r.rounds.push_back(final_round);
    r.winners = {seeds[w]};
    r.ranking.push_back({seeds[w]});
    r.ranking.push_back(final_round.eliminated);
    if (!semis.eliminated.empty()) r.ranking.push_back(semis.eliminated);
    std::vector<cand_t> rest = r.rounds.front().eliminated;
    for (const auto& t : tiers_by_score(rest, firsts))
        if (!t.empty()) r.ranking.push_back(t);
    return r;
}

// ---- knockout voting ------------------------------------------------------------------------
template <class Num> class knockout_search {
  public:
    knockout_search(const pairwise_matrix<Num>& m, std::vector<Num> borda)
        : m_(m), borda_(std::move(borda)) {}

    // Every candidate that some way of breaking the Borda ties elects from `left` (sorted).
    std::set<cand_t> winners(const std::vector<cand_t>& left) {
        if (left.size() == 1) return {left[0]};
        if (auto it = memo_.find(left); it != memo_.end()) return it->second;
        if (memo_.size() > k_max_states)
            throw error(errc::invalid, "knockout: the Borda ties open more than " +
                                           std::to_string(k_max_states) +
                                           " distinct sets of candidates; too many to follow exactly");
        std::set<cand_t> out;
        for (const auto& [loser, why] : eliminations(left)) {
            (void)why;
            std::vector<cand_t> next;
            for (cand_t c : left)
                if (c != loser) next.push_back(c);
            auto w = winners(next);
            out.insert(w.begin(), w.end());
        }
        memo_.emplace(left, out);
        return out;
    }

    // The candidates a knockout round may eliminate from `left`, each with the match it loses:
    // (loser, winner). pref_voting's parallel universes: if several tie for the lowest Borda
    // score, every pair of them meets (each beaten-or-drawn one may go); else the lowest meets
    // each of those tied second lowest, and goes unless it beats that one outright.
    std::vector<std::pair<cand_t, cand_t>> eliminations(const std::vector<cand_t>& left) const {
        const auto low = lowest(left, {});
        std::vector<std::pair<cand_t, cand_t>> out;
        auto add = [&](cand_t loser, cand_t winner) {
            for (const auto& e : out)
                if (e.first == loser) return;
            out.emplace_back(loser, winner);
        };
        if (low.size() > 1) {
            for (cand_t a : low)
                for (cand_t b : low)
                    if (a != b && !m_.beats(b, a)) add(b, a); // a's margin over b >= 0: b goes
        } else {
            const cand_t l = low[0];
            for (cand_t c : lowest(left, l)) {
                if (!m_.beats(l, c)) add(l, c); // c's margin over l >= 0
                if (m_.beats(l, c)) add(c, l);
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }

  private:
    std::vector<cand_t> lowest(const std::vector<cand_t>& left, std::optional<cand_t> skip) const {
        std::vector<cand_t> out;
        for (cand_t c : left) {
            if (skip && c == *skip) continue;
            if (out.empty() || borda_[c] < borda_[out[0]])
                out = {c};
            else if (borda_[c] == borda_[out[0]])
                out.push_back(c);
        }
        return out;
    }

    static constexpr std::size_t k_max_states = 1u << 18;
    const pairwise_matrix<Num>& m_;
    std::vector<Num> borda_;
    std::map<std::vector<cand_t>, std::set<cand_t>> memo_;
};

template <class Num>
result knockout_impl(const profile& p, const pairwise_matrix<Num>& m, const condorcet_common& opt) {
    result r = start(p, m, "knockout");
    tie_breaker tb(opt.tie_break, r);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, "knockout: no candidate to count");
    // Borda over every candidate taking part, computed once (unlike Baldwin and Nanson): the sum
    // of a candidate's margins, which orders candidates as the Borda count does.
    std::vector<Num> borda(m.n, Num(0));
    for (cand_t a : cands)
        for (cand_t b : cands)
            if (a != b) borda[a] += m.margin(a, b);
    std::vector<rational> borda_q(m.n, rational(0));
    for (cand_t c : cands) borda_q[c] = rational(borda[c]);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = borda_q[c];
    r.score_name = "Borda score (sum of margins), over every candidate";
    knockout_search<Num> search(m, borda);
    // The trace: each match while only one is possible; from the first tie on, a note.
    std::vector<cand_t> left = cands;
    std::vector<char> in = m.active;
    while (left.size() > 1) {
        const auto e = search.eliminations(left);
        if (e.size() != 1) {
            r.notes.push_back("tied Borda scores from round " + std::to_string(r.rounds.size() + 1) +
                              ": every way of breaking them is followed (parallel universes)");
            break;
        }
        const auto [loser, winner] = e.front();
        round_record rec;
        rec.tallies.assign(m.n, std::nullopt);
        rec.tallies[winner] = rational(m(winner, loser));
        rec.tallies[loser] = rational(m(loser, winner));
        rec.eliminated = {loser};
        rec.note =
            "the two lowest Borda scores left meet: " + name_of(r, winner) + " against " + name_of(r, loser);
        r.rounds.push_back(rec);
        std::erase(left, loser);
    }
    const auto w = search.winners(cands);
    const std::vector<cand_t> won(w.begin(), w.end());
    std::vector<cand_t> rest;
    for (cand_t c : cands)
        if (!w.count(c)) rest.push_back(c);
    r.ranking.push_back(won);
    for (const auto& t : tiers_by_score(rest, borda_q))
        if (!t.empty()) r.ranking.push_back(t);
    elect_one(r, tb, won, r.rounds.size(), r.rounds);
    if (!r.rounds.empty() && won.size() == 1) r.rounds.back().elected = r.winners;
    return r;
}

// ---- Bradley-Terry --------------------------------------------------------------------------
template <class Num>
result bradley_terry_impl(const profile& p, const pairwise_matrix<Num>& m, const condorcet_common& opt) {
    result r = start(p, m, "bradley-terry");
    tie_breaker tb(opt.tie_break, r);
    const auto cands = m.candidates();
    if (cands.empty()) throw error(errc::invalid, "bradley-terry: no candidate to count");
    // Zermelo (1929) and Ford (1957): with the same number of comparisons n for every pair, the
    // likelihood equations read W_a = n * sum_b v_a / (v_a + v_b), whose right side grows with
    // v_a; so the MLE strengths are ordered exactly as the win totals W_a (equal totals, equal
    // strengths), also in the limit when a candidate is never beaten and the MLE diverges.
    if (cands.size() > 1) {
        const cand_t a0 = cands[0], b0 = cands[1];
        const Num n = m(a0, b0) + m(b0, a0);
        for (cand_t a : cands)
            for (cand_t b : cands)
                if (a < b && m(a, b) + m(b, a) != n)
                    throw error(
                        errc::unsupported,
                        "bradley-terry: " + name_of(r, a) + " and " + name_of(r, b) + " are compared by " +
                            rational(m(a, b) + m(b, a)).str() + " voters but " + name_of(r, a0) + " and " +
                            name_of(r, b0) + " by " + rational(n).str() +
                            "; the maximum-likelihood strengths are then irrational in general and accord "
                            "does not approximate them (every pair must be compared equally often, as "
                            "complete strict rankings are)");
    }
    std::vector<rational> wins(m.n, rational(0));
    for (cand_t a : cands)
        for (cand_t b : cands)
            if (a != b) wins[a] += rational(m(a, b));
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = wins[c];
    r.score_name =
        "pairwise wins (support summed over the others), in the order of the Bradley-Terry strengths";
    r.ranking = tiers_by_score(cands, wins);
    elect_one(r, tb, r.ranking.front());
    return r;
}

} // namespace

result bradley_terry(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return bradley_terry_impl(p, m, opt); });
}
result superior_voting(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return superior_impl(p, m, opt); });
}
result bracket_voting(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return bracket_impl(p, m, opt); });
}
result knockout(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, {opt.unranked, opt.excluded},
                         [&](const auto& m) { return knockout_impl(p, m, opt); });
}

// ---- registry adapters (declared in single_winner_adapters.hpp) ----------------------------
namespace detail {
#define ACCORD_KNOCKOUT_ADAPTER(adapter, fn) \
  result adapter(const profile& p, option_reader& o) { \
    auto c = read_condorcet_common(o); \
    o.finish(); \
    return fn(p, c); \
  }
ACCORD_KNOCKOUT_ADAPTER(run_superior_voting, superior_voting)
ACCORD_KNOCKOUT_ADAPTER(run_bracket_voting, bracket_voting)
ACCORD_KNOCKOUT_ADAPTER(run_knockout, knockout)
ACCORD_KNOCKOUT_ADAPTER(run_bradley_terry, bradley_terry)
#undef ACCORD_KNOCKOUT_ADAPTER
} // namespace detail

} // namespace v0
} // namespace accord
