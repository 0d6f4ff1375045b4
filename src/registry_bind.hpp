// Internal: a registry method bound to its options, parsed once (for prepared counts).
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string_view>

namespace accord {
inline namespace v0 {
namespace detail {

struct bound_method {
    nlohmann::json options;                    ///< the parsed options object
    std::function<result(const profile&)> run; ///< the method with those options, no parsing
};

/// Finds `method` (errc::not_found) and parses its options once (errc::invalid); the options are
/// checked against each profile when run, exactly as run() checks them.
bound_method bind_method(std::string_view method, std::string_view options_json);

} // namespace detail
} // namespace v0
} // namespace accord
