// accord/rules/block.hpp: committees by counting marks — the single non-transferable vote,
// limited voting and block voting.
//
// Each ballot gives one vote to each of at most `votes` candidates; the `seats` candidates with
// the most votes are elected. SNTV is votes = 1, block voting votes = seats, limited voting
// 1 < votes < seats. Approval ballots mark their approved candidates; ranking ballots mark the
// candidates of their first ranks, as many as the allowance holds (docs/methods/block.md). A
// ballot marking more candidates than allowed is an overvote and counts for nobody. Counts are
// exact (weights as rationals); a tie for the last seat goes to the tie-breaker, recorded.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

struct block_options {
    std::size_t seats = 0; ///< required, >= 1, at most the candidates standing
    std::size_t votes = 0; ///< marks per ballot; 0 means `seats` (block voting)
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Counts marks and elects the `seats` most marked. `method` names the result ("sntv",
/// "limited", "block").
result block_vote(const profile& p, const block_options& opt, std::string_view method = "block");

} // namespace v0
} // namespace accord
