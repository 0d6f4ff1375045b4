// Internal: one reader and one writer function per format, and the table of formats that
// src/io/read.cpp dispatches and detects by (format_table()).
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
/// Score ballots as CSV: read_csv with the score-columns layout (docs/formats.md, "Score ballots").
profile read_scores(std::string_view text, std::string_view name, const read_options& opt,
                    read_report& report);
profile read_cdf_json(std::string_view text, std::string_view name, const read_options& opt,
                      read_report& report);
/// The .xlsx bytes; converts the sheet with xlsx_to_csv and reads that as CSV with `opt`.
/// Pabulib (.pb): projects with costs (profile::costs), the budget (profile::budget) and votes.
profile read_pabulib(std::string_view text, std::string_view name, const read_options& opt,
                     read_report& report);
profile read_xlsx(std::string_view bytes, std::string_view name, const read_options& opt,
                  read_report& report);
/// One sheet of an .xlsx workbook as RFC 4180 CSV text (CRLF; one line per sheet row from row 1).
std::string xlsx_to_csv(std::string_view bytes, std::string_view name, const xlsx_read_options& opt);

void write_preflib(std::ostream& out, const profile& p, file_format f);
void write_blt(std::ostream& out, const profile& p);
void write_debian(std::ostream& out, const profile& p);
void write_csv(std::ostream& out, const profile& p);
void write_scores(std::ostream& out, const profile& p);
void write_pabulib(std::ostream& out, const profile& p);

// ---- the table of formats ----------------------------------------------------------------------
// Every format's names, extensions, detection, reader and writer, in the order help texts list
// them: parse_format, detect_format, read_profile_text, write_profile and every front door's
// help and error texts read this table (docs/architecture.md, "How to add a format").

/// What the content shows (file_format::auto_detect: not this format). Defined in src/io/read.cpp.
file_format sniff_xlsx(std::string_view head);
file_format sniff_debian(std::string_view head);
file_format sniff_preflib(std::string_view head);
file_format sniff_blt(std::string_view head);
file_format sniff_csv(std::string_view head);
file_format sniff_pabulib(std::string_view head);

/// A reader that reads one format only (the table's readers are told which format they read).
template <profile (*Read)(std::string_view, std::string_view, const read_options&, read_report&)>
profile read_one(std::string_view text, std::string_view name, file_format, const read_options& opt,
                 read_report& report) {
    return Read(text, name, opt, report);
}
template <void (*Write)(std::ostream&, const profile&)>
void write_one(std::ostream& out, const profile& p, file_format) {
    Write(out, p);
}

inline constexpr format_info k_formats[] = {
    // id, name, aliases, extensions, description, fuzz target, sniff rank, sniff, read, write
    {file_format::soc, "soc", "", "soc", "PrefLib strict complete orders", "fuzz_preflib", 3, &sniff_preflib,
     &read_preflib, &write_preflib},
    {file_format::soi, "soi", "", "soi", "PrefLib strict incomplete orders", "fuzz_preflib", 0, nullptr,
     &read_preflib, &write_preflib},
    {file_format::toc, "toc", "", "toc", "PrefLib orders with ties, complete", "fuzz_preflib", 0, nullptr,
     &read_preflib, &write_preflib},
    {file_format::toi, "toi", "", "toi", "PrefLib orders with ties, incomplete", "fuzz_preflib", 0, nullptr,
     &read_preflib, &write_preflib},
    {file_format::cat, "cat", "", "cat", "PrefLib categorical (approval)", "fuzz_preflib", 0, nullptr,
     &read_preflib, &write_preflib},
    {file_format::blt, "blt", "hil", "blt hil", "BLT / David Hill", "fuzz_blt", 4, &sniff_blt,
     &read_one<read_blt>, &write_one<write_blt>},
    {file_format::csv, "csv", "", "csv", "one row per ballot (cast-vote records, online forms)", "fuzz_csv",
     5, &sniff_csv, &read_one<read_csv>, &write_one<write_csv>},
    {file_format::debian, "debian", "", "debian_votes", "Debian tally sheet (V: lines)", "fuzz_debian", 2,
     &sniff_debian, &read_one<read_debian>, &write_one<write_debian>},
    {file_format::cdf_json, "cdf", "json cdf-json", "json", "NIST 1500-103 cast-vote records (JSON)",
     "fuzz_cdf", 0, nullptr, &read_one<read_cdf_json>, nullptr},
    {file_format::xlsx, "xlsx", "", "xlsx", "Excel workbook, one sheet read as CSV", "fuzz_xlsx", 1,
     &sniff_xlsx, &read_one<read_xlsx>, nullptr},
    {file_format::scores, "scores", "score", "", "score ballots as CSV, one column per candidate (star.vote)",
     "fuzz_csv", 0, nullptr, &read_one<read_scores>, &write_one<write_scores>},
    {file_format::pabulib, "pabulib", "pb", "pb",
     "Pabulib participatory budgeting (projects, costs, budget, votes)", "fuzz_preflib", 1, &sniff_pabulib,
     &read_one<read_pabulib>, &write_one<write_pabulib>},
};

} // namespace detail
} // namespace v0
} // namespace accord
