// Internal: STV's arithmetic policies as the counts name them (src/rules/stv_gregory.cpp,
// stv_meek.cpp), and the choice of policy for a count. The policies and the quotas are public,
// in accord/rules/stv_arith.hpp: exact rationals, or fixed-point decimals held as scaled 64-bit
// integers with 128-bit intermediates and explicit rounding, which is exactly the arithmetic the
// Scottish Order prescribes (five decimal places, remainders ignored).
#pragma once

#include "accord/profile.hpp"
#include "accord/rules/stv.hpp"
#include "accord/rules/stv_arith.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <utility>

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

// ---------------------------------------------------------------------------------------------
// Guarded ("quasi-exact", Hill's QX) arithmetic, for Meek and Warren as Droop counts them with
// `arithmetic=guarded`: decimals with `places` + `guard` digits after the point, every product
// and quotient truncated, and two values compared as equal when they differ by less than half a
// unit of the guard digits (10^guard / 2 in the last place). With enough places it decides as
// exact arithmetic does, much faster; Droop's reference reports are computed in it.

/// A guarded value: the integer scaled by 10^(places + guard), and the guard digits that decide
/// its comparisons (0 for a constant such as T(0): compared exactly against another constant).
struct guarded_num {
    big_int v;
    unsigned guard = 0;
    guarded_num() = default;
    explicit guarded_num(long long raw) : v(raw) {}
    guarded_num(big_int raw, unsigned g) : v(std::move(raw)), guard(g) {}
    static const big_int& half_unit(unsigned g); // 10^g / 2 (at least 1)
    int cmp(const guarded_num& o) const {
        const unsigned g = std::max(guard, o.guard);
        const big_int d = v - o.v;
        if (g != 0 && abs(d) < half_unit(g)) return 0;
        return d < 0 ? -1 : (d > 0 ? 1 : 0);
    }
    friend guarded_num operator+(const guarded_num& a, const guarded_num& b) {
        return {a.v + b.v, std::max(a.guard, b.guard)};
    }
    friend guarded_num operator-(const guarded_num& a, const guarded_num& b) {
        return {a.v - b.v, std::max(a.guard, b.guard)};
    }
    guarded_num& operator+=(const guarded_num& b) { return *this = *this + b; }
    guarded_num& operator-=(const guarded_num& b) { return *this = *this - b; }
    friend bool operator==(const guarded_num& a, const guarded_num& b) { return a.cmp(b) == 0; }
    friend bool operator<(const guarded_num& a, const guarded_num& b) { return a.cmp(b) < 0; }
    friend bool operator<=(const guarded_num& a, const guarded_num& b) { return a.cmp(b) <= 0; }
    friend bool operator>(const guarded_num& a, const guarded_num& b) { return a.cmp(b) > 0; }
    friend bool operator>=(const guarded_num& a, const guarded_num& b) { return a.cmp(b) >= 0; }
};

struct guarded_arith {
    using T = guarded_num;
    static constexpr bool exact = false;
    static constexpr bool fixed_point = false;
    unsigned places, guard;
    big_int scale; // 10^(places + guard)
    guarded_arith(unsigned p, unsigned g) : places(p), guard(g), scale(1) {
        for (unsigned i = 0; i < p + g; ++i) scale *= 10;
    }
    T make(big_int v) const { return {std::move(v), guard}; }
    T from_count(std::uint64_t n) const { return make(big_int(n) * scale); }
    T from_rational(const rational& r) const {
        const rational s = r * rational(scale);
        if (boost::multiprecision::denominator(s) != 1)
            throw error(errc::invalid, "stv: ballot weight " + to_string(r) + " is not exact at " +
                                           std::to_string(places + guard) + " decimal places");
        return make(boost::multiprecision::numerator(s));
    }
    T mul_count(const T& x, std::uint64_t n) const { return make(x.v * n); }
    // Droop's guarded arithmetic ignores the rounding direction: every result is truncated.
    T muldiv_down(const T& a, const T& b, const T& c) const { return make(a.v * b.v / c.v); }
    T mul_down(const T& a, const T& b) const { return make(a.v * b.v / scale); }
    T mul_up(const T& a, const T& b) const { return mul_down(a, b); }
    T div_down(const T& a, const T& b) const { return make(a.v * scale / b.v); }
    T div_up(const T& a, const T& b) const { return div_down(a, b); }
    T epsilon() const { return make(big_int(1)); }
    T one() const { return make(scale); }
    rational to_rational(const T& x) const { return rational(x.v, scale); }
};

template <class A> inline constexpr bool is_guarded = std::is_same_v<A, guarded_arith>;

/// x < y on the values themselves, never within a guard: for sorting and for the least vote.
template <class T> bool raw_less(const T& x, const T& y) {
    if constexpr (std::is_same_v<T, guarded_num>)
        return x.v < y.v;
    else
        return x < y;
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
