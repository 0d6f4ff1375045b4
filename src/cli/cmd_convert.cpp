// accord convert FILE --to FORMAT: rewrite a ballot file in another format.
#include "common.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {

command add_convert(CLI::App& root) {
    struct state {
        input_flags in;
        std::string to, out;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand("convert", "Write a ballot file in another format");
    add_input_flags(*app, st->in);
    app->add_option("--to", st->to, format_names("|", "|", true))->required();
    app->add_option("-o,--output", st->out, "Output file (default: standard output)");
    app->add_flag("--json", st->json, "With -o: say what was written as one JSON object on stdout");
    app->footer("Examples:\n  accord convert ward.blt --to toi -o ward.toi\n"
                "  accord convert cvr.csv --skipped-label undervote --to blt -o ward.blt --json");
    return {app, [st]() {
                if (st->json && st->out.empty())
                    throw usage_error("--json needs -o FILE (the ballots go to the file)");
                const profile p = load(st->in);
                write_profile_file(p, parse_format(st->to), st->out);
                if (st->json)
                    std::cout << nlohmann::ordered_json{{"input", st->in.file},
                                                        {"output", st->out},
                                                        {"format", st->to},
                                                        {"candidates", p.candidate_count()},
                                                        {"unique_ballots", p.unique_count()}}
                                     .dump()
                              << '\n';
                return 0;
            }};
}

} // namespace accord::cli
