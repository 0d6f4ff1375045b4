// accord weights ORG.csv --scheme S: whose vote counts how much (docs/weighting.md).
#include "common.hpp"

#include "accord/analysis/defaults.hpp"
#include "accord/weighting.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

void add_org_flags(CLI::App& app, org_flags& f) {
    app.add_option("--within", f.within,
                   "Keep only units under this id (an ICB, sub-ICB or PCN code); repeatable");
    app.add_option("--unallocated", f.unallocated,
                   "Practices in the 'Unallocated' PCN: own-group (default), exclude, keep")
        ->check(CLI::IsMember({"own-group", "exclude", "keep"}));
    app.add_option("--min-population", f.min_population,
                   "Leave out practices with fewer registered patients");
    app.add_option("--list-sizes", f.list_sizes,
                   "NHS England's list-size file (gp-reg-pat-prac-all); the organisation file is then its "
                   "practice mapping (gp-reg-pat-prac-map), joined on the practice code");
}

organisation load_org(const std::string& path, const org_flags& f) {
    org_csv_options o;
    o.within = f.within;
    o.min_population = f.min_population;
    o.unallocated = f.unallocated == "exclude" ? unallocated_policy::exclude
                    : f.unallocated == "keep"  ? unallocated_policy::keep
                                               : unallocated_policy::own_group;
    o.unallocated_given = !f.unallocated.empty();
    if (f.list_sizes.empty()) return read_organisation(path, o);
    nhs_join_report rep;
    organisation org = read_nhs_organisation(path, f.list_sizes, o, &rep);
    if (!rep.not_in_mapping.empty()) note_not_in_mapping(rep, f.list_sizes);
    return org;
}

void note_not_in_mapping(const nhs_join_report& rep, const std::string& sizes_path) {
    std::cerr << "accord: note: " << rep.not_in_mapping.size() << " practice(s) of " << sizes_path
              << " (list sizes of " << rep.list_size_extract_date << ") are not in the mapping of "
              << rep.mapping_extract_date << " and are left out:";
    for (const auto& c : rep.not_in_mapping) std::cerr << ' ' << c;
    std::cerr << '\n';
}

command add_weights(CLI::App& root) {
    struct state {
        // The default scheme is the first of the core's table (as for C and Python).
        std::string org, scheme = scheme_table().front().name, level, group_scheme,
                         group_level = k_default_group_level;
        org_flags of;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app =
        root.add_subcommand("weights", "Weights, shares and the smallest majority of units under a scheme");
    app->add_option("ORG", st->org, "Organisation CSV (NHS practice file, or id,name,kind,parent,population)")
        ->required();
    app->add_option("--scheme", st->scheme, scheme_syntax())->capture_default_str();
    app->add_option("--level", st->level,
                    "Kind of the voting units: practice (default: the leaves), pcn, icb, ...");
    app->add_option(
        "--group-scheme", st->group_scheme,
        "Two-level weighting: --scheme inside each group at --group-level, this across the groups");
    app->add_option("--group-level", st->group_level, "Kind of the groups of a two-level weighting")
        ->capture_default_str();
    add_org_flags(*app, st->of);
    app->add_flag("--json", st->json, "Print one JSON object");
    app->footer("Examples:\n  accord weights practices.csv --within U12199 --scheme sqrt\n"
                "  accord weights practices_england_2025.csv --scheme population --level pcn --json");
    return {app, [st]() {
                const organisation org = load_org(st->org, st->of);
                const std::string level = st->level.empty() ? org.kinds().front() : st->level;
                const auto units = org.of_kind(level);
                if (units.empty())
                    throw error(errc::not_found, "no units of kind '" + level + "' in " + st->org);
                two_level_report two;
                if (!st->group_scheme.empty())
                    two = compute_two_level_weights(org, units, parse_scheme(st->scheme),
                                                    parse_scheme(st->group_scheme), st->group_level);
                const auto rep = st->group_scheme.empty()
                                     ? compute_weights(org, units, parse_scheme(st->scheme))
                                     : two.units;
                if (st->json) {
                    std::cout << to_json(org, rep) << '\n';
                    return 0;
                }
                std::cout << "scheme " << rep.scheme << ", " << units.size() << " " << level << " units\n";
                const auto& prov = org.provenance();
                if (auto m = prov.find("mapping_extract_date"), l = prov.find("list_size_extract_date");
                    m != prov.end() && l != prov.end())
                    std::cout << "extracts: mapping " << m->second << ", list sizes " << l->second << '\n';
                std::cout << '\n';
                std::size_t wid = 4;
                for (const auto& u : rep.units) wid = std::max(wid, org[u.unit].name.size());
                wid = std::min<std::size_t>(wid, 48);
                std::cout << "  " << std::left << std::setw(10) << "id"
                          << std::setw(static_cast<int>(wid) + 2) << "name" << std::right << std::setw(11)
                          << "population" << std::setw(14) << "weight" << std::setw(10) << "share" << '\n';
                // Whole weights print whole; others to four places, so the points line up.
                const bool whole = std::all_of(rep.units.begin(), rep.units.end(), [](const auto& u) {
                    return boost::multiprecision::denominator(u.weight) == 1;
                });
                for (const auto& u : rep.units) {
                    const auto& o = org[u.unit];
                    std::cout << "  " << std::left << std::setw(10) << o.id
                              << std::setw(static_cast<int>(wid) + 2) << o.name.substr(0, wid) << std::right
                              << std::setw(11) << o.population << std::setw(14) << std::fixed
                              << std::setprecision(whole ? 0 : 4) << to_double(u.weight) << std::setw(9)
                              << std::setprecision(2) << 100 * to_double(u.share) << "%" << std::defaultfloat
                              << '\n';
                }
                std::cout << "\nlargest share     " << std::fixed << std::setprecision(2)
                          << 100 * to_double(rep.largest_share) << "%\neffective number  "
                          << rep.effective_number << std::defaultfloat << "\nsmallest majority "
                          << rep.min_majority.size() << " units (" << std::fixed << std::setprecision(2)
                          << 100 * to_double(rep.min_majority_share) << "% of the weight)"
                          << std::defaultfloat << '\n';
                return 0;
            }};
}

} // namespace accord::cli
