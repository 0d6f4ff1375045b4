// accord/rules/margin.hpp: rules read off the margin graph that need more than one pass over
// it — Split Cycle, Stable Voting and Simple Stable Voting (Holliday & Pacuit), and River.
//
// Margins come from the shared pairwise matrix (pairwise.hpp): margin(a, b) =
// support(a, b) - support(b, a), exact in int64 or rationals. See docs/methods/<rule>.md.
#pragma once

#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

struct margin_options {
    unranked_rule unranked = unranked_rule::last;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Split Cycle (set-valued): a defeats b when margin(a, b) > 0 and there is no majority path
/// from b back to a whose every link has a margin at least margin(a, b). The winners are the
/// undefeated candidates; the ranking layers the defeat relation (which is acyclic).
result split_cycle(const profile& p, const margin_options& opt = {});

/// Stable Voting: with one candidate, it wins. Otherwise take the pairs (a, b) from the largest
/// margin of a over b down, a undefeated under Split Cycle; the winners are the a of the first
/// pair(s) such that a wins Stable Voting without b. Several winners (witnessed by equal
/// margins) go to the tie-breaker, recorded.
result stable_voting(const profile& p, const margin_options& opt = {});
/// Simple Stable Voting: as Stable Voting without the Split Cycle filter.
result simple_stable_voting(const profile& p, const margin_options& opt = {});

/// River: the Condorcet winner if there is one. Otherwise take the pairs (a, b) with margin(a, b)
/// >= 0 from the largest margin down and lock a -> b unless b already has a locked edge into it
/// or the edge would close a cycle; the root of the resulting tree wins. When equal margins make
/// the order matter, they are ordered by a ranking of the candidates drawn once from the
/// tie-breaker (recorded): the pair whose first candidate is favoured first, then the one whose
/// second candidate is favoured (pref_voting's River TB).
result river(const profile& p, const margin_options& opt = {});

/// The stable-voting recursions memoise one answer per sub-election (set of candidates); a
/// count that would need more is refused with errc::unsupported rather than run unbounded.
inline constexpr std::size_t k_stable_voting_max_subelections = std::size_t(1) << 22;

} // namespace v0
} // namespace accord
