// accord methods: the registered methods and their options.
#include "common.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {

command add_methods(CLI::App& root) {
    auto json = std::make_shared<bool>(false);
    auto* app = root.add_subcommand("methods", "List the counting methods and their options");
    app->add_flag("--json", *json, "Print one JSON array");
    app->footer("Examples:\n  accord methods\n  accord methods --json\n"
                "Each method has a page in docs/methods/ (definition, options, ties, sources).");
    return {app, [json]() {
                const auto ms = methods();
                if (*json) {
                    nlohmann::ordered_json a = nlohmann::ordered_json::array();
                    for (const auto& m : ms)
                        a.push_back({{"name", m.name}, {"summary", m.summary}, {"options", m.options}});
                    std::cout << a.dump() << '\n';
                    return 0;
                }
                std::size_t w = 0;
                for (const auto& m : ms) w = std::max(w, m.name.size());
                for (const auto& m : ms) {
                    std::cout << std::left << std::setw(static_cast<int>(w + 2)) << m.name << m.summary
                              << '\n';
                    if (!m.options.empty()) {
                        std::cout << std::string(w + 2, ' ') << "options:";
                        for (const auto& o : m.options) std::cout << ' ' << o;
                        std::cout << '\n';
                    }
                }
                return 0;
            }};
}

} // namespace accord::cli
