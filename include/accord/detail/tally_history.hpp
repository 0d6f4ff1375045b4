// accord/detail/tally_history.hpp (internal): each candidate's tally at the rounds it changed, for the
// previous-rounds tie-break of elimination counts with many candidates (IRV in rules/irv-inl.hpp, STV's
// Gregory family).
#pragma once

#include "accord/profile.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

// For the previous-rounds tie-break: the rounds at which each candidate's tally changed, with
// the new tally. A continuing candidate has been in every round's record since round 1, and its
// tally is constant between its changes, so only those rounds can separate tied candidates.
template <class Num> class tally_history {
  public:
    explicit tally_history(std::size_t n) : changes_(n) {}
    void note(std::size_t round, cand_t c, const Num& t) {
        auto& h = changes_[c];
        if (h.empty() || h.back().second != t) h.emplace_back(round, t);
    }
    // tie_breaker's previous-rounds over rounds 1..rounds, for candidates in every one of them:
    // keeps the fewest (or the most) votes at the latest round first.
    void narrow_to_fewest(std::vector<cand_t>& left, std::size_t rounds, bool most = false) const {
        std::size_t k = rounds;
        while (k >= 1 && left.size() > 1) {
            // Each candidate's tally at round k: its last change at or before k.
            std::vector<const std::pair<std::size_t, Num>*> at(left.size());
            for (std::size_t x = 0; x < left.size(); ++x) {
                const auto& h = changes_[left[x]];
                auto it = std::upper_bound(h.begin(), h.end(), k,
                                           [](std::size_t r, const auto& e) { return r < e.first; });
                at[x] = &*std::prev(it);
            }
            const Num* fewest = &at[0]->second;
            for (const auto* e : at)
                if (most ? *fewest < e->second : e->second < *fewest) fewest = &e->second;
            std::vector<cand_t> keep;
            std::size_t latest_change = 0;
            for (std::size_t x = 0; x < left.size(); ++x)
                if (at[x]->second == *fewest) {
                    keep.push_back(left[x]);
                    latest_change = std::max(latest_change, at[x]->first);
                }
            left = std::move(keep);
            // Rounds latest_change..k hold the same tallies for those kept: skip them.
            k = latest_change - 1;
        }
    }

  private:
    std::vector<std::vector<std::pair<std::size_t, Num>>> changes_;
};

} // namespace detail
} // namespace v0
} // namespace accord
