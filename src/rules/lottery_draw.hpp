// Internal: one exact, seeded draw from a lottery (defined in lottery.cpp), shared by the
// probabilistic rules (random-dictator, maximal-lotteries).
#pragma once

#include "accord/result.hpp"

#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {
namespace lottery_detail {

/// r.winners = one draw from `prob` (exact probabilities of `cands`, indexed by candidate,
/// summing to 1), recorded in r.ties (purpose "lottery draw", with the seed and the integer
/// drawn) and in r.notes. docs/methods/random-dictator.md describes the draw.
void draw_winner(result& r, const std::vector<cand_t>& cands, const std::vector<rational>& prob,
                 std::uint64_t seed);

} // namespace lottery_detail
} // namespace v0
} // namespace accord
