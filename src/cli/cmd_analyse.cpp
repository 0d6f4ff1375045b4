// accord analyse smaa|sweep|tipping BALLOTS --org ORG.csv, accord analyse electorates [BALLOTS]:
// how fragile are the priorities?
// (docs/cli.md, docs/analysis.md). The flags become the JSON options of
// accord/analysis/interface.hpp, which runs the analysis and prints the report the C API and
// Python return; the tables without --json are drawn from that same report.
#include "common.hpp"

#include "accord/detail/safety.hpp"

#include "accord/analysis/interface.hpp"
#include "accord/detail/reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {
namespace {
using json = nlohmann::ordered_json;

json rule_options(const std::string& text) {
    if (text.empty()) return json::object();
    json j;
    try {
        j = accord::detail::parse_json<json>(text, "--options");
    } catch (const accord::error& e) {
        throw usage_error(e.detail());
    }
    if (!j.is_object()) throw usage_error("--options must be a JSON object");
    return j;
}

std::string fixed(double x, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << x;
    return s.str();
}

std::string percent(double x) { return fixed(100 * x, 1) + "%"; }

// ---- smaa ----------------------------------------------------------------------------------

/// What SMAA and tipping points count: one rule under one scheme and mode.
struct count_flags {
    std::string rule, scheme = k_default_analysis_scheme, mode = k_default_analysis_mode, level, options;
    std::string group_scheme; ///< two-level weighting: across the groups ("" = one level)
};

json count_options(const count_flags& c) {
    json o;
    o["rule"] = c.rule;
    o["rule_options"] = rule_options(c.options);
    o["scheme"] = c.scheme;
    o["mode"] = c.mode;
    if (!c.level.empty()) o["level"] = c.level;
    if (!c.group_scheme.empty()) o["group_scheme"] = c.group_scheme;
    return o;
}

struct smaa_flags {
    weighted_input w;
    sampler_flags sampler;
    count_flags count;
    bool json_out = false, quiet = false;
    std::uint64_t samples = 1000, seed = 0, resolution = 1000000;
    unsigned threads = 0;
    std::string group_level; ///< "" = the core's default
};

void print_smaa(const json& j) {
    const auto& s = j["settings"];
    std::cout << "SMAA: " << j["samples"].get<std::uint64_t>() << " samples, rule "
              << s["rule"].get<std::string>() << ", sampler " << s["sampler"].get<std::string>();
    if (s.contains("sigma")) std::cout << " (relative noise " << s["sigma"].get<double>() << ")";
    if (s.contains("alpha")) std::cout << " (alpha " << s["alpha"].get<double>() << ")";
    std::cout << ", scheme " << s["scheme"].get<std::string>() << ", " << s["mode"].get<std::string>() << ", "
              << j["units"].size() << " " << s["level"].get<std::string>() << " units, seed "
              << s["seed"].get<std::uint64_t>() << "\n\n";
    std::vector<std::string> names = j["candidates"].get<std::vector<std::string>>();
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return j["expected_rank"][a].get<double>() < j["expected_rank"][b].get<double>();
    });
    std::size_t wid = 9;
    for (const auto& n : names) wid = std::max(wid, n.size());
    wid = std::min<std::size_t>(wid, 40);
    const std::size_t places = std::min<std::size_t>(names.size(), 10);
    std::cout << std::left << std::setw(static_cast<int>(wid) + 2) << "candidate" << std::right
              << std::setw(18) << "P(win) +- se" << std::setw(10) << "E[rank]";
    for (std::size_t k = 0; k < places; ++k) std::cout << std::setw(8) << ("rank " + std::to_string(k + 1));
    std::cout << '\n';
    for (const auto& n : names) {
        std::cout << std::left << std::setw(static_cast<int>(wid) + 2) << n.substr(0, wid) << std::right
                  << std::setw(18)
                  << (percent(j["winner_probability"][n].get<double>()) + " +- " +
                      percent(j["winner_probability_se"][n].get<double>()))
                  << std::setw(10) << fixed(j["expected_rank"][n].get<double>(), 2);
        for (std::size_t k = 0; k < places; ++k)
            std::cout << std::setw(8) << percent(j["rank_acceptability"][n][k].get<double>());
        std::cout << '\n';
    }
    if (j["incomplete"].get<std::uint64_t>())
        std::cout << "\n"
                  << j["incomplete"].get<std::uint64_t>()
                  << " samples ended in an unresolved tie (no winner)\n";
}

int run_smaa(const smaa_flags& f) {
    json o = count_options(f.count);
    o["sampler"] = sampler_option(f.sampler);
    o["samples"] = f.samples;
    o["seed"] = f.seed;
    o["threads"] = f.threads;
    o["resolution"] = f.resolution;
    if (!f.group_level.empty()) o["group_level"] = f.group_level;
    const auto [p, org] = load_weighted(f.w);
    const auto out = detail::smaa_report(p, org, o.dump(), terminal_progress("smaa samples", f.quiet));
    if (f.json_out)
        std::cout << out.dump() << '\n';
    else
        print_smaa(out);
    return 0;
}

// ---- sweep ---------------------------------------------------------------------------------

struct sweep_flags {
    weighted_input w;
    // Empty = the core's defaults (accord/analysis/defaults.hpp), so the CLI, C and Python agree.
    std::vector<std::string> rules, schemes, modes, group_schemes;
    std::string level, group_level = k_default_group_level, options;
    bool json_out = false;
};

std::string tiers_text(const json& ranking) {
    std::string s;
    for (const auto& tier : ranking) {
        if (!s.empty()) s += " > ";
        std::string t;
        for (const auto& c : tier) t += (t.empty() ? "" : " = ") + c.get<std::string>();
        s += t;
    }
    return s;
}

void print_sweep(const json& j) {
    // A two-level row shows its schemes as "WITHIN/ACROSS"; a row that could not be counted, its reason.
    auto scheme_of = [](const json& r) {
        return r["scheme"].get<std::string>() +
               (r.contains("group_scheme") && r["group_scheme"].is_string()
                    ? " / " + r["group_scheme"].get<std::string>() + " across"
                    : "");
    };
    std::cout << "sweep: " << j["rows"].size() << " counts; baseline " << scheme_of(j["baseline"]) << " / "
              << j["baseline"]["aggregation"].get<std::string>() << " / "
              << j["baseline"]["rule"].get<std::string>() << "\n\n";
    std::size_t ws = 6, wm = 4, wr = 4, ww = 6;
    for (const auto& r : j["rows"]) {
        ws = std::max(ws, scheme_of(r).size());
        wm = std::max(wm, r["aggregation"].get<std::string>().size());
        wr = std::max(wr, r["rule"].get<std::string>().size());
        if (r["winner"].is_string()) ww = std::max(ww, r["winner"].get<std::string>().size());
    }
    auto col = [](const std::string& s, std::size_t w) {
        std::ostringstream o;
        o << std::left << std::setw(static_cast<int>(w) + 2) << s;
        return o.str();
    };
    std::cout << col("scheme", ws) << col("mode", wm) << col("rule", wr) << col("winner", ww) << std::right
              << std::setw(7) << "tau" << std::setw(7) << "rho"
              << "  moved\n";
    for (const auto& r : j["rows"]) {
        if (r.contains("error") && r["error"].is_string()) {
            std::cout << col(scheme_of(r), ws) << col(r["aggregation"].get<std::string>(), wm)
                      << col(r["rule"].get<std::string>(), wr)
                      << "not counted: " << r["error"].get<std::string>() << '\n';
            continue;
        }
        std::string moved;
        for (const auto& m : r["moved"]) moved += (moved.empty() ? "" : ", ") + m.get<std::string>();
        std::cout << col(scheme_of(r), ws) << col(r["aggregation"].get<std::string>(), wm)
                  << col(r["rule"].get<std::string>(), wr)
                  << col(r["winner"].is_string() ? r["winner"].get<std::string>() : "(tie)", ww) << std::right
                  << std::setw(7) << fixed(r["kendall_tau"].get<double>(), 3) << std::setw(7)
                  << fixed(r["spearman_rho"].get<double>(), 3) << "  " << (moved.empty() ? "-" : moved)
                  << (r["winner_changed"].get<bool>() ? "  [winner changed]" : "") << '\n';
    }
    std::cout << "\nrankings:\n";
    for (const auto& r : j["rows"])
        if (!r.contains("error") || !r["error"].is_string())
            std::cout << "  " << scheme_of(r) << " / " << r["aggregation"].get<std::string>() << " / "
                      << r["rule"].get<std::string>() << ": " << tiers_text(r["ranking"]) << '\n';
    std::string winners, movers;
    for (const auto& w : j["winners"]) winners += (winners.empty() ? "" : ", ") + w.get<std::string>();
    for (const auto& m : j["movers"]) movers += (movers.empty() ? "" : ", ") + m.get<std::string>();
    std::cout << "\nwinners: " << winners << "\nmovers:  " << (movers.empty() ? "none" : movers) << '\n';
}

int run_sweep(const sweep_flags& f) {
    json o;
    if (!f.rules.empty()) o["rules"] = f.rules;
    if (!f.schemes.empty()) o["schemes"] = f.schemes;
    if (!f.modes.empty()) o["modes"] = f.modes;
    if (!f.group_schemes.empty()) o["group_schemes"] = f.group_schemes;
    o["rule_options"] = rule_options(f.options);
    if (!f.level.empty()) o["level"] = f.level;
    o["group_level"] = f.group_level;
    const auto [p, org] = load_weighted(f.w);
    const auto out = detail::sweep_report(p, org, o.dump());
    if (f.json_out)
        std::cout << out.dump() << '\n';
    else
        print_sweep(out);
    return 0;
}

// ---- tipping -------------------------------------------------------------------------------

struct tipping_flags {
    weighted_input w;
    count_flags count;
    // The defaults of the core's tipping_options (one table: accord/analysis/defaults.hpp).
    std::string group_level = k_default_group_level,
                quantity = tipping_options{}.quantity == tipping_quantity::weight ? "weight" : "population",
                max_factor = to_string(tipping_options{}.max_factor),
                tolerance = to_string(tipping_options{}.tolerance);
    unsigned steps = tipping_options{}.steps_per_doubling;
    bool json_out = false;
};

void print_tipping(const json& j) {
    const auto& s = j["settings"];
    const bool by_weight = j["quantity"] == "weight";
    std::cout << "tipping points: baseline winner " << j["baseline_winner"].get<std::string>() << " (rule "
              << s["rule"].get<std::string>() << ", scheme " << s["scheme"].get<std::string>() << ", "
              << s["mode"].get<std::string>() << ")\n"
              << (by_weight ? "each unit's weight multiplied by a factor (1 = as weighted), searched in [0, "
                            : "each unit's registered population changed, searched in [0, ")
              << s["max_factor_exact"].get<std::string>() << (by_weight ? "]" : " x population]")
              << "; brackets narrower than " << s["tolerance_exact"].get<std::string>()
              << (by_weight ? "" : " person") << "\n\n";
    auto side = [&](const json& b) -> std::string {
        if (b.is_null()) return "no change found";
        const std::string who =
            b["new_winner"].get<std::string>().empty() ? "(tie)" : b["new_winner"].get<std::string>();
        if (by_weight) return "x" + fixed(b["changed"].get<double>(), 4) + " -> " + who;
        const double d = b["change"].get<double>();
        return (d >= 0 ? "+" : "") + fixed(d, 0) + " -> " + who;
    };
    std::size_t wn = 4, wu = 12;
    for (const auto& u : j["units"]) {
        wn = std::max(wn, u.value("name", std::string()).size());
        wu = std::max(wu, side(u["up"]).size() + 2);
    }
    wn = std::min<std::size_t>(wn, 36);
    std::cout << std::left << std::setw(10) << "unit" << std::setw(static_cast<int>(wn) + 2) << "name"
              << std::right << std::setw(11) << "population"
              << "  " << std::left << std::setw(static_cast<int>(wu)) << (by_weight ? "up (factor)" : "up")
              << (by_weight ? "down (factor)" : "down") << '\n';
    for (const auto& u : j["units"])
        std::cout << std::left << std::setw(10) << u["unit"].get<std::string>()
                  << std::setw(static_cast<int>(wn) + 2) << u.value("name", std::string()).substr(0, wn)
                  << std::right << std::setw(11) << u.value("population", std::uint64_t{0}) << "  "
                  << std::left << std::setw(static_cast<int>(wu)) << side(u["up"]) << side(u["down"]) << '\n';
    for (const auto& u : j["units"])
        if (u.contains("skipped"))
            std::cout << "\n"
                      << u["unit"].get<std::string>() << ": " << u["skipped"].size()
                      << " point(s) of the search could not be counted and were skipped, e.g. at "
                      << u["skipped"][0]["at_exact"].get<std::string>() << ": "
                      << u["skipped"][0]["reason"].get<std::string>() << '\n';
}

int run_tipping(const tipping_flags& f) {
    json o = count_options(f.count);
    o["group_level"] = f.group_level;
    o["quantity"] = f.quantity;
    o["max_factor"] = f.max_factor;
    o["tolerance"] = f.tolerance;
    o["steps_per_doubling"] = f.steps;
    const auto [p, org] = load_weighted(f.w);
    const auto out = detail::tipping_report(p, org, o.dump());
    if (f.json_out)
        std::cout << out.dump() << '\n';
    else
        print_tipping(out);
    return 0;
}

// ---- electorates ---------------------------------------------------------------------------

struct electorates_flags {
    input_flags reference;
    std::string model, options;
    model_flags m;
    std::vector<std::string> rules{"irv"};
    sampling_flags sampling;
    bool json_out = false;
};

void print_electorates(const json& j) {
    const auto& s = j["settings"];
    std::cout << "electorates: " << j["samples"].get<std::uint64_t>() << " samples of "
              << s["model"].get<std::string>() << " (" << s["candidates"].get<std::uint64_t>()
              << " candidates, " << s["voters"].get<std::uint64_t>() << " voters), seed "
              << s["seed"].get<std::uint64_t>() << "\n\n";
    std::size_t wr = 4;
    for (const auto& r : j["rules"]) wr = std::max(wr, r.get<std::string>().size());
    std::cout << std::left << std::setw(static_cast<int>(wr) + 2) << "rule" << std::setw(24)
              << "winner on the ballots" << std::right << std::setw(9) << "differs"
              << "  most likely winners\n";
    for (const auto& r : j["rules"]) {
        const auto& x = j["by_rule"][r.get<std::string>()];
        std::vector<std::pair<double, std::string>> top;
        for (auto it = x["winner_probability"].begin(); it != x["winner_probability"].end(); ++it)
            top.emplace_back(-it.value().get<double>(), it.key());
        std::stable_sort(top.begin(), top.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::string likely;
        for (std::size_t k = 0; k < top.size() && k < 3 && top[k].first < 0; ++k)
            likely += (likely.empty() ? "" : ", ") + top[k].second + " " + percent(-top[k].first);
        std::cout << std::left << std::setw(static_cast<int>(wr) + 2) << r.get<std::string>() << std::setw(24)
                  << (x["reference_winner"].is_string() ? x["reference_winner"].get<std::string>()
                                                        : std::string("-"))
                  << std::right << std::setw(9)
                  << (x["differs_from_reference"].is_null()
                          ? std::string("-")
                          : percent(x["differs_from_reference"].get<double>()))
                  << "  " << likely << '\n';
    }
    if (j["rules"].size() > 1) {
        std::cout << "\nagreement (share of electorates electing the same winner):\n"
                  << std::setw(static_cast<int>(wr) + 2) << "";
        for (const auto& r : j["rules"])
            std::cout << std::setw(static_cast<int>(wr) + 2) << r.get<std::string>();
        std::cout << '\n';
        for (const auto& a : j["rules"]) {
            std::cout << std::left << std::setw(static_cast<int>(wr) + 2) << a.get<std::string>()
                      << std::right;
            for (const auto& b : j["rules"])
                std::cout << std::setw(static_cast<int>(wr) + 2)
                          << percent(
                                 j["agreement"][a.get<std::string>()][b.get<std::string>()].get<double>());
            std::cout << '\n';
        }
    }
}

int run_electorates(const electorates_flags& f) {
    json o;
    o["model"] = f.model;
    put_model_options(o, f.m);
    o["rules"] = f.rules;
    o["rule_options"] = rule_options(f.options);
    put_sampling_options(o, f.sampling);
    std::optional<profile> reference;
    if (!f.reference.file.empty()) reference = load(f.reference);
    const auto out = detail::electorates_report(reference ? &*reference : nullptr, o.dump(),
                                                terminal_progress("electorates", f.sampling.quiet));
    if (f.json_out)
        std::cout << out.dump() << '\n';
    else
        print_electorates(out);
    return 0;
}

} // namespace

command add_analyse(CLI::App& root) {
    auto* app = root.add_subcommand(
        "analyse", "How fragile are the priorities: SMAA, sweeps, tipping points, synthetic electorates");
    app->alias("analyze");
    app->require_subcommand(1);
    app->footer("Examples:\n"
                "  accord analyse sweep ballots.csv --org practices.csv --rules irv,borda --schemes "
                "equal,population\n"
                "  accord analyse smaa ballots.csv --org practices.csv --rule irv --weights simplex "
                "--samples 10000 --seed 1\n"
                "  accord analyse tipping ballots.csv --org practices.csv --rule irv --quantity population\n"
                "Definitions and JSON keys: docs/analysis.md");

    auto sf = std::make_shared<smaa_flags>();
    auto* smaa = app->add_subcommand("smaa", "Monte Carlo: rank acceptability and winner probabilities");
    add_weighted_input(*smaa, sf->w);
    smaa->add_option("--rule", sf->count.rule, "Rule to count each sample with (see `accord methods`)")
        ->required();
    smaa->add_option("--options", sf->count.options, "Rule options as one JSON object");
    add_sampler_flags(*smaa, sf->sampler);
    smaa->add_option("--samples", sf->samples, "Number of samples")->capture_default_str();
    smaa->add_option("--seed", sf->seed,
                     "Seed: the same seed gives the same numbers on any number of threads")
        ->capture_default_str();
    smaa->add_option("--threads", sf->threads, "Worker threads (0 = every core)")->capture_default_str();
    smaa->add_option("--scheme", sf->count.scheme, "Weighting scheme (see `accord weights --help`)")
        ->capture_default_str();
    smaa->add_option(
        "--group-scheme", sf->count.group_scheme,
        "Two-level weighting: --scheme inside each group, this across the groups (docs/weighting.md)");
    smaa->add_option("--group-level", sf->group_level,
                     "two-stage and --group-scheme: kind of the groups (default pcn)");
    smaa->add_option("--mode", sf->count.mode,
                     "normalised, pooled or two-stage (two-stage: population sampler only)")
        ->check(CLI::IsMember({"normalised", "normalized", "pooled", "two-stage"}))
        ->capture_default_str();
    smaa->add_option("--level", sf->count.level,
                     "Kind of the voting units (default: the organisation's leaves)");
    smaa->add_option("--resolution", sf->resolution,
                     "Integer multiplicity each sample's weights are quantised to")
        ->capture_default_str();
    smaa->add_flag("--quiet", sf->quiet,
                   "No progress line on stderr (it is only shown on a terminal anyway)");
    smaa->add_flag("--json", sf->json_out, "Print one JSON object");
    smaa->footer(
        "Examples:\n"
        "  accord analyse smaa ballots.csv --org practices.csv --rule borda --samples 10000 --seed 1\n"
        "  accord analyse smaa ballots.csv --org practices.csv --rule irv --perturb population:0.2 --json\n"
        "  accord analyse smaa ballots.csv --org practices.csv --rule schulze --weights dirichlet:2 "
        "--threads 2\n"
        "  accord analyse smaa ballots.csv --org practices.csv --rule borda --bootstrap --samples 2000");

    auto wf = std::make_shared<sweep_flags>();
    auto* sw = app->add_subcommand("sweep", "Every rule x weighting scheme x mode, compared with the first");
    add_weighted_input(*sw, wf->w);
    std::string def_rules, def_schemes, def_modes;
    for (const auto& r : default_sweep_rules()) def_rules += (def_rules.empty() ? "" : ",") + r;
    for (const auto& s : default_sweep_schemes())
        def_schemes += (def_schemes.empty() ? "" : ",") + scheme_name(s);
    for (auto m : default_sweep_modes())
        def_modes += (def_modes.empty() ? "" : ",") + std::string(mode_name(m));
    sw->add_option("--rules", wf->rules, "Comma-separated rules (default " + def_rules + ")")->delimiter(',');
    sw->add_option("--schemes", wf->schemes,
                   "Comma-separated weighting schemes (default " + def_schemes + ")")
        ->delimiter(',');
    sw->add_option(
          "--group-schemes", wf->group_schemes,
          "Comma-separated across-groups schemes for two-level weightings; 'none' = one level (default none)")
        ->delimiter(',');
    sw->add_option("--modes", wf->modes,
                   "Comma-separated: normalised, pooled, two-stage (default " + def_modes + ")")
        ->delimiter(',');
    sw->add_option("--options", wf->options, "Rule options as one JSON object (given to every rule)");
    sw->add_option("--level", wf->level, "Kind of the voting units (default: the organisation's leaves)");
    sw->add_option("--group-level", wf->group_level, "two-stage: kind of the groups")->capture_default_str();
    sw->add_flag("--json", wf->json_out, "Print one JSON object");
    sw->footer(
        "Examples:\n"
        "  accord analyse sweep ballots.csv --org practices.csv --rules borda,irv,schulze --schemes "
        "equal,population,sqrt\n"
        "  accord analyse sweep ballots.csv --org practices.csv --rules borda --schemes equal,population "
        "--modes normalised,two-stage --json");

    auto tf = std::make_shared<tipping_flags>();
    auto* tp = app->add_subcommand(
        "tipping", "Per unit, the smallest change of its weight or population that changes the winner");
    add_weighted_input(*tp, tf->w);
    tp->add_option("--rule", tf->count.rule, "Rule (see `accord methods`)")->required();
    tp->add_option("--options", tf->count.options, "Rule options as one JSON object");
    tp->add_option("--scheme", tf->count.scheme, "Weighting scheme")->capture_default_str();
    tp->add_option(
        "--group-scheme", tf->count.group_scheme,
        "Two-level weighting: --scheme inside each group, this across the groups (docs/weighting.md)");
    tp->add_option("--mode", tf->count.mode,
                   "normalised, pooled or two-stage (two-stage needs --quantity population)")
        ->check(CLI::IsMember({"normalised", "normalized", "pooled", "two-stage"}))
        ->capture_default_str();
    tp->add_option("--quantity", tf->quantity, "weight (a factor on the unit's weight) or population")
        ->check(CLI::IsMember({"weight", "population"}))
        ->capture_default_str();
    tp->add_option("--max-factor", tf->max_factor, "Search up to this factor (exact)")->capture_default_str();
    tp->add_option("--tolerance", tf->tolerance, "Weight brackets end narrower than this (exact)")
        ->capture_default_str();
    tp->add_option("--steps", tf->steps, "Scan points per doubling before bisecting")->capture_default_str();
    tp->add_option("--level", tf->count.level,
                   "Kind of the voting units (default: the organisation's leaves)");
    tp->add_option("--group-level", tf->group_level, "two-stage: kind of the groups")->capture_default_str();
    tp->add_flag("--json", tf->json_out, "Print one JSON object");
    tp->footer("Examples:\n"
               "  accord analyse tipping ballots.csv --org practices.csv --rule irv --scheme population\n"
               "  accord analyse tipping ballots.csv --org practices.csv --rule borda --scheme sqrt "
               "--quantity population --json");

    auto ef = std::make_shared<electorates_flags>();
    auto* el =
        app->add_subcommand("electorates", "Monte Carlo over synthetic electorates: how often would a rule "
                                           "elect someone else for electorates like these ballots?");
    add_input_flags(*el, ef->reference);
    el->get_option("FILE")->required(false)->description(
        "Ballots the electorates are like: resample draws from them, and each rule's winner on them "
        "is what 'differs' compares with (optional for the other models)");
    el->add_option("--model", ef->model, "impartial-culture, mallows, plackett-luce, spatial or resample")
        ->required();
    add_model_flags(*el, ef->m);
    el->add_option("--rules", ef->rules, "Comma-separated rules to count each electorate with (default irv)")
        ->delimiter(',');
    el->add_option("--options", ef->options, "Rule options as one JSON object (given to every rule)");
    add_sampling_flags(*el, ef->sampling, "Number of electorates");
    el->add_flag("--json", ef->json_out, "Print one JSON object");
    el->footer(
        "Examples:\n"
        "  accord analyse electorates ballots.toi --model resample --rules irv,borda,schulze --samples 2000 "
        "--seed 1\n"
        "  accord analyse electorates ballots.csv --unit-column unit --model resample --rules irv,schulze\n"
        "  accord analyse electorates --model mallows --candidates 5 --voters 99 --phi 0.7 --rules "
        "plurality,irv,borda\n"
        "  accord analyse electorates --model impartial-culture --candidates 4 --voters 25 --rules "
        "borda,schulze --json");

    return {app, [=]() {
                if (smaa->parsed()) return run_smaa(*sf);
                if (el->parsed()) return run_electorates(*ef);
                if (sw->parsed()) return run_sweep(*wf);
                return run_tipping(*tf);
            }};
}

} // namespace accord::cli
