// PrefLib .soc/.soi/.toc/.toi/.cat reader and writer.
//
// Two layouts are read: the 2022 format (`# KEY: value` header, `count: a,b,{c,d}` lines; see
// https://preflib.org/format) and the older numeric one (first line the number of alternatives,
// then `i,name` lines, then `voters,sum,unique`, then `count,a,b,{c,d}` lines). What is accepted,
// and every error, is written down in docs/formats.md.
#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

struct body_problem {
    errc code = errc::parse;
    std::size_t column = 0;
    std::string message;
};

bool is_strict(file_format f) { return f == file_format::soc || f == file_format::soi; }
bool is_complete(file_format f) { return f == file_format::soc || f == file_format::toc; }

/// Parses the items of one preference line (`a,b,{c,d},e`) into tiers of 0-based candidates.
/// `column0` is the 1-based column of items[0]. Returns false and fills `bad` on any problem.
bool parse_items(std::string_view items, std::size_t column0, std::size_t n,
                 std::vector<std::vector<cand_t>>& tiers, seen_set& seen, body_problem& bad) {
    tiers.clear();
    std::size_t i = 0;
    auto col = [&](std::size_t at) { return column0 + at; };
    auto skip_ws = [&] {
        while (i < items.size() && is_space(items[i])) ++i;
    };
    auto read_number = [&](cand_t& out) -> bool {
        const std::size_t start = i;
        while (i < items.size() && items[i] >= '0' && items[i] <= '9') ++i;
        std::string_view digits = items.substr(start, i - start);
        if (digits.empty()) {
            const std::size_t end = std::min(items.size(), start + 12);
            bad = {errc::parse, col(start),
                   "expected an alternative number, got " + (start < items.size()
                                                                 ? quoted(items.substr(start, end - start))
                                                                 : std::string("end of line"))};
            return false;
        }
        std::uint32_t v = 0;
        if (!parse_index(digits, v) || v < 1 || v > n) {
            bad = {errc::parse, col(start),
                   "alternative " + quoted(digits) + " out of range; expected 1.." + std::to_string(n)};
            return false;
        }
        const cand_t c = v - 1;
        if (seen.insert_seen(c)) {
            bad = {errc::parse, col(start),
                   "alternative " + std::to_string(v) + " appears twice in one line"};
            return false;
        }
        out = c;
        return true;
    };
    skip_ws();
    if (i == items.size()) return true; // nothing ranked
    while (true) {
        skip_ws();
        auto& tier = tiers.emplace_back();
        if (i < items.size() && items[i] == '{') {
            ++i;
            skip_ws();
            if (i < items.size() && items[i] == '}') {
                ++i; // {} : an empty group (used by .cat for an empty category)
            } else {
                while (true) {
                    skip_ws();
                    cand_t c;
                    if (!read_number(c)) return false;
                    tier.push_back(c);
                    skip_ws();
                    if (i < items.size() && items[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (i < items.size() && items[i] == '}') {
                        ++i;
                        break;
                    }
                    bad = {errc::parse, col(i), "expected ',' or '}' in a group of tied alternatives"};
                    return false;
                }
            }
        } else {
            cand_t c;
            if (!read_number(c)) return false;
            tier.push_back(c);
        }
        skip_ws();
        if (i == items.size()) return true;
        if (items[i] != ',') {
            bad = {errc::parse, col(i),
                   "expected ',' between alternatives, got " + quoted(items.substr(i, 1))};
            return false;
        }
        ++i;
    }
}

struct header_value {
    std::string_view text;
    std::size_t line = 0;
    std::size_t column = 0;
};

class preflib_reader {
  public:
    preflib_reader(std::string_view text, std::string_view name, file_format f, const read_options& opt,
                   read_report& report)
        : lines_(text), name_(name), format_(f), opt_(opt), report_(report) {}

    profile read() {
        std::string_view line;
        // The first non-blank line tells the layout apart.
        while (lines_.next(line)) {
            if (is_blank(line)) continue;
            if (trim(line).front() == '#') return read_2022(line);
            return read_legacy(line);
        }
        fail(errc::parse, name_, std::max<std::size_t>(1, lines_.line_number()), 1,
             "empty file; expected a PrefLib header ('# NUMBER ALTERNATIVES: n' or the number of "
             "alternatives)");
    }

  private:
    [[noreturn]] void fail_here(std::size_t column, const std::string& message, errc code = errc::parse) {
        fail(code, name_, lines_.line_number(), column, message);
    }

    std::size_t header_number(const header_value& v, const char* key, bool allow_zero = false) {
        std::uint64_t x = 0;
        switch (parse_count(v.text, x)) {
        case count_status::ok:
            break;
        case count_status::overflow:
            fail(errc::overflow, name_, v.line, v.column,
                 std::string(key) + " " + quoted(v.text) + " is too large");
        case count_status::not_a_number:
            fail(errc::parse, name_, v.line, v.column,
                 std::string("expected a whole number after '") + key + ":', got " + quoted(v.text));
        }
        if (!allow_zero && x == 0)
            fail(errc::parse, name_, v.line, v.column, std::string(key) + " is 0; expected at least 1");
        return static_cast<std::size_t>(x);
    }

    // ---- 2022 format ---------------------------------------------------------------------
    profile read_2022(std::string_view line) {
        std::optional<header_value> n_alt, n_voters, n_unique, n_cat, data_type;
        std::map<std::size_t, header_value> alt_names;
        std::string title;
        bool have_body = false;
        do {
            if (is_blank(line)) continue;
            std::string_view t = trim(line);
            if (t.front() != '#') {
                have_body = true;
                break;
            }
            const std::size_t lead = static_cast<std::size_t>(t.data() - line.data());
            std::string_view body = t.substr(1);
            auto colon = body.find(':');
            if (colon == std::string_view::npos) continue; // a comment line without a key
            std::string_view key = trim(body.substr(0, colon));
            std::string_view raw = body.substr(colon + 1);
            std::string_view value = trim(raw);
            const std::size_t vcol =
                lead + 2 + colon + 1 + static_cast<std::size_t>(value.data() - raw.data());
            header_value hv{value, lines_.line_number(), value.empty() ? lead + 2 + colon + 1 : vcol};
            auto once = [&](std::optional<header_value>& slot) {
                if (slot)
                    fail_here(lead + 1, "header '" + std::string(key) + "' given twice (first on line " +
                                            std::to_string(slot->line) + ")");
                slot = hv;
            };
            if (key == "NUMBER ALTERNATIVES")
                once(n_alt);
            else if (key == "NUMBER VOTERS")
                once(n_voters);
            else if (key == "NUMBER UNIQUE ORDERS" || key == "NUMBER UNIQUE PREFERENCES")
                once(n_unique);
            else if (key == "NUMBER CATEGORIES")
                once(n_cat);
            else if (key == "DATA TYPE")
                once(data_type);
            else if (key == "TITLE") {
                check_name_text(value, name_, hv.line, hv.column, "title");
                title = std::string(value);
            } else if (key.rfind("ALTERNATIVE NAME", 0) == 0) {
                std::string_view idx = trim(key.substr(16));
                std::uint32_t k = 0;
                if (!parse_index(idx, k) || k == 0)
                    fail_here(lead + 1, "expected '# ALTERNATIVE NAME <number>: <name>', got " + quoted(t));
                if (!alt_names.emplace(k, hv).second)
                    fail_here(lead + 1, "alternative " + std::to_string(k) + " is named twice");
            }
            // Other keys (FILE NAME, DESCRIPTION, dates, CATEGORY NAME ...) carry no ballots.
        } while (lines_.next(line));

        if (data_type) {
            std::string_view dt = data_type->text;
            if (dt != format_name(format_))
                fail(errc::parse, name_, data_type->line, data_type->column,
                     "file declares DATA TYPE " + quoted(dt) + " but is read as '" + format_name(format_) +
                         "'");
        }
        if (!n_alt)
            fail(errc::parse, name_, lines_.line_number(), 1,
                 "missing '# NUMBER ALTERNATIVES: n' header before the first preference line");
        const std::size_t n = header_number(*n_alt, "NUMBER ALTERNATIVES");
        // Every name line is checked before anything is allocated for n: a 40-byte file may
        // declare 40,000,000 alternatives.
        std::map<std::string_view, std::size_t> name_line;
        for (const auto& [k, hv] : alt_names) {
            if (auto [it, fresh] = name_line.emplace(hv.text, hv.line); !fresh && !hv.text.empty())
                fail(errc::parse, name_, hv.line, hv.column,
                     "duplicate alternative name " + quoted(hv.text) + " (also on line " +
                         std::to_string(it->second) + ")");
            if (k > n)
                fail(errc::parse, name_, hv.line, 1,
                     "ALTERNATIVE NAME " + std::to_string(k) + " but NUMBER ALTERNATIVES is " +
                         std::to_string(n));
            if (hv.text.empty()) fail(errc::parse, name_, hv.line, hv.column, "empty alternative name");
            check_name_text(hv.text, name_, hv.line, hv.column, "alternative name");
        }
        if (alt_names.size() != n) {
            std::size_t missing = 1;
            while (alt_names.count(missing)) ++missing;
            fail(errc::parse, name_, n_alt->line, 1,
                 "NUMBER ALTERNATIVES is " + std::to_string(n) + " but there is no '# ALTERNATIVE NAME " +
                     std::to_string(missing) + ":' line");
        }
        std::vector<std::string> names(n);
        for (const auto& [k, hv] : alt_names) names[k - 1] = std::string(hv.text);
        std::size_t ncat = 0;
        if (format_ == file_format::cat) {
            if (!n_cat)
                fail(errc::parse, name_, lines_.line_number(), 1,
                     "missing '# NUMBER CATEGORIES: n' header in a .cat file");
            ncat = header_number(*n_cat, "NUMBER CATEGORIES");
        }
        profile p = make_profile(std::move(names), *n_alt);
        p.title = std::move(title);
        if (have_body) {
            do {
                body_line(p, line, ':', ncat);
            } while (lines_.next(line));
        }
        check_totals(p, n_voters, n_unique, "NUMBER VOTERS", "NUMBER UNIQUE ORDERS");
        return p;
    }

    profile make_profile(std::vector<std::string> names, const header_value& where) {
        try {
            return profile(std::move(names),
                           format_ == file_format::cat ? ballot_kind::approval : ballot_kind::ranking);
        } catch (const error& e) {
            fail(errc::parse, name_, where.line, where.column, e.detail());
        }
    }

    // ---- older numeric format --------------------------------------------------------------
    profile read_legacy(std::string_view line) {
        header_value nv{trim(line), lines_.line_number(), 1};
        const std::size_t n = header_number(nv, "number of alternatives");
        std::vector<std::string> names;
        names.reserve(std::min<std::size_t>(n, 4096));
        std::set<std::string_view> seen_names;
        for (std::size_t k = 1; k <= n; ++k) {
            if (!lines_.next(line))
                fail(errc::parse, name_, lines_.line_number() + 1, 1,
                     "file ends after " + std::to_string(k - 1) + " of " + std::to_string(n) +
                         " alternative lines; expected '" + std::to_string(k) + ",<name>'");
            auto comma = line.find(',');
            std::uint32_t idx = 0;
            if (comma == std::string_view::npos || !parse_index(trim(line.substr(0, comma)), idx) || idx != k)
                fail_here(1, "expected '" + std::to_string(k) + ",<name>', got " + quoted(line));
            std::string_view nm = trim(line.substr(comma + 1));
            if (nm.empty()) fail_here(comma + 2, "empty alternative name");
            check_name_text(nm, name_, lines_.line_number(), comma + 2, "alternative name");
            if (!seen_names.insert(nm).second)
                fail_here(comma + 2, "duplicate alternative name " + quoted(nm));
            names.emplace_back(nm);
        }
        if (!lines_.next(line))
            fail(errc::parse, name_, lines_.line_number() + 1, 1,
                 "file ends; expected '<voters>,<sum of counts>,<unique orders>'");
        std::optional<header_value> n_voters, n_sum, n_unique;
        {
            std::size_t start = 0;
            std::optional<header_value>* slots[3] = {&n_voters, &n_sum, &n_unique};
            for (int k = 0; k < 3; ++k) {
                auto comma = k < 2 ? line.find(',', start) : std::string_view::npos;
                if (k < 2 && comma == std::string_view::npos)
                    fail_here(1, "expected '<voters>,<sum of counts>,<unique orders>', got " + quoted(line));
                std::string_view field =
                    line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
                std::string_view v = trim(field);
                *slots[k] = header_value{v, lines_.line_number(), start + 1};
                header_number(**slots[k], "count", true);
                if (comma != std::string_view::npos) start = comma + 1;
            }
        }
        profile p = make_profile(std::move(names), nv);
        while (lines_.next(line)) body_line(p, line, ',', 0);
        check_totals(p, n_voters, n_unique, "voters", "unique orders");
        check_totals(p, n_sum, std::nullopt, "sum of counts", "");
        return p;
    }

    // ---- preference lines ----------------------------------------------------------------
    void body_line(profile& p, std::string_view line, char sep, std::size_t ncat) {
        if (is_blank(line)) return;
        const std::size_t n = p.candidate_count();
        std::string_view t = line;
        std::size_t lead = 0;
        while (lead < t.size() && is_space(t[lead])) ++lead;
        if (t[lead] == '#')
            fail_here(lead + 1, "header line after the first preference line; headers must come first");
        ++body_lines_;
        body_problem bad;
        auto problem = [&](const body_problem& b) {
            if (!opt_.lenient || b.code == errc::overflow)
                fail(b.code, name_, lines_.line_number(), b.column, b.message);
            skip_line(report_, lines_.line_number(), b.message);
            ++skipped_;
        };
        auto pos = t.find(sep, lead);
        if (pos == std::string_view::npos) {
            problem({errc::parse, lead + 1,
                     std::string("expected '<count>") + sep + " <preferences>', got " + quoted(trim(t))});
            return;
        }
        std::string_view count_text = trim(t.substr(lead, pos - lead));
        std::uint64_t count = 0;
        switch (parse_count(count_text, count)) {
        case count_status::ok:
            break;
        case count_status::overflow:
            problem({errc::overflow, lead + 1, "multiplicity " + quoted(count_text) + " exceeds 2^63 - 1"});
            return;
        case count_status::not_a_number:
            problem(
                {errc::parse, lead + 1, "expected a multiplicity (whole number), got " + quoted(count_text)});
            return;
        }
        if (count == 0) {
            problem({errc::parse, lead + 1, "multiplicity is 0; expected at least 1"});
            return;
        }
        seen_.resize(n);
        seen_.clear();
        if (!parse_items(t.substr(pos + 1), pos + 2, n, tiers_, seen_, bad)) {
            problem(bad);
            return;
        }
        std::size_t listed = 0;
        for (const auto& tier : tiers_) listed += tier.size();
        if (format_ == file_format::cat) {
            if (tiers_.size() != ncat) {
                problem({errc::parse, pos + 2,
                         "expected " + std::to_string(ncat) + " categories, got " +
                             std::to_string(tiers_.size())});
                return;
            }
        } else {
            for (const auto& tier : tiers_) {
                if (tier.empty()) {
                    problem({errc::parse, pos + 2, "empty group '{}' in a ranking"});
                    return;
                }
                if (tier.size() > 1 && is_strict(format_)) {
                    problem({errc::parse, pos + 2,
                             std::string("tied alternatives in a strict order; .") + format_name(format_) +
                                 " allows no ties (use .toc or .toi)"});
                    return;
                }
            }
            if (is_complete(format_) && listed != n) {
                problem({errc::parse, pos + 2,
                         "incomplete order: " + std::to_string(listed) + " of " + std::to_string(n) +
                             " alternatives listed; ." + format_name(format_) + " requires all"});
                return;
            }
        }
        marks_.clear();
        if (format_ == file_format::cat) {
            if (!tiers_.empty())
                for (cand_t c : tiers_.front()) marks_.push_back({c, 1});
        } else {
            std::int32_t rank = 1;
            for (const auto& tier : tiers_) {
                for (cand_t c : tier) marks_.push_back({c, rank});
                ++rank;
            }
        }
        try {
            p.add(marks_, count);
        } catch (const error& e) {
            fail(e.code() == errc::overflow ? errc::overflow : errc::parse, name_, lines_.line_number(),
                 lead + 1, e.detail());
        }
    }

    void check_totals(const profile& p, const std::optional<header_value>& voters,
                      const std::optional<header_value>& unique, const char* voters_key,
                      const char* unique_key) {
        if (skipped_ > 0) return; // lenient mode dropped lines: the declared totals cannot agree
        if (voters) {
            if (!all_digits(voters->text))
                fail(errc::parse, name_, voters->line, voters->column,
                     std::string("expected a whole number for ") + voters_key + ", got " +
                         quoted(voters->text));
            std::string_view digits = voters->text; // leading zeros: GMP would read octal
            while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
            const big_int declared{std::string(digits)};
            if (declared != p.total_count())
                fail(errc::parse, name_, voters->line, voters->column,
                     std::string(voters_key) + " declares " + declared.str() +
                         " but the preference lines count " + p.total_count().str());
        }
        if (unique) {
            std::uint64_t declared = 0;
            if (parse_count(unique->text, declared) != count_status::ok || declared != body_lines_)
                fail(errc::parse, name_, unique->line, unique->column,
                     std::string(unique_key) + " declares " + std::string(unique->text) +
                         " but the file has " + std::to_string(body_lines_) + " preference lines");
        }
    }

    line_reader lines_;
    std::string_view name_;
    file_format format_;
    const read_options& opt_;
    read_report& report_;
    std::size_t body_lines_ = 0;
    std::size_t skipped_ = 0;
    std::vector<std::vector<cand_t>> tiers_;
    seen_set seen_;
    std::vector<mark> marks_;
};

// ---- writer ------------------------------------------------------------------------------

[[noreturn]] void cannot(file_format f, const std::string& why) {
    throw error(errc::unsupported,
                std::string("cannot write this profile as PrefLib .") + format_name(f) + ": " + why);
}

void write_group(std::ostream& out, const std::vector<cand_t>& g) {
    if (g.size() == 1) {
        out << g[0] + 1;
        return;
    }
    out << '{';
    for (std::size_t i = 0; i < g.size(); ++i) out << (i ? "," : "") << g[i] + 1;
    out << '}';
}

} // namespace

profile read_preflib(std::string_view text, std::string_view name, file_format f, const read_options& opt,
                     read_report& report) {
    preflib_reader r(text, name, f, opt, report);
    profile p = r.read();
    report.lines = std::count(text.begin(), text.end(), '\n') + (!text.empty() && text.back() != '\n');
    return p;
}

void write_preflib(std::ostream& out, const profile& p, file_format f) {
    const std::size_t n = p.candidate_count();
    if (n == 0) cannot(f, "it has no candidates");
    const bool cat = f == file_format::cat;
    if (cat && p.kind() != ballot_kind::approval) cannot(f, "only approval profiles can be written as .cat");
    if (!cat && p.kind() != ballot_kind::ranking)
        cannot(f, std::string("only ranking profiles can be written as orders; this one holds ") +
                      ballot_kind_name(p.kind()) + " ballots");
    for (cand_t c = 0; c < n; ++c) {
        if (p.withdrawn(c))
            cannot(f, "candidate '" + p.candidate_name(c) + "' is withdrawn, which PrefLib cannot record");
        const auto& nm = p.candidate_name(c);
        if (nm != trim(nm) || nm.find('\n') != std::string::npos || nm.find('\r') != std::string::npos)
            cannot(f, "candidate name '" + nm + "' has surrounding white space or a line break");
    }
    if (p.title.find('\n') != std::string::npos || p.title.find('\r') != std::string::npos)
        cannot(f, "the title contains a line break");
    if (!p.units().empty()) cannot(f, "ballots are tagged with units, which PrefLib cannot record");

    // Validate every ballot and turn it into groups first, so nothing is half-written.
    std::vector<std::vector<std::vector<cand_t>>> lines(p.unique_count());
    seen_set seen;
    seen.resize(n);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const std::string which = "ballot " + std::to_string(i + 1);
        if (b.weight && *b.weight != 1)
            cannot(f, which + " has weight " + to_string(*b.weight) + "; PrefLib counts are whole voters");
        auto& groups = lines[i];
        seen.clear();
        if (cat) {
            groups.resize(2);
            for (const auto& m : b.marks) {
                groups[0].push_back(m.candidate);
                seen.insert_seen(m.candidate);
            }
            for (cand_t c = 0; c < n; ++c)
                if (!seen.contains(c)) groups[1].push_back(c);
            continue;
        }
        std::int32_t expect = 1;
        for (std::size_t k = 0; k < b.marks.size(); ++k) {
            const auto& m = b.marks[k];
            if (m.candidate == k_overvote)
                cannot(f, which + " records an overvote, which PrefLib cannot record");
            if (seen.insert_seen(m.candidate))
                cannot(f, which + " ranks '" + p.candidate_name(m.candidate) + "' twice");
            if (k == 0 || m.value != b.marks[k - 1].value) {
                if (m.value != expect) cannot(f, which + " skips a rank, which PrefLib cannot record");
                ++expect;
                groups.emplace_back();
            }
            groups.back().push_back(m.candidate);
        }
        std::size_t listed = b.marks.size();
        for (const auto& g : groups)
            if (g.size() > 1 && is_strict(f))
                cannot(f, which + " has tied candidates; ." + format_name(f) +
                              " is for strict orders (use toc or toi)");
        if (is_complete(f) && listed != n)
            cannot(f, which + " ranks " + std::to_string(listed) + " of " + std::to_string(n) +
                          " candidates; ." + format_name(f) + " is for complete orders (use soi or toi)");
    }

    out << "# FILE NAME: \n";
    out << "# TITLE: " << p.title << '\n';
    out << "# DESCRIPTION: \n";
    out << "# DATA TYPE: " << format_name(f) << '\n';
    out << "# MODIFICATION TYPE: original\n";
    out << "# NUMBER ALTERNATIVES: " << n << '\n';
    out << "# NUMBER VOTERS: " << p.total_count().str() << '\n';
    out << (cat ? "# NUMBER UNIQUE PREFERENCES: " : "# NUMBER UNIQUE ORDERS: ") << p.unique_count() << '\n';
    if (cat) {
        out << "# NUMBER CATEGORIES: 2\n";
        out << "# CATEGORY NAME 1: Approved\n";
        out << "# CATEGORY NAME 2: Not approved\n";
    }
    for (cand_t c = 0; c < n; ++c)
        out << "# ALTERNATIVE NAME " << c + 1 << ": " << p.candidate_name(c) << '\n';
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out << p.counts()[i] << ':';
        const auto& groups = lines[i];
        for (std::size_t g = 0; g < groups.size(); ++g) {
            out << (g ? "," : " ");
            if (cat && groups[g].size() != 1) {
                out << '{';
                for (std::size_t k = 0; k < groups[g].size(); ++k) out << (k ? "," : "") << groups[g][k] + 1;
                out << '}';
            } else {
                write_group(out, groups[g]);
            }
        }
        out << '\n';
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
