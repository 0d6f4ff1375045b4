// accord/rules/utility.hpp: rules over score ballots read as utilities or graded approvals,
// from pref_voting's catalogue (utility_methods.py, grade_methods.py; docs/methods/<rule>.md).
//
// Dis&approval (Alcantud & Laruelle), relative utilitarianism (Kaplan normalisation), maximin
// and lexicographic maximin (egalitarian), and the Nash product. Every number is exact: rational
// sums, big-integer products. Ties go to the tie-breaker and are recorded.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace accord {
inline namespace v0 {

struct utility_options {
    /// Maximin, lex-maximin and Nash: the score of a candidate a ballot leaves unscored. nullopt:
    /// such a ballot is refused, naming it (the rules compare every voter's utility).
    std::optional<std::int32_t> unscored;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Dis&approval: each ballot gives +1, 0 or -1 (unscored = 0); the highest total wins. Scores
/// outside {-1, 0, 1} are refused, naming the ballot.
result dis_and_approval(const profile& p, const utility_options& opt = {});
/// Relative utilitarian: each ballot's scores are rescaled to [0, 1] over the candidates it
/// scores (min to 0, max to 1; a ballot scoring all alike gives 0 to all), then summed; unscored
/// candidates get nothing from that ballot. Highest sum wins.
result relative_utilitarian(const profile& p, const utility_options& opt = {});
/// Maximin (egalitarian): the candidate whose lowest score over the ballots is highest.
result maximin_utility(const profile& p, const utility_options& opt = {});
/// Lexicographic maximin (leximin): compare the lowest scores, then the second lowest, ...
result lex_maximin(const profile& p, const utility_options& opt = {});

struct nash_options {
    /// nullopt: the product of the scores (which must be >= 0). A candidate: pref_voting's Nash
    /// bargaining solution, the product of each voter's gain over the status quo, among the
    /// candidates every voter scores strictly above it (the status quo scores 0).
    std::optional<cand_t> status_quo;
    utility_options common;
};
/// Nash: the highest product of scores over the voters (a ballot cast by k voters counts k
/// times), an exact big integer. Needs unweighted ballots; at most 10^6 voters.
result nash(const profile& p, const nash_options& opt = {});

} // namespace v0
} // namespace accord
