// CSV ballots: cast-vote records and online-form exports, one row per ballot.
//
// RFC 4180 fields (quotes, doubled quotes, delimiters and newlines inside quotes), two layouts
// (rank columns holding candidate names; candidate columns holding rank numbers), labels for
// skipped ranks, overvotes and undeclared write-ins, and optional unit/weight/count columns.
// Skipped ranks are kept as gaps in the rank numbers because RCTab's skipped-rank limit depends
// on them (docs/formats.md, "CSV").
#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <span>
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
        record_start_ = pos_;
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

    /// The raw text of the record last returned (without its line end).
    std::string_view raw() const noexcept {
        std::size_t e = pos_;
        while (e > record_start_ && (t_[e - 1] == '\n' || t_[e - 1] == '\r')) --e;
        return t_.substr(record_start_, e - record_start_);
    }

private:
    std::size_t record_start_ = 0;
    std::string_view t_, name_;
    char d_;
    std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
    std::deque<std::string> arena_; // unescaped copies of fields with doubled quotes
};

struct sv_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
struct sv_eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
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
    std::size_t unit_col = column_of(o.unit_column, "unit");
    if (o.unit_column.empty())
        for (std::size_t i = 0; i < header.size() && unit_col == SIZE_MAX; ++i)
            if (header[i].size() == 4 && std::equal(header[i].begin(), header[i].end(), "unit",
                                                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
                unit_col = i;
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

    // Look ahead at up to k_probe rows to choose the layout; then stream every row straight
    // into the profile (no per-file copy of the fields).
    constexpr std::size_t k_probe = 200;
    std::vector<std::pair<std::vector<field>, std::size_t>> probe;
    bool more = true;
    while (probe.size() < k_probe && (more = scan.next(rec, line)))
        if (!is_blank_record(rec)) probe.emplace_back(rec, line);

    auto layout = o.layout;
    if (layout == csv_options::layout_t::auto_detect) {
        bool numeric = o.header, any = false;
        for (std::size_t r = 0; r < probe.size() && numeric; ++r)
            for (std::size_t c = 0; c < probe[r].first.size(); ++c) {
                if ((c < special.size() && special[c]) || ignored(c)) continue;
                const auto cell = trim(probe[r].first[c].text);
                if (cell.empty() || in(o.skipped_labels, cell)) continue;
                any = true;
                if (!all_digits(cell)) {
                    numeric = false;
                    break;
                }
            }
        layout = numeric && any ? csv_options::layout_t::candidate_columns : csv_options::layout_t::rank_columns;
    }

    // Candidates: the fixed list, the header (candidate columns), or as first seen.
    profile p;
    std::unordered_map<std::string, cand_t, sv_hash, sv_eq> index;
    const bool fixed = !o.candidates.empty();
    // Names first seen in the row being read join the profile only when that row is accepted,
    // so a row skipped in lenient mode leaves nothing behind.
    std::vector<std::string> pending;
    auto add_name = [&](std::string_view n) -> cand_t {
        if (auto it = index.find(n); it != index.end()) return it->second; // no allocation
        const auto c = static_cast<cand_t>(p.candidate_count() + pending.size());
        pending.emplace_back(n);
        index.emplace(std::string(n), c);
        return c;
    };
    auto commit_names = [&] {
        for (auto& n : pending) p.add_candidate(std::move(n));
        pending.clear();
    };
    auto rollback_names = [&] {
        for (const auto& n : pending) index.erase(index.find(std::string_view(n)));
        pending.clear();
    };
    for (const auto& c : o.candidates) add_name(c);
    commit_names();
    std::vector<std::size_t> cand_col_of; // candidate-columns: header column -> candidate
    if (layout == csv_options::layout_t::candidate_columns) {
        if (!o.header) throw error(errc::invalid, "the candidate-columns layout needs a header row naming candidates");
        cand_col_of.assign(header.size(), SIZE_MAX);
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (special[c] || ignored(c)) continue;
            // A write-in column counts for the write-in candidate.
            const std::string n = in(o.write_in_labels, header[c]) ? o.write_in_name : header[c];
            if (n.empty()) fail(errc::parse, name, header_line, 1, "empty column name; expected a candidate");
            if (fixed && !index.contains(std::string_view(n)))
                fail(errc::parse, name, header_line, 1, "column " + detail::quoted(n) + " is not a listed candidate");
            if (!fixed && index.contains(std::string_view(n)))
                fail(errc::parse, name, header_line, 1, "candidate " + detail::quoted(n) + " names two columns");
            check_name_text(n, name, header_line, 1, "candidate name");
            cand_col_of[c] = add_name(n);
        }
        commit_names();
    }

    std::vector<mark> marks;
    std::size_t last_ballot = 0;
    std::uint64_t last_count = 0;
    std::unordered_map<std::string, std::uint32_t, sv_hash, sv_eq> unit_index;
    const rational one(1);
    rational weight;
    auto process = [&](const std::vector<field>& fields, std::size_t row_line) {
        marks.clear();
        std::uint64_t count = 1;
        bool weighted = false;
        std::uint32_t unit = k_no_unit;
        std::int32_t rank = 0;
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const auto& f = fields[c];
            const std::string_view cell = trim(f.text);
            if (ignored(c)) continue;
            if (c < special.size() && special[c]) {
                if (c == count_col) {
                    switch (parse_count(cell, count)) {
                    case count_status::ok: break;
                    case count_status::overflow:
                        fail(errc::overflow, name, row_line, f.column, "count " + detail::quoted(cell) + " exceeds 2^63 - 1");
                    case count_status::not_a_number:
                        fail(errc::parse, name, row_line, f.column, "expected a whole-number count, got " + detail::quoted(cell));
                    }
                    if (count == 0) fail(errc::parse, name, row_line, f.column, "count must be at least 1");
                } else if (c == weight_col) {
                    try {
                        weight = parse_rational(cell);
                    } catch (const error&) {
                        fail(errc::parse, name, row_line, f.column,
                             "expected an exact weight (integer, p/q or decimal), got " + detail::quoted(cell));
                    }
                    if (sign(weight) <= 0)
                        fail(errc::parse, name, row_line, f.column, "weight must be positive, got " + detail::quoted(cell));
                    weighted = true;
                } else if (c == unit_col) {
                    if (cell.empty()) fail(errc::parse, name, row_line, f.column, "empty unit; expected a unit id");
                    check_name_text(cell, name, row_line, f.column, "unit id");
                    if (auto it = unit_index.find(cell); it != unit_index.end()) {
                        unit = it->second;
                    } else {
                        unit = p.intern_unit(cell);
                        unit_index.emplace(std::string(cell), unit);
                    }
                }
                continue;
            }
            if (layout == csv_options::layout_t::candidate_columns) {
                if (cell.empty() || in(o.skipped_labels, cell)) continue;
                std::uint32_t r = 0;
                if (!parse_index(cell, r) || r == 0 || r > 1'000'000)
                    fail(errc::parse, name, row_line, f.column,
                         "expected a rank number (1, 2, ...) or a blank, got " + detail::quoted(cell));
                marks.push_back({static_cast<cand_t>(cand_col_of[c]), static_cast<std::int32_t>(r)});
                continue;
            }
            ++rank; // rank columns: every ballot column is the next rank
            if (in(o.skipped_labels, cell)) continue;
            if (in(o.overvote_labels, cell)) {
                marks.push_back({k_overvote, rank});
                continue;
            }
            auto add_candidate = [&](std::string_view n) {
                if (in(o.write_in_labels, n)) n = o.write_in_name;
                if (auto it = index.find(n); it != index.end()) {
                    marks.push_back({it->second, rank});
                } else if (fixed) {
                    fail(errc::parse, name, row_line, f.column,
                         "unknown candidate " + detail::quoted(n) + "; expected one of the listed candidates");
                } else {
                    check_name_text(n, name, row_line, f.column, "candidate name");
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
        // With a unit column every ballot names its unit: a row that ends before that column
        // is as wrong as an empty unit cell (found by fuzz_csv: such a ballot had no unit, and
        // the file written from the profile could not be read back).
        if (unit_col != SIZE_MAX && unit == k_no_unit)
            fail(errc::parse, name, row_line, 1,
                 "the row ends before the unit column " + detail::quoted(header[unit_col]) + "; expected a unit id");
        // The same candidate twice at one rank ("A|A") is malformed: found before any new name
        // joins the profile.
        for (std::size_t x = 0; x < marks.size(); ++x)
            for (std::size_t y = x + 1; y < marks.size(); ++y)
                if (marks[x].value == marks[y].value && marks[x].candidate == marks[y].candidate &&
                    marks[x].candidate != k_overvote)
                    fail(errc::parse, name, row_line, 1,
                         "candidate named twice at rank " + std::to_string(marks[x].value));
        try {
            commit_names();
            last_ballot = p.add(marks, count, weighted ? weight : one, unit);
            last_count = count;
        } catch (const error& e) {
            // e.g. the same candidate twice in one rank ("A|A"), or a multiplicity overflow.
            throw error(e.code() == errc::overflow ? errc::overflow : errc::parse, e.detail(),
                        source_location{std::string(name), row_line, 1});
        }
    };
    auto guarded = [&](const std::vector<field>& fields, std::size_t row_line) {
        if (o.header && fields.size() > header.size())
            fail(errc::parse, name, row_line, fields[header.size()].column,
                 "row has " + std::to_string(fields.size()) + " fields; expected at most " +
                     std::to_string(header.size()) + " as in the header");
        try {
            process(fields, row_line);
        } catch (const error& e) {
            rollback_names();
            if (!opt.lenient || e.code() == errc::overflow) throw;
            report.skipped.push_back({row_line, e.detail()});
        }
    };
    for (const auto& [fields, row_line] : probe) guarded(fields, row_line);
    // Real CVRs repeat the same row text many times: remember each distinct row's ballot and
    // add to it directly, skipping the field work (the text outlives the map).
    std::unordered_map<std::string_view, std::pair<std::size_t, std::uint64_t>, sv_hash, sv_eq> seen_rows;
    if (more)
        while (scan.next(rec, line)) {
            if (is_blank_record(rec)) continue;
            const std::string_view raw = scan.raw();
            if (auto it = seen_rows.find(raw); it != seen_rows.end()) {
                p.add_to(it->second.first, it->second.second);
                continue;
            }
            const std::size_t before = report.skipped.size();
            guarded(rec, line);
            if (report.skipped.size() == before) seen_rows.emplace(raw, std::pair{last_ballot, last_count});
        }
    report.lines = line;
    if (p.candidate_count() == 0)
        fail(errc::parse, name, header_line ? header_line : 1, 1, "no candidates found; expected candidate names in the cells");
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
    std::vector<char> mentioned(p.candidate_count(), 0);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        for (std::size_t k = 0; k < b.marks.size(); ++k) {
            if (b.marks[k].candidate < mentioned.size()) mentioned[b.marks[k].candidate] = 1;
            max_rank = std::max(max_rank, b.marks[k].value);
            if (k > 0 && b.marks[k].value == b.marks[k - 1].value)
                throw error(errc::unsupported, "CSV (rank columns) cannot hold equal rankings; use toi, blt or debian");
        }
        weighted |= b.weight != nullptr && *b.weight != 1;
        has_units |= b.unit != k_no_unit;
    }
    // A name equal to a label would read back as the label; a leading/trailing space would be
    // trimmed away.
    const csv_options defaults;
    for (const auto& n : p.candidate_names())
        if (in(defaults.skipped_labels, n) || in(defaults.overvote_labels, n) || in(defaults.write_in_labels, n) ||
            trim(n) != n)
            throw error(errc::unsupported, "candidate name '" + n + "' cannot be written to CSV unambiguously");
    if (p.unique_count() == 0) throw error(errc::unsupported, "CSV cannot hold a profile with no ballots");
    // Rank columns name only the candidates ballots mention: one that no ballot ranks would be
    // lost (found by fuzz_csv). Refuse rather than drop it.
    for (std::size_t c = 0; c < mentioned.size(); ++c)
        if (!mentioned[c])
            throw error(errc::unsupported, "candidate '" + p.candidate_name(static_cast<cand_t>(c)) +
                                               "' is ranked on no ballot, and CSV rank columns cannot list it; use toi or blt");
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
