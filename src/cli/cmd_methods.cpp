// accord methods [RULE]: the registered methods and their options; with RULE, one method and
// each of its options' type, allowed values, default and meaning.
#include "common.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

namespace {
// One option as `accord methods RULE` prints it:
//   overvote  string, one of: exhaust-immediately skip-to-next ...; default "exhaust-..."
//             a rank holding several candidates: ...
void print_option(const option_info& o, std::size_t width) {
    std::cout << "  " << std::left << std::setw(static_cast<int>(width + 2)) << o.key << o.type;
    if (!o.choices.empty()) {
        std::cout << ", one of:";
        for (const auto& c : o.choices) std::cout << ' ' << c;
    }
    if (o.required)
        std::cout << "; required";
    else if (!o.default_json.empty())
        std::cout << "; default " << o.default_json;
    std::cout << '\n' << std::string(width + 4, ' ') << o.description << '\n';
}

int print_method(const std::string& rule, bool json) {
    const std::string name = method_name(rule); // errc::not_found naming the known methods
    const auto ms = methods();
    const auto m = std::find_if(ms.begin(), ms.end(), [&](const method_info& x) { return x.name == name; });
    if (json) {
        std::cout << method_json(name) << '\n';
        return 0;
    }
    std::cout << m->name << ": " << m->summary << '\n' << "ballots:";
    for (auto k : m->ballots) std::cout << ' ' << ballot_kind_name(k);
    if (m->additive) std::cout << " (additive)";
    std::cout << '\n';
    if (!m->aliases.empty()) {
        std::cout << "aliases:";
        for (const auto& a : m->aliases) std::cout << ' ' << a;
        std::cout << '\n';
    }
    std::cout << "docs: " << m->docs << '\n' << "options:\n";
    std::size_t width = 0;
    for (const auto& o : m->option_details) width = std::max(width, o.key.size());
    for (const auto& o : m->option_details) print_option(o, width);
    return 0;
}
// The rules counted by other commands than `accord run`, from their own tables.
void print_apportionment(bool heading) {
    if (heading) std::cout << "\nApportionment (accord apportion ORG --seats S --method M):\n";
    std::size_t w = 0;
    for (const auto& m : apportion_method_table()) w = std::max(w, std::string_view(m.name).size());
    const std::string indent(w + 4, ' ');
    for (const auto& m : apportion_method_table()) {
        std::cout << "  " << std::left << std::setw(static_cast<int>(w + 2)) << m.name << m.summary << '\n';
        if (*m.aliases) std::cout << indent << "aliases: " << m.aliases << '\n';
        std::cout << indent << "docs: " << m.docs << '\n';
    }
}
void print_power_indices(bool heading) {
    if (heading) std::cout << "\nPower indices (accord power ... --indices I):\n";
    std::size_t w = 0;
    for (const auto& i : power_index_table()) w = std::max(w, std::string_view(i.name).size());
    const std::string indent(w + 4, ' ');
    for (const auto& i : power_index_table()) {
        std::cout << "  " << std::left << std::setw(static_cast<int>(w + 2)) << i.name << i.summary << '\n';
        std::cout << indent << "docs: " << i.docs << '\n';
    }
}
} // namespace

command add_methods(CLI::App& root) {
    auto json = std::make_shared<bool>(false);
    auto rule = std::make_shared<std::string>();
    auto* app = root.add_subcommand("methods", "List the counting methods and their options");
    auto family = std::make_shared<std::string>();
    auto* rule_opt = app->add_option(
        "rule", *rule,
        "One method (or alias): each of its options with its type, allowed values, default and "
        "meaning");
    app->add_flag("--json", *json,
                  "Print one JSON array: name, summary, options, additive, ballots, aliases, docs, "
                  "option_details (with RULE: that method's object; with --family: that family's "
                  "name, summary, aliases (apportionment) and docs)");
    app->add_option("--family", *family,
                    "Only one family: run (the methods of accord run), apportionment (accord apportion) "
                    "or power (the indices of accord power)")
        ->check(CLI::IsMember({"run", "apportionment", "power"}))
        ->excludes(rule_opt);
    app->footer("Examples:\n  accord methods\n  accord methods stv\n  accord methods --json\n"
                "  accord methods --family power --json\n"
                "Each method has a page in docs/methods/ (definition, options, ties, sources); an alias\n"
                "(e.g. rcv for irv) is accepted wherever a method name is. The list ends with the\n"
                "apportionment methods and power indices, which `accord apportion` and `accord power`\n"
                "take (--json alone lists the methods of `accord run`; --family picks a family).");
    return {app, [json, rule, family]() {
                if (!rule->empty()) return print_method(*rule, *json);
                if (*family == "apportionment" || *family == "power") {
                    const bool apportionment = *family == "apportionment";
                    if (*json)
                        std::cout << (apportionment ? apportion_methods_json() : power_indices_json())
                                  << '\n';
                    else if (apportionment)
                        print_apportionment(false);
                    else
                        print_power_indices(false);
                    return 0;
                }
                if (*json) {
                    std::cout << methods_json() << '\n';
                    return 0;
                }
                const auto ms = methods();
                std::size_t w = 0;
                for (const auto& m : ms) w = std::max(w, m.name.size());
                const std::string indent(w + 2, ' ');
                for (const auto& m : ms) {
                    std::cout << std::left << std::setw(static_cast<int>(w + 2)) << m.name << m.summary
                              << '\n';
                    std::cout << indent << "ballots:";
                    for (auto k : m.ballots) std::cout << ' ' << ballot_kind_name(k);
                    if (m.additive) std::cout << " (additive)";
                    std::cout << '\n';
                    if (!m.aliases.empty()) {
                        std::cout << indent << "aliases:";
                        for (const auto& a : m.aliases) std::cout << ' ' << a;
                        std::cout << '\n';
                    }
                    if (!m.options.empty()) {
                        std::cout << indent << "options:";
                        for (const auto& o : m.options) std::cout << ' ' << o;
                        std::cout << '\n';
                    }
                    std::cout << indent << "docs: " << m.docs << '\n';
                }
                if (family->empty()) {
                    print_apportionment(true);
                    print_power_indices(true);
                }
                return 0;
            }};
}

} // namespace accord::cli
