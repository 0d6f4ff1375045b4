// Internal: an IRV count's rounds written out in full, for rules that splice IRV's rounds into
// their own (Alaska after its primary, sequential RCTab STV pass after pass). IRV keeps its rounds
// as changes from its own round 1 (result::tallies_as_changes), which do not continue the rounds
// put before them.
#pragma once

#include "accord/result.hpp"

#include <optional>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

/// Gives every round of `r` its full tallies and clears the changes: rounds x candidates, so for
/// counts whose table is small (a final of k candidates, one RCTab pass per seat).
inline void write_rounds_in_full(result& r) {
    if (!r.tallies_as_changes) return;
    std::vector<std::optional<rational>> full;
    for (std::size_t i = 0; i < r.rounds.size(); ++i) {
        advance_tallies(r, i, full);
        r.rounds[i].tallies = full;
    }
    for (auto& rd : r.rounds) rd.changes.clear();
    r.tallies_as_changes = false;
}

} // namespace detail
} // namespace v0
} // namespace accord
