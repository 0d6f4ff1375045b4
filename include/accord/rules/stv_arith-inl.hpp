// accord/rules/stv_arith-inl.hpp: the definitions of the quota templates declared in
// stv_arith.hpp.
//
// libaccord compiles the instantiations stv_arith.hpp declares `extern template` (the exact and
// fixed-point policies); include this header to instantiate others, e.g. `stv_float_arith`,
// without linking libaccord (accord::header-only).
#pragma once

#include "accord/rules/stv_arith.hpp"

#include <cstddef>
#include <cstdint>

namespace accord {
inline namespace v0 {
namespace detail {

/// `r` in the arithmetic: exact, rounded up to the last place in fixed point, to nearest in
/// floating point.
template <stv_arithmetic A> typename A::T stv_exact_or_up(const A& a, const rational& r) {
    if constexpr (A::exact)
        return r;
    else if constexpr (A::fixed_point)
        return ceil_int(r * a.scale).template convert_to<std::int64_t>();
    else
        return a.from_rational(r);
}

} // namespace detail

template <stv_arithmetic A>
stv_threshold<typename A::T> gregory_quota(const A& a, const typename A::T& valid, std::size_t seats,
                                           stv_quota q, bool whole_papers) {
    const rational v = a.to_rational(valid);
    if (q == stv_quota::droop)
        return {a.from_rational(rational(floor_int(v / rational(seats + 1)) + 1)), false};
    if (q == stv_quota::hare) {
        // With no valid vote the Hare quota is 0, which every candidate "reaches" with nothing:
        // all would be elected at once, more than the seats (and WIGM divided 0 by 0). Elected
        // on exceeding 0 instead, nobody is elected by quota, as under Droop (quota 1).
        if (v == 0) return {a.from_rational(v), true};
        const rational h = v / rational(seats);
        if (whole_papers) return {a.from_rational(rational(ceil_int(h))), false}; // the Hare quota rounded up
        return {detail::stv_exact_or_up(a, h), false};
    }
    const rational qv = v / rational(seats + 1);
    if constexpr (A::exact)
        return {qv, true};
    else if constexpr (A::fixed_point)
        return {detail::stv_exact_or_up(a, qv) + a.epsilon(), false};
    else
        return {a.from_rational(qv), true};
}

template <stv_arithmetic A>
typename A::T meek_quota(const A& a, const typename A::T& votes, std::size_t seats) {
    if constexpr (A::exact)
        return votes / typename A::T(seats + 1);
    else if constexpr (A::fixed_point)
        return votes / static_cast<std::int64_t>(seats + 1) + a.epsilon();
    else
        return votes / static_cast<double>(seats + 1);
}

} // namespace v0
} // namespace accord
