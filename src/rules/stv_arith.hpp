// Internal: STV's arithmetic policies (src/rules/stv_gregory.cpp, stv_meek.cpp). Exact rationals,
// or fixed-point decimals held as scaled 64-bit integers with 128-bit intermediates and explicit
// rounding, which is exactly the arithmetic the Scottish Order prescribes (five decimal places,
// remainders ignored); the quotas, formed in the policy; and the choice of policy for a count.
#pragma once

#include "accord/error.hpp"
#include "accord/number.hpp"
#include "accord/profile.hpp"
#include "accord/rules/stv.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace accord {
inline namespace v0 {
namespace stv_detail {

// ---------------------------------------------------------------------------------------------
// Arithmetic policies.

struct exact_arith {
    using T = rational;
    static constexpr bool exact = true;
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

// Non-negative decimals with `places` digits after the point, as integers scaled by 10^places.
// Every product or quotient is formed exactly in 128 bits and then rounded as asked.
struct fixed_arith {
    using T = std::int64_t;
    static constexpr bool exact = false;
    unsigned places;
    std::int64_t scale;
    explicit fixed_arith(unsigned p) : places(p), scale(1) {
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
        if (boost::multiprecision::denominator(s) != 1)
            throw error(errc::invalid, "stv: ballot weight " + to_string(r) + " is not exact at " +
                                           std::to_string(places) + " decimal places");
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

template <class A> unsigned places_of(const A& a) {
    if constexpr (A::exact)
        return 0;
    else
        return a.places;
}

/// `r` in the arithmetic, rounded up to the last place in fixed point.
template <class A> typename A::T exact_or_up(const A& a, const rational& r) {
    if constexpr (A::exact)
        return r;
    else {
        return ceil_int(r * a.scale).template convert_to<std::int64_t>();
    }
}

template <class T> struct stv_threshold {
    T value;
    bool strict; ///< elected on exceeding the value (true) or on reaching it (false)
};

/// The quota of the Gregory-family counts on `valid` votes: Droop, floor(v / (s + 1)) + 1; Hare,
/// v / s (rounded up for whole papers, else up to the last place); exact Droop, v / (s + 1),
/// which exact arithmetic elects on exceeding, and fixed point rounds up by one unit in the last
/// place and elects on reaching (as Droop does).
template <class A>
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
        return {exact_or_up(a, h), false};
    }
    const rational qv = v / rational(seats + 1);
    if constexpr (A::exact)
        return {qv, true};
    else
        return {exact_or_up(a, qv) + a.epsilon(), false};
}

/// Meek's quota on the votes still counting: votes / (s + 1), plus one unit in the last place in
/// fixed point (exact arithmetic elects on exceeding it, fixed point on reaching it).
template <class A> typename A::T meek_quota(const A& a, const typename A::T& votes, std::size_t seats) {
    if constexpr (A::exact)
        return votes / typename A::T(seats + 1);
    else
        return votes / static_cast<std::int64_t>(seats + 1) + a.epsilon();
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
