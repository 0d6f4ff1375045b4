// Motions: yes/no decisions under majorities of units, patients, groups or weights, with
// quorums, vetoes, observers and a casting vote; decision policies from JSON.
#include "accord/detail/safety.hpp"
#include "accord/motion.hpp"

#include "accord/weighting.hpp"

#include "csv_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace accord {
inline namespace v0 {

vote_choice parse_vote_choice(std::string_view text) {
    std::string t(text);
    for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    while (!t.empty() && (t.back() == ' ' || t.back() == '\r')) t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    if (t == "yes" || t == "y" || t == "for" || t == "aye") return vote_choice::yes;
    if (t == "no" || t == "n" || t == "against") return vote_choice::no;
    if (t == "abstain" || t == "abstention" || t == "abs") return vote_choice::abstain;
    throw error(errc::invalid, "unknown vote '" + std::string(text) + "' (expected yes, no or abstain)");
}

std::vector<unit_vote> read_votes_text(std::string_view text, std::string_view name,
                                       const std::string& unit_column, const std::string& vote_column) {
    std::optional<std::size_t> ui, vi;
    std::size_t ncols = 0, last = 0;
    std::vector<unit_vote> out;
    detail::for_each_csv_row(text, name, [&](std::size_t ln, const std::vector<std::string>& f) {
        last = ln;
        if (!ui) {
            ncols = f.size();
            for (std::size_t k = 0; k < f.size(); ++k) {
                if (f[k] == unit_column) ui = k;
                if (f[k] == vote_column) vi = k;
            }
            if (!ui || !vi)
                detail::csv_fail(name, ln,
                                 "expected a header with columns '" + unit_column + "' and '" + vote_column +
                                     "'");
            return;
        }
        if (f.size() != ncols)
            detail::csv_fail(
                name, ln, "expected " + std::to_string(ncols) + " fields, found " + std::to_string(f.size()));
        if (f[*ui].empty()) detail::csv_fail(name, ln, "empty unit id");
        try {
            out.push_back({f[*ui], parse_vote_choice(f[*vi])});
        } catch (const error& e) {
            detail::csv_fail(name, ln, e.detail());
        }
    });
    if (!ui)
        detail::csv_fail(name, last == 0 ? 1 : last,
                         "empty file; expected a header with '" + unit_column + "' and '" + vote_column +
                             "'");
    return out;
}

std::vector<unit_vote> read_votes(const std::filesystem::path& path, const std::string& unit_column,
                                  const std::string& vote_column) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "cannot open " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return read_votes_text(ss.str(), path.string(), unit_column, vote_column);
}

// ---------------------------------------------------------------------------------------------
// Rules and policies.

decision_rule preset_rule(std::string_view name) {
    decision_rule r;
    r.name = std::string(name);
    auto units = [](rational f, bool strict) {
        return majority_condition{"units", "units", std::move(f), strict, false, "pcn"};
    };
    auto pop = [](rational f, bool strict) {
        return majority_condition{"population", "population", std::move(f), strict, false, "pcn"};
    };
    if (name == "simple-majority")
        r.conditions = {units({1, 2}, true)};
    else if (name == "double-majority")
        r.conditions = {units({1, 2}, true), pop({1, 2}, true)};
    else if (name == "triple-majority")
        r.conditions = {
            units({1, 2}, true), pop({1, 2}, true), {"groups", "groups", {1, 2}, true, false, "pcn"}};
    else if (name == "two-thirds")
        r.conditions = {units({2, 3}, false)};
    else if (name == "three-quarters")
        r.conditions = {units({3, 4}, false)};
    else if (name == "75-75")
        r.conditions = {units({3, 4}, false), pop({3, 4}, false)};
    else if (name == "unanimity")
        r.conditions = {units(1, false)};
    else
        throw error(errc::invalid, "unknown decision rule '" + std::string(name) +
                                       "' (simple-majority, double-majority, triple-majority, two-thirds, "
                                       "three-quarters, 75-75, unanimity)");
    return r;
}

namespace {
using json = nlohmann::ordered_json;

rational fraction_of(const json& v, const std::string& where) {
    rational f;
    if (v.is_string())
        f = parse_rational(v.get<std::string>());
    else if (v.is_number_integer())
        f = rational(v.get<std::int64_t>());
    else if (v.is_number())
        f = parse_rational(v.dump());
    else
        throw error(errc::invalid,
                    where + " must be a fraction such as \"2/3\", got " + detail::json_excerpt(v));
    if (f < 0 || f > 1) throw error(errc::invalid, where + " must be between 0 and 1, got " + to_string(f));
    return f;
}

void only_keys(const json& j, std::initializer_list<const char*> keys, const std::string& where) {
    if (!j.is_object()) throw error(errc::invalid, where + " must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::find_if(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }) ==
            keys.end())
            throw error(errc::invalid, where + ": unknown key '" + it.key() + "'");
}

std::vector<std::string> strings(const json& v, const std::string& where) {
    if (!v.is_array()) throw error(errc::invalid, where + " must be a list of unit ids");
    std::vector<std::string> out;
    for (const auto& x : v) {
        if (!x.is_string()) throw error(errc::invalid, where + " must be a list of unit ids");
        out.push_back(x.get<std::string>());
    }
    return out;
}

decision_rule rule_from(const json& j, const std::string& where) {
    only_keys(j,
              {"name", "preset", "conditions", "quorum", "veto", "observers", "abstentions", "level",
               "description"},
              where);
    decision_rule r;
    if (j.contains("preset")) r = preset_rule(j["preset"].get<std::string>());
    if (j.contains("name")) r.name = j["name"].get<std::string>();
    if (j.contains("conditions")) {
        r.conditions.clear();
        if (!j["conditions"].is_array()) throw error(errc::invalid, where + ": 'conditions' must be a list");
        std::size_t k = 0;
        for (const auto& c : j["conditions"]) {
            const std::string cw = where + ": condition " + std::to_string(++k);
            only_keys(c, {"name", "basis", "fraction", "strict", "of", "group_level", "group_scheme"}, cw);
            majority_condition m;
            if (c.contains("basis")) m.basis = c["basis"].get<std::string>();
            if (m.basis != "units" && m.basis != "population" && m.basis != "groups" &&
                m.basis.rfind("weights:", 0) != 0)
                throw error(errc::invalid,
                            cw + ": basis must be units, population, groups or weights:SCHEME, got '" +
                                m.basis + "'");
            if (m.basis.rfind("weights:", 0) == 0) (void)parse_scheme(m.basis.substr(8));
            m.name = c.value("name", m.basis);
            if (c.contains("fraction")) m.fraction = fraction_of(c["fraction"], cw + ": fraction");
            if (c.contains("strict")) m.strict = c["strict"].get<bool>();
            if (c.contains("of")) {
                const auto of = c["of"].get<std::string>();
                if (of != "cast" && of != "eligible")
                    throw error(errc::invalid, cw + ": 'of' must be cast or eligible");
                m.of_eligible = of == "eligible";
            }
            if (c.contains("group_level")) m.group_level = c["group_level"].get<std::string>();
            if (c.contains("group_scheme")) {
                if (m.basis.rfind("weights:", 0) != 0)
                    throw error(errc::invalid, cw +
                                                   ": 'group_scheme' (two-level weighting) needs basis "
                                                   "weights:SCHEME, got '" +
                                                   m.basis + "'");
                m.group_scheme = c["group_scheme"].get<std::string>();
                (void)parse_scheme(m.group_scheme);
            }
            r.conditions.push_back(m);
        }
    }
    if (j.contains("quorum")) {
        only_keys(j["quorum"], {"units", "population"}, where + ": quorum");
        if (j["quorum"].contains("units"))
            r.quorum_units = fraction_of(j["quorum"]["units"], where + ": quorum units");
        if (j["quorum"].contains("population"))
            r.quorum_population = fraction_of(j["quorum"]["population"], where + ": quorum population");
    }
    if (j.contains("veto")) r.veto = strings(j["veto"], where + ": veto");
    if (j.contains("observers")) r.observers = strings(j["observers"], where + ": observers");
    if (j.contains("abstentions")) {
        const auto a = j["abstentions"].get<std::string>();
        if (a == "excluded")
            r.abstentions = abstention_rule::excluded;
        else if (a == "count-as-cast")
            r.abstentions = abstention_rule::count_as_cast;
        else
            throw error(errc::invalid, where + ": abstentions must be excluded or count-as-cast");
    }
    if (j.contains("level")) r.level = j["level"].get<std::string>();
    if (r.conditions.empty() && !r.quorum_units && !r.quorum_population && r.veto.empty())
        throw error(errc::invalid, where + ": a rule needs at least one condition");
    return r;
}

json parse_json(std::string_view text, const std::string& what) {
    return detail::parse_json<json>(text, what);
}

template <class F> auto typed(const std::string& where, F&& f) {
    try {
        return f();
    } catch (const json::exception& e) {
        throw error(errc::invalid, where + ": a value has the wrong type (" + e.what() + ")");
    }
}
} // namespace

decision_rule parse_decision_rule(std::string_view json_text) {
    const json j = parse_json(json_text, "decision rule");
    return typed("decision rule", [&] { return rule_from(j, "decision rule"); });
}

decision_rule policy_rule(std::string_view policy_json, std::string_view category) {
    const json j = parse_json(policy_json, "decision policy");
    return typed("decision policy", [&] {
        only_keys(j, {"name", "description", "categories"}, "decision policy");
        if (!j.contains("categories") || !j["categories"].is_object())
            throw error(errc::invalid, "decision policy: expected an object 'categories'");
        const auto& cats = j["categories"];
        if (!cats.contains(std::string(category))) {
            std::string known;
            for (auto it = cats.begin(); it != cats.end(); ++it)
                known += (known.empty() ? "" : ", ") + it.key();
            throw error(errc::not_found, "decision policy has no category '" + std::string(category) +
                                             "' (has: " + known + ")");
        }
        decision_rule r = rule_from(cats[std::string(category)],
                                    "decision policy: category '" + std::string(category) + "'");
        if (!cats[std::string(category)].contains("name")) r.name = std::string(category);
        return r;
    });
}

decision_rule decision_rule_from_json(std::string_view json_text, decision_rule fallback) {
    if (json_text.empty()) return fallback;
    const json r = parse_json(json_text, "rule");
    if (r.is_object() && r.contains("policy")) {
        if (!r.contains("category") || !r["category"].is_string())
            throw error(errc::invalid, "rule: a policy needs a \"category\" string");
        if (r.size() != 2) throw error(errc::invalid, "rule: with \"policy\" only \"category\" may be given");
        return policy_rule(r["policy"].dump(), r["category"].get<std::string>());
    }
    return typed("decision rule", [&] { return rule_from(r, "decision rule"); });
}

std::vector<unit_vote> unit_votes_from_json(std::string_view json_text) {
    const json j = parse_json(json_text, "votes");
    std::vector<unit_vote> out;
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (!it->is_string())
                throw error(errc::invalid, "votes: the vote of '" + it.key() + "' must be a string");
            out.push_back({it.key(), parse_vote_choice(it->get<std::string>())});
        }
    } else if (j.is_array()) {
        for (const auto& x : j) {
            if (!x.is_array() || x.size() != 2 || !x[0].is_string() || !x[1].is_string())
                throw error(errc::invalid, "votes: each entry must be [\"UNIT\", \"yes|no|abstain\"], got " +
                                               detail::json_excerpt(x));
            out.push_back({x[0].get<std::string>(), parse_vote_choice(x[1].get<std::string>())});
        }
    } else {
        throw error(errc::invalid, "votes must be a JSON object or list");
    }
    return out;
}

rule_power_options rule_power_options_from_json(std::string_view json_text) {
    rule_power_options o;
    if (json_text.empty()) return o;
    json j = parse_json(json_text, "options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    for (const char* key : {"unions_by", "level"}) {
        if (!j.contains(key)) continue;
        if (!j[key].is_string())
            throw error(errc::invalid, std::string("option '") + key + "' must be a string");
        (std::string(key) == "level" ? o.level : o.unions_by) = j[key].get<std::string>();
        j.erase(key);
    }
    o.power = power_options_from_json(j.dump());
    return o;
}

std::vector<std::string> policy_categories(std::string_view policy_json) {
    const json j = parse_json(policy_json, "decision policy");
    std::vector<std::string> out;
    if (j.contains("categories") && j["categories"].is_object())
        for (auto it = j["categories"].begin(); it != j["categories"].end(); ++it) out.push_back(it.key());
    return out;
}

// ---------------------------------------------------------------------------------------------
// Deciding.

namespace {

struct tally {
    std::uint64_t voters = 0, yes = 0, no = 0, abstain = 0;
    rational share(std::uint64_t k) const { return voters ? rational(k, voters) : rational(0); }
};

rational floor_of(const rational& r) { return rational(floor_int(r)); }
rational ceil_of(const rational& r) { return rational(ceil_int(r)); }

/// Who may vote on a motion: the units of the rule's level less the observers, and where each
/// eligible unit sits in `eligible` (and so in the tallies).
struct electorate {
    std::string level;
    std::set<std::uint32_t> observers;
    std::vector<std::uint32_t> eligible;
    std::map<std::uint32_t, std::size_t> pos;
};

electorate electorate_of(const organisation& org, const decision_rule& rule) {
    electorate el;
    el.level = rule.level.empty() ? org.kinds().front() : rule.level;
    const auto all = org.of_kind(el.level);
    if (all.empty()) throw error(errc::not_found, "decide: no units of kind '" + el.level + "'");
    for (const auto& id : rule.observers) {
        auto i = org.find(id);
        if (!i)
            throw error(errc::not_found, "decide: observer '" + id + "' is not a unit of the organisation");
        el.observers.insert(*i);
    }
    for (auto u : all)
        if (!el.observers.count(u)) {
            el.pos[u] = el.eligible.size();
            el.eligible.push_back(u);
        }
    if (el.eligible.empty()) throw error(errc::invalid, "decide: every unit is an observer");
    return el;
}

/// Each eligible unit's tally of its voters' choices; observers' votes are noted, not counted.
std::vector<tally> tally_votes(const organisation& org, const std::vector<unit_vote>& votes,
                               const electorate& el, decision& d) {
    std::vector<tally> t(el.eligible.size());
    std::size_t observer_votes = 0;
    for (const auto& v : votes) {
        auto i = org.find(v.unit);
        if (!i || org[*i].kind != el.level)
            throw error(errc::not_found, "decide: vote for '" + v.unit + "', which is not a " + el.level +
                                             " of the organisation");
        if (el.observers.count(*i)) {
            ++observer_votes;
            continue;
        }
        auto& x = t[el.pos.at(*i)];
        ++x.voters;
        if (v.choice == vote_choice::yes)
            ++x.yes;
        else if (v.choice == vote_choice::no)
            ++x.no;
        else
            ++x.abstain;
    }
    if (observer_votes)
        d.notes.push_back(std::to_string(observer_votes) + " vote(s) of observers not counted");
    return t;
}

/// The decision's vote totals: units and population yes, no, abstaining and absent (a unit with
/// several voters counts by the shares of its voters).
void add_totals(const organisation& org, const electorate& el, const std::vector<tally>& t, decision& d) {
    for (std::size_t k = 0; k < el.eligible.size(); ++k) {
        const rational pop(org[el.eligible[k]].population);
        const auto& x = t[k];
        d.yes_units += x.share(x.yes);
        d.no_units += x.share(x.no);
        d.abstain_units += x.share(x.abstain);
        d.yes_population += pop * x.share(x.yes);
        d.no_population += pop * x.share(x.no);
        d.abstain_population += pop * x.share(x.abstain);
        if (!x.voters) {
            d.absent_units += 1;
            d.absent_population += pop;
        }
    }
}

/// The quorum conditions of the rule: enough eligible units, and enough of their population, take part.
void add_quorums(const organisation& org, const electorate& el, const std::vector<tally>& t,
                 const decision_rule& rule, decision& d) {
    rational units_in(0), pop_in(0), pop_all(0);
    for (std::size_t k = 0; k < el.eligible.size(); ++k) {
        pop_all += org[el.eligible[k]].population;
        if (t[k].voters) {
            units_in += 1;
            pop_in += org[el.eligible[k]].population;
        }
    }
    auto quorum = [&](const char* name, const rational& have, const rational& all_of, const rational& q,
                      const char* unit) {
        condition_outcome c;
        c.name = name;
        c.base = all_of;
        c.have = have;
        c.need = ceil_of(q * all_of);
        c.passed = have >= q * all_of;
        c.detail = "at least " + to_string(q) + " of the eligible " + unit + " take part";
        d.conditions.push_back(c);
    };
    if (rule.quorum_units)
        quorum("quorum (units)", units_in, rational(static_cast<std::int64_t>(el.eligible.size())),
               *rule.quorum_units, "units");
    if (rule.quorum_population)
        quorum("quorum (population)", pop_in, pop_all, *rule.quorum_population, "patients");
}

/// One condition per veto holder: passed unless the holder voted no (more no than yes).
void add_vetoes(const organisation& org, const electorate& el, const std::vector<tally>& t,
                const decision_rule& rule, decision& d) {
    for (const auto& id : rule.veto) {
        auto i = org.find(id);
        if (!i || !el.pos.count(*i))
            throw error(errc::not_found, "decide: veto holder '" + id + "' is not a voting " + el.level);
        const auto& x = t[el.pos.at(*i)];
        condition_outcome c;
        c.name = "veto (" + id + ")";
        c.have = x.share(x.no);
        c.need = 0;
        c.base = 1;
        c.passed = !(x.no > x.yes);
        c.detail = c.passed ? "the veto holder did not vote no" : "the veto holder voted no";
        d.conditions.push_back(c);
    }
}

/// Yes, no and abstaining amounts of one majority's basis, and the eligible amount; `integral`
/// when the amounts are whole numbers (so the votes needed round).
struct basis_totals {
    rational yes{0}, no{0}, abstain{0}, eligible{0};
    bool integral = true;
};

/// A majority of groups: each group of kind m.group_level is one vote, yes when its units' yes
/// shares exceed their no shares; a group takes part when any unit voted (abstaining counts only
/// when abstentions count as cast).
basis_totals group_totals(const organisation& org, const electorate& el, const std::vector<tally>& t,
                          const majority_condition& m, bool abst_cast) {
    basis_totals b;
    std::map<std::uint32_t, std::pair<rational, rational>> groups; // yes, no (unit shares)
    std::map<std::uint32_t, rational> group_abst;
    for (std::size_t k = 0; k < el.eligible.size(); ++k) {
        const auto g = org.ancestor(el.eligible[k], m.group_level);
        if (g == k_no_parent)
            throw error(errc::not_found,
                        "decide: unit '" + org[el.eligible[k]].id + "' has no " + m.group_level);
        auto& gy = groups[g];
        gy.first += t[k].share(t[k].yes);
        gy.second += t[k].share(t[k].no);
        group_abst[g] += t[k].share(t[k].abstain);
    }
    for (const auto& [g, yn] : groups) {
        b.eligible += 1;
        const bool took_part = yn.first + yn.second > 0 || (abst_cast && group_abst[g] > 0);
        if (!took_part) continue;
        if (yn.first > yn.second)
            b.yes += 1;
        else
            b.no += 1;
    }
    return b;
}

/// A majority of units, of population or of a weighting scheme's shares ("weights:SCHEME").
basis_totals amount_totals(const organisation& org, const electorate& el, const std::vector<tally>& t,
                           const majority_condition& m) {
    basis_totals b;
    std::vector<rational> amount(el.eligible.size(), rational(1));
    if (m.basis == "population") {
        for (std::size_t k = 0; k < el.eligible.size(); ++k) amount[k] = org[el.eligible[k]].population;
    } else if (m.basis.rfind("weights:", 0) == 0) {
        const auto rep = condition_weights(org, el.eligible, m);
        for (std::size_t k = 0; k < el.eligible.size(); ++k) amount[k] = rep.units[k].share;
        b.integral = false;
    } else if (m.basis != "units") {
        throw error(errc::invalid, "decide: unknown basis '" + m.basis + "'");
    }
    for (std::size_t k = 0; k < el.eligible.size(); ++k) {
        b.yes += amount[k] * t[k].share(t[k].yes);
        b.no += amount[k] * t[k].share(t[k].no);
        b.abstain += amount[k] * t[k].share(t[k].abstain);
        b.eligible += amount[k];
    }
    return b;
}

/// The outcome of one majority condition on its basis totals, with the chair's casting vote on
/// an exact tie of a strict majority.
condition_outcome judge_majority(const majority_condition& m, const basis_totals& b, bool abst_cast,
                                 std::optional<vote_choice> casting) {
    condition_outcome c;
    c.name = m.name.empty() ? m.basis : m.name;
    const rational cast = b.yes + b.no + (abst_cast ? b.abstain : rational(0));
    c.base = m.of_eligible ? b.eligible : cast;
    const rational threshold = m.fraction * c.base;
    c.have = b.yes;
    c.passed = m.strict ? b.yes > threshold : b.yes >= threshold;
    if (b.integral)
        c.need = m.strict ? floor_of(threshold) + 1 : ceil_of(threshold);
    else
        c.need = threshold;
    if (c.base == 0) c.passed = false;
    c.detail = std::string(m.strict ? "more than " : "at least ") + to_string(m.fraction) + " of the " +
               (m.basis == "units"        ? "units"
                : m.basis == "population" ? "patients"
                : m.basis == "groups"     ? m.group_level + " groups"
                                          : "weight") +
               (m.of_eligible ? " eligible" : " voting");
    if (m.strict && c.base > 0 && b.yes == threshold && casting) {
        c.passed = *casting == vote_choice::yes;
        c.casting_vote_used = true;
        c.detail += "; exactly tied, decided by the chair's casting vote (" +
                    std::string(*casting == vote_choice::yes ? "yes" : "no") + ")";
    }
    return c;
}

} // namespace

decision decide(const organisation& org, const std::vector<unit_vote>& votes, const decision_rule& rule,
                std::optional<vote_choice> casting) {
    if (org.size() == 0) throw error(errc::invalid, "decide: the organisation is empty");
    if (rule.conditions.empty() && !rule.quorum_units && !rule.quorum_population && rule.veto.empty())
        throw error(errc::invalid, "decide: the rule has no conditions");
    const electorate el = electorate_of(org, rule);
    decision d;
    d.rule = rule.name;
    const auto t = tally_votes(org, votes, el, d);
    add_totals(org, el, t, d);
    const bool abst_cast = rule.abstentions == abstention_rule::count_as_cast;
    add_quorums(org, el, t, rule, d);
    add_vetoes(org, el, t, rule, d);
    for (const auto& m : rule.conditions) {
        const basis_totals b =
            m.basis == "groups" ? group_totals(org, el, t, m, abst_cast) : amount_totals(org, el, t, m);
        d.conditions.push_back(judge_majority(m, b, abst_cast, casting));
    }
    d.passed = std::all_of(d.conditions.begin(), d.conditions.end(),
                           [](const condition_outcome& c) { return c.passed; });
    return d;
}

std::string to_json(const decision& d, int indent) {
    nlohmann::ordered_json j;
    j["rule"] = d.rule;
    j["passed"] = d.passed;
    nlohmann::ordered_json cs = nlohmann::ordered_json::array();
    for (const auto& c : d.conditions) {
        nlohmann::ordered_json x;
        x["name"] = c.name;
        x["passed"] = c.passed;
        x["have"] = to_double(c.have);
        x["need"] = to_double(c.need);
        x["base"] = to_double(c.base);
        x["have_exact"] = to_string(c.have);
        x["need_exact"] = to_string(c.need);
        x["base_exact"] = to_string(c.base);
        x["short_by_exact"] = to_string(c.passed || c.need <= c.have ? rational(0) : c.need - c.have);
        x["detail"] = c.detail;
        x["casting_vote"] = c.casting_vote_used;
        cs.push_back(x);
    }
    j["conditions"] = cs;
    j["votes"] = {{"yes_units", to_string(d.yes_units)},
                  {"no_units", to_string(d.no_units)},
                  {"abstain_units", to_string(d.abstain_units)},
                  {"absent_units", to_string(d.absent_units)},
                  {"yes_population", to_string(d.yes_population)},
                  {"no_population", to_string(d.no_population)},
                  {"abstain_population", to_string(d.abstain_population)},
                  {"absent_population", to_string(d.absent_population)}};
    j["notes"] = d.notes;
    return j.dump(indent);
}

} // namespace v0
} // namespace accord
