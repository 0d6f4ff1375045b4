// accord/registry.hpp: rules by name, with options as JSON.
//
// The registry is how the C API, Python and the CLI reach every rule: a lower-case hyphenated
// name ("irv", "plurality", ...) and a JSON object of options. Unknown names give
// errc::not_found; unknown or mistyped options give errc::invalid naming the option.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

struct method_info {
    std::string name;                 ///< e.g. "irv"
    std::string summary;              ///< one line
    std::vector<std::string> options; ///< accepted option keys
    bool additive = false;            ///< the count is a sum of per-ballot scores (positional rules)
};

/// Runs the named method. `options_json` is a JSON object ("{}" or "" for defaults).
result run(const profile& p, std::string_view method, std::string_view options_json = "{}");
/// The same, with a progress callback for methods with long work (exact Kemeny): called with
/// the fraction done; returning false cancels (errc::cancelled). Other methods never call it.
result run(const profile& p, std::string_view method, std::string_view options_json,
           const std::function<bool(double)>& progress);

/// All registered methods, sorted by name.
std::vector<method_info> methods();

} // namespace v0
} // namespace accord
