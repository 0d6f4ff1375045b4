// Pabulib reader and writer: participatory budgeting instances (.pb files, pabulib.org).
//
// A file has three sections in this order, each opened by a line holding only its name and
// followed by a header row: META ("key;value" lines: budget, vote_type, num_projects, ...),
// PROJECTS (project_id;cost;... one row per project) and VOTES (voter_id;vote;points?;... one row
// per voter). Fields are separated by ';' and may be quoted as Python's csv module writes them
// ("a;b", "say ""x"""). Projects are the candidates, named by project_id in file order; their
// costs and the budget go to profile::costs and profile::budget, which the `budget` rule uses
// unless its options give them. Approval ("approval", "choose-1") votes are approval ballots;
// "cumulative" and "scoring" votes are score ballots holding the points; "ordinal" votes are
// rankings in the order listed. Declared sizes (num_projects, num_votes) are checked against what
// the file holds, never used to allocate. Every refusal names the line and column. See
// docs/formats.md, "Pabulib".
#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

struct field {
    std::string text;   ///< unquoted and trimmed
    std::size_t column; ///< 1-based column of the field's first byte
};

/// Splits one line at ';' outside double quotes. A quoted field ends at its closing quote ("" is
/// a quote inside it) and must be followed by ';' or the end of the line; anything else, or a
/// quote left open at the end of the line, is refused: it could be read more than one way.
void split_fields(std::string_view line, std::string_view file, std::size_t line_no,
                  std::vector<field>& out) {
    out.clear();
    std::size_t i = 0;
    while (true) {
        std::size_t start = i;
        while (start < line.size() && is_space(line[start])) ++start;
        field f{{}, start + 1};
        if (start < line.size() && line[start] == '"') {
            std::size_t k = start + 1;
            while (true) {
                if (k >= line.size())
                    fail(errc::parse, file, line_no, start + 1,
                         "quoted field is not closed on its line (Pabulib fields hold no line breaks)");
                if (line[k] == '"') {
                    if (k + 1 < line.size() && line[k + 1] == '"') {
                        f.text += '"';
                        k += 2;
                        continue;
                    }
                    ++k;
                    break;
                }
                f.text += line[k++];
            }
            while (k < line.size() && is_space(line[k])) ++k;
            if (k < line.size() && line[k] != ';')
                fail(errc::parse, file, line_no, k + 1,
                     "expected ';' after the quoted field, got " + detail::quoted(line.substr(k, 1)));
            f.text = std::string(trim(f.text));
            out.push_back(std::move(f));
            if (k >= line.size()) return;
            i = k + 1;
        } else {
            const auto semi = line.find(';', i);
            const auto end = semi == std::string_view::npos ? line.size() : semi;
            const std::string_view raw = line.substr(i, end - i);
            if (raw.find('"') != std::string_view::npos)
                fail(errc::parse, file, line_no, i + raw.find('"') + 1,
                     "a quote inside an unquoted field; quote the whole field (\"...\") or remove it");
            f.text = std::string(trim(raw));
            out.push_back(std::move(f));
            if (semi == std::string_view::npos) return;
            i = semi + 1;
        }
    }
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

enum class section { none, meta, projects, votes };

/// The section a line opens, or none.
section section_of(const std::vector<field>& f) {
    for (std::size_t k = 1; k < f.size(); ++k)
        if (!f[k].text.empty()) return section::none;
    const auto w = lower(f.empty() ? std::string() : f[0].text);
    if (w == "meta") return section::meta;
    if (w == "projects") return section::projects;
    if (w == "votes") return section::votes;
    return section::none;
}

const char* section_name(section s) {
    switch (s) {
    case section::meta:
        return "META";
    case section::projects:
        return "PROJECTS";
    case section::votes:
        return "VOTES";
    default:
        return "";
    }
}

enum class vote_kind { approval, points, ordinal };

/// A non-negative exact number: digits, optionally '.' and more digits. A decimal comma is refused:
/// "1,500" could be one and a half or fifteen hundred.
std::optional<rational> money(std::string_view s) {
    const auto dot = s.find('.');
    const auto whole = s.substr(0, dot);
    if (!all_digits(whole)) return std::nullopt;
    if (dot != std::string_view::npos && !all_digits(s.substr(dot + 1))) return std::nullopt;
    return parse_rational(s);
}

/// Splits a comma-separated list ("12,7,30"); an empty text is the empty list.
std::vector<std::string_view> items(std::string_view s) {
    std::vector<std::string_view> out;
    if (trim(s).empty()) return out;
    while (true) {
        const auto comma = s.find(',');
        out.push_back(trim(s.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

/// The limits META may set on each vote (pabulib.org's format description): how many projects
/// it names (min_length, max_length), their total cost (min_sum_cost, max_sum_cost), each
/// project's points and their total (min_points, max_points, min_sum_points, max_sum_points; for
/// cumulative and scoring votes). An absent key, an empty value or "∞"/"inf" sets none.
struct vote_limits {
    std::optional<std::uint64_t> min_length, max_length;
    std::optional<rational> min_sum_cost, max_sum_cost;
    std::optional<std::int64_t> min_points, max_points, min_sum_points, max_sum_points;
};

bool unlimited(std::string_view v) {
    const std::string t = lower(std::string(trim(v)));
    return t.empty() || t == "\u221e" || t == "inf" || t == "infinity";
}

/// A whole number, optionally negative (points may be), within int64.
std::optional<std::int64_t> whole(std::string_view s) {
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) s.remove_prefix(1);
    std::uint64_t v = 0;
    if (parse_count(s, v) != count_status::ok || v > static_cast<std::uint64_t>(INT64_MAX))
        return std::nullopt;
    return negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
}

} // namespace

profile read_pabulib(std::string_view text, std::string_view name, const read_options& opt,
                     read_report& report) {
    line_reader lines(text);
    std::string_view line;
    std::vector<field> f;
    section at = section::none;
    bool want_header = false;
    std::size_t section_line[4] = {0, 0, 0, 0};

    struct meta_value {
        std::string text;
        std::size_t line, column;
    };
    std::unordered_map<std::string, meta_value> meta;

    std::vector<std::string> ids;
    std::vector<rational> costs;
    std::unordered_map<std::string, cand_t> index;
    std::size_t id_col = 0, cost_col = 0, project_width = 0;

    vote_kind kind = vote_kind::approval;
    std::size_t voter_col = 0, vote_col = 0, points_col = 0, vote_width = 0;
    bool has_points = false;
    std::optional<profile> p;
    std::unordered_set<std::string> voters;
    std::size_t votes_read = 0;
    seen_set seen;
    std::vector<mark> marks;
    vote_limits lim;
    bool sum_in_int64 = false; // the cost limits checked over whole_costs and the whole bounds
    std::vector<std::int64_t> whole_costs;
    std::int64_t min_sum_whole = 0, max_sum_whole = INT64_MAX;

    auto meta_at = [&](const std::string& key) -> const meta_value* {
        auto it = meta.find(key);
        return it == meta.end() ? nullptr : &it->second;
    };
    // num_projects / num_votes, when declared, must be what the file holds.
    auto check_declared = [&](const char* key, std::size_t found, const char* what) {
        const auto* v = meta_at(key);
        if (!v) return;
        std::uint64_t n = 0;
        if (parse_count(v->text, n) != count_status::ok)
            fail(errc::parse, name, v->line, v->column,
                 std::string(key) + " must be a whole number, got " + detail::quoted(v->text));
        if (n != found)
            fail(errc::parse, name, v->line, v->column,
                 std::string("META declares ") + key + " " + v->text + " but the file holds " +
                     std::to_string(found) + " " + what);
    };
    // The header row of PROJECTS or VOTES: the column named `key` (required).
    auto column = [&](const char* key, bool required) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < f.size(); ++k)
            if (lower(f[k].text) == key) return k;
        if (required)
            fail(errc::parse, name, lines.line_number(), 1,
                 std::string(section_name(at)) + " header has no column '" + key + "'");
        return std::nullopt;
    };
    // Opening VOTES: the meta data is complete and the projects are known.
    auto start_votes = [&]() {
        const auto* vt = meta_at("vote_type");
        if (!vt)
            fail(errc::parse, name, section_line[1], 1,
                 "META has no vote_type (approval, cumulative, scoring or ordinal)");
        const auto t = lower(vt->text);
        if (t == "approval" || t == "choose-1")
            kind = vote_kind::approval;
        else if (t == "cumulative" || t == "scoring")
            kind = vote_kind::points;
        else if (t == "ordinal")
            kind = vote_kind::ordinal;
        else
            fail(errc::parse, name, vt->line, vt->column,
                 "unknown vote_type " + detail::quoted(vt->text) +
                     "; expected approval, choose-1, cumulative, scoring or ordinal");
        check_declared("num_projects", ids.size(), "projects");
        // The limits on each vote, checked as the votes are read.
        const auto limit = [&](const char* key, auto parse, const char* expected, auto& into) {
            const auto* v = meta_at(key);
            if (!v || unlimited(v->text)) return;
            const auto x = parse(v->text);
            if (!x)
                fail(errc::parse, name, v->line, v->column,
                     std::string(key) + " must be " + expected + " or \u221e, got " +
                         detail::quoted(v->text));
            into = *x;
        };
        const auto count = [](std::string_view digits) -> std::optional<std::uint64_t> {
            std::uint64_t n = 0;
            if (parse_count(digits, n) != count_status::ok) return std::nullopt;
            return n;
        };
        limit("min_length", count, "a whole number", lim.min_length);
        limit("max_length", count, "a whole number", lim.max_length);
        limit("min_sum_cost", money, "a non-negative number", lim.min_sum_cost);
        limit("max_sum_cost", money, "a non-negative number", lim.max_sum_cost);
        limit("min_points", whole, "a whole number", lim.min_points);
        limit("max_points", whole, "a whole number", lim.max_points);
        limit("min_sum_points", whole, "a whole number", lim.min_sum_points);
        limit("max_sum_points", whole, "a whole number", lim.max_sum_points);
        // Whole costs (every real file's) sum in 64 bits against whole bounds: a whole sum is
        // below x exactly when it is below ceil(x), above x when above floor(x).
        constexpr std::int64_t k_cost_cap = std::int64_t{1} << 40; // so 2^22 projects cannot overflow
        sum_in_int64 = (lim.min_sum_cost || lim.max_sum_cost) && ids.size() < (std::size_t{1} << 22) &&
                       std::all_of(costs.begin(), costs.end(),
                                   [&](const rational& c) { return denominator(c) == 1 && c <= k_cost_cap; });
        if (sum_in_int64) {
            whole_costs.clear();
            for (const auto& c : costs) whole_costs.push_back(numerator(c).convert_to<std::int64_t>());
            const auto clamp = [](const big_int& x) {
                return x > INT64_MAX ? INT64_MAX : x < 0 ? std::int64_t{0} : x.convert_to<std::int64_t>();
            };
            if (lim.min_sum_cost) min_sum_whole = clamp(ceil_int(*lim.min_sum_cost));
            if (lim.max_sum_cost) max_sum_whole = clamp(floor_int(*lim.max_sum_cost));
        }
        p.emplace(ids, kind == vote_kind::approval ? ballot_kind::approval
                       : kind == vote_kind::points ? ballot_kind::score
                                                   : ballot_kind::ranking);
        seen.resize(ids.size());
    };

    // The META limit a vote breaks, as a sentence; empty when it keeps them all.
    const auto outside_limits = [&](const std::vector<mark>& m) -> std::string {
        const auto n = static_cast<std::uint64_t>(m.size());
        const auto projects = [](std::uint64_t k) {
            return std::to_string(k) + (k == 1 ? " project" : " projects");
        };
        if (lim.min_length && n < *lim.min_length)
            return "vote names " + projects(n) + ", fewer than META min_length " +
                   std::to_string(*lim.min_length);
        if (lim.max_length && n > *lim.max_length)
            return "vote names " + projects(n) + ", more than META max_length " +
                   std::to_string(*lim.max_length);
        if (sum_in_int64) {
            std::int64_t sum = 0;
            for (const auto& x : m) sum += whole_costs[x.candidate];
            if (sum < min_sum_whole || sum > max_sum_whole) {
                const bool low = sum < min_sum_whole;
                return "vote's projects cost " + std::to_string(sum) + " in all, " +
                       (low ? "less than META min_sum_cost " + to_string(*lim.min_sum_cost)
                            : "more than META max_sum_cost " + to_string(*lim.max_sum_cost));
            }
        } else if (lim.min_sum_cost || lim.max_sum_cost) {
            rational sum(0);
            for (const auto& x : m) sum += costs[x.candidate];
            if (lim.min_sum_cost && sum < *lim.min_sum_cost)
                return "vote's projects cost " + to_string(sum) + " in all, less than META min_sum_cost " +
                       to_string(*lim.min_sum_cost);
            if (lim.max_sum_cost && sum > *lim.max_sum_cost)
                return "vote's projects cost " + to_string(sum) + " in all, more than META max_sum_cost " +
                       to_string(*lim.max_sum_cost);
        }
        if (kind != vote_kind::points) return {};
        std::int64_t total = 0;
        for (const auto& x : m) {
            if (lim.min_points && x.value < *lim.min_points)
                return "vote gives " + std::to_string(x.value) + " points to project " +
                       detail::quoted(ids[x.candidate]) + ", fewer than META min_points " +
                       std::to_string(*lim.min_points);
            if (lim.max_points && x.value > *lim.max_points)
                return "vote gives " + std::to_string(x.value) + " points to project " +
                       detail::quoted(ids[x.candidate]) + ", more than META max_points " +
                       std::to_string(*lim.max_points);
            total += x.value; // below 2^31 a mark, one mark a project: no overflow
        }
        if (lim.min_sum_points && total < *lim.min_sum_points)
            return "vote gives " + std::to_string(total) + " points in all, fewer than META min_sum_points " +
                   std::to_string(*lim.min_sum_points);
        if (lim.max_sum_points && total > *lim.max_sum_points)
            return "vote gives " + std::to_string(total) + " points in all, more than META max_sum_points " +
                   std::to_string(*lim.max_sum_points);
        return {};
    };

    while (lines.next(line)) {
        if (is_blank(line)) continue;
        split_fields(line, name, lines.line_number(), f);
        if (const section s = section_of(f); s != section::none) {
            const int want = static_cast<int>(at) + 1;
            if (static_cast<int>(s) != want)
                fail(errc::parse, name, lines.line_number(), f[0].column,
                     std::string("section ") + section_name(s) +
                         " out of place; a Pabulib file has META, "
                         "PROJECTS and VOTES once each, in this order");
            at = s;
            section_line[static_cast<int>(s)] = lines.line_number();
            want_header = true;
            if (s == section::votes) {
                if (ids.empty()) fail(errc::parse, name, section_line[2], 1, "PROJECTS lists no project");
            }
            continue;
        }
        if (at == section::none)
            fail(errc::parse, name, lines.line_number(), 1,
                 "expected the section name META on the first line; not a Pabulib file");
        if (want_header) {
            want_header = false;
            if (at == section::projects) {
                id_col = *column("project_id", true);
                cost_col = *column("cost", true);
                project_width = f.size();
            } else if (at == section::votes) {
                start_votes();
                voter_col = *column("voter_id", true);
                vote_col = *column("vote", true);
                const auto pc = column("points", kind == vote_kind::points);
                has_points = pc.has_value();
                points_col = pc.value_or(0);
                vote_width = f.size();
            }
            // META's header row "key;value" is left out by some real files (Warsaw 2017); then
            // the line is the first key;value pair.
            if (at != section::meta ||
                (f.size() == 2 && lower(f[0].text) == "key" && lower(f[1].text) == "value"))
                continue;
        }
        if (at == section::meta) {
            if (f.size() != 2)
                fail(errc::parse, name, lines.line_number(), 1,
                     "META line has " + std::to_string(f.size()) +
                         " fields; expected key;value (quote a value that holds ';')");
            const auto key = f[0].text;
            if (key.empty()) fail(errc::parse, name, lines.line_number(), 1, "META key is empty");
            check_name_text(f[1].text, name, lines.line_number(), f[1].column, "META value");
            if (auto it = meta.find(key); it != meta.end())
                fail(errc::parse, name, lines.line_number(), 1,
                     "META key " + detail::quoted(key) + " is given twice (first on line " +
                         std::to_string(it->second.line) + ")");
            meta.emplace(key, meta_value{f[1].text, lines.line_number(), f[1].column});
            continue;
        }
        if (at == section::projects) {
            if (f.size() != project_width)
                fail(errc::parse, name, lines.line_number(), 1,
                     "project row has " + std::to_string(f.size()) + " fields; the header has " +
                         std::to_string(project_width));
            const auto& id = f[id_col];
            if (id.text.empty())
                fail(errc::parse, name, lines.line_number(), id.column, "project_id is empty");
            check_name_text(id.text, name, lines.line_number(), id.column, "project_id");
            if (id.text.find(',') != std::string::npos)
                fail(errc::parse, name, lines.line_number(), id.column,
                     "project_id " + detail::quoted(id.text) +
                         " holds ',', which separates projects in a vote");
            const auto& c = f[cost_col];
            const auto cost = money(c.text);
            if (!cost)
                fail(errc::parse, name, lines.line_number(), c.column,
                     "cost of project " + detail::quoted(id.text) +
                         " must be a non-negative number such as 1500 or 1250.50, got " +
                         detail::quoted(c.text));
            if (!index.emplace(id.text, static_cast<cand_t>(ids.size())).second)
                fail(errc::parse, name, lines.line_number(), id.column,
                     "project_id " + detail::quoted(id.text) + " is listed twice");
            ids.push_back(id.text);
            costs.push_back(*cost);
            continue;
        }
        // VOTES: a problem here is one voter's, which lenient mode skips.
        ++votes_read;
        std::string problem;
        std::size_t col = 1;
        if (f.size() != vote_width) {
            problem = "vote row has " + std::to_string(f.size()) + " fields; the header has " +
                      std::to_string(vote_width);
        } else if (f[voter_col].text.empty()) {
            problem = "voter_id is empty";
            col = f[voter_col].column;
        } else if (!voters.insert(f[voter_col].text).second) {
            problem = "voter_id " + detail::quoted(f[voter_col].text) + " votes twice";
            col = f[voter_col].column;
        } else {
            const auto projects = items(f[vote_col].text);
            std::vector<std::string_view> points;
            if (has_points) points = items(f[points_col].text);
            marks.clear();
            seen.clear();
            col = f[vote_col].column;
            for (std::size_t k = 0; k < projects.size() && problem.empty(); ++k) {
                const auto it = index.find(std::string(projects[k]));
                if (it == index.end())
                    problem = "vote names project " + detail::quoted(projects[k]) +
                              ", which PROJECTS does not list";
                else if (seen.insert_seen(it->second))
                    problem = "vote names project " + detail::quoted(projects[k]) + " twice";
                else if (kind == vote_kind::approval)
                    marks.push_back({it->second, 1});
                else if (kind == vote_kind::ordinal)
                    marks.push_back({it->second, static_cast<std::int32_t>(k + 1)});
                else
                    marks.push_back({it->second, 0});
            }
            if (problem.empty() && kind == vote_kind::points) {
                col = f[points_col].column;
                if (points.size() != projects.size())
                    problem = "vote names " + std::to_string(projects.size()) +
                              " projects but points gives " + std::to_string(points.size()) + " numbers";
                for (std::size_t k = 0; k < points.size() && problem.empty(); ++k) {
                    std::string_view s = points[k];
                    const bool negative = !s.empty() && s[0] == '-';
                    if (negative) s.remove_prefix(1);
                    std::uint32_t v = 0;
                    if (!parse_index(s, v) || v > 0x7FFFFFFFu)
                        problem = "points must be whole numbers, got " + detail::quoted(points[k]);
                    else
                        marks[k].value =
                            negative ? -static_cast<std::int32_t>(v) : static_cast<std::int32_t>(v);
                }
            } else if (problem.empty() && has_points && !points.empty() && points.size() != projects.size()) {
                col = f[points_col].column;
                problem = "vote names " + std::to_string(projects.size()) + " projects but points gives " +
                          std::to_string(points.size()) + " numbers";
            }
        }
        if (problem.empty()) {
            problem = outside_limits(marks);
            if (!problem.empty()) {
                col = f[vote_col].column;
                if (!opt.lenient) problem += "; --lenient skips such votes, reporting each";
            }
        }
        if (!problem.empty()) {
            if (!opt.lenient) fail(errc::parse, name, lines.line_number(), col, problem);
            report.skipped.push_back({lines.line_number(), problem});
            continue;
        }
        p->add(marks);
    }
    report.lines = lines.line_number();
    if (at != section::votes)
        fail(errc::parse, name, std::max<std::size_t>(1, lines.line_number()), 1,
             at == section::none
                 ? "no META section; not a Pabulib file"
                 : std::string("the file ends before its ") +
                       section_name(static_cast<section>(static_cast<int>(at) + 1)) + " section");
    if (want_header)
        fail(errc::parse, name, section_line[3], 1, "VOTES has no header row (voter_id;vote;...)");
    check_declared("num_votes", votes_read, "votes");
    const auto* b = meta_at("budget");
    if (!b) fail(errc::parse, name, section_line[1], 1, "META has no budget");
    const auto budget = money(b->text);
    if (!budget)
        fail(errc::parse, name, b->line, b->column,
             "budget must be a non-negative number such as 1500000 or 1250.50, got " +
                 detail::quoted(b->text));
    p->costs = std::move(costs);
    p->budget = *budget;
    if (const auto* d = meta_at("description")) p->title = d->text;
    report.notes.push_back("Pabulib: " + std::to_string(ids.size()) + " projects, budget " + b->text +
                           ", vote_type " + meta_at("vote_type")->text);
    return std::move(*p);
}

// ---- writer ------------------------------------------------------------------------------

namespace {

[[noreturn]] void cannot(const std::string& why) {
    throw error(errc::unsupported, "cannot write this profile as a Pabulib file: " + why);
}

/// An exact decimal for a non-negative number whose denominator has no prime factor but 2 and 5
/// (every cost and budget read from a file); otherwise nullopt: 1/3 has no finite decimal.
std::optional<std::string> decimal(const rational& x) {
    if (sign(x) < 0) return std::nullopt;
    big_int den = denominator(x);
    std::size_t twos = 0, fives = 0;
    while (den % 2 == 0) den /= 2, ++twos;
    while (den % 5 == 0) den /= 5, ++fives;
    if (den != 1) return std::nullopt;
    const std::size_t places = std::max(twos, fives);
    big_int scaled = numerator(x) * boost::multiprecision::pow(big_int(10), static_cast<unsigned>(places)) /
                     denominator(x);
    std::string digits = scaled.str();
    if (places == 0) return digits;
    if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, ".");
    return digits;
}

/// A field as Python's csv module writes it with ';': quoted when it holds ';' or '"'.
std::string cell(const std::string& s) {
    if (s.find_first_of(";\"") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

} // namespace

void write_pabulib(std::ostream& out, const profile& p) {
    const std::size_t n = p.candidate_count();
    if (n == 0) cannot("it has no projects");
    if (!p.budget || p.costs.size() != n)
        cannot("a Pabulib file declares the budget and every project's cost, and this profile has " +
               std::string(p.budget ? "no costs" : "no budget") + " (read it from a .pb file)");
    const char* vote_type = p.kind() == ballot_kind::approval ? "approval"
                            : p.kind() == ballot_kind::score  ? "scoring"
                                                              : "ordinal";
    if (!p.units().empty()) cannot("ballots are tagged with units, which a Pabulib file cannot record");
    // The reader trims fields and refuses control characters: a title it would change is refused.
    if (p.title != trim(p.title) ||
        std::any_of(p.title.begin(), p.title.end(), [](char c) { return (c >= 0 && c < 0x20) || c == 0x7f; }))
        cannot("the title has surrounding white space, a line break or a control character");
    if (p.total_count() > 100'000'000) cannot("more than 100,000,000 voters (one line each)");
    const auto budget = decimal(*p.budget);
    if (!budget) cannot("the budget " + to_string(*p.budget) + " has no exact decimal");
    std::vector<std::string> costs(n);
    for (cand_t c = 0; c < n; ++c) {
        const auto& id = p.candidate_name(c);
        if (p.withdrawn(c)) cannot("project '" + id + "' is withdrawn");
        if (id.empty() || id != trim(id) || id.find_first_of(",\r\n") != std::string::npos)
            cannot("project id '" + id + "' is empty, has surrounding white space, ',' or a line break");
        const auto cost = decimal(p.costs[c]);
        if (!cost)
            cannot("the cost " + to_string(p.costs[c]) + " of project '" + id + "' has no exact decimal");
        costs[c] = *cost;
    }
    // Each distinct ballot's vote (and points), checked before anything is written.
    std::vector<std::string> votes(p.unique_count()), points(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const std::string which = "ballot " + std::to_string(i + 1);
        if (b.weight && *b.weight != 1)
            cannot(which + " has weight " + to_string(*b.weight) + "; every voter counts once");
        std::int32_t prev = 0;
        for (const auto& m : b.marks) {
            if (m.candidate == k_overvote) cannot(which + " records an overvote");
            if (p.kind() == ballot_kind::ranking) {
                if (m.value == prev) cannot(which + " ranks two projects equal, which a vote cannot record");
                if (m.value != prev + 1) cannot(which + " skips a rank, which a vote cannot record");
                prev = m.value;
            }
            votes[i] += (votes[i].empty() ? "" : ",") + p.candidate_name(m.candidate);
            if (p.kind() == ballot_kind::score)
                points[i] += (points[i].empty() ? "" : ",") + std::to_string(m.value);
        }
    }
    const bool scored = p.kind() == ballot_kind::score;
    out << "META\nkey;value\n";
    if (!p.title.empty()) out << "description;" << cell(p.title) << '\n';
    out << "num_projects;" << n << "\nnum_votes;" << p.total_count().str() << "\nbudget;" << *budget
        << "\nvote_type;" << vote_type << "\nPROJECTS\nproject_id;cost\n";
    for (cand_t c = 0; c < n; ++c) out << cell(p.candidate_name(c)) << ';' << costs[c] << '\n';
    out << "VOTES\nvoter_id;vote" << (scored ? ";points" : "") << '\n';
    std::uint64_t voter = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const std::uint64_t count = p.ballot(i).count; // at most 100,000,000 in all
        for (std::uint64_t k = 0; k < count; ++k) {
            out << ++voter << ';' << cell(votes[i]);
            if (scored) out << ';' << points[i];
            out << '\n';
        }
    }
}

} // namespace detail
} // namespace v0
} // namespace accord
