// Writes a sample analysis report (tests/report.cmake renders it in headless Chromium).
// Real computations on synthetic, seeded data: an SMAA heatmap over criteria weights, a sweep of
// two rules on a Mallows electorate under two weightings, and power-like shares of 19 units.
#include "accord/analysis/compare.hpp"
#include "accord/analysis/generate.hpp"
#include "accord/analysis/mcda.hpp"
#include "accord/analysis/report.hpp"
#include "accord/registry.hpp"

#include <cstdio>
#include <exception>

using namespace accord;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT.html\n", argv[0]);
        return 2;
    }
    try {
        report_input in;
        in.title = "Priorities for the leadership group <sample & test>";
        in.notes = {"Synthetic data, seed 42. Each section is computed by accord, not drawn by hand."};

        // SMAA: six priorities scored on four criteria.
        mcda_table t;
        t.options = {"Access", "Workforce", "Prevention", "Mental health", "Estates", "Digital"};
        t.criteria = {"need", "impact", "cost", "feasibility"};
        const int s[6][4] = {{9, 6, 4, 6}, {7, 8, 3, 5}, {5, 7, 8, 7},
                             {8, 7, 5, 4}, {3, 4, 2, 8}, {4, 6, 7, 9}};
        for (auto& row : s) {
            t.scores.emplace_back();
            for (int x : row) t.scores.back().emplace_back(x);
        }
        in.smaa = mcda_smaa(t, {.monte_carlo = {.samples = 20000, .seed = 42, .threads = 2}});
        in.candidates = t.options;
        in.smaa_caption = "Weighted sum; criteria weights uniform on the simplex; 20,000 samples; seed 42.";

        // Sweep: plurality and IRV on one Mallows electorate, unweighted.
        const cand_t centre[] = {0, 1, 2, 3, 4, 5};
        profile p = mallows(6, centre, 0.8, 300, 42);
        ranking_tiers base;
        for (const char* rule : {"irv", "plurality"}) {
            const result r = run(p, rule);
            sweep_row row{.scheme = "one practice one vote", .aggregation = "pooled", .rule = rule};
            row.winner = r.winners.empty() ? "" : t.options[r.winners.front()];
            for (const auto& tier : r.ranking) {
                row.ranking.emplace_back();
                for (cand_t c : tier) row.ranking.back().push_back(t.options[c]);
            }
            if (base.empty()) base = r.ranking;
            const auto cmp = compare_rankings(base, r.ranking, 6);
            row.kendall_tau = cmp.kendall_tau_b;
            row.spearman_rho = cmp.spearman_rho;
            for (cand_t c : cmp.moved) row.moved.push_back(t.options[c]);
            in.sweep.push_back(row);
        }
        in.sweep.push_back(
            {.scheme = "population",
             .aggregation = "two-stage",
             .rule = "irv",
             .winner = "Prevention",
             .ranking =
                 {{"Prevention"}, {"Access", "Workforce"}, {"Mental health"}, {"Digital"}, {"Estates"}},
             .kendall_tau = -0.2,
             .spearman_rho = -0.1,
             .moved = {"Prevention", "Access"}});
        in.sweep_caption = "300 voters drawn from a Mallows model (phi 0.8); the last row is illustrative.";

        // Shares of 19 units, proportional to list sizes of a Herefordshire-sized group.
        const int lists[19] = {47500, 16800, 15400, 14200, 12900, 11800, 10600, 9800, 9100, 8600,
                               7900,  7300,  6400,  5200,  4300,  3900,  3500,  2800, 1900};
        double total = 0;
        for (int x : lists) total += x;
        for (int i = 0; i < 19; ++i)
            in.power.push_back({"Practice " + std::to_string(i + 1), lists[i] / total});
        in.power_caption = "Share of the vote by registered population (synthetic list sizes).";

        write_html_report(argv[1], in);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "report_demo: %s\n", e.what());
        return 1;
    }
    return 0;
}
