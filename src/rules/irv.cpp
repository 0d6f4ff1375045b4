// Instant-runoff and plurality counts over a profile, into a result.
//
// The count itself is the template of accord/rules/irv-inl.hpp (run_irv); this file gives it
// libaccord's tie-breaker, turns its rounds into exact round records and builds the finishing
// order, and compiles the instantiations irv.hpp declares extern. See docs/methods/irv.md.
#include "accord/rules/irv.hpp"
#include "accord/rules/irv-inl.hpp"

#include "ballot_walker.hpp"

#include <algorithm>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace {
using namespace detail;

// Starts the result of `method`, and returns the candidates the count starts with: all but the
// withdrawn and the excluded.
std::vector<char> start_count(const profile& p, const std::vector<cand_t>& excluded,
                              const std::string& method, result& res) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, method + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    std::vector<char> continuing = starting_candidates(p, excluded, method);
    res.method = method;
    res.candidates = p.candidate_names();
    return continuing;
}

template <class Num> inactive_votes exact_inactive(const irv_inactive<Num>& iv) {
    inactive_votes out;
    out.exhausted_choices = exact(iv.exhausted_choices);
    out.overvotes = exact(iv.overvotes);
    out.skipped_ranks = exact(iv.skipped_ranks);
    out.repeated_ranks = exact(iv.repeated_ranks);
    out.blank = exact(iv.blank);
    return out;
}

// A round of the generic count as the result records it, with the threshold to win.
template <class Num> round_record exact_round(irv_round<Num>&& r) {
    round_record rec;
    rec.tallies.resize(r.tallies.size());
    for (std::size_t c = 0; c < r.tallies.size(); ++c)
        if (r.tallies[c]) rec.tallies[c] = exact(*r.tallies[c]);
    rec.changes.reserve(r.changes.size());
    for (const auto& ch : r.changes)
        rec.changes.push_back({ch.candidate, ch.votes ? std::optional(exact(*ch.votes)) : std::nullopt});
    rec.elected = std::move(r.elected);
    rec.eliminated = std::move(r.eliminated);
    rec.transfers.reserve(r.transfers.size());
    for (const auto& t : r.transfers) rec.transfers.push_back({t.from, t.to, exact(t.amount)});
    rec.inactive = exact_inactive(r.inactive);
    if constexpr (std::is_same_v<Num, std::int64_t>) {
        rec.threshold = rational(r.total / 2 + 1);
    } else {
        rec.threshold = exact(r.total) / 2;
        rec.note = "a winner needs more than the threshold";
    }
    return rec;
}

// run_irv's hooks for irv(): libaccord's tie_breaker, rounds recorded into the result as the
// tallies they changed (a full table is rounds x candidates: 10^8 tallies for 10,000
// candidates). The hooks keep the tallies the finishing order needs as the rounds go by.
template <class Num> struct result_hooks {
    static constexpr bool changes_only = true;
    result& res;
    tie_breaker& tb;
    std::vector<std::optional<rational>> current;        // the latest round's tallies
    std::vector<std::optional<rational>> first;          // round 1's: the scores
    std::vector<std::optional<rational>> at_elimination; // each eliminated candidate's last tally

    void round(irv_round<Num>&& r) {
        res.rounds.push_back(exact_round(std::move(r)));
        const round_record& rec = res.rounds.back();
        if (current.empty()) current.resize(res.candidates.size());
        for (const auto& ch : rec.changes) current[ch.candidate] = ch.votes;
        if (res.rounds.size() == 1) first = current;
        if (at_elimination.empty()) at_elimination.resize(res.candidates.size());
        for (cand_t c : rec.eliminated) at_elimination[c] = current[c];
    }
    std::optional<cand_t> pick_winner(std::span<const cand_t> tied, std::size_t round) {
        // Previous rounds, latest first, keeping the most votes: the tied candidates' tallies
        // from the changes of the rounds so far (they are continuing, so in every round).
        return tb.pick_winner(tied, round, "election", [&](std::vector<cand_t>& left) {
            narrow_by_changes<rational>(res.rounds, res.candidates.size(), left, true);
        });
    }
    template <class F>
    std::optional<cand_t> pick_loser(std::span<const cand_t> tied, std::size_t round, F&& narrow) {
        return tb.pick_loser(tied, round, "elimination",
                             tie_breaker::history_filter(std::forward<F>(narrow)));
    }
};

// Appends `group` to the ranking, highest tally first, equal tallies sharing a tier.
void push_grouped(result& res, std::vector<cand_t> group, const std::vector<std::optional<rational>>& t) {
    std::stable_sort(group.begin(), group.end(), [&](cand_t a, cand_t b) { return *t[a] > *t[b]; });
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (i > 0 && *t[group[i]] == *t[group[i - 1]] && res.ranking.size() > 0)
            res.ranking.back().push_back(group[i]);
        else
            res.ranking.push_back({group[i]});
    }
}

// Finishing order: winner, the others still continuing by final tally, then the eliminated in
// reverse order of elimination (a batch ranked by its tallies in the round that removed it).
// `final` holds the last round's tallies, `at_elimination` each eliminated candidate's tally in
// the round that removed it.
void finishing_order(result& res, const std::vector<char>& continuing,
                     const std::vector<cand_t>& eliminated_order,
                     const std::vector<std::size_t>& eliminated_round,
                     const std::vector<std::optional<rational>>& final,
                     const std::vector<std::optional<rational>>& at_elimination) {
    if (!res.winners.empty()) res.ranking.push_back({res.winners.front()});
    std::vector<cand_t> rest;
    for (cand_t c = 0; c < continuing.size(); ++c)
        if (continuing[c] && (res.winners.empty() || c != res.winners.front())) rest.push_back(c);
    push_grouped(res, rest, final);
    for (auto it = eliminated_order.rbegin(); it != eliminated_order.rend();) {
        const std::size_t r = eliminated_round[*it];
        std::vector<cand_t> batch;
        while (it != eliminated_order.rend() && eliminated_round[*it] == r) batch.push_back(*it++);
        if (batch.size() == 1)
            res.ranking.push_back(batch);
        else
            push_grouped(res, batch, at_elimination);
    }
}

template <class Num> result count_irv(const profile& p, const irv_options& opt) {
    result res;
    start_count(p, opt.excluded, "irv", res); // the checks, in irv()'s order; run_irv starts again
    tie_breaker tb(opt.tie_break, res);
    tb.keep_ties_as_changes(k_full_round_tallies); // as the JSON writes them past that size
    res.tallies_as_changes = true;
    result_hooks<Num> hooks{res, tb, {}, {}, {}};
    irv_progress run = run_irv<Num>(p, opt, hooks);
    if (run.winner) res.winners.push_back(*run.winner);
    if (run.stopped)
        res.notes.push_back("count stopped at round " + std::to_string(res.rounds.size()) +
                            ": tie for elimination left unresolved");

    finishing_order(res, run.continuing, run.eliminated_order, run.eliminated_round, hooks.current,
                    hooks.at_elimination);
    res.scores = std::move(hooks.first);
    res.score_name = "first preferences";
    return res;
}

template <class Num> result count_plurality(const profile& p, const plurality_options& popt) {
    irv_options opt;
    opt.overvotes = popt.overvotes;
    opt.excluded = popt.excluded;
    opt.tie_break = popt.tie_break;
    result res;
    std::vector<char> continuing = start_count(p, opt.excluded, "plurality", res);
    tie_breaker tb(opt.tie_break, res);
    const std::size_t n = p.candidate_count();

    piles<Num, profile> ballots(p, opt, continuing);
    const std::vector<Num>& tally = ballots.tally;
    round_record rec = exact_round(record_round(continuing, tally, ballots.inactive));
    std::optional<Num> most;
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c] && (!most || tally[c] > *most)) most = tally[c];
    std::vector<cand_t> top;
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c] && tally[c] == *most) top.push_back(c);
    if (auto winner = tb.pick_winner(top, 1, "election")) {
        rec.elected.push_back(*winner);
        res.winners.push_back(*winner);
    }
    res.rounds.push_back(std::move(rec));

    // Everyone counted, by first preferences; the winner leads its tier when a tie was broken.
    const auto& tallies = res.rounds.back().tallies;
    std::vector<cand_t> all;
    for (cand_t c = 0; c < n; ++c)
        if (tallies[c]) all.push_back(c);
    push_grouped(res, all, tallies);
    if (!res.winners.empty()) {
        auto& first = res.ranking.front();
        if (first.size() > 1) {
            std::erase(first, res.winners.front());
            res.ranking.insert(res.ranking.begin(), {res.winners.front()});
        }
    }
    res.scores = tallies;
    res.score_name = "first preferences";
    return res;
}

} // namespace

template irv_outcome<std::int64_t> count_irv<std::int64_t, profile>(const profile&, const irv_options&);
template irv_outcome<rational> count_irv<rational, profile>(const profile&, const irv_options&);

result irv(const profile& p, const irv_options& opt) {
    if (p.integral()) return count_irv<std::int64_t>(p, opt);
    return count_irv<rational>(p, opt);
}

result plurality(const profile& p, const plurality_options& opt) {
    if (p.integral()) return count_plurality<std::int64_t>(p, opt);
    return count_plurality<rational>(p, opt);
}

} // namespace v0
} // namespace accord
