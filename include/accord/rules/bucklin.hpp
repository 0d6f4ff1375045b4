// accord/rules/bucklin.hpp: the Bucklin variants of pref_voting's catalogue, and split-IRV
// (docs/methods/<rule>.md). The classic Bucklin count is `bucklin` in elimination.hpp.
//
// A ballot's rank k is its k-th tier of candidates taking part (equal ranks share a tier;
// pref_voting's versions take linear orders only). Counts are exact rationals.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <vector>

namespace accord {
inline namespace v0 {

struct bucklin_options {
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Simplified Bucklin: round k counts each ballot for every candidate in its first k ranks; at
/// the first round where some candidate is on more than half of the ballots, every candidate
/// who is wins (the tied winners go to the tie-breaker).
result simplified_bucklin(const profile& p, const bucklin_options& opt = {});

struct weighted_bucklin_options {
    /// false: a score of at least half the ballots stops the count (Kilgour, Gregoire & Foley);
    /// true: more than half.
    bool strict_threshold = false;
    bucklin_options common;
};
/// Weighted Bucklin: rank r of m candidates scores (m - r) / (m - 1) (1 when m = 1); round k
/// adds ranks 1..k; the first round where a score reaches the threshold elects the highest.
result weighted_bucklin(const profile& p, const weighted_bucklin_options& opt = {});

/// Iterated Bucklin (SVVAMP): repeatedly eliminate the candidate with the lowest adjusted median
/// Borda score among those left, med - x / (voters + 1), where med is the median of its Borda
/// scores over the voters and x the voters giving it less. Needs complete strict rankings and
/// unweighted ballots. Ties for elimination go to the tie-breaker (`pick_loser`), recorded.
result iterated_bucklin(const profile& p, const bucklin_options& opt = {});

/// Split-IRV (Delemazure & Peters 2024): each ballot counts for its highest tier of candidates
/// still standing, split equally among them; every candidate with the fewest is eliminated
/// together, until one is left or all left tie (the tied winners go to the tie-breaker).
result split_irv(const profile& p, const bucklin_options& opt = {});

} // namespace v0
} // namespace accord
