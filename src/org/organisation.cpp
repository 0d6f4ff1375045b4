// Organisations: units, their tree, and reading them from CSV with located errors.
#include "accord/detail/safety.hpp"
#include "accord/organisation.hpp"

#include "csv_rows.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

namespace accord {
inline namespace v0 {

std::uint32_t organisation::add(org_unit u) {
    if (u.id.empty()) throw error(errc::invalid, "a unit needs an id");
    detail::check_name(u.id, "unit id");
    detail::check_name(u.name, "the name of unit '" + detail::text_excerpt(u.id) + "'");
    if (index_.count(u.id)) throw error(errc::invalid, "duplicate unit id '" + u.id + "'");
    if (u.parent != k_no_parent && u.parent >= units_.size())
        throw error(errc::invalid, "unit '" + u.id + "': parent index out of range");
    if (std::find(kinds_.begin(), kinds_.end(), u.kind) == kinds_.end()) kinds_.push_back(u.kind);
    const auto i = static_cast<std::uint32_t>(units_.size());
    index_.emplace(u.id, i);
    units_.push_back(std::move(u));
    return i;
}

void organisation::set_attribute(std::uint32_t i, const std::string& key, std::string value) {
    if (i >= units_.size()) throw error(errc::invalid, "set_attribute: unit index out of range");
    if (key.empty()) throw error(errc::invalid, "set_attribute: the attribute name (key) must not be empty");
    units_[i].attributes[key] = std::move(value);
}

void organisation::set_parent(std::uint32_t child, std::uint32_t parent) {
    if (child >= units_.size() || (parent != k_no_parent && parent >= units_.size()))
        throw error(errc::invalid, "set_parent: index out of range");
    for (std::uint32_t a = parent; a != k_no_parent; a = units_[a].parent)
        if (a == child)
            throw error(errc::invalid, "unit '" + units_[child].id + "' would be its own ancestor (a cycle)");
    units_[child].parent = parent;
}

std::optional<std::uint32_t> organisation::find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::uint32_t> organisation::of_kind(std::string_view kind) const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < units_.size(); ++i)
        if (units_[i].kind == kind) out.push_back(i);
    return out;
}

std::uint32_t organisation::ancestor(std::uint32_t i, std::string_view kind) const {
    for (std::uint32_t a = i; a != k_no_parent; a = units_.at(a).parent)
        if (units_[a].kind == kind) return a;
    return k_no_parent;
}

void organisation::sum_populations() {
    std::vector<char> is_parent(units_.size(), 0);
    for (const auto& u : units_)
        if (u.parent != k_no_parent) is_parent[u.parent] = 1;
    for (std::uint32_t i = 0; i < units_.size(); ++i)
        if (is_parent[i]) units_[i].population = 0;
    for (std::uint32_t i = 0; i < units_.size(); ++i)
        if (!is_parent[i])
            for (std::uint32_t a = units_[i].parent; a != k_no_parent; a = units_[a].parent)
                units_[a].population += units_[i].population;
}

void organisation::sort_kinds() {
    // Leaves first: kinds ordered by the depth of their units, deepest first.
    std::vector<std::pair<int, std::string>> by_depth;
    for (const auto& k : kinds_) {
        int d = 0;
        const auto members = of_kind(k);
        if (members.empty()) continue;
        for (std::uint32_t a = members.front(); units_[a].parent != k_no_parent; a = units_[a].parent) ++d;
        by_depth.emplace_back(-d, k);
    }
    std::stable_sort(by_depth.begin(), by_depth.end(), [](auto& a, auto& b) { return a.first < b.first; });
    kinds_.clear();
    for (auto& [d, k] : by_depth) kinds_.push_back(k);
}

organisation organisation::restricted(const std::vector<std::uint32_t>& leaves) const {
    std::vector<char> keep(units_.size(), 0);
    for (auto l : leaves)
        for (std::uint32_t a = l; a != k_no_parent && !keep[a]; a = units_[a].parent) keep[a] = 1;
    organisation out;
    std::vector<std::uint32_t> map(units_.size(), k_no_parent);
    // Parents first, so indices stay valid: add in an order where each unit follows its parent.
    std::vector<std::uint32_t> order;
    std::vector<int> depth(units_.size(), 0);
    for (std::uint32_t i = 0; i < units_.size(); ++i) {
        if (!keep[i]) continue;
        for (std::uint32_t a = units_[i].parent; a != k_no_parent; a = units_[a].parent) ++depth[i];
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return depth[a] < depth[b]; });
    for (auto i : order) {
        org_unit u = units_[i];
        u.parent = u.parent == k_no_parent ? k_no_parent : map[u.parent];
        map[i] = out.add(std::move(u));
    }
    out.sort_kinds();
    out.sum_populations();
    out.provenance_ = provenance_;
    return out;
}

namespace detail {

void csv_fail(std::string_view file, std::size_t line, const std::string& msg) {
    throw error(errc::parse, msg, source_location{std::string(file), line, 0});
}

std::vector<std::string> split_csv_line(std::string_view line, std::string_view file, std::size_t ln) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    cur += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cur += c;
            }
        } else if (c == '"' && cur.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            out.push_back(std::move(cur));
            cur.clear();
            was_quoted = false;
        } else {
            cur += c;
        }
    }
    if (quoted) csv_fail(file, ln, "unterminated quoted field; expected a closing '\"'");
    out.push_back(std::move(cur));
    for (auto& f : out) {
        while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
        std::size_t s = 0;
        while (s < f.size() && f[s] == ' ') ++s;
        f.erase(0, s);
    }
    return out;
}

} // namespace detail

namespace {

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& msg) {
    detail::csv_fail(file, line, msg);
}

std::uint64_t population_of(const std::string& s, std::string_view file, std::size_t ln) {
    if (s.empty()) return 0;
    if (s[0] == '-') fail(file, ln, "negative population '" + s + "'; expected a whole number >= 0");
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range)
        throw error(errc::overflow, "population '" + s + "' is too large",
                    source_location{std::string(file), ln, 0});
    if (ec != std::errc() || p != s.data() + s.size())
        fail(file, ln, "population '" + s + "' is not a whole number");
    return v;
}

// Issue 13: a typo in --within ("NOPE") used to drop silently; every id must name a unit.
void check_within(const std::set<std::string>& within, const std::set<std::string>& seen,
                  std::string_view file) {
    for (const auto& w : within)
        if (!seen.count(w))
            throw error(errc::not_found, "option 'within': no unit or group has the id '" + w + "'",
                        source_location{std::string(file), 0, 0});
}

// The generic layout honours 'within' (keep the leaves under these ids) and 'min_population'
// (leave out leaves below it), as the NHS layout does; the groups' populations then become the
// sums of the leaves kept.
organisation filter_generic(organisation org, std::string_view file, const org_csv_options& opt) {
    if (opt.within.empty() && opt.min_population == 0) return org;
    const std::set<std::string> within(opt.within.begin(), opt.within.end());
    std::set<std::string> seen;
    for (const auto& u : org.units()) seen.insert(u.id);
    check_within(within, seen, file);
    std::vector<char> is_parent(org.size(), 0);
    for (const auto& u : org.units())
        if (u.parent != k_no_parent) is_parent[u.parent] = 1;
    std::vector<std::uint32_t> leaves;
    for (std::uint32_t i = 0; i < org.size(); ++i) {
        if (is_parent[i] || org[i].population < opt.min_population) continue;
        bool inside = within.empty();
        for (std::uint32_t a = i; a != k_no_parent && !inside; a = org[a].parent)
            inside = within.count(org[a].id) > 0;
        if (inside) leaves.push_back(i);
    }
    if (leaves.empty()) fail(file, 1, "no units left after 'within' and 'min_population'");
    return org.restricted(leaves);
}

} // namespace

organisation read_organisation_text(std::string_view text, std::string_view file,
                                    const org_csv_options& opt) {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    std::vector<std::string> header;
    detail::for_each_csv_row(text, file, [&](std::size_t ln, std::vector<std::string> f) {
        if (header.empty())
            header = std::move(f);
        else
            rows.emplace_back(ln, std::move(f));
    });
    if (header.empty()) fail(file, 1, "empty file; expected a header row");
    auto col = [&](const std::string& name) -> std::size_t {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return SIZE_MAX;
    };
    auto need = [&](const std::string& name) {
        auto c = col(name);
        if (c == SIZE_MAX) fail(file, 1, "no column named '" + name + "' in the header");
        return c;
    };
    organisation org;
    const bool generic = col("id") != SIZE_MAX && col("parent") != SIZE_MAX;
    if (generic) {
        // Issue 13: every option honoured or refused. A generic file has no "Unallocated" PCN.
        if (opt.unallocated_given)
            throw error(errc::invalid,
                        "option 'unallocated' applies to NHS England practice files, not to the generic "
                        "organisation file '" +
                            std::string(file) + "' (it has no Unallocated PCN code)");
        const auto c_id = need("id"), c_parent = need("parent");
        const auto c_name = col("name"), c_kind = col("kind"), c_pop = col("population");
        std::vector<std::pair<std::size_t, std::string>> parents;
        for (auto& [line, f] : rows) {
            if (f.size() > header.size()) fail(file, line, "more fields than the header has columns");
            f.resize(header.size());
            org_unit u;
            u.id = f[c_id];
            if (u.id.empty()) fail(file, line, "empty id");
            if (org.find(u.id)) fail(file, line, "duplicate unit id '" + u.id + "'");
            u.name = c_name == SIZE_MAX || f[c_name].empty() ? u.id : f[c_name];
            if (auto bad = detail::check_name_text(u.id)) fail(file, line, "unit id " + bad->reason);
            if (auto bad = detail::check_name_text(u.name)) fail(file, line, "unit name " + bad->reason);
            u.kind = c_kind == SIZE_MAX ? "unit" : f[c_kind];
            u.population = c_pop == SIZE_MAX ? 0 : population_of(f[c_pop], file, line);
            for (std::size_t c = 0; c < header.size(); ++c)
                if (c != c_id && c != c_parent && c != c_name && c != c_kind && c != c_pop)
                    u.attributes[header[c]] = f[c];
            org.add(std::move(u));
            parents.emplace_back(line, f[c_parent]);
        }
        for (std::uint32_t i = 0; i < parents.size(); ++i) {
            const auto& [line, pid] = parents[i];
            if (pid.empty()) continue;
            auto p = org.find(pid);
            if (!p) fail(file, line, "unknown parent '" + pid + "'");
            try {
                org.set_parent(i, *p);
            } catch (const error& e) {
                fail(file, line, e.detail());
            }
        }
        // Groups with no population of their own take their members' sum.
        bool any_group_pop = false;
        std::vector<char> is_parent(org.size(), 0);
        for (const auto& u : org.units())
            if (u.parent != k_no_parent) is_parent[u.parent] = 1;
        for (std::uint32_t i = 0; i < org.size(); ++i)
            if (is_parent[i] && org[i].population) any_group_pop = true;
        if (!any_group_pop) org.sum_populations();
        org.sort_kinds();
        if (org.size() == 0) fail(file, 1, "no units: the file has a header and no unit rows");
        return filter_generic(std::move(org), file, opt);
    }
    // NHS-style: one row per leaf, parent levels in columns.
    const auto c_id = need(opt.id_column), c_pop = need(opt.population_column);
    const auto c_name = col(opt.name_column);
    struct lv {
        std::size_t id, name;
    };
    std::vector<lv> levels;
    for (const auto& l : opt.levels) {
        auto ci = col(l.id_column);
        if (ci == SIZE_MAX) continue; // a level the file does not have
        levels.push_back({ci, col(l.name_column)});
    }
    std::vector<const org_csv_options::level*> level_spec;
    for (const auto& l : opt.levels)
        if (col(l.id_column) != SIZE_MAX) level_spec.push_back(&l);
    // Groups first (top level down), so each leaf's parents exist.
    organisation tmp;
    std::vector<std::uint32_t> leaves;
    std::set<std::string> within(opt.within.begin(), opt.within.end());
    std::set<std::string> seen_ids; // every unit and group id in the file, to check --within
    for (auto& [line, f] : rows) {
        if (f.size() > header.size()) fail(file, line, "more fields than the header has columns");
        f.resize(header.size());
        const std::string& id = f[c_id];
        if (id.empty()) fail(file, line, "empty " + opt.id_column);
        if (!within.empty()) {
            seen_ids.insert(id);
            for (const auto& l : levels) seen_ids.insert(f[l.id]);
        }
        const std::uint64_t pop = population_of(f[c_pop], file, line);
        if (pop < opt.min_population) continue;
        // Resolve the chain of groups, top first.
        bool unallocated = !levels.empty() && f[levels[0].id] == opt.unallocated_code;
        if (unallocated && opt.unallocated == unallocated_policy::exclude) continue;
        if (!within.empty()) {
            bool inside = within.count(id) > 0;
            for (const auto& l : levels) inside = inside || within.count(f[l.id]) > 0;
            if (!inside) continue;
        }
        std::uint32_t parent = k_no_parent;
        for (std::size_t k = levels.size(); k-- > 0;) {
            std::string gid = f[levels[k].id];
            if (gid.empty()) continue;
            std::string gname = levels[k].name == SIZE_MAX ? gid : f[levels[k].name];
            if (k == 0 && unallocated && opt.unallocated == unallocated_policy::own_group) {
                gid = "U:" + id; // the practice stands as a group of its own
                gname = (c_name == SIZE_MAX ? id : f[c_name]) + " (unallocated)";
            }
            auto g = tmp.find(gid);
            if (!g) {
                org_unit u;
                u.id = gid;
                u.name = gname;
                u.kind = level_spec[k]->kind;
                u.parent = parent;
                g = tmp.add(std::move(u));
            }
            // A group whose members lie under different parents (a few PCNs span two sub-ICBs
            // in NHS England's mapping) stays under the parent of its first member; each
            // leaf keeps its own codes in its attributes.
            parent = *g;
        }
        if (tmp.find(id)) fail(file, line, "duplicate " + opt.id_column + " '" + id + "'");
        org_unit leaf;
        leaf.id = id;
        leaf.name = c_name == SIZE_MAX ? id : f[c_name];
        leaf.kind = opt.leaf_kind;
        leaf.parent = parent;
        leaf.population = pop;
        for (std::size_t c = 0; c < header.size(); ++c) leaf.attributes[header[c]] = f[c];
        leaves.push_back(tmp.add(std::move(leaf)));
    }
    check_within(within, seen_ids, file);
    if (rows.empty()) fail(file, 1, "no units: the file has a header and no unit rows");
    if (leaves.empty()) fail(file, 1, "no units read (check the filters and the columns)");
    // An NHS practice file made by join_nhs_practice_files carries its two extract dates in
    // every row; when each is one date throughout, the organisation keeps it.
    for (const char* key : {"mapping_extract_date", "list_size_extract_date"}) {
        const auto c = col(key);
        if (c == SIZE_MAX || rows.empty()) continue;
        const std::string& first = rows.front().second[c];
        if (!first.empty() &&
            std::all_of(rows.begin(), rows.end(), [&](const auto& r) { return r.second[c] == first; }))
            tmp.set_provenance(key, first);
    }
    // Order kinds leaves first, then the levels nearest first.
    organisation out = tmp.restricted(leaves);
    return out;
}

org_csv_options org_csv_options_from_json(std::string_view text, std::string* list_sizes) {
    org_csv_options o;
    if (text.empty()) return o;
    const nlohmann::json j = detail::parse_json(text, "options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    auto str = [](const nlohmann::json& v, const std::string& key) {
        if (!v.is_string()) throw error(errc::invalid, "option '" + key + "' must be a string");
        return v.get<std::string>();
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        if (k == "within") {
            if (!it->is_array()) throw error(errc::invalid, "option 'within' must be a list of ids");
            for (const auto& x : *it) o.within.push_back(str(x, k));
        } else if (k == "unallocated") {
            const auto v = str(*it, k);
            if (v == "own-group")
                o.unallocated = unallocated_policy::own_group;
            else if (v == "exclude")
                o.unallocated = unallocated_policy::exclude;
            else if (v == "keep")
                o.unallocated = unallocated_policy::keep;
            else
                throw error(errc::invalid,
                            "option 'unallocated' must be own-group, exclude or keep, got \"" + v + "\"");
            o.unallocated_given = true;
        } else if (k == "min_population") {
            if (!it->is_number_unsigned())
                throw error(errc::invalid, "option 'min_population' must be a whole number");
            o.min_population = it->get<std::uint64_t>();
        } else if (k == "list_sizes") {
            if (!list_sizes) throw error(errc::invalid, "option 'list_sizes' is not taken here");
            *list_sizes = str(*it, k);
            if (list_sizes->empty()) throw error(errc::invalid, "option 'list_sizes' must name a file");
        } else {
            throw error(errc::invalid, "unknown organisation option '" + k + "'");
        }
    }
    return o;
}

organisation read_organisation(const std::filesystem::path& path, const org_csv_options& opt) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "cannot open the file", source_location{path.string(), 0, 0});
    std::ostringstream s;
    s << in.rdbuf();
    return read_organisation_text(s.str(), path.string(), opt);
}

} // namespace v0
} // namespace accord
