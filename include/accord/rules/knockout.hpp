// accord/rules/knockout.hpp: head-to-head matches seeded by first preferences or Borda scores,
// from pref_voting's catalogue (docs/methods/<rule>.md).
//
// Superior voting (Holliday; named by Foley), bracket voting and knockout voting (both proposed
// by E. B. Foley), and Bradley-Terry where its maximum-likelihood ranking is exact. The majority relation
// comes from the shared pairwise matrix (pairwise.hpp); first preferences are exact, a ballot whose top tier
// holds several candidates sharing its vote equally among them. Every tie the rule itself does not settle
// goes to the tie-breaker and is recorded.
#pragma once

#include "accord/rules/condorcet.hpp"

namespace accord {
inline namespace v0 {

/// Superior voting: a candidate's points are its own first preferences plus the first
/// preferences of every candidate it beats head to head; most points wins.
result superior_voting(const profile& p, const condorcet_common& opt = {});
/// Bracket voting: the four candidates with most first preferences are seeded 1-4 (ties for a
/// seed by the tie-breaker); 1 meets 4 and 2 meets 3 head to head (with three candidates seed 1
/// has a bye), then the two winners meet. A drawn match goes to the higher seed. With two
/// candidates, most first preferences wins.
result bracket_voting(const profile& p, const condorcet_common& opt = {});
/// Knockout voting: the two candidates left with the lowest Borda scores (computed once, over
/// every candidate) meet head to head and the loser is eliminated, until one is left. Ties in
/// the Borda scores are followed in every way they can be broken (parallel universes): the
/// winners are all the candidates some way elects.
result knockout(const profile& p, const condorcet_common& opt = {});
/// Bradley-Terry: the candidates of highest maximum-likelihood strength when each pairwise
/// proportion support(a, b) / voters is read as v_a / (v_a + v_b). The MLE is irrational in
/// general, so accord decides it only where it is exact: when every pair of candidates is
/// compared by the same total weight of voters (complete strict rankings, for one), the MLE
/// orders the candidates as their total pairwise wins (their Borda scores), ties included.
/// Otherwise errc::unsupported, naming a pair compared more often than another.
result bradley_terry(const profile& p, const condorcet_common& opt = {});

} // namespace v0
} // namespace accord
