// The self-contained HTML report: inline SVG and CSS only.
#include "accord/analysis/report.hpp"

#include "accord/detail/safety.hpp"
#include "../html_escape.hpp"
#include "accord/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <sstream>

namespace accord {
inline namespace v0 {
namespace {

std::string esc(const std::string& s) { return detail::html_escape(s); }

std::string num(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

std::string pct(double p) { return num(100 * p, p < 0.001 && p > 0 ? 2 : 1) + "%"; }

/// ColorBrewer-like sequential blue ramp, linear in p (so equal steps of probability look equal).
std::string blue(double p) {
    static constexpr int stops[5][3] = {
        {247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};
    p = std::clamp(p, 0.0, 1.0) * 4;
    const int k = std::min(3, static_cast<int>(p));
    const double t = p - k;
    char buf[16];
    int c[3];
    for (int i = 0; i < 3; ++i)
        c[i] = static_cast<int>(std::lround(stops[k][i] + t * (stops[k + 1][i] - stops[k][i])));
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
    return buf;
}

std::string tiers_text(const std::vector<std::vector<std::string>>& tiers) {
    std::string s;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        if (t) s += " &gt; ";
        for (std::size_t i = 0; i < tiers[t].size(); ++i) s += (i ? " = " : "") + esc(tiers[t][i]);
    }
    return s;
}

void heatmap(std::ostringstream& o, const acceptability& a, const std::vector<std::string>& names,
             const std::string& caption) {
    const std::size_t n = a.candidates;
    if (names.size() != n)
        throw error(errc::invalid, "html_report: " + std::to_string(names.size()) +
                                       " candidate names for an analysis of " + std::to_string(n) +
                                       " candidates");
    // Rows in order of expected rank, so the picture reads top-left to bottom-right.
    std::vector<double> expected(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        for (std::size_t k = 0; k < n; ++k) expected[c] += (k + 1) * a.by_rank[c][k];
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return expected[x] < expected[y]; });

    const int label_w = 230,
              cell_w = static_cast<int>(std::clamp<std::size_t>(720 / std::max<std::size_t>(n, 1), 16, 56));
    const int cell_h = 26, top = 34, win_w = 150;
    const int width = label_w + cell_w * static_cast<int>(n) + win_w + 10;
    const int height = top + cell_h * static_cast<int>(n) + 60;
    o << "<section><h2>Rank acceptability</h2>\n";
    if (!caption.empty()) o << "<p class=\"cap\">" << esc(caption) << "</p>\n";
    o << "<p class=\"cap\">Probability that each candidate takes each place over " << a.samples
      << " samples; rows in order of expected place.";
    if (a.incomplete) o << " " << a.incomplete << " samples ended in an unresolved tie.";
    o << "</p>\n<svg class=\"heat\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << ' ' << height << "\" role=\"img\" aria-label=\"rank acceptability heatmap\">\n";
    o << "<text x=\"" << label_w + cell_w * static_cast<int>(n) / 2
      << "\" y=\"12\" text-anchor=\"middle\" class=\"axis\">place</text>\n";
    for (std::size_t k = 0; k < n; ++k)
        o << "<text x=\"" << label_w + cell_w * static_cast<int>(k) + cell_w / 2 << "\" y=\"" << top - 6
          << "\" text-anchor=\"middle\" class=\"axis\">" << k + 1 << "</text>\n";
    o << "<text x=\"" << label_w + cell_w * static_cast<int>(n) + 10 << "\" y=\"" << top - 6
      << "\" class=\"axis\">P(win) &#177; s.e.</text>\n";
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t c = order[r];
        const int y = top + cell_h * static_cast<int>(r);
        o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + cell_h / 2 + 4 << "\" text-anchor=\"end\">"
          << esc(names[c]) << "</text>\n";
        for (std::size_t k = 0; k < n; ++k) {
            const double p = a.by_rank[c][k];
            const int x = label_w + cell_w * static_cast<int>(k);
            o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << cell_w - 1 << "\" height=\""
              << cell_h - 1 << "\" fill=\"" << blue(p) << "\"><title>" << esc(names[c]) << ", place " << k + 1
              << ": " << pct(p) << "</title></rect>\n";
            if (cell_w >= 34 && p >= 0.005)
                o << "<text x=\"" << x + cell_w / 2 << "\" y=\"" << y + cell_h / 2 + 4
                  << "\" text-anchor=\"middle\" class=\"" << (p > 0.5 ? "on-dark" : "on-light") << "\">"
                  << num(100 * p, 0) << "</text>\n";
        }
        const double w = c < a.winner.size() ? a.winner[c] : a.by_rank[c][0];
        const double se = c < a.winner_se.size() ? a.winner_se[c] : 0;
        o << "<text x=\"" << label_w + cell_w * static_cast<int>(n) + 10 << "\" y=\"" << y + cell_h / 2 + 4
          << "\">" << pct(w) << " &#177; " << num(100 * se, 1) << "</text>\n";
    }
    // Legend: the colour ramp from 0 to 100%.
    const int ly = top + cell_h * static_cast<int>(n) + 18;
    for (int i = 0; i < 20; ++i)
        o << "<rect x=\"" << label_w + i * 12 << "\" y=\"" << ly << "\" width=\"12\" height=\"12\" fill=\""
          << blue(i / 19.0) << "\"/>";
    o << "\n<text x=\"" << label_w - 8 << "\" y=\"" << ly + 10
      << "\" text-anchor=\"end\" class=\"axis\">0%</text>"
      << "<text x=\"" << label_w + 20 * 12 + 6 << "\" y=\"" << ly + 10
      << "\" class=\"axis\">100%</text>\n</svg>\n";
    o << "</section>\n";
}

void tau_bar(std::ostringstream& o, double tau) {
    // A 100-pixel axis from -1 to 1; the bar runs from 0 to tau.
    const double x0 = 50, x1 = 50 + 50 * std::clamp(tau, -1.0, 1.0);
    o << "<svg width=\"104\" height=\"14\" class=\"tau\"><rect x=\"0\" y=\"6\" width=\"100\" height=\"2\" "
         "fill=\"#ddd\"/>"
      << "<rect x=\"" << num(std::min(x0, x1), 1) << "\" y=\"2\" width=\""
      << num(std::max(1.0, std::abs(x1 - x0)), 1) << "\" height=\"10\" fill=\""
      << (tau >= 0 ? "#2171b5" : "#cb181d") << "\"/>"
      << "<rect x=\"49.5\" y=\"0\" width=\"1\" height=\"14\" fill=\"#555\"/></svg>";
}

void sweep_table(std::ostringstream& o, const std::vector<sweep_row>& rows, const std::string& caption) {
    o << "<section><h2>Sweep of weightings and rules</h2>\n";
    if (!caption.empty()) o << "<p class=\"cap\">" << esc(caption) << "</p>\n";
    o << "<p class=\"cap\">Kendall &#964;-b and Spearman &#961; compare each ranking with the first row (the "
         "baseline).</p>\n";
    o << "<table><thead><tr><th>scheme</th><th>aggregation</th><th>rule</th><th>winner</th><th>ranking</th>"
         "<th>Kendall &#964;</th><th>Spearman &#961;</th><th>moved</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const bool changed = i > 0 && !rows[0].winner.empty() && r.winner != rows[0].winner;
        o << "<tr" << (i == 0 ? " class=\"base\"" : (changed ? " class=\"changed\"" : "")) << "><td>"
          << esc(r.scheme) << "</td><td>" << esc(r.aggregation) << "</td><td>" << esc(r.rule)
          << "</td><td class=\"win\">" << (r.winner.empty() ? "<em>tie</em>" : esc(r.winner))
          << "</td><td class=\"rank\">" << tiers_text(r.ranking) << "</td><td class=\"num\">";
        if (r.kendall_tau) {
            tau_bar(o, *r.kendall_tau);
            o << ' ' << num(*r.kendall_tau, 3);
        } else
            o << "&#8212;";
        o << "</td><td class=\"num\">" << (r.spearman_rho ? num(*r.spearman_rho, 3) : std::string("&#8212;"))
          << "</td><td>";
        for (std::size_t k = 0; k < r.moved.size(); ++k) o << (k ? ", " : "") << esc(r.moved[k]);
        o << "</td></tr>\n";
    }
    o << "</tbody></table>\n</section>\n";
}

void power_bars(std::ostringstream& o, std::vector<power_share> p, const std::string& caption) {
    std::stable_sort(p.begin(), p.end(), [](auto& a, auto& b) { return a.share > b.share; });
    const double top = std::max(1e-12, p.front().share);
    const int label_w = 300, bar_w = 480, row_h = 20;
    const int height = row_h * static_cast<int>(p.size()) + 30;
    o << "<section><h2>Power shares per unit</h2>\n";
    if (!caption.empty()) o << "<p class=\"cap\">" << esc(caption) << "</p>\n";
    o << "<svg class=\"power\" width=\"" << label_w + bar_w + 90 << "\" height=\"" << height
      << "\" role=\"img\" "
      << "aria-label=\"power shares\">\n";
    // Gridlines at quarters of the largest share.
    for (int g = 0; g <= 4; ++g) {
        const int x = label_w + bar_w * g / 4;
        o << "<rect x=\"" << x << "\" y=\"0\" width=\"1\" height=\"" << height - 24 << "\" fill=\"#e5e5e5\"/>"
          << "<text x=\"" << x << "\" y=\"" << height - 8 << "\" text-anchor=\"middle\" class=\"axis\">"
          << pct(top * g / 4) << "</text>\n";
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int y = row_h * static_cast<int>(i) + 2;
        const double w = bar_w * std::clamp(p[i].share, 0.0, 1.0) / top;
        o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\">" << esc(p[i].unit)
          << "</text>"
          << "<rect x=\"" << label_w << "\" y=\"" << y + 2 << "\" width=\"" << num(std::max(w, 0.5), 1)
          << "\" height=\"" << row_h - 5 << "\" fill=\"#6baed6\"><title>" << esc(p[i].unit) << ": "
          << pct(p[i].share) << "</title></rect>"
          << "<text x=\"" << num(label_w + w + 6, 1) << "\" y=\"" << y + 13 << "\" class=\"axis\">"
          << pct(p[i].share) << "</text>\n";
    }
    o << "</svg>\n</section>\n";
}

} // namespace

std::string html_report(const report_input& in) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'\">\n"
      << "<title>" << esc(in.title) << "</title>\n<style>\n"
      << "body{font-family:system-ui,-apple-system,'Segoe "
         "UI',Helvetica,Arial,sans-serif;margin:24px;color:#222;background:#fff}\n"
      << "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid "
         "#ddd;padding-bottom:4px}\n"
      << "p.cap{color:#555;font-size:13px;margin:2px 0 8px}p.note{font-size:13px;margin:2px 0}\n"
      << "svg text{font-size:12px;fill:#222}svg text.axis{fill:#666;font-size:11px}\n"
      << "svg text.on-dark{fill:#fff;font-size:11px}svg text.on-light{fill:#08306b;font-size:11px}\n"
      << "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ddd;padding:4px "
         "8px;text-align:left;vertical-align:middle}\n"
      << "th{background:#f3f6fa}tr.base td{background:#eef5fc}tr.changed "
         "td.win{background:#fde0dd;font-weight:600}\n"
      << "td.num{white-space:nowrap}td.rank{max-width:520px}svg.tau{vertical-align:middle}\n"
      << "footer{margin-top:32px;color:#888;font-size:11px}\n</style>\n</head>\n<body>\n";
    o << "<h1>" << esc(in.title) << "</h1>\n";
    for (const auto& n : in.notes) o << "<p class=\"note\">" << esc(n) << "</p>\n";
    if (in.smaa) heatmap(o, *in.smaa, in.candidates, in.smaa_caption);
    if (!in.sweep.empty()) sweep_table(o, in.sweep, in.sweep_caption);
    if (!in.power.empty()) power_bars(o, in.power, in.power_caption);
    o << "<footer>Written by accord. Self-contained: inline SVG and CSS, no scripts, no "
         "network.</footer>\n</body>\n</html>\n";
    return o.str();
}

void write_html_report(const std::filesystem::path& path, const report_input& in) {
    const std::string html = html_report(in);
    detail::write_file_atomically(path.string(), [&](std::ostream& f) { f << html; });
}

} // namespace v0
} // namespace accord
