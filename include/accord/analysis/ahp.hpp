// accord/analysis/ahp.hpp: the Analytic Hierarchy Process (Saaty) for priorities from pairwise
// judgements, one participant or many.
//
// A participant compares n items two at a time on Saaty's 1-9 scale: a[i][j] = how many times
// more important item i is than item j, with a[j][i] = 1/a[i][j] and a[i][i] = 1. Priorities come
// from the principal (Perron) eigenvector of the matrix or from the geometric means of its rows;
// the principal eigenvalue lambda_max measures inconsistency (CI, CR). Participants' judgements are
// combined weighted by their unit's weight, either before (AIJ) or after (AIP) deriving priorities.
// Floating point throughout: AHP is analysis, never a count. See docs/methods/ahp.md.
#pragma once

#include "accord/number.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

/// A validated positive reciprocal matrix of pairwise judgements, row-major.
struct comparison_matrix {
    std::size_t n = 0;
    std::vector<double> values;     ///< n x n, row-major: values[i * n + j] = a_ij
    std::vector<std::string> names; ///< the items compared (may be empty)
    double operator()(std::size_t i, std::size_t j) const { return values[i * n + j]; }
};

struct comparison_options {
    /// Require every entry to lie in [1/9, 9] (Saaty's fundamental scale). Off for ratio data.
    bool saaty_scale = true;
    /// For double input: largest relative error accepted in a_ij * a_ji = 1, so that 0.333 may
    /// stand for 1/3 when set to 1e-3. Exact (rational) input is always checked exactly.
    double reciprocity_tolerance = 1e-9;
    std::vector<std::string> names; ///< item names, used in error messages and reports
};

/// Validates and stores a full matrix given exactly ("3", "1/3" parsed by parse_rational, or
/// rationals). Throws accord::error(errc::invalid) naming the row and column of the first entry
/// that is not positive, a diagonal entry that is not 1, an entry off the 1-9 scale, or a pair
/// that violates reciprocity a_ji = 1/a_ij.
comparison_matrix make_comparison_matrix(const std::vector<std::vector<rational>>& a,
                                         const comparison_options& opt = {});
/// The same for doubles, with reciprocity checked to opt.reciprocity_tolerance.
comparison_matrix make_comparison_matrix(const std::vector<std::vector<double>>& a,
                                         const comparison_options& opt = {});
/// Builds the matrix from the judgements above the diagonal, row by row
/// (a_12, a_13, ..., a_1n, a_23, ...): n(n-1)/2 entries; the lower triangle is their reciprocals.
comparison_matrix comparison_from_upper(std::size_t n, std::span<const rational> upper,
                                        const comparison_options& opt = {});

enum class priority_method : unsigned char {
    eigenvector = 0,    ///< principal right eigenvector (Saaty 1977, 1980)
    geometric_mean = 1, ///< normalised geometric means of the rows (Crawford & Williams 1985)
};
const char* priority_method_name(priority_method m) noexcept;

/// Saaty's random index RI(n): the mean consistency index of random reciprocal matrices on the
/// 1-9 scale, for n = 1..15 (Saaty 1980/1990; values as tabulated in Saaty, "How to make a
/// decision", EJOR 48 (1990) 9-26, Table 1, extended to 15 in Saaty 1994). Throws
/// errc::invalid for n = 0 or n > 15.
double saaty_random_index(std::size_t n);

struct ahp_priorities {
    std::vector<double> priorities; ///< sum to 1
    double lambda_max = 0;          ///< principal eigenvalue of the matrix (whatever the method)
    double consistency_index = 0;   ///< CI = (lambda_max - n) / (n - 1); 0 for n <= 2
    double random_index = 0;        ///< RI(n)
    double consistency_ratio = 0;   ///< CR = CI / RI; 0 for n <= 2 (always consistent)
    /// Saaty's rule of thumb: CR <= 0.10 acceptable (0.05 for n = 3, 0.08 for n = 4).
    bool acceptable = true;
};

/// Priorities and consistency of one matrix.
ahp_priorities ahp(const comparison_matrix& m, priority_method method = priority_method::eigenvector);

enum class ahp_aggregation : unsigned char {
    judgements = 0, ///< AIJ: weighted geometric mean of the judgements, then priorities
    priorities = 1, ///< AIP: weighted geometric mean of each participant's priorities, renormalised
};
const char* ahp_aggregation_name(ahp_aggregation a) noexcept;

struct ahp_group_result {
    ahp_aggregation mode = ahp_aggregation::judgements;
    std::vector<double> priorities;         ///< the group's priorities, summing to 1
    std::vector<ahp_priorities> individual; ///< each participant's own result
    /// AIJ only: the aggregated matrix and its consistency (empty/zero for AIP).
    comparison_matrix combined;
    ahp_priorities combined_result;
    std::vector<double> weights; ///< the weights used, normalised to sum 1
};

/// Combines participants' matrices (all of the same size), weighted by `weights` (one per
/// matrix, each >= 0 and not all 0; empty means equal). Forman & Peniwati (1998): the weighted
/// geometric mean is the aggregation that keeps reciprocity (AIJ) and the Pareto principle.
ahp_group_result ahp_group(std::span<const comparison_matrix> matrices, std::span<const double> weights,
                           ahp_aggregation mode = ahp_aggregation::judgements,
                           priority_method method = priority_method::eigenvector);

} // namespace v0
} // namespace accord
