// accord/rules/dodgson.hpp: Dodgson's and Young's rules, exact (docs/methods/dodgson.md,
// docs/methods/young.md).
//
// Both measure how far each candidate is from being the Condorcet winner: Dodgson (1876) by
// the fewest swaps of adjacent candidates in the voters' rankings, Young (1977) by the most
// voters that can be kept with the candidate a Condorcet winner among them. Both scores are
// NP-hard (Bartholdi, Tovey and Trick 1989; Rothe, Spakowski and Vogel 2003); accord computes
// them exactly as integer programs (the formulations of Bartholdi, Tovey and Trick and of Young)
// by branch and bound on its exact rational simplex (src/lp.hpp), and refuses more than
// k_dodgson_young_max_candidates candidates with errc::unsupported naming the limit.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <functional>
#include <vector>

namespace accord {
inline namespace v0 {

/// The most candidates taking part that dodgson() and young() accept: each candidate's score is
/// an integer program whose size grows with the distinct rankings (up to k! of them).
inline constexpr std::size_t k_dodgson_young_max_candidates = 10;

struct dodgson_options {
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
    /// Called after each candidate's score with the fraction of candidates scored; returning
    /// false cancels the count (errc::cancelled). The registry passes the caller's progress here
    /// (run(p, "dodgson", options, progress)).
    std::function<bool(double)> progress;
};

/// Dodgson: scores = each candidate's Dodgson score (fewest adjacent swaps making it the strict
/// Condorcet winner); the lowest wins; ranking by score. Needs complete strict rankings (one
/// candidate may be left unranked) of unweighted voters.
result dodgson(const profile& p, const dodgson_options& opt = {});

/// Young: scores = each candidate's Young score (the most voters a sub-electorate can keep with
/// the candidate its strict Condorcet winner; none when no non-empty one exists); the highest
/// wins; ranking by score, candidates without one last. Ballots as dodgson().
result young(const profile& p, const dodgson_options& opt = {});

} // namespace v0
} // namespace accord
