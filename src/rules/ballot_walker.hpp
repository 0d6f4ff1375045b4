// Internal: how a ranking ballot of a profile continues past candidates who left the count,
// under RCTab's continuation rules (overvotes, skipped ranks, repeated candidates, maximum
// rankings), with exact rational bookkeeping. The walker itself is generic, in
// accord/rules/irv-inl.hpp; this adds what the STV family (stv*.cpp) counts in rationals.
#pragma once

#include "accord/rules/irv-inl.hpp"

#include <span>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

template <class Num> inline Num value_of(const profile& p, std::size_t i) {
    return ballot_values<profile>::template value<Num>(p, i);
}

template <class Num> inline rational exact(const Num& x) { return rational(x); }

// The walker over a profile (the generic one is in accord/rules/irv-inl.hpp).
using walker = basic_walker<profile>;

template <class Num> inline void add_inactive(inactive_votes& iv, why w, const Num& v) {
    switch (w) {
    case why::exhausted_choices:
        iv.exhausted_choices += exact(v);
        break;
    case why::overvote:
        iv.overvotes += exact(v);
        break;
    case why::skipped:
        iv.skipped_ranks += exact(v);
        break;
    case why::repeated:
        iv.repeated_ranks += exact(v);
        break;
    case why::blank:
        iv.blank += exact(v);
        break;
    case why::active:
        break;
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
