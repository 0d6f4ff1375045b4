// accord/analysis/explore.hpp: everything the weighting explorer (`accord explore`) shows for one
// setting of its controls, computed by the engine in one call: the count, who holds how much
// weight and power, SMAA rank acceptability and the nearest tipping points.
#pragma once

#include "accord/organisation.hpp"
#include "accord/profile.hpp"

#include <string>
#include <string_view>

namespace accord {
inline namespace v0 {

/// Options (strict JSON, every key optional): {"scheme" ("equal"), "group_scheme" ("" or "none":
/// one level), "mode" ("normalised"), "rule" ("irv"), "group_level" ("pcn"), "samples" (SMAA
/// samples, 200; 0 = none), "seed" (0), "sigma" (population noise, 0.1), "tipping" (true)}.
/// Report: {"settings", "candidates", "winner", "ranking" (tiers of names), "notes", "weights"
/// {"scheme", "largest_share", "effective_number", "min_majority", "units" [{"id", "name",
/// "group", "population", "share"}]}, "groups" [{"id", "name", "population", "share",
/// "banzhaf"}], "smaa" {"samples", "rank_acceptability", "winner_probability", "incomplete"},
/// "tipping" {"quantity", "nearest" [{"unit", "name", "direction", "change", "relative",
/// "new_winner"}], nearest first}, "error"}. A setting the weighting cannot count (say, a cap
/// that cannot hold at its level) is a report with "error" set and the rest absent, so the page
/// can say why; option errors throw.
std::string explore_json(const profile& p, const organisation& org, std::string_view options_json);

} // namespace v0
} // namespace accord
