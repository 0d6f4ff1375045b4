// Parts of a Monte Carlo run split across processes (accord.dask): the JSON a block range
// produces, and the checks a finishing run makes on the total it is given.
#pragma once

#include "accord/analysis/monte_carlo.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace accord {
inline namespace v0 {
namespace analysis_detail {

/// Reads options "blocks": [first, last] and "total": PART into opt.split; false for other keys.
bool split_key(const std::string& key, const nlohmann::ordered_json& v, monte_carlo_options& opt);

/// Checks a finishing run's "total" against the analysis, samples and seed it runs with.
void check_split(const monte_carlo_options& opt, const std::string& analysis);

/// The part a block-range run reports: {"format": "accord-blocks", "version": 1, "analysis",
/// "samples", "seed", "first", "last", "total": false, "sums": [one string per block]}.
nlohmann::ordered_json block_part(const monte_carlo_options& opt, const std::string& analysis);

} // namespace analysis_detail
} // namespace v0
} // namespace accord
