// accord/weighting.hpp: whose vote counts how much. Weighting schemes over an organisation's
// voting units, exact weight reports, and weighted ballots for any rule.
#pragma once

#include "accord/number.hpp"
#include "accord/organisation.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

enum class scheme_kind : std::uint8_t {
    equal,       ///< one unit, one vote
    population,  ///< proportional to registered population
    sqrt,        ///< Penrose: proportional to the square root of population
    capped,      ///< population, but no unit above `fraction` of the total (excess redistributed)
    banded,      ///< one vote per started `size` patients
    group_equal, ///< each group at `group_level` the same total, split equally (or by population)
    blend,       ///< alpha x equal share + (1 - alpha) x population share
    column,      ///< weights from a unit attribute (exact numbers)
};

struct weighting_scheme {
    scheme_kind kind = scheme_kind::equal;
    rational parameter;               ///< capped: fraction; banded: size; blend: alpha
    std::string column;               ///< column: attribute name
    std::string group_level = "pcn";  ///< group_equal: the kind of the groups
    bool split_by_population = false; ///< group_equal: split a group's total by population
    /// Penrose square roots are truncated to this many decimal places, computed exactly with
    /// integer square roots (so the weights are exact rationals, the same everywhere).
    unsigned sqrt_decimals = 6;
};

/// "equal", "population", "sqrt", "capped:0.15", "banded:5000", "group-equal",
/// "group-equal:population", "blend:0.5", "column:NAME"; errc::invalid otherwise.
weighting_scheme parse_scheme(std::string_view text);
std::string scheme_name(const weighting_scheme& s);

/// One weighting scheme: the one table (src/org/weighting.cpp) that names, parsing, help and
/// error texts come from.
struct scheme_info {
    scheme_kind kind;
    const char* name;     ///< "capped"
    const char* aliases;  ///< other names parse_scheme() takes, space-separated ("penrose")
    const char* argument; ///< how help writes its argument: ":F" (required), "[:population]" (optional), ""
    const char* docs;     ///< the docs page that defines it
};
/// Every scheme, in the order help texts list them.
std::span<const scheme_info> scheme_table();
/// "equal, population, sqrt, capped:F, ...": the table's names with their arguments (optional
/// arguments only if asked), for help and error texts.
std::string scheme_syntax(bool optional_arguments = true);

struct unit_weight {
    std::uint32_t unit; ///< index in the organisation
    rational weight;    ///< as the scheme defines it (votes, square roots, ...)
    rational share;     ///< weight / total: sums to exactly 1
};

struct weight_report {
    std::string scheme;
    std::vector<unit_weight> units; ///< in the order of the units given
    rational largest_share;
    rational sum_squared_shares; ///< effective number = 1 / this
    double effective_number = 0;
    std::vector<std::uint32_t> min_majority; ///< fewest units whose shares exceed 1/2 (largest first)
    rational min_majority_share;
};

/// Weights of the given voting units (indices into org) under a scheme.
weight_report compute_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                              const weighting_scheme& scheme);

/// Two-level weights: `within` is computed inside each group of kind `group_level` (over the
/// group's voting units only, so a cap is a share of the group), `across` over the groups; a
/// unit's share is its group's share times its share inside the group. A group whose share is 0
/// gives its units 0 (its inside scheme is not computed).
struct two_level_report {
    weight_report
        units; ///< the combined shares (weight = share), scheme "WITHIN within GROUP, ACROSS across"
    weight_report groups;                ///< the across-groups report
    std::vector<std::uint32_t> group_of; ///< group (org index) of each unit, in the order of units
};
two_level_report compute_two_level_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                                           const weighting_scheme& within, const weighting_scheme& across,
                                           const std::string& group_level = "pcn");
/// "equal within pcn, sqrt across": the name of a two-level weighting.
std::string two_level_name(const weighting_scheme& within, const weighting_scheme& across,
                           const std::string& group_level = "pcn");

/// The report as JSON: "scheme", "units" (id, name, population, weight, share, exact strings),
/// "largest_share", "effective_number", "min_majority" {"count", "units", "share"}.
std::string to_json(const organisation& org, const weight_report& r, int indent = -1);
/// A two-level report: the combined shares (as to_json above) with "within", "across",
/// "group_level" and the across-groups report as "groups"; keys in name order.
std::string to_json(const organisation& org, const two_level_report& r, const weighting_scheme& within,
                    const weighting_scheme& across, const std::string& group_level, int indent = -1);

/// How units' ballots combine (docs/weighting.md).
enum class aggregation_mode : std::uint8_t {
    pooled = 0,     ///< every voter of a unit carries the unit's weight
    normalised = 1, ///< a unit's voters share its weight equally (a unit counts once)
    two_stage = 2,  ///< a rule inside each group, then a rule across groups with group weights
};
aggregation_mode parse_mode(std::string_view text);
/// "pooled", "normalised" or "two-stage": the inverse of parse_mode.
const char* mode_name(aggregation_mode m);

struct aggregate_options {
    aggregation_mode mode = aggregation_mode::normalised;
    std::string level;               ///< voting units' kind (default: the organisation's leaves)
    std::string group_level = "pcn"; ///< two-stage: the groups
    /// two-stage: rule inside each group; empty = the counted method (with its options).
    std::string inner;
    std::string inner_options = "{}";
    /// two-stage: rule across groups. The counted method *is* the outer rule: this is only an
    /// alternative spelling, and a different name is errc::invalid (empty = the method).
    std::string outer;
    /// two-stage: must be empty, "{}" or the counted method's options (the method's options
    /// are the outer rule's); anything else is errc::invalid.
    std::string outer_options = "{}";
    /// Two-level weighting: with it, the scheme is computed inside each group at group_level and
    /// this one across the groups (compute_two_level_weights); in a two-stage count it weighs the
    /// groups in the second stage. Absent: the one scheme serves both levels.
    std::optional<weighting_scheme> group_scheme;
};

/// Aggregate options from JSON {"mode", "level", "group_level", "inner", "outer",
/// "group_scheme"} (accord_run_weighted()'s aggregate_json; "" = the defaults). An unknown key or
/// a value of the wrong type is errc::invalid naming it.
aggregate_options aggregate_options_from_json(std::string_view json);

/// The profile with each ballot's weight set by its unit's weight under the scheme (ballots
/// must carry unit ids that name units of the organisation; errc::not_found otherwise).
profile weighted_profile(const profile& p, const organisation& org, const weighting_scheme& scheme,
                         const aggregate_options& opt = {});

/// Runs `method` on the weighted ballots (pooled or normalised), or the two-stage count, in
/// which `method` (with `options_json`) is the rule across groups and, unless `opt.inner` names
/// another, inside each group too. `opt.inner`/`opt.outer` with a mode other than two-stage are
/// errc::invalid (they would be ignored).
result run_weighted(const profile& p, const organisation& org, const weighting_scheme& scheme,
                    std::string_view method, std::string_view options_json,
                    const aggregate_options& opt = {});

} // namespace v0
} // namespace accord
