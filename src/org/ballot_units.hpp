// Internal: the voting unit of each distinct ballot (src/org/weighting.cpp defines it; weighted
// counts and the analyses of src/analysis use it).
#pragma once

#include "accord/organisation.hpp"
#include "accord/profile.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace org_detail {

struct tagged {
    std::vector<std::uint32_t> unit_of_ballot; // org index of each distinct ballot's voting unit
    std::vector<std::uint32_t> voting_units;   // distinct, in order of first appearance
};

/// The voting unit (org index at `level`) of each of p's distinct ballots; every ballot must be
/// tagged with a unit of the organisation at or below `level`.
tagged tag(const profile& p, const organisation& org, const std::string& level);

} // namespace org_detail
} // namespace v0
} // namespace accord
