// Internal: SMAA for two-stage counts and two-level weightings (src/analysis/smaa_two_level.cpp).
#pragma once

#include "accord/analysis/sweep.hpp"

namespace accord {
inline namespace v0 {

/// population_smaa() for opt.mode == two_stage or a group_scheme: population noise only.
acceptability two_level_smaa(const profile& p, const organisation& org, const population_smaa_options& opt);

} // namespace v0
} // namespace accord
