// accord/analysis/compare.hpp: distances between rankings (tiers of tied candidates).
//
// Rankings are results' `ranking` fields: tiers, best first. Candidates missing from a ranking
// are treated as tied below every listed one.
#pragma once

#include "accord/profile.hpp"

#include <vector>

namespace accord {
inline namespace v0 {

using ranking_tiers = std::vector<std::vector<cand_t>>;

/// Position of each candidate as the mean of the places its tier spans (1-based; a tie for 2nd
/// and 3rd gives 2.5 each), for n candidates.
std::vector<double> mid_ranks(const ranking_tiers& r, std::size_t n);

struct ranking_comparison {
    std::size_t discordant = 0;  ///< pairs ordered oppositely
    std::size_t tied_one = 0;    ///< pairs tied in exactly one ranking
    std::size_t pairs = 0;       ///< n(n-1)/2
    double kendall_tau_b = 0;    ///< Kendall's tau-b in [-1, 1] (1 = same order); 0 if undefined
    double kendall_distance = 0; ///< discordant + tied_one / 2, normalised to [0, 1]
    double spearman_rho = 0;     ///< Pearson correlation of mid-ranks
    double footrule = 0;         ///< sum |mid-rank difference|
    std::vector<cand_t> moved;   ///< candidates whose mid-rank differs
};

ranking_comparison compare_rankings(const ranking_tiers& a, const ranking_tiers& b, std::size_t n);

} // namespace v0
} // namespace accord
