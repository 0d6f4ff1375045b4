// accord/rules/irv-inl.hpp: the definitions of the IRV templates declared in irv.hpp.
//
// The count over any number type and any ballot source (docs/architecture.md, "Header-heavy").
// libaccord compiles the instantiations irv.hpp declares `extern template` (64-bit integers and
// exact rationals over a profile); include this header to instantiate others, e.g. `double`
// weights over your own ballot storage, without linking libaccord (accord::header-only).
//
// Each distinct ballot sits in the pile of the candidate it currently counts for; eliminating a
// candidate moves only that candidate's pile (DESIGN.md, "Performance shape"). The continuing
// candidates are kept ordered by tally, and each keeps the rounds at which its tally changed, so
// a round costs what it transfers and the log of the candidates, plus its own record. The
// continuation rules (overvotes, skipped ranks, repeated candidates, maximum rankings) follow
// RCTab's documented rule options; see docs/methods/irv.md.
#pragma once

#include "accord/detail/tally_history.hpp"
#include "accord/rules/irv.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <set>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

inline constexpr std::uint32_t k_none = 0xFFFFFFFFu;

enum class why : std::uint8_t { active, exhausted_choices, overvote, skipped, repeated, blank };

// How a ranking ballot continues past candidates who left the count. `p` is the ballot source
// (its marks are `all`, ballot i's at all[off[i] .. off[i+1]), sorted by rank then candidate).
template <class Source> struct basic_walker {
    const Source& p;
    const irv_options& opt;
    const std::vector<char>& continuing;
    std::span<const mark> all;
    std::span<const std::uint32_t> off;

    bool repeats; // the source has ballots naming a candidate twice (else skip those checks)

    bool repeated_at(std::uint32_t begin, std::uint32_t j, std::uint32_t k) const {
        for (std::uint32_t x = j; x < k; ++x) {
            if (all[x].candidate == k_overvote) continue;
            for (std::uint32_t y = begin; y < j; ++y)
                if (all[y].candidate == all[x].candidate) return true;
        }
        return false;
    }

    // From mark index j (the start of a rank group) of ballot i, find the first rank group that
    // yields a continuing candidate. Updates last_rank; returns the candidate or k_none with the
    // reason the ballot stopped.
    std::uint32_t next(std::size_t i, std::uint32_t& j, std::int32_t& last_rank, why& reason) const {
        const std::uint32_t end = off[i + 1], begin = off[i];
        while (j < end) {
            const std::int32_t r = all[j].value;
            if (opt.max_rankings && r > *opt.max_rankings) break;
            if (opt.max_skipped_ranks && r - last_rank - 1 > *opt.max_skipped_ranks) {
                reason = why::skipped;
                return k_none;
            }
            last_rank = r;
            const cand_t first = all[j].candidate;
            // Fast path: a rank holding one named candidate (nearly every rank of real ballots).
            if (first != k_overvote && (j + 1 == end || all[j + 1].value != r)) {
                if (repeats && repeated_at(begin, j, j + 1)) {
                    if (opt.exhaust_on_duplicate) {
                        reason = why::repeated;
                        return k_none;
                    }
                } else if (continuing[first]) {
                    return first;
                }
                ++j;
                continue;
            }
            std::uint32_t k = j;
            while (k < end && all[k].value == r) ++k;
            const bool repeated = repeats && repeated_at(begin, j, k);
            if (opt.overvotes == overvote_rule::exhaust_immediately) {
                reason = why::overvote;
                return k_none;
            }
            if (opt.overvotes == overvote_rule::skip_to_next) {
                j = k;
                continue;
            }
            // exhaust_if_multiple_continuing
            std::uint32_t found = k_none;
            int n_cont = 0;
            bool unknown = false;
            for (std::uint32_t x = j; x < k; ++x) {
                const cand_t c = all[x].candidate;
                if (c == k_overvote)
                    unknown = true;
                else if (continuing[c]) {
                    ++n_cont;
                    found = c;
                }
            }
            if (unknown || n_cont > 1) {
                reason = why::overvote;
                return k_none;
            }
            if (repeated && opt.exhaust_on_duplicate) {
                reason = why::repeated;
                return k_none;
            }
            if (n_cont == 1) return found;
            j = k;
        }
        reason = why::exhausted_choices;
        return k_none;
    }
};

template <class Num> inline void add_inactive(irv_inactive<Num>& iv, why w, const Num& v) {
    switch (w) {
    case why::exhausted_choices:
        iv.exhausted_choices += v;
        break;
    case why::overvote:
        iv.overvotes += v;
        break;
    case why::skipped:
        iv.skipped_ranks += v;
        break;
    case why::repeated:
        iv.repeated_ranks += v;
        break;
    case why::blank:
        iv.blank += v;
        break;
    case why::active:
        break;
    }
}

/// RCTab's safe batch elimination: the largest k >= 2 such that the k lowest (`asc`, ascending
/// by tally) together have fewer votes than the next one, so none of them can overtake anyone
/// above by transfers among themselves. Returns those k candidates, or none.
template <class Tally> std::vector<cand_t> safe_batch(const std::vector<cand_t>& asc, const Tally& tally) {
    std::decay_t<decltype(tally[0])> running(0);
    std::size_t best = 0;
    for (std::size_t k = 1; k < asc.size(); ++k) {
        running += tally[asc[k - 1]];
        if (running < tally[asc[k]] && k >= 2) best = k;
    }
    if (best < 2) return {};
    return std::vector<cand_t>(asc.begin(), asc.begin() + static_cast<std::ptrdiff_t>(best));
}

// Every distinct ballot in the pile of the candidate it counts for, with its place in the ballot.
template <class Num, class Source> struct piles {
    basic_walker<Source> w;
    std::vector<std::uint32_t> pos;
    std::vector<std::int32_t> last;
    std::vector<Num> val;
    std::vector<std::vector<std::uint32_t>> pile;
    std::vector<Num> tally;
    irv_inactive<Num> inactive;
    std::vector<std::uint32_t> slot_of; // transfer(): receiving candidate -> its slot, else k_none

    piles(const Source& p, const irv_options& opt, const std::vector<char>& continuing)
        : w{p, opt, continuing, p.flat_marks(), p.flat_offsets(), p.has_repeats()} {
        const std::size_t m = p.unique_count(), n = p.candidate_count();
        pos.resize(m);
        last.assign(m, 0);
        val.resize(m);
        pile.resize(n);
        tally.assign(n, Num(0));
        const auto off = p.flat_offsets();
        for (std::size_t i = 0; i < m; ++i) {
            val[i] = ballot_values<Source>::template value<Num>(p, i);
            pos[i] = off[i];
            why reason = why::active;
            const std::uint32_t to = w.next(i, pos[i], last[i], reason);
            if (to == k_none && off[i] == off[i + 1]) reason = why::blank;
            if (to == k_none)
                add_inactive(inactive, reason, val[i]);
            else {
                pile[to].push_back(static_cast<std::uint32_t>(i));
                tally[to] += val[i];
            }
        }
    }

    // Moves the pile of `from` (no longer continuing) to each ballot's next continuing choice.
    // Appends the movements to `transfers` (by receiving candidate, the exhausted last) and
    // calls `receiving(c)` once for each candidate about to receive votes, before it does.
    template <class F> void transfer(cand_t from, std::vector<irv_transfer<Num>>& transfers, F&& receiving) {
        const std::size_t n = tally.size();
        std::vector<std::pair<cand_t, Num>> moved; // by receiving candidate; n for exhausted
        auto slot = [&](cand_t to) -> Num& {
            if (slot_of.empty()) slot_of.assign(n + 1, k_none); // once per count, reset below
            if (slot_of[to] == k_none) {
                slot_of[to] = static_cast<std::uint32_t>(moved.size());
                moved.emplace_back(to, Num(0));
                if (to != n) receiving(to);
            }
            return moved[slot_of[to]].second;
        };
        const auto& ballots = pile[from];
        for (std::size_t q = 0; q < ballots.size(); ++q) {
            // Ballots in a pile are scattered through the mark storage: prefetch a few ahead.
            if (q + 8 < ballots.size()) {
                const std::uint32_t ahead = ballots[q + 8];
                __builtin_prefetch(&w.all[pos[ahead]]);
                __builtin_prefetch(&pos[ahead]);
                __builtin_prefetch(&val[ahead]);
            }
            const std::uint32_t i = ballots[q];
            why reason = why::active;
            const std::uint32_t to = w.next(i, pos[i], last[i], reason);
            if (to == k_none) {
                add_inactive(inactive, reason, val[i]);
                slot(static_cast<cand_t>(n)) += val[i];
            } else {
                slot(to) += val[i];
                pile[to].push_back(i);
                tally[to] += val[i];
            }
        }
        pile[from].clear();
        pile[from].shrink_to_fit();
        tally[from] = Num(0);
        for (const auto& m : moved) slot_of[m.first] = k_none;
        std::sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [to, amount] : moved)
            if (amount != Num(0)) transfers.push_back({from, to == n ? k_exhausted : to, amount});
    }
};

// The continuing candidates in ascending order of tally, equal tallies by descending index: the
// reverse of a stable sort by descending tally, so the leader is the last entry.
template <class Num> class standings {
  public:
    explicit standings(const std::vector<Num>& tally) : tally_(tally) {}
    void insert(cand_t c) { set_.emplace(tally_[c], c); }
    void erase(cand_t c) { set_.erase({tally_[c], c}); }
    std::size_t size() const { return set_.size(); }
    cand_t leader() const { return std::prev(set_.end())->second; }
    /// The second-highest tally's candidate (size() >= 2).
    cand_t runner_up() const { return std::prev(set_.end(), 2)->second; }
    /// Those tied for the fewest votes, by candidate (the order the tie-breakers keep, so they
    /// need not sort thousands of zero-vote candidates again every round).
    std::vector<cand_t> lowest() const {
        std::vector<cand_t> low;
        for (auto it = set_.begin(); it != set_.end() && it->first == set_.begin()->first; ++it)
            low.push_back(it->second);
        std::reverse(low.begin(), low.end()); // equal tallies are held by descending index
        return low;
    }
    std::vector<cand_t> ascending() const {
        std::vector<cand_t> asc;
        asc.reserve(set_.size());
        for (const auto& e : set_) asc.push_back(e.second);
        return asc;
    }

  private:
    struct order {
        bool operator()(const std::pair<Num, cand_t>& a, const std::pair<Num, cand_t>& b) const {
            if (a.first != b.first) return a.first < b.first;
            return a.second > b.second;
        }
    };
    const std::vector<Num>& tally_;
    std::set<std::pair<Num, cand_t>, order> set_;
};

// One round's record: every continuing candidate's tally, the inactive votes, the total.
template <class Num>
irv_round<Num> record_round(const std::vector<char>& continuing, const std::vector<Num>& tally,
                            const irv_inactive<Num>& inactive) {
    irv_round<Num> rec;
    const std::size_t n = tally.size();
    rec.tallies.assign(n, std::nullopt);
    rec.total = Num(0);
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c]) {
            rec.tallies[c] = tally[c];
            rec.total += tally[c];
        }
    rec.inactive = inactive;
    return rec;
}

// Previous-rounds for a winner over rounds kept as changes (`changes` of each, oldest first):
// keeps the tied candidates with the most votes at the latest round, as narrow_by_rounds does
// over full rounds. The tied are continuing, so they are in every round.
template <class Num, class Rounds>
void narrow_by_changes(const Rounds& rounds, std::size_t n, std::vector<cand_t>& left, bool most) {
    tally_history<Num> h(n);
    for (std::size_t k = 0; k < rounds.size(); ++k)
        for (const auto& ch : rounds[k].changes)
            if (ch.votes && std::find(left.begin(), left.end(), ch.candidate) != left.end())
                h.note(k + 1, ch.candidate, *ch.votes);
    h.narrow_to_fewest(left, rounds.size(), most);
}

// The count itself. `hooks` breaks ties (pick_winner(tied, round), pick_loser(tied, round,
// narrow)) and receives each round as it closes (round(irv_round&&)), the last one too.
template <class Num, class Source, class Hooks>
irv_progress run_irv(const Source& s, const irv_options& opt, Hooks& hooks) {
    irv_progress out;
    out.continuing = starting_candidates(s, opt.excluded, "irv");
    std::vector<char>& continuing = out.continuing;
    const std::size_t n = s.candidate_count();

    piles<Num, Source> ballots(s, opt, continuing);
    const std::vector<Num>& tally = ballots.tally;
    standings<Num> order(tally);
    tally_history<Num> history(n);
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c]) {
            order.insert(c);
            history.note(1, c, tally[c]);
        }

    // Hooks that declare `changes_only` (irv() and count_irv) take each round as the tallies
    // that changed; others also get every tally, at the cost of every candidate per round
    // (tests/irv_trace_test.cpp records them so, as the oracle of the changes).
    constexpr bool full_rounds = !requires { Hooks::changes_only; };
    Num total(0); // the continuing candidates' votes, kept as votes move (exactly: for changes_only)
    if constexpr (!full_rounds)
        for (cand_t c = 0; c < n; ++c)
            if (continuing[c]) total += tally[c];

    out.eliminated_round.assign(n, 0);
    std::vector<cand_t> departed; // candidates eliminated in the last round
    std::vector<cand_t> received; // candidates whose tally changed in the last round
    // Rounds after the last one that moved a vote repeat the current tallies for every candidate
    // still in the count, so a previous-rounds tie-break (which looks at the latest rounds
    // first, and keeps the tied candidates' lowest) cannot be decided by them: it is given the
    // rounds up to that one only. The choice is the same.
    std::size_t informative_rounds = 0;
    for (std::size_t round = 1;; ++round) {
        for (cand_t c : received)
            if (continuing[c]) history.note(round, c, tally[c]);
        irv_round<Num> rec;
        if constexpr (full_rounds) {
            rec = record_round(continuing, tally, ballots.inactive);
            total = rec.total;
        } else {
            rec.inactive = ballots.inactive;
            rec.total = total;
        }
        if (round == 1) {
            for (cand_t c = 0; c < n; ++c)
                if (continuing[c]) rec.changes.push_back({c, tally[c]});
        } else {
            std::sort(received.begin(), received.end());
            received.erase(std::unique(received.begin(), received.end()), received.end());
            for (cand_t c : departed) rec.changes.push_back({c, std::nullopt});
            for (cand_t c : received) rec.changes.push_back({c, tally[c]});
            std::sort(rec.changes.begin(), rec.changes.end(),
                      [](const auto& a, const auto& b) { return a.candidate < b.candidate; });
        }
        received.clear();
        departed = {};

        const cand_t leader = order.leader();
        const std::size_t n_cont = order.size();
        const bool majority = Num(2) * tally[leader] > total;
        const bool leader_unique = n_cont == 1 || tally[order.runner_up()] < tally[leader];
        std::optional<cand_t> winner;
        // The last one standing wins, and so does a unique majority leader (when counting on to
        // the final two, only there).
        if (n_cont == 1 || (majority && leader_unique && (!opt.continue_until_two || n_cont == 2))) {
            winner = leader;
        } else if (n_cont == 2 && opt.continue_until_two) {
            std::vector<cand_t> top;
            for (cand_t c = 0; c < n; ++c)
                if (continuing[c] && tally[c] == tally[leader]) top.push_back(c);
            winner = hooks.pick_winner(std::span<const cand_t>(top), round);
        }
        if (winner) {
            rec.elected.push_back(*winner);
            out.winner = winner;
            hooks.round(std::move(rec));
            break;
        }

        // Choose whom to eliminate.
        std::vector<cand_t> eliminated;
        if (round == 1 && opt.undeclared_write_in && continuing[*opt.undeclared_write_in])
            eliminated.push_back(*opt.undeclared_write_in); // RCTab: undeclared write-ins go first, alone
        if (eliminated.empty() && opt.batch_elimination) eliminated = safe_batch(order.ascending(), tally);
        if (eliminated.empty()) {
            const std::size_t known = informative_rounds;
            const std::vector<cand_t> lowest = order.lowest();
            auto loser =
                hooks.pick_loser(std::span<const cand_t>(lowest), round,
                                 [&](std::vector<cand_t>& left) { history.narrow_to_fewest(left, known); });
            if (!loser) {
                hooks.round(std::move(rec));
                out.stopped = true;
                break;
            }
            eliminated.push_back(*loser);
        }
        for (cand_t c : eliminated) {
            order.erase(c);
            continuing[c] = 0;
            out.eliminated_round[c] = round;
            out.eliminated_order.push_back(c);
        }
        rec.eliminated = eliminated;
        departed = eliminated;
        std::vector<cand_t> changed;
        for (cand_t c : eliminated)
            ballots.transfer(c, rec.transfers, [&](cand_t to) {
                order.erase(to);
                changed.push_back(to);
            });
        for (cand_t c : changed) order.insert(c);
        received.insert(received.end(), changed.begin(), changed.end());
        for (const auto& t : rec.transfers)
            if (t.to == k_exhausted) total -= t.amount; // the rest moved between continuing candidates
        const bool moved = !rec.transfers.empty();
        hooks.round(std::move(rec));
        if (moved) informative_rounds = round;
    }
    return out;
}

// What count_irv uses to break ties when no libaccord tie_breaker is at hand: the same
// policies, decided by the same code (tie_policy_core, tie_break.hpp), recorded in the outcome.
// Its rounds are kept as changes, as irv()'s are, so memory is linear in the rounds' changes.
template <class Num> class outcome_hooks {
  public:
    static constexpr bool changes_only = true;
    outcome_hooks(const tie_break_options& opt, std::size_t n, irv_outcome<Num>& out)
        : core_(opt, n), out_(out), n_(n) {}
    void round(irv_round<Num>&& r) { out_.rounds.push_back(std::move(r)); }
    std::optional<cand_t> pick_winner(std::span<const cand_t> tied, std::size_t round) {
        return pick(tied, round, false,
                    [&](std::vector<cand_t>& left) { narrow_by_changes<Num>(out_.rounds, n_, left, true); });
    }
    template <class F>
    std::optional<cand_t> pick_loser(std::span<const cand_t> tied, std::size_t round, F&& narrow) {
        return pick(tied, round, true, narrow);
    }

  private:
    template <class F>
    std::optional<cand_t> pick(std::span<const cand_t> tied_in, std::size_t round, bool loser, F&& narrow) {
        std::vector<cand_t> tied(tied_in.begin(), tied_in.end());
        if (!std::is_sorted(tied.begin(), tied.end())) std::sort(tied.begin(), tied.end());
        if (tied.size() == 1) return tied.front();
        irv_tie rec{round, loser ? "elimination" : "election", tied, core_.options().policy, std::nullopt};
        const std::optional<cand_t> chosen = core_.pick(std::move(tied), loser, narrow).chosen;
        rec.chosen = chosen;
        if (!chosen) out_.complete = false;
        keep_as_change(rec);
        out_.ties.push_back(std::move(rec));
        return chosen;
    }
    // As tie_breaker::keep_ties_as_changes(k_full_round_tallies) does for irv(): past that many
    // tied names, a tie within the previous one (same purpose) keeps only who left it.
    void keep_as_change(irv_tie& rec) {
        std::vector<cand_t> tied = rec.candidates;
        std::vector<cand_t> left;
        if (named_ > k_full_round_tallies && !out_.ties.empty() && out_.ties.back().purpose == rec.purpose &&
            tie_within_previous(previous_, tied, left)) {
            rec.continues_previous = true;
            rec.left = std::move(left);
            rec.candidates = {};
        }
        named_ += tied.size();
        previous_ = std::move(tied);
    }

    tie_policy_core core_;
    irv_outcome<Num>& out_;
    std::size_t n_;
    std::size_t named_ = 0;        // candidates named by the ties recorded
    std::vector<cand_t> previous_; // the candidates of the last tie recorded
};

} // namespace detail

template <class Num, ranking_ballot_source Source>
irv_outcome<Num> count_irv(const Source& ballots, const irv_options& opt) {
    ballot_values<Source>::template check<Num>(ballots, "irv");
    irv_outcome<Num> out;
    out.candidate_count = ballots.candidate_count();
    detail::outcome_hooks<Num> hooks(opt.tie_break, ballots.candidate_count(), out);
    detail::irv_progress run = detail::run_irv<Num>(ballots, opt, hooks);
    out.winner = run.winner;
    out.complete = out.complete && !run.stopped;
    out.eliminated = std::move(run.eliminated_order);
    return out;
}

} // namespace v0
} // namespace accord
