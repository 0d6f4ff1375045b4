// accord/rules/stv_arith.hpp: the arithmetic STV counts in, as policies over the number type.
//
// A policy gives the number type T and every operation a count needs, with the rounding its rule
// prescribes: `stv_exact_arith` (exact rationals), `stv_fixed_arith` (non-negative decimals with
// a fixed number of places, held as 64-bit integers scaled by 10^places, each product or
// quotient formed exactly in 128 bits and then rounded as asked: the Scottish Order's five
// places, remainders ignored, or Meek's nine) and `stv_float_arith` (`double`, for analysis such
// as fast Monte Carlo: floating point never decides a count). The quotas of the Gregory family
// and of Meek's method are templates over the policy. libaccord's STV counts (rules/stv.hpp) are
// class templates over the exact and fixed-point policies, compiled in src/rules/stv_gregory.cpp
// and stv_meek.cpp.
//
// The quotas are defined in stv_arith-inl.hpp: libaccord compiles them for the exact and
// fixed-point policies; include stv_arith-inl.hpp (or use accord::header-only) for another, e.g.
// `stv_float_arith` (docs/architecture.md, "Header-heavy"). See docs/methods/stv.md.
#pragma once

#include "accord/error.hpp"
#include "accord/number.hpp"
#include "accord/rules/stv.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace accord {
inline namespace v0 {

/// What an STV arithmetic policy provides. `exact` says no operation rounds; `fixed_point` says
/// the policy is a decimal fixed point with `places` and `scale` (10^places). Operations named
/// `_down` / `_up` round towards zero / away from it in the last place of a fixed-point policy.
template <class A>
concept stv_arithmetic = requires(const A& a, const typename A::T& x, std::uint64_t n, const rational& r) {
    { A::exact } -> std::convertible_to<bool>;
    { A::fixed_point } -> std::convertible_to<bool>;
    { a.from_count(n) } -> std::same_as<typename A::T>;
    { a.from_rational(r) } -> std::same_as<typename A::T>;
    { a.mul_count(x, n) } -> std::same_as<typename A::T>;
    { a.muldiv_down(x, x, x) } -> std::same_as<typename A::T>;
    { a.mul_down(x, x) } -> std::same_as<typename A::T>;
    { a.mul_up(x, x) } -> std::same_as<typename A::T>;
    { a.div_down(x, x) } -> std::same_as<typename A::T>;
    { a.div_up(x, x) } -> std::same_as<typename A::T>;
    { a.epsilon() } -> std::same_as<typename A::T>;
    { a.one() } -> std::same_as<typename A::T>;
    { a.to_rational(x) } -> std::same_as<rational>;
};

/// Exact rationals: nothing is rounded.
struct stv_exact_arith {
    using T = rational;
    static constexpr bool exact = true;
    static constexpr bool fixed_point = false;
    T from_count(std::uint64_t n) const { return T(n); }
    T from_rational(const rational& r) const { return r; }
    T mul_count(const T& v, std::uint64_t n) const { return v * T(n); }
    T muldiv_down(const T& a, const T& b, const T& c) const { return a * b / c; }
    T mul_down(const T& a, const T& b) const { return a * b; }
    T mul_up(const T& a, const T& b) const { return a * b; }
    T div_up(const T& a, const T& b) const { return a / b; }
    T div_down(const T& a, const T& b) const { return a / b; }
    T epsilon() const { return T(0); }
    T one() const { return T(1); }
    rational to_rational(const T& v) const { return v; }
};

/// Non-negative decimals with `places` digits after the point, as integers scaled by 10^places.
/// Every product or quotient is formed exactly in 128 bits and then rounded as asked; a value
/// that would not fit is errc::overflow ("use exact arithmetic"), a weight not exact at `places`
/// is errc::invalid.
struct stv_fixed_arith {
    using T = std::int64_t;
    static constexpr bool exact = false;
    static constexpr bool fixed_point = true;
    unsigned places;
    std::int64_t scale;
    explicit stv_fixed_arith(unsigned p) : places(p), scale(1) {
        if (p > 15) throw error(errc::invalid, "stv: at most 15 decimal places in fixed-point arithmetic");
        for (unsigned i = 0; i < p; ++i) scale *= 10;
    }
    static T narrow(int128 v) {
        if (v > std::numeric_limits<std::int64_t>::max() / 4 ||
            v < -(std::numeric_limits<std::int64_t>::max() / 4))
            throw error(errc::overflow,
                        "stv: a value does not fit the fixed-point arithmetic; use exact arithmetic");
        return static_cast<T>(v);
    }
    T from_count(std::uint64_t n) const { return narrow(static_cast<int128>(n) * scale); }
    T from_rational(const rational& r) const {
        const rational s = r * scale;
        if (boost::multiprecision::denominator(s) != 1) {
            // As to_string(r) (number.hpp) writes it, without needing libaccord.
            const auto num = boost::multiprecision::numerator(r);
            const auto den = boost::multiprecision::denominator(r);
            throw error(errc::invalid, "stv: ballot weight " +
                                           (den == 1 ? num.str() : num.str() + '/' + den.str()) +
                                           " is not exact at " + std::to_string(places) + " decimal places");
        }
        const big_int v = boost::multiprecision::numerator(s);
        if (v > big_int(std::numeric_limits<std::int64_t>::max() / 4))
            throw error(errc::overflow, "stv: ballot weight too large for fixed-point arithmetic");
        return v.convert_to<std::int64_t>();
    }
    T mul_count(T v, std::uint64_t n) const {
        return narrow(static_cast<int128>(v) * static_cast<int128>(n));
    }
    // When the product fits 64 bits (Meek's keep factors and weights at 9 places mostly do), a
    // 64-bit division gives the same quotient as the 128-bit one, several times faster.
    T muldiv_down(T a, T b, T c) const {
        T p;
        if (!__builtin_mul_overflow(a, b, &p)) return narrow(p / c);
        return narrow(static_cast<int128>(a) * b / c);
    }
    T mul_down(T a, T b) const {
        T p;
        if (!__builtin_mul_overflow(a, b, &p)) return narrow(div_scale(p));
        return narrow(static_cast<int128>(a) * b / scale);
    }
    // p / scale; the usual scales (Meek's 9 places, the Scottish 5) divide by a constant, which
    // the compiler turns into a multiplication.
    T div_scale(T p) const {
        if (scale == 1'000'000'000) return p / 1'000'000'000;
        if (scale == 100'000) return p / 100'000;
        return p / scale;
    }
    T mul_up(T a, T b) const {
        const int128 p = static_cast<int128>(a) * b;
        return narrow((p + scale - 1) / scale);
    }
    T div_up(T a, T b) const {
        const int128 p = static_cast<int128>(a) * scale;
        return narrow((p + b - 1) / b);
    }
    T div_down(T a, T b) const { return narrow(static_cast<int128>(a) * scale / b); }
    T epsilon() const { return 1; }
    T one() const { return scale; }
    rational to_rational(T v) const { return rational(big_int(v), big_int(scale)); }
};

/// `double`, rounded to nearest as the hardware does: for analysis (e.g. many weightings of
/// the same ballots), never to decide a count (DESIGN.md, "Numbers"). Quotas are formed exactly
/// and then rounded once; exact Droop and Meek's quota are reached on exceeding them, as in
/// exact arithmetic. libaccord's counts do not run in it.
struct stv_float_arith {
    using T = double;
    static constexpr bool exact = false;
    static constexpr bool fixed_point = false;
    T from_count(std::uint64_t n) const { return static_cast<double>(n); }
    T from_rational(const rational& r) const { return r.convert_to<double>(); }
    T mul_count(T v, std::uint64_t n) const { return v * static_cast<double>(n); }
    T muldiv_down(T a, T b, T c) const { return a * b / c; }
    T mul_down(T a, T b) const { return a * b; }
    T mul_up(T a, T b) const { return a * b; }
    T div_up(T a, T b) const { return a / b; }
    T div_down(T a, T b) const { return a / b; }
    T epsilon() const { return 0; }
    T one() const { return 1; }
    rational to_rational(T v) const { return rational(v); }
};

/// A quota: elected on exceeding `value` (strict) or on reaching it.
template <class T> struct stv_threshold {
    T value;
    bool strict; ///< elected on exceeding the value (true) or on reaching it (false)
};

/// The quota of the Gregory-family counts on `valid` votes: Droop, floor(v / (s + 1)) + 1; Hare,
/// v / s (rounded up for whole papers, else up to the last place); exact Droop, v / (s + 1),
/// which exact arithmetic elects on exceeding, and fixed point rounds up by one unit in the last
/// place and elects on reaching (as Droop does).
template <stv_arithmetic A>
stv_threshold<typename A::T> gregory_quota(const A& a, const typename A::T& valid, std::size_t seats,
                                           stv_quota q, bool whole_papers);

/// Meek's quota on the votes still counting: votes / (s + 1), plus one unit in the last place in
/// fixed point (exact arithmetic elects on exceeding it, fixed point on reaching it).
template <stv_arithmetic A>
typename A::T meek_quota(const A& a, const typename A::T& votes, std::size_t seats);

#ifndef ACCORD_HEADER_ONLY
// Compiled once in libaccord (src/rules/stv_arith.cpp).
extern template stv_threshold<rational> gregory_quota(const stv_exact_arith&, const rational&, std::size_t,
                                                      stv_quota, bool);
extern template stv_threshold<std::int64_t> gregory_quota(const stv_fixed_arith&, const std::int64_t&,
                                                          std::size_t, stv_quota, bool);
extern template rational meek_quota(const stv_exact_arith&, const rational&, std::size_t);
extern template std::int64_t meek_quota(const stv_fixed_arith&, const std::int64_t&, std::size_t);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/rules/stv_arith-inl.hpp"
#endif
