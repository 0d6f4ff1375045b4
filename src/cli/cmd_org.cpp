// accord org join MAP.csv --list-sizes ALL.csv [-o ORG.csv]: NHS England's practice mapping and
// list sizes, as published, joined on the practice code into the organisation file that
// `accord weights` and every --org flag read (docs/formats.md, "NHS England's files").
#include "common.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace accord::cli {

command add_org(CLI::App& root) {
    struct state {
        std::string map, sizes, out;
        bool json = false;
    };
    auto st = std::make_shared<state>();
    auto* app = root.add_subcommand("org", "Organisation files: join NHS England's practice files");
    app->require_subcommand(1);
    auto* join = app->add_subcommand("join", "Join a practice mapping (gp-reg-pat-prac-map) with list sizes "
                                             "(gp-reg-pat-prac-all) into one organisation CSV");
    join->add_option("MAP", st->map, "NHS England's practice mapping file (gp-reg-pat-prac-map)")->required();
    join->add_option("--list-sizes", st->sizes, "NHS England's list-size file (gp-reg-pat-prac-all)")
        ->required();
    join->add_option("-o,--output", st->out, "Write the joined CSV here (default: standard output)");
    join->add_flag("--json", st->json, "Print what the join found as one JSON object on standard error");
    join->footer("Example:\n  accord org join gp-reg-pat-prac-map.csv --list-sizes gp-reg-pat-prac-all.csv "
                 "-o org.csv");
    return {app, [st]() {
                nhs_join_report rep;
                const std::string text = join_nhs_practice_files(st->map, st->sizes, &rep);
                if (st->out.empty()) {
                    std::cout << text;
                    std::cout.flush();
                } else {
                    // Written beside the target and renamed over it, so a failure leaves no half file.
                    const std::string tmp = st->out + ".accord-tmp";
                    {
                        std::ofstream out(tmp, std::ios::binary);
                        if (!out) throw error(errc::io, "cannot write '" + st->out + "'");
                        out << text;
                        out.close();
                        if (!out) {
                            std::remove(tmp.c_str());
                            throw error(errc::io, "cannot write '" + st->out + "'");
                        }
                    }
                    std::error_code ec;
                    std::filesystem::rename(tmp, st->out, ec);
                    if (ec) {
                        std::remove(tmp.c_str());
                        throw error(errc::io, "cannot write '" + st->out + "': " + ec.message());
                    }
                }
                if (st->json) {
                    std::cerr << to_json(rep) << '\n';
                    return 0;
                }
                std::cerr << "accord: joined " << rep.practices << " practices (" << rep.registered_patients
                          << " registered patients; " << rep.shape << " shape; mapping of "
                          << rep.mapping_extract_date << ", list sizes of " << rep.list_size_extract_date
                          << ")\n";
                if (!rep.not_in_mapping.empty()) note_not_in_mapping(rep, st->sizes);
                return 0;
            }};
}

} // namespace accord::cli
