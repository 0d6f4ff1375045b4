// The HTML report: self-contained (no scripts, no network), escaped, and carrying the numbers.
#include "accord/analysis/report.hpp"
#include "accord/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace accord;

namespace {
report_input sample() {
    report_input in;
    in.title = "Test <b>report</b> & co";
    acceptability a;
    a.samples = 100;
    a.candidates = 2;
    a.by_rank = {{0.25, 0.75}, {0.75, 0.25}};
    a.winner = {0.25, 0.75};
    a.winner_se = {0.0433, 0.0433};
    in.smaa = a;
    in.candidates = {"Alpha", "Beta <script>"};
    in.sweep = {{.scheme = "equal",
                 .rule = "irv",
                 .winner = "Beta <script>",
                 .ranking = {{"Beta <script>"}, {"Alpha"}}},
                {.scheme = "population",
                 .rule = "irv",
                 .winner = "Alpha",
                 .ranking = {{"Alpha"}, {"Beta <script>"}},
                 .kendall_tau = -1.0,
                 .spearman_rho = -1.0,
                 .moved = {"Alpha", "Beta <script>"}}};
    in.power = {{"Small", 0.1}, {"Big", 0.9}};
    return in;
}
} // namespace

TEST(Report, IsSelfContainedWithNoScriptsOrNetwork) {
    const std::string h = html_report(sample());
    EXPECT_EQ(h.find("<script"), std::string::npos);
    EXPECT_EQ(h.find("http://"), std::string::npos);
    EXPECT_EQ(h.find("https://"), std::string::npos);
    EXPECT_EQ(h.find("src="), std::string::npos);
    EXPECT_EQ(h.find("url("), std::string::npos);
    EXPECT_NE(h.find("<svg"), std::string::npos);
    EXPECT_NE(h.find("default-src 'none'"), std::string::npos);
}

TEST(Report, EscapesCallerTextAndShowsTheNumbers) {
    const std::string h = html_report(sample());
    EXPECT_NE(h.find("Test &lt;b&gt;report&lt;/b&gt; &amp; co"), std::string::npos);
    EXPECT_NE(h.find("Beta &lt;script&gt;"), std::string::npos);
    EXPECT_NE(h.find("75.0%"), std::string::npos);             // P(win) of Beta
    EXPECT_NE(h.find("-1.000"), std::string::npos);            // tau of the second sweep row
    EXPECT_NE(h.find("90.0%"), std::string::npos);             // Big's share
    EXPECT_NE(h.find("class=\"changed\""), std::string::npos); // the winner moved
    // Heatmap rows follow expected place: Beta (expected 1.25) above Alpha (1.75).
    EXPECT_LT(h.find(">Beta &lt;script&gt;</text>"), h.find(">Alpha</text>"));
}

TEST(Report, LeavesOutEmptySectionsAndRejectsMismatchedNames) {
    report_input in;
    const std::string h = html_report(in);
    EXPECT_EQ(h.find("Rank acceptability"), std::string::npos);
    EXPECT_EQ(h.find("Power shares"), std::string::npos);
    auto bad = sample();
    bad.candidates.pop_back();
    EXPECT_THROW(html_report(bad), error);
}

TEST(Report, WritesTheFileOrSaysWhyNot) {
    const auto path = std::filesystem::temp_directory_path() / "accord_report_test.html";
    write_html_report(path, sample());
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    EXPECT_EQ(s.str(), html_report(sample()));
    std::filesystem::remove(path);
    try {
        write_html_report("/nonexistent-dir/x/report.html", sample());
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::io);
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x/report.html"), std::string::npos);
    }
}
