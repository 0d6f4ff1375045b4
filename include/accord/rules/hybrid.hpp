// accord/rules/hybrid.hpp: rules that combine the majority graph with first preferences or
// scores — Condorcet-hybrid eliminations and compositions, as catalogued by pref_voting.
//
// Benham, Woodall, Smith-IRV, Condorcet-IRV, Tideman's alternative (Smith or Schwartz),
// bottom-two-runoff IRV, Raynaud, strict Nanson, iterated removal of the Condorcet loser,
// Daunou, Condorcet-plurality, Smith-minimax, Copeland-local-Borda, Copeland-global-Borda,
// Borda-minimax face-off and the Pareto set.
//
// One convention for all of them, the one pref_voting uses (docs/methods/<rule>.md): when
// several candidates tie for elimination they are all eliminated together, and when that would
// leave nobody, the tied candidates are the tied winners. So an elimination never needs a
// tie-break; the one tie that can remain is among the final tied winners, which goes to the
// tie-breaker and is recorded. First preferences are counted exactly (a ballot whose top tier
// holds several of the candidates still standing shares its vote equally among them); the
// majority graph comes from the shared pairwise matrix (pairwise.hpp).
#pragma once

#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

struct hybrid_options {
    unranked_rule unranked = unranked_rule::last;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Benham: while there is no Condorcet winner among those left, eliminate the candidate(s) with
/// fewest first preferences among those left.
result benham(const profile& p, const hybrid_options& opt = {});
/// Woodall: a unique Smith-set member wins; otherwise eliminate plurality losers (IRV order)
/// until one member of the original Smith set is left.
result woodall(const profile& p, const hybrid_options& opt = {});
/// Smith-IRV: instant runoff among the Smith set.
result smith_irv(const profile& p, const hybrid_options& opt = {});
/// Condorcet-IRV: the Condorcet winner, else instant runoff.
result condorcet_irv(const profile& p, const hybrid_options& opt = {});

enum class dominant_set : std::uint8_t { smith = 0, schwartz = 1 };
struct tideman_alternative_options {
    dominant_set set = dominant_set::smith;
    hybrid_options common;
};
/// Tideman's alternative: restrict to the Smith (or Schwartz) set of those left, eliminate the
/// plurality loser(s) within it, repeat until the set has one member.
result tideman_alternative(const profile& p, const tideman_alternative_options& opt = {});
/// Bottom-two-runoff IRV: the two with fewest first preferences meet head to head; the loser
/// is eliminated; repeat.
result btr_irv(const profile& p, const hybrid_options& opt = {});
/// Raynaud: repeatedly eliminate the candidate(s) whose worst pairwise defeat (margin) is the
/// largest, until all left have the same worst defeat.
result raynaud(const profile& p, const hybrid_options& opt = {});
/// Strict Nanson: repeatedly eliminate every candidate whose Borda score is strictly below the
/// average (the `nanson` rule eliminates at or below it).
result strict_nanson(const profile& p, const hybrid_options& opt = {});
/// Iterated removal of the Condorcet loser: remove Condorcet losers until there is none; the
/// candidates left are the (set-valued) result.
result iterated_removal_condorcet_loser(const profile& p, const hybrid_options& opt = {});
/// Daunou: the Condorcet winner, else the plurality winner among the candidates that survive
/// iterated removal of the Condorcet loser.
result daunou(const profile& p, const hybrid_options& opt = {});
/// Condorcet-plurality: the Condorcet winner, else the plurality winner.
result condorcet_plurality(const profile& p, const hybrid_options& opt = {});
/// Smith-minimax: the minimax (margins) winner among the Smith set.
result smith_minimax(const profile& p, const hybrid_options& opt = {});
/// Copeland-local-Borda: the Borda winner of the profile restricted to the Copeland winners.
result copeland_local_borda(const profile& p, const hybrid_options& opt = {});
/// Copeland-global-Borda: among the Copeland winners, the one with the highest Borda score over
/// all candidates.
result copeland_global_borda(const profile& p, const hybrid_options& opt = {});
/// Borda-minimax face-off: if the Borda and minimax winners agree they win; otherwise each
/// Borda winner meets each minimax winner head to head and the winners of those meetings (both
/// on a pairwise tie) win.
result borda_minimax_faceoff(const profile& p, const hybrid_options& opt = {});
/// The Pareto set (set-valued): the candidates no other candidate Pareto-dominates, where a
/// dominates b when every voter ranks a strictly above b.
result pareto(const profile& p, const hybrid_options& opt = {});

} // namespace v0
} // namespace accord
