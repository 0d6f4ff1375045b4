// accord/rules/lottery.hpp: probabilistic rules, returning their exact lottery and one seeded
// draw from it (docs/methods/<rule>.md).
//
// Random dictator (pref_voting 1.18.1, probabilistic_methods.py): a voter drawn uniformly at
// random chooses, so each candidate wins with its share of the first preferences. The lottery is
// exact (rational probabilities in `scores`); the winner is one draw from it, made exactly (a
// uniform integer below the lottery's common denominator, by rejection from std::mt19937_64) and
// recorded in `ties` with its seed.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {

struct lottery_options {
    std::vector<cand_t> excluded;
    std::uint64_t seed = 0; ///< seed of the draw
};

/// Random dictator: P(c) = c's first preferences / all first preferences (a ballot whose top
/// tier holds several candidates shares its weight equally among them; ballots ranking none of
/// the candidates taking part are left out). Needs ranking ballots.
result random_dictator(const profile& p, const lottery_options& opt = {});

} // namespace v0
} // namespace accord
