// accord: the command-line tool. A thin shell over the C++ API (docs/cli.md).
//
// Adding a subcommand: write src/cli/cmd_<name>.cpp with `command add_<name>(CLI::App&)`,
// declare it in common.hpp and add it to the list in main() below. Errors: accord::error and
// other failures print one line "accord: error: ..." on stderr and exit 1; usage errors exit 2.
#include "common.hpp"

#include "accord/accord.h"

#include <iostream>

namespace accord::cli {
command add_explore(CLI::App& root); // src/cli/cmd_explore.cpp
}

int main(int argc, char** argv) {
    using namespace accord::cli;
    CLI::App app{"accord: exact priority-setting and consensus voting", "accord"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "accord " + std::to_string(ACCORD_VERSION_MAJOR) + "." +
                                          std::to_string(ACCORD_VERSION_MINOR) + "." +
                                          std::to_string(ACCORD_VERSION_PATCH));
    app.footer("Examples:\n  accord demo\n  accord run irv ballots.soi --json\n  accord info ballots.blt\n"
               "Documentation: docs/cli.md");
    std::vector<command> commands{add_run(app), add_info(app), add_convert(app), add_methods(app), add_demo(app), add_weights(app), add_apportion(app), add_decide(app), add_power(app),
                                 add_analyse(app), add_report(app), add_ahp(app), add_mcda(app), add_generate(app),
                                 add_explore(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help, --version
        std::cerr << "accord: error: " << e.what() << '\n';
        return 2;
    }
    try {
        for (auto& c : commands)
            if (c.app->parsed()) return c.run();
    } catch (const usage_error& e) {
        std::cerr << "accord: error: " << e.what() << '\n';
        return 2;
    } catch (const accord::error& e) {
        std::cerr << "accord: error: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "accord: error: " << e.what() << '\n';
        return 1;
    }
    return 2;
}
