// Debian tally sheet reader and writer (the "V: 1-2--  <hash>" lines of vote.debian.org).
//
// Each "V:" line is one voter: one character per option, in option order; a digit (or a letter
// A-Z for ranks 10-35) is the rank given, '-' leaves the option unranked, equal characters are
// ties. Only the order matters in a Debian count (Debian Constitution, appendix A.6), so ranks are
// renumbered densely: "3-311-56" is {4,5} > {1,3} > 7 > 8. Option names come from the header
// comment lines "Option N...: Name" written by devotee; a sheet without them gets "Option 1".."n".
// See docs/formats.md.
#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

/// Recognises "Option 3------->: Steve McIntyre", "| Option 2:   Name", "|/ Option 3:  Name".
bool option_line(std::string_view line, std::uint32_t& number, std::string_view& name,
                 std::size_t& name_col) {
    const auto at = line.find("Option ");
    if (at == std::string_view::npos) return false;
    for (std::size_t k = 0; k < at; ++k) // only the devotee tree characters may come before
        if (!is_space(line[k]) && line[k] != '|' && line[k] != '/') return false;
    std::size_t i = at + 7;
    const std::size_t d0 = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i == d0 || !parse_index(line.substr(d0, i - d0), number)) return false;
    while (i < line.size() && line[i] == '-') ++i;
    if (i < line.size() && line[i] == '>') ++i;
    if (i >= line.size() || line[i] != ':') return false;
    ++i;
    while (i < line.size() && is_space(line[i])) ++i;
    name = trim(line.substr(i));
    name_col = i + 1;
    return true;
}

int rank_of(char c) {
    if (c >= '1' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return -1;
}

[[noreturn]] void cannot(const std::string& why) {
    throw error(errc::unsupported, "cannot write this profile as a Debian tally sheet: " + why);
}

} // namespace

profile read_debian(std::string_view text, std::string_view name, const read_options& opt,
                    read_report& report) {
    line_reader lines(text);
    std::string_view line;
    std::map<std::uint32_t, std::pair<std::string, std::size_t>> options; // number -> name, line
    std::size_t first_option_line = 0;
    struct vote {
        std::string_view cells;
        std::size_t line, column;
    };
    std::vector<vote> votes;
    std::size_t width = 0; // from the options, or the first vote
    while (lines.next(line)) {
        if (line.size() >= 2 && line[0] == 'V' && line[1] == ':') {
            std::size_t i = 2;
            while (i < line.size() && is_space(line[i])) ++i;
            const std::size_t start = i;
            while (i < line.size() && !is_space(line[i])) ++i;
            votes.push_back({line.substr(start, i - start), lines.line_number(), start + 1});
            continue;
        }
        if (!votes.empty()) continue; // notes after the votes
        std::uint32_t k = 0;
        std::string_view nm;
        std::size_t col = 0;
        if (!option_line(line, k, nm, col)) continue;
        if (k == 0 || k > 35)
            fail(errc::parse, name, lines.line_number(), 1,
                 "option number " + std::to_string(k) + " out of range; expected 1..35");
        if (nm.empty())
            fail(errc::parse, name, lines.line_number(), col, "option " + std::to_string(k) + " has no name");
        if (options.count(k))
            fail(errc::parse, name, lines.line_number(), 1,
                 "option " + std::to_string(k) + " is named twice (first on line " +
                     std::to_string(options[k].second) + ")");
        if (!first_option_line) first_option_line = lines.line_number();
        // Old tally sheets are Latin-1 (leader2007 spells "Rapha\xebl"); UTF-8 is kept as is.
        std::string decoded =
            invalid_utf8_at(nm) == std::string_view::npos ? std::string(nm) : latin1_to_utf8(nm);
        check_name_text(decoded, name, lines.line_number(), col, "option name");
        options.emplace(k, std::make_pair(std::move(decoded), lines.line_number()));
    }

    std::vector<std::string> names;
    if (!options.empty()) {
        width = options.rbegin()->first;
        for (std::uint32_t k = 1; k <= width; ++k) {
            auto it = options.find(k);
            if (it == options.end())
                fail(errc::parse, name, first_option_line, 1,
                     "options go up to " + std::to_string(width) + " but option " + std::to_string(k) +
                         " is not named");
            names.push_back(std::move(it->second.first));
        }
    } else if (!votes.empty()) {
        width = votes.front().cells.size();
        if (width == 0)
            fail(errc::parse, name, votes.front().line, votes.front().column,
                 "empty vote; expected one character per option");
        if (width > 35)
            fail(errc::parse, name, votes.front().line, votes.front().column,
                 "vote has " + std::to_string(width) + " columns; a tally sheet has at most 35 options");
        for (std::size_t k = 1; k <= width; ++k) names.push_back("Option " + std::to_string(k));
    } else {
        fail(errc::parse, name, std::max<std::size_t>(1, lines.line_number()), 1,
             "no 'V:' vote lines and no 'Option N: name' header; not a Debian tally sheet");
    }

    profile p(std::move(names));
    std::vector<mark> marks;
    std::vector<int> distinct;
    for (const auto& v : votes) {
        std::string problem;
        std::size_t col = v.column;
        if (v.cells.size() != width) {
            problem = "vote " + quoted(v.cells) + " has " + std::to_string(v.cells.size()) +
                      " columns; expected " + std::to_string(width) + " (one per option)";
        } else {
            marks.clear();
            distinct.clear();
            for (std::size_t k = 0; k < width && problem.empty(); ++k) {
                const char c = v.cells[k];
                if (c == '-') continue;
                const int r = rank_of(c);
                if (r < 0) {
                    problem = "expected a rank (1-9, A-Z) or '-' for option " + std::to_string(k + 1) +
                              ", got " + quoted(v.cells.substr(k, 1));
                    col = v.column + k;
                    break;
                }
                marks.push_back({static_cast<cand_t>(k), r});
                distinct.push_back(r);
            }
        }
        if (!problem.empty()) {
            if (!opt.lenient) fail(errc::parse, name, v.line, col, problem);
            skip_line(report, v.line, problem);
            continue;
        }
        // Dense renumbering: only the order of the ranks counts.
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (auto& m : marks)
            m.value = static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), m.value) -
                                                distinct.begin()) +
                      1;
        p.add(marks, 1);
    }
    report.lines = lines.line_number();
    return p;
}

void write_debian(std::ostream& out, const profile& p) {
    const std::size_t n = p.candidate_count();
    if (n == 0) cannot("it has no candidates");
    if (n > 35) cannot("a tally sheet has at most 35 options, this profile has " + std::to_string(n));
    if (p.kind() != ballot_kind::ranking)
        cannot(std::string("a tally sheet holds rankings; this profile holds ") + ballot_kind_name(p.kind()) +
               " ballots");
    if (!p.units().empty()) cannot("ballots are tagged with units, which a tally sheet cannot record");
    if (p.title.find('\n') != std::string::npos || p.title.find('\r') != std::string::npos)
        cannot("the title contains a line break");
    if (p.total_count() > 100'000'000) cannot("more than 100,000,000 voters (one line each)");
    for (cand_t c = 0; c < n; ++c) {
        if (p.withdrawn(c)) cannot("candidate '" + p.candidate_name(c) + "' is withdrawn");
        const auto& nm = p.candidate_name(c);
        if (nm != trim(nm) || nm.find('\n') != std::string::npos || nm.find('\r') != std::string::npos)
            cannot("option name '" + nm + "' has surrounding white space or a line break");
    }
    std::vector<std::string> cells(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const std::string which = "ballot " + std::to_string(i + 1);
        if (b.weight && *b.weight != 1)
            cannot(which + " has weight " + to_string(*b.weight) + "; every voter counts once");
        std::string& s = cells[i];
        s.assign(n, '-');
        std::int32_t dense = 0, prev = 0;
        for (const auto& m : b.marks) {
            if (m.candidate == k_overvote) cannot(which + " records an overvote");
            if (s[m.candidate] != '-') cannot(which + " ranks '" + p.candidate_name(m.candidate) + "' twice");
            if (m.value != prev) {
                if (m.value != prev + 1) cannot(which + " skips a rank, which a tally sheet cannot record");
                ++dense;
                prev = m.value;
            }
            if (dense > 35) cannot(which + " uses more than 35 ranks");
            s[m.candidate] = static_cast<char>(dense <= 9 ? '0' + dense : 'A' + dense - 10);
        }
    }
    out << "Tally sheet written by accord";
    if (!p.title.empty()) out << ": " << p.title;
    out << "\n\n";
    for (cand_t c = 0; c < n; ++c) out << "   Option " << c + 1 << ": " << p.candidate_name(c) << '\n';
    out << '\n';
    for (std::size_t i = 0; i < cells.size(); ++i)
        for (std::uint64_t k = 0; k < p.counts()[i]; ++k) out << "V: " << cells[i] << '\n';
}

} // namespace detail
} // namespace v0
} // namespace accord
