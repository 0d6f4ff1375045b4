// The analyses with strictly checked JSON options and JSON reports: what the C API, Python and
// the CLI call (include/accord/analysis/interface.hpp).
#include "accord/analysis/interface.hpp"
#include "accord/detail/reports.hpp"

#include "accord/error.hpp"

#include "json_options.hpp"
#include "split.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {
using namespace analysis_json;
namespace {

std::string level_of(const organisation& org, const std::string& level) {
    if (!level.empty()) return level;
    if (org.kinds().empty()) throw error(errc::invalid, "analysis: the organisation has no units");
    return org.kinds().front();
}

const char* sampler_name(population_sampler s) {
    switch (s) {
    case population_sampler::population_noise:
        return "population";
    case population_sampler::simplex:
        return "simplex";
    case population_sampler::dirichlet:
        return "dirichlet";
    case population_sampler::bootstrap:
        return "bootstrap";
    }
    return "population";
}
} // namespace

// ---- options -------------------------------------------------------------------------------

population_smaa_options smaa_options_from_json(std::string_view text) {
    const json j = parse_object(text, "SMAA options");
    population_smaa_options o;
    bool sigma_in_sampler = false, alpha_in_sampler = false;
    if (j.contains("sampler")) {
        // "population[:SIGMA]", "simplex", "dirichlet[:ALPHA]", "bootstrap" (the CLI's spelling).
        const std::string s = text_of(j["sampler"], "sampler");
        const auto colon = s.find(':');
        const std::string name = s.substr(0, colon);
        const bool has_arg = colon != std::string::npos;
        if (name == "population" || name == "population_noise") {
            o.sampler = population_sampler::population_noise;
            if (has_arg)
                o.sigma =
                    number_of(std::string_view(s).substr(colon + 1), "the population noise in '" + s + "'");
            sigma_in_sampler = has_arg;
        } else if (name == "dirichlet") {
            o.sampler = population_sampler::dirichlet;
            if (has_arg)
                o.alpha =
                    number_of(std::string_view(s).substr(colon + 1), "the Dirichlet alpha in '" + s + "'");
            alpha_in_sampler = has_arg;
        } else if ((name == "simplex" || name == "bootstrap") && !has_arg) {
            o.sampler = name == "simplex" ? population_sampler::simplex : population_sampler::bootstrap;
        } else {
            throw error(errc::invalid,
                        "option 'sampler' must be population[:SIGMA], simplex, dirichlet[:ALPHA] or "
                        "bootstrap, got '" +
                            s + "'");
        }
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "sampler") continue;
        if (k == "rule")
            o.rule = text_of(v, k);
        else if (k == "rule_options")
            o.rule_options = rule_options_of(v, k);
        else if (k == "scheme")
            o.scheme = parse_scheme(text_of(v, k));
        else if (k == "mode")
            o.mode = parse_mode(text_of(v, k));
        else if (k == "level")
            o.level = text_of(v, k);
        else if (k == "group_level")
            o.group_level = text_of(v, k);
        else if (k == "group_scheme")
            o.group_scheme = parse_scheme(text_of(v, k));
        else if (k == "sigma") {
            if (o.sampler != population_sampler::population_noise || sigma_in_sampler)
                throw error(errc::invalid, "option 'sigma' applies to the population sampler, once");
            o.sigma = number_of(v, k);
        } else if (k == "alpha") {
            if (o.sampler != population_sampler::dirichlet || alpha_in_sampler)
                throw error(errc::invalid, "option 'alpha' applies to the dirichlet sampler, once");
            o.alpha = number_of(v, k);
        } else if (monte_carlo_key(k, v, o.monte_carlo) || analysis_detail::split_key(k, v, o.monte_carlo))
            continue;
        else if (k == "resolution")
            o.resolution = whole_of(v, k);
        else
            throw error(errc::invalid, "unknown SMAA option '" + k + "'");
    }
    return o;
}

namespace {
constexpr const char* k_sweep_cells_format = "accord-sweep-cells";

/// A split sweep's parts ({"format": "accord-sweep-cells", "version": 1, "first", "last",
/// "cells": [{"error", "ranking", "winners"}]}), contiguous from cell 0, as one list of cells.
std::vector<sweep_cell> sweep_cells_of(const json& parts) {
    if (!parts.is_array())
        throw error(errc::invalid, "option 'counted' must be an array of sweep parts, in cell order");
    std::vector<sweep_cell> cells;
    try {
        for (const auto& part : parts) {
            if (!part.is_object() || part.value("format", "") != k_sweep_cells_format ||
                part.value("version", 0) != 1)
                throw error(errc::invalid, "option 'counted': not a part of a split sweep (format "
                                           "accord-sweep-cells, version 1)");
            const auto first = part.at("first").get<std::size_t>(), last = part.at("last").get<std::size_t>();
            if (first != cells.size() || last <= first || part.at("cells").size() != last - first)
                throw error(errc::invalid, "option 'counted': the part of cells [" + std::to_string(first) +
                                               ", " + std::to_string(last) + ") does not follow cell " +
                                               std::to_string(cells.size()) +
                                               " (parts must be contiguous, in cell order)");
            for (const auto& c : part.at("cells")) {
                sweep_cell x;
                if (!c.at("error").is_null()) x.error = c.at("error").get<std::string>();
                x.ranking = c.at("ranking").get<std::vector<std::vector<cand_t>>>();
                x.winners = c.at("winners").get<std::vector<cand_t>>();
                cells.push_back(std::move(x));
            }
        }
    } catch (const json::exception& e) {
        throw error(errc::invalid, std::string("option 'counted': malformed sweep part: ") + e.what());
    }
    return cells;
}

json sweep_cells_part(const sweep_options& opt, const std::vector<sweep_entry>& rows) {
    json cells = json::array();
    for (const auto& e : rows)
        cells.push_back({{"error", e.error.empty() ? json() : json(e.error)},
                         {"ranking", e.count.ranking},
                         {"winners", e.count.winners}});
    json j;
    j["format"] = k_sweep_cells_format;
    j["version"] = 1;
    j["first"] = opt.cells->first;
    j["last"] = opt.cells->second;
    j["cells"] = std::move(cells);
    return j;
}
} // namespace

sweep_options sweep_options_from_json(std::string_view text) {
    const json j = parse_object(text, "sweep options");
    sweep_options o;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "rules")
            o.rules = names_of(v, k);
        else if (k == "schemes") {
            o.schemes.clear();
            for (const auto& s : names_of(v, k)) o.schemes.push_back(parse_scheme(s));
        } else if (k == "group_schemes") {
            // "none" keeps the one-level weighting among the cells.
            o.group_schemes.clear();
            for (const auto& s : names_of(v, k))
                o.group_schemes.push_back(s == "none" ? std::optional<weighting_scheme>() : parse_scheme(s));
        } else if (k == "modes") {
            o.modes.clear();
            for (const auto& m : names_of(v, k)) o.modes.push_back(parse_mode(m));
        } else if (k == "rule_options")
            o.rule_options = rule_options_of(v, k);
        else if (k == "level")
            o.level = text_of(v, k);
        else if (k == "group_level")
            o.group_level = text_of(v, k);
        else if (k == "cells") {
            if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() || !v[1].is_number_unsigned())
                throw error(errc::invalid, "option 'cells' must be [first, last], two cell numbers");
            o.cells.emplace(v[0].get<std::size_t>(), v[1].get<std::size_t>());
        } else if (k == "counted")
            o.counted = std::make_shared<const std::vector<sweep_cell>>(sweep_cells_of(v));
        else
            throw error(errc::invalid, "unknown sweep option '" + k + "'");
    }
    if (o.cells && o.counted) throw error(errc::invalid, "give option 'cells' or 'counted', not both");
    return o;
}

tipping_options tipping_options_from_json(std::string_view text) {
    const json j = parse_object(text, "tipping options");
    tipping_options o;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "rule")
            o.rule = text_of(v, k);
        else if (k == "rule_options")
            o.rule_options = rule_options_of(v, k);
        else if (k == "scheme")
            o.scheme = parse_scheme(text_of(v, k));
        else if (k == "mode")
            o.aggregation.mode = parse_mode(text_of(v, k));
        else if (k == "level")
            o.aggregation.level = text_of(v, k);
        else if (k == "group_level")
            o.aggregation.group_level = text_of(v, k);
        else if (k == "group_scheme")
            o.aggregation.group_scheme = parse_scheme(text_of(v, k));
        else if (k == "quantity") {
            const auto q = text_of(v, k);
            if (q == "weight")
                o.quantity = tipping_quantity::weight;
            else if (q == "population")
                o.quantity = tipping_quantity::population;
            else
                bad(k, "\"weight\" or \"population\"", q);
        } else if (k == "max_factor")
            o.max_factor = exact_of(v, k);
        else if (k == "tolerance")
            o.tolerance = exact_of(v, k);
        else if (k == "steps_per_doubling")
            o.steps_per_doubling = static_cast<unsigned>(std::min<std::uint64_t>(whole_of(v, k), 1000));
        else
            throw error(errc::invalid, "unknown tipping option '" + k + "'");
    }
    // Two-stage counts run the rule inside each group and across groups, as in a sweep
    // (run_weighted's defaults).
    return o;
}

// ---- reports -------------------------------------------------------------------------------

namespace {
json smaa_report_tree(const profile& p, const organisation& org, const population_smaa_options& opt,
                      const acceptability& a) {
    const std::string level = level_of(org, opt.level);
    json settings;
    settings["rule"] = opt.rule;
    settings["rule_options"] = options_object(opt.rule_options);
    settings["scheme"] = scheme_name(opt.scheme);
    settings["mode"] = mode_name(opt.mode);
    settings["level"] = level;
    if (opt.mode == aggregation_mode::two_stage || opt.group_scheme)
        settings["group_level"] = opt.group_level;
    settings["group_scheme"] = opt.group_scheme ? json(scheme_name(*opt.group_scheme)) : json();
    settings["sampler"] = sampler_name(opt.sampler);
    if (opt.sampler == population_sampler::population_noise) settings["sigma"] = opt.sigma;
    if (opt.sampler == population_sampler::dirichlet) settings["alpha"] = opt.alpha;
    settings["seed"] = opt.monte_carlo.seed;
    settings["resolution"] = opt.resolution;

    std::vector<std::string> units;
    for (const auto u : population_smaa_units(p, org, level)) units.push_back(org[u].id);
    json j;
    j["analysis"] = "smaa";
    j["samples"] = a.samples;
    j["settings"] = std::move(settings);
    j["candidates"] = p.candidate_names();
    j["units"] = units;
    put_acceptability(j, p.candidate_names(), a, units);
    j["incomplete"] = a.incomplete;
    return j;
}

} // namespace

std::string smaa_report_json(const profile& p, const organisation& org, const population_smaa_options& opt,
                             const acceptability& a, int indent) {
    return smaa_report_tree(p, org, opt, a).dump(indent);
}

namespace {
json sweep_report_tree(const profile& p, const sweep_options& opt, const std::vector<sweep_entry>& rows) {
    json settings;
    settings["rules"] = opt.rules;
    json schemes = json::array(), modes = json::array();
    for (const auto& s : opt.schemes) schemes.push_back(scheme_name(s));
    for (auto m : opt.modes) modes.push_back(mode_name(m));
    settings["schemes"] = std::move(schemes);
    json group_schemes = json::array();
    for (const auto& g : opt.group_schemes) group_schemes.push_back(g ? scheme_name(*g) : "none");
    settings["group_schemes"] = std::move(group_schemes);
    settings["modes"] = std::move(modes);
    settings["rule_options"] = options_object(opt.rule_options);
    settings["level"] = opt.level;
    settings["group_level"] = opt.group_level;

    json table = json::parse(sweep_json(rows));
    json winners = json::array();
    std::vector<char> moved(p.candidate_count(), 0);
    for (const auto& e : rows) {
        if (!e.count.winners.empty()) {
            const std::string w = e.count.candidates.at(e.count.winners.front());
            if (std::find(winners.begin(), winners.end(), w) == winners.end()) winners.push_back(w);
        }
        for (cand_t c : e.vs_baseline.moved) moved.at(c) = 1;
    }
    json movers = json::array();
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (moved[c]) movers.push_back(p.candidate_names()[c]);
    json failed = json::array();
    for (const auto& e : rows)
        if (!e.error.empty())
            failed.push_back({{"scheme", e.scheme},
                              {"group_scheme", e.group_scheme.empty() ? json() : json(e.group_scheme)},
                              {"aggregation", mode_name(e.mode)},
                              {"rule", e.rule},
                              {"error", e.error}});
    json j;
    j["analysis"] = "sweep";
    j["settings"] = std::move(settings);
    j["candidates"] = p.candidate_names();
    for (const auto& row : table)
        if (row["error"].is_null()) {
            j["baseline"] = {{"scheme", row["scheme"]},
                             {"group_scheme", row["group_scheme"]},
                             {"aggregation", row["aggregation"]},
                             {"rule", row["rule"]}};
            break;
        }
    j["rows"] = std::move(table);
    j["winners"] = std::move(winners);
    j["movers"] = std::move(movers);
    j["failed"] = std::move(failed);
    return j;
}

} // namespace

std::string sweep_report_json(const profile& p, const sweep_options& opt,
                              const std::vector<sweep_entry>& rows, int indent) {
    return sweep_report_tree(p, opt, rows).dump(indent);
}

namespace {
json tipping_report_tree(const organisation& org, const tipping_options& opt, const tipping_result& r) {
    const bool by_weight = r.quantity == tipping_quantity::weight;
    const rational tolerance = by_weight ? opt.tolerance : rational(1);
    json settings;
    settings["rule"] = opt.rule;
    settings["rule_options"] = options_object(opt.rule_options);
    settings["scheme"] = scheme_name(opt.scheme);
    settings["mode"] = mode_name(opt.aggregation.mode);
    settings["level"] = level_of(org, opt.aggregation.level);
    if (opt.aggregation.mode == aggregation_mode::two_stage || opt.aggregation.group_scheme)
        settings["group_level"] = opt.aggregation.group_level;
    settings["group_scheme"] =
        opt.aggregation.group_scheme ? json(scheme_name(*opt.aggregation.group_scheme)) : json();
    settings["quantity"] = by_weight ? "weight" : "population";
    settings["max_factor"] = to_double(opt.max_factor);
    settings["max_factor_exact"] = to_string(opt.max_factor);
    settings["steps_per_doubling"] = opt.steps_per_doubling;
    settings["tolerance"] = to_double(tolerance);
    settings["tolerance_exact"] = to_string(tolerance);

    json parsed = json::parse(tipping_json(r));
    json units = json::array();
    for (std::size_t i = 0; i < r.units.size(); ++i) {
        const auto& tp = r.units[i];
        json u = parsed["units"][i];
        if (const auto k = org.find(tp.unit)) {
            u["name"] = org[*k].name;
            u["population"] = org[*k].population;
        }
        u["baseline_exact"] = to_string(tp.baseline);
        for (const char* side : {"up", "down"}) {
            const auto& b = std::string(side) == "up" ? tp.up : tp.down;
            if (!b) continue;
            const rational change = b->changed - tp.baseline, width = abs(b->changed - b->same);
            u[side]["change"] = to_double(change);
            u[side]["change_exact"] = to_string(change);
            u[side]["width_exact"] = to_string(width);
        }
        units.push_back(std::move(u));
    }
    json j;
    j["analysis"] = "tipping";
    j["settings"] = std::move(settings);
    j["baseline_winner"] = r.baseline_winner;
    j["quantity"] = by_weight ? "weight" : "population";
    j["units"] = std::move(units);
    return j;
}

} // namespace

std::string tipping_report_json(const organisation& org, const tipping_options& opt, const tipping_result& r,
                                int indent) {
    return tipping_report_tree(org, opt, r).dump(indent);
}

// ---- defaults -------------------------------------------------------------------------------

// Also {"weights": {"scheme", "group_level"}, "run": {"scheme", "mode", "group_level"}}: what an
// absent scheme, level or mode means for accord weights / accord_weights() / Organisation.weights
// and weighted counts; the default scheme is the first of scheme_table().
std::string analysis_defaults_json(int indent) {
    const sweep_options sw;
    const population_smaa_options sm;
    const tipping_options tp;
    json schemes = json::array(), modes = json::array();
    for (const auto& s : sw.schemes) schemes.push_back(scheme_name(s));
    for (auto m : sw.modes) modes.push_back(mode_name(m));
    json j;
    j["weights"] = {{"scheme", scheme_table().front().name}, {"group_level", k_default_group_level}};
    j["run"] = {{"scheme", scheme_table().front().name},
                {"mode", k_default_analysis_mode},
                {"group_level", k_default_group_level}};
    j["sweep"] = {{"rules", sw.rules},
                  {"schemes", schemes},
                  {"group_schemes", json::array({"none"})},
                  {"modes", modes},
                  {"group_level", sw.group_level}};
    j["smaa"] = {{"scheme", scheme_name(sm.scheme)},
                 {"mode", mode_name(sm.mode)},
                 {"group_level", sm.group_level},
                 {"sampler", sampler_name(sm.sampler)},
                 {"sigma", sm.sigma},
                 {"samples", sm.monte_carlo.samples},
                 {"seed", sm.monte_carlo.seed},
                 {"resolution", sm.resolution}};
    j["tipping"] = {{"scheme", scheme_name(tp.scheme)},
                    {"mode", mode_name(tp.aggregation.mode)},
                    {"group_level", tp.aggregation.group_level},
                    {"quantity", tp.quantity == tipping_quantity::weight ? "weight" : "population"},
                    {"max_factor", to_string(tp.max_factor)},
                    {"tolerance", to_string(tp.tolerance)},
                    {"steps_per_doubling", tp.steps_per_doubling}};
    return j.dump(indent);
}

// ---- parse, run, print ---------------------------------------------------------------------

nlohmann::ordered_json detail::smaa_report(const profile& p, const organisation& org,
                                           std::string_view options_json, const analysis_progress& progress) {
    auto o = smaa_options_from_json(options_json);
    o.monte_carlo.progress = progress;
    analysis_detail::check_split(o.monte_carlo, "smaa");
    const auto a = population_smaa(p, org, o);
    // A block range of a split run (accord.dask) reports its blocks' sums, not a report.
    if (o.monte_carlo.split && !o.monte_carlo.split->total)
        return analysis_detail::block_part(o.monte_carlo, "smaa");
    return smaa_report_tree(p, org, o, a);
}

nlohmann::ordered_json detail::sweep_report(const profile& p, const organisation& org,
                                            std::string_view options_json,
                                            const analysis_progress& progress) {
    auto o = sweep_options_from_json(options_json);
    o.progress = progress;
    if (o.counted)
        for (const auto& c : *o.counted) {
            for (const auto& tier : c.ranking)
                for (cand_t x : tier)
                    if (x >= p.candidate_count())
                        throw error(errc::invalid,
                                    "option 'counted': a candidate number beyond the profile's");
            for (cand_t x : c.winners)
                if (x >= p.candidate_count())
                    throw error(errc::invalid, "option 'counted': a candidate number beyond the profile's");
        }
    const auto rows = sweep(p, org, o);
    // A cell range of a split sweep (accord.dask) reports its cells' counts, not a report.
    if (o.cells) return sweep_cells_part(o, rows);
    return sweep_report_tree(p, o, rows);
}

nlohmann::ordered_json detail::tipping_report(const profile& p, const organisation& org,
                                              std::string_view options_json,
                                              const analysis_progress& progress) {
    auto o = tipping_options_from_json(options_json);
    o.progress = progress;
    return tipping_report_tree(org, o, tipping_points(p, org, o));
}

std::string analyse_smaa(const profile& p, const organisation& org, std::string_view options_json,
                         const analysis_progress& progress) {
    return detail::smaa_report(p, org, options_json, progress).dump();
}

std::string analyse_sweep(const profile& p, const organisation& org, std::string_view options_json,
                          const analysis_progress& progress) {
    return detail::sweep_report(p, org, options_json, progress).dump();
}

std::string analyse_tipping(const profile& p, const organisation& org, std::string_view options_json,
                            const analysis_progress& progress) {
    return detail::tipping_report(p, org, options_json, progress).dump();
}

} // namespace v0
} // namespace accord
