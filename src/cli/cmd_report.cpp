// accord report BALLOTS --org ORG.csv --html FILE: one self-contained HTML page with the
// rank-acceptability heatmap (SMAA), the sweep table and power shares per unit
// (include/accord/analysis/report.hpp, docs/analysis.md).
#include "common.hpp"

#include "accord/detail/safety.hpp"

#include "accord/analysis/interface.hpp"
#include "accord/power.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {
namespace {

struct report_flags {
    weighted_input w;
    std::vector<std::string> rules{"borda"}, schemes{"equal", "population"}, modes{"normalised"};
    std::string html, title = "accord analysis", scheme = "population", smaa_rule, level, options;
    sampler_flags sampler;
    std::uint64_t samples = 2000, seed = 0;
    unsigned threads = 0;
    bool no_smaa = false, no_power = false, quiet = false, json = false;
};

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

int run_report(const report_flags& f) {
    nlohmann::json rule_opts = nlohmann::json::object();
    if (!f.options.empty()) {
        try {
            rule_opts = accord::detail::parse_json(f.options, "--options");
        } catch (const accord::error& e) {
            throw usage_error(e.detail());
        }
    }
    const auto [p, org] = load_weighted(f.w);
    report_input in;
    in.title = f.title;
    in.notes.push_back("Ballots " + f.w.in.file + " (" + std::to_string(p.unique_count()) +
                       " distinct ballots); organisation " + f.w.org + ".");
    in.candidates = p.candidate_names();

    // The sweep: every rule x scheme x mode, against the first.
    nlohmann::json so = {{"rules", f.rules}, {"schemes", f.schemes}, {"modes", f.modes}, {"rule_options", rule_opts}};
    if (!f.level.empty()) so["level"] = f.level;
    const auto sopt = sweep_options_from_json(so.dump());
    in.sweep = sweep_rows(sweep(p, org, sopt));
    in.sweep_caption = "Rules " + join(f.rules) + " under schemes " + join(f.schemes) + " (" + join(f.modes) +
                       "); Kendall tau-b against the first row.";

    const std::string rule = f.smaa_rule.empty() ? f.rules.front() : f.smaa_rule;
    if (!f.no_smaa) {
        nlohmann::json mo = {{"rule", rule},        {"rule_options", rule_opts}, {"scheme", f.scheme},
                             {"sampler", sampler_option(f.sampler)}, {"samples", f.samples},
                             {"seed", f.seed},      {"threads", f.threads}};
        if (!f.level.empty()) mo["level"] = f.level;
        auto mopt = smaa_options_from_json(mo.dump());
        mopt.monte_carlo.progress = terminal_progress("smaa samples", f.quiet);
        in.smaa = population_smaa(p, org, mopt);
        in.smaa_caption = std::to_string(f.samples) + " samples, sampler " + mo["sampler"].get<std::string>() + ", scheme " +
                          f.scheme + ", rule " + rule + ", seed " + std::to_string(f.seed) + ".";
    }

    if (!f.no_power) {
        // Banzhaf power of each unit in the game "more than half of the weight" under --scheme.
        const auto units = population_smaa_units(p, org, f.level);
        const auto rep = compute_weights(org, units, parse_scheme(f.scheme));
        std::vector<rational> exact;
        for (const auto& x : rep.units) exact.push_back(x.weight);
        const auto w = whole_weights(exact, "scheme " + rep.scheme);
        std::vector<std::string> ids;
        for (auto u : units) ids.push_back(org[u].id);
        const auto g = make_weighted_game(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), w, ids);
        power_options po;
        po.indices = index_banzhaf;
        const auto r = power_indices(g, po);
        for (std::size_t i = 0; i < ids.size(); ++i)
            in.power.push_back({org[units[i]].name.empty() ? ids[i] : org[units[i]].name, r.banzhaf.value[i]});
        in.power_caption = "Banzhaf index of each unit when a decision needs more than half of the weight, scheme " +
                           rep.scheme + ".";
    }
    write_html_report(f.html, in);
    if (f.json) {
        nlohmann::ordered_json j{{"html", f.html}, {"title", f.title}, {"smaa", !f.no_smaa}, {"power", !f.no_power},
                                 {"sweep_rules", f.rules}, {"sweep_schemes", f.schemes}};
        std::cout << j.dump() << '\n';
    } else {
        std::cerr << "accord: wrote " << f.html << '\n';
    }
    return 0;
}

} // namespace

command add_report(CLI::App& root) {
    auto f = std::make_shared<report_flags>();
    auto* app = root.add_subcommand("report", "Write a self-contained HTML report: SMAA heatmap, sweep, power shares");
    add_weighted_input(*app, f->w);
    app->add_option("--html", f->html, "The HTML file to write")->required();
    app->add_option("--title", f->title, "Page title")->capture_default_str();
    app->add_option("--rules", f->rules, "Comma-separated rules for the sweep (default borda)")->delimiter(',');
    app->add_option("--schemes", f->schemes, "Comma-separated schemes for the sweep (default equal,population)")
        ->delimiter(',');
    app->add_option("--modes", f->modes, "Comma-separated modes for the sweep (default normalised)")->delimiter(',');
    app->add_option("--options", f->options, "Rule options as one JSON object");
    app->add_option("--level", f->level, "Kind of the voting units (default: the organisation's leaves)");
    auto* s = app->add_option_group("SMAA and power", "The heatmap and the power bars");
    s->add_option("--scheme", f->scheme, "Weighting scheme for SMAA and power (default population)");
    s->add_option("--smaa-rule", f->smaa_rule, "Rule for SMAA (default: the first of --rules)");
    add_sampler_flags(*s, f->sampler);
    s->add_option("--samples", f->samples, "SMAA samples (default 2000)");
    s->add_option("--seed", f->seed, "SMAA seed (default 0)");
    s->add_option("--threads", f->threads, "SMAA worker threads (0 = every core)");
    s->add_flag("--no-smaa", f->no_smaa, "Leave out the heatmap");
    s->add_flag("--no-power", f->no_power, "Leave out the power bars");
    s->add_flag("--quiet", f->quiet, "No progress line on stderr");
    app->add_flag("--json", f->json, "Say what was written as one JSON object on stdout");
    app->footer("Examples:\n"
                "  accord report ballots.csv --org practices.csv --html report.html\n"
                "  accord report ballots.csv --org practices.csv --rules borda,irv,schulze --schemes equal,population,sqrt "
                "--samples 10000 --seed 1 --html report.html");
    return {app, [f]() { return run_report(*f); }};
}

} // namespace accord::cli
