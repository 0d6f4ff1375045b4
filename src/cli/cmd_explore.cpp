// accord explore BALLOTS --org ORG.csv: an interactive page for the weighting question, served
// by accord itself on 127.0.0.1 (cpp-httplib). Every number on the page comes from the engine
// through one JSON endpoint (accord::explore_json); the page only draws it, with Chart.js
// (vendored from npm under vendor/, embedded in this program). docs/analysis.md, "Explorer".
#include "common.hpp"

#include "accord/analysis/explore.hpp"

#include <httplib.h>

#include <iostream>
#include <memory>
#include <string_view>

// The page and the vendored scripts, embedded at build time (the paths come from CMakeLists.txt).
#define ACCORD_EMBED(name, path) \
  __asm__(".section .rodata\n.balign 16\n.global " #name "_begin\n" #name "_begin:\n.incbin \"" path \
          "\"\n.global " #name "_end\n" #name "_end:\n.byte 0\n.previous\n"); \
  extern "C" const char name##_begin[]; \
  extern "C" const char name##_end[];

ACCORD_EMBED(accord_explore_page, ACCORD_EXPLORE_PAGE)
ACCORD_EMBED(accord_chart_js, ACCORD_CHART_JS)
ACCORD_EMBED(accord_chart_matrix_js, ACCORD_CHART_MATRIX_JS)

namespace accord::cli {
namespace {
std::string_view embedded(const char* begin, const char* end) {
    return {begin, static_cast<std::size_t>(end - begin)};
}
} // namespace

command add_explore(CLI::App& root) {
    struct state {
        weighted_input w;
        int port = 0;
        std::string title;
    };
    auto st = std::make_shared<state>();
    auto* app =
        root.add_subcommand("explore", "An interactive page for the weighting question, served on 127.0.0.1");
    add_weighted_input(*app, st->w);
    app->add_option("--port", st->port, "Port on 127.0.0.1 (0 = a free port, printed)")
        ->capture_default_str();
    app->footer("Opens nothing by itself: it prints the address to open, then serves until Ctrl-C.\n"
                "Examples:\n  accord explore ballots.csv --org practices.csv\n"
                "  accord explore ballots.csv --org practices.csv --within U12199 --port 8080");
    return {app, [st]() {
                // Named, not a structured binding: Clang 14 cannot capture bindings in the lambdas below.
                const auto loaded = load_weighted(st->w);
                const profile& p = loaded.first;
                const organisation& org = loaded.second;
                (void)explore_json(p, org, R"({"samples": 0, "tipping": false})"); // refuse bad input now
                httplib::Server server;
                const std::string page(embedded(accord_explore_page_begin, accord_explore_page_end));
                const std::string chart(embedded(accord_chart_js_begin, accord_chart_js_end));
                const std::string matrix(embedded(accord_chart_matrix_js_begin, accord_chart_matrix_js_end));
                server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
                    res.set_content(page, "text/html; charset=utf-8");
                });
                server.Get("/vendor/chart.umd.min.js", [&](const httplib::Request&, httplib::Response& res) {
                    res.set_content(chart, "text/javascript");
                });
                server.Get("/vendor/chartjs-chart-matrix.min.js",
                           [&](const httplib::Request&, httplib::Response& res) {
                               res.set_content(matrix, "text/javascript");
                           });
                server.Post("/api/explore", [&](const httplib::Request& req, httplib::Response& res) {
                    try {
                        res.set_content(explore_json(p, org, req.body), "application/json");
                    } catch (const std::exception& e) {
                        res.status = 400;
                        res.set_content(nlohmann::json{{"error", e.what()}}.dump(), "application/json");
                    }
                });
                // Loopback only: the ballots stay on this machine.
                const int port = st->port == 0 ? server.bind_to_any_port("127.0.0.1") : st->port;
                if (st->port != 0 && !server.bind_to_port("127.0.0.1", st->port))
                    throw error(errc::io, "explore: cannot listen on 127.0.0.1:" + std::to_string(st->port));
                if (port <= 0) throw error(errc::io, "explore: cannot listen on 127.0.0.1");
                std::cout << "accord explore: http://127.0.0.1:" << port << "/  (Ctrl-C to stop)"
                          << std::endl;
                server.listen_after_bind();
                return 0;
            }};
}

} // namespace accord::cli
