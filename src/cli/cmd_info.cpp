// accord info FILE: what a ballot file holds.
#include "accord/detail/safety.hpp"
#include "accord/summary.hpp"
#include "common.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {

command add_info(CLI::App& root) {
    auto in = std::make_shared<input_flags>();
    auto json = std::make_shared<bool>(false);
    auto* app = root.add_subcommand("info", "Describe a ballot file: candidates, ballots, format");
    add_input_flags(*app, *in);
    app->add_flag("--json", *json, "Print one JSON object");
    app->footer("Example:\n  accord info burlington.soi");
    return {app, [in, json]() {
                read_report rep;
                const profile p = load(*in, &rep);
                std::vector<std::string> withdrawn;
                for (cand_t c = 0; c < p.candidate_count(); ++c)
                    if (p.withdrawn(c)) withdrawn.push_back(p.candidate_name(c));
                nlohmann::ordered_json j;
                j["file"] = in->file;
                j["format"] = format_name(rep.format);
                j["kind"] = ballot_kind_name(p.kind());
                j["candidates"] = p.candidate_names();
                j["ballots"] = p.total_count().str();
                j["unique_ballots"] = p.unique_count();
                j["total_weight"] = to_string(p.total_weight());
                j["seats"] = p.seats;
                if (!p.title.empty()) j["title"] = p.title;
                j["withdrawn"] = withdrawn;
                j["units"] = p.units().size();
                j["skipped_lines"] = rep.skipped.size();
                j["read_as"] = rep.notes;           // how the reader worked the layout out (CSV)
                if (p.budget || !p.costs.empty()) { // a participatory budget (Pabulib)
                    const auto b = detail::parse_json<nlohmann::ordered_json>(budget_json(p), "budget");
                    j["budget"] = b["budget"];
                    j["costs"] = b["costs"];
                }
                if (*json) {
                    std::cout << j.dump() << '\n';
                    return 0;
                }
                std::cout << "file:           " << in->file << "\nformat:         " << format_name(rep.format)
                          << "\nkind:           " << ballot_kind_name(p.kind());
                if (!p.title.empty()) std::cout << "\ntitle:          " << p.title;
                std::cout << "\nballots:        " << p.total_count().str()
                          << "\nunique ballots: " << p.unique_count();
                if (p.total_weight() != rational(p.total_count()))
                    std::cout << "\ntotal weight:   " << to_string(p.total_weight());
                for (const auto& n : rep.notes) std::cout << "\nread:           " << n;
                if (p.budget) std::cout << "\nbudget:         " << to_string(*p.budget);
                std::cout << "\nseats:          " << p.seats << "\ncandidates:     " << p.candidate_count()
                          << '\n';
                for (cand_t c = 0; c < p.candidate_count(); ++c)
                    std::cout << "  " << c + 1 << ". " << p.candidate_name(c)
                              << (c < p.costs.size() ? ", cost " + to_string(p.costs[c]) : std::string())
                              << (p.withdrawn(c) ? " (withdrawn)" : "") << '\n';
                return 0;
            }};
}

} // namespace accord::cli
