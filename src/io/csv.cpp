// CSV ballots: cast-vote records and online-form exports, one row per ballot.
//
// RFC 4180 fields (quotes, doubled quotes, delimiters and newlines inside quotes), two layouts
// (rank columns holding candidate names; candidate columns holding rank numbers), labels for
// skipped ranks, overvotes and undeclared write-ins, and optional unit/weight/count columns.
// Skipped ranks are kept as gaps in the rank numbers because RCTab's skipped-rank limit depends
// on them (docs/formats.md, "CSV"). The reader runs in named steps (csv_reading::read); the
// scanner and the labels it shares with the writer (src/io/csv_write.cpp) are in csv_text.hpp.
#include "csv_text.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <cstring>
#include <unordered_map>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

using namespace csv_text;

/// One reading of a CSV file, in the steps `read` takes in order. Each step reads what the
/// steps before it settled (the delimiter, the header, the column roles, the layout) and the
/// members keep the names the single function they came from used.
class csv_reading {
  public:
    using layout_t = csv_options::layout_t;

    csv_reading(std::string_view text_in, std::string_view file, const read_options& options,
                read_report& rep)
        : text(text_in), name(file), opt(options), o(options.csv), report(rep) {}

    profile read() {
        decode();
        detect_delimiter_and_start();
        read_metadata();
        read_header();
        assign_column_roles();
        classify_ballot_columns();
        keep_chosen_contest();
        probe_rows();
        detect_layout();
        guard_guessed_reading();
        number_rank_columns();
        note_layout();
        set_up_candidates();
        read_rows();
        return finish();
    }

  private:
    // What each ballot column's header says.
    enum class hkind : std::uint8_t { plain, rank, grid };
    struct col_info {
        hkind kind = hkind::plain;
        std::uint32_t rank = 0;
        std::string group, item;
    };
    /// What a row says beside its ranking: its count, weight and unit.
    struct row_extras {
        std::uint64_t count = 1;
        bool weighted = false;
        std::uint32_t unit = k_no_unit;
    };

    std::string converted;
    std::string_view text;
    std::string_view name;
    const read_options& opt;
    const csv_options& o;
    read_report& report;

    // The delimiter and the scanner over the records.
    std::size_t first_line = 1;
    char delim = '\0';
    std::optional<csv_scanner> scan;
    std::vector<field> rec;
    std::size_t line = 0;

    // accord's metadata records before the header.
    std::string meta_title;
    std::size_t meta_seats = 0, seats_line = 0;
    std::vector<std::string> meta_candidates;
    std::vector<std::pair<std::string, std::size_t>> meta_withdrawn;
    bool meta_scores = false; // "#ballots,score": the columns are candidates holding scores
    bool have_record = false;

    // The header, and the first rows, read ahead to choose the layout.
    std::vector<std::string> header;
    std::size_t header_line = 0;
    std::vector<std::pair<std::vector<field>, std::size_t>> probe;
    bool more = true;

    // Column roles.
    std::size_t unit_col = SIZE_MAX, weight_col = SIZE_MAX, count_col = SIZE_MAX;
    std::size_t skip_before = 0;
    std::vector<char> special, ignore;
    std::vector<std::string> ignored_by_name;
    std::vector<col_info> info;
    std::vector<std::size_t> ballot_cols;

    // The layout and the ranks of rank columns.
    layout_t layout = layout_t::auto_detect;
    bool guessed = false, fixed = false, numbered = false;
    std::vector<std::int32_t> rank_of_col;

    // The profile being read, and the names of its candidates.
    profile p;
    std::unordered_map<std::string, cand_t, sv_hash, sv_eq> index;
    // Names first seen in the row being read join the profile only when that row is accepted,
    // so a row skipped in lenient mode leaves nothing behind.
    std::vector<std::string> pending;
    std::vector<std::size_t> new_names_in_col; // per column, for the many-candidates guard
    std::vector<std::size_t> cand_col_of;      // candidate-columns: header column -> candidate
    // Score columns: the allowed range ("score_range"), and the lowest and highest score read.
    bool ranged = false;
    std::int64_t score_lo = 0, score_hi = 0;
    std::int64_t seen_lo = 0, seen_hi = 0;
    bool any_score = false;

    // Rows.
    std::vector<mark> marks;
    cell_memo cells; // rank-column cells read before (read_rank_column_cell)
    std::size_t last_ballot = 0;
    std::uint64_t last_count = 0;
    std::unordered_map<std::string, std::uint32_t, sv_hash, sv_eq> unit_index;
    const rational one{1};
    rational weight;
    std::size_t rows = 0;

    void check_name(std::string_view n, std::size_t at_line, std::size_t column, const char* what) const {
        if (auto bad = invalid_utf8_at(n); bad != std::string_view::npos)
            fail(errc::parse, name, at_line, column + bad,
                 std::string(what) + " is not valid UTF-8 (byte " + std::to_string(bad + 1) +
                     "); if the file came from Excel on Windows, pass --encoding windows-1252");
        check_name_text(n, name, at_line, column, what);
    }

    std::size_t column_of(const std::string& col, const char* what) const {
        if (col.empty()) return SIZE_MAX;
        if (!o.header)
            throw error(errc::invalid, std::string(what) + " column '" + col + "' needs a header row",
                        source_location{std::string(name), 1, 0});
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == col) return i;
        fail(errc::parse, name, header_line, 1,
             std::string("no ") + what + " column named " + detail::quoted(col) + " in the header");
    }
    /// A column named by --skip-column. An empty name means the one column whose header is
    /// empty (an ESS export's ballot-id column): column_of reads "" as "not given".
    std::size_t skipped_column(const std::string& col) const {
        if (!col.empty()) return column_of(col, "skipped");
        if (!o.header)
            throw error(errc::invalid, "skipped column '' needs a header row",
                        source_location{std::string(name), 1, 0});
        std::size_t found = SIZE_MAX, n = 0;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i].empty()) found = i, ++n;
        if (n == 0) fail(errc::parse, name, header_line, 1, "no skipped column with an empty header");
        if (n > 1)
            fail(errc::parse, name, header_line, 1,
                 "skipped column '': " + std::to_string(n) +
                     " columns have an empty header, so an empty name does not say which");
        return found;
    }
    std::size_t column_named(std::string_view key) const {
        if (!o.detect_columns) return SIZE_MAX;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header_key(header[i]) == key) return i;
        return SIZE_MAX;
    }
    /// star.vote's ballot export names its first columns voterID, voteTime and pollID.
    bool star_vote_header() const {
        return o.header && column_named("votetime") != SIZE_MAX && column_named("pollid") != SIZE_MAX;
    }
    bool is_special(std::size_t c) const { return c < special.size() && special[c]; }
    bool ignored(std::size_t c) const {
        return c < ignore.size() ? ignore[c] != 0 : (!o.header && c < skip_before);
    }
    std::string col_name(std::size_t c) const {
        return detail::quoted(c < header.size() ? header[c] : "column " + std::to_string(c + 1));
    }
    /// The line a file-wide complaint points at: the header's, or the first.
    std::size_t header_line_or_first() const { return header_line ? header_line : 1; }

    /// Windows-1252 text becomes UTF-8 before anything reads it.
    void decode() {
        const std::string enc = header_key(o.encoding);
        if (enc == "windows1252" || enc == "cp1252" || enc == "latin1" || enc == "iso88591") {
            converted = cp1252_to_utf8(text);
            text = converted;
        } else if (!enc.empty() && enc != "utf8") {
            throw error(errc::invalid,
                        "unknown CSV encoding '" + o.encoding + "' (expected utf-8 or windows-1252)");
        }
    }

    /// The delimiter: the option, Excel's "sep=;" first line, or the first line that is not
    /// accord's '#' metadata.
    void detect_delimiter_and_start() {
        delim = o.delimiter;
        if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
            (text.size() == 5 || text[5] == '\n' ||
             (text[5] == '\r' && text.size() > 6 && text[6] == '\n'))) {
            if (delim == '\0') delim = text[4];
            // "sep=;" may be the whole file: nothing follows it then (text[5] would be past the end).
            text = text.size() == 5 ? std::string_view() : text.substr(text[5] == '\r' ? 7 : 6);
            first_line = 2;
        }
        if (delim == '\0') {
            std::string_view t = text;
            while (!t.empty() && t[0] == '#') {
                const auto nl = t.find('\n');
                t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
            }
            delim = detect_delimiter(t);
        }
        if (delim == '"' || delim == '\n' || delim == '\r')
            throw error(errc::invalid, "a CSV delimiter cannot be a quote or a line break");
        scan.emplace(text, name, delim, first_line);
    }

    /// accord's metadata records before the header (written by write_csv): #title, #seats,
    /// #candidates, #withdrawn, each a record whose first cell is that word. Leaves the first
    /// other record in `rec` (`have_record`).
    void read_metadata() {
        while (scan->next(rec, line)) {
            if (is_blank_line(rec)) continue;
            const auto first = trim(rec[0].text);
            if (first == "#ballots") {
                // Written by write_scores: the rows hold score ballots, one column per candidate.
                if (rec.size() < 2 || trim(rec[1].text) != "score")
                    fail(errc::parse, name, line, rec.size() < 2 ? 1 : rec[1].column,
                         "#ballots takes one cell, 'score'");
                for (std::size_t i = 2; i < rec.size(); ++i)
                    if (!trim(rec[i].text).empty())
                        fail(errc::parse, name, line, rec[i].column, "#ballots takes one cell, 'score'");
                meta_scores = true;
                continue;
            }
            if (first == "#title" || first == "#seats" || first == "#candidates" || first == "#withdrawn") {
                for (std::size_t i = 1; i < rec.size(); ++i) read_metadata_cell(first, i);
                continue;
            }
            have_record = true;
            break;
        }
    }
    void read_metadata_cell(std::string_view first, std::size_t i) {
        const auto v = trim(rec[i].text);
        if (first == "#title") {
            if (i == 1)
                meta_title = std::string(unescape_formula(v));
            else if (!v.empty())
                fail(errc::parse, name, line, rec[i].column, "#title takes one cell");
        } else if (first == "#seats") {
            std::uint32_t k = 0;
            if (i == 1 && (!parse_index(v, k) || k == 0))
                fail(errc::parse, name, line, rec[i].column,
                     "expected a number of seats (1, 2, ...), got " + detail::quoted(v));
            if (i == 1)
                meta_seats = k, seats_line = line;
            else if (!v.empty())
                fail(errc::parse, name, line, rec[i].column, "#seats takes one cell");
        } else if (!v.empty()) {
            const std::string n(unescape_formula(v));
            check_name(n, line, rec[i].column, "candidate name");
            if (first == "#candidates") {
                if (std::find(meta_candidates.begin(), meta_candidates.end(), n) != meta_candidates.end())
                    fail(errc::parse, name, line, rec[i].column,
                         "candidate " + detail::quoted(n) + " listed twice");
                meta_candidates.push_back(n);
            } else {
                meta_withdrawn.emplace_back(n, line);
            }
        }
    }

    /// The header row (or two, question over option), or the first row as a ballot when there
    /// is no header.
    void read_header() {
        if (!o.header) {
            if (have_record && !is_blank_line(rec)) probe.emplace_back(rec, line);
            return;
        }
        if (!have_record)
            fail(errc::parse, name, line ? line : first_line, 1,
                 "empty file; expected a header row naming the columns");
        header_line = line;
        for (const auto& f : rec) header.emplace_back(trim(f.text));
        if (!(more = scan->next(rec, line))) return;
        // Two header rows (SurveyMonkey; merged cells in a spreadsheet): the question over its
        // first column, empty cells over the rest, and the options in the row below.
        bool fills_gap = false, plausible = !is_blank_record(rec) && o.detect_columns;
        for (std::size_t i = 0; i < rec.size() && plausible; ++i) {
            const auto v = trim(rec[i].text);
            if (v.empty()) continue;
            if (all_digits(v) || i >= header.size() || (o.detect_columns && is_identifier_column(header[i])))
                plausible = false;
            else if (i > 0 && header[i].empty())
                fills_gap = true;
        }
        if (plausible && fills_gap) {
            std::string question;
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (!header[i].empty()) question = header[i];
                const auto sub = i < rec.size() ? std::string(trim(rec[i].text)) : std::string();
                const auto sk = header_key(sub);
                if (sub.empty() || sk == "response" || sk == "openendedresponse") {
                    if (header[i].empty()) header[i] = sub;
                } else {
                    header[i] = question + " [" + sub + "]";
                }
            }
            report.notes.push_back("lines " + std::to_string(header_line) + "-" + std::to_string(line) +
                                   " read as two header rows (question, then option)");
            header_line = line;
        } else if (!is_blank_line(rec)) {
            probe.emplace_back(rec, line);
        }
    }

    /// Column roles. special: count/weight/unit; ignored: identifiers, skipped, before
    /// first_column.
    void assign_column_roles() {
        unit_col = o.unit_column.empty() ? column_named("unit") : column_of(o.unit_column, "unit");
        weight_col = o.weight_column.empty() ? column_named("weight") : column_of(o.weight_column, "weight");
        count_col = o.count_column.empty() ? column_named("count") : column_of(o.count_column, "count");
        if (o.first_column == 0) throw error(errc::invalid, "csv first_column is 1-based; got 0");
        skip_before = o.first_column - 1;
        special.assign(header.size(), 0);
        ignore.assign(header.size(), 0);
        for (std::size_t c : {unit_col, weight_col, count_col})
            if (c != SIZE_MAX) special[c] = 1;
        for (const auto& s : o.skip_columns) ignore[skipped_column(s)] = 1;
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (c < skip_before) ignore[c] = 1;
            if (!special[c] && !ignore[c] && o.detect_columns && is_identifier_column(header[c])) {
                ignore[c] = 1;
                ignored_by_name.push_back(header[c]);
            }
        }
    }

    /// What each remaining column's header says: a rank, an item of a grid, or nothing.
    void classify_ballot_columns() {
        info.resize(header.size());
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (is_special(c) || ignored(c)) continue;
            auto& ci = info[c];
            std::string contest;
            if (grid_header(header[c], ci.group, ci.item)) {
                ci.kind = hkind::grid;
                if (const auto k = rank_label(ci.item); k) ci.kind = hkind::rank, ci.rank = k;
            } else if (const auto k = rank_header(header[c], contest); k) {
                ci.kind = hkind::rank;
                ci.rank = k;
                ci.group = contest;
            }
            ballot_cols.push_back(c);
        }
    }

    /// A contest chosen by name keeps only its columns.
    void keep_chosen_contest() {
        if (opt.contest.empty() || !o.header) return;
        const auto want = header_key(opt.contest);
        std::vector<std::size_t> kept;
        std::vector<std::string> seen;
        for (auto c : ballot_cols) {
            const auto& g = info[c].kind == hkind::plain ? header[c] : info[c].group;
            if (header_key(g) == want)
                kept.push_back(c);
            else
                ignore[c] = 1;
            if (std::find(seen.begin(), seen.end(), g) == seen.end()) seen.push_back(g);
        }
        if (kept.empty()) {
            std::string list;
            for (const auto& g : seen) list += (list.empty() ? "" : ", ") + detail::quoted(g);
            fail(errc::parse, name, header_line, 1,
                 "no column of contest " + detail::quoted(opt.contest) + "; the columns name " + list);
        }
        ballot_cols = kept;
    }

    /// Look ahead at up to k_probe rows to choose the layout and run the guards; then every row
    /// streams straight into the profile (no per-file copy of the fields).
    void probe_rows() {
        layout = o.layout;
        // accord's own score files say so in a #ballots record, and star.vote's export by its
        // header (voterID, voteTime, pollID, then one column per candidate): both read as score
        // columns without guessing.
        if (layout == layout_t::auto_detect && (meta_scores || star_vote_header())) {
            layout = layout_t::score_columns;
            if (!meta_scores)
                report.notes.push_back("star.vote's export (voterID, voteTime, pollID columns): read as "
                                       "score columns");
        }
        guessed = layout == layout_t::auto_detect;
        fixed = !o.candidates.empty() || !meta_candidates.empty();
        // Rank numbers from the header, when every ballot column has one.
        numbered = o.header && !ballot_cols.empty();
        for (auto c : ballot_cols) numbered &= info[c].kind == hkind::rank;
        constexpr std::size_t k_probe = 200;
        while (more && probe.size() < k_probe && (more = scan->next(rec, line)))
            if (!is_blank_line(rec)) probe.emplace_back(rec, line);
    }

    /// A guessed layout from the headers, or from the probed cells when no header says.
    void detect_layout() {
        if (guessed && o.header) {
            std::vector<std::string> groups;
            bool any_named = false, any_plain = false, grid_items = false;
            for (auto c : ballot_cols) {
                if (info[c].kind == hkind::plain) {
                    any_plain = true;
                    continue;
                }
                any_named = true;
                grid_items |= info[c].kind == hkind::grid;
                if (std::find_if(groups.begin(), groups.end(), [&](const std::string& g) {
                        return header_key(g) == header_key(info[c].group);
                    }) == groups.end())
                    groups.push_back(info[c].group);
            }
            if (any_named)
                detect_layout_from_headers(groups, grid_items);
            else if (any_plain)
                detect_layout_from_cells();
        }
        if (layout == layout_t::auto_detect)
            layout = layout_t::rank_columns; // no header, or no ballot column
    }

    void detect_layout_from_headers(const std::vector<std::string>& groups, bool grid_items) {
        if (groups.size() > 1) {
            std::string list;
            for (const auto& g : groups)
                list += (list.empty() ? "" : ", ") + detail::quoted(g.empty() ? "(no name)" : g);
            fail(errc::parse, name, header_line, 1,
                 "the rank columns belong to several contests or questions (" + list +
                     "); choose one with --contest NAME");
        }
        for (auto c : ballot_cols)
            if (info[c].kind == hkind::plain)
                fail(errc::parse, name, header_line, 1,
                     "column " + col_name(c) +
                         " is neither a rank column nor a known identifier column; pass --skip-column " +
                         detail::quoted(header[c]) +
                         " to ignore it, or --rank-columns to read every column as a rank");
        if (grid_items) {
            for (auto c : ballot_cols)
                if (info[c].kind == hkind::rank)
                    fail(errc::parse, name, header_line, 1,
                         "the grid " + detail::quoted(info[c].group) + " mixes rank columns (" + col_name(c) +
                             ") with option columns; pass --rank-columns or --candidate-columns");
            layout = layout_t::candidate_columns;
        } else {
            layout = layout_t::rank_columns;
        }
    }

    /// No header says what the columns are: look at the cells.
    void detect_layout_from_cells() {
        std::vector<std::size_t> list_cols, numeric_cols, text_cols;
        std::vector<std::pair<std::string_view, std::size_t>> first_text(header.size(), {{}, 0});
        // A 0 is no rank: a column of whole numbers holding one is scores (star.vote, forms).
        std::size_t zero_col = SIZE_MAX, zero_line = 0;
        for (auto c : ballot_cols) {
            bool list = false, list_all_end = true, numeric = false, text_seen = false;
            for (const auto& [fields, row_line] : probe) {
                if (c >= fields.size()) continue;
                const auto cell = trim(fields[c].text);
                if (in(o.skipped_labels, cell)) continue;
                if (!o.ranking_delimiter.empty() &&
                    cell.find(o.ranking_delimiter) != std::string_view::npos &&
                    (o.overvote_delimiter.empty() || o.overvote_delimiter != o.ranking_delimiter)) {
                    list = true;
                    list_all_end &=
                        cell.size() >= o.ranking_delimiter.size() &&
                        cell.substr(cell.size() - o.ranking_delimiter.size()) == o.ranking_delimiter;
                    continue;
                }
                if (all_digits(cell) || rank_label(cell)) {
                    numeric = true;
                    if (zero_col == SIZE_MAX && all_digits(cell) &&
                        cell.find_first_not_of('0') == std::string_view::npos)
                        zero_col = c, zero_line = row_line;
                } else if (!text_seen) {
                    text_seen = true;
                    first_text[c] = {cell, row_line};
                }
            }
            if (list) {
                if (!list_all_end)
                    fail(errc::parse, name, header_line, 1,
                         "column " + col_name(c) + " has cells holding " +
                             detail::quoted(o.ranking_delimiter) +
                             ", the separator of a form's ranking answer; pass --ranking-cell to read "
                             "each cell as a ranking, "
                             "or --overvote-delimiter " +
                             detail::quoted(o.ranking_delimiter) + " if a cell lists equal ranks");
                list_cols.push_back(c);
            } else if (numeric && text_seen) {
                const auto& [t, l] = first_text[c];
                fail(errc::parse, name, l, 1,
                     "column " + col_name(c) + " mixes rank numbers with " + detail::quoted(t) +
                         "; pass --candidate-columns (and --skipped-label " + detail::quoted(t) +
                         " if it means unranked) or --rank-columns" +
                         (is_integer_text(t) ? "; if the cells are scores, pass --format scores" : ""));
            } else if (numeric) {
                numeric_cols.push_back(c);
            } else if (text_seen) {
                text_cols.push_back(c);
            }
        }
        if (!list_cols.empty()) {
            if (list_cols.size() > 1)
                fail(errc::parse, name, header_line, 1,
                     "columns " + col_name(list_cols[0]) + " and " + col_name(list_cols[1]) +
                         " both hold ranking answers (cells like 'A;B;C;'); choose one with --contest "
                         "NAME");
            for (auto c : ballot_cols)
                if (c != list_cols[0] &&
                    (std::find(numeric_cols.begin(), numeric_cols.end(), c) != numeric_cols.end() ||
                     std::find(text_cols.begin(), text_cols.end(), c) != text_cols.end()))
                    fail(errc::parse, name, header_line, 1,
                         "column " + col_name(c) + " sits beside the ranking answers in " +
                             col_name(list_cols[0]) +
                             " and is not a known identifier column; pass --skip-column " +
                             detail::quoted(header[c]) + " (or --unit-column if it names the voter's unit)");
            for (auto c : ballot_cols)
                if (c != list_cols[0]) ignore[c] = 1;
            ballot_cols = {list_cols[0]};
            layout = layout_t::ranking_cell;
        } else if (!numeric_cols.empty() && !text_cols.empty()) {
            const auto t = text_cols[0];
            fail(errc::parse, name, first_text[t].second, 1,
                 "column " + col_name(numeric_cols[0]) + " holds rank numbers but column " + col_name(t) +
                     " holds " + detail::quoted(first_text[t].first) +
                     "; pass --candidate-columns or --rank-columns (and --skip-column "
                     "for a column that is neither)" +
                     (is_integer_text(first_text[t].first) ? "; if the cells are scores, pass --format scores"
                                                           : ""));
        } else if (!numeric_cols.empty()) {
            if (zero_col != SIZE_MAX)
                fail(errc::parse, name, zero_line, 1,
                     "column " + col_name(zero_col) +
                         " holds 0, which is no rank: if the cells are scores (0..5 stars, grades), pass "
                         "--format scores (and --score-range LO..HI); if 0 means unranked, pass "
                         "--candidate-columns --skipped-label 0");
            layout = layout_t::candidate_columns;
            bool all_numbers = true;
            for (auto c : ballot_cols) all_numbers &= all_digits(header[c]);
            if (all_numbers && !fixed)
                fail(errc::parse, name, header_line, 1,
                     "the columns are named by whole numbers (" + col_name(ballot_cols[0]) +
                         ", ...) and hold numbers: if the columns are ranks holding candidate numbers, "
                         "pass "
                         "--rank-columns; if they are candidates named by numbers, pass "
                         "--candidate-columns");
        } else {
            layout = layout_t::rank_columns;
        }
    }

    /// Guards on a guessed reading: a row counter, or an identifier, read as ballots; and the
    /// ranking-cell layout's single column.
    void guard_guessed_reading() {
        if (guessed && !fixed && layout != layout_t::ranking_cell)
            for (auto c : ballot_cols) guard_column(c);
        if (layout == layout_t::ranking_cell) {
            if (!o.header && ballot_cols.empty()) ballot_cols.push_back(skip_before);
            if (ballot_cols.size() != 1)
                fail(errc::parse, name, header_line_or_first(), 1,
                     "the ranking-cell layout reads one column, but " + std::to_string(ballot_cols.size()) +
                         " columns remain; pass --skip-column for the others, or --contest NAME");
        }
    }
    void guard_column(std::size_t c) const {
        std::size_t n = 0;
        bool sequence = true;
        std::uint64_t prev = 0;
        std::unordered_map<std::string_view, char, sv_hash, sv_eq> distinct;
        for (const auto& [fields, row_line] : probe) {
            if (c >= fields.size()) continue;
            const auto cell = trim(fields[c].text);
            if (in(o.skipped_labels, cell)) continue;
            std::uint64_t v = 0;
            if (sequence && parse_count(cell, v) == count_status::ok && (n == 0 || v == prev + 1))
                prev = v;
            else
                sequence = false;
            ++n;
            if (layout == layout_t::rank_columns) distinct.emplace(cell, 0);
        }
        if (sequence && n >= k_sequence_rows)
            fail(errc::parse, name, header_line_or_first(), 1,
                 "column " + col_name(c) + " counts " + std::to_string(prev - n + 1) + ", " +
                     std::to_string(prev - n + 2) +
                     ", ... down the rows, like a row number; pass --skip-column " +
                     detail::quoted(c < header.size() ? header[c] : "") +
                     " (or --rank-columns / --candidate-columns to read it as ballots)");
        if (n >= k_guard_rows && distinct.size() * 2 > n)
            fail(errc::parse, name, header_line_or_first(), 1,
                 "column " + col_name(c) + " holds " + std::to_string(distinct.size()) +
                     " different values in " + std::to_string(n) +
                     " rows, like an identifier, not a candidate; pass --skip-column " +
                     detail::quoted(c < header.size() ? header[c] : "") +
                     " (or --rank-columns to read it as ranks)");
    }

    /// Rank number of each rank column: from the header when every column is numbered, else by
    /// position.
    void number_rank_columns() {
        rank_of_col.assign(header.size(), 0);
        if (layout != layout_t::rank_columns) return;
        if (numbered) {
            std::vector<std::size_t> by_rank(ballot_cols.size() + 1, SIZE_MAX);
            for (auto c : ballot_cols) {
                const auto k = info[c].rank;
                if (k > ballot_cols.size() || by_rank[k] != SIZE_MAX) {
                    if (!guessed) {
                        numbered = false;
                        break;
                    }
                    fail(errc::parse, name, header_line, 1,
                         "rank column " + col_name(c) +
                             (k <= ballot_cols.size()
                                  ? " repeats rank " + std::to_string(k) + " of " + col_name(by_rank[k])
                                  : " is rank " + std::to_string(k) + " of only " +
                                        std::to_string(ballot_cols.size()) + " rank columns") +
                             "; pass --rank-columns to read the columns in order");
                }
                by_rank[k] = c;
            }
            if (numbered)
                for (auto c : ballot_cols) rank_of_col[c] = static_cast<std::int32_t>(info[c].rank);
        }
        if (!numbered) {
            std::int32_t r = 0;
            for (auto c : ballot_cols) rank_of_col[c] = ++r;
        }
    }

    void note_layout() {
        if (!o.header || !o.detect_columns) return;
        std::string what = layout == layout_t::rank_columns        ? "rank columns"
                           : layout == layout_t::candidate_columns ? "candidate columns"
                           : layout == layout_t::score_columns     ? "score columns"
                                                                   : "one ranking cell per row";
        if (layout == layout_t::score_columns && ranged)
            what += " (scores " + std::to_string(score_lo) + ".." + std::to_string(score_hi) + ")";
        if (!ignored_by_name.empty()) {
            what += "; ignored identifier columns: ";
            for (std::size_t i = 0; i < ignored_by_name.size(); ++i)
                what += (i ? ", " : "") + ignored_by_name[i];
        }
        report.notes.push_back("read as " + what);
    }

    cand_t add_name(std::string_view n) {
        if (auto it = index.find(n); it != index.end()) return it->second; // no allocation
        const auto c = static_cast<cand_t>(p.candidate_count() + pending.size());
        pending.emplace_back(n);
        index.emplace(std::string(n), c);
        return c;
    }
    void commit_names() {
        for (auto& n : pending) p.add_candidate(std::move(n));
        pending.clear();
    }
    void rollback_names() {
        for (const auto& n : pending) index.erase(index.find(std::string_view(n)));
        pending.clear();
    }

    /// Candidates: the fixed list, the header (candidate columns), or as first seen (later).
    void set_up_candidates() {
        if (layout == layout_t::score_columns) {
            p = profile(std::vector<std::string>{}, ballot_kind::score);
            read_score_range();
        } else if (!o.score_range.empty()) {
            throw error(errc::invalid, "score_range (--score-range) applies only to score columns "
                                       "(--format scores)");
        }
        for (const auto& c : o.candidates.empty() ? meta_candidates : o.candidates) add_name(c);
        commit_names();
        if (layout != layout_t::candidate_columns && layout != layout_t::score_columns) return;
        if (!o.header)
            throw error(errc::invalid,
                        layout == layout_t::score_columns
                            ? "score columns need a header row naming the candidates"
                            : "the candidate-columns layout needs a header row naming candidates");
        cand_col_of.assign(header.size(), SIZE_MAX);
        for (auto c : ballot_cols) {
            // A write-in column counts for the write-in candidate; a grid column for its item.
            const std::string raw = info[c].kind == hkind::grid ? info[c].item : header[c];
            const std::string n =
                in(o.write_in_labels, raw) ? o.write_in_name : std::string(unescape_formula(raw));
            if (n.empty()) fail(errc::parse, name, header_line, 1, "empty column name; expected a candidate");
            if (fixed && !index.contains(std::string_view(n)))
                fail(errc::parse, name, header_line, 1,
                     "column " + detail::quoted(n) + " is not a listed candidate");
            if (!fixed && index.contains(std::string_view(n)))
                fail(errc::parse, name, header_line, 1,
                     "candidate " + detail::quoted(n) + " names two columns");
            check_name(n, header_line, 1, "candidate name");
            cand_col_of[c] = add_name(n);
        }
        commit_names();
    }

    /// A count, weight or unit cell.
    void read_special_cell(std::size_t c, const field& f, std::string_view cell, std::size_t row_line,
                           row_extras& x) {
        if (c == count_col) {
            switch (parse_count(cell, x.count)) {
            case count_status::ok:
                break;
            case count_status::overflow:
                fail(errc::overflow, name, row_line, f.column,
                     "count " + detail::quoted(cell) + " exceeds 2^63 - 1");
            case count_status::not_a_number:
                fail(errc::parse, name, row_line, f.column,
                     "expected a whole-number count, got " + detail::quoted(cell));
            }
            if (x.count == 0) fail(errc::parse, name, row_line, f.column, "count must be at least 1");
        } else if (c == weight_col) {
            try {
                weight = parse_rational(cell);
            } catch (const error&) {
                fail(errc::parse, name, row_line, f.column,
                     "expected an exact weight (integer, p/q or decimal), got " + detail::quoted(cell));
            }
            if (sign(weight) <= 0)
                fail(errc::parse, name, row_line, f.column,
                     "weight must be positive, got " + detail::quoted(cell));
            x.weighted = true;
        } else if (c == unit_col) {
            if (cell.empty()) fail(errc::parse, name, row_line, f.column, "empty unit; expected a unit id");
            if (auto it = unit_index.find(cell); it != unit_index.end()) {
                x.unit = it->second;
            } else {
                const auto u = unescape_formula(cell);
                check_name(u, row_line, f.column, "unit id");
                x.unit = p.intern_unit(u);
                unit_index.emplace(std::string(cell), x.unit);
            }
        }
    }

    /// "LO..HI", each an integer that fits in 32 bits, LO <= HI.
    void read_score_range() {
        if (o.score_range.empty()) return;
        const std::string_view r = o.score_range;
        const auto dots = r.find("..");
        std::int64_t lo = 0, hi = 0;
        if (dots == std::string_view::npos || !parse_score(trim(r.substr(0, dots)), lo) ||
            !parse_score(trim(r.substr(dots + 2)), hi) || lo > hi)
            throw error(errc::invalid,
                        "score_range must be LO..HI with whole numbers LO <= HI (such as 0..5), "
                        "got " +
                            detail::quoted(r));
        ranged = true;
        score_lo = lo;
        score_hi = hi;
    }
    /// An integer, optionally negative, that fits in 32 bits.
    static bool parse_score(std::string_view t, std::int64_t& v) {
        const bool neg = !t.empty() && t[0] == '-';
        if (neg) t.remove_prefix(1);
        if (t.empty() || t.size() > 10 || !all_digits(t)) return false;
        v = 0;
        for (char ch : t) v = v * 10 + (ch - '0');
        if (neg) v = -v;
        return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
    }
    static bool is_integer_text(std::string_view t) {
        std::int64_t v = 0;
        return parse_score(t, v);
    }

    /// Score columns: the cell holds the column's candidate's score; blank means unscored.
    void read_score_cell(std::size_t c, const field& f, std::string_view cell, std::size_t row_line) {
        if (c >= cand_col_of.size() || cand_col_of[c] == SIZE_MAX) return;
        if (in(o.skipped_labels, cell)) return;
        std::int64_t v = 0;
        if (!parse_score(cell, v))
            fail(errc::parse, name, row_line, f.column,
                 "column " + col_name(c) +
                     ": expected a whole-number score (such as 0 or 5) or a blank, got " +
                     detail::quoted(cell));
        if (ranged && (v < score_lo || v > score_hi))
            fail(errc::parse, name, row_line, f.column,
                 "column " + col_name(c) + ": score " + detail::quoted(cell) + " is outside the range " +
                     std::to_string(score_lo) + ".." + std::to_string(score_hi) + " (--score-range)");
        seen_lo = any_score ? std::min(seen_lo, v) : v;
        seen_hi = any_score ? std::max(seen_hi, v) : v;
        any_score = true;
        marks.push_back({static_cast<cand_t>(cand_col_of[c]), static_cast<std::int32_t>(v)});
    }

    /// Candidate columns: the cell holds the rank of the column's candidate.
    void read_candidate_column_cell(std::size_t c, const field& f, std::string_view cell,
                                    std::size_t row_line) {
        if (c >= cand_col_of.size() || cand_col_of[c] == SIZE_MAX) return;
        if (in(o.skipped_labels, cell)) return;
        const std::uint32_t r = rank_label(cell);
        if (r == 0)
            fail(errc::parse, name, row_line, f.column,
                 "column " + col_name(c) +
                     ": expected a rank number (1, 2, ...), a rank such as '1st choice', or a blank; "
                     "got " +
                     detail::quoted(cell) +
                     (is_integer_text(cell) ? "; if the cells are scores, pass --format scores" : ""));
        // A rank beyond the number of candidate columns is no position in any ranking of
        // them (and a huge one would be padded out by every writer of rank columns).
        if (r > ballot_cols.size())
            fail(errc::parse, name, row_line, f.column,
                 "column " + col_name(c) + ": rank " + detail::quoted(cell) + " is more than the " +
                     std::to_string(ballot_cols.size()) +
                     " candidate columns; a rank can be at most the number of candidates (if the cells "
                     "are scores, pass --format scores)");
        marks.push_back({static_cast<cand_t>(cand_col_of[c]), static_cast<std::int32_t>(r)});
    }

    /// A candidate named in column `c` at rank `at`.
    void add_candidate(std::string_view n, std::int32_t at, std::size_t c, const field& f,
                       std::size_t row_line) {
        n = in(o.write_in_labels, n) ? std::string_view(o.write_in_name) : unescape_formula(n);
        if (auto it = index.find(n); it != index.end()) {
            marks.push_back({it->second, at});
        } else if (fixed) {
            fail(errc::parse, name, row_line, f.column,
                 "unknown candidate " + detail::quoted(n) + "; expected one of the listed candidates");
        } else {
            check_name(n, row_line, f.column, "candidate name");
            marks.push_back({add_name(n), at});
            if (new_names_in_col.size() <= c) new_names_in_col.resize(c + 1, 0);
            ++new_names_in_col[c];
        }
    }

    /// Ranking cell: the whole ranking in one cell, "A;B;C;".
    void read_ranking_cell(std::size_t c, const field& f, std::string_view cell, std::size_t row_line) {
        if (c != ballot_cols[0]) return;
        std::int32_t rank = 0;
        std::string_view rest = cell;
        const auto& d = o.ranking_delimiter;
        while (!rest.empty()) {
            const auto at = d.empty() ? std::string_view::npos : rest.find(d);
            const auto part = trim(rest.substr(0, at));
            if (!part.empty()) add_candidate(part, ++rank, c, f, row_line);
            if (at == std::string_view::npos) break;
            rest.remove_prefix(at + d.size());
        }
    }

    /// Rank columns: the cell names the candidate (or several, an overvote) at the column's rank.
    void read_rank_column_cell(std::size_t c, const field& f, std::string_view cell, std::size_t row_line) {
        const std::int32_t at =
            c < rank_of_col.size() ? rank_of_col[c] : static_cast<std::int32_t>(c - skip_before + 1);
        if (at == 0) return;
        // A cell text read before reads the same again: its candidate, an overvote or nothing.
        const std::uint64_t h = text_hash(cell);
        if (const std::uint32_t* v = cells.find(cell, h)) {
            if (*v != cell_memo::k_skipped) marks.push_back({*v, at});
            return;
        }
        if (in(o.skipped_labels, cell)) {
            cells.insert(cell, h, cell_memo::k_skipped);
            return;
        }
        if (in(o.overvote_labels, cell)) {
            marks.push_back({k_overvote, at});
            cells.insert(cell, h, k_overvote);
            return;
        }
        if (!o.overvote_delimiter.empty() && cell.find(o.overvote_delimiter) != std::string_view::npos) {
            std::string_view rest = cell;
            while (true) {
                auto d = rest.find(o.overvote_delimiter);
                auto part = trim(rest.substr(0, d));
                if (!part.empty()) add_candidate(part, at, c, f, row_line);
                if (d == std::string_view::npos) break;
                rest.remove_prefix(d + o.overvote_delimiter.size());
            }
        } else {
            add_candidate(cell, at, c, f, row_line);
            // Only a committed name: a name new in this row is undone if the row is refused.
            if (marks.back().candidate < p.candidate_count()) cells.insert(cell, h, marks.back().candidate);
        }
    }

    /// One row into the profile. Ballots are deduplicated on the parsed ranking (profile::add
    /// merges equal marks, weight and unit), not on the row text, so id and timestamp columns
    /// never split a ballot.
    void read_row(const std::vector<field>& fields, std::size_t row_line) {
        marks.clear();
        row_extras x;
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const auto& f = fields[c];
            if (ignored(c)) continue;
            const std::string_view cell = trim(f.text);
            if (is_special(c))
                read_special_cell(c, f, cell, row_line, x);
            else if (layout == layout_t::candidate_columns)
                read_candidate_column_cell(c, f, cell, row_line);
            else if (layout == layout_t::score_columns)
                read_score_cell(c, f, cell, row_line);
            else if (layout == layout_t::ranking_cell)
                read_ranking_cell(c, f, cell, row_line);
            else
                read_rank_column_cell(c, f, cell, row_line);
        }
        // With a unit column every ballot names its unit: a row that ends before that column
        // is as wrong as an empty unit cell (found by fuzz_csv: such a ballot had no unit, and
        // the file written from the profile could not be read back).
        if (unit_col != SIZE_MAX && x.unit == k_no_unit)
            fail(errc::parse, name, row_line, 1,
                 "the row ends before the unit column " + detail::quoted(header[unit_col]) +
                     "; expected a unit id");
        // The same candidate twice at one rank ("A|A") is malformed: found before any new name
        // joins the profile.
        for (std::size_t a = 0; a < marks.size(); ++a)
            for (std::size_t b = a + 1; b < marks.size(); ++b)
                if (marks[a].value == marks[b].value && marks[a].candidate == marks[b].candidate &&
                    marks[a].candidate != k_overvote)
                    fail(errc::parse, name, row_line, 1,
                         "candidate named twice at rank " + std::to_string(marks[a].value));
        try {
            commit_names();
            last_count = x.count;
            last_ballot = p.add(marks, x.count, x.weighted ? weight : one, x.unit);
        } catch (const error& e) {
            // e.g. the same candidate twice in one rank ("A|A"), or a multiplicity overflow.
            throw error(e.code() == errc::overflow ? errc::overflow : errc::parse, e.detail(),
                        source_location{std::string(name), row_line, 1});
        }
    }

    /// A row, refused or (lenient) skipped as a whole when any of it is wrong.
    void read_row_guarded(const std::vector<field>& fields, std::size_t row_line) {
        if (o.header && fields.size() > header.size())
            fail(errc::parse, name, row_line, fields[header.size()].column,
                 "row has " + std::to_string(fields.size()) + " fields; expected at most " +
                     std::to_string(header.size()) + " as in the header");
        try {
            read_row(fields, row_line);
            ++rows;
        } catch (const error& e) {
            rollback_names();
            if (!opt.lenient || e.code() == errc::overflow) throw;
            report.skipped.push_back({row_line, e.detail()});
        }
    }

    /// A plain line read ahead by the fast path: its text, line number, the text after its
    /// leading ignored columns (`whole` false when the line ends inside them) and that text's hash.
    struct plain_row {
        std::string_view row, tail;
        std::size_t line = 0;
        std::uint64_t hash = 0;
        bool whole = false;
    };

    /// The row's text after its first `id_prefix` fields (its tail), or `whole` false when the
    /// row ends inside them. Identifiers are short: one 16-byte compare inside the row finds the
    /// delimiter (a byte loop past it, or on a shorter row), where a library call costs more.
    void cut_ids(plain_row& r, std::size_t id_prefix) const {
        r.tail = r.row;
        r.whole = true;
        for (std::size_t k = 0; k < id_prefix && r.whole; ++k) {
            std::size_t d = 0;
#if defined(__SSE2__)
            if (r.tail.size() >= 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r.tail.data()));
                const auto hits = static_cast<unsigned>(
                    _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(delim)))));
                d = hits ? static_cast<std::size_t>(__builtin_ctz(hits)) : 16;
            }
#endif
            while (d < r.tail.size() && r.tail[d] != delim) ++d;
            if (d == r.tail.size())
                r.whole = false;
            else
                r.tail.remove_prefix(d + 1);
        }
    }

    /// A plain line (no quotes) into `rec`'s fields.
    void split_plain(std::string_view row) {
        rec.clear();
        for (std::size_t b = 0;;) {
            const auto d = row.find(delim, b);
            rec.push_back(
                {row.substr(b, d == std::string_view::npos ? std::string_view::npos : d - b), b + 1});
            if (d == std::string_view::npos) break;
            b = d + 1;
        }
    }

    /// The probed rows, then the rest. Fast path for the rest: a plain line whose text after its
    /// leading ignored columns (ballot ids, timestamps) repeats a line already read is the same
    /// ballot again, with the same count, weight and unit; it costs one hash lookup. Other
    /// lines take the full path, in file order.
    ///
    /// - Read-ahead: plain lines are scanned and hashed up to k_ahead lines before they are
    ///   looked up, and each one's memo slot is prefetched then, so the cache misses of several
    ///   lines overlap instead of following one another. A line that is not plain (a
    ///   quoted field) stops the read-ahead until the lines before it are done.
    /// - Deferral: in a file without a count column (every row counts one ballot), the repeats
    ///   are tallied in the memo and added to the profile once at the end, so the loop touches
    ///   the memo and the text only. Nothing can overflow meanwhile: a ballot's multiplicity is
    ///   at most the number of rows (below 2^62, fewer than the bytes). With a count column every
    ///   add checks at its own row, as the full path does.
    void read_rows() {
        for (const auto& [fields, row_line] : probe) read_row_guarded(fields, row_line);
        std::size_t id_prefix = 0;
        if (o.header)
            while (id_prefix < header.size() && ignored(id_prefix) && !is_special(id_prefix)) ++id_prefix;
        else
            id_prefix = skip_before;
        row_memo seen_tails;
        // Without a count column every row counts one ballot, so no multiplicity can reach 2^62
        // while the repeats wait (with one, a probed row may already hold a large count).
        const bool defer = count_col == SIZE_MAX;
        constexpr std::size_t k_ahead = 8;
        std::array<plain_row, k_ahead> ahead;
        std::size_t first = 0, queued = 0, last_line = line;
        bool at_quoted = false; // the next line is not plain (or there is none): read it in full
        auto read_ahead = [&] {
            while (queued < k_ahead && !at_quoted) {
                plain_row& r = ahead[(first + queued) % k_ahead]; // filled in place
                if (!scan->next_plain(r.row, r.line)) {
                    at_quoted = true;
                    break;
                }
                last_line = r.line;
                if (trim(r.row).empty()) continue; // an empty line
                cut_ids(r, id_prefix);
                if (r.whole) {
                    r.hash = text_hash(r.tail);
                    seen_tails.prefetch(r.hash);
                }
                ++queued;
            }
        };
        while (more) {
            read_ahead();
            if (queued == 0) {
                if (!at_quoted || !scan->next(rec, line)) break;
                last_line = line;
                at_quoted = false;
                if (!is_blank_line(rec)) read_row_guarded(rec, line);
                continue;
            }
            // Not a copy: the slot is refilled only by the next read_ahead().
            const plain_row& r = ahead[first];
            first = (first + 1) % k_ahead;
            --queued;
            line = r.line;
            if (r.whole)
                if (auto* e = seen_tails.find(r.tail, r.hash)) {
                    if (defer) {
                        ++e->pending;
                    } else {
                        try {
                            p.add_to(e->ballot, e->count);
                        } catch (const error& err) {
                            throw error(err.code(), err.detail(),
                                        source_location{std::string(name), line, 1});
                        }
                    }
                    ++rows;
                    continue;
                }
            split_plain(r.row);
            const std::size_t before = report.skipped.size();
            read_row_guarded(rec, line);
            const bool read = report.skipped.size() == before;
            if (r.whole && read) seen_tails.insert(r.tail, r.hash, last_ballot, last_count);
        }
        if (defer)
            seen_tails.for_each_pending([&](std::size_t ballot, std::uint64_t n) { p.add_to(ballot, n); });
        line = last_line;
        report.lines = line;
    }

    /// The checks on the whole profile, then the metadata that needs its candidates.
    profile finish() {
        if (p.candidate_count() == 0)
            fail(errc::parse, name, header_line_or_first(), 1,
                 "no candidates found; expected candidate names in the cells");
        // More candidates than half the ballots: an identifier or free text read as candidates.
        if (guessed && !fixed && layout != layout_t::candidate_columns && rows >= k_guard_rows &&
            p.candidate_count() * 2 > rows) {
            const auto worst =
                static_cast<std::size_t>(std::max_element(new_names_in_col.begin(), new_names_in_col.end()) -
                                         new_names_in_col.begin());
            fail(errc::parse, name, header_line_or_first(), 1,
                 std::to_string(p.candidate_count()) + " candidates for " + std::to_string(rows) +
                     " ballots (column " + col_name(worst) + " brought " +
                     std::to_string(new_names_in_col.empty() ? 0 : new_names_in_col[worst]) +
                     "): an identifier or free text read as candidates; pass --skip-column for it, or "
                     "--rank-columns to read it as ranks");
        }
        if (layout == layout_t::score_columns && any_score && !ranged)
            report.notes.push_back("scores read: " + std::to_string(seen_lo) + " to " +
                                   std::to_string(seen_hi) + " (no --score-range given)");
        if (!meta_title.empty()) p.title = meta_title;
        if (meta_seats) {
            if (meta_seats > p.candidate_count())
                fail(errc::parse, name, seats_line, 1,
                     "#seats " + std::to_string(meta_seats) + " is more than the " +
                         std::to_string(p.candidate_count()) + " candidates");
            p.seats = meta_seats;
        }
        for (const auto& [n, l] : meta_withdrawn) {
            const auto c = p.find_candidate(n);
            if (!c)
                fail(errc::parse, name, l, 1,
                     "#withdrawn names " + detail::quoted(n) + ", which is not a candidate");
            p.set_withdrawn(*c);
        }
        return std::move(p);
    }
};

} // namespace

profile read_csv(std::string_view text, std::string_view name, const read_options& opt, read_report& report) {
    return csv_reading(text, name, opt, report).read();
}

profile read_scores(std::string_view text, std::string_view name, const read_options& opt,
                    read_report& report) {
    using layout_t = csv_options::layout_t;
    if (opt.csv.layout != layout_t::auto_detect && opt.csv.layout != layout_t::score_columns)
        throw error(errc::invalid,
                    "format 'scores' reads one column per candidate holding scores; the rank "
                    "layouts (--rank-columns, --candidate-columns, --ranking-cell) do not apply");
    read_options o = opt;
    o.csv.layout = layout_t::score_columns;
    return csv_reading(text, name, o, report).read();
}

} // namespace detail
} // namespace v0
} // namespace accord
