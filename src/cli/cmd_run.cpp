// accord run METHOD FILE: count a ballot file with a method from the registry.
#include "common.hpp"

#include "accord/analysis/defaults.hpp"
#include "accord/analysis/groups.hpp"
#include "accord/detail/reports.hpp"
#include "accord/detail/safety.hpp"
#include "accord/detail/stv_variants.hpp"

#include "accord/weighting.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {

namespace {
struct run_state {
    std::string method;
    input_flags in;
    std::size_t seats = 0;
    std::string variant;
    std::string tie_break, unranked, options_json;
    std::uint64_t seed = 0;
    std::vector<std::string> kv;
    bool json = false, quiet = false;
    std::string record; // --record FILE (docs/governance.md)
    std::string shard;  // --shard FILE: write a shard of a split run instead of counting
    std::string per;    // --per unit|KIND: the count per group, and overall
    // Given on the command line (not the defaults): --per weights only when asked, as C and
    // Python do; a plain `run --org` always weights.
    bool scheme_given = false, mode_given = false;
    // The default scheme is the first of the core's table; the mode is analysis/defaults.hpp's.
    std::string org, scheme = scheme_table().front().name, mode = k_default_analysis_mode, inner, outer,
                     level, group_level = k_default_group_level, group_scheme;
    org_flags of;
};
} // namespace

nlohmann::json option_value(const std::string& text) {
    // VALUE is JSON if it parses as JSON (true, 3, "x", [..]), else a plain string.
    try {
        return accord::detail::parse_json(text, "VALUE");
    } catch (const accord::error&) {
        return text;
    }
}

nlohmann::json method_options(const std::string& options_json, const std::vector<std::string>& kv) {
    nlohmann::json opts = nlohmann::json::object();
    if (!options_json.empty()) {
        try {
            opts = accord::detail::parse_json(options_json, "--options");
        } catch (const accord::error& e) {
            throw usage_error(e.detail());
        }
        if (!opts.is_object()) throw usage_error("--options must be a JSON object");
    }
    for (const auto& item : kv) {
        auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw usage_error("--option expects KEY=VALUE, got '" + item + "'");
        opts[item.substr(0, eq)] = option_value(item.substr(eq + 1));
    }
    return opts;
}

namespace {
void check_option_names(const std::string& method, const nlohmann::json& opts) {
    const std::string name = method_name(method); // errc::not_found for an unknown method
    for (const auto& m : methods()) {
        if (m.name != name) continue;
        for (const auto& [key, value] : opts.items()) {
            if (std::find(m.options.begin(), m.options.end(), key) != m.options.end()) continue;
            std::string known;
            for (const auto& o : m.options) known += (known.empty() ? "" : ", ") + o;
            throw error(errc::invalid, name + ": unknown option '" + key + "' (" + name +
                                           " does not use it; its options: " + known + ")");
        }
    }
}
// The text of `accord run ... --per`: one line per group, then the overall winners.
void print_groups(const nlohmann::ordered_json& j) {
    auto names = [](const nlohmann::ordered_json& a) {
        std::string s;
        for (const auto& x : a) s += (s.empty() ? "" : ", ") + x.get<std::string>();
        return s.empty() ? std::string("(none)") : s;
    };
    std::size_t wi = 5, wn = 4, wv = 6;
    for (const auto& g : j["groups"]) {
        wi = std::max(wi, g["id"].get<std::string>().size());
        wn = std::min<std::size_t>(40, std::max(wn, g["name"].get<std::string>().size()));
        wv = std::max(wv, g["voters"].get<std::string>().size());
    }
    auto col = [](std::string s, std::size_t w) {
        if (s.size() > w) s = s.substr(0, w - 1) + "~";
        std::ostringstream o;
        o << std::left << std::setw(static_cast<int>(w) + 2) << s;
        return o.str();
    };
    const auto& settings = j["settings"];
    std::cout << settings["rule"].get<std::string>() << " per " << j["per"].get<std::string>() << ": "
              << j["groups"].size() << " groups\n\n"
              << col("group", wi) << col("name", wn) << std::right << std::setw(static_cast<int>(wv))
              << "voters"
              << "  winners\n";
    for (const auto& g : j["groups"]) {
        std::cout << col(g["id"].get<std::string>(), wi) << col(g["name"].get<std::string>(), wn)
                  << std::right << std::setw(static_cast<int>(wv)) << g["voters"].get<std::string>() << "  ";
        if (g["error"].is_string()) {
            std::cout << "not counted: " << g["error"].get<std::string>() << '\n';
            continue;
        }
        std::cout << names(g["winners"]) << (g["ties_broken"].get<bool>() ? "  [tie broken]" : "")
                  << (g["complete"].get<bool>() ? "" : "  [tie unresolved]")
                  << (g["agrees"].get<bool>() ? "" : "  [differs from overall]") << '\n';
    }
    std::cout << "\noverall: " << names(j["overall"]["winners"])
              << "\nagreeing: " << j["agreeing"].get<std::size_t>() << " of " << j["groups"].size()
              << " groups";
    if (j["failed"].get<std::size_t>()) std::cout << "; not counted: " << j["failed"].get<std::size_t>();
    std::cout << "\ngroups won:";
    for (const auto& [name, n] : j["wins"].items())
        std::cout << ' ' << name << ' ' << n.get<std::size_t>() << ';';
    std::cout << (j["wins"].empty() ? " none\n" : "\n");
}
} // namespace

command add_run(CLI::App& root) {
    auto st = std::make_shared<run_state>();
    auto* app = root.add_subcommand("run", "Count a ballot file with a method");
    app->add_option("METHOD", st->method, "Method name (see `accord methods`)")->required();
    add_input_flags(*app, st->in);
    auto* seats = app->add_option("--seats", st->seats, "Seats to fill (multi-winner methods)");
    app->add_option("--variant", st->variant,
                    "Variant of the method (stv: " + stv_variant_names() + "; docs/methods/stv.md)");
    auto* tb = app->add_option("--tie-break", st->tie_break,
                               tie_policy_names("|", "|") +
                                   ", or previous-rounds:FALLBACK "
                                   "(Scottish STV's 'by lot': previous-rounds:random with --seed)");
    auto* seed = app->add_option("--seed", st->seed, "Seed for random tie-breaks (recorded in the result)");
    auto* unr = app->add_option("--unranked", st->unranked, "last|ignore: how unranked candidates compare")
                    ->check(CLI::IsMember({"last", "ignore"}));
    app->add_option("--option", st->kv, "A method option KEY=VALUE (VALUE as JSON if it parses); repeatable");
    app->add_option("--options", st->options_json, "Method options as one JSON object");
    app->add_flag("--json", st->json, "Print the result as one JSON object");
    app->add_option("--record", st->record,
                    "Also write a verifiable record of this count to FILE (accord verify FILE)");
    auto* shard = app->add_option("--shard", st->shard,
                                  "Count nothing: write FILE's ballots as a shard of a split run, for "
                                  "`accord merge` (docs/cli.md, \"Split runs\")");
    auto* per =
        app->add_option("--per", st->per,
                        "Count each group's ballots too: 'unit' (each ballot's unit, e.g. precinct) or, "
                        "with --org, a kind of its units such as pcn (docs/analysis.md, \"Results per "
                        "group\")");
    app->add_flag("--quiet", st->quiet,
                  "No progress bar for long counts such as exact Kemeny (it shows on stderr only when stderr "
                  "is a terminal)");
    auto* w = app->add_option_group("Weighting", "Weighting ballots by their units (docs/weighting.md)");
    auto* org_opt = w->add_option(
        "--org", st->org, "Organisation CSV; ballots name their unit in --unit-column (default 'unit')");
    w->add_option("--scheme", st->scheme, "Weighting scheme (see `accord weights --help`)")
        ->each([st](const std::string&) { st->scheme_given = true; });
    // --mode is the weighting mode; a rule's own `mode` option (STV rctab's bottoms-up, say) is
    // given with --option, and the refusal says so rather than only listing the weighting modes.
    w->add_option("--mode", st->mode, "pooled, normalised (default) or two-stage")
        ->check(CLI::Validator(
            [](const std::string& v) -> std::string {
                if (v == "pooled" || v == "normalised" || v == "normalized" || v == "two-stage") return {};
                return v +
                       " is not a weighting mode (pooled, normalised or two-stage); a method's own "
                       "option 'mode' is given as --option mode=" +
                       v;
            },
            "MODE"))
        ->each([st](const std::string&) { st->mode_given = true; });
    w->add_option("--group-scheme", st->group_scheme,
                  "Two-level weighting: --scheme inside each group at --group-level, this across the groups");
    w->add_option("--inner", st->inner,
                  "two-stage: rule inside each group (default: METHOD, with its options)");
    w->add_option("--outer", st->outer,
                  "two-stage: rule across groups; METHOD is that rule, so this may only repeat it");
    w->add_option("--level", st->level, "Kind of the voting units (default: the organisation's leaves)");
    auto* group_level =
        w->add_option("--group-level", st->group_level, "two-stage: kind of the groups (default pcn)");
    add_org_flags(*w, st->of);
    // Weighting flags without an organisation would be ignored: CLI11 refuses them, naming both.
    for (auto* o : w->get_options())
        if (o != org_opt) o->needs(org_opt);
    // A shard is counted when the shards are merged: a record of it, or a weighting, would be of
    // part of the ballots.
    shard->excludes(org_opt);
    shard->excludes(app->get_option("--record"));
    shard->excludes(per);
    // A record replays one count; a per-group report is many (not yet recordable).
    per->excludes(app->get_option("--record"));
    app->footer("Examples:\n  accord run irv burlington.soi --json\n"
                "  accord run irv cvr.csv --option batch_elimination=true --tie-break random --seed 7\n"
                "  accord run plurality ballots.blt\n"
                "  accord run stv glasgow-govan.blt --variant scottish --json\n"
                "  accord run stv portland.csv --seats 3 --variant wigm\n"
                "  accord run irv cvr-part1.csv --shard part1.shard   (then accord merge part1.shard ...)\n"
                "  accord run irv cvr.csv --unit-column precinct --per unit\n"
                "  accord run borda ballots.csv --org practices.csv --per pcn --json");
    command c;
    c.app = app;
    c.run = [st, seats, tb, seed, unr, group_level]() {
        if (group_level->count() && st->mode != "two-stage")
            throw usage_error("--group-level is only used with --mode two-stage");
        nlohmann::json opts = method_options(st->options_json, st->kv);
        if (*seats) opts["seats"] = st->seats;
        if (!st->variant.empty()) opts["variant"] = st->variant;
        if (*tb) opts["tie_break"] = st->tie_break;
        if (*seed) opts["seed"] = st->seed;
        if (*unr) opts["unranked"] = st->unranked;
        if (!st->shard.empty()) {
            read_report rep;
            const profile p = load(st->in, &rep);
            // The method and the option names are checked now; the values when the merged shards
            // are counted (a shard alone may lack candidates, so `seats` may not fit it yet).
            check_option_names(st->method, opts);
            write_run_shard(p, rep, st->in, st->method, opts, st->shard, st->json);
            return 0;
        }
        if (!st->per.empty()) {
            // Each group's count is the count this command would make of the group's ballots alone.
            nlohmann::json o;
            o["rule"] = st->method;
            o["rule_options"] = opts;
            o["per"] = st->per;
            // A CSV's `unit` column is recognised by name; with --org it is the default, as below.
            input_flags in = st->in;
            if (!st->org.empty() && in.unit_column.empty()) in.unit_column = "unit";
            const profile p = load(in);
            std::optional<organisation> org;
            if (!st->org.empty()) {
                org = load_org(st->org, st->of);
                // The organisation gives the groups; the ballots are weighted only when a
                // weighting is asked for, as accord_analyse_groups() and accord.by_group() do.
                if (st->scheme_given) o["scheme"] = st->scheme;
                if (st->mode_given) o["mode"] = st->mode;
                if (!st->level.empty()) o["level"] = st->level;
                if (!st->group_scheme.empty()) o["group_scheme"] = st->group_scheme;
                if (!st->inner.empty() || !st->outer.empty())
                    throw usage_error(
                        "--inner and --outer are for --mode two-stage, which --per does not take");
            }
            const auto out = detail::groups_report(p, org ? &*org : nullptr, o.dump());
            if (st->json)
                std::cout << out.dump() << '\n';
            else
                print_groups(out);
            return 0;
        }
        if (st->org.empty()) {
            const profile p = load(st->in);
            const result r =
                run(p, st->method, opts.dump(), terminal_fraction_progress(st->method.c_str(), st->quiet));
            write_record_if(st->record, {{"command", "run"},
                                         {"method", st->method},
                                         {"options", opts},
                                         {"ballots", ballots_invocation(st->in)}});
            print_result(r, st->json);
            return 0;
        }
        input_flags in = st->in;
        if (in.unit_column.empty()) in.unit_column = "unit";
        const profile p = load(in);
        const organisation org = load_org(st->org, st->of);
        aggregate_options ag;
        ag.mode = parse_mode(st->mode);
        ag.level = st->level;
        ag.group_level = st->group_level;
        ag.inner = st->inner;
        if (!st->group_scheme.empty()) ag.group_scheme = parse_scheme(st->group_scheme);
        ag.outer = st->outer;
        const result r = run_weighted(p, org, parse_scheme(st->scheme), st->method, opts.dump(), ag);
        write_record_if(st->record, {{"command", "run"},
                                     {"method", st->method},
                                     {"options", opts},
                                     {"ballots", ballots_invocation(in)},
                                     {"org", org_invocation(st->org, st->of)},
                                     {"weighting",
                                      {{"scheme", st->scheme},
                                       {"mode", st->mode},
                                       {"level", st->level},
                                       {"group_level", st->group_level},
                                       {"group_scheme", st->group_scheme},
                                       {"inner", st->inner},
                                       {"outer", st->outer}}}});
        print_result(r, st->json);
        return 0;
    };
    return c;
}

} // namespace accord::cli
