// Internal: what sweeps, tipping points and population SMAA share (src/analysis/sweep.cpp,
// tipping.cpp, smaa.cpp, smaa_two_level.cpp): voting units of ballots, organisations with other
// populations, and progress.
#pragma once

#include "accord/analysis/generate.hpp"
#include "accord/organisation.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace analysis_detail {

/// `level`, or the organisation's leaf kind when empty.
std::string level_of(const organisation& org, const std::string& level);

/// The first winner's name, or "" when the count has none.
std::string winner_name(const result& r);

/// Voting unit of every distinct ballot, and the distinct units in order of first appearance.
struct ballot_units {
    std::vector<std::uint32_t> of_ballot;
    std::vector<std::uint32_t> units;
};

/// The voting units (org indices at `level`) of p's distinct ballots; every ballot must be tagged.
ballot_units units_of(const profile& p, const organisation& org, const std::string& level);

/// A copy of the organisation with the given leaf populations (group totals recomputed).
/// organisation has no population setter by design, so the tree is rebuilt.
organisation with_populations(const organisation& org, const std::vector<std::uint64_t>& pops);

/// Every unit's population, those of `units` (in order) times max(0, 1 + sigma Z), rounded:
/// one normal draw per unit of `units`, the population sampler of SMAA.
std::vector<std::uint64_t> noisy_populations(const organisation& org, const std::vector<std::uint32_t>& units,
                                             double sigma, random_source& rng);

/// Reports progress; a callback returning false cancels.
void check_progress(const std::function<bool(std::size_t, std::size_t)>& progress, std::size_t done,
                    std::size_t total, const char* what);

} // namespace analysis_detail
} // namespace v0
} // namespace accord
