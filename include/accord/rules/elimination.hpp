// accord/rules/elimination.hpp: single-winner rules that eliminate candidates in rounds.
//
// Two-round runoff, contingent and supplementary vote, Coombs, Bucklin (rounds of widening
// approval), Baldwin and Nanson (Borda elimination). Counts are exact rationals; a ballot whose
// top (or bottom) tier holds several continuing candidates shares its vote equally among them.
// Every round is recorded; every tie goes through the tie-breaker. See docs/methods/<rule>.md.
#pragma once

#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

struct elimination_options {
    unranked_rule unranked = unranked_rule::last;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::previous_rounds};
};

/// Two-round runoff simulated from rankings: a majority of first preferences wins outright,
/// else the top two meet and each ballot counts for whichever of them it ranks higher.
result runoff(const profile& p, const elimination_options& opt = {});
/// Contingent vote: the same count as runoff, named as the UK/Queensland rule.
result contingent(const profile& p, const elimination_options& opt = {});
/// Supplementary vote (London mayor 2000-2021): as contingent, but only the first two
/// preferences of each ballot count.
result supplementary(const profile& p, const elimination_options& opt = {});
/// Coombs: unless someone has a majority of first preferences, eliminate the candidate ranked
/// last by most voters (unranked candidates are last under unranked = last).
result coombs(const profile& p, const elimination_options& opt = {});
/// Bucklin: round k counts every ballot for each candidate in its first k ranks (tiers); the
/// first round where someone is on more than half the ballots elects the one with most.
result bucklin(const profile& p, const elimination_options& opt = {});
/// Baldwin: repeatedly eliminate the lowest Borda score among those left (Borda from the
/// pairwise matrix: sum of margins).
result baldwin(const profile& p, const elimination_options& opt = {});
/// Nanson: repeatedly eliminate every candidate whose Borda score is at or below the average.
result nanson(const profile& p, const elimination_options& opt = {});

} // namespace v0
} // namespace accord
