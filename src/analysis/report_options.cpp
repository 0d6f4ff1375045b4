// The HTML report's contents from JSON options (accord/analysis/report_options.hpp): one
// implementation behind the CLI's `accord report`, the C API and Python.
#include "accord/analysis/report_options.hpp"

#include "accord/error.hpp"
#include "accord/power.hpp"

#include "json_options.hpp"

namespace accord {
inline namespace v0 {
using namespace analysis_json;
namespace {
std::string join(const json& names) {
    std::string s;
    for (const auto& x : names) s += (s.empty() ? "" : ", ") + x.get<std::string>();
    return s;
}
} // namespace

report_input report_input_from(const profile& p, const organisation& org, std::string_view options_json,
                               const analysis_progress& progress) {
    const json o = parse_object(options_json, "report options");
    json sweep_opts = json::object(), smaa_opts = json::object();
    report_input in;
    std::string scheme = k_default_analysis_scheme, smaa_rule;
    bool want_smaa = true, want_power = true;
    std::string level;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "title")
            in.title = text_of(v, k);
        else if (k == "notes")
            in.notes = names_of(v, k);
        else if (k == "rules" || k == "schemes" || k == "modes" || k == "group_schemes")
            sweep_opts[k] = v;
        else if (k == "rule_options") {
            sweep_opts[k] = v;
            smaa_opts[k] = v;
        } else if (k == "level") {
            level = text_of(v, k);
            sweep_opts[k] = v;
            smaa_opts[k] = v;
        } else if (k == "scheme")
            scheme = text_of(v, k);
        else if (k == "smaa_rule")
            smaa_rule = text_of(v, k);
        else if (k == "sampler" || k == "samples" || k == "seed" || k == "threads")
            smaa_opts[k] = v;
        else if (k == "smaa")
            want_smaa = bool_of(v, k);
        else if (k == "power")
            want_power = bool_of(v, k);
        else
            throw error(errc::invalid, "unknown report option '" + k + "'");
    }
    if (!smaa_opts.contains("samples")) smaa_opts["samples"] = 2000;
    in.candidates = p.candidate_names();

    // The sweep: every rule x scheme x mode, against the first that counted.
    const auto sopt = sweep_options_from_json(sweep_opts.dump());
    in.sweep = sweep_rows(sweep(p, org, sopt));
    json rules = sopt.rules, schemes = json::array(), modes = json::array();
    for (const auto& s : sopt.schemes) schemes.push_back(scheme_name(s));
    for (auto m : sopt.modes) modes.push_back(mode_name(m));
    in.sweep_caption = "Rules " + join(rules) + " under schemes " + join(schemes) + " (" + join(modes) +
                       "); Kendall tau-b against the first row.";

    const std::string rule = smaa_rule.empty() ? sopt.rules.front() : smaa_rule;
    if (want_smaa) {
        smaa_opts["rule"] = rule;
        smaa_opts["scheme"] = scheme;
        auto mopt = smaa_options_from_json(smaa_opts.dump());
        mopt.monte_carlo.progress = progress;
        in.smaa = population_smaa(p, org, mopt);
        const json settings = json::parse(smaa_report_json(p, org, mopt, *in.smaa))["settings"];
        in.smaa_caption = std::to_string(mopt.monte_carlo.samples) + " samples, sampler " +
                          settings["sampler"].get<std::string>() + ", scheme " + scheme_name(mopt.scheme) +
                          ", rule " + rule + ", seed " + std::to_string(mopt.monte_carlo.seed) + ".";
    }

    if (want_power) {
        // Banzhaf power of each unit in the game "more than half of the weight" under the scheme,
        // its exact weights scaled by the least common multiple of their denominators.
        const auto units = population_smaa_units(p, org, level);
        const auto rep = compute_weights(org, units, parse_scheme(scheme));
        big_int lcm = 1;
        for (const auto& x : rep.units) {
            const big_int d = boost::multiprecision::denominator(x.weight);
            lcm = lcm / boost::multiprecision::gcd(lcm, d) * d;
        }
        std::vector<std::uint64_t> w;
        big_int total = 0;
        for (const auto& x : rep.units) {
            const big_int v = boost::multiprecision::numerator(x.weight) *
                              (lcm / boost::multiprecision::denominator(x.weight));
            total += v;
            if (total > big_int(std::numeric_limits<std::uint64_t>::max() / 2))
                throw error(errc::overflow,
                            "report: the weights of scheme " + rep.scheme + " do not fit whole numbers");
            w.push_back(v.convert_to<std::uint64_t>());
        }
        std::vector<std::string> ids;
        ids.reserve(units.size());
        for (auto u : units) ids.push_back(org[u].id);
        const auto g =
            make_weighted_game(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), w, ids);
        power_options po;
        po.indices = index_banzhaf;
        const auto r = power_indices(g, po);
        for (std::size_t i = 0; i < ids.size(); ++i)
            in.power.push_back(
                {org[units[i]].name.empty() ? ids[i] : org[units[i]].name, r.banzhaf.value[i]});
        in.power_caption =
            "Banzhaf index of each unit when a decision needs more than half of the weight, scheme " +
            rep.scheme + ".";
    }
    return in;
}

} // namespace v0
} // namespace accord
