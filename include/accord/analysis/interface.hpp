// accord/analysis/interface.hpp: the analyses as the C API, Python and the CLI call them.
// (SMAA, sweeps and tipping points over an organisation; AHP, MCDA and synthetic electorates.)
//
// Options arrive as one JSON object whose keys are all checked (a misspelt key is an error,
// never a silent default, as in the registry) and results leave as one JSON object. The three
// interfaces share this one parser and this one printer, so they cannot drift apart. Keys and
// their meaning: docs/analysis.md ("From the CLI, C and Python").
#pragma once

#include "accord/analysis/sweep.hpp"
#include "accord/organisation.hpp"
#include "accord/profile.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

/// progress(done, total), called on the calling thread; returning false cancels the analysis
/// (accord::error with errc::cancelled).
using analysis_progress = std::function<bool(std::size_t done, std::size_t total)>;

/// SMAA options: {"rule", "rule_options" (object), "scheme", "mode" ("normalised"|"pooled"),
/// "level", "sampler" ("population[:SIGMA]", "simplex", "dirichlet[:ALPHA]", "bootstrap"),
/// "sigma", "alpha", "samples", "seed", "threads", "resolution"}. Absent keys keep the defaults
/// of population_smaa_options, except "scheme", which defaults to "population" (population
/// noise does nothing to equal weights).
population_smaa_options smaa_options_from_json(std::string_view json);

/// Sweep options: {"rules", "schemes", "modes" (arrays of names), "rule_options", "level",
/// "group_level"}.
sweep_options sweep_options_from_json(std::string_view json);

/// Tipping options: {"rule", "rule_options", "scheme" (default "population"), "mode", "level",
/// "group_level", "quantity" ("weight"|"population"), "max_factor", "tolerance" (exact: a
/// string such as "1/1000" or a decimal), "steps_per_doubling"}.
tipping_options tipping_options_from_json(std::string_view json);

/// The SMAA report: "samples", "settings", "candidates", "units", "rank_acceptability" (name ->
/// probability by place), "winner_probability", "winner_probability_se", "expected_rank",
/// "central_weights" (name -> unit id -> mean share over the samples it won, or null),
/// "incomplete". Nothing in it depends on the number of threads.
std::string smaa_report_json(const profile& p, const organisation& org, const population_smaa_options& opt,
                             const acceptability& a, int indent = -1);

/// The sweep report: "settings", "candidates", "rows" (sweep_json), "winners" (distinct
/// winners, in row order), "movers" (candidates placed differently from the baseline in some row).
std::string sweep_report_json(const profile& p, const sweep_options& opt,
                              const std::vector<sweep_entry>& rows, int indent = -1);

/// The tipping report: "settings", "baseline_winner", "quantity", "units" (tipping_json's units
/// with each unit's "name" and "population", and per bracket the "change" from the baseline).
std::string tipping_report_json(const organisation& org, const tipping_options& opt, const tipping_result& r,
                                int indent = -1);

/// Parse, run and print in one call (the body of the C API's accord_analyse_* functions).
std::string analyse_smaa(const profile& p, const organisation& org, std::string_view options_json,
                         const analysis_progress& progress = {});
std::string analyse_sweep(const profile& p, const organisation& org, std::string_view options_json,
                          const analysis_progress& progress = {});
std::string analyse_tipping(const profile& p, const organisation& org, std::string_view options_json,
                            const analysis_progress& progress = {});

// ---- priorities from judgements and criteria (docs/methods/ahp.md, docs/methods/mcda.md) ------

/// AHP over {"items", "matrix" | "upper" | "participants"} with options {"method", "aggregation",
/// "saaty_scale", "reciprocity_tolerance", "scheme", "level"}; `org` (may be null) weights the
/// participants by their "unit" under "scheme". Report: "analysis": "ahp", "method", "items",
/// "priorities", "ranking", "consistency" and, for participants, "aggregation", "participants".
std::string analyse_ahp(std::string_view input_json, std::string_view options_json,
                        const organisation* org = nullptr);

/// The exact weighted sum of an MCDA table {"options", "criteria", "scores", "weights",
/// "lower_is_better"} with options {"scaling", "tie_break", "tie_seed"}.
std::string analyse_mcda(std::string_view table_json, std::string_view options_json);

/// SMAA over the criteria weights of an MCDA table, options {"distribution", "alpha", "lower",
/// "upper", "max_draws", "scaling", "tie_break", "tie_seed", "samples", "seed", "threads"}.
std::string analyse_mcda_smaa(std::string_view table_json, std::string_view options_json,
                              const analysis_progress& progress = {});

// ---- synthetic electorates (accord/analysis/electorates.hpp) -------------------------------

/// One electorate of `model` with options {"candidates", "voters", "seed", "names", "phi",
/// "center", "strengths", "dimensions"}; `source` (may be null) is resampled, or lends its names
/// and number of voters.
profile generate_profile(std::string_view model, std::string_view options_json,
                         const profile* source = nullptr);

/// Monte Carlo over electorates, options {"model", the model's keys, "rules", "rule_options",
/// "samples", "seed", "threads"}; report "analysis": "electorates", "samples", "settings",
/// "candidates", "rules", "by_rule", "agreement".
std::string analyse_electorates(const profile* reference, std::string_view options_json,
                                const analysis_progress& progress = {});

} // namespace v0
} // namespace accord
