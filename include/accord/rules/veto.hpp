// accord/rules/veto.hpp: rules where voters veto candidates (docs/methods/<rule>.md).
//
// Plurality veto (Kizilkaya & Kempe 2022, as pref_voting 1.18.1 defines it): candidates start
// with their first preferences and voters, one at a time, take a point from their lowest
// candidate still standing. Serial veto (as VoteKit defines it) differs only in when a candidate
// with no points left goes: when a voter next tries to veto it, at no cost to that voter. The
// order of the voters decides both, so it is a parameter: a seeded uniform permutation (the
// default, recorded in the result, independent of the order the ballots were read in) or the
// order the profile holds them. Simultaneous veto (Kizilkaya & Kempe 2023, as VoteKit defines
// it) is the anonymous, continuous version: every ballot vetoes at once, at a constant rate, and
// is computed exactly.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {

enum class voter_order : std::uint8_t {
    random = 0,  ///< a uniform permutation of the voters drawn from `seed` (std::mt19937_64)
    profile = 1, ///< the order the profile stores its distinct ballots, each one's voters together
};

struct veto_options {
    std::vector<cand_t> excluded;
    voter_order order = voter_order::random;
    /// Seeds the random voter order; serial veto's random tie-break draws from the same seed.
    std::uint64_t seed = 0;
    /// Serial veto only: the tie among the candidates left when every voter has vetoed.
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Plurality veto. Needs complete strict rankings of the candidates taking part (a ballot may
/// leave one candidate unranked: it is last) and unweighted ballots; at most 10^7 voters.
/// Always elects exactly one candidate: no tie arises.
result plurality_veto(const profile& p, const veto_options& opt = {});
/// Serial veto: as plurality veto, but a candidate is eliminated only when a voter tries to veto
/// it after its points ran out (that voter then vetoes their next lowest). Candidates left when
/// every voter has vetoed tie; the tie-breaker picks one and the tie is recorded.
result serial_veto(const profile& p, const veto_options& opt = {});

struct simultaneous_veto_options {
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};
/// Simultaneous veto: scores start at the first preferences (shared over a tied top tier); every
/// ballot vetoes its lowest tier of candidates left (unranked ones are last, the veto shared
/// equally) at its weight per unit time; a candidate whose score reaches zero while vetoed is
/// eliminated, and vetoes move on. When every score left is zero, those left tie. Exact rationals.
result simultaneous_veto(const profile& p, const simultaneous_veto_options& opt = {});

} // namespace v0
} // namespace accord
