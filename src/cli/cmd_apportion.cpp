// accord apportion ORG.csv --seats N --method M: seats per unit in proportion to population.
#include "common.hpp"

#include "accord/apportion.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

command add_apportion(CLI::App& root) {
    struct state {
        std::string org, method = "hamilton", level = "pcn", quota, excess, first_divisor;
        std::uint64_t seats = 0, min = 0, max = 0;
        bool whole_quota = false;
        org_flags of;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand(
        "apportion", "Seats per unit in proportion to population (e.g. representatives per PCN)");
    app->add_option("ORG", st->org, "Organisation CSV")->required();
    app->add_option("--seats", st->seats, "Seats to share")->required();
    app->add_option("--method", st->method, apportion_method_names())->capture_default_str();
    app->add_option("--level", st->level, "Kind of the units that receive seats (default pcn)")
        ->capture_default_str();
    app->add_option("--min", st->min, "Minimum seats per unit");
    app->add_option("--max", st->max, "Maximum seats per unit (0 = no limit)");
    auto* quota = app->add_option("--quota", st->quota,
                                  "Largest remainder (hamilton) only: hare (default), droop, "
                                  "hagenbach-bischoff, imperiali");
    auto* whole = app->add_flag("--whole-quota", st->whole_quota,
                                "Largest remainder only: drop the quota's fractional part (South Tyrol)");
    auto* excess = app->add_option("--excess", st->excess,
                                   "Largest remainder with hagenbach-bischoff or imperiali: refuse (default) "
                                   "or reduce-divisor when the quota gives too many whole seats");
    auto* first = app->add_option("--first-divisor", st->first_divisor,
                                  "Webster (sainte-lague) only: the first divisor, exact (1.4 Norway, 1.2 "
                                  "Sweden; default 1)");
    add_org_flags(*app, st->of);
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer(
        "Examples:\n  accord apportion practices.csv --within QGH --seats 20 --method webster --min 1\n"
        "  accord apportion lists.csv --level list --seats 19 --method sainte-lague --first-divisor 1.4\n"
        "  accord apportion lists.csv --level list --seats 35 --quota imperiali --whole-quota --excess "
        "reduce-divisor");
    return {app, [st, quota, whole, excess, first]() {
                const organisation org = load_org(st->org, st->of);
                apportion_options o;
                o.method = parse_apportion_method(st->method);
                o.seats = st->seats;
                // Only options given on the command line are set, so one the method does not use
                // is refused by the core, naming it.
                if (quota->count()) o.quota = parse_apportion_quota(st->quota);
                if (whole->count()) o.whole_quota = true;
                if (excess->count()) o.excess = parse_apportion_excess(st->excess);
                if (first->count()) {
                    try {
                        o.first_divisor = parse_rational(st->first_divisor);
                    } catch (const error&) {
                        throw error(errc::invalid, "--first-divisor must be an exact number such as 1.4 or "
                                                   "7/5, not '" +
                                                       st->first_divisor + "'");
                    }
                }
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
                if (!r.quota.empty()) {
                    std::cout << "quota: " << r.quota << ", " << to_string(r.votes_per_seat) << " per seat";
                    for (const auto& q : r.rejected)
                        std::cout << " (" << to_string(q) << " gave too many seats)";
                    std::cout << '\n';
                }
                if (r.first_divisor && *r.first_divisor != 1)
                    std::cout << "first divisor: " << to_string(*r.first_divisor) << '\n';
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
