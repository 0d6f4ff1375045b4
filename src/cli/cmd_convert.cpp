// accord convert FILE --to FORMAT: rewrite a ballot file in another format.
#include "common.hpp"

#include <memory>

namespace accord::cli {

command add_convert(CLI::App& root) {
    struct state {
        input_flags in;
        std::string to, out;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand("convert", "Write a ballot file in another format");
    add_input_flags(*app, st->in);
    app->add_option("--to", st->to, "soc|soi|toc|toi|cat|blt|csv|debian")->required();
    app->add_option("-o,--output", st->out, "Output file (default: standard output)");
    app->footer("Example:\n  accord convert ward.blt --to toi -o ward.toi");
    return {app, [st]() {
                const profile p = load(st->in);
                write_profile_file(p, parse_format(st->to), st->out);
                return 0;
            }};
}

} // namespace accord::cli
