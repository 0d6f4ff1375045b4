// accord/io/read.hpp: reading and writing ballot files in every supported format.
//
// Readers stream the input once, validate everything, and either return a complete profile or
// throw accord::error (errc::parse) naming the file, line, column and what was expected; nothing
// is half-loaded. With `lenient`, a malformed *ballot* line is skipped instead and reported in
// read_report::skipped with its line; malformed headers are always errors.
#pragma once

#include "accord/profile.hpp"

#include <filesystem>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

enum class file_format : std::uint8_t {
    auto_detect = 0,
    soc,      ///< PrefLib strict complete orders
    soi,      ///< PrefLib strict incomplete orders
    toc,      ///< PrefLib orders with ties, complete
    toi,      ///< PrefLib orders with ties, incomplete
    cat,      ///< PrefLib categorical (approval: first category approved)
    blt,      ///< BLT / David Hill format
    csv,      ///< one row per ballot (cast-vote records, online forms)
    debian,   ///< Debian tally sheet (V: lines)
    cdf_json, ///< NIST 1500-103 Common Data Format cast-vote records (JSON), as RCTab reads them
    xlsx,     ///< Excel workbook: one sheet, read as CSV (docs/formats.md)
    scores,   ///< score ballots as CSV: one column per candidate holding its score (star.vote)
    pabulib,  ///< Pabulib participatory budgeting instance (.pb): projects, costs, budget, votes
};

const char* format_name(file_format f) noexcept;
/// "auto" or a name or alias of format_table(); errc::invalid otherwise.
file_format parse_format(std::string_view name);

/// How CSV ballots are laid out and labelled (see docs/formats.md, "CSV").
///
/// With the defaults the reader works the layout out from the header names (identifier columns,
/// count/weight/unit columns, rank headers, form-export shapes) and refuses, naming the column
/// and the option that reads it, whatever it cannot tell for sure. Every option set explicitly
/// wins over what the reader would detect.
struct csv_options {
    enum class layout_t : std::uint8_t {
        auto_detect = 0,   ///< from the header names, then from the cells (docs/formats.md)
        rank_columns,      ///< each column is a rank; cells hold candidate names
        candidate_columns, ///< each column is a candidate; cells hold rank numbers
        ranking_cell,      ///< one column; each cell lists the ranking ("A;B;C;", Microsoft Forms)
        score_columns,     ///< each column is a candidate; cells hold integer scores (a score profile)
    };
    layout_t layout = layout_t::auto_detect;
    /// Field delimiter; '\0' = detect from the header row (',' unless it holds only ';' or tabs)
    /// or from Excel's "sep=X" first line.
    char delimiter = '\0';
    bool header = true; ///< first row names the columns
    /// Recognise identifier/metadata columns (ignored), and `count`, `weight`, `unit` columns, by
    /// their header names (docs/formats.md lists them). False reads every column as a ballot column.
    bool detect_columns = true;
    std::vector<std::string> skip_columns; ///< columns that are neither ranks nor candidates
    std::size_t first_column = 1;          ///< 1-based: columns before it are ignored (ids, precincts)
    /// Column naming each ballot's unit. "" = a header column named "unit" (any case) if there is
    /// one, else none: a column of practice codes is never read as a rank.
    std::string unit_column;
    std::string weight_column; ///< exact weight per row ("" = a column named "weight")
    std::string count_column;  ///< multiplicity per row ("" = a column named "count")
    std::vector<std::string> skipped_labels{"", "skipped", "undervote", "-", "n/a", "N/A"}; ///< a blank rank
    std::vector<std::string> overvote_labels{"overvote"}; ///< an overvote at a rank
    std::string overvote_delimiter;                       ///< e.g. "|" when one cell lists several candidates
    std::string ranking_delimiter = ";";                  ///< separator of the candidates in a ranking cell
    std::vector<std::string> write_in_labels{"UWI", "writein", "write-in"}; ///< undeclared write-ins
    std::string write_in_name = "Undeclared Write-ins";                     ///< candidate they count for
    std::vector<std::string> candidates; ///< fixed candidate list in this order (else first seen)
    /// Text encoding of the file: "utf-8" (default) or "windows-1252" (Excel's "CSV" on Windows;
    /// also reads Latin-1). Text that is not valid UTF-8 is refused naming this option.
    std::string encoding = "utf-8";
    /// Score columns: the scores allowed, "LO..HI" (e.g. "0..5"; "" = any integer that fits in
    /// 32 bits). A score outside it is refused naming the cell.
    std::string score_range;
};

/// Reading an Excel workbook (.xlsx): which sheet, and the limits that keep a hostile or
/// damaged file from taking unbounded memory or time.
struct xlsx_read_options {
    std::string sheet; ///< sheet name ("" = the first sheet)
    /// Most bytes read: the XML parts uncompressed, together, and the sheet as CSV text.
    std::uint64_t max_bytes = std::uint64_t{512} << 20;
    /// Most cells: those holding values, and the rows x columns of the sheet's used range.
    std::uint64_t max_cells = 50'000'000;
};

struct read_options {
    file_format format = file_format::auto_detect;
    /// CDF: the contest to read, by name or id ("" = the file's only contest). CSV: the contest
    /// (rank-header prefix such as "Mayor" in "Mayor (1)", form question, or ranking column).
    std::string contest;
    bool lenient = false;   ///< skip malformed ballot lines, reporting each, instead of failing
    csv_options csv;        ///< also for .xlsx, whose sheet is read as CSV
    xlsx_read_options xlsx; ///< .xlsx only; a sheet name for any other format is an error
};

struct skipped_ballot {
    std::size_t line;
    std::string reason;
};

struct read_report {
    file_format format = file_format::auto_detect; ///< the format actually read
    std::vector<skipped_ballot> skipped;           ///< lenient mode only
    std::size_t lines = 0;
    /// What a reader worked out by itself (CSV: the layout, the columns it ignored by name), one
    /// sentence each, so a front door can say how the file was read.
    std::vector<std::string> notes;
};

/// Reading options from a format name ("auto", "csv", ...) and a JSON object of options
/// ({"layout", "skip_columns", "unit_column", "lenient", "sheet", ...}: the keys of
/// accord_profile_from_file(), docs/c-api.md; "" = none). Every key is checked: an unknown key or
/// a value of the wrong type is errc::invalid naming it. The one reader the C API and Python use.
read_options read_options_from_json(std::string_view format, std::string_view options_json);

/// Reads a ballot file. Errors: errc::io (cannot open), errc::parse (malformed; names the place).
profile read_profile(const std::filesystem::path& path, const read_options& opt = {},
                     read_report* report = nullptr);
/// Reads from memory; `name` is used in error messages in place of a file name.
profile read_profile_text(std::string_view text, std::string_view name, const read_options& opt = {},
                          read_report* report = nullptr);
/// Guesses the format from the file name's extension and the first bytes.
file_format detect_format(std::string_view name, std::string_view head);

/// Writes the profile in a format that has a writer (format_table()); errc::unsupported if the
/// format cannot represent it (e.g. ties in soi).
void write_profile(std::ostream& out, const profile& p, file_format f);

/// One ballot file format: the one table (src/io/formats.hpp) that names, aliases, extensions,
/// detection, reading, writing and every front door's help and error texts come from.
struct format_info {
    file_format id;
    const char* name;        ///< the name every front door takes ("blt")
    const char* aliases;     ///< other names parse_format() takes, space-separated ("hil")
    const char* extensions;  ///< lower-case file extensions, space-separated ("blt hil")
    const char* description; ///< one line for help texts
    const char* fuzz_target; ///< the libFuzzer target that reads it (fuzz/<target>.cpp, seeds in fuzz/seeds/)
    int sniff_rank;          ///< order of detection by content (0: by extension or name only)
    /// What a file's first bytes show (file_format::auto_detect when not this format).
    file_format (*sniff)(std::string_view head);
    profile (*read)(std::string_view text, std::string_view name, file_format f, const read_options& opt,
                    read_report& report);
    void (*write)(std::ostream& out, const profile& p, file_format f); ///< null: not written
};
/// Every format, in the order help texts list them.
std::span<const format_info> format_table();
/// The table's names joined by `sep`, the last two by `last`; only those with a writer if asked.
std::string format_names(std::string_view sep, std::string_view last, bool writable_only = false);

} // namespace v0
} // namespace accord
