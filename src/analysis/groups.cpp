// Results per group: the same count on each group's ballots and on all of them
// (include/accord/analysis/groups.hpp, docs/analysis.md "Results per group").
#include "accord/analysis/groups.hpp"

#include "accord/detail/reports.hpp"
#include "accord/error.hpp"
#include "accord/registry.hpp"

#include "json_options.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {
using namespace analysis_json;

profile profile_subset(const profile& p, const std::vector<std::size_t>& keep) {
    profile q(p.candidate_names(), p.kind());
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (p.withdrawn(c)) q.set_withdrawn(c);
    q.title = p.title;
    q.seats = p.seats;
    q.costs = p.costs;
    q.budget = p.budget;
    q.source_format = p.source_format;
    std::vector<std::uint32_t> unit_map(p.units().size(), k_no_unit);
    for (const std::size_t i : keep) {
        const auto b = p.ballot(i);
        std::uint32_t u = k_no_unit;
        if (b.unit != k_no_unit) {
            if (unit_map[b.unit] == k_no_unit) unit_map[b.unit] = q.intern_unit(p.units()[b.unit]);
            u = unit_map[b.unit];
        }
        q.add(b.marks, b.count, b.weight ? *b.weight : rational(1), u);
    }
    return q;
}

namespace {

struct ballot_groups {
    std::vector<std::string> ids, names;
    std::vector<std::vector<std::size_t>> ballots; ///< distinct ballot indices per group
};

// Each distinct ballot's group: its unit, or its unit's ancestor of kind `per` in `org`.
ballot_groups group_ballots(const profile& p, const organisation* org, const std::string& per) {
    std::size_t untagged = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        if (p.ballot(i).unit == k_no_unit) untagged += p.ballot(i).count;
    if (untagged)
        throw error(errc::invalid, "results per group: " + std::to_string(untagged) +
                                       " ballot(s) name no unit; every ballot needs one (a CSV's unit "
                                       "column, or --unit-column COL)");
    if (!org && per != "unit")
        throw error(errc::invalid, "results per group: per '" + per +
                                       "' needs an organisation whose units have that kind (--org FILE); "
                                       "without one, group per 'unit'");
    // Group key per profile unit: an index into the organisation, or the profile unit itself.
    std::vector<std::uint32_t> key(p.units().size());
    for (std::size_t k = 0; k < p.units().size(); ++k) {
        if (!org) {
            key[k] = static_cast<std::uint32_t>(k);
            continue;
        }
        const auto u = org->find(p.units()[k]);
        if (!u) throw error(errc::not_found, "ballot unit '" + p.units()[k] + "' is not in the organisation");
        if (per == "unit") {
            key[k] = *u;
            continue;
        }
        const auto a = org->ancestor(*u, per);
        if (a == k_no_parent) {
            const auto& kinds = org->kinds();
            if (std::find(kinds.begin(), kinds.end(), per) == kinds.end())
                throw error(errc::invalid, "results per group: the organisation has no units of kind '" +
                                               per + "' (per 'unit' or one of its kinds)");
            throw error(errc::invalid, "results per group: ballot unit '" + p.units()[k] + "' is not a " +
                                           per + " nor inside one");
        }
        key[k] = a;
    }
    std::map<std::uint32_t, std::size_t> index;
    ballot_groups g;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto k = key[p.ballot(i).unit];
        auto [it, fresh] = index.emplace(k, g.ballots.size());
        if (fresh) {
            g.ballots.emplace_back();
            g.ids.push_back(org ? (*org)[k].id : p.units()[k]);
            g.names.push_back(org ? (*org)[k].name : p.units()[k]);
        }
        g.ballots[it->second].push_back(i);
    }
    // Organisation order for organisation units (the order readers declared them), else the order
    // in which the profile first names each unit.
    if (org) {
        ballot_groups s; // `index` is ordered by organisation index
        for (const auto& [k, i] : index) {
            s.ids.push_back(std::move(g.ids[i]));
            s.names.push_back(std::move(g.names[i]));
            s.ballots.push_back(std::move(g.ballots[i]));
        }
        return s;
    }
    return g;
}

result count_once(const profile& p, const organisation* org, const group_count_options& opt) {
    if (opt.scheme) return run_weighted(p, *org, *opt.scheme, opt.rule, opt.rule_options, opt.aggregate);
    return run(p, opt.rule, opt.rule_options);
}

} // namespace

group_counts count_by_group(const profile& p, const organisation* org, const group_count_options& opt) {
    if (opt.rule.empty()) throw error(errc::invalid, "results per group: give the rule ('rule')");
    if (opt.per.empty())
        throw error(errc::invalid, "results per group: 'per' is empty; give 'unit' or a kind");
    if (opt.scheme && !org)
        throw error(errc::invalid,
                    "results per group: a weighting scheme needs an organisation (--org FILE)");
    if (opt.aggregate.mode == aggregation_mode::two_stage)
        throw error(errc::unsupported, "results per group: a two-stage count is already counted per group "
                                       "(its first stage); give mode pooled or normalised");
    if (!opt.scheme &&
        (opt.aggregate.mode != aggregation_mode::normalised || !opt.aggregate.level.empty() ||
         opt.aggregate.group_scheme || !opt.aggregate.inner.empty() || !opt.aggregate.outer.empty()))
        throw error(errc::invalid,
                    "results per group: 'mode', 'level' and 'group_scheme' weight ballots and need 'scheme'");
    const ballot_groups g = group_ballots(p, org, opt.per);
    group_counts out;
    out.overall = count_once(p, org, opt);
    out.groups.reserve(g.ballots.size());
    for (std::size_t k = 0; k < g.ballots.size(); ++k) {
        if (opt.progress && !opt.progress(k, g.ballots.size()))
            throw error(errc::cancelled, "results per group: cancelled after " + std::to_string(k) + " of " +
                                             std::to_string(g.ballots.size()) + " groups");
        group_count c;
        c.id = g.ids[k];
        c.name = g.names[k];
        const profile sub = profile_subset(p, g.ballots[k]);
        c.voters = sub.total_count();
        c.units = sub.units().size();
        try {
            c.outcome = count_once(sub, org, opt);
        } catch (const error& e) {
            if (e.code() == errc::cancelled || e.code() == errc::nomem) throw;
            c.error = e.what();
        }
        out.groups.push_back(std::move(c));
    }
    if (opt.progress) opt.progress(g.ballots.size(), g.ballots.size());
    return out;
}

group_count_options group_options_from_json(std::string_view text, bool* with_results) {
    const json j = parse_object(text, "results-per-group options");
    group_count_options o;
    bool results = true;
    std::string weighting_key; // a key that weights ballots, which needs "scheme"
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "rule")
            o.rule = text_of(v, k);
        else if (k == "rule_options")
            o.rule_options = rule_options_of(v, k);
        else if (k == "per")
            o.per = text_of(v, k);
        else if (k == "scheme")
            o.scheme = parse_scheme(text_of(v, k));
        else if (k == "mode" || k == "level" || k == "group_scheme" || k == "group_level") {
            weighting_key = k;
            if (k == "mode")
                o.aggregate.mode = parse_mode(text_of(v, k));
            else if (k == "level")
                o.aggregate.level = text_of(v, k);
            else if (k == "group_scheme")
                o.aggregate.group_scheme = parse_scheme(text_of(v, k));
            else
                o.aggregate.group_level = text_of(v, k);
        } else if (k == "results")
            results = bool_of(v, k);
        else
            throw error(errc::invalid, "unknown results-per-group option '" + k + "'");
    }
    if (!weighting_key.empty() && !o.scheme)
        throw error(errc::invalid, "results-per-group option '" + weighting_key +
                                       "' weights ballots by their units and needs 'scheme'");
    if (with_results) *with_results = results;
    return o;
}

namespace {
json groups_tree(const profile& p, const group_count_options& opt, const group_counts& g, bool with_results) {
    const auto& names = p.candidate_names();
    auto winner_names = [&](const result& r) {
        json w = json::array();
        for (const cand_t c : r.winners) w.push_back(names[c]);
        return w;
    };
    json settings = json::object();
    settings["rule"] = opt.rule;
    settings["rule_options"] = options_object(opt.rule_options);
    settings["per"] = opt.per;
    settings["scheme"] = opt.scheme ? json(scheme_name(*opt.scheme)) : json(nullptr);
    if (opt.scheme) settings["mode"] = mode_name(opt.aggregate.mode);
    json j = json::object();
    j["analysis"] = "groups";
    j["settings"] = settings;
    j["candidates"] = names;
    j["per"] = opt.per;
    json overall = json::object();
    overall["winners"] = winner_names(g.overall);
    if (with_results) overall["result"] = detail::result_report(g.overall);
    j["overall"] = overall;
    std::vector<std::size_t> wins(names.size(), 0);
    std::size_t agreeing = 0, failed = 0;
    json rows = json::array();
    for (const auto& c : g.groups) {
        json row = json::object();
        row["id"] = c.id;
        row["name"] = c.name;
        row["voters"] = c.voters.str();
        row["units"] = c.units;
        if (c.outcome) {
            const result& r = *c.outcome;
            row["winners"] = winner_names(r);
            row["ties_broken"] = !r.ties.empty();
            row["complete"] = r.complete;
            const bool agrees = r.winners == g.overall.winners;
            row["agrees"] = agrees;
            agreeing += agrees ? 1 : 0;
            for (const cand_t w : r.winners) ++wins[w];
            row["error"] = nullptr;
            if (with_results) row["result"] = detail::result_report(r);
        } else {
            ++failed;
            row["winners"] = json::array();
            row["ties_broken"] = false;
            row["complete"] = false;
            row["agrees"] = false;
            row["error"] = c.error;
        }
        rows.push_back(std::move(row));
    }
    j["groups"] = std::move(rows);
    json w = json::object();
    for (std::size_t c = 0; c < names.size(); ++c)
        if (wins[c]) w[names[c]] = wins[c];
    j["wins"] = std::move(w);
    j["agreeing"] = agreeing;
    j["counted"] = g.groups.size() - failed;
    j["failed"] = failed;
    return j;
}
} // namespace

std::string group_counts_json(const profile& p, const group_count_options& opt, const group_counts& g,
                              bool with_results, int indent) {
    return groups_tree(p, opt, g, with_results).dump(indent);
}

nlohmann::ordered_json detail::groups_report(const profile& p, const organisation* org,
                                             std::string_view options_json,
                                             const analysis_progress& progress) {
    bool with_results = true;
    auto o = group_options_from_json(options_json, &with_results);
    o.progress = progress;
    return groups_tree(p, o, count_by_group(p, org, o), with_results);
}

std::string analyse_groups(const profile& p, const organisation* org, std::string_view options_json,
                           const std::function<bool(std::size_t, std::size_t)>& progress) {
    return detail::groups_report(p, org, options_json, progress).dump();
}

} // namespace v0
} // namespace accord
