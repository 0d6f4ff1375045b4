// accord demo: a built-in priority-setting exercise, counted under every registered method
// that accepts ranked ballots, with one vote per practice and with votes weighted by list size.
#include "common.hpp"
#include "demo_data.hpp"

#include <nlohmann/json.hpp>

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
        try {
            out.emplace_back(m.name, run(p, m.name));
        } catch (const error& e) {
            if (e.code() != errc::invalid && e.code() != errc::unsupported) throw;
        }
    }
    return out;
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
    return {app, [json]() {
                const profile equal = demo_profile(false), weighted = demo_profile(true);
                const auto by_practice = count_all(equal), by_list = count_all(weighted);
                if (*json) {
                    nlohmann::ordered_json j;
                    j["scenario"] = equal.title;
                    nlohmann::ordered_json ps = nlohmann::ordered_json::array();
                    for (const auto& pr : demo::practices()) {
                        nlohmann::ordered_json rk = nlohmann::ordered_json::array();
                        for (int c : pr.ranking) rk.push_back(demo::priorities[static_cast<std::size_t>(c)]);
                        ps.push_back({{"practice", pr.name}, {"pcn", pr.pcn}, {"list_size", pr.list_size}, {"ranking", rk}});
                    }
                    j["practices"] = ps;
                    for (auto [key, results] : {std::pair{"one_practice_one_vote", &by_practice},
                                                std::pair{"weighted_by_list_size", &by_list}}) {
                        nlohmann::ordered_json m = nlohmann::ordered_json::object();
                        for (const auto& [name, r] : *results) m[name] = nlohmann::ordered_json::parse(to_json(r));
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
                             "priorities (" << total << " registered patients; invented data).\n\n";
                for (const auto& [name, v] : pcns)
                    std::cout << "  " << std::left << std::setw(22) << name << v.first << " practices, "
                              << std::right << std::setw(6) << v.second << " patients\n";
                std::cout << "\nWho wins depends on the rule and on whose vote counts how much:\n\n";
                std::size_t wide = 8;
                for (const auto& [name, r] : by_practice) wide = std::max(wide, name.size() + 2);
                const int mw = static_cast<int>(wide);
                std::cout << "  " << std::left << std::setw(mw) << "method" << std::setw(32) << "one practice, one vote"
                          << "weighted by list size\n";
                for (std::size_t i = 0; i < by_practice.size(); ++i) {
                    const auto& name = by_practice[i].first;
                    std::string w = "-";
                    for (const auto& [n2, r2] : by_list)
                        if (n2 == name) w = winners_of(r2);
                    std::cout << "  " << std::left << std::setw(mw) << name << std::setw(32)
                              << winners_of(by_practice[i].second) << w << '\n';
                }
                for (const auto& [name, r] : by_practice)
                    if (name == "irv") std::cout << "\nInstant runoff, one practice one vote:\n" << to_text(r);
                for (const auto& [name, r] : by_list)
                    if (name == "irv") std::cout << "\nInstant runoff, weighted by list size:\n" << to_text(r);
                std::cout << "\nTry: accord methods; accord run irv FILE --json (docs/cli.md)\n";
                return 0;
            }};
}

} // namespace accord::cli
