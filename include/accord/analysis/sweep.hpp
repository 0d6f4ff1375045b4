// accord/analysis/sweep.hpp: how fragile are the priorities under other weightings?
//
// - sweep(): one ballot set counted under every combination of weighting scheme x aggregation
//   mode x rule, each ranking compared with the first (Kendall tau-b, Spearman rho, who moved).
// - tipping_points(): for each voting unit, the smallest change of its weight (or of its
//   registered population) that changes the winner, bracketed exactly over rationals (weight) or
//   integers (population).
// - population_smaa(): Monte Carlo over populations (relative noise), unit weights (uniform on
//   the simplex, Dirichlet) or voters (bootstrap), through accord::monte_carlo.
// Definitions, distributions and sources: docs/analysis.md.
#pragma once

#include "accord/analysis/compare.hpp"
#include "accord/analysis/defaults.hpp"
#include "accord/analysis/monte_carlo.hpp"
#include "accord/analysis/report.hpp"
#include "accord/organisation.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/weighting.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {

// ---- sweep ---------------------------------------------------------------------------------

/// One cell's count as a sweep split across processes keeps it (accord.dask): what the
/// comparisons and the report read, and no more.
struct sweep_cell {
    std::string error; ///< "" when the cell counted
    std::vector<std::vector<cand_t>> ranking;
    std::vector<cand_t> winners;
};

struct sweep_options {
    // Defaults: accord/analysis/defaults.hpp (the one table every front door reads).
    std::vector<weighting_scheme> schemes = default_sweep_schemes();
    /// Across-groups schemes (two-level weighting at group_level); std::nullopt = the one scheme.
    std::vector<std::optional<weighting_scheme>> group_schemes{std::nullopt};
    std::vector<aggregation_mode> modes = default_sweep_modes();
    std::vector<std::string> rules = default_sweep_rules();
    std::string rule_options = "{}"; ///< JSON options given to every rule
    std::string level;               ///< voting units' kind (default: the organisation's leaves)
    std::string group_level =
        k_default_group_level; ///< two-stage groups; the row's rule runs inside and across
    /// Called after each count with (done, total); returning false cancels (errc::cancelled).
    std::function<bool(std::size_t, std::size_t)> progress;
    /// A sweep split across processes: count only cells [first, last) (in the nesting order
    /// below), comparing nothing; sweep() then returns just those cells.
    std::optional<std::pair<std::size_t, std::size_t>> cells;
    /// Or count nothing: every cell's count is given, in order, and only compared and reported.
    std::shared_ptr<const std::vector<sweep_cell>> counted;
};

struct sweep_entry {
    std::string scheme;       ///< scheme_name()
    std::string group_scheme; ///< scheme_name() of the across-groups scheme, "" for one level
    /// Why this cell could not be counted (an impossible cap, a group with nobody to weigh...);
    /// "" when it was. A failed cell has an empty count and is compared with nothing.
    std::string error;
    aggregation_mode mode = aggregation_mode::normalised;
    std::string rule;
    result count;
    ranking_comparison vs_baseline; ///< against entries[0]
    bool winner_changed = false;    ///< first winner differs from entries[0]'s
};

/// Runs every scheme x group scheme x mode x rule (in that nesting order: schemes outermost).
/// Exact counts. A cell the weighting or the rule refuses (errc::invalid, unsupported,
/// unresolved_tie, not_found) is kept with its reason in `error` and the sweep carries on; the
/// baseline is the first cell that counted.
std::vector<sweep_entry> sweep(const profile& p, const organisation& org, const sweep_options& opt);

/// Rows for html_report(), with candidate names.
std::vector<sweep_row> sweep_rows(const std::vector<sweep_entry>& entries);
/// JSON array: {"scheme","aggregation","rule","winner","ranking","kendall_tau","spearman_rho",
/// "moved","winner_changed"}.
std::string sweep_json(const std::vector<sweep_entry>& entries, int indent = -1);

// ---- tipping points ------------------------------------------------------------------------

enum class tipping_quantity : unsigned char {
    weight = 0,     ///< multiply the unit's weight (after the scheme) by a factor f >= 0
    population = 1, ///< change the unit's registered population by an integer delta, re-running the scheme
};

/// The largest tipping_options::max_factor accepted (2^20): the search grid stays finite and
/// every population it tries fits in 64 bits.
inline constexpr std::uint64_t k_max_tipping_factor = std::uint64_t{1} << 20;

struct tipping_options {
    weighting_scheme scheme = parse_scheme(k_default_analysis_scheme);
    aggregate_options aggregation; ///< mode, level, and two-stage rules (population only)
    std::string rule = k_default_analysis_rule;
    std::string rule_options = "{}";
    tipping_quantity quantity = tipping_quantity::weight;
    /// Search factors up to this (weight: f in [0, max_factor]; population: delta up to
    /// (max_factor - 1) x population).
    rational max_factor = rational(16); ///< above 1, at most k_max_tipping_factor
    /// Scan points per doubling of the factor before bisecting (finer finds narrower changes).
    unsigned steps_per_doubling = 4;
    /// Bisect until the bracket is this narrow (weight factor; population brackets end at 1 person).
    rational tolerance = rational(1, 1000000);
    /// Called after each unit with (done, total); returning false cancels (errc::cancelled).
    std::function<bool(std::size_t, std::size_t)> progress;
};

/// One side (up or down) of a unit's tipping point. The winner at `same` is the baseline winner;
/// at `changed` it is `new_winner`; |changed - same| <= tolerance (population: 1).
struct tipping_bracket {
    rational same;
    rational changed;
    std::string new_winner; ///< "" when the count at `changed` ends in an unresolved tie
};

/// A point of the search where no count can be made (e.g. a population of 0 leaves too few
/// units for a cap): skipped, and the search goes on past it.
struct tipping_skip {
    rational at;        ///< the weight factor or population tried
    std::string reason; ///< why it cannot be counted (the count's error message)
};

struct tipping_point {
    std::string unit;                    ///< unit id
    rational baseline;                   ///< 1 (weight factor) or the unit's population
    std::optional<tipping_bracket> up;   ///< nearest change found increasing the quantity
    std::optional<tipping_bracket> down; ///< nearest change found decreasing it (down to 0)
    /// Points that could not be counted, skipped (a bracket across one is as narrow as the
    /// countable points allow).
    std::vector<tipping_skip> skipped;
};

struct tipping_result {
    std::string baseline_winner;
    tipping_quantity quantity = tipping_quantity::weight;
    std::vector<tipping_point> units;
};

/// For each voting unit that has ballots: scans the factor geometrically away from the baseline
/// (steps_per_doubling points per doubling; down to 1/2^k then 0) and bisects exactly between the
/// last point with the baseline winner and the first without. Since a winner can change and
/// change back between scan points, the bracket is the nearest change on the scan grid; it is the
/// nearest change overall when the winner is monotone in the unit's weight. A point where the
/// weighting cannot be made (errc::invalid, e.g. a population of 0 leaves too few units for a
/// cap) is recorded in `skipped` and passed over; other errors stop the analysis.
tipping_result tipping_points(const profile& p, const organisation& org, const tipping_options& opt);
std::string tipping_json(const tipping_result& r, int indent = -1);

// ---- SMAA over populations, weights and voters ---------------------------------------------

enum class population_sampler : unsigned char {
    population_noise = 0, ///< P_u x max(0, 1 + sigma Z), Z standard normal, rounded; then the scheme
    simplex = 1,          ///< unit shares uniform on the simplex (the scheme is ignored)
    dirichlet = 2,        ///< unit shares Dirichlet(alpha x ones) (the scheme is ignored)
    bootstrap = 3,        ///< voters resampled with replacement (same total), then the scheme
};

struct population_smaa_options {
    weighting_scheme scheme = parse_scheme(k_default_analysis_scheme);
    aggregation_mode mode = aggregation_mode::normalised; ///< pooled, normalised or two-stage
    std::string level;
    std::string group_level = k_default_group_level; ///< two-stage and two-level: the groups
    std::optional<weighting_scheme> group_scheme;    ///< two-level weighting: across the groups
    std::string rule = k_default_analysis_rule;
    std::string rule_options = "{}";
    population_sampler sampler = population_sampler::population_noise;
    double sigma = 0.1; ///< relative noise for population_noise
    double alpha = 1.0; ///< symmetric Dirichlet concentration
    /// Sampled shares are analysis, not a count: each sample's weights are quantised to integer
    /// multiplicities summing to about this many, so rules tally in 64-bit integers.
    std::uint64_t resolution = 1000000;
    /// Positional rules (borda, dowdall, anti-plurality, positional) are additive over ballots, so
    /// each sample's exact scores are integer sums of each ballot's scores computed once by the
    /// rule, with no profile built and no count run (ties for first still go to the rule). The
    /// answer is identical either way; false forces a full count per sample (tests, benchmarks).
    bool additive_shortcut = true;
    /// Count each sample through a prepared count (include/accord/prepared.hpp): options parsed
    /// once, and for IRV and Schulze with default options an integer kernel that yields only the
    /// ranking and winners. The answer is bit-identical either way; false runs the registry per
    /// sample (tests, benchmarks).
    bool prepared_counts = true;
    monte_carlo_options monte_carlo;
};

/// Rank acceptability, winner probabilities and central weights (parameters = the sampled unit
/// shares, in the order of `population_smaa_units`) for the count under the sampler.
acceptability population_smaa(const profile& p, const organisation& org, const population_smaa_options& opt);

/// The voting units of p at opt.level, in the order population_smaa reports their shares.
std::vector<std::uint32_t> population_smaa_units(const profile& p, const organisation& org,
                                                 const std::string& level = {});

} // namespace v0
} // namespace accord
