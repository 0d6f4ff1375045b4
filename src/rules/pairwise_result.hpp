// Internal: how the pairwise families (condorcet.cpp, margin.cpp, hybrid.cpp) start a result and
// choose its single winner.
#pragma once

#include "accord/result.hpp"
#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

#include <algorithm>
#include <span>
#include <vector>

namespace accord {
inline namespace v0 {
namespace pairwise_detail {

/// A result of `method` over p's candidates, holding the pairwise matrix.
template <class Num> result start(const profile& p, const pairwise_matrix<Num>& m, const char* method) {
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    r.pairwise = to_rational_matrix(m);
    return r;
}

/// Winner: the one candidate of `tied`, or one of them chosen (and recorded) by the tie-breaker
/// as the "election" tie of `round`; no winner when the policy leaves the tie unresolved.
inline void elect_one(result& r, tie_breaker& tb, std::span<const cand_t> tied, std::size_t round = 0,
                      std::span<const round_record> history = {}) {
    if (tied.size() == 1)
        r.winners = {tied[0]};
    else if (auto w = tb.pick_winner(tied, round, "election", history))
        r.winners = {*w};
}

/// `winner` wins outright: the ranking is the winner, then every other of `cands` in one tier.
inline void winner_then_rest(result& r, cand_t winner, const std::vector<cand_t>& cands) {
    r.winners = {winner};
    r.ranking.push_back(r.winners);
    std::vector<cand_t> rest;
    for (cand_t c : cands)
        if (c != winner) rest.push_back(c);
    if (!rest.empty()) r.ranking.push_back(rest);
}

// The ranking of a set-valued rule: its set, then its set of the candidates left, and so on.
// `set_of` returns a non-empty sorted subset of the (sorted) candidates it is given.
template <class SetOf>
std::vector<std::vector<cand_t>> by_repeated_sets(std::vector<cand_t> left, SetOf set_of) {
    std::vector<std::vector<cand_t>> ranking;
    while (!left.empty()) {
        auto set = set_of(left);
        if (set.empty()) set = left; // never for these rules; a guard against looping forever
        std::vector<cand_t> rest;
        for (cand_t c : left)
            if (!std::binary_search(set.begin(), set.end(), c)) rest.push_back(c);
        ranking.push_back(std::move(set));
        left = std::move(rest);
    }
    return ranking;
}

} // namespace pairwise_detail
} // namespace v0
} // namespace accord
