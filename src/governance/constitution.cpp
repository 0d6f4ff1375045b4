// Reading a constitution JSON with located errors, and checking it (accord/governance.hpp).
#include "accord/detail/safety.hpp"
#include "accord/governance.hpp"

#include "governance_internal.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace accord {
inline namespace v0 {

using json = nlohmann::ordered_json;
namespace gd = governance_detail;

// ---- small helpers ---------------------------------------------------------------------------

namespace governance_detail {

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

namespace {
struct scanner {
    std::string_view t;
    std::size_t i = 0;
    void ws() {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    }
    std::string string() { // at '"'
        std::string out;
        ++i;
        while (i < t.size() && t[i] != '"') {
            if (t[i] == '\\' && i + 1 < t.size()) {
                out += t[i + 1]; // escapes only matter for matching plain keys
                i += 2;
                continue;
            }
            out += t[i++];
        }
        ++i;
        return out;
    }
    void skip() {
        ws();
        if (i >= t.size()) return;
        if (t[i] == '"') {
            string();
            return;
        }
        if (t[i] == '{' || t[i] == '[') {
            int depth = 0;
            while (i < t.size()) {
                const char c = t[i];
                if (c == '"') {
                    string();
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                if (c == '}' || c == ']') {
                    --depth;
                    if (depth == 0) {
                        ++i;
                        return;
                    }
                }
                ++i;
            }
            return;
        }
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']') ++i;
    }
};
} // namespace

std::size_t locate_line(std::string_view text, std::string_view pointer) {
    std::vector<std::string> tokens;
    for (std::size_t p = 0; p < pointer.size();) {
        if (pointer[p] != '/') return 0;
        const std::size_t q = pointer.find('/', p + 1);
        const std::string_view raw =
            pointer.substr(p + 1, q == std::string_view::npos ? std::string_view::npos : q - p - 1);
        std::string tok; // RFC 6901: "~1" is '/', "~0" is '~'
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
                tok += raw[k + 1] == '1' ? '/' : '~';
                ++k;
            } else {
                tok += raw[k];
            }
        }
        tokens.push_back(std::move(tok));
        p = q == std::string_view::npos ? pointer.size() : q;
    }
    scanner s{text};
    for (const auto& tok : tokens) {
        s.ws();
        if (s.i >= text.size()) return 0;
        if (text[s.i] == '{') {
            ++s.i;
            bool found = false;
            while (true) {
                s.ws();
                if (s.i >= text.size() || text[s.i] != '"') return 0;
                const std::string key = s.string();
                s.ws();
                if (s.i >= text.size() || text[s.i] != ':') return 0;
                ++s.i;
                if (key == tok) {
                    found = true;
                    break;
                }
                s.skip();
                s.ws();
                if (s.i < text.size() && text[s.i] == ',') {
                    ++s.i;
                    continue;
                }
                return 0;
            }
            if (!found) return 0;
        } else if (text[s.i] == '[') {
            ++s.i;
            std::size_t want = 0;
            try {
                want = static_cast<std::size_t>(std::stoul(tok));
            } catch (...) {
                return 0;
            }
            for (std::size_t k = 0; k < want; ++k) {
                s.skip();
                s.ws();
                if (s.i >= text.size() || text[s.i] != ',') return 0;
                ++s.i;
            }
        } else {
            return 0;
        }
    }
    s.ws();
    return line_of_offset(text, s.i);
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[k] < '0' || s[k] > '9') return false;
    const int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
              d = std::stoi(std::string(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string add_days(const std::string& iso, int days) {
    using namespace std::chrono;
    const year_month_day ymd{year{std::stoi(iso.substr(0, 4))},
                             month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                             day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
    const year_month_day out{sys_days{ymd} + std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(out.year()),
                  static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()));
    return buf;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "cannot open '" + path + "'");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw error(errc::io, "cannot read '" + path + "'");
    return ss.str();
}

json parse_json(const std::string& text, const std::string& name) {
    // Nesting deeper than any constitution needs is refused before parsing: freeing a deep
    // document recurses once per level.
    detail::check_json_depth(text, "the constitution", errc::parse, {name, 1, 0});
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        std::string msg = e.what();
        if (auto k = msg.find(": "); k != std::string::npos && msg.rfind("[json.exception", 0) == 0)
            msg = msg.substr(k + 2);
        throw error(errc::parse, "not valid JSON: " + msg,
                    {name, line_of_offset(text, e.byte ? e.byte - 1 : 0), 0});
    }
}

} // namespace governance_detail

const char* voting_right_name(voting_right v) noexcept {
    switch (v) {
    case voting_right::full:
        return "full";
    case voting_right::observer:
        return "observer";
    case voting_right::casting:
        return "casting";
    }
    return "full";
}

const body* constitution::find_body(std::string_view id) const {
    for (const auto& b : bodies)
        if (b.id == id) return &b;
    return nullptr;
}
const category* constitution::find_category(std::string_view id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}
const grouping* constitution::find_grouping(std::string_view id) const {
    for (const auto& g : groupings)
        if (g.id == id) return &g;
    return nullptr;
}

// ---- reading ---------------------------------------------------------------------------------

namespace {

// Reads one JSON document into the model, throwing errc::parse at the JSON path's line.
struct reader {
    const std::string& text;
    std::string file;

    [[noreturn]] void fail(const std::string& path, const std::string& msg, errc code = errc::parse) const {
        throw error(code, (path.empty() ? std::string("/") : path) + ": " + msg,
                    {file, gd::locate_line(text, path), 0});
    }
    void keys(const json& j, const std::string& path, std::initializer_list<const char*> allowed) const {
        if (!j.is_object()) fail(path, "expected an object");
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) {
                std::string list;
                for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(path + "/" + it.key(), "unknown key '" + it.key() + "' (known: " + list + ")");
            }
        }
    }
    std::string str(const json& j, const std::string& path, const char* key, bool required) const {
        if (!j.contains(key)) {
            if (required) fail(path, std::string("missing '") + key + "'");
            return "";
        }
        if (!j[key].is_string()) fail(path + "/" + key, "expected a string");
        std::string s = j[key].get<std::string>();
        if (required && s.empty()) fail(path + "/" + key, std::string("'") + key + "' is empty");
        return s;
    }
    std::string date(const json& j, const std::string& path, const char* key, bool required) const {
        std::string s = str(j, path, key, required);
        if (!s.empty() && !gd::is_iso_date(s))
            fail(path + "/" + key, "'" + s + "' is not a date written YYYY-MM-DD");
        return s;
    }
    bool boolean(const json& j, const std::string& path, const char* key, bool def) const {
        if (!j.contains(key)) return def;
        if (!j[key].is_boolean()) fail(path + "/" + key, "expected true or false");
        return j[key].get<bool>();
    }
    const json& array(const json& j, const std::string& path, const char* key) const {
        static const json empty = json::array();
        if (!j.contains(key)) return empty;
        if (!j[key].is_array()) fail(path + "/" + key, "expected an array");
        return j[key];
    }
    decision_rule rule(const json& j, const std::string& path) const {
        if (!j.is_object() && !j.is_string()) fail(path, "expected a rule object or a preset name");
        try {
            if (j.is_string()) return preset_rule(j.get<std::string>());
            return parse_decision_rule(j.dump());
        } catch (const error& e) {
            fail(path, e.detail());
        }
    }
};

} // namespace

constitution read_constitution(const std::filesystem::path& path, bool validate) {
    constitution c;
    c.source = path;
    c.source_text = gd::read_file(path.string());
    const reader r{c.source_text, path.string()};
    const json j = gd::parse_json(c.source_text, path.string());
    r.keys(j, "",
           {"name", "version", "adopted", "review_by", "organisation", "groupings", "bodies", "sovereign",
            "categories", "delegations", "sub_delegation", "description"});
    c.name = r.str(j, "", "name", true);
    c.version = r.str(j, "", "version", true);
    c.adopted = r.date(j, "", "adopted", false);
    c.review_by = r.date(j, "", "review_by", true);

    // The organisation: an NHS practice file (or generic organisation CSV) with a filter.
    if (!j.contains("organisation")) r.fail("", "missing 'organisation'");
    const json& o = j["organisation"];
    r.keys(o, "/organisation", {"file", "within"});
    const std::string org_file = r.str(o, "/organisation", "file", true);
    c.organisation_file = std::filesystem::path(org_file).is_absolute() ? std::filesystem::path(org_file)
                                                                        : path.parent_path() / org_file;
    const json& within = r.array(o, "/organisation", "within");
    for (std::size_t k = 0; k < within.size(); ++k) {
        if (!within[k].is_string()) r.fail("/organisation/within/" + std::to_string(k), "expected a unit id");
        c.within.push_back(within[k].get<std::string>());
    }
    org_csv_options oo;
    oo.within = c.within;
    try {
        c.org = read_organisation(c.organisation_file, oo);
    } catch (const error& e) {
        if (e.code() == errc::io)
            r.fail("/organisation/file",
                   "cannot read the organisation file '" + c.organisation_file.string() + "'", errc::io);
        throw;
    }
    std::map<std::string, std::string> dates;
    for (const auto& u : c.org.units())
        for (const char* col : {"mapping_extract_date", "list_size_extract_date"})
            if (auto it = u.attributes.find(col); it != u.attributes.end() && !it->second.empty()) {
                auto& d = dates[col];
                if (d.empty() || it->second > d) d = it->second;
            }
    for (const auto& [k, v] : dates) c.snapshot_dates.push_back(k + "=" + v);

    // Groupings: the organisation's own levels, then the local ones.
    const auto leaves =
        c.org.kinds().empty() ? std::vector<std::uint32_t>{} : c.org.of_kind(c.org.kinds().front());
    const std::string leaf_kind = c.org.kinds().empty() ? "practice" : c.org.kinds().front();
    for (std::size_t k = 1; k < c.org.kinds().size(); ++k)
        for (auto gi : c.org.of_kind(c.org.kinds()[k])) {
            grouping g{c.org[gi].id, c.org[gi].kind, c.org[gi].name, {}, 0, false};
            for (auto li : leaves)
                if (c.org.ancestor(li, g.kind) == gi) {
                    g.members.push_back(c.org[li].id);
                    g.population += c.org[li].population;
                }
            c.groupings.push_back(std::move(g));
        }
    const json& gs = r.array(j, "", "groupings");
    for (std::size_t k = 0; k < gs.size(); ++k) {
        const std::string p = "/groupings/" + std::to_string(k);
        r.keys(gs[k], p, {"id", "kind", "name", "members", "description"});
        grouping g;
        g.local = true;
        g.id = r.str(gs[k], p, "id", true);
        g.kind = r.str(gs[k], p, "kind", true);
        g.name = r.str(gs[k], p, "name", false);
        if (c.find_grouping(g.id) || c.org.find(g.id))
            r.fail(p + "/id", "the id '" + g.id + "' is already used");
        if (!gs[k].contains("members")) r.fail(p, "missing 'members' (\"all\" or a list of practice ids)");
        const json& m = gs[k]["members"];
        if (m.is_string() && m.get<std::string>() == "all") {
            for (auto li : leaves) g.members.push_back(c.org[li].id);
        } else if (m.is_array()) {
            std::set<std::string> seen;
            for (std::size_t q = 0; q < m.size(); ++q) {
                const std::string mp = p + "/members/" + std::to_string(q);
                if (!m[q].is_string()) r.fail(mp, "expected a practice id");
                const std::string id = m[q].get<std::string>();
                const auto u = c.org.find(id);
                if (!u || c.org[*u].kind != leaf_kind)
                    r.fail(mp, "'" + id + "' is not a " + leaf_kind + " of the organisation");
                if (!seen.insert(id).second) r.fail(mp, "'" + id + "' is listed twice");
                g.members.push_back(id);
            }
        } else {
            r.fail(p + "/members", "expected \"all\" or a list of practice ids");
        }
        for (const auto& id : g.members) g.population += c.org[*c.org.find(id)].population;
        c.groupings.push_back(std::move(g));
    }

    const json& bs = r.array(j, "", "bodies");
    for (std::size_t k = 0; k < bs.size(); ++k) {
        const std::string p = "/bodies/" + std::to_string(k);
        r.keys(bs[k], p, {"id", "name", "members_of", "seats", "description"});
        body b;
        b.id = r.str(bs[k], p, "id", true);
        b.name = r.str(bs[k], p, "name", false);
        if (c.find_body(b.id)) r.fail(p + "/id", "a body '" + b.id + "' is already defined");
        b.members_of = r.str(bs[k], p, "members_of", false);
        if (!b.members_of.empty() && bs[k].contains("seats"))
            r.fail(p, "a body has either 'members_of' (every practice of a grouping) or 'seats', not both");
        if (b.members_of.empty() && !bs[k].contains("seats"))
            r.fail(p, "a body needs 'members_of' or 'seats'");
        const json& ss = r.array(bs[k], p, "seats");
        std::set<std::string> seat_ids;
        for (std::size_t q = 0; q < ss.size(); ++q) {
            const std::string sp = p + "/seats/" + std::to_string(q);
            r.keys(ss[q], sp, {"id", "holder", "represents", "vote", "term_start", "term_end"});
            seat s;
            s.id = r.str(ss[q], sp, "id", true);
            if (!seat_ids.insert(s.id).second)
                r.fail(sp + "/id", "a seat '" + s.id + "' is already defined in this body");
            s.holder = r.str(ss[q], sp, "holder", false);
            s.represents = r.str(ss[q], sp, "represents", true);
            const std::string v = ss[q].contains("vote") ? r.str(ss[q], sp, "vote", true) : "full";
            if (v == "full")
                s.vote = voting_right::full;
            else if (v == "observer" || v == "non-voting")
                s.vote = voting_right::observer;
            else if (v == "casting")
                s.vote = voting_right::casting;
            else
                r.fail(sp + "/vote", "'" + v + "' is not a voting right (full, observer, casting)");
            s.term_start = r.date(ss[q], sp, "term_start", false);
            s.term_end = r.date(ss[q], sp, "term_end", false);
            b.seats.push_back(std::move(s));
        }
        c.bodies.push_back(std::move(b));
    }
    c.sovereign = r.str(j, "", "sovereign", true);

    const json& cs = r.array(j, "", "categories");
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const std::string p = "/categories/" + std::to_string(k);
        r.keys(cs[k], p, {"id", "description", "reserved", "delegable", "rule", "method", "method_options"});
        category cat;
        cat.id = r.str(cs[k], p, "id", true);
        if (c.find_category(cat.id)) r.fail(p + "/id", "a category '" + cat.id + "' is already defined");
        cat.description = r.str(cs[k], p, "description", false);
        cat.reserved = r.boolean(cs[k], p, "reserved", false);
        cat.delegable = r.boolean(cs[k], p, "delegable", true);
        if (!cs[k].contains("rule"))
            r.fail(p, "missing 'rule' (the rule the sovereign body decides '" + cat.id + "' by)");
        cat.rule = r.rule(cs[k]["rule"], p + "/rule");
        if (cat.rule.name.empty()) cat.rule.name = cat.id;
        cat.method = r.str(cs[k], p, "method", false);
        if (cs[k].contains("method_options")) {
            if (!cs[k]["method_options"].is_object()) r.fail(p + "/method_options", "expected an object");
            cat.method_options = cs[k]["method_options"].dump();
        }
        c.categories.push_back(std::move(cat));
    }

    const json& ds = r.array(j, "", "delegations");
    for (std::size_t k = 0; k < ds.size(); ++k) {
        const std::string p = "/delegations/" + std::to_string(k);
        r.keys(ds[k], p,
               {"category", "from", "to", "rule", "limit", "valid_from", "valid_until", "description"});
        delegation d;
        d.category = r.str(ds[k], p, "category", true);
        d.from = r.str(ds[k], p, "from", true);
        d.to = r.str(ds[k], p, "to", true);
        if (!ds[k].contains("rule")) r.fail(p, "missing 'rule' (the rule '" + d.to + "' decides by)");
        d.rule = r.rule(ds[k]["rule"], p + "/rule");
        if (d.rule.name.empty()) d.rule.name = d.category;
        if (ds[k].contains("limit")) {
            const json& l = ds[k]["limit"];
            try {
                if (l.is_string())
                    d.limit = parse_rational(l.get<std::string>());
                else if (l.is_number_integer())
                    d.limit = rational(l.get<std::int64_t>());
                else
                    r.fail(p + "/limit", "expected an amount (a whole number or a string such as \"50000\")");
            } catch (const error& e) {
                r.fail(p + "/limit", e.detail());
            }
        }
        d.valid_from = r.date(ds[k], p, "valid_from", false);
        d.valid_until = r.date(ds[k], p, "valid_until", false);
        c.delegations.push_back(std::move(d));
    }
    const json& sd = r.array(j, "", "sub_delegation");
    for (std::size_t k = 0; k < sd.size(); ++k) {
        const std::string p = "/sub_delegation/" + std::to_string(k);
        r.keys(sd[k], p, {"from", "to"});
        c.sub_delegation.emplace_back(r.str(sd[k], p, "from", true), r.str(sd[k], p, "to", true));
    }

    if (validate)
        for (const auto& f :
             check_constitution(c, gd::today_utc())) // only errors stop it; they do not depend on the date
            if (f.error) throw error(errc::invalid, f.path + ": " + f.message, {path.string(), f.line, 0});
    return c;
}

// ---- checking --------------------------------------------------------------------------------

std::vector<finding> check_constitution(const constitution& c, const std::string& as_of) {
    if (!gd::is_iso_date(as_of))
        throw error(errc::invalid, "the date '" + as_of + "' is not written YYYY-MM-DD");
    std::vector<finding> out;
    auto add = [&](bool err, const std::string& path, const std::string& msg) {
        out.push_back({err, path, gd::locate_line(c.source_text, path), msg});
    };
    auto unit_known = [&](const std::string& id) { return c.find_grouping(id) || c.org.find(id); };

    if (!c.find_body(c.sovereign))
        add(true, "/sovereign",
            "the sovereign body '" + c.sovereign + "' is not defined, so no category has a decider");
    else if (c.find_body(c.sovereign)->members_of.empty())
        add(false, "/sovereign",
            "the sovereign body '" + c.sovereign + "' is a body of seats, not of every practice");
    if (c.categories.empty())
        add(true, "/categories", "no decision categories: the scheme of delegation is empty");

    for (std::size_t k = 0; k < c.bodies.size(); ++k) {
        const body& b = c.bodies[k];
        const std::string p = "/bodies/" + std::to_string(k);
        if (!b.members_of.empty()) {
            const grouping* g = c.find_grouping(b.members_of);
            if (!g)
                add(true, p + "/members_of", "'" + b.members_of + "' is not a grouping");
            else if (g->members.empty())
                add(true, p + "/members_of", "the grouping '" + b.members_of + "' has no members");
            continue;
        }
        std::size_t voting = 0, casting = 0;
        for (std::size_t q = 0; q < b.seats.size(); ++q) {
            const seat& s = b.seats[q];
            const std::string sp = p + "/seats/" + std::to_string(q);
            if (!unit_known(s.represents))
                add(true, sp + "/represents",
                    "seat '" + s.id + "' represents '" + s.represents +
                        "', which is neither a grouping nor a practice");
            if (s.vote != voting_right::observer) ++voting;
            if (s.vote == voting_right::casting) ++casting;
            if (!s.term_start.empty() && !s.term_end.empty() && s.term_end < s.term_start)
                add(true, sp + "/term_end",
                    "seat '" + s.id + "': the term ends (" + s.term_end + ") before it starts (" +
                        s.term_start + ")");
            if (!s.term_end.empty() && s.term_end < as_of)
                add(false, sp + "/term_end",
                    "seat '" + s.id + "' of '" + b.id + "' (" + (s.holder.empty() ? "vacant" : s.holder) +
                        "): the term ended on " + s.term_end);
            else if (!s.term_end.empty() && s.term_end <= gd::add_days(as_of, 90))
                add(false, sp + "/term_end",
                    "seat '" + s.id + "' of '" + b.id + "': the term ends on " + s.term_end +
                        ", within 90 days");
            if (s.holder.empty()) add(false, sp, "seat '" + s.id + "' of '" + b.id + "' is vacant");
        }
        if (voting == 0) add(true, p + "/seats", "body '" + b.id + "' has no voting seat");
        if (casting > 1)
            add(true, p + "/seats",
                "body '" + b.id + "' gives a casting vote to " + std::to_string(casting) +
                    " seats; at most one chair has it");
    }

    for (std::size_t k = 0; k < c.delegations.size(); ++k) {
        const delegation& d = c.delegations[k];
        const std::string p = "/delegations/" + std::to_string(k);
        const category* cat = c.find_category(d.category);
        if (!cat) {
            add(true, p + "/category", "'" + d.category + "' is not a category of the scheme");
            continue;
        }
        if (!c.find_body(d.from)) add(true, p + "/from", "'" + d.from + "' is not a body");
        if (!c.find_body(d.to)) add(true, p + "/to", "'" + d.to + "' is not a body");
        if (d.from == d.to) add(true, p + "/to", "'" + d.from + "' delegates '" + d.category + "' to itself");
        if (cat->reserved)
            add(true, p,
                "'" + d.category + "' is a reserved matter: only '" + c.sovereign +
                    "' may decide it, it cannot be delegated");
        if (d.from != c.sovereign) {
            if (!cat->delegable)
                add(true, p + "/from",
                    "'" + d.category + "' cannot be delegated further: '" + d.from +
                        "' must decide it itself");
            const bool right =
                std::any_of(c.sub_delegation.begin(), c.sub_delegation.end(),
                            [&](const auto& sd) { return sd.first == d.from && sd.second == d.to; });
            if (!right)
                add(true, p + "/from",
                    "'" + d.from + "' has no right to sub-delegate to '" + d.to +
                        "' (list it in sub_delegation)");
            const bool holds =
                std::any_of(c.delegations.begin(), c.delegations.end(),
                            [&](const delegation& e) { return e.category == d.category && e.to == d.from; });
            if (!holds)
                add(true, p + "/from",
                    "'" + d.from + "' passes on '" + d.category + "', which nobody delegated to it");
        }
        if (d.limit && sign(*d.limit) < 0) add(true, p + "/limit", "the limit is negative");
        if (!d.valid_from.empty() && !d.valid_until.empty() && d.valid_until < d.valid_from)
            add(true, p + "/valid_until", "the delegation ends before it starts");
        if (!d.valid_until.empty() && d.valid_until < as_of)
            add(false, p + "/valid_until",
                "the delegation of '" + d.category + "' to '" + d.to + "' lapsed on " + d.valid_until);
        for (std::size_t q = 0; q < k; ++q) {
            const delegation& e = c.delegations[q];
            const bool overlap =
                (e.valid_until.empty() || d.valid_from.empty() || d.valid_from <= e.valid_until) &&
                (d.valid_until.empty() || e.valid_from.empty() || e.valid_from <= d.valid_until);
            if (e.category == d.category && e.from == d.from && overlap)
                add(true, p,
                    "'" + d.from + "' delegates '" + d.category + "' twice (also delegation " +
                        std::to_string(q) + "), so who decides is ambiguous");
        }
    }
    // Cycles: per category, the graph from -> to must have none.
    for (const auto& cat : c.categories) {
        std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> next;
        for (std::size_t k = 0; k < c.delegations.size(); ++k)
            if (c.delegations[k].category == cat.id)
                next[c.delegations[k].from].emplace_back(c.delegations[k].to, k);
        std::map<std::string, int> state; // 1 = on the path, 2 = done
        std::vector<std::string> path;
        bool reported = false;
        std::function<void(const std::string&)> dfs = [&](const std::string& b) {
            state[b] = 1;
            path.push_back(b);
            for (const auto& [to, k] : next[b]) {
                if (reported) break;
                if (state[to] == 1) {
                    std::string cyc;
                    auto it = std::find(path.begin(), path.end(), to);
                    for (; it != path.end(); ++it) cyc += *it + " -> ";
                    add(true, "/delegations/" + std::to_string(k),
                        "delegation cycle for '" + cat.id + "': " + cyc + to);
                    reported = true;
                } else if (state[to] == 0) {
                    dfs(to);
                }
            }
            path.pop_back();
            state[b] = 2;
        };
        for (const auto& [from, _] : next)
            if (!reported && state[from] == 0) dfs(from);
    }
    for (std::size_t k = 0; k < c.sub_delegation.size(); ++k) {
        const auto& [from, to] = c.sub_delegation[k];
        const std::string p = "/sub_delegation/" + std::to_string(k);
        if (!c.find_body(from)) add(true, p + "/from", "'" + from + "' is not a body");
        if (!c.find_body(to)) add(true, p + "/to", "'" + to + "' is not a body");
    }
    if (!c.review_by.empty() && c.review_by < as_of)
        add(false, "/review_by",
            "the constitution was due for review on " + c.review_by + " (version " + c.version + ")");
    std::stable_sort(out.begin(), out.end(),
                     [](const finding& a, const finding& b) { return a.error > b.error; });
    return out;
}

std::string to_json(const std::vector<finding>& fs, int indent) {
    json a = json::array();
    for (const auto& f : fs)
        a.push_back({{"severity", f.error ? "error" : "warning"},
                     {"path", f.path},
                     {"line", f.line},
                     {"message", f.message}});
    return a.dump(indent);
}

} // namespace v0
} // namespace accord
