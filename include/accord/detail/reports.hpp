// accord/detail/reports.hpp: the core's JSON reports as nlohmann trees.
//
// The public functions (analyse_*, evaluate_invocation, to_json) return these trees as text for
// the C API and Python. The CLI draws its tables from the trees themselves, so no front door
// ever parses the core's own output back (docs/architecture.md, "Front doors only marshal").
#pragma once

#include "accord/analysis/groups.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/governance.hpp"
#include "accord/result.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace accord {
inline namespace v0 {
namespace detail {

/// to_json(const result&) as a tree.
nlohmann::ordered_json result_report(const result& r);

/// analyse_smaa, analyse_sweep, analyse_tipping as trees.
nlohmann::ordered_json smaa_report(const profile& p, const organisation& org, std::string_view options_json,
                                   const analysis_progress& progress = {});
nlohmann::ordered_json sweep_report(const profile& p, const organisation& org, std::string_view options_json,
                                    const analysis_progress& progress = {});
nlohmann::ordered_json tipping_report(const profile& p, const organisation& org,
                                      std::string_view options_json, const analysis_progress& progress = {});

/// analyse_groups as a tree (accord/analysis/groups.hpp); `org` may be null.
nlohmann::ordered_json groups_report(const profile& p, const organisation* org, std::string_view options_json,
                                     const analysis_progress& progress = {});

/// analyse_ahp, analyse_mcda, analyse_mcda_smaa, analyse_electorates as trees.
nlohmann::ordered_json ahp_report(std::string_view input_json, std::string_view options_json,
                                  const organisation* org = nullptr);
nlohmann::ordered_json mcda_report(std::string_view table_json, std::string_view options_json);
nlohmann::ordered_json mcda_smaa_report(std::string_view table_json, std::string_view options_json,
                                        const analysis_progress& progress = {});
nlohmann::ordered_json electorates_report(const profile* reference, std::string_view options_json,
                                          const analysis_progress& progress = {});

/// evaluate_invocation and rule_to_json as trees.
nlohmann::ordered_json invocation_outcome(const nlohmann::ordered_json& invocation);
nlohmann::ordered_json decision_rule_report(const decision_rule& r);

} // namespace detail
} // namespace v0
} // namespace accord
