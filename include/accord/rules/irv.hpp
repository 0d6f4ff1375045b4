// accord/rules/irv.hpp: plurality and instant-runoff voting (alternative vote, RCV).
//
// IRV with the ballot-continuation rules of real cast-vote-record counts (RCTab): overvotes,
// skipped ranks, repeated candidates, maximum rankings, batch elimination, continue until two.
// See docs/methods/irv.md and docs/methods/plurality.md.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <optional>
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

/// First-past-the-post: most first preferences wins; the ranking orders all by that count.
result plurality(const profile& p, const plurality_options& opt = {});

} // namespace v0
} // namespace accord
