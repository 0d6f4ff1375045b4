// accord demo: a built-in priority-setting exercise, counted under every registered method
// that accepts ranked ballots, with one vote per practice and with votes weighted by list size.
#include "common.hpp"
#include "demo_data.hpp"

#include "accord/detail/reports.hpp"
#include "accord/weighting.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>

namespace accord::cli {

namespace {
profile demo_profile(bool by_population) {
    std::vector<std::string> names(demo::priorities.begin(), demo::priorities.end());
    profile p(names);
    for (const auto& pr : demo::practices()) {
        const auto unit = p.intern_unit(pr.name);
        std::vector<std::vector<cand_t>> tiers;
        for (int c : pr.ranking) tiers.push_back({static_cast<cand_t>(c)});
        p.add_ranking(tiers, 1, by_population ? rational(pr.list_size) : rational(1), unit);
    }
    p.title = "Demo place: 20 practices, 5 PCNs, 8 candidate priorities";
    return p;
}

// Every registered method that counts these ballots with its default options.
std::vector<std::pair<std::string, result>> count_all(const profile& p) {
    std::vector<std::pair<std::string, result>> out;
    for (const auto& m : methods()) {
        if (std::find(m.ballots.begin(), m.ballots.end(), p.kind()) == m.ballots.end()) continue;
        try {
            out.emplace_back(m.name, run(p, m.name));
        } catch (const error& e) {
            if (e.code() != errc::invalid && e.code() != errc::unsupported) throw;
        }
    }
    return out;
}

// The demo place as an organisation: practices inside their PCNs.
organisation demo_org() {
    organisation org;
    std::map<std::string_view, std::uint32_t> pcn;
    for (const auto& pr : demo::practices())
        if (!pcn.count(pr.pcn)) {
            org_unit u;
            u.id = std::string(pr.pcn);
            u.name = u.id;
            u.kind = "pcn";
            pcn[pr.pcn] = org.add(std::move(u));
        }
    for (const auto& pr : demo::practices()) {
        org_unit u;
        u.id = std::string(pr.name);
        u.name = u.id;
        u.kind = "practice";
        u.parent = pcn[pr.pcn];
        u.population = pr.list_size;
        org.add(std::move(u));
    }
    org.sort_kinds();
    org.sum_populations();
    return org;
}

std::string winners_of(const result& r) {
    std::string s;
    for (cand_t w : r.winners) s += (s.empty() ? "" : ", ") + r.candidates[w];
    return s.empty() ? "(tie unresolved)" : s;
}
} // namespace

command add_demo(CLI::App& root) {
    auto json = std::make_shared<bool>(false);
    auto* app = root.add_subcommand("demo", "Run the built-in priority-setting example");
    app->add_flag("--json", *json, "Print one JSON object with every count");
    app->footer("Examples:\n  accord demo\n  accord demo --json\n"
                "The scenario is invented; docs/guide.md walks through real Herefordshire numbers.");
    return {
        app, [json]() {
            const profile equal = demo_profile(false), weighted = demo_profile(true);
            const auto by_practice = count_all(equal), by_list = count_all(weighted);
            if (*json) {
                nlohmann::ordered_json j;
                j["scenario"] = equal.title;
                nlohmann::ordered_json ps = nlohmann::ordered_json::array();
                for (const auto& pr : demo::practices()) {
                    nlohmann::ordered_json rk = nlohmann::ordered_json::array();
                    for (int c : pr.ranking) rk.push_back(demo::priorities[static_cast<std::size_t>(c)]);
                    ps.push_back({{"practice", pr.name},
                                  {"pcn", pr.pcn},
                                  {"list_size", pr.list_size},
                                  {"ranking", rk}});
                }
                j["practices"] = ps;
                for (auto [key, results] : {std::pair{"one_practice_one_vote", &by_practice},
                                            std::pair{"weighted_by_list_size", &by_list}}) {
                    nlohmann::ordered_json m = nlohmann::ordered_json::object();
                    for (const auto& [name, r] : *results) m[name] = detail::result_report(r);
                    j[key] = m;
                }
                std::cout << j.dump() << '\n';
                return 0;
            }
            std::map<std::string_view, std::pair<int, std::uint64_t>> pcns;
            std::uint64_t total = 0;
            for (const auto& pr : demo::practices()) {
                pcns[pr.pcn].first += 1;
                pcns[pr.pcn].second += pr.list_size;
                total += pr.list_size;
            }
            std::cout << "accord demo: a place of 20 GP practices in 5 Primary Care Networks ranks 8 local\n"
                         "priorities ("
                      << total << " registered patients; invented data).\n\n";
            for (const auto& [name, v] : pcns)
                std::cout << "  " << std::left << std::setw(22) << name << v.first << " practices, "
                          << std::right << std::setw(6) << v.second << " patients\n";
            std::cout << "\nWho wins depends on the rule and on whose vote counts how much:\n\n";
            std::size_t wide = 8;
            for (const auto& [name, r] : by_practice) wide = std::max(wide, name.size() + 2);
            const int mw = static_cast<int>(wide);
            std::cout << "  " << std::left << std::setw(mw) << "method" << std::setw(32)
                      << "one practice, one vote"
                      << "weighted by list size\n";
            for (std::size_t i = 0; i < by_practice.size(); ++i) {
                const auto& name = by_practice[i].first;
                std::string w = "-";
                for (const auto& [n2, r2] : by_list)
                    if (n2 == name) w = winners_of(r2);
                std::cout << "  " << std::left << std::setw(mw) << name << std::setw(32)
                          << winners_of(by_practice[i].second) << w << '\n';
            }
            // Weighting schemes x aggregation modes, for three rules.
            const organisation org = demo_org();
            std::cout << "\nThe same ballots under each weighting scheme (top two priorities):\n\n";
            const char* schemes[] = {"equal", "population", "sqrt", "capped:0.1", "group-equal", "blend:0.5"};
            std::cout << "  " << std::left << std::setw(14) << "scheme";
            for (const char* m : {"borda", "irv", "schulze"}) std::cout << std::setw(52) << m;
            std::cout << '\n';
            auto top2 = [](const result& r) {
                std::string s;
                std::size_t n = 0;
                for (const auto& tier : r.ranking) {
                    for (cand_t c : tier) {
                        if (n == 2) break;
                        s += (s.empty() ? "" : (tier.size() > 1 && n > 0 ? " = " : " > ")) + r.candidates[c];
                        ++n;
                    }
                    if (n == 2) break;
                }
                return s;
            };
            for (const char* sc : schemes) {
                std::cout << "  " << std::left << std::setw(14) << sc;
                for (const char* m : {"borda", "irv", "schulze"})
                    std::cout << std::setw(52) << top2(run_weighted(equal, org, parse_scheme(sc), m, "{}"));
                std::cout << '\n';
            }
            aggregate_options two;
            two.mode = aggregation_mode::two_stage;
            two.inner = "borda";
            two.outer = "borda";
            std::cout << "  " << std::left << std::setw(14) << "two-stage"
                      << "each PCN ranks by Borda, then PCNs (equal) vote by Borda: "
                      << top2(run_weighted(equal, org, parse_scheme("group-equal"), "borda", "{}", two))
                      << '\n';
            std::cout << "\n(`accord weights` shows each scheme's shares; docs/weighting.md explains the "
                         "trade-offs.)\n";
            for (const auto& [name, r] : by_practice)
                if (name == "irv") std::cout << "\nInstant runoff, one practice one vote:\n" << to_text(r);
            for (const auto& [name, r] : by_list)
                if (name == "irv") std::cout << "\nInstant runoff, weighted by list size:\n" << to_text(r);
            std::cout << "\nTry: accord methods; accord run irv FILE --json (docs/cli.md)\n";
            return 0;
        }};
}

} // namespace accord::cli
