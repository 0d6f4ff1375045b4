// accord report BALLOTS --org ORG.csv --html FILE: one self-contained HTML page with the
// rank-acceptability heatmap (SMAA), the sweep table and power shares per unit
// (include/accord/analysis/report.hpp, docs/analysis.md).
#include "common.hpp"

#include "accord/detail/safety.hpp"

#include "accord/analysis/interface.hpp"
#include "accord/power.hpp"
#include "accord/analysis/report_options.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {
namespace {

struct report_flags {
    weighted_input w;
    std::vector<std::string> rules, schemes, modes; // empty: the core's defaults
    std::string html, title = "accord analysis", scheme = k_default_analysis_scheme, smaa_rule, level,
                      options;
    sampler_flags sampler;
    std::uint64_t samples = 2000, seed = 0;
    unsigned threads = 0;
    bool no_smaa = false, no_power = false, quiet = false, json = false;
};

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
    // The report's contents come from the core (report_input_from), as for the C API and Python;
    // absent lists take the core's defaults.
    nlohmann::json o = {{"title", f.title},     {"rule_options", rule_opts},
                        {"scheme", f.scheme},   {"sampler", sampler_option(f.sampler)},
                        {"samples", f.samples}, {"seed", f.seed},
                        {"threads", f.threads}, {"smaa", !f.no_smaa},
                        {"power", !f.no_power}};
    o["notes"] = {"Ballots " + f.w.in.file + " (" + std::to_string(p.unique_count()) +
                  " distinct ballots); organisation " + f.w.org + "."};
    if (!f.rules.empty()) o["rules"] = f.rules;
    if (!f.schemes.empty()) o["schemes"] = f.schemes;
    if (!f.modes.empty()) o["modes"] = f.modes;
    if (!f.level.empty()) o["level"] = f.level;
    if (!f.smaa_rule.empty()) o["smaa_rule"] = f.smaa_rule;
    const report_input in = report_input_from(p, org, o.dump(), terminal_progress("smaa samples", f.quiet));
    write_html_report(f.html, in);
    if (f.json) {
        std::vector<std::string> schemes = f.schemes;
        if (schemes.empty())
            for (const auto& s : default_sweep_schemes()) schemes.push_back(scheme_name(s));
        nlohmann::ordered_json j{{"html", f.html},
                                 {"title", f.title},
                                 {"smaa", !f.no_smaa},
                                 {"power", !f.no_power},
                                 {"sweep_rules", f.rules.empty() ? default_sweep_rules() : f.rules},
                                 {"sweep_schemes", schemes}};
        std::cout << j.dump() << '\n';
    } else {
        std::cerr << "accord: wrote " << f.html << '\n';
    }
    return 0;
}

} // namespace

command add_report(CLI::App& root) {
    auto f = std::make_shared<report_flags>();
    auto* app = root.add_subcommand("report",
                                    "Write a self-contained HTML report: SMAA heatmap, sweep, power shares");
    add_weighted_input(*app, f->w);
    app->add_option("--html", f->html, "The HTML file to write")->required();
    app->add_option("--title", f->title, "Page title")->capture_default_str();
    app->add_option("--rules", f->rules, "Comma-separated rules for the sweep (default borda)")
        ->delimiter(',');
    app->add_option("--schemes", f->schemes,
                    "Comma-separated schemes for the sweep (default equal,population)")
        ->delimiter(',');
    app->add_option("--modes", f->modes, "Comma-separated modes for the sweep (default normalised)")
        ->delimiter(',');
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
                "  accord report ballots.csv --org practices.csv --rules borda,irv,schulze --schemes "
                "equal,population,sqrt "
                "--samples 10000 --seed 1 --html report.html");
    return {app, [f]() { return run_report(*f); }};
}

} // namespace accord::cli
