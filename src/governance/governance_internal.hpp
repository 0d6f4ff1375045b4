// Internal helpers of the governance area: locating a JSON pointer's line in a text, dates.
#pragma once

#include "accord/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace accord {
inline namespace v0 {
namespace governance_detail {

/// The 1-based line where the value at a JSON pointer ("/bodies/2/seats/0/term_end") starts in
/// a JSON text, or 0 when the text does not hold it. A small scanner: the text is already known
/// to be valid JSON when this is called.
std::size_t locate_line(std::string_view text, std::string_view pointer);

/// The 1-based line of a byte offset.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

/// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);

/// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

/// A date `days` days after an ISO date (for "expires within 90 days").
std::string add_days(const std::string& iso, int days);

/// Reads a whole file (errc::io naming it).
std::string read_file(const std::string& path);

/// Parses JSON text, errc::parse naming `name` and the line on failure.
nlohmann::ordered_json parse_json(const std::string& text, const std::string& name);

} // namespace governance_detail
} // namespace v0
} // namespace accord
