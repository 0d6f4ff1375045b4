// accord convert FILE --to FORMAT: rewrite a ballot file in another format.
#include "common.hpp"

#include <fstream>
#include <iostream>
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
                const file_format f = parse_format(st->to);
                if (st->out.empty()) {
                    write_profile(std::cout, p, f);
                    std::cout.flush();
                    return 0;
                }
                std::ofstream out(st->out, std::ios::binary);
                if (!out) throw error(errc::io, "cannot write '" + st->out + "'");
                write_profile(out, p, f);
                out.close();
                if (!out) throw error(errc::io, "cannot write '" + st->out + "'");
                return 0;
            }};
}

} // namespace accord::cli
