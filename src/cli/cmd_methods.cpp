// accord methods: the registered methods and their options.
#include "common.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

command add_methods(CLI::App& root) {
    auto json = std::make_shared<bool>(false);
    auto* app = root.add_subcommand("methods", "List the counting methods and their options");
    app->add_flag("--json", *json,
                  "Print one JSON array: name, summary, options, additive, ballots, aliases, docs");
    app->footer("Examples:\n  accord methods\n  accord methods --json\n"
                "Each method has a page in docs/methods/ (definition, options, ties, sources); an alias\n"
                "(e.g. rcv for irv) is accepted wherever a method name is.");
    return {app, [json]() {
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
                return 0;
            }};
}

} // namespace accord::cli
