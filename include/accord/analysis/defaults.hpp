// accord/analysis/defaults.hpp: the defaults of the weighting analyses (sweep, SMAA, tipping
// points) in one table. The C++ option structs, the JSON option parsers (what the C API and
// Python call) and the CLI's flags all read it, so an analysis run with no options means the
// same thing through every front door (tests/python/test_defaults.py compares them).
#pragma once

#include "accord/weighting.hpp"

#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

/// SMAA and tipping points: population noise does nothing to equal weights, so the scheme they
/// perturb by default is the population one.
inline constexpr const char* k_default_analysis_scheme = "population";
/// Pooled, normalised or two-stage: each unit counts once by default.
inline constexpr const char* k_default_analysis_mode = "normalised";
/// SMAA, tipping points, electorates and explore: the rule counted when none is given.
inline constexpr const char* k_default_analysis_rule = "irv";
/// The groups of two-stage counts and two-level weightings.
inline constexpr const char* k_default_group_level = "pcn";

/// Sweep: Borda (a full ranking that every weighting moves smoothly), equal against population.
inline std::vector<std::string> default_sweep_rules() { return {"borda"}; }
inline std::vector<weighting_scheme> default_sweep_schemes() {
    return {parse_scheme("equal"), parse_scheme("population")};
}
inline std::vector<aggregation_mode> default_sweep_modes() { return {parse_mode(k_default_analysis_mode)}; }

/// The table as JSON: {"sweep": {"rules", "schemes", "modes", "group_level"}, "smaa": {"scheme",
/// "mode", "group_level", "sampler", "sigma", "samples", "seed", "resolution"}, "tipping":
/// {"scheme", "mode", "group_level", "quantity", "max_factor", "tolerance", "steps_per_doubling"}}.
std::string analysis_defaults_json(int indent = -1);

} // namespace v0
} // namespace accord
