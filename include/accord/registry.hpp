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

/// One option key of a method, as its adapter reads it (learnt by probing it, see
/// src/registry.cpp) and as src/option_docs.cpp describes it.
struct option_info {
    std::string key;                  ///< e.g. "overvote"
    std::string type;                 ///< "bool", "integer", "integer >= 0", "string", "exact number",
                                      ///< "candidate", "candidates", "object", "list of exact numbers"
    std::vector<std::string> choices; ///< the values a string takes, when it is one of a few
    std::string default_json;         ///< the value used when it is absent, as JSON; empty: none
    bool required = false;            ///< the method refuses to count without it
    std::string description;          ///< one line
};

struct method_info {
    std::string name;                        ///< e.g. "irv"
    std::string summary;                     ///< one line
    std::vector<std::string> options;        ///< accepted option keys (from its adapter)
    bool additive = false;                   ///< the count is a sum of per-ballot scores (positional rules)
    std::vector<ballot_kind> ballots;        ///< the ballot kinds it counts; others are errc::unsupported
    std::vector<std::string> aliases;        ///< other names run() accepts for it, e.g. "rcv" for "irv"
    std::string docs;                        ///< its page, relative to the source tree: "docs/methods/irv.md"
    std::vector<option_info> option_details; ///< `options`, in the same order, with type, default, ...
};

/// Runs the named method. `options_json` is a JSON object ("{}" or "" for defaults).
result run(const profile& p, std::string_view method, std::string_view options_json = "{}");
/// The same, with a progress callback for methods with long work (exact Kemeny): called with
/// the fraction done; returning false cancels (errc::cancelled). Other methods never call it.
result run(const profile& p, std::string_view method, std::string_view options_json,
           const std::function<bool(double)>& progress);

/// All registered methods, sorted by name.
std::vector<method_info> methods();

/// The same as one JSON array: [{"name", "summary", "options", "additive", "ballots" (e.g.
/// ["ranking"]), "aliases", "docs", "option_details": [{"key", "type", "choices", "default"
/// (a JSON value, or null for none), "required", "description"}]}] (what `accord methods --json`
/// prints and accord_methods_json() returns).
std::string methods_json(int indent = -1);

/// One method (by name or alias) as methods_json() lists it: one JSON object (what
/// `accord methods RULE --json` prints); errc::not_found for an unknown name.
std::string method_json(std::string_view name_or_alias, int indent = -1);

/// The registered name a method name or alias stands for ("rcv" -> "irv"); errc::not_found,
/// naming the known methods, for neither.
std::string method_name(std::string_view name_or_alias);

} // namespace v0
} // namespace accord
