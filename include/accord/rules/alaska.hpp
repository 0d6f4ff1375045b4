// accord/rules/alaska.hpp: a top-k primary followed by instant runoff among the finalists, as
// Alaska elects (Ballot Measure 2, 2020: a top-four primary, then a ranked-choice general
// election), simulated from one set of rankings (docs/methods/alaska.md).
#pragma once

#include "accord/rules/irv.hpp"

#include <cstddef>

namespace accord {
inline namespace v0 {

struct alaska_options {
    /// Finalists advancing from the primary (Alaska: 4).
    std::size_t k = 4;
    std::vector<cand_t> excluded;
    /// Ties for the last places in the final, and every tie of the instant runoff.
    tie_break_options tie_break{.policy = tie_policy::previous_rounds};
};

/// The primary counts each ballot for its first choice (shared equally over a tied top tier);
/// the k with most advance (a tie for the last places goes to the tie-breaker, recorded). The
/// general election is accord's `irv` (RCTab continuation rules) among the finalists.
result alaska(const profile& p, const alaska_options& opt = {});

} // namespace v0
} // namespace accord
