// Synthetic electorates with strictly checked JSON options: one generated profile, or the Monte
// Carlo over electorates with a JSON report (accord/analysis/interface.hpp; docs/analysis.md).
#include "accord/analysis/electorates.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/detail/reports.hpp"

#include "json_options.hpp"
#include "split.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {
using namespace analysis_json;
namespace {

bool applies(electorate_kind k, const std::string& key) {
    if (key == "phi" || key == "center") return k == electorate_kind::mallows;
    if (key == "strengths") return k == electorate_kind::plackett_luce;
    if (key == "dimensions") return k == electorate_kind::spatial;
    return true;
}

/// Reads a model key into `m` (center and strengths are kept raw: they may name candidates);
/// false if `key` is not a model key.
bool model_key(const std::string& key, const json& v, electorate_model& m, json& center, json& strengths) {
    if (key != "candidates" && key != "voters" && key != "phi" && key != "center" && key != "strengths" &&
        key != "dimensions" && key != "names")
        return false;
    if (!applies(m.kind, key))
        throw error(errc::invalid,
                    "option '" + key + "' does not apply to the " + electorate_kind_name(m.kind) + " model");
    if (key == "candidates")
        m.candidates = whole_of(v, key);
    else if (key == "voters") {
        m.voters = whole_of(v, key);
        if (m.voters == 0) bad(key, "at least 1");
    } else if (key == "phi") {
        m.phi = number_of(v, key);
        if (!(m.phi >= 0 && m.phi <= 1)) bad(key, "a number in [0, 1]");
    } else if (key == "dimensions") {
        m.dimensions = whole_of(v, key);
        if (m.dimensions == 0 || m.dimensions > 1000) bad(key, "a whole number from 1 to 1000");
    } else if (key == "names")
        m.names = names_of(v, key);
    else if (key == "center")
        center = v;
    else
        strengths = v;
    return true;
}

/// Resolves the center (names or 0-based indices) and strengths (a list, or an object keyed by
/// name) once the candidate names are known.
void finish_model(electorate_model& m, const json& center, const json& strengths, const profile* source) {
    if (center.is_null() && strengths.is_null()) return;
    electorate_model probe = m;
    if (probe.candidates == 0 && probe.names.empty() && !source) {
        if (center.is_array()) probe.candidates = center.size();
        if (strengths.is_array()) probe.candidates = strengths.size();
        if (strengths.is_object()) bad("strengths", "a list when the candidates are not named");
    }
    const auto names = electorate_names(probe, source);
    auto index_of = [&](const json& x, const std::string& key) -> cand_t {
        if (x.is_string()) {
            const auto it = std::find(names.begin(), names.end(), x.get<std::string>());
            if (it == names.end())
                throw error(errc::not_found,
                            "option '" + key + "' names an unknown candidate '" + x.get<std::string>() + "'");
            return static_cast<cand_t>(it - names.begin());
        }
        const auto i = whole_of(x, key);
        if (i >= names.size())
            throw error(errc::not_found,
                        "option '" + key + "': candidate index " + std::to_string(i) + " out of range");
        return static_cast<cand_t>(i);
    };
    if (!center.is_null()) {
        if (!center.is_array())
            bad("center", "a list of candidates (names or 0-based indices), most preferred first");
        for (const auto& x : center) m.center.push_back(index_of(x, "center"));
        if (m.center.size() != names.size())
            throw error(errc::invalid, "option 'center' must rank every candidate once (" +
                                           std::to_string(names.size()) + "), got " +
                                           std::to_string(m.center.size()));
    }
    if (!strengths.is_null()) {
        m.strengths.assign(names.size(), 0.0);
        if (strengths.is_array()) {
            if (strengths.size() != names.size())
                throw error(errc::invalid, "option 'strengths' needs one per candidate (" +
                                               std::to_string(names.size()) + "), got " +
                                               std::to_string(strengths.size()));
            for (std::size_t c = 0; c < names.size(); ++c)
                m.strengths[c] = number_of(strengths[c], "strengths");
        } else if (strengths.is_object()) {
            std::vector<char> seen(names.size(), 0);
            for (auto it = strengths.begin(); it != strengths.end(); ++it) {
                const cand_t c = index_of(json(it.key()), "strengths");
                m.strengths[c] = number_of(it.value(), "strengths");
                seen[c] = 1;
            }
            for (std::size_t c = 0; c < names.size(); ++c)
                if (!seen[c])
                    throw error(errc::invalid, "option 'strengths' has no strength for " + names[c]);
        } else {
            bad("strengths", "a list (one per candidate) or an object keyed by candidate");
        }
    }
    if (m.candidates == 0 && m.names.empty() && !source) m.candidates = names.size();
}

json model_settings(const electorate_model& m, const std::vector<std::string>& names, std::size_t voters) {
    json s;
    s["model"] = electorate_kind_name(m.kind);
    s["candidates"] = names.size();
    s["voters"] = voters;
    if (m.kind == electorate_kind::mallows) {
        s["phi"] = m.phi;
        json c = json::array();
        if (m.center.empty())
            for (const auto& n : names) c.push_back(n);
        else
            for (cand_t x : m.center) c.push_back(names[x]);
        s["center"] = std::move(c);
    }
    if (m.kind == electorate_kind::plackett_luce) s["strengths"] = m.strengths;
    if (m.kind == electorate_kind::spatial) s["dimensions"] = m.dimensions;
    return s;
}

} // namespace

profile generate_profile(std::string_view model, std::string_view options_json, const profile* source) {
    const json o = parse_object(options_json, "generator options");
    electorate_model m;
    m.kind = parse_electorate_kind(model);
    std::uint64_t seed = 0;
    json center, strengths;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (model_key(it.key(), it.value(), m, center, strengths)) continue;
        if (it.key() == "seed")
            seed = whole_of(it.value(), it.key());
        else
            throw error(errc::invalid, "unknown generator option '" + it.key() + "'");
    }
    finish_model(m, center, strengths, source);
    profile p = generate(m, seed, source);
    p.title = std::string("synthetic electorate: ") + electorate_kind_name(m.kind) + ", seed " +
              std::to_string(seed);
    return p;
}

nlohmann::ordered_json detail::electorates_report(const profile* reference, std::string_view options_json,
                                                  const analysis_progress& progress) {
    const json o = parse_object(options_json, "electorates options");
    electorate_options opt;
    if (!o.contains("model")) throw error(errc::invalid, "electorates: option 'model' is required");
    opt.model.kind = parse_electorate_kind(text_of(o["model"], "model"));
    json center, strengths;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "model" || model_key(k, v, opt.model, center, strengths) ||
            monte_carlo_key(k, v, opt.monte_carlo) || analysis_detail::split_key(k, v, opt.monte_carlo))
            continue;
        if (k == "rules") {
            opt.rules = names_of(v, k);
            for (std::size_t a = 0; a < opt.rules.size(); ++a)
                if (std::find(opt.rules.begin(), opt.rules.begin() + static_cast<std::ptrdiff_t>(a),
                              opt.rules[a]) != opt.rules.begin() + static_cast<std::ptrdiff_t>(a))
                    bad(k, "a list of distinct rules");
        } else if (k == "rule_options")
            opt.rule_options = rule_options_of(v, k);
        else
            throw error(errc::invalid, "unknown electorates option '" + k + "'");
    }
    finish_model(opt.model, center, strengths, reference);
    opt.monte_carlo.progress = progress;
    analysis_detail::check_split(opt.monte_carlo, "electorates");
    const electorate_result r = electorate_monte_carlo(opt, reference);
    // A block range of a split run (accord.dask) reports its blocks' sums, not a report.
    if (opt.monte_carlo.split && !opt.monte_carlo.split->total)
        return analysis_detail::block_part(opt.monte_carlo, "electorates");

    const std::size_t voters =
        opt.model.voters ? opt.model.voters
                         : static_cast<std::size_t>(reference->total_count().convert_to<std::uint64_t>());
    json settings = model_settings(opt.model, r.candidates, voters);
    settings["rules"] = opt.rules;
    settings["rule_options"] = options_object(opt.rule_options);
    settings["seed"] = opt.monte_carlo.seed;
    settings["reference"] = reference != nullptr;
    json by_rule = json::object(), agreement = json::object();
    for (std::size_t k = 0; k < r.rules.size(); ++k) {
        json x;
        x["reference_winner"] =
            r.reference_winner[k] ? json(r.candidates[*r.reference_winner[k]]) : json(nullptr);
        x["differs_from_reference"] =
            r.differs_from_reference.empty() ? json(nullptr) : json(r.differs_from_reference[k]);
        put_acceptability(x, r.candidates, r.by_rule[k], {}, false);
        x["incomplete"] = r.by_rule[k].incomplete;
        by_rule[r.rules[k]] = std::move(x);
        json row = json::object();
        for (std::size_t c = 0; c < r.rules.size(); ++c) row[r.rules[c]] = r.agreement[k][c];
        agreement[r.rules[k]] = std::move(row);
    }
    json out;
    out["analysis"] = "electorates";
    out["samples"] = opt.monte_carlo.samples;
    out["settings"] = std::move(settings);
    out["candidates"] = r.candidates;
    out["rules"] = r.rules;
    out["by_rule"] = std::move(by_rule);
    out["agreement"] = std::move(agreement);
    return out;
}

std::string analyse_electorates(const profile* reference, std::string_view options_json,
                                const analysis_progress& progress) {
    return detail::electorates_report(reference, options_json, progress).dump();
}

} // namespace v0
} // namespace accord
