// accord vote, verify, declare and brief: running a vote through a constitution, and the
// records anyone can verify (docs/governance.md).
#include "common.hpp"

#include "accord/detail/reports.hpp"
#include "accord/governance.hpp"

#include <iostream>
#include <memory>

namespace accord::cli {

namespace {
std::string pct(const nlohmann::ordered_json& exact) {
    const rational r = parse_rational(exact.get<std::string>());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * to_double(r));
    return buf;
}
} // namespace

// Writes a record of an invocation (run, decide, vote, brief) when --record was given.
void write_record_if(const std::string& path, const nlohmann::ordered_json& invocation) {
    if (path.empty()) return;
    write_text_file(path, make_record(invocation.dump()) + "\n");
}

command add_vote(CLI::App& root) {
    struct state {
        std::string constitution, ballots, category, amount, date, duplicates = "refuse", casting, record;
        std::size_t top_k = 3;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand(
        "vote", "Count the returns of a vote by the body a constitution gives the matter to");
    app->add_option("CONSTITUTION", st->constitution, "Constitution JSON (docs/governance.md)")->required();
    app->add_option("BALLOTS", st->ballots,
                    "Returns: yes/no votes (CSV unit,vote) for a motion, or ballots with a 'unit' column for "
                    "a ranked category")
        ->required();
    app->add_option("--category", st->category, "The decision category")->required();
    app->add_option("--amount", st->amount, "The amount at stake (limits send larger matters up)");
    app->add_option("--date", st->date, "The date of the vote (YYYY-MM-DD): delegations in force");
    app->add_option("--duplicates", st->duplicates,
                    "refuse (default), identical-once, or share (yes/no votes: a unit's voters share it)")
        ->check(CLI::IsMember({"refuse", "identical-once", "share"}))
        ->capture_default_str();
    app->add_option("--casting-vote", st->casting,
                    "The chair's casting vote (yes|no), used only on an exact tie");
    app->add_option("--top-k", st->top_k, "Consensus: share of returns with the winner in their top k")
        ->capture_default_str();
    app->add_option("--record", st->record,
                    "Write a verifiable record of this vote to FILE (accord verify FILE)");
    app->add_flag("--json", st->json, "Print the outcome as one JSON object");
    return {app, [st]() {
                nlohmann::ordered_json inv = {
                    {"command", "vote"},        {"constitution", st->constitution}, {"ballots", st->ballots},
                    {"category", st->category}, {"duplicates", st->duplicates},     {"top_k", st->top_k}};
                if (!st->amount.empty()) inv["amount"] = st->amount;
                if (!st->date.empty()) inv["date"] = st->date;
                if (!st->casting.empty()) inv["casting_vote"] = st->casting;
                const auto o = detail::invocation_outcome(inv);
                write_record_if(st->record, inv);
                if (st->json) {
                    std::cout << o.dump() << '\n';
                    return 0;
                }
                std::cout << "body: " << o["body"]["id"].get<std::string>() << " ("
                          << o["body"]["name"].get<std::string>() << "), rule '"
                          << o["rule"]["name"].get<std::string>() << "'\n";
                const auto& t = o["turnout"];
                const bool seats = o["body"]["members"] == "seats";
                std::cout << "turnout: " << t["units"] << " of " << t["eligible_units"] << " members ("
                          << pct(t["units_share"]) << "), " << t["population"] << " of "
                          << t["eligible_population"]
                          << (seats ? " patients represented (each seat counts the patients it speaks for, "
                                      "so seats overlap)"
                                    : " patients")
                          << " (" << pct(t["population_share"]) << ")\n";
                if (!o["missing"].empty()) {
                    std::cout << "no return from:";
                    for (const auto& m : o["missing"]) std::cout << ' ' << m.get<std::string>();
                    std::cout << '\n';
                }
                if (o.contains("decision")) {
                    std::cout << (o["decision"]["passed"].get<bool>() ? "PASSED" : "NOT PASSED") << '\n';
                    for (const auto& c : o["decision"]["conditions"])
                        std::cout << "  " << (c["passed"].get<bool>() ? "[pass] " : "[fail] ")
                                  << c["name"].get<std::string>() << ": have "
                                  << c["have_exact"].get<std::string>() << ", need "
                                  << c["need_exact"].get<std::string>() << " of "
                                  << c["base_exact"].get<std::string>() << '\n';
                    const auto& k = o["consensus"];
                    std::cout << "with the outcome: " << k["units_with_outcome"] << " of "
                              << k["units_voting"] << " members voting ("
                              << pct(k["units_with_outcome_share"]) << "), "
                              << pct(k["population_with_outcome_share"])
                              << (o["body"]["members"] == "seats" ? " of the patients they represent\n"
                                                                  : " of their patients\n");
                } else {
                    if (!o["quorate"].get<bool>()) std::cout << "NOT QUORATE: no decision\n";
                    const auto& r = o["result"];
                    std::cout << "agreed order (" << o["method"].get<std::string>() << "):\n";
                    std::size_t place = 1;
                    for (const auto& tier : r["ranking"]) {
                        std::string line;
                        for (const auto& c : tier) line += (line.empty() ? "" : " = ") + c.get<std::string>();
                        std::cout << "  " << place << ". " << line << '\n';
                        place += tier.size();
                    }
                    const auto& k = o["consensus"];
                    std::cout << "winner first on " << k["winner_first"] << " of " << k["ballots"]
                              << " returns; in the top " << k["top_k"] << " on " << k["winner_in_top_k"]
                              << " (" << pct(k["winner_in_top_k_share"]) << "; "
                              << pct(k["population_winner_in_top_k_share"]) << " of patients)\n";
                }
                if (!st->record.empty()) std::cout << "record: " << st->record << '\n';
                return 0;
            }};
}

command add_verify(CLI::App& root) {
    struct state {
        std::string record;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand("verify", "Recount a record from its inputs and say whether it stands");
    app->add_option("RECORD", st->record, "A record written with --record")->required();
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer("Exit status 0 when the record stands, 1 when it does not (or on an input error).");
    return {app, [st]() {
                const verify_report v = verify_record(st->record);
                if (st->json) {
                    std::cout << to_json(v) << '\n';
                    return v.ok ? 0 : 1;
                }
                for (const auto& c : v.checked) std::cout << "ok: " << c << '\n';
                for (const auto& p : v.problems) std::cout << "FAIL: " << p << '\n';
                std::cout << (v.ok ? "the record stands" : "the record does NOT stand") << '\n';
                return v.ok ? 0 : 1;
            }};
}

command add_declare(CLI::App& root) {
    struct state {
        std::string record, out;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand(
        "declare", "Write a printable, plain-language declaration of a record's result (HTML)");
    app->add_option("RECORD", st->record, "A record written with --record")->required();
    app->add_option("-o,--output", st->out, "The HTML file to write")->required();
    return {app, [st]() {
                write_text_file(st->out, declaration_html(read_text_file(st->record)));
                std::cout << "declaration: " << st->out << '\n';
                return 0;
            }};
}

command add_brief(CLI::App& root) {
    struct state {
        std::string record, meeting, expires, representative, body, out_record;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand("brief", "A representative's brief from the record of a ranked vote");
    app->add_option("RECORD", st->record, "The record of a ranked vote (accord vote ... --record)")
        ->required();
    app->add_option("--meeting", st->meeting, "The meeting the brief is for");
    app->add_option("--expires", st->expires, "The date the mandate expires (YYYY-MM-DD)");
    app->add_option("--representative", st->representative, "Who carries the brief");
    app->add_option("--body", st->body,
                    "The body the representative speaks for (default: the body that voted)");
    app->add_option("--record", st->out_record,
                    "Write a verifiable record of this brief to FILE (accord verify FILE): it pins the "
                    "vote's record and the constitution by SHA-256");
    app->add_flag("--json", st->json, "Print one JSON object");
    return {app, [st]() {
                nlohmann::ordered_json inv = {{"command", "brief"}, {"record", st->record}};
                if (!st->meeting.empty()) inv["meeting"] = st->meeting;
                if (!st->expires.empty()) inv["expires"] = st->expires;
                if (!st->representative.empty()) inv["representative"] = st->representative;
                if (!st->body.empty()) inv["body"] = st->body;
                const std::string b = evaluate_invocation(inv.dump());
                write_record_if(st->out_record, inv);
                if (st->json)
                    std::cout << b << '\n';
                else
                    std::cout << brief_text(b);
                if (!st->out_record.empty() && !st->json) std::cout << "record: " << st->out_record << '\n';
                return 0;
            }};
}

} // namespace accord::cli
