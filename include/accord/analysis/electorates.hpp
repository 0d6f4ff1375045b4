// accord/analysis/electorates.hpp: synthetic electorates by model name, and Monte Carlo over
// them ("how often would a rule pick a different winner for electorates like this one?").
//
// electorate_model names one of the generators of generate.hpp with its parameters, so every
// interface (C API, Python, CLI) can describe it in JSON; generate() draws one profile.
// electorate_monte_carlo() draws `samples` electorates, counts each under one or more rules, and
// reports per rule the rank acceptability and winner probabilities, how often the winner differs
// from the rule's winner on a reference profile, and how often two rules agree on the winner.
// Sample i's electorate depends only on (seed, i), so every rule sees the same electorates and the
// report is identical for a seed whatever the number of threads. See docs/analysis.md.
#pragma once

#include "accord/analysis/defaults.hpp"
#include "accord/analysis/monte_carlo.hpp"
#include "accord/profile.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

enum class electorate_kind : unsigned char {
    impartial_culture = 0, ///< every strict ranking equally likely
    mallows = 1,           ///< around a central ranking, dispersion phi
    plackett_luce = 2,     ///< strengths
    spatial = 3,           ///< voters and candidates uniform in [0,1]^dimensions
    resample = 4,          ///< bootstrap of a source profile's voters
};

/// "impartial-culture" (also "ic"), "mallows", "plackett-luce", "spatial", "resample"
/// (also "bootstrap"); errc::invalid otherwise.
electorate_kind parse_electorate_kind(std::string_view name);
const char* electorate_kind_name(electorate_kind k) noexcept;

struct electorate_model {
    electorate_kind kind = electorate_kind::impartial_culture;
    /// Number of candidates; 0 = as many as `names`, or as the source profile has.
    std::size_t candidates = 0;
    /// Voters per electorate; 0 = the source profile's number of voters (required without one).
    std::size_t voters = 0;
    double phi = 0.5;              ///< mallows dispersion in [0, 1]
    std::vector<cand_t> center;    ///< mallows central ranking (empty = candidates in order)
    std::vector<double> strengths; ///< plackett-luce, one per candidate, > 0
    std::size_t dimensions = 2;    ///< spatial
    /// Candidate names (empty = the source's, or "A", "B", ...).
    std::vector<std::string> names;
};

/// The candidate names an electorate of this model has (`source` may be null except for resample).
std::vector<std::string> electorate_names(const electorate_model& m, const profile* source);

/// Draws one electorate. `source` is required for resample and otherwise only supplies the
/// candidate names and the number of voters when the model leaves them out. Throws
/// errc::invalid for a missing or inconsistent parameter, naming it.
profile generate(const electorate_model& m, std::uint64_t seed, const profile* source = nullptr);

struct electorate_options {
    electorate_model model;
    std::vector<std::string> rules{k_default_analysis_rule};
    std::string rule_options = "{}"; ///< JSON options given to every rule
    monte_carlo_options monte_carlo;
};

struct electorate_result {
    std::vector<std::string> candidates;
    std::vector<std::string> rules;
    std::vector<acceptability> by_rule; ///< per rule, over the samples (no central weights)
    /// Per rule: its winner on the reference profile (none without one, or on an unresolved tie).
    std::vector<std::optional<cand_t>> reference_winner;
    /// Per rule: share of samples whose first winner is not the reference winner (a sample with
    /// no winner counts as different); empty without a reference.
    std::vector<double> differs_from_reference;
    /// agreement[a][b]: share of samples in which rules a and b elect the same first winner
    /// (both without a winner counts as agreeing).
    std::vector<std::vector<double>> agreement;
};

/// Monte Carlo over electorates drawn from the model. `reference` (may be null) is the profile the
/// electorates are "like": each rule's winner on it is what differs_from_reference compares with;
/// for resample it is also the source. Progress and cancel as monte_carlo().
electorate_result electorate_monte_carlo(const electorate_options& opt, const profile* reference = nullptr);

} // namespace v0
} // namespace accord
