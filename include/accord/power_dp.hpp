// accord/power_dp.hpp: the weighted-game dynamic programme, as a template over the count type.
//
// The counts behind Banzhaf, Coleman, Chow, Rae and Shapley-Shubik -- each player's swings,
// optionally by the size of the coalition it joins, and the number of winning coalitions -- by
// generating functions over weight sums (docs/methods/power.md, "Algorithms"), for a game of one
// or several weighted majorities. The arithmetic is a parameter: libaccord runs it in 64-bit
// words and in 16-bit residues modulo small primes and rebuilds exact integers by the Chinese
// remainder theorem (power_indices() in power.hpp); an embedder may count in `double` for fast
// analysis, or in big integers exactly, from headers alone (accord::header-only, or include
// power_dp-inl.hpp). libaccord compiles plain_counts<double> and plain_counts<big_int>.
#pragma once

#include "accord/power.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace accord {
inline namespace v0 {

/// Count arithmetic for count_weighted_game_in(): the ordinary +, - and / 2 of Count (double,
/// long double, big_int, unsigned __int128, or an embedder's own type). A `Ring` gives `value`,
/// add, sub, half (of an even count), from (a uint64), pow2, add_rows (dst[i] += src[i] over
/// non-overlapping rows) and add_const (dst[i] += c).
template <class Count> struct plain_counts {
    using value = Count;
    value add(const value& a, const value& b) const { return a + b; }
    value sub(const value& a, const value& b) const { return a - b; }
    value half(const value& a) const { return a / 2; }
    value from(std::uint64_t a) const { return value(a); }
    value pow2(std::size_t e) const {
        value r = from(1);
        for (std::size_t i = 0; i < e; ++i) r = add(r, r);
        return r;
    }
    void add_rows(value* dst, const value* src, std::size_t len) const {
        for (std::size_t i = 0; i < len; ++i) dst[i] = dst[i] + src[i];
    }
    void add_const(value* dst, std::size_t len, const value& c) const {
        for (std::size_t i = 0; i < len; ++i) dst[i] = dst[i] + c;
    }
};

/// What the programme counts, flat: [0, n) the swings eta_i (coalitions S of the others with S
/// losing and S + i winning); with `by_size`, then n x n counts of those swings by |S|; last,
/// the number of winning coalitions.
template <class Count> struct weighted_game_counts {
    std::size_t n = 0;
    bool by_size = false;
    std::vector<Count> flat;

    const Count& swings(std::size_t i) const { return flat[i]; }
    /// Swings of player i in coalitions of k other players (by_size only).
    const Count& swings_by_size(std::size_t i, std::size_t k) const { return flat[n + i * n + k]; }
    const Count& winning() const { return flat.back(); }
};

/// Counts a game (validate(g) must hold; at most 8 majorities) in the arithmetic of `ring`.
/// `by_size` adds the sizes Shapley-Shubik needs (O(n^2 q) instead of O(n q) work). `step`, if
/// given, is called with the fraction done. In a ring modulo m every count comes out modulo m.
/// Each swing is an alternating sum of larger counts, so floating point suits Banzhaf (the
/// swings of a real game are large) but not the counts by size of a light player, whose series
/// cancels counts near C(n, n/2): count those exactly (unsigned __int128 is exact up to 127
/// players, big_int beyond). Throws errc::unsupported beyond 8 majorities and, in libaccord, when a
/// table would pass an eighth of the memory budget.
template <class Ring>
weighted_game_counts<typename Ring::value>
count_weighted_game_in(const Ring& ring, const weighted_game& g, bool by_size,
                       const std::function<void(double)>& step = {});

/// count_weighted_game_in() in Count's ordinary arithmetic: `count_weighted_game<double>(g)`.
template <class Count>
weighted_game_counts<Count> count_weighted_game(const weighted_game& g, bool by_size = false,
                                                const std::function<void(double)>& step = {}) {
    return count_weighted_game_in(plain_counts<Count>{}, g, by_size, step);
}

/// Normalised Banzhaf eta_i / sum_j eta_j in Real (Banzhaf 1965).
template <class Real, class Count>
std::vector<Real> normalised_banzhaf(const weighted_game_counts<Count>& c) {
    Real total = 0;
    std::vector<Real> out(c.n);
    for (std::size_t i = 0; i < c.n; ++i) total += out[i] = static_cast<Real>(c.swings(i));
    for (auto& x : out) x = total > 0 ? x / total : Real(0);
    return out;
}

/// Shapley-Shubik sum_k k! (n-1-k)! / n! * eta_ik in Real (Shapley & Shubik 1954); needs by_size.
template <class Real, class Count>
std::vector<Real> shapley_shubik_values(const weighted_game_counts<Count>& c) {
    std::vector<Real> coef(c.n), out(c.n, Real(0));
    // k! (n-1-k)! / n! = 1 / (n C(n-1, k)), by the ratio of consecutive terms.
    if (c.n) coef[0] = Real(1) / static_cast<Real>(c.n);
    for (std::size_t k = 0; k + 1 < c.n; ++k)
        coef[k + 1] = coef[k] * static_cast<Real>(k + 1) / static_cast<Real>(c.n - 1 - k);
    for (std::size_t i = 0; i < c.n && c.by_size; ++i)
        for (std::size_t k = 0; k < c.n; ++k) out[i] += coef[k] * static_cast<Real>(c.swings_by_size(i, k));
    return out;
}

#ifndef ACCORD_HEADER_ONLY
namespace power_dp_detail {
/// libaccord's memory budget for one table (an eighth of it): errc::unsupported beyond, naming
/// the estimate. Header-only there is no budget: the embedder's allocator decides.
void check_table_bytes(long double bytes, bool by_size);
} // namespace power_dp_detail

// Compiled once in libaccord (src/power/dp.cpp).
extern template weighted_game_counts<double> count_weighted_game_in(const plain_counts<double>&,
                                                                    const weighted_game&, bool,
                                                                    const std::function<void(double)>&);
extern template weighted_game_counts<big_int> count_weighted_game_in(const plain_counts<big_int>&,
                                                                     const weighted_game&, bool,
                                                                     const std::function<void(double)>&);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/power_dp-inl.hpp"
#endif
