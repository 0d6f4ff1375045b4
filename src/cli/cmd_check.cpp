// accord check FILE --rule R: criteria and bounded searches on one profile (docs/check.md).
#include "common.hpp"

#include "accord/check.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {

/// The rule options of --options JSON and --option KEY=VALUE flags (cmd_run.cpp).
nlohmann::json method_options(const std::string& options_json, const std::vector<std::string>& kv);

namespace {
struct check_state {
    input_flags in;
    std::string rule, options_json;
    std::vector<std::string> kv, only;
    std::size_t seats = 0;
    std::uint64_t search_limit = 0, cohesive_limit = 0;
    bool json = false;
};

std::string text_report(const profile& p, const check_report& r) {
    std::string s = "rule: " + r.rule + "\nwinners:";
    for (cand_t c : r.outcome.winners) s += " " + p.candidate_name(c);
    if (r.outcome.winners.empty()) s += " (none)";
    s += "\n";
    for (const auto& c : r.items) {
        std::string v = check_verdict_name(c.verdict);
        if (c.verdict == check_verdict::pass && !c.exact) v += " (bounded)";
        s += "  " + c.name + std::string(c.name.size() < 17 ? 17 - c.name.size() : 1, ' ') + v + ": " +
             c.reason + "\n";
        if (c.witness) {
            s += "      witness winners:";
            for (cand_t w : c.witness_winners) s += " " + c.witness->candidate_name(w);
            s += "\n";
        }
    }
    return s;
}
} // namespace

command add_check(CLI::App& root) {
    auto st = std::make_shared<check_state>();
    auto* app =
        root.add_subcommand("check", "Check a rule's result on a ballot file against voting criteria");
    add_input_flags(*app, st->in);
    app->add_option("--rule", st->rule, "Method name (see `accord methods`)")->required();
    auto* seats = app->add_option("--seats", st->seats, "Seats to fill (committee rules)");
    app->add_option("--option", st->kv, "A rule option KEY=VALUE (VALUE as JSON if it parses); repeatable");
    app->add_option("--options", st->options_json, "Rule options as one JSON object");
    app->add_option("--only", st->only, "Run only these checks (names as in docs/check.md); repeatable");
    auto* sl = app->add_option("--search-limit", st->search_limit,
                               "Profiles each bounded search may run the rule on (default 2000)");
    auto* cl = app->add_option("--cohesive-limit", st->cohesive_limit,
                               "Sets the JR/PJR/EJR search may examine (default 5000000)");
    app->add_flag("--json", st->json, "Print the report as one JSON object");
    app->footer("Examples:\n  accord check ballots.soc --rule irv\n"
                "  accord check approvals.cat --rule seq-phragmen --seats 12 --json");
    command c;
    c.app = app;
    c.run = [st, seats, sl, cl]() {
        nlohmann::json opts = method_options(st->options_json, st->kv);
        if (*seats) opts["seats"] = st->seats;
        check_options o;
        o.rule_options = opts.dump();
        if (*sl) o.search_limit = st->search_limit;
        if (*cl) o.cohesive_limit = st->cohesive_limit;
        o.only = st->only;
        const profile p = load(st->in);
        const check_report r = check(p, st->rule, o);
        if (st->json)
            std::cout << to_json(p, r) << '\n';
        else
            std::cout << text_report(p, r);
        return 0;
    };
    return c;
}

} // namespace accord::cli
