// accord/rules/irv.hpp: plurality and instant-runoff voting (alternative vote, RCV).
//
// IRV with the ballot-continuation rules of real cast-vote-record counts (RCTab): overvotes,
// skipped ranks, repeated candidates, maximum rankings, batch elimination, continue until two.
// See docs/methods/irv.md and docs/methods/plurality.md.
//
// The count is also a template over the number type and the ballot source (count_irv below),
// defined in irv-inl.hpp: libaccord compiles it for 64-bit integers and exact rationals over a
// profile; include irv-inl.hpp (or use accord::header-only) for any other, e.g. `double` weights
// over your own ballot storage (docs/architecture.md, "Header-heavy").
#pragma once

#include "accord/ballot_source.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {

/// What a ballot does when the rank it has reached holds several candidates (an overvote in a
/// CVR, or an equal ranking in a weak order).
enum class overvote_rule : std::uint8_t {
    exhaust_immediately = 0,            ///< RCTab "exhaustImmediately"
    skip_to_next = 1,                   ///< RCTab "alwaysSkipToNextRank": ignore that rank
    exhaust_if_multiple_continuing = 2, ///< RCTab "exhaustIfMultipleContinuing"; the default:
                                        ///< a tier counts for its only continuing candidate
};

struct irv_options {
    /// Eliminate at once every candidate of the largest lowest group whose combined votes are
    /// fewer than the next candidate's (mathematically safe batch elimination).
    bool batch_elimination = false;
    overvote_rule overvotes = overvote_rule::exhaust_if_multiple_continuing;
    /// Exhaust a ballot on reaching more than this many consecutive skipped ranks;
    /// nullopt = unlimited (RCTab maxSkippedRanksAllowed).
    std::optional<int> max_skipped_ranks;
    /// A candidate ranked again later: true = exhaust the ballot there; false = skip the repeat.
    bool exhaust_on_duplicate = false;
    /// Ranks beyond this are ignored (RCTab maxRankingsAllowed); nullopt = all.
    std::optional<int> max_rankings;
    /// Keep eliminating until two candidates remain, even after someone has a majority.
    bool continue_until_two = false;
    /// Candidates removed before counting (as if withdrawn).
    std::vector<cand_t> excluded;
    /// RCTab's undeclared write-in: this candidate is eliminated after the first round's tally
    /// (alone, unless someone already has a majority), and can never win.
    std::optional<cand_t> undeclared_write_in;
    tie_break_options tie_break;
};

/// Instant runoff: repeatedly eliminate the candidate with fewest votes, transferring each
/// ballot to its next continuing choice, until one has a majority of the continuing votes.
result irv(const profile& p, const irv_options& opt = {});

struct plurality_options {
    /// A ballot whose first tier holds several candidates: by default it is not counted (an
    /// overvote); with skip_to_next it counts for its next single choice.
    overvote_rule overvotes = overvote_rule::exhaust_immediately;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

// --- the generic count (definitions in irv-inl.hpp) ----------------------------------------

/// Votes that stopped counting, by reason (cumulative), in the count's number type.
template <class Num> struct irv_inactive {
    Num exhausted_choices{};
    Num overvotes{};
    Num skipped_ranks{};
    Num repeated_ranks{};
    Num blank{}; ///< ranked nobody; not in total()
    Num total() const { return exhausted_choices + overvotes + skipped_ranks + repeated_ranks; }
};

template <class Num> struct irv_transfer {
    cand_t from;
    cand_t to; ///< or k_exhausted
    Num amount;
};

/// A tally that changed at a round: as tally_change, in the count's number type.
template <class Num> struct irv_tally_change {
    cand_t candidate;
    std::optional<Num> votes; ///< the new tally; nullopt when the candidate left the count
};

/// One round of a generic count: as round_record, in the count's number type.
template <class Num> struct irv_round {
    /// Per candidate, nullopt once out of the count: only in plurality's one round. count_irv's
    /// rounds leave it empty and keep `changes` (read round_tallies(outcome, k)).
    std::vector<std::optional<Num>> tallies;
    /// The tallies that differ from the previous round's, by candidate (round 1: every candidate
    /// in the count): a round costs what it changed, not every candidate (10,000 candidates
    /// make 10,000 rounds, whose full table would be 5 x 10^7 tallies).
    std::vector<irv_tally_change<Num>> changes;
    std::vector<cand_t> elected;
    std::vector<cand_t> eliminated; ///< at the end of this round
    std::vector<irv_transfer<Num>> transfers;
    irv_inactive<Num> inactive;
    Num total{}; ///< the continuing candidates' votes: a winner needs more than half
};

/// A tie the generic count broke (or left unresolved under tie_policy::report).
struct irv_tie {
    std::size_t round = 0;
    std::string purpose; ///< "elimination" or "election"
    std::vector<cand_t> candidates;
    tie_policy policy = tie_policy::previous_rounds;
    std::optional<cand_t> chosen; ///< the loser (elimination) or winner (election)
    /// As tie_record::continues_previous: once the ties have named k_full_round_tallies
    /// candidates, a tie that holds the previous tie's candidates less some (for the same
    /// purpose) is kept as that change, `candidates` empty and `left` those gone (10,000
    /// zero-vote candidates eliminated one per round would otherwise name 5 x 10^7).
    /// tie_candidates(outcome, i) lists any tie either way.
    bool continues_previous = false;
    std::vector<cand_t> left; ///< only when continues_previous
};

/// What count_irv returns: the winner, the candidates in order of elimination, every round
/// (as the tallies it changed).
template <class Num> struct irv_outcome {
    std::optional<cand_t> winner; ///< none if a tie was left unresolved
    std::vector<cand_t> eliminated;
    std::vector<irv_round<Num>> rounds;
    std::vector<irv_tie> ties;
    bool complete = true;
    std::size_t candidate_count = 0; ///< the ballot source's candidates (round tallies' size)
};

/// Brings `tallies` (round k-1's, or anything for k = 0) to round k's (0-based) of a generic
/// count, at the cost of round k's changes: nullopt for a candidate not in the count.
template <class Num>
void advance_tallies(const irv_outcome<Num>& o, std::size_t k, std::vector<std::optional<Num>>& tallies) {
    if (k >= o.rounds.size())
        throw error(errc::not_found, "round " + std::to_string(k + 1) + " out of range (" +
                                         std::to_string(o.rounds.size()) + " rounds)");
    if (k == 0) tallies.assign(o.candidate_count, std::nullopt);
    for (const auto& ch : o.rounds[k].changes) tallies.at(ch.candidate) = ch.votes;
}

/// Round k's (0-based) tallies by candidate: O(candidates + the changes of rounds 0..k).
template <class Num> std::vector<std::optional<Num>> round_tallies(const irv_outcome<Num>& o, std::size_t k) {
    std::vector<std::optional<Num>> t;
    for (std::size_t i = 0; i <= k; ++i) advance_tallies(o, i, t);
    return t;
}

/// Tie i's candidates (sorted by candidate), whichever form the outcome keeps them in: costs the
/// candidates of the last tie listed in full at or before i, plus the ties since.
template <class Num> std::vector<cand_t> tie_candidates(const irv_outcome<Num>& o, std::size_t i) {
    if (i >= o.ties.size())
        throw error(errc::not_found, "tie " + std::to_string(i + 1) + " out of range (" +
                                         std::to_string(o.ties.size()) + " ties)");
    std::size_t b = i;
    while (o.ties[b].continues_previous) {
        if (b == 0) throw error(errc::invalid, "the first tie cannot continue a previous one");
        --b;
    }
    if (b == i) return o.ties[i].candidates;
    std::vector<char> gone(o.candidate_count, 0);
    for (std::size_t k = b + 1; k <= i; ++k)
        for (cand_t c : o.ties[k].left)
            if (c < gone.size()) gone[c] = 1;
    std::vector<cand_t> out;
    for (cand_t c : o.ties[b].candidates)
        if (c >= gone.size() || !gone[c]) out.push_back(c);
    return out;
}

namespace detail {
/// Where run_irv leaves a count (irv() turns it into a result).
struct irv_progress {
    std::optional<cand_t> winner;
    std::vector<char> continuing;
    std::vector<cand_t> eliminated_order;
    std::vector<std::size_t> eliminated_round;
    bool stopped = false; ///< a tie for elimination was left unresolved
};
} // namespace detail

/// Instant runoff in the number type Num over any ranking ballot source: the same count as
/// irv() (same rules, options and tie-breaks), without building a result. With std::int64_t or
/// rational over a profile it is libaccord's compiled count; any other Num or Source needs
/// accord/rules/irv-inl.hpp. Floating point is for analysis only: it never decides an election.
template <class Num, ranking_ballot_source Source>
irv_outcome<Num> count_irv(const Source& ballots, const irv_options& opt = {});

/// First-past-the-post: most first preferences wins; the ranking orders all by that count.
result plurality(const profile& p, const plurality_options& opt = {});

#ifndef ACCORD_HEADER_ONLY
// Compiled once in libaccord (src/rules/irv.cpp).
extern template irv_outcome<std::int64_t> count_irv<std::int64_t, profile>(const profile&,
                                                                           const irv_options&);
extern template irv_outcome<rational> count_irv<rational, profile>(const profile&, const irv_options&);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/rules/irv-inl.hpp"
#endif
