// Pabulib reader: participatory budgeting instances (.pb files, pabulib.org).
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
        p.emplace(ids, kind == vote_kind::approval ? ballot_kind::approval
                       : kind == vote_kind::points ? ballot_kind::score
                                                   : ballot_kind::ranking);
        seen.resize(ids.size());
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

} // namespace detail
} // namespace v0
} // namespace accord
