// accord/analysis/report.hpp: one self-contained HTML page of pictures for analysts.
//
// The page holds a rank-acceptability heatmap (from monte_carlo / mcda_smaa), a table of a
// weighting/rule sweep, and bars of power shares per unit, drawn as inline SVG with inline CSS:
// no scripts, no fonts, no images, no network access of any kind, so the file can be mailed,
// archived, or opened offline. Every text from the caller is HTML-escaped.
#pragma once

#include "accord/analysis/monte_carlo.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

/// One line of a sweep: one weighting scheme / aggregation / rule combination.
struct sweep_row {
    std::string scheme;                            ///< e.g. "population", "penrose"
    std::string aggregation;                       ///< e.g. "pooled", "two-stage" (may be empty)
    std::string rule;                              ///< e.g. "irv"
    std::string winner;                            ///< name, or "" when no winner (unresolved tie)
    std::vector<std::vector<std::string>> ranking; ///< tiers of names, best first
    std::optional<double> kendall_tau;             ///< tau-b against the baseline (first) row
    std::optional<double> spearman_rho;            ///< against the baseline row
    std::vector<std::string> moved;                ///< candidates placed differently from the baseline
};

/// A unit's share of power (or of weight) under some measure.
struct power_share {
    std::string unit;
    double share = 0; ///< in [0, 1]
};

struct report_input {
    std::string title = "accord analysis";
    std::vector<std::string> notes; ///< paragraphs shown under the title (data, rule, seed...)

    /// Rank acceptability, with the candidates' names (acceptability itself has none).
    std::optional<acceptability> smaa;
    std::vector<std::string> candidates;
    std::string smaa_caption; ///< e.g. "100,000 samples, population noise 10%, IRV, seed 1"

    std::vector<sweep_row> sweep;
    std::string sweep_caption;

    std::vector<power_share> power;
    std::string power_caption; ///< e.g. "Banzhaf index, population weights, quota 50%"
};

/// The whole page as a string (UTF-8). Sections without data are left out.
std::string html_report(const report_input& in);

/// Writes html_report(in) to `path`; errc::io naming the path if it cannot be written.
void write_html_report(const std::filesystem::path& path, const report_input& in);

} // namespace v0
} // namespace accord
