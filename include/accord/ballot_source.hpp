// accord/ballot_source.hpp: what the generic counts read ballots from, and what a ballot is worth.
//
// The counts of irv.hpp, positional.hpp and pairwise.hpp are templates over the number type and
// the ballot source (docs/architecture.md, "Header-heavy"): a profile, or the embedder's own
// storage of distinct ranking ballots in flat arrays. ballot_values says what each ballot is
// worth in the count's number type, and refuses a source that number type cannot count.
#pragma once

#include "accord/error.hpp"
#include "accord/profile.hpp"

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {

/// What the generic counts (count_irv, count_positional, tally_pairwise) read ballots from: distinct ranking
/// ballots in flat storage, as profile keeps them. Ballot i's marks are flat_marks()[flat_offsets()[i] ..
/// flat_offsets()[i + 1]), sorted by rank then candidate (equal ranks are adjacent); counts()[i] is its
/// multiplicity; has_repeats() says whether any ballot names a candidate twice.
template <class S>
concept ranking_ballot_source = requires(const S& s, cand_t c) {
    { s.candidate_count() } -> std::convertible_to<std::size_t>;
    { s.unique_count() } -> std::convertible_to<std::size_t>;
    { s.flat_marks() } -> std::convertible_to<std::span<const mark>>;
    { s.flat_offsets() } -> std::convertible_to<std::span<const std::uint32_t>>;
    { s.counts() } -> std::convertible_to<std::span<const std::uint64_t>>;
    { s.withdrawn(c) } -> std::convertible_to<bool>;
    { s.has_repeats() } -> std::convertible_to<bool>;
};

/// The value of ballot i in the number type Num: its count, times its weight when the source
/// has `weights()` (one per distinct ballot). Specialise it for a source that stores values
/// otherwise; check<Num>() refuses a source Num cannot count exactly enough.
template <class Source> struct ballot_values {
    template <class Num> static Num value(const Source& s, std::size_t i) {
        if constexpr (requires { s.weights(); })
            return static_cast<Num>(s.counts()[i]) * static_cast<Num>(s.weights()[i]);
        else
            return static_cast<Num>(s.counts()[i]);
    }
    template <class Num> static void check(const Source& s, const char* method) {
        if constexpr (std::is_integral_v<Num>) {
            static_assert(
                !requires { s.weights(); }, "weighted ballots need a non-integral number type");
            uint128 total = 0; // at most 2^32 ballots of at most 2^64 - 1: cannot overflow
            for (std::uint64_t c : s.counts()) total += c;
            if (total > static_cast<uint128>(std::numeric_limits<Num>::max()))
                throw error(errc::invalid,
                            std::string(method) +
                                ": the number of voters does not fit the count's integer type");
        }
    }
};

/// A profile's ballots: std::int64_t counts (only when profile::integral()), exact rationals
/// (count x weight), or a floating type (count x the nearest double of the weight).
template <> struct ballot_values<profile> {
    template <class Num> static Num value(const profile& p, std::size_t i) {
        if constexpr (std::is_same_v<Num, std::int64_t>) {
            return static_cast<std::int64_t>(p.counts()[i]);
        } else if constexpr (std::is_same_v<Num, rational>) {
            auto b = p.ballot(i);
            rational v(b.count);
            if (b.weight) v *= *b.weight;
            return v;
        } else {
            static_assert(std::is_floating_point_v<Num>,
                          "a profile counts in int64_t, rational or a floating type");
            auto b = p.ballot(i);
            Num v = static_cast<Num>(b.count);
            if (b.weight) v *= static_cast<Num>(to_double(*b.weight));
            return v;
        }
    }
    template <class Num> static void check(const profile& p, const char* method) {
        if (p.kind() != ballot_kind::ranking)
            throw error(errc::unsupported, std::string(method) +
                                               " needs ranking ballots, the profile holds " +
                                               ballot_kind_name(p.kind()) + " ballots");
        if constexpr (std::is_same_v<Num, std::int64_t>)
            if (!p.integral())
                throw error(errc::invalid, std::string(method) +
                                               ": int64_t counts need unweighted ballots fewer than 2^63 "
                                               "(profile::integral()); count in rational");
    }
};

namespace detail {
/// The candidates a count starts with: all but the withdrawn and the excluded (errc::invalid,
/// naming `method`, for an unknown excluded candidate or none left to count).
template <class Source>
std::vector<char> starting_candidates(const Source& s, const std::vector<cand_t>& excluded,
                                      const std::string& method) {
    const std::size_t n = s.candidate_count();
    std::vector<char> continuing(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (s.withdrawn(c)) continuing[c] = 0;
    for (cand_t c : excluded) {
        if (c >= n) throw error(errc::invalid, method + ": excluded candidate index out of range");
        continuing[c] = 0;
    }
    if (std::count(continuing.begin(), continuing.end(), 1) == 0)
        throw error(errc::invalid, method + ": no candidate to count");
    return continuing;
}
} // namespace detail

} // namespace v0
} // namespace accord
