// Internal: how a ranking ballot continues past candidates who left the count, under RCTab's
// continuation rules (overvotes, skipped ranks, repeated candidates, maximum rankings). Shared
// by IRV (irv.cpp) and the STV family (stv.cpp).
#pragma once

#include "accord/rules/irv.hpp"

#include <span>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

inline constexpr std::uint32_t k_none = 0xFFFFFFFFu;

enum class why : std::uint8_t { active, exhausted_choices, overvote, skipped, repeated, blank };

template <class Num> inline Num value_of(const profile& p, std::size_t i) {
    if constexpr (std::is_same_v<Num, std::int64_t>) {
        return static_cast<std::int64_t>(p.counts()[i]);
    } else {
        auto b = p.ballot(i);
        rational v(b.count);
        if (b.weight) v *= *b.weight;
        return v;
    }
}

template <class Num> inline rational exact(const Num& x) { return rational(x); }

struct walker {
    const profile& p;
    const irv_options& opt;
    const std::vector<char>& continuing;
    std::span<const mark> all;
    std::span<const std::uint32_t> off;

    bool repeats; // the profile has ballots naming a candidate twice (else skip those checks)

    bool repeated_at(std::uint32_t begin, std::uint32_t j, std::uint32_t k) const {
        for (std::uint32_t x = j; x < k; ++x) {
            if (all[x].candidate == k_overvote) continue;
            for (std::uint32_t y = begin; y < j; ++y)
                if (all[y].candidate == all[x].candidate) return true;
        }
        return false;
    }

    // From mark index j (the start of a rank group) of ballot i, find the first rank group that
    // yields a continuing candidate. Updates last_rank; returns the candidate or k_none with the
    // reason the ballot stopped.
    std::uint32_t next(std::size_t i, std::uint32_t& j, std::int32_t& last_rank, why& reason) const {
        const std::uint32_t end = off[i + 1], begin = off[i];
        while (j < end) {
            const std::int32_t r = all[j].value;
            if (opt.max_rankings && r > *opt.max_rankings) break;
            if (opt.max_skipped_ranks && r - last_rank - 1 > *opt.max_skipped_ranks) {
                reason = why::skipped;
                return k_none;
            }
            last_rank = r;
            const cand_t first = all[j].candidate;
            // Fast path: a rank holding one named candidate (nearly every rank of real ballots).
            if (first != k_overvote && (j + 1 == end || all[j + 1].value != r)) {
                if (repeats && repeated_at(begin, j, j + 1)) {
                    if (opt.exhaust_on_duplicate) {
                        reason = why::repeated;
                        return k_none;
                    }
                } else if (continuing[first]) {
                    return first;
                }
                ++j;
                continue;
            }
            std::uint32_t k = j;
            while (k < end && all[k].value == r) ++k;
            const bool repeated = repeats && repeated_at(begin, j, k);
            if (opt.overvotes == overvote_rule::exhaust_immediately) {
                reason = why::overvote;
                return k_none;
            }
            if (opt.overvotes == overvote_rule::skip_to_next) {
                j = k;
                continue;
            }
            // exhaust_if_multiple_continuing
            std::uint32_t found = k_none;
            int n_cont = 0;
            bool unknown = false;
            for (std::uint32_t x = j; x < k; ++x) {
                const cand_t c = all[x].candidate;
                if (c == k_overvote)
                    unknown = true;
                else if (continuing[c]) {
                    ++n_cont;
                    found = c;
                }
            }
            if (unknown || n_cont > 1) {
                reason = why::overvote;
                return k_none;
            }
            if (repeated && opt.exhaust_on_duplicate) {
                reason = why::repeated;
                return k_none;
            }
            if (n_cont == 1) return found;
            j = k;
        }
        reason = why::exhausted_choices;
        return k_none;
    }
};

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

/// RCTab's safe batch elimination: the largest k >= 2 such that the k lowest (`asc`, ascending
/// by tally) together have fewer votes than the next one, so none of them can overtake anyone
/// above by transfers among themselves. Returns those k candidates, or none.
template <class Tally> std::vector<cand_t> safe_batch(const std::vector<cand_t>& asc, const Tally& tally) {
    std::decay_t<decltype(tally[0])> running(0);
    std::size_t best = 0;
    for (std::size_t k = 1; k < asc.size(); ++k) {
        running += tally[asc[k - 1]];
        if (running < tally[asc[k]] && k >= 2) best = k;
    }
    if (best < 2) return {};
    return std::vector<cand_t>(asc.begin(), asc.begin() + static_cast<std::ptrdiff_t>(best));
}

} // namespace detail
} // namespace v0
} // namespace accord
