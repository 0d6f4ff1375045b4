// Internal: the small CSV files around an organisation (its units, a motion's votes): one record
// per line (no newlines inside fields), RFC 4180 quotes, fields trimmed, a UTF-8 BOM and blank
// lines skipped, and every problem a located errc::parse error.
#pragma once

#include "accord/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

[[noreturn]] void csv_fail(std::string_view file, std::size_t line, const std::string& msg);

/// One CSV line into trimmed fields.
std::vector<std::string> split_csv_line(std::string_view line, std::string_view file, std::size_t ln);

/// Calls f(line_number, fields) for every non-blank line of `text`, header included.
template <class F> void for_each_csv_row(std::string_view text, std::string_view file, F&& f) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t ln = 0, pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++ln;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        f(ln, split_csv_line(line, file, ln));
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
