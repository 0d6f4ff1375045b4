// Internal: one reader and one writer function per format, dispatched by src/io/read.cpp.
//
// Each reader gets the whole text (UTF-8 BOM already removed) and the name to use in error
// messages; it returns a complete profile or throws accord::error(errc::parse, ..., {name, line,
// column}). In lenient mode it may skip malformed ballot lines, appending them to report.skipped.
#pragma once

#include "accord/io/read.hpp"

#include <ostream>
#include <string_view>

namespace accord {
inline namespace v0 {
namespace detail {

profile read_preflib(std::string_view text, std::string_view name, file_format f, const read_options& opt,
                     read_report& report);
profile read_blt(std::string_view text, std::string_view name, const read_options& opt, read_report& report);
profile read_debian(std::string_view text, std::string_view name, const read_options& opt,
                    read_report& report);
profile read_csv(std::string_view text, std::string_view name, const read_options& opt, read_report& report);
profile read_cdf_json(std::string_view text, std::string_view name, const read_options& opt,
                      read_report& report);
/// The .xlsx bytes; converts the sheet with xlsx_to_csv and reads that as CSV with `opt`.
profile read_xlsx(std::string_view bytes, std::string_view name, const read_options& opt,
                  read_report& report);
/// One sheet of an .xlsx workbook as RFC 4180 CSV text (CRLF; one line per sheet row from row 1).
std::string xlsx_to_csv(std::string_view bytes, std::string_view name, const xlsx_read_options& opt);

void write_preflib(std::ostream& out, const profile& p, file_format f);
void write_blt(std::ostream& out, const profile& p);
void write_debian(std::ostream& out, const profile& p);
void write_csv(std::ostream& out, const profile& p);

} // namespace detail
} // namespace v0
} // namespace accord
