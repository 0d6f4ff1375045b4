// CSV ballots: cast-vote records and online-form exports, one row per ballot.
//
// RFC 4180 fields (quotes, doubled quotes, delimiters and newlines inside quotes), two layouts
// (rank columns holding candidate names; candidate columns holding rank numbers), labels for
// skipped ranks, overvotes and undeclared write-ins, and optional unit/weight/count columns.
// Skipped ranks are kept as gaps in the rank numbers because RCTab's skipped-rank limit depends
// on them (docs/formats.md, "CSV").
#include "formats.hpp"
#include "text_scan.hpp"

#include <deque>
#include <ostream>
#include <unordered_map>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

struct field {
    std::string_view text; ///< unquoted, unescaped content
    std::size_t column;    ///< 1-based byte column of the field's start
};

/// Splits the text into records of fields, following RFC 4180.
class csv_scanner {
public:
    csv_scanner(std::string_view text, std::string_view name, char delim)
        : t_(text), name_(name), d_(delim) {}

    /// Next record; false at the end. `line` is the 1-based line where the record starts.
    bool next(std::vector<field>& out, std::size_t& line) {
        out.clear();
        if (pos_ >= t_.size()) return false;
        line = line_;
        std::size_t line_start = line_start_;
        while (true) {
            const std::size_t col = pos_ - line_start + 1;
            if (pos_ < t_.size() && t_[pos_] == '"') {
                // Quoted field.
                ++pos_;
                std::size_t start = pos_;
                bool escaped = false;
                while (true) {
                    if (pos_ >= t_.size())
                        fail(errc::parse, name_, line, col, "unterminated quoted field; expected a closing '\"'");
                    const char c = t_[pos_];
                    if (c == '"') {
                        if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') {
                            escaped = true;
                            pos_ += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ++line_;
                        line_start = line_start_ = pos_ + 1;
                    }
                    ++pos_;
                }
                std::string_view raw = t_.substr(start, pos_ - start);
                ++pos_; // closing quote
                if (escaped) {
                    std::string& s = arena_.emplace_back();
                    s.reserve(raw.size());
                    for (std::size_t i = 0; i < raw.size(); ++i) {
                        s += raw[i];
                        if (raw[i] == '"') ++i;
                    }
                    raw = s;
                }
                out.push_back({raw, col});
                if (pos_ < t_.size() && t_[pos_] != d_ && t_[pos_] != '\n' && t_[pos_] != '\r')
                    fail(errc::parse, name_, line_, pos_ - line_start + 1,
                         "unexpected character after a quoted field; expected the delimiter or the end of the line");
            } else {
                std::size_t end = pos_;
                while (end < t_.size() && t_[end] != d_ && t_[end] != '\n') ++end;
                std::string_view raw = t_.substr(pos_, end - pos_);
                if (!raw.empty() && raw.back() == '\r' && (end >= t_.size() || t_[end] == '\n')) raw.remove_suffix(1);
                if (raw.find('"') != std::string_view::npos)
                    fail(errc::parse, name_, line_, pos_ - line_start + 1 + raw.find('"'),
                         "a quote inside an unquoted field; expected the whole field in quotes");
                out.push_back({raw, col});
                pos_ = end;
            }
            if (pos_ < t_.size() && t_[pos_] == '\r') ++pos_;
            if (pos_ >= t_.size()) break;
            if (t_[pos_] == d_) {
                ++pos_;
                continue;
            }
            if (t_[pos_] == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
                break;
            }
        }
        return true;
    }

private:
    std::string_view t_, name_;
    char d_;
    std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
    std::deque<std::string> arena_; // unescaped copies of fields with doubled quotes
};

bool is_blank_record(const std::vector<field>& r) {
    for (const auto& f : r)
        if (!trim(f.text).empty()) return false;
    return true;
}

bool in(const std::vector<std::string>& labels, std::string_view s) {
    for (const auto& l : labels)
        if (s == l) return true;
    return false;
}

struct row_ballot {
    std::uint32_t first_mark; // index into the shared marks vector
    std::uint32_t n_marks;
    std::uint64_t count;
    std::uint32_t weight; // index into weights, or UINT32_MAX for 1
    std::uint32_t unit;   // index into units, or k_no_unit
    std::size_t line;
};

} // namespace

profile read_csv(std::string_view text, std::string_view name, const read_options& opt, read_report& report) {
    const csv_options& o = opt.csv;
    csv_scanner scan(text, name, o.delimiter);
    std::vector<field> rec;
    std::size_t line = 0;

    // Header.
    std::vector<std::string> header;
    std::size_t header_line = 0;
    if (o.header) {
        while (scan.next(rec, line) && is_blank_record(rec)) {
        }
        if (rec.empty() || is_blank_record(rec))
            fail(errc::parse, name, line ? line : 1, 1, "empty file; expected a header row naming the columns");
        header_line = line;
        for (const auto& f : rec) header.emplace_back(trim(f.text));
    }
    auto column_of = [&](const std::string& col, const char* what) -> std::size_t {
        if (col.empty()) return SIZE_MAX;
        if (!o.header)
            throw error(errc::invalid, std::string(what) + " column '" + col + "' needs a header row",
                        source_location{std::string(name), 1, 0});
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == col) return i;
        fail(errc::parse, name, header_line, 1,
             std::string("no ") + what + " column named " + detail::quoted(col) + " in the header");
    };
    const std::size_t unit_col = column_of(o.unit_column, "unit");
    const std::size_t weight_col = column_of(o.weight_column, "weight");
    const std::size_t count_col = column_of(o.count_column, "count");
    std::vector<char> special(header.size(), 0);
    for (std::size_t c : {unit_col, weight_col, count_col})
        if (c != SIZE_MAX) special[c] = 1;
    for (const auto& s : o.skip_columns) special[column_of(s, "skipped")] = 1;
    if (o.first_column == 0) throw error(errc::invalid, "csv first_column is 1-based; got 0");
    // Columns before first_column (ids, precincts, batches) are ignored.
    const std::size_t skip_before = o.first_column - 1;
    auto ignored = [&](std::size_t c) { return c < skip_before && !(c < special.size() && special[c]); };

    // Read every data record first (the layout may need to look at them).
    struct raw_row {
        std::vector<field> fields;
        std::size_t line;
    };
    std::vector<raw_row> rows;
    while (scan.next(rec, line)) {
        if (is_blank_record(rec)) continue;
        if (o.header && rec.size() > header.size())
            fail(errc::parse, name, line, rec[header.size()].column,
                 "row has " + std::to_string(rec.size()) + " fields; expected at most " +
                     std::to_string(header.size()) + " as in the header");
        rows.push_back({rec, line});
    }
    report.lines = line;

    // Layout.
    auto layout = o.layout;
    if (layout == csv_options::layout_t::auto_detect) {
        bool numeric = o.header, any = false;
        for (std::size_t r = 0; r < rows.size() && r < 200 && numeric; ++r)
            for (std::size_t c = 0; c < rows[r].fields.size(); ++c) {
                if ((c < special.size() && special[c]) || ignored(c)) continue;
                const auto cell = trim(rows[r].fields[c].text);
                if (cell.empty() || in(o.skipped_labels, cell)) continue;
                any = true;
                if (!all_digits(cell)) {
                    numeric = false;
                    break;
                }
            }
        layout = numeric && any ? csv_options::layout_t::candidate_columns : csv_options::layout_t::rank_columns;
    }

    // Candidates.
    std::vector<std::string> names;
    std::unordered_map<std::string, cand_t> index;
    const bool fixed = !o.candidates.empty();
    auto add_name = [&](std::string_view n) -> cand_t {
        auto [it, inserted] = index.emplace(std::string(n), static_cast<cand_t>(names.size()));
        if (inserted) names.emplace_back(n);
        return it->second;
    };
    for (const auto& c : o.candidates) add_name(c);
    std::vector<std::size_t> cand_col_of; // candidate-columns: header column -> candidate
    if (layout == csv_options::layout_t::candidate_columns) {
        if (!o.header) throw error(errc::invalid, "the candidate-columns layout needs a header row naming candidates");
        cand_col_of.assign(header.size(), SIZE_MAX);
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (special[c] || ignored(c)) continue;
            // A write-in column counts for the write-in candidate.
            const std::string n = in(o.write_in_labels, header[c]) ? o.write_in_name : header[c];
            if (n.empty()) fail(errc::parse, name, header_line, 1, "empty column name; expected a candidate");
            if (fixed && !index.count(n))
                fail(errc::parse, name, header_line, 1, "column " + detail::quoted(n) + " is not a listed candidate");
            if (!fixed && index.count(n))
                fail(errc::parse, name, header_line, 1, "candidate " + detail::quoted(n) + " names two columns");
            cand_col_of[c] = add_name(n);
        }
    }

    // Ballots.
    std::vector<mark> marks;
    marks.reserve(rows.size() * 3);
    std::vector<row_ballot> ballots;
    ballots.reserve(rows.size());
    std::vector<rational> weights;
    std::vector<std::string> units;
    std::unordered_map<std::string, std::uint32_t> unit_index;
    std::vector<std::string> parts;
    for (const auto& row : rows) {
        const std::size_t first = marks.size();
        row_ballot b{static_cast<std::uint32_t>(first), 0, 1, UINT32_MAX, k_no_unit, row.line};
        try {
            std::int32_t rank = 0;
            for (std::size_t c = 0; c < row.fields.size(); ++c) {
                const auto& f = row.fields[c];
                const std::string_view cell = trim(f.text);
                if (ignored(c)) continue;
                if (c < special.size() && special[c]) {
                    if (c == count_col) {
                        switch (parse_count(cell, b.count)) {
                        case count_status::ok: break;
                        case count_status::overflow:
                            fail(errc::overflow, name, row.line, f.column, "count " + detail::quoted(cell) + " exceeds 2^63 - 1");
                        case count_status::not_a_number:
                            fail(errc::parse, name, row.line, f.column, "expected a whole-number count, got " + detail::quoted(cell));
                        }
                        if (b.count == 0) fail(errc::parse, name, row.line, f.column, "count must be at least 1");
                    } else if (c == weight_col) {
                        rational w;
                        try {
                            w = parse_rational(cell);
                        } catch (const error&) {
                            fail(errc::parse, name, row.line, f.column,
                                 "expected an exact weight (integer, p/q or decimal), got " + detail::quoted(cell));
                        }
                        if (w <= 0) fail(errc::parse, name, row.line, f.column, "weight must be positive, got " + detail::quoted(cell));
                        b.weight = static_cast<std::uint32_t>(weights.size());
                        weights.push_back(w);
                    } else if (c == unit_col) {
                        if (cell.empty()) fail(errc::parse, name, row.line, f.column, "empty unit; expected a unit id");
                        auto [it, ins] = unit_index.emplace(std::string(cell), static_cast<std::uint32_t>(units.size()));
                        if (ins) units.emplace_back(cell);
                        b.unit = it->second;
                    }
                    continue;
                }
                if (layout == csv_options::layout_t::candidate_columns) {
                    if (cell.empty() || in(o.skipped_labels, cell)) continue;
                    std::uint32_t r = 0;
                    if (!parse_index(cell, r) || r == 0 || r > 1'000'000)
                        fail(errc::parse, name, row.line, f.column,
                             "expected a rank number (1, 2, ...) or a blank, got " + detail::quoted(cell));
                    marks.push_back({static_cast<cand_t>(cand_col_of[c]), static_cast<std::int32_t>(r)});
                    continue;
                }
                ++rank; // rank columns: every non-special column is the next rank
                if (in(o.skipped_labels, cell)) continue;
                if (in(o.overvote_labels, cell)) {
                    marks.push_back({k_overvote, rank});
                    continue;
                }
                auto add_candidate = [&](std::string_view n) {
                    if (in(o.write_in_labels, n)) n = o.write_in_name;
                    if (fixed) {
                        auto it = index.find(std::string(n));
                        if (it == index.end())
                            fail(errc::parse, name, row.line, f.column, "unknown candidate " + detail::quoted(n) + "; expected one of the listed candidates");
                        marks.push_back({it->second, rank});
                    } else {
                        check_name_text(n, name, row.line, f.column, "candidate name");
                        marks.push_back({add_name(n), rank});
                    }
                };
                if (!o.overvote_delimiter.empty() && cell.find(o.overvote_delimiter) != std::string_view::npos) {
                    std::string_view rest = cell;
                    while (true) {
                        auto d = rest.find(o.overvote_delimiter);
                        auto part = trim(rest.substr(0, d));
                        if (!part.empty()) add_candidate(part);
                        if (d == std::string_view::npos) break;
                        rest.remove_prefix(d + o.overvote_delimiter.size());
                    }
                } else {
                    add_candidate(cell);
                }
            }
            // The same candidate twice in one rank (e.g. "A|A") is malformed.
            for (std::size_t x = first; x < marks.size(); ++x)
                for (std::size_t y = x + 1; y < marks.size(); ++y)
                    if (marks[x].value == marks[y].value && marks[x].candidate == marks[y].candidate &&
                        marks[x].candidate != k_overvote)
                        fail(errc::parse, name, row.line, 1, "candidate named twice at rank " + std::to_string(marks[x].value));
            b.n_marks = static_cast<std::uint32_t>(marks.size() - first);
            ballots.push_back(b);
        } catch (const error& e) {
            marks.resize(first);
            if (!opt.lenient || e.code() == errc::overflow) throw;
            report.skipped.push_back({row.line, e.detail()});
        }
    }
    if (names.empty())
        fail(errc::parse, name, header_line ? header_line : 1, 1, "no candidates found; expected candidate names in the cells");

    profile p(names);
    for (const auto& u : units) p.intern_unit(u);
    const rational one(1);
    for (const auto& b : ballots) {
        try {
            p.add(std::span<const mark>(marks.data() + b.first_mark, b.n_marks), b.count,
                  b.weight == UINT32_MAX ? one : weights[b.weight], b.unit);
        } catch (const error& e) {
            if (e.code() == errc::overflow) throw error(errc::overflow, e.detail(), source_location{std::string(name), b.line, 1});
            throw error(errc::parse, e.detail(), source_location{std::string(name), b.line, 1});
        }
    }
    return p;
}

namespace {
std::string csv_quote(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos && !s.empty() && s.front() != ' ' && s.back() != ' ')
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}
} // namespace

void write_csv(std::ostream& out, const profile& p) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, "CSV is written for ranking ballots only");
    std::int32_t max_rank = 0;
    bool weighted = false, has_units = false;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        for (std::size_t k = 0; k < b.marks.size(); ++k) {
            max_rank = std::max(max_rank, b.marks[k].value);
            if (k > 0 && b.marks[k].value == b.marks[k - 1].value)
                throw error(errc::unsupported, "CSV (rank columns) cannot hold equal rankings; use toi, blt or debian");
        }
        weighted |= b.weight != nullptr && *b.weight != 1;
        has_units |= b.unit != k_no_unit;
    }
    if (max_rank == 0) max_rank = 1;
    std::string header;
    if (has_units) header += "unit,";
    if (weighted) header += "weight,";
    header += "count";
    for (std::int32_t r = 1; r <= max_rank; ++r) header += ",rank" + std::to_string(r);
    out << header << '\n';
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        if (has_units) out << csv_quote(b.unit == k_no_unit ? std::string() : p.units()[b.unit]) << ',';
        if (weighted) out << to_string(b.weight ? *b.weight : rational(1)) << ',';
        out << b.count;
        std::int32_t r = 1;
        for (const auto& m : b.marks) {
            for (; r < m.value; ++r) out << ',';
            out << ',' << (m.candidate == k_overvote ? std::string("overvote") : csv_quote(p.candidate_name(m.candidate)));
            ++r;
        }
        for (; r <= max_rank; ++r) out << ',';
        out << '\n';
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
