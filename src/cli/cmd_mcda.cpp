// accord mcda TABLE.json [--smaa]: weighted-sum scoring of options against criteria, exactly, or
// SMAA over the criteria weights (docs/methods/mcda.md). The flags become the JSON options of
// accord/analysis/interface.hpp, which prints the report the C API and Python return.
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

struct mcda_flags {
    std::string file, scaling = "none", tie_break, weights = "simplex";
    std::vector<std::string> lower, upper;
    bool smaa = false, json_out = false;
    sampling_flags sampling{.samples = 10000};
};

/// CRIT=X pairs as an object {CRIT: X}.
json bounds(const std::vector<std::string>& pairs, const char* flag) {
    json j = json::object();
    for (const auto& p : pairs) {
        const auto eq = p.rfind('=');
        if (eq == std::string::npos || eq == 0)
            throw usage_error(std::string(flag) + " takes CRITERION=X, got '" + p + "'");
        try {
            std::size_t used = 0;
            const double x = std::stod(p.substr(eq + 1), &used);
            if (used != p.size() - eq - 1) throw std::invalid_argument(p);
            j[p.substr(0, eq)] = x;
        } catch (const std::exception&) {
            throw usage_error(std::string(flag) + " takes CRITERION=X with X a number, got '" + p + "'");
        }
    }
    return j;
}

void print_mcda(const json& j) {
    std::cout << "weighted sum of " << j["criteria"].size() << " criteria (scaling "
              << j["scaling"].get<std::string>() << "), weights:";
    for (auto it = j["weights_exact"].begin(); it != j["weights_exact"].end(); ++it)
        std::cout << ' ' << it.key() << ' ' << it.value().get<std::string>();
    std::cout << "\n\n";
    std::size_t w = 6;
    for (const auto& o : j["options"]) w = std::max(w, o.get<std::string>().size());
    std::size_t place = 1;
    for (const auto& tier : j["ranking"]) {
        for (const auto& o : tier) {
            const std::string name = o.get<std::string>();
            std::cout << std::right << std::setw(3) << place << (tier.size() > 1 ? "= " : "  ") << std::left
                      << std::setw(static_cast<int>(w) + 2) << name << std::right << std::fixed
                      << std::setprecision(4) << j["scores"][name].get<double>() << "  ("
                      << j["scores_exact"][name].get<std::string>() << ")\n";
        }
        place += tier.size();
    }
    if (j["winner"].is_null())
        std::cout << "\nno winner: a tie for first place (choose a --tie-break to break it)\n";
}

void print_smaa(const json& j) {
    const auto& s = j["settings"];
    std::cout << "SMAA over criteria weights: " << j["samples"].get<std::uint64_t>() << " samples, weights "
              << s["distribution"].get<std::string>() << ", seed " << s["seed"].get<std::uint64_t>()
              << "\n\n";
    std::vector<std::string> names = j["options"].get<std::vector<std::string>>();
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return j["expected_rank"][a].get<double>() < j["expected_rank"][b].get<double>();
    });
    std::size_t w = 6;
    for (const auto& n : names) w = std::max(w, n.size());
    std::cout << std::left << std::setw(static_cast<int>(w) + 2) << "option" << std::right << std::setw(10)
              << "P(best)" << std::setw(9) << "E[rank]"
              << "  central weights\n";
    for (const auto& n : names) {
        std::cout << std::left << std::setw(static_cast<int>(w) + 2) << n << std::right << std::fixed
                  << std::setprecision(1) << std::setw(9) << 100 * j["winner_probability"][n].get<double>()
                  << "%" << std::setprecision(2) << std::setw(9) << j["expected_rank"][n].get<double>()
                  << "  ";
        const auto& c = j["central_weights"][n];
        if (c.is_null())
            std::cout << "-";
        else
            for (auto it = c.begin(); it != c.end(); ++it)
                std::cout << it.key() << ' ' << std::setprecision(3) << it.value().get<double>() << "  ";
        std::cout << '\n';
    }
}
} // namespace

command add_mcda(CLI::App& root) {
    auto f = std::make_shared<mcda_flags>();
    auto* app = root.add_subcommand(
        "mcda", "MCDA: weighted-sum scores of options against criteria, or SMAA over the weights");
    app->add_option("TABLE", f->file,
                    "JSON: {\"options\", \"criteria\", \"scores\" (rows), \"weights\", \"lower_is_better\"}")
        ->required();
    app->add_option("--scaling", f->scaling, "none or min-max (each criterion to [0, 1])")
        ->check(CLI::IsMember({"none", "min-max"}))
        ->capture_default_str();
    app->add_option("--tie-break", f->tie_break,
                    "A tie for first: report (default), lexicographic or random");
    app->add_flag("--smaa", f->smaa, "SMAA over the criteria weights instead of the weighted sum");
    app->add_option("--weights", f->weights, "--smaa: simplex (uniform) or dirichlet:ALPHA")
        ->capture_default_str();
    app->add_option("--lower", f->lower, "--smaa: lower bound of a weight, CRITERION=X (repeatable)");
    app->add_option("--upper", f->upper, "--smaa: upper bound of a weight, CRITERION=X (repeatable)");
    add_sampling_flags(*app, f->sampling, "--smaa: number of weight samples");
    app->add_flag("--json", f->json_out, "Print one JSON object");
    app->footer("Examples:\n"
                "  accord mcda options.json\n"
                "  accord mcda options.json --scaling min-max --json\n"
                "  accord mcda options.json --smaa --samples 20000 --seed 1\n"
                "  accord mcda options.json --smaa --weights dirichlet:4 --lower cost=0.2\n"
                "Documentation: docs/methods/mcda.md");
    return {
        app, [f]() {
            json o;
            o["scaling"] = f->scaling;
            if (!f->tie_break.empty()) o["tie_break"] = f->tie_break;
            const std::string table = read_text_file(f->file);
            // A problem in the file's content names the file (the core only has its text).
            const auto name_file = [&](const accord::error& e) {
                if (e.where().file.empty() && e.detail().rfind("MCDA table", 0) == 0)
                    throw accord::error(e.code(), e.detail(), {f->file});
            };
            if (!f->smaa) {
                nlohmann::ordered_json out;
                try {
                    out = detail::mcda_report(table, o.dump());
                } catch (const accord::error& e) {
                    name_file(e);
                    throw;
                }
                if (f->json_out)
                    std::cout << out.dump() << '\n';
                else
                    print_mcda(out);
                return 0;
            }
            const auto colon = f->weights.find(':');
            const std::string dist = f->weights.substr(0, colon);
            if (dist != "simplex" && dist != "dirichlet")
                throw usage_error("--weights must be simplex or dirichlet:ALPHA, got '" + f->weights + "'");
            o["distribution"] = dist;
            if (dist == "dirichlet") {
                if (colon == std::string::npos)
                    throw usage_error("--weights dirichlet needs :ALPHA, e.g. dirichlet:2");
                try {
                    o["alpha"] = std::stod(f->weights.substr(colon + 1));
                } catch (const std::exception&) {
                    throw usage_error("--weights dirichlet:ALPHA needs a number, got '" + f->weights + "'");
                }
            } else if (colon != std::string::npos) {
                throw usage_error("--weights simplex takes no parameter");
            }
            if (!f->lower.empty()) o["lower"] = bounds(f->lower, "--lower");
            if (!f->upper.empty()) o["upper"] = bounds(f->upper, "--upper");
            put_sampling_options(o, f->sampling);
            nlohmann::ordered_json out;
            try {
                out = detail::mcda_smaa_report(table, o.dump(),
                                               terminal_progress("smaa samples", f->sampling.quiet));
            } catch (const accord::error& e) {
                name_file(e);
                throw;
            }
            if (f->json_out)
                std::cout << out.dump() << '\n';
            else
                print_smaa(out);
            return 0;
        }};
}

} // namespace accord::cli
