// The Pabulib reader ("pabulib", .pb; docs/formats.md) and the budget rule on what it reads: real
// files from pabutools' test data (tests/data/pabulib/SOURCES.md) read, agree with their own
// PROJECTS columns (votes, score), and where the file says the city used greedy, accord's greedy
// funds exactly the projects the file marks selected; malformed files are refused naming the place.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/summary.hpp"

#include "test_data.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace accord;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

/// What the file itself says, read naively (the real files quote no ';' inside project_id,
/// cost, votes, score or selected): META, and the PROJECTS columns by name.
struct declared {
    std::map<std::string, std::string> meta;
    std::vector<std::map<std::string, std::string>> projects;
};

declared naive(const fs::path& f) {
    declared d;
    std::istringstream in(slurp(f));
    std::string line, section;
    std::vector<std::string> header;
    bool want_header = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line == "META" || line == "PROJECTS" || line == "VOTES") {
            section = line;
            want_header = true;
            continue;
        }
        const auto cells = split(line, ';');
        if (want_header) {
            header = cells;
            want_header = false;
        } else if (section == "META" && cells.size() >= 2) {
            d.meta[cells[0]] = cells[1];
        } else if (section == "PROJECTS") {
            std::map<std::string, std::string> row;
            for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k) row[header[k]] = cells[k];
            d.projects.push_back(row);
        }
    }
    return d;
}

std::vector<fs::path> real_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(accord_test::fixture("pabulib")))
        if (e.path().extension() == ".pb") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

profile read_text(const std::string& text, bool lenient = false, read_report* rep = nullptr) {
    read_options o;
    o.format = file_format::pabulib;
    o.lenient = lenient;
    return read_profile_text(text, "t.pb", o, rep);
}

const std::string k_small = "META\n"
                            "key;value\n"
                            "description;\"a; quoted \"\"description\"\"\"\n"
                            "num_projects;3\n"
                            "num_votes;4\n"
                            "budget;250.5\n"
                            "vote_type;approval\n"
                            "PROJECTS\n"
                            "project_id;cost;name\n"
                            "p1;100;\"Park; benches\"\n"
                            "p2;150;Library\n"
                            "p3;90;Lights\n"
                            "VOTES\n"
                            "voter_id;vote;age\n"
                            "v1;p1,p2;30\n"
                            "v2;p2;41\n"
                            "v3;p2,p3;none\n"
                            "v4;;22\n";

} // namespace

TEST(Pabulib, FormatIsNamedAndDetected) {
    EXPECT_EQ(parse_format("pabulib"), file_format::pabulib);
    EXPECT_EQ(parse_format("pb"), file_format::pabulib);
    EXPECT_EQ(detect_format("x.pb", ""), file_format::pabulib);
    EXPECT_EQ(detect_format("upload", "META\r\nkey;value\n"), file_format::pabulib);
    EXPECT_EQ(read_profile_text(k_small, "upload").source_format, "pabulib");
}

TEST(Pabulib, ReadsProjectsCostsBudgetAndApprovals) {
    read_report rep;
    const profile p = read_text(k_small, false, &rep);
    EXPECT_EQ(p.kind(), ballot_kind::approval);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"p1", "p2", "p3"}));
    EXPECT_EQ(p.costs, (std::vector<rational>{100, 150, 90}));
    ASSERT_TRUE(p.budget);
    EXPECT_EQ(*p.budget, rational(501, 2));
    EXPECT_EQ(p.title, "a; quoted \"description\"");
    EXPECT_EQ(p.total_count(), 4); // the blank ballot counts (Equal Shares shares the budget by it)
    // greedy by approvals: p2 (3), then p1 (100 of 100.5 left), then p3 no longer fits
    const result r = run(p, "budget", R"({"method": "greedy"})");
    EXPECT_EQ(r.winners, (std::vector<cand_t>{1, 0}));
    bool noted = false;
    for (const auto& n : r.notes) noted = noted || n == "from the file: the budget 501/2 and the costs";
    EXPECT_TRUE(noted);
    // The options win, as --seats does over a BLT file's seats; costs one by one.
    const result given = run(p, "budget", R"({"method": "greedy", "budget": 400, "costs": {"p1": 300}})");
    EXPECT_EQ(given.winners, (std::vector<cand_t>{1, 2})); // 150 + 300 > 400: p1 skipped, p3 (90) fits
}

// Shards of one participatory budget merge with their budget and costs (accord merge, Dask);
// a merge that would lose them or mix two budgets is refused, naming the difference.
TEST(Pabulib, ShardsMergeWithTheirBudgetAndCostsOrAreRefused) {
    const profile whole = read_text(k_small);
    profile first(whole.candidate_names(), whole.kind()), second = first;
    first.costs = second.costs = whole.costs;
    first.budget = second.budget = whole.budget;
    for (std::size_t i = 0; i < whole.unique_count(); ++i) {
        const auto b = whole.ballot(i);
        (i % 2 ? second : first).add(b.marks, b.count);
    }
    // A shard that names its projects in another order, with a project only it has.
    profile third({"p4", "p2"}, ballot_kind::approval);
    third.costs = {rational(7), rational(150)};
    third.budget = whole.budget;
    third.add(std::vector<mark>{mark{0, 1}}, 2); // two ballots approving p4
    merge_into(first, second);
    EXPECT_EQ(to_json(run(first, "budget", R"({"method": "greedy"})")),
              to_json(run(whole, "budget", R"({"method": "greedy"})")));
    merge_into(first, third);
    EXPECT_EQ(first.candidate_names(), (std::vector<std::string>{"p1", "p2", "p3", "p4"}));
    EXPECT_EQ(first.costs, (std::vector<rational>{100, 150, 90, 7}));
    EXPECT_EQ(first.budget, whole.budget);
    const auto refused = [&](profile q, const std::string& says) {
        const profile before = first;
        try {
            merge_into(first, q);
            ADD_FAILURE() << "merged: " << says;
        } catch (const error& e) {
            EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
        }
        EXPECT_EQ(first.costs, before.costs);
        EXPECT_EQ(first.candidate_names(), before.candidate_names());
    };
    profile q = second;
    q.budget = rational(300);
    refused(q, "different budgets (501/2 and 300)");
    q.budget.reset();
    refused(q, "different budgets (501/2 and none)");
    q = second;
    q.costs.clear();
    refused(q, "only the first profile declares project costs");
    q = second;
    q.costs[2] = rational(91);
    refused(q, "project 'p3' costs 90 in one profile and 91 in the other");
}

// The figures as JSON (accord info, accord_profile_budget_json, Profile.budget/costs) and set from
// it (accord_profile_set_budget_json, Profile.set_budget); a bad setting leaves them unchanged.
TEST(Pabulib, BudgetAndCostsAsJsonAreReadAndSet) {
    profile p = read_text(k_small);
    EXPECT_EQ(budget_json(p), R"({"budget":"501/2","costs":{"p1":"100","p2":"150","p3":"90"}})");
    set_budget_json(p, R"({"budget": "1250.50", "costs": {"p3": 1, "p1": "7/2", "p2": "0.25"}})");
    EXPECT_EQ(*p.budget, rational(2501, 2));
    EXPECT_EQ(p.costs, (std::vector<rational>{rational(7, 2), rational(1, 4), rational(1)}));
    const auto refused = [&](const std::string& text, errc code, const std::string& says) {
        const profile before = p;
        try {
            set_budget_json(p, text);
            ADD_FAILURE() << "set: " << text;
        } catch (const error& e) {
            EXPECT_EQ(e.code(), code) << e.what();
            EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
        }
        EXPECT_EQ(p.costs, before.costs);
        EXPECT_EQ(p.budget, before.budget);
    };
    refused(R"({"costs": {"p1": 1, "p2": 2}})", errc::invalid, "gives no cost for 'p3'");
    refused(R"({"costs": {"p1": 1, "p2": 2, "p3": 3, "p4": 4}})", errc::not_found, "'p4'");
    refused(R"({"budget": -1})", errc::invalid, "'budget' must be an exact number >= 0");
    refused(R"({"budget": 0.5})", errc::invalid, "'budget' must be an exact number >= 0");
    refused(R"({"budget": 1, "costs": {"p1": 1, "p2": 2, "p3": "x"}})", errc::invalid, "the cost of 'p3'");
    refused(R"({"budgets": 1})", errc::invalid, "unknown key 'budgets'");
    set_budget_json(p, R"({"budget": null, "costs": null})");
    EXPECT_FALSE(p.budget);
    EXPECT_TRUE(p.costs.empty());
    EXPECT_EQ(budget_json(p), R"({"budget":null,"costs":null})");
}

TEST(Pabulib, CumulativeAndScoringAreScoreBallotsOrdinalIsRankings) {
    const std::string head = "META\nkey;value\nbudget;10\nvote_type;";
    const std::string projects = "\nPROJECTS\nproject_id;cost\na;5\nb;4\nc;3\n";
    const profile cum =
        read_text(head + "cumulative" + projects + "VOTES\nvoter_id;vote;points\n1;a,c;7,3\n2;b;10\n");
    EXPECT_EQ(cum.kind(), ballot_kind::score);
    ASSERT_EQ(cum.unique_count(), 2u);
    const auto b = cum.ballot(0);
    ASSERT_EQ(b.marks.size(), 2u);
    std::map<cand_t, int> pts;
    for (const auto& m : b.marks) pts[m.candidate] = m.value;
    EXPECT_EQ(pts, (std::map<cand_t, int>{{0, 7}, {2, 3}}));
    EXPECT_EQ(read_text(head + "scoring" + projects + "VOTES\nvoter_id;vote;points\n1;a;-1\n").kind(),
              ballot_kind::score);
    const profile ord = read_text(head + "ordinal" + projects + "VOTES\nvoter_id;vote\n1;c,a\n");
    EXPECT_EQ(ord.kind(), ballot_kind::ranking);
    EXPECT_EQ(run(ord, "irv").winners, (std::vector<cand_t>{2}));
}

TEST(Pabulib, RefusesWhatCouldBeMisreadNamingLineAndColumn) {
    const std::string meta = "META\nkey;value\nbudget;10\nvote_type;approval\n";
    const std::string projects = "PROJECTS\nproject_id;cost\na;5\nb;4\n";
    struct bad {
        std::string text, needle;
        std::size_t line, column;
    };
    const std::vector<bad> cases = {
        {"META\nkey;value\nbudget;10\nvote_type;plurality\n" + projects + "VOTES\nvoter_id;vote\n",
         "unknown vote_type", 4, 11},
        {meta + projects + "VOTES\nvoter_id;vote\n1;a,z\n", "project 'z', which PROJECTS does not list", 11,
         3},
        {meta + projects + "VOTES\nvoter_id;vote\n1;a,a\n", "twice", 11, 3},
        {"META\nkey;value\nbudget;10\nvote_type;cumulative\n" + projects +
             "VOTES\nvoter_id;vote;points\n1;a,b;3\n",
         "points gives 1 numbers", 11, 7},
        {"META\nkey;value\nbudget;10\nvote_type;cumulative\n" + projects +
             "VOTES\nvoter_id;vote;points\n1;a;x\n",
         "whole numbers", 11, 5},
        {meta + "PROJECTS\nproject_id;cost\na;-5\n", "cost of project 'a'", 7, 3},
        {meta + "PROJECTS\nproject_id;cost\na;1,5\n", "cost of project 'a'", 7, 3},
        {meta + "PROJECTS\nproject_id;cost\na;5\na;4\n", "listed twice", 8, 1},
        {"META\nkey;value\nvote_type;approval\n" + projects + "VOTES\nvoter_id;vote\n", "no budget", 1, 1},
        {"META\nkey;value\nbudget;10\nnum_votes;2\nvote_type;approval\n" + projects +
             "VOTES\nvoter_id;vote\n1;a\n",
         "num_votes 2 but the file holds 1", 4, 11},
        {"META\nkey;value\nbudget;10\nnum_projects;3\nvote_type;approval\n" + projects +
             "VOTES\nvoter_id;vote\n",
         "num_projects 3", 4, 14},
        {meta + "PROJECTS\nproject_id;cost\na\x01;5\n", "project_id", 7, 2},
        {meta + "PROJECTS\nproject_id;cost\na\xff;5\n", "project_id", 7, 2},
        {meta + "PROJECTS\nproject_id;cost\n\"a;5\n", "not closed", 7, 1},
        {meta + projects + "VOTES\nvoter_id;vote\n1;a\n1;b\n", "votes twice", 12, 1},
        {meta + "VOTES\nvoter_id;vote\n", "out of place", 5, 1},
        {"budget;10\n", "META", 1, 1},
    };
    for (const auto& c : cases) {
        try {
            read_text(c.text);
            ADD_FAILURE() << "read: " << c.text;
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::parse) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.needle), std::string::npos) << e.what();
            EXPECT_EQ(e.where().line, c.line) << e.what();
            EXPECT_EQ(e.where().column, c.column) << e.what();
        }
    }
    // Lenient mode skips a bad vote, reporting its line; the declared num_votes counts it.
    read_report rep;
    const profile p = read_text("META\nkey;value\nbudget;10\nnum_votes;2\nvote_type;approval\n" + projects +
                                    "VOTES\nvoter_id;vote\n1;a,z\n2;b\n",
                                true, &rep);
    EXPECT_EQ(p.total_count(), 1);
    ASSERT_EQ(rep.skipped.size(), 1u);
    EXPECT_EQ(rep.skipped[0].line, 12u);
}

// The limits META sets on each vote (pabulib.org's format: min/max_length, min/max_sum_cost,
// min/max_points, min/max_sum_points): a vote outside them is refused, naming its line, the limit
// and --lenient, which skips it and reports it; "∞" or an empty value sets no limit; a limit that
// is not a number is refused at its META line. The 8 real files keep their limits (above).
TEST(Pabulib, VotesOutsideTheMetaLimitsAreRefusedOrSkipped) {
    const auto file = [](const std::string& type, const std::string& limits, const std::string& costs,
                         const std::string& votes) {
        return "META\nkey;value\nbudget;100\nvote_type;" + type + "\n" + limits +
               "PROJECTS\nproject_id;cost\n" + costs + "VOTES\n" + votes;
    };
    const std::string abc = "a;10\nb;20\nc;30\n", halves = "a;10.5\nb;20\nc;30\n";
    struct bad {
        std::string text, needle;
        std::size_t line;
    };
    const std::vector<bad> cases = {
        {file("approval", "min_length;2\n", abc, "voter_id;vote\n1;a,b\n2;c\n"),
         "vote names 1 project, fewer than META min_length 2", 14},
        {file("approval", "max_length;2\n", abc, "voter_id;vote\n1;a,b,c\n"),
         "vote names 3 projects, more than META max_length 2", 13},
        {file("approval", "max_sum_cost;30.5\n", abc, "voter_id;vote\n1;a,b\n2;a,c\n"),
         "vote's projects cost 40 in all, more than META max_sum_cost 61/2", 14},
        {file("approval", "min_sum_cost;30\n", abc, "voter_id;vote\n1;b,a\n2;b\n"),
         "vote's projects cost 20 in all, less than META min_sum_cost 30", 14},
        {file("approval", "max_sum_cost;30\n", halves, "voter_id;vote\n1;c\n2;a,b\n"),
         "vote's projects cost 61/2 in all, more than META max_sum_cost 30", 14},
        {file("cumulative", "max_points;5\n", abc, "voter_id;vote;points\n1;a,b;5,2\n2;c;6\n"),
         "vote gives 6 points to project 'c', more than META max_points 5", 14},
        {file("scoring", "min_points;1\n", abc, "voter_id;vote;points\n1;a,b;0,2\n"),
         "vote gives 0 points to project 'a', fewer than META min_points 1", 13},
        {file("cumulative", "max_sum_points;10\n", abc, "voter_id;vote;points\n1;a,b;5,5\n2;a,c;5,6\n"),
         "vote gives 11 points in all, more than META max_sum_points 10", 14},
        {file("cumulative", "min_sum_points;1\n", abc, "voter_id;vote;points\n1;;\n"),
         "vote gives 0 points in all, fewer than META min_sum_points 1", 13},
    };
    for (const auto& c : cases) {
        try {
            read_text(c.text);
            ADD_FAILURE() << "read: " << c.text;
        } catch (const error& e) {
            EXPECT_NE(std::string(e.what()).find(c.needle), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("--lenient skips such votes"), std::string::npos)
                << e.what();
            EXPECT_EQ(e.where().line, c.line) << e.what();
        }
        read_report rep;
        const profile p = read_text(c.text, true, &rep);
        ASSERT_EQ(rep.skipped.size(), 1u) << c.needle;
        EXPECT_EQ(rep.skipped[0].line, c.line);
        EXPECT_NE(rep.skipped[0].reason.find(c.needle), std::string::npos) << rep.skipped[0].reason;
    }
    // At the limits exactly, and with no limit: read.
    EXPECT_EQ(read_text(file("approval", "min_length;1\nmax_length;2\nmax_sum_cost;30.5\nmin_sum_cost;10\n",
                             abc, "voter_id;vote\n1;a,b\n2;a\n"))
                  .total_count(),
              2);
    EXPECT_EQ(
        read_text(file("approval", "max_sum_cost;30.5\n", halves, "voter_id;vote\n1;a,b\n")).total_count(),
        1);
    EXPECT_EQ(read_text(file("cumulative", "max_sum_points;10\nmax_points;\xE2\x88\x9E\nmax_length;\n", abc,
                             "voter_id;vote;points\n1;a,b;4,6\n"))
                  .total_count(),
              1);
    try {
        read_text(file("approval", "max_length;three\n", abc, "voter_id;vote\n1;a\n"));
        ADD_FAILURE() << "read a limit that is not a number";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("max_length must be a whole number"), std::string::npos)
            << e.what();
        EXPECT_EQ(e.where().line, 5u);
        EXPECT_EQ(e.where().column, 12u);
    }
}

// The writer: every real file read, written and read again is the same profile (projects,
// costs, budget, title, kind and every ballot with its count); what a Pabulib file cannot hold is
// refused by name, and other formats refuse a profile with a budget rather than drop it.
TEST(Pabulib, WrittenFilesReadBackAsTheSameProfile) {
    const auto ballots = [](const profile& q) {
        std::map<std::vector<std::pair<cand_t, std::int32_t>>, std::uint64_t> out;
        for (std::size_t i = 0; i < q.unique_count(); ++i) {
            const auto b = q.ballot(i);
            std::vector<std::pair<cand_t, std::int32_t>> key;
            for (const auto& m : b.marks) key.emplace_back(m.candidate, m.value);
            out[key] += b.count;
        }
        return out;
    };
    const auto files = real_files();
    ASSERT_FALSE(files.empty());
    for (const auto& f : files) {
        const profile p = read_profile(f);
        std::ostringstream out;
        write_profile(out, p, file_format::pabulib);
        const profile back = read_text(out.str());
        EXPECT_EQ(back.candidate_names(), p.candidate_names()) << f;
        EXPECT_EQ(back.costs, p.costs) << f;
        EXPECT_EQ(back.budget, p.budget) << f;
        EXPECT_EQ(back.title, p.title) << f;
        EXPECT_EQ(back.kind(), p.kind()) << f;
        EXPECT_EQ(ballots(back), ballots(p)) << f;
        EXPECT_EQ(back.total_count(), p.total_count()) << f;
    }
    // Exact decimals: 501/2 is 250.5; a quoted title and project id survive.
    const profile small = read_text(k_small);
    std::ostringstream text;
    write_profile(text, small, file_format::pabulib);
    EXPECT_NE(text.str().find("budget;250.5\n"), std::string::npos) << text.str();
    EXPECT_EQ(read_text(text.str()).title, small.title);
    const auto refused = [](const profile& q, file_format f, const std::string& says) {
        std::ostringstream sink;
        try {
            write_profile(sink, q, f);
            ADD_FAILURE() << "written: " << says;
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::unsupported) << e.what();
            EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
        }
        EXPECT_TRUE(sink.str().empty()) << "half-written: " << sink.str();
    };
    profile third = small;
    third.costs[0] = rational(1, 3);
    refused(third, file_format::pabulib, "the cost 1/3 of project 'p1' has no exact decimal");
    profile no_budget = small;
    no_budget.budget.reset();
    refused(no_budget, file_format::pabulib, "has no budget");
    profile plain({"a", "b"}, ballot_kind::approval);
    plain.add(std::vector<mark>{mark{0, 1}});
    refused(plain, file_format::pabulib, "has no budget");
    profile weighted = small;
    weighted.add(std::vector<mark>{mark{0, 1}}, 1, rational(2));
    refused(weighted, file_format::pabulib, "has weight 2");
    profile tied({"a", "b"});
    tied.add(std::vector<mark>{mark{0, 1}, mark{1, 1}});
    tied.costs = {rational(1), rational(2)};
    tied.budget = rational(3);
    refused(tied, file_format::pabulib, "ranks two projects equal");
    profile titled = small;
    titled.title = " padded";
    refused(titled, file_format::pabulib, "the title has surrounding white space");
    titled.title = "two\nlines";
    refused(titled, file_format::pabulib, "the title has surrounding white space, a line break");
    refused(small, file_format::csv, "its budget and project costs would be lost (write pabulib)");
    refused(small, file_format::cat, "its budget and project costs would be lost");
}

TEST(Pabulib, RealFilesAgreeWithTheirOwnVotesAndScoreColumns) {
    const auto files = real_files();
    ASSERT_GE(files.size(), 7u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const profile p = read_profile(f);
        const declared d = naive(f);
        ASSERT_EQ(p.candidate_count(), d.projects.size());
        if (d.meta.count("num_votes")) {
            EXPECT_EQ(p.total_count(), std::stoull(d.meta.at("num_votes")));
        }
        EXPECT_EQ(*p.budget, parse_rational(d.meta.at("budget")));
        std::vector<std::uint64_t> votes(p.candidate_count(), 0);
        std::vector<std::int64_t> score(p.candidate_count(), 0);
        // Ordinal files score a project max_length + 1 - its position (Krakow: 3, 2, 1 points).
        const std::int64_t top = d.meta.count("max_length") ? std::stoll(d.meta.at("max_length")) + 1 : 0;
        for (std::size_t i = 0; i < p.unique_count(); ++i)
            for (const auto& m : p.ballot(i).marks) {
                votes[m.candidate] += p.ballot(i).count;
                const std::int64_t points = p.kind() == ballot_kind::ranking ? top - m.value : m.value;
                score[m.candidate] += points * static_cast<std::int64_t>(p.ballot(i).count);
            }
        for (cand_t c = 0; c < p.candidate_count(); ++c) {
            const auto& row = d.projects[c];
            EXPECT_EQ(p.candidate_name(c), row.at("project_id"));
            EXPECT_EQ(p.costs[c], parse_rational(row.at("cost")));
            if (row.count("votes")) {
                EXPECT_EQ(std::to_string(votes[c]), row.at("votes"));
            }
            if (row.count("score") && (p.kind() == ballot_kind::score || top > 0)) {
                EXPECT_EQ(std::to_string(score[c]), row.at("score"));
            }
        }
    }
}

// The outcome known from outside: the city's own greedy count, as the file's `selected` column:
// by approvals (Warsaw, Gdynia, Łódź), or by points over cumulative votes (Katowice).
TEST(Pabulib, GreedyFundsExactlyTheProjectsTheFileMarksSelected) {
    std::size_t checked = 0, points = 0;
    for (const auto& f : real_files()) {
        declared d = naive(f);
        if (d.meta["rule"] != "greedy" ||
            (d.meta["vote_type"] != "approval" && d.meta["vote_type"] != "cumulative") ||
            !d.projects[0].count("selected"))
            continue;
        if (d.meta["vote_type"] == "cumulative") ++points;
        SCOPED_TRACE(f.filename().string());
        const profile p = read_profile(f);
        const result r = run(p, "budget", R"({"method": "greedy"})");
        std::set<std::string> funded, selected;
        for (cand_t c : r.winners) funded.insert(p.candidate_name(c));
        for (const auto& row : d.projects)
            if (row.at("selected") == "1") selected.insert(row.at("project_id"));
        EXPECT_EQ(funded, selected);
        ++checked;
    }
    EXPECT_GE(checked, 7u);
    EXPECT_GE(points, 1u);
}
