// CSV writer: rank columns, with accord's metadata records (#title, #seats, #candidates,
// #withdrawn) whenever the rows alone would not read back as the same profile (docs/formats.md).
#include "csv_text.hpp"

#include <algorithm>
#include <ostream>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

using namespace csv_text;

std::string csv_quote(const std::string& s) {
    if (s.find_first_of(",;\t\"\n\r") == std::string::npos && !s.empty() && s.front() != ' ' &&
        s.back() != ' ')
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

/// The #withdrawn record, when a candidate is withdrawn.
void write_withdrawn(std::ostream& out, const profile& p) {
    bool any_withdrawn = false;
    for (std::size_t c = 0; c < p.candidate_count(); ++c)
        any_withdrawn |= p.withdrawn(static_cast<cand_t>(c));
    if (!any_withdrawn) return;
    out << "#withdrawn";
    for (std::size_t c = 0; c < p.candidate_count(); ++c)
        if (p.withdrawn(static_cast<cand_t>(c)))
            out << ',' << csv_quote(escape_formula(p.candidate_name(static_cast<cand_t>(c))));
    out << '\n';
}

/// A row's unit, weight and count cells, before its ranks or scores.
void write_row_start(std::ostream& out, const profile& p, std::size_t i, bool has_units, bool weighted) {
    const auto b = p.ballot(i);
    if (has_units)
        out << csv_quote(b.unit == k_no_unit ? std::string() : escape_formula(p.units()[b.unit])) << ',';
    if (weighted) out << to_string(b.weight ? *b.weight : rational(1)) << ',';
    out << b.count;
}
} // namespace

void write_csv(std::ostream& out, const profile& p) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, p.kind() == ballot_kind::score
                                           ? "CSV (rank columns) holds ranking ballots; write score ballots "
                                             "as format 'scores'"
                                           : "CSV is written for ranking ballots only");
    std::int32_t max_rank = 0;
    bool weighted = false, has_units = false;
    std::vector<char> mentioned(p.candidate_count(), 0);
    std::vector<cand_t> first_seen;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        for (std::size_t k = 0; k < b.marks.size(); ++k) {
            const auto c = b.marks[k].candidate;
            if (c < mentioned.size() && !mentioned[c]) {
                mentioned[c] = 1;
                first_seen.push_back(c);
            }
            max_rank = std::max(max_rank, b.marks[k].value);
            if (k > 0 && b.marks[k].value == b.marks[k - 1].value)
                throw error(errc::unsupported,
                            "CSV (rank columns) cannot hold equal rankings; use toi, blt or debian");
        }
        weighted |= b.weight != nullptr && *b.weight != 1;
        has_units |= b.unit != k_no_unit;
    }
    // A name equal to a label would read back as the label; a leading/trailing space would be
    // trimmed away.
    const csv_options defaults;
    for (const auto& n : p.candidate_names())
        if (in(defaults.skipped_labels, n) || in(defaults.overvote_labels, n) ||
            in(defaults.write_in_labels, n) || trim(n) != n)
            throw error(errc::unsupported,
                        "candidate name '" + n + "' cannot be written to CSV unambiguously");
    if (p.unique_count() == 0) throw error(errc::unsupported, "CSV cannot hold a profile with no ballots");
    if (trim(p.title) != p.title)
        throw error(errc::unsupported, "a title with surrounding white space cannot be written to CSV");
    // The candidate list is written (a #candidates record) whenever reading the rows alone would
    // not give the same profile back: another order than first seen, a candidate no ballot ranks,
    // or names and sizes that the reader's guards would question (docs/formats.md).
    bool list = first_seen.size() != p.candidate_count() || p.candidate_count() > k_writer_safe_candidates;
    for (std::size_t i = 0; i < first_seen.size() && !list; ++i) list = first_seen[i] != i;
    for (const auto& n : p.candidate_names())
        list |= all_digits(n) || n.find_first_of(";|") != std::string::npos || rank_label(n) != 0;
    if (!p.title.empty()) out << "#title," << csv_quote(escape_formula(p.title)) << '\n';
    if (p.seats != 1) out << "#seats," << p.seats << '\n';
    if (list) {
        out << "#candidates";
        for (const auto& n : p.candidate_names()) out << ',' << csv_quote(escape_formula(n));
        out << '\n';
    }
    write_withdrawn(out, p);
    if (max_rank == 0) max_rank = 1;
    std::string header;
    if (has_units) header += "unit,";
    if (weighted) header += "weight,";
    header += "count";
    for (std::int32_t r = 1; r <= max_rank; ++r) header += ",rank" + std::to_string(r);
    out << header << '\n';
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        write_row_start(out, p, i, has_units, weighted);
        std::int32_t r = 1;
        for (const auto& m : b.marks) {
            for (; r < m.value; ++r) out << ',';
            out << ','
                << (m.candidate == k_overvote ? std::string("overvote")
                                              : csv_quote(escape_formula(p.candidate_name(m.candidate))));
            ++r;
        }
        for (; r <= max_rank; ++r) out << ',';
        out << '\n';
    }
}

// Score ballots: a #ballots record, then one column per candidate holding its score (blank:
// unscored), so the file reads back as the same score profile with no flags.
void write_scores(std::ostream& out, const profile& p) {
    if (p.kind() != ballot_kind::score)
        throw error(errc::unsupported, std::string("format 'scores' holds score ballots, not ") +
                                           ballot_kind_name(p.kind()) + " ballots");
    if (p.unique_count() == 0)
        throw error(errc::unsupported, "a score file cannot hold a profile with no ballots");
    if (trim(p.title) != p.title)
        throw error(errc::unsupported, "a title with surrounding white space cannot be written to CSV");
    // A header cell that the reader would take for something else than the candidate it names.
    const csv_options defaults;
    for (const auto& n : p.candidate_names()) {
        std::string q, item;
        const auto k = header_key(n);
        if (trim(n) != n || k == "count" || k == "weight" || k == "unit" || is_identifier_column(n) ||
            in(defaults.write_in_labels, n) || grid_header(n, q, item))
            throw error(errc::unsupported, "candidate name '" + n +
                                               "' cannot head a score column unambiguously (it reads as a "
                                               "count, weight, unit, identifier, write-in or grid column)");
    }
    bool weighted = false, has_units = false;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        weighted |= b.weight != nullptr && *b.weight != 1;
        has_units |= b.unit != k_no_unit;
    }
    out << "#ballots,score\n";
    if (!p.title.empty()) out << "#title," << csv_quote(escape_formula(p.title)) << '\n';
    if (p.seats != 1) out << "#seats," << p.seats << '\n';
    write_withdrawn(out, p);
    if (has_units) out << "unit,";
    if (weighted) out << "weight,";
    out << "count";
    for (const auto& n : p.candidate_names()) out << ',' << csv_quote(escape_formula(n));
    out << '\n';
    std::vector<std::string> cells(p.candidate_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        write_row_start(out, p, i, has_units, weighted);
        std::fill(cells.begin(), cells.end(), std::string());
        for (const auto& m : b.marks) cells[m.candidate] = std::to_string(m.value);
        for (const auto& c : cells) out << ',' << c;
        out << '\n';
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
