// accord/analysis/mcda.hpp: MCDA weighted-sum scoring of options against criteria, and SMAA
// over the criteria weights.
//
// weighted_sum() is exact: scores and weights are rationals, the total of each option is an exact
// rational, ties are exact, and the outcome is an accord::result (ranking in tiers, scores,
// recorded tie-breaks) that serialises like every rule. mcda_smaa() asks how robust that ranking
// is when the weights are uncertain: it samples weights (uniform on the simplex, Dirichlet, either
// optionally restricted to bounds by rejection) and reports rank acceptability indices and
// central weights through accord::monte_carlo (SMAA-2, Lahdelma & Salminen 2001).
// See docs/methods/mcda.md.
#pragma once

#include "accord/analysis/monte_carlo.hpp"
#include "accord/number.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <span>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

/// A performance table: scores[i][j] is option i's score on criterion j.
struct mcda_table {
    std::vector<std::string> options;
    std::vector<std::string> criteria;
    std::vector<std::vector<rational>> scores;
};

enum class mcda_scaling : unsigned char {
    none = 0,    ///< use the scores as given (they must already share a scale)
    min_max = 1, ///< per criterion, (x - min) / (max - min) in [0, 1]; a constant criterion scores 0
};

struct weighted_sum_options {
    mcda_scaling scaling = mcda_scaling::none;
    /// Criteria where a lower score is better (costs, waiting times); with min_max they become
    /// (max - x) / (max - min); with none they are negated. Empty = all higher-is-better.
    std::vector<bool> lower_is_better;
    /// A tie for first place: "report" by default, so the result is incomplete and says so.
    tie_break_options tie_break{.policy = tie_policy::report};
};

/// Validates the table (non-empty, rectangular, distinct non-empty names) and weights (one per
/// criterion, each >= 0, not all zero). Throws accord::error(errc::invalid) naming the problem.
void validate(const mcda_table& t, std::span<const rational> weights);

/// Weighted sum V_i = sum_j w_j s_ij / sum_j w_j, exactly. The result's method is "weighted-sum",
/// its candidates are the options, its scores the V_i, its ranking the options by V_i in tiers of
/// equal totals; winners holds the top option (or the tie-break's pick, recorded in ties).
result weighted_sum(const mcda_table& t, std::span<const rational> weights,
                    const weighted_sum_options& opt = {});

enum class weight_distribution : unsigned char {
    simplex = 0,   ///< uniform on {w >= 0, sum w = 1} (Dirichlet(1, ..., 1))
    dirichlet = 1, ///< Dirichlet(alpha): mean alpha / sum alpha, concentration sum alpha
};

struct mcda_smaa_options {
    weight_distribution distribution = weight_distribution::simplex;
    std::vector<double> alpha; ///< Dirichlet parameters, one per criterion, each > 0
    /// Optional bounds on each weight (empty = [0, 1]); samples outside are rejected and redrawn,
    /// so the draw is the chosen distribution conditioned on the box.
    std::vector<double> lower, upper;
    /// Give up (errc::invalid) if one sample needs more draws than this: the box is too thin.
    std::size_t max_draws_per_sample = 100000;
    weighted_sum_options scoring;
    monte_carlo_options monte_carlo;
};

/// SMAA over the criteria weights. acceptability.by_rank[i][k] is option i's rank acceptability
/// index b_i^(k+1); winner[i] = b_i^1; central_weights[i] the mean weight vector of the samples in
/// which option i won (SMAA-2's central weight vector). Deterministic for a seed whatever the
/// thread count (see monte_carlo.hpp).
acceptability mcda_smaa(const mcda_table& t, const mcda_smaa_options& opt = {});

/// One draw of criteria weights under `opt` (distribution, then bounds by rejection), as
/// mcda_smaa draws them; exposed for tests and for other SMAA analyses.
std::vector<double> sample_weights(random_source& rng, std::size_t criteria, const mcda_smaa_options& opt);

} // namespace v0
} // namespace accord
