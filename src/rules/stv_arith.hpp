// Internal: STV's arithmetic policies as the counts name them (src/rules/stv_gregory.cpp,
// stv_meek.cpp), and the choice of policy for a count. The policies and the quotas are public,
// in accord/rules/stv_arith.hpp: exact rationals, or fixed-point decimals held as scaled 64-bit
// integers with 128-bit intermediates and explicit rounding, which is exactly the arithmetic the
// Scottish Order prescribes (five decimal places, remainders ignored).
#pragma once

#include "accord/profile.hpp"
#include "accord/rules/stv.hpp"
#include "accord/rules/stv_arith.hpp"

#include <optional>

namespace accord {
inline namespace v0 {
namespace stv_detail {

using exact_arith = stv_exact_arith;
using fixed_arith = stv_fixed_arith;

template <class A> unsigned places_of(const A& a) {
    if constexpr (A::exact)
        return 0;
    else
        return a.places;
}

template <template <class> class Count>
result with_arith(const profile& p, const stv_options& opt, std::optional<unsigned> places) {
    if (places && *places != stv_options::k_exact) {
        fixed_arith a(*places);
        // Every value is at most the total number of papers (times the largest weight).
        a.from_rational(p.total_weight());
        return Count<fixed_arith>(p, opt, a).run();
    }
    return Count<exact_arith>(p, opt, exact_arith{}).run();
}

} // namespace stv_detail
} // namespace v0
} // namespace accord
