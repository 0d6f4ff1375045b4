// accord/analysis/report_options.hpp: the HTML report (accord/analysis/report.hpp) built from
// ballots, an organisation and JSON options, as `accord report`, the C API's accord_report_html
// and Python's accord.report all make it.
#pragma once

#include "accord/analysis/interface.hpp"
#include "accord/analysis/report.hpp"

#include <string_view>

namespace accord {
inline namespace v0 {

/// Options (strict JSON, all optional): {"title", "rules", "schemes", "modes", "group_schemes"
/// (the sweep, defaults from accord/analysis/defaults.hpp), "rule_options", "level", "scheme"
/// (SMAA and power, "population"), "smaa_rule" (the first rule), "sampler" ("population:0.1"),
/// "samples" (2000), "seed" (0), "threads" (0), "smaa" (true), "power" (true), "notes" (list of
/// paragraphs)}. Power: the Banzhaf index of each unit in the game "more than half of the weight"
/// under "scheme", its exact weights scaled to whole numbers (errc::overflow if they cannot be).
report_input report_input_from(const profile& p, const organisation& org, std::string_view options_json,
                               const analysis_progress& progress = {});

} // namespace v0
} // namespace accord
