// accord ahp FILE.json: AHP priorities and consistency from pairwise judgements, one participant or
// many (docs/methods/ahp.md). The flags become the JSON options of accord/analysis/interface.hpp,
// which prints the report the C API and Python return; the table without --json is drawn from it.
#include "common.hpp"

#include "accord/analysis/interface.hpp"
#include "accord/detail/reports.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <memory>

namespace accord::cli {
namespace {
using json = nlohmann::ordered_json;

struct ahp_flags {
    std::string file, method = "eigenvector", aggregation = "aij", org, scheme, level;
    org_flags of;
    double tolerance = -1;
    bool any_scale = false, json_out = false;
};

std::string consistency_line(const json& c) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << "lambda_max " << c["lambda_max"].get<double>() << ", CI "
      << c["consistency_index"].get<double>() << ", CR " << c["consistency_ratio"].get<double>()
      << (c["acceptable"].get<bool>() ? " (acceptable)" : " (not acceptable: revisit the judgements)");
    return s.str();
}

void print_ahp(const json& j) {
    const bool group = j.contains("participants");
    std::cout << "AHP priorities (" << j["method"].get<std::string>();
    if (group)
        std::cout << ", " << j["participants"].size() << " participants aggregated by "
                  << j["aggregation"].get<std::string>();
    std::cout << ")\n\n";
    std::size_t w = 4;
    for (const auto& n : j["items"]) w = std::max(w, n.get<std::string>().size());
    for (const auto& n : j["ranking"]) {
        const std::string name = n.get<std::string>();
        std::cout << "  " << std::left << std::setw(static_cast<int>(w) + 2) << name << std::right
                  << std::fixed << std::setprecision(3) << j["priorities"][name].get<double>() << '\n';
    }
    if (!j["consistency"].is_null())
        std::cout << '\n'
                  << (group ? "combined judgements: " : "") << consistency_line(j["consistency"]) << '\n';
    if (group) {
        std::cout << "\nparticipants:\n";
        for (const auto& p : j["participants"])
            std::cout << "  " << p["name"].get<std::string>() << ": weight " << std::fixed
                      << std::setprecision(3) << p["weight"].get<double>() << "; "
                      << consistency_line(p["consistency"]) << '\n';
    }
}
} // namespace

command add_ahp(CLI::App& root) {
    auto f = std::make_shared<ahp_flags>();
    auto* app =
        root.add_subcommand("ahp", "AHP: priorities and consistency from pairwise comparison matrices");
    app->add_option("FILE", f->file,
                    "JSON: {\"items\": [...], \"matrix\": [[...]]} or {\"items\", \"participants\": "
                    "[{\"name\", \"unit\", \"weight\", \"matrix\"}]}")
        ->required();
    app->add_option("--method", f->method, "eigenvector or geometric-mean")
        ->check(CLI::IsMember({"eigenvector", "geometric-mean"}))
        ->capture_default_str();
    app->add_option("--aggregation", f->aggregation,
                    "Several participants: aij (judgements) or aip (priorities)")
        ->check(CLI::IsMember({"aij", "aip"}))
        ->capture_default_str();
    app->add_option("--org", f->org, "Organisation CSV: weight participants by their unit under --scheme");
    add_org_flags(*app, f->of);
    app->add_option("--scheme", f->scheme, "Weighting scheme of the units (with --org; default population)");
    app->add_option("--level", f->level,
                    "Kind of the participants' units (default: the organisation's leaves)");
    app->add_option("--tolerance", f->tolerance,
                    "Reciprocity tolerance for decimal entries (e.g. 0.001 accepts 0.333 for 1/3)");
    app->add_flag("--any-scale", f->any_scale, "Accept entries outside Saaty's 1/9..9 (ratio data)");
    app->add_flag("--json", f->json_out, "Print one JSON object");
    app->footer("Entries are numbers or exact strings (\"1/3\"); a matrix that is not reciprocal is refused, "
                "naming the entry.\n"
                "Examples:\n"
                "  accord ahp drinks.json\n"
                "  accord ahp board.json --aggregation aip --method geometric-mean --json\n"
                "  accord ahp board.json --org practices.csv --scheme sqrt\n"
                "Documentation: docs/methods/ahp.md");
    return {app, [f]() {
                json o;
                o["method"] = f->method;
                o["aggregation"] = f->aggregation;
                if (f->any_scale) o["saaty_scale"] = false;
                if (f->tolerance >= 0) o["reciprocity_tolerance"] = f->tolerance;
                std::optional<organisation> org;
                if (!f->org.empty()) {
                    org = load_org(f->org, f->of);
                    o["scheme"] = f->scheme.empty() ? "population" : f->scheme;
                    if (!f->level.empty()) o["level"] = f->level;
                } else if (!f->scheme.empty() || !f->level.empty()) {
                    throw usage_error("--scheme and --level weight participants by unit and need --org");
                }
                nlohmann::ordered_json out;
                try {
                    out = detail::ahp_report(read_text_file(f->file), o.dump(), org ? &*org : nullptr);
                } catch (const accord::error& e) {
                    // A problem in the file's content names the file (the core only has its text).
                    if (e.where().file.empty() && e.detail().rfind("AHP input", 0) == 0)
                        throw accord::error(e.code(), e.detail(), {f->file});
                    throw;
                }
                if (f->json_out)
                    std::cout << out.dump() << '\n';
                else
                    print_ahp(out);
                return 0;
            }};
}

} // namespace accord::cli
