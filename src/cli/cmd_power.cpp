// accord power: power indices of a weighted voting game (docs/cli.md, docs/methods/power.md).
//   accord power --quota Q --weights W1,W2,... [--quota Q2 --weights ...] [--json]
// Several --quota/--weights pairs make a game that needs every majority at once.
#include "common.hpp"

#include "accord/weighting.hpp"

#include <map>

#include "accord/power.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {
namespace {

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) out.push_back(item);
    return out;
}

std::uint64_t parse_u64(const std::string& s, const std::string& what) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
        throw usage_error(what + " must be a non-negative integer, got '" + s + "'");
    try {
        return std::stoull(s);
    } catch (const std::exception&) {
        throw usage_error(what + " does not fit in 64 bits: '" + s + "'");
    }
}

struct power_flags {
    std::string org, scheme = "population", quota_fraction = "1/2", level, unions_by;
    std::string rule, rule_file, policy, category, group_scheme, group_level = "pcn";
    bool group_level_given = false;
    bool at_least = false, units_majority = false, scheme_given = false, fraction_given = false;
    org_flags of;
    std::vector<std::string> quotas, weights, unions;
    std::string names, indices, method = power_method_table().front().name;
    std::uint64_t samples = power_options{}.samples, seed = power_options{}.seed;
    unsigned threads = 0;
    bool samples_given = false, seed_given = false;
    bool json = false, quiet = false;
};

/// The game of an organisation: a decision rule (--rule/--rule-file/--policy), or a weighting
/// scheme with a quota fraction and optionally a majority of units as well.
weighted_game org_game(const power_flags& f) {
    if (!f.quotas.empty() || !f.weights.empty()) throw usage_error("--org replaces --quota/--weights");
    if (!f.names.empty() || !f.unions.empty())
        throw usage_error("--org names the players and --unions-by makes unions");
    const organisation org = load_org(f.org, f.of);
    const bool by_rule = !f.rule.empty() || !f.rule_file.empty() || !f.policy.empty();
    decision_rule rule;
    if (by_rule || !f.category.empty()) {
        if (f.scheme_given || f.fraction_given || f.at_least || f.units_majority || !f.group_scheme.empty())
            throw usage_error("--rule, --rule-file and --policy replace --scheme, --group-scheme, "
                              "--quota-fraction, --at-least and --units-majority (a rule's condition "
                              "takes \"group_scheme\", docs/motions.md)");
        rule = load_rule(f.rule, f.rule_file, f.policy, f.category);
    } else {
        majority_condition c;
        c.basis = "weights:" + f.scheme;
        c.name = f.scheme;
        try {
            c.fraction = parse_rational(f.quota_fraction);
        } catch (const error&) {
            throw usage_error("--quota-fraction must be an exact fraction such as 1/2 or 2/3");
        }
        c.strict = !f.at_least;
        if (!f.group_scheme.empty()) {
            c.group_scheme = f.group_scheme;
            c.group_level = f.group_level;
            (void)parse_scheme(c.group_scheme);
            c.name = two_level_name(parse_scheme(f.scheme), parse_scheme(f.group_scheme), f.group_level);
        } else if (f.group_level_given) {
            throw usage_error("--group-level is the groups of --group-scheme: give --group-scheme");
        }
        rule.conditions.push_back(c);
        if (f.units_majority) rule.conditions.push_back({.name = "units", .basis = "units"});
    }
    if (!f.level.empty()) rule.level = f.level;
    return rule_game(org, rule, f.unions_by);
}

/// The --method help, from the core's table of methods.
std::string method_help() {
    std::string out;
    for (const auto& m : power_method_table()) {
        if (!out.empty()) out += ", ";
        out += m.name;
        if (*m.note) out += std::string(" (") + m.note + ")";
    }
    return out;
}

int run_power(power_flags f) {
    weighted_game g;
    if (!f.org.empty()) {
        g = org_game(f);
    } else {
        if (!f.rule.empty() || !f.rule_file.empty() || !f.policy.empty() || !f.unions_by.empty())
            throw usage_error("--rule, --rule-file, --policy and --unions-by need --org");
        if (f.quotas.empty()) throw usage_error("give --quota and --weights, or --org ORG.csv");
        if (f.quotas.size() != f.weights.size())
            throw usage_error("give one --weights list for each --quota (" + std::to_string(f.quotas.size()) +
                              " quotas, " + std::to_string(f.weights.size()) + " weight lists)");
        for (std::size_t d = 0; d < f.quotas.size(); ++d) {
            weighted_majority m;
            m.quota = parse_u64(f.quotas[d], "--quota");
            for (const auto& w : split(f.weights[d])) m.weights.push_back(parse_u64(w, "--weights entry"));
            g.majorities.push_back(std::move(m));
        }
        if (!f.names.empty()) g.players = split(f.names);
        for (const auto& u : f.unions) {
            std::vector<player_t> members;
            for (const auto& p : split(u)) {
                const auto x = parse_u64(p, "--union member");
                if (x == 0) throw usage_error("--union lists players by 1-based position");
                members.push_back(static_cast<player_t>(x - 1));
            }
            g.unions.push_back(std::move(members));
        }
    }
    validate(g);
    const std::size_t n = g.player_count();
    // The options go through the core's one reader (names, limits, and the defaults table that
    // the C API and Python share): this command only marshals its flags.
    nlohmann::json o = nlohmann::json::object();
    o["method"] = f.method;
    if (!f.indices.empty()) o["indices"] = f.indices;
    if (f.samples_given) o["samples"] = f.samples;
    if (f.seed_given) o["seed"] = f.seed;
    o["threads"] = f.threads;
    power_options opt = fit_power_options(g, power_options_from_json(o.dump()));
    opt.progress = terminal_fraction_progress("power indices", f.quiet); // big games take a while
    const auto r = power_indices(g, opt);
    if (f.json) {
        std::cout << to_json(r) << '\n';
        return 0;
    }
    std::size_t w = 6;
    for (const auto& p : r.players) w = std::max(w, p.size());
    std::cout << (r.exact                       ? "exact"
                  : r.method == "fourier-bound" ? "APPROXIMATION (proven error bound, see the note)"
                                                : "ESTIMATES (Monte Carlo)")
              << ", method " << r.method << '\n';
    std::cout << std::left << std::setw(static_cast<int>(w + 2)) << "player" << std::right;
    // One column per index of the core's table that has per-player values (Coleman's three
    // measures are in the JSON).
    std::vector<std::pair<std::string, const index_values*>> cols;
    for (const auto& i : power_index_table())
        if (i.values) cols.emplace_back(i.name, &(r.*i.values));
    // At least 16 characters a column, and two more than its name (koenig_braeuninger).
    auto width = [](const std::string& name) {
        return static_cast<int>(std::max<std::size_t>(16, name.size() + 2));
    };
    for (auto& [name, v] : cols)
        if (!v->empty()) std::cout << std::setw(width(name)) << name;
    std::cout << '\n';
    for (std::size_t i = 0; i < n; ++i) {
        std::cout << std::left << std::setw(static_cast<int>(w + 2)) << r.players[i] << std::right;
        for (auto& [name, v] : cols)
            if (!v->empty())
                std::cout << std::setw(width(name)) << std::fixed << std::setprecision(6) << v->value[i];
        std::cout << '\n';
    }
    // Exact per-player counts, one line each: swings (Banzhaf), pivots (Shapley-Shubik), chow,
    // minimal_winning.
    auto counts = [](const char* name, const std::vector<big_int>& v) {
        if (v.empty()) return;
        std::cout << name << ':';
        for (const auto& s : v) std::cout << ' ' << s.str();
        std::cout << '\n';
    };
    counts("swings", r.swings);
    counts("pivots", r.pivots);
    counts("chow", r.chow);
    if (!r.chow.empty()) std::cout << "winning coalitions: " << r.winning_coalitions.str() << '\n';
    counts("minimal_winning", r.minimal_winning);
    for (const auto& note : r.notes) std::cout << "note: " << note << '\n';
    return 0;
}

} // namespace

command add_power(CLI::App& root) {
    auto f = std::make_shared<power_flags>();
    auto* app = root.add_subcommand("power", "Power indices of a weighted voting game [q; w1..wn]");
    app->add_option("--quota", f->quotas,
                    "Quota (a coalition wins with weight >= quota); repeat for several majorities")
        ->take_all();
    app->add_option("--weights", f->weights, "Comma-separated weights, one list per --quota")->take_all();
    auto* o = app->add_option_group("Organisation", "The game of an organisation under a weighting");
    o->add_option("--org", f->org, "Organisation CSV (instead of --quota/--weights)");
    o->add_option("--scheme", f->scheme, "Weighting scheme (default population; see accord weights --help)")
        ->each([f](const std::string&) { f->scheme_given = true; });
    o->add_option("--group-scheme", f->group_scheme,
                  "Two-level weighting: --scheme inside each group, this scheme across the groups "
                  "(e.g. --scheme equal --group-scheme sqrt; docs/weighting.md)");
    o->add_option("--group-level", f->group_level, "Kind of the groups of --group-scheme (default pcn)")
        ->each([f](const std::string&) { f->group_level_given = true; });
    o->add_option("--quota-fraction", f->quota_fraction,
                  "Winning needs more than this share of the weight (default 1/2)")
        ->each([f](const std::string&) { f->fraction_given = true; });
    o->add_option(
        "--rule", f->rule,
        "Instead of --scheme/--quota-fraction: the game of a decision rule preset (simple-majority, "
        "double-majority, two-thirds, three-quarters, 75-75, unanimity; docs/motions.md)");
    o->add_option("--rule-file", f->rule_file, "The game of a decision rule given as JSON (docs/motions.md)");
    o->add_option("--policy", f->policy, "The game of the rule a decision policy JSON gives --category");
    o->add_option("--category", f->category, "The policy's category");
    o->add_flag("--at-least", f->at_least, "Winning needs at least (not more than) --quota-fraction");
    o->add_flag("--units-majority", f->units_majority,
                "Also require a majority of units (a double majority)");
    o->add_option("--level", f->level, "Kind of the players (default: the leaves)");
    o->add_option("--unions-by", f->unions_by,
                  "A-priori unions by the units' groups of this kind (e.g. pcn), for Owen");
    add_org_flags(*o, f->of);
    app->add_option("--names", f->names, "Comma-separated player names");
    app->add_option("--union", f->unions,
                    "A-priori union: comma-separated 1-based player positions (repeat)");
    app->add_option("--indices", f->indices, "Comma-separated: " + power_index_names() + ", all");
    app->add_option("--method", f->method, method_help());
    app->add_option("--samples", f->samples,
                    "Monte Carlo samples (default " + std::to_string(power_options{}.samples) +
                        ", at most 10^10)")
        ->each([f](const std::string&) { f->samples_given = true; });
    app->add_option("--seed", f->seed, "Monte Carlo seed")->each([f](const std::string&) {
        f->seed_given = true;
    });
    app->add_option("--threads", f->threads,
                    "Threads for the exact passes of games over 63 players (0 = all cores; "
                    "the values do not depend on it)")
        ->check(CLI::Range(0u, 4096u));
    app->add_flag("--json", f->json, "Print one JSON object");
    app->add_flag("--quiet", f->quiet, "No progress bar (it shows on stderr only when stderr is a terminal)");
    app->footer(
        "Examples:\n  accord power --quota 16 --weights 9,9,7,3,1,1\n"
        "  accord power --org practices.csv --within QGH --scheme population --json\n"
        "  accord power --org practices.csv --within U12199 --units-majority --unions-by pcn\n"
        "  accord power --org practices.csv --level pcn --unallocated exclude --method fourier --json\n"
        "  accord power --org practices.csv --within QGH --policy constitution.json --category spending");
    return {app, [f]() { return run_power(*f); }};
}

} // namespace accord::cli
