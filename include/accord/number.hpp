// accord/number.hpp: the exact number types every count is decided in.
//
// Unweighted counts are 64-bit integers; weighted tallies and transfers are exact rationals
// (GMP-backed Boost.Multiprecision). Floating point never decides a count.
#pragma once

#include <boost/multiprecision/gmp.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace accord {
inline namespace v0 {

using rational = boost::multiprecision::mpq_rational;
using big_int = boost::multiprecision::mpz_int;

/// r == 1, without allocating (hot paths compare every ballot's weight with 1).
inline bool is_one(const rational& r) noexcept { return mpq_cmp_ui(r.backend().data(), 1, 1) == 0; }
/// Sign of r (-1, 0, 1), without allocating.
inline int sign(const rational& r) noexcept { return mpq_sgn(r.backend().data()); }

/// The greatest integer <= r, exactly.
inline big_int floor_int(const rational& r) {
    big_int q;
    mpz_fdiv_q(q.backend().data(), mpq_numref(r.backend().data()), mpq_denref(r.backend().data()));
    return q;
}
/// The least integer >= r, exactly.
inline big_int ceil_int(const rational& r) {
    big_int q;
    mpz_cdiv_q(q.backend().data(), mpq_numref(r.backend().data()), mpq_denref(r.backend().data()));
    return q;
}

/// "p/q" in lowest terms, or "p" when the denominator is 1.
std::string to_string(const rational& r);

/// Parses "12", "-3", "421/2145" or a finite decimal "0.125" exactly. Throws accord::error
/// (errc::parse) naming the text on anything else (NaN, inf, exponents, empty, junk).
rational parse_rational(std::string_view text);

/// Nearest double, for display and analysis only.
double to_double(const rational& r);

} // namespace v0
} // namespace accord
