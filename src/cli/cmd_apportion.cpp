// accord apportion ORG.csv --seats N --method M: seats per unit in proportion to population.
#include "common.hpp"

#include "accord/apportion.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

command add_apportion(CLI::App& root) {
    struct state {
        std::string org, method = "hamilton", level = "pcn";
        std::uint64_t seats = 0, min = 0, max = 0;
        org_flags of;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand(
        "apportion", "Seats per unit in proportion to population (e.g. representatives per PCN)");
    app->add_option("ORG", st->org, "Organisation CSV")->required();
    app->add_option("--seats", st->seats, "Seats to share")->required();
    app->add_option("--method", st->method,
                    "hamilton, jefferson (dhondt), webster (sainte-lague), huntington-hill, adams")
        ->capture_default_str();
    app->add_option("--level", st->level, "Kind of the units that receive seats (default pcn)")
        ->capture_default_str();
    app->add_option("--min", st->min, "Minimum seats per unit");
    app->add_option("--max", st->max, "Maximum seats per unit (0 = no limit)");
    add_org_flags(*app, st->of);
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer(
        "Example:\n  accord apportion practices.csv --within QGH --seats 20 --method webster --min 1");
    return {app, [st]() {
                const organisation org = load_org(st->org, st->of);
                apportion_options o;
                o.method = parse_apportion_method(st->method);
                o.seats = st->seats;
                const std::size_t n_units = org.of_kind(st->level).size();
                if (st->min) o.min_seats.assign(n_units, st->min);
                if (st->max) o.max_seats.assign(n_units, st->max);
                const auto ua = apportion_units(org, st->level, o);
                const auto& units = ua.units;
                const auto& r = ua.result;
                if (st->json) {
                    std::cout << to_json(org, ua, st->seats) << '\n';
                    return 0;
                }
                std::vector<std::uint64_t> pops;
                pops.reserve(units.size());
                for (auto u : units) pops.push_back(org[u].population);
                std::cout << r.method << ", " << st->seats << " seats among " << units.size() << " "
                          << st->level << " units\n";
                for (std::size_t i = 0; i < units.size(); ++i)
                    std::cout << "  " << std::left << std::setw(10) << org[units[i]].id << std::setw(44)
                              << org[units[i]].name.substr(0, 42) << std::right << std::setw(10) << pops[i]
                              << "  quota " << std::fixed << std::setprecision(3) << to_double(r.quotas[i])
                              << std::defaultfloat << "  seats " << r.seats[i] << '\n';
                for (const auto& t : r.ties) {
                    std::cout << "tie with " << t.seats_left << " seat(s) left among";
                    for (auto u : t.units) std::cout << ' ' << org[units[u]].id;
                    std::cout << "; given to";
                    for (auto u : t.chosen) std::cout << ' ' << org[units[u]].id;
                    std::cout << " (earlier unit first)\n";
                }
                return 0;
            }};
}

} // namespace accord::cli
