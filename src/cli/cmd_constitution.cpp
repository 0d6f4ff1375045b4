// accord constitution check|seats|power FILE and accord mandate FILE --body B --category C:
// a constitution as data and the questions it answers (docs/governance.md).
#include "common.hpp"

#include "accord/governance.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace accord::cli {

namespace {
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}
} // namespace

command add_constitution(CLI::App& root) {
    struct state {
        std::string file, date, body, category;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app =
        root.add_subcommand("constitution", "Check a constitution; list seats to renew; power in a body");
    app->require_subcommand(1);
    auto* check = app->add_subcommand("check", "Validate a constitution and explain every problem");
    check->add_option("FILE", st->file, "Constitution JSON (docs/governance.md)")->required();
    check->add_option("--date", st->date,
                      "Check terms and review dates as of this date (YYYY-MM-DD; default today, UTC)");
    check->add_flag("--json", st->json, "Print the findings as JSON");
    auto* seats =
        app->add_subcommand("seats", "Seats whose terms have ended, end within 90 days, or are vacant");
    seats->add_option("FILE", st->file, "Constitution JSON")->required();
    seats->add_option("--date", st->date, "As of this date (YYYY-MM-DD; default today, UTC)");
    seats->add_flag("--json", st->json, "Print JSON");
    auto* power = app->add_subcommand(
        "power", "Banzhaf and Shapley-Shubik power of the members of a body under the rule of a category");
    power->add_option("FILE", st->file, "Constitution JSON")->required();
    power->add_option("--body", st->body, "Body id")->required();
    power->add_option("--category", st->category, "Decision category id")->required();
    power->add_flag("--json", st->json, "Print JSON");
    app->footer(
        "Examples:\n  accord constitution check examples/governance/constitution.json --date 2026-01-15\n"
        "  accord constitution power examples/governance/constitution.json --body leadership-group "
        "--category priorities\n"
        "Exit status: 0 valid, 1 errors found or input error, 2 usage error.");
    return {app, [st, check, seats, power]() {
                const std::string as_of = st->date.empty() ? today() : st->date;
                if (check->parsed()) {
                    const constitution c = read_constitution(st->file, false);
                    const auto fs = check_constitution(c, as_of);
                    std::size_t errors = 0;
                    for (const auto& f : fs) errors += f.error ? 1 : 0;
                    if (st->json) {
                        std::cout << to_json(fs, 2) << '\n';
                        return errors ? 1 : 0;
                    }
                    std::map<std::string, int> kinds;
                    for (const auto& g : c.groupings) ++kinds[g.kind];
                    std::cout << "constitution: " << c.name << ", version " << c.version << " (review by "
                              << c.review_by << ")\n";
                    std::cout << "organisation: " << c.org.of_kind(c.org.kinds().front()).size() << " "
                              << c.org.kinds().front() << "s; groupings:";
                    bool first = true;
                    for (const auto& [k, n] : kinds) {
                        std::cout << (first ? " " : ", ") << n << " " << k;
                        first = false;
                    }
                    std::cout << "\nbodies:";
                    first = true;
                    for (const auto& b : c.bodies) {
                        std::size_t voting = 0;
                        for (const auto& s : b.seats) voting += s.vote == voting_right::observer ? 0 : 1;
                        std::cout << (first ? " " : ", ") << b.id;
                        if (!b.members_of.empty())
                            std::cout << " (every practice of " << b.members_of << ": "
                                      << (c.find_grouping(b.members_of)
                                              ? c.find_grouping(b.members_of)->members.size()
                                              : 0)
                                      << ")";
                        else
                            std::cout << " (" << b.seats.size() << " seats, " << voting << " voting)";
                        first = false;
                    }
                    std::cout << "\ncategories: " << c.categories.size()
                              << ", delegations: " << c.delegations.size() << "\n";
                    for (const auto& f : fs)
                        std::cout << (f.error ? "error: " : "warning: ") << st->file
                                  << (f.line ? ":" + std::to_string(f.line) : "") << ": " << f.path << ": "
                                  << f.message << '\n';
                    std::cout << (errors ? "INVALID" : "VALID") << " (" << errors << " errors, "
                              << fs.size() - errors << " warnings, as of " << as_of << ")\n";
                    return errors ? 1 : 0;
                }
                const constitution c = read_constitution(st->file);
                if (seats->parsed()) {
                    const auto ss = seats_needing_attention(c, as_of);
                    if (st->json) {
                        nlohmann::ordered_json a = nlohmann::ordered_json::array();
                        for (const auto& s : ss)
                            a.push_back({{"body", s.body},
                                         {"seat", s.seat},
                                         {"holder", s.holder},
                                         {"term_end", s.term_end},
                                         {"status", s.status}});
                        std::cout << a.dump(2) << '\n';
                        return 0;
                    }
                    if (ss.empty()) std::cout << "no seat needs attention as of " << as_of << '\n';
                    for (const auto& s : ss)
                        std::cout << s.status << ": " << s.body << " / " << s.seat << " ("
                                  << (s.holder.empty() ? "vacant" : s.holder) << ")"
                                  << (s.term_end.empty() ? "" : ", term ends " + s.term_end) << '\n';
                    return 0;
                }
                (void)power;
                const power_result r = body_power(c, st->body, st->category);
                if (st->json) {
                    std::cout << to_json(r) << '\n';
                    return 0;
                }
                std::cout << "power in " << st->body << " under the rule for '" << st->category
                          << "' (exact)\n";
                std::cout << "member                  banzhaf    shapley-shubik\n";
                for (std::size_t i = 0; i < r.players.size(); ++i) {
                    char line[160];
                    std::snprintf(line, sizeof line, "%-22s %8.4f  %8.4f", r.players[i].c_str(),
                                  r.banzhaf.value[i], r.shapley_shubik.value[i]);
                    std::cout << line << "   (" << to_string(r.banzhaf.exact[i]) << ", "
                              << to_string(r.shapley_shubik.exact[i]) << ")\n";
                }
                return 0;
            }};
}

command add_mandate(CLI::App& root) {
    struct state {
        std::string file, body, category, date, amount;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand(
        "mandate", "May a body decide a category (on a date, for an amount)? Under which rule, and why?");
    app->add_option("FILE", st->file, "Constitution JSON (docs/governance.md)")->required();
    app->add_option("--body", st->body, "Body id")->required();
    app->add_option("--category", st->category, "Decision category id")->required();
    app->add_option("--date", st->date, "On this date (YYYY-MM-DD): delegations in force, terms, review");
    app->add_option("--amount", st->amount,
                    "For this amount (exact, e.g. 80000): limits send larger matters up");
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer(
        "Example:\n  accord mandate constitution.json --body executive --category spending --amount 80000\n"
        "Exit status 0 whether or not the body may decide (read \"allowed\"); 1 input error; 2 usage error.");
    return {app, [st]() {
                const constitution c = read_constitution(st->file);
                std::optional<rational> amount;
                if (!st->amount.empty()) amount = parse_rational(st->amount);
                const mandate_answer m = mandate(c, st->body, st->category, st->date, amount);
                if (st->json) {
                    std::cout << to_json(m) << '\n';
                    return 0;
                }
                std::cout << (m.allowed ? "YES: " : "NO: ") << m.reason << "\nwhy:\n";
                for (const auto& s : m.chain) std::cout << "  " << s << '\n';
                std::cout << "rule '" << m.rule.name << "':";
                for (const auto& k : m.rule.conditions)
                    std::cout << " " << (k.strict ? "more than " : "at least ") << to_string(k.fraction)
                              << " of " << k.basis << " (" << (k.of_eligible ? "eligible" : "voting") << ");";
                if (m.rule.quorum_units)
                    std::cout << " quorum " << to_string(*m.rule.quorum_units) << " of members;";
                std::cout << '\n';
                for (const auto& w : m.warnings) std::cout << "warning: " << w << '\n';
                return 0;
            }};
}

} // namespace accord::cli
