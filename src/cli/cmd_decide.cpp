// accord decide VOTES.csv --org ORG.csv [--rule R | --policy FILE --category C]: a motion.
#include "common.hpp"

#include "accord/detail/reports.hpp"
#include "accord/governance.hpp"
#include "accord/motion.hpp"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {

command add_decide(CLI::App& root) {
    struct state {
        std::string votes, org, rule = "double-majority", rule_file, policy, category, casting, level;
        std::string unit_column = "unit", vote_column = "vote";
        std::string record; // --record FILE (docs/governance.md)
        org_flags of;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app =
        root.add_subcommand("decide", "Decide a yes/no motion under a majority rule or a decision policy");
    app->add_option("VOTES", st->votes,
                    "Votes CSV: a row per voter with columns unit and vote (yes/no/abstain)")
        ->required();
    app->add_option("--org", st->org, "Organisation CSV (units, groups, populations)")->required();
    app->add_option("--rule", st->rule,
                    "simple-majority, double-majority (default), triple-majority, two-thirds, "
                    "three-quarters, 75-75, unanimity")
        ->capture_default_str();
    app->add_option("--rule-file", st->rule_file, "A decision rule as JSON (docs/motions.md)");
    app->add_option("--policy", st->policy, "A decision policy JSON mapping categories to rules");
    app->add_option("--category", st->category, "The policy's category this decision falls under");
    app->add_option("--casting-vote", st->casting,
                    "The chair's casting vote (yes|no), used only on an exact tie");
    app->add_option("--level", st->level, "Kind of the voting units (default: the organisation's leaves)");
    app->add_option("--unit-column", st->unit_column, "Votes CSV column naming the unit")
        ->capture_default_str();
    app->add_option("--vote-column", st->vote_column, "Votes CSV column holding the vote")
        ->capture_default_str();
    add_org_flags(*app, st->of);
    app->add_option("--record", st->record,
                    "Also write a verifiable record of this decision to FILE (accord verify FILE)");
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer(
        "Examples:\n  accord decide votes.csv --org practices.csv --rule double-majority\n"
        "  accord decide votes.csv --org practices.csv --policy constitution.json --category spending "
        "--json\n"
        "Exit status 0 whether or not the motion passed (read \"passed\"); 1 input error; 2 usage error.");
    return {
        app, [st]() {
            // --rule has a default (double-majority): it gives way to a file or policy.
            const bool other = !st->rule_file.empty() || !st->policy.empty();
            decision_rule rule = load_rule(other ? "" : st->rule, st->rule_file, st->policy, st->category);
            if (!st->level.empty()) rule.level = st->level;
            std::optional<vote_choice> casting;
            if (!st->casting.empty()) {
                casting = parse_vote_choice(st->casting);
                if (*casting == vote_choice::abstain) throw usage_error("--casting-vote must be yes or no");
            }
            const organisation org = load_org(st->org, st->of);
            const auto votes = read_votes(st->votes, st->unit_column, st->vote_column);
            const decision d = decide(org, votes, rule, casting);
            nlohmann::ordered_json inv = {
                {"command", "decide"},
                {"votes",
                 {{"file", st->votes}, {"unit_column", st->unit_column}, {"vote_column", st->vote_column}}},
                {"org", org_invocation(st->org, st->of)},
                {"rule", detail::decision_rule_report(rule)}};
            if (casting) inv["casting_vote"] = *casting == vote_choice::yes ? "yes" : "no";
            write_record_if(st->record, inv);
            if (st->json) {
                std::cout << to_json(d) << '\n';
                return 0;
            }
            std::cout << "rule: " << d.rule << "\n" << (d.passed ? "PASSED" : "NOT PASSED") << "\n";
            for (const auto& c : d.conditions) {
                std::cout << "  " << (c.passed ? "[pass] " : "[fail] ") << std::left << std::setw(22)
                          << c.name << std::right << " have " << to_string(c.have) << ", need "
                          << to_string(c.need) << " of " << to_string(c.base) << "  (" << c.detail << ")";
                if (!c.passed && c.need > c.have) std::cout << "  short by " << to_string(c.need - c.have);
                std::cout << '\n';
            }
            for (const auto& n : d.notes) std::cout << "note: " << n << '\n';
            return 0;
        }};
}

} // namespace accord::cli
