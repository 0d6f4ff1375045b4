// accord: the command-line tool. A thin shell over the C++ API (docs/cli.md).
//
// Adding a subcommand: write src/cli/cmd_<name>.cpp with `command add_<name>(CLI::App&)`,
// declare it in common.hpp and add it to the list in main() below. Errors: accord::error and
// other failures print one line "accord: error: ..." on stderr and exit 1; usage errors exit 2.
#include "cli_main.hpp"
#include "common.hpp"

#include "accord/accord.h"
#include "accord/detail/safety.hpp"

#include <iostream>

namespace accord::cli {
command add_explore(CLI::App& root); // src/cli/cmd_explore.cpp
command add_check(CLI::App& root);   // src/cli/cmd_check.cpp
} // namespace accord::cli

namespace {
/// Whether `arg` is an option that takes a value (not a flag, and not written `--name=value`) in
/// `scope`, the subcommand being parsed (its option groups included), so that the next argument
/// may be an empty value. A flag has a type size of 1 but expects 0 values (CLI11's add_flag), so
/// it is the number of items expected that tells: by type size alone, `--json ''` let the empty
/// argument through, and `accord run irv f.soi --json '' --json` hung in CLI11 (fuzz_cli_args).
/// A parent's option is not looked up: no subcommand falls through to its parent, so after `run`
/// the root's `--max-memory` is unknown to CLI11, and `run ... --max-memory ''` hung as well.
bool option_takes_value(const CLI::App* scope, const std::string& arg) {
    if (arg.size() < 2 || arg[0] != '-' || arg.find('=') != std::string::npos) return false;
    const CLI::Option* o = scope->get_option_no_throw(arg);
    return o && o->get_items_expected_max() > 0;
}

/// The subcommand of `scope` named `name`, or null.
const CLI::App* subcommand_named(const CLI::App* scope, const std::string& name) {
    for (const CLI::App* sub : scope->get_subcommands([](const CLI::App*) { return true; }))
        if (sub->check_name(name)) return sub;
    return nullptr;
}
} // namespace

// The whole CLI as a function (src/cli/entry.cpp is the program's main), so the argument fuzzer
// (fuzz/fuzz_cli_args.cpp) can drive it with argument vectors in one process.
int accord::cli::cli_main(int argc, char** argv) {
    using namespace accord::cli;
    accord::detail::set_memory_budget(0);
    accord::detail::reset_hidden_characters();
    CLI::App app{"accord: exact priority-setting and consensus voting", "accord"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "accord " + std::to_string(ACCORD_VERSION_MAJOR) + "." +
                                          std::to_string(ACCORD_VERSION_MINOR) + "." +
                                          std::to_string(ACCORD_VERSION_PATCH));
    app.footer("Examples:\n  accord demo\n  accord run irv ballots.soi --json\n  accord info ballots.blt\n"
               "Documentation: docs/cli.md");
    std::string max_memory;
    app.add_option("--max-memory", max_memory,
                   "Memory budget of the big algorithms (pairwise matrices, exact Kemeny), e.g. 8G; "
                   "default $ACCORD_MAX_MEMORY or 4G (docs/limits.md)")
        ->check([](const std::string& s) {
            return accord::detail::parse_byte_size(s.c_str())
                       ? std::string()
                       : "--max-memory must be a size such as 512M or 8G";
        });
    bool allow_hidden = false;
    app.add_flag("--allow-hidden-characters", allow_hidden,
                 "Accept names holding bidirectional controls or invisible characters (refused by "
                 "default; a note on stderr counts them; docs/formats.md)");
    std::vector<command> commands{
        add_run(app),          add_info(app),      add_convert(app), add_methods(app),  add_demo(app),
        add_weights(app),      add_apportion(app), add_decide(app),  add_power(app),    add_analyse(app),
        add_report(app),       add_ahp(app),       add_mcda(app),    add_generate(app), add_org(app),
        add_constitution(app), add_mandate(app),   add_vote(app),    add_verify(app),   add_declare(app),
        add_brief(app),        add_explore(app),   add_check(app),   add_merge(app)};
    refuse_bad_whole_numbers(app);
    // An empty argument can only be an option's value ("--title ''"). Anywhere else it names no
    // method, file or command, and CLI11 2.1 loops for ever on an empty positional followed by an
    // option (found by fuzz_cli_args: `accord run irv f.soi "" --seats 2` hung, and so did
    // `accord analyse smaa f.soi --no-such-flag "" --seed 1`, after an option that takes no value).
    // Options are looked up where CLI11 will parse them: in the subcommand named so far.
    const CLI::App* scope = &app;
    for (int i = 1; i < argc; ++i) {
        const bool is_value = i > 1 && option_takes_value(scope, argv[i - 1]);
        if (argv[i][0] == '\0' && !is_value) {
            std::cerr << "accord: error: argument " << i
                      << " is empty; an empty argument can only be the value of an option\n";
            return 2;
        }
        if (!is_value && argv[i][0] != '-')
            if (const CLI::App* sub = subcommand_named(scope, argv[i])) scope = sub;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help, --version
        std::cerr << "accord: error: " << e.what() << '\n';
        return 2;
    }
    if (!max_memory.empty())
        accord::detail::set_memory_budget(accord::detail::parse_byte_size(max_memory.c_str()));
    if (allow_hidden) accord::detail::set_hidden_characters(accord::detail::hidden_characters::allow);
    // Names accepted with hidden characters are flagged once, on stderr, after the command.
    const auto hidden_before = accord::detail::hidden_names_accepted();
    const auto flag_hidden = [hidden_before](int status) {
        if (const auto n = accord::detail::hidden_names_accepted() - hidden_before)
            std::cerr << "accord: note: " << n
                      << " name(s) hold bidirectional controls or invisible characters, so distinct names "
                         "may look alike or display in another order than stored (accepted by "
                         "--allow-hidden-characters or $ACCORD_HIDDEN_CHARACTERS)\n";
        return status;
    };
    try {
        for (auto& c : commands)
            if (c.app->parsed()) return flag_hidden(c.run());
    } catch (const usage_error& e) {
        std::cerr << "accord: error: " << e.what() << '\n';
        return 2;
    } catch (const accord::error& e) {
        std::cerr << "accord: error: " << e.what() << '\n';
        return 1;
    } catch (...) {
        // std::bad_alloc, nlohmann and Boost internals become a message naming the problem.
        std::cerr << "accord: error: " << accord::detail::describe_exception(std::current_exception()).second
                  << '\n';
        return 1;
    }
    return 2;
}
