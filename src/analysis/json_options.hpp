// Internal: strict readers of JSON options shared by the analyses' JSON interface
// (src/analysis/interface*.cpp). Every reader throws accord::error(errc::invalid) naming the key.
#pragma once

#include "accord/analysis/monte_carlo.hpp"
#include "accord/error.hpp"
#include "accord/number.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace accord::analysis_json {

using json = nlohmann::ordered_json;

/// A JSON object given as text ("" or null = {}); anything else is errc::invalid naming `what`.
json parse_object(std::string_view text, const char* what);

[[noreturn]] void bad(const std::string& key, const char* expected);
/// The same, quoting the value that was given.
[[noreturn]] void bad(const std::string& key, const char* expected, const std::string& got);

std::string text_of(const json& v, const std::string& key);
/// A list of names: a JSON array of strings, or one string; never empty.
std::vector<std::string> names_of(const json& v, const std::string& key);
/// names_of, refusing a name given twice (results are keyed by name: one would be lost).
std::vector<std::string> distinct_names_of(const json& v, const std::string& key);
std::uint64_t whole_of(const json& v, const std::string& key);
double number_of(const json& v, const std::string& key);
bool bool_of(const json& v, const std::string& key);
/// A number written in a string (the CLI's "population:0.1"); `what` names it in the error.
double number_of(std::string_view text, const std::string& what);
/// An exact number: a string ("1/1000", "0.001") or a JSON integer.
rational exact_of(const json& v, const std::string& key);
/// Rule options: a JSON object (or its text), kept as text for the registry.
std::string rule_options_of(const json& v, const std::string& key);
/// The options object as JSON again ("" = {}), for a report's "settings".
json options_object(const std::string& text);

/// Reads "samples", "seed" and "threads" into `mc` if `key` is one of them; false otherwise.
bool monte_carlo_key(const std::string& key, const json& v, monte_carlo_options& mc);

/// The probabilities of an acceptability as report keys: "rank_acceptability" (name -> list by
/// place), "winner_probability", "winner_probability_se", "expected_rank" and, when
/// `parameter_names` is not empty, "central_weights" (name -> parameter name -> mean, or null).
void put_acceptability(json& j, const std::vector<std::string>& names, const acceptability& a,
                       const std::vector<std::string>& parameter_names, bool with_central = true);

} // namespace accord::analysis_json
