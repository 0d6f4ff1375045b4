// The CSV reader and writer on small files whose every ballot can be checked by hand.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/rules/irv.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <sstream>

using namespace accord;

namespace {
profile csv(std::string_view text, read_options opt = {}, read_report* rep = nullptr) {
    opt.format = file_format::csv;
    return read_profile_text(text, "t.csv", opt, rep);
}
std::vector<mark> marks_of(const profile& p, std::size_t i) {
    auto b = p.ballot(i);
    return {b.marks.begin(), b.marks.end()};
}
} // namespace

TEST(Csv, RankColumnsKeepSkippedRanksAsGapsAndOvervotesAsMarks) {
    const auto p = csv("rank1,rank2,rank3\nA,,B\nA,overvote,C\n\"B, Jr\",A,\n");
    ASSERT_EQ(p.candidate_names(), (std::vector<std::string>{"A", "B", "C", "B, Jr"}));
    EXPECT_EQ(marks_of(p, 0), (std::vector<mark>{{0, 1}, {1, 3}}));
    EXPECT_EQ(marks_of(p, 1), (std::vector<mark>{{0, 1}, {k_overvote, 2}, {2, 3}}));
    EXPECT_EQ(marks_of(p, 2), (std::vector<mark>{{3, 1}, {0, 2}}));
}

// An ES&S export names its ballot-id column with an empty header. `--skip-column ''` once
// indexed the column list at SIZE_MAX (a heap overflow: "double free or corruption").
TEST(Csv, AnEmptySkipColumnNameSkipsTheOneColumnWithAnEmptyHeaderAndIsRefusedOtherwise) {
    read_options o;
    o.csv.layout = csv_options::layout_t::rank_columns;
    o.csv.skip_columns = {""};
    const auto p = csv(",1,2\n1,A,B\n2,B,\n3,A,\n", o);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(p.total_count(), 3);
    const auto refused = [&](std::string_view text, const std::string& words) {
        try {
            csv(text, o);
            ADD_FAILURE() << text << ": read";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::parse) << e.what();
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    refused("id,1,2\n1,A,B\n", "no skipped column with an empty header");
    refused(",,1,2\n1,x,A,B\n", "2 columns have an empty header");
}

TEST(Csv, CandidateColumnsHoldRankNumbersAndRepeatedRowsMerge) {
    const auto p = csv("id,North,South,East\n1,1,2,\n2,2,1,3\n3,1,2,\n", [] {
        read_options o;
        o.csv.first_column = 2;
        return o;
    }());
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"North", "South", "East"}));
    EXPECT_EQ(p.total_count(), 3);
    EXPECT_EQ(p.unique_count(), 2u);
    EXPECT_EQ(p.ballot(0).count, 2u);
}

TEST(Csv, WriteInsCountForTheWriteInCandidateAndDelimitedOvervotesTie) {
    read_options o;
    o.csv.overvote_delimiter = "|";
    const auto p = csv("r1,r2\nUWI,A\nA|B,C\n", o);
    ASSERT_TRUE(p.find_candidate("Undeclared Write-ins"));
    EXPECT_EQ(marks_of(p, 1), (std::vector<mark>{{1, 1}, {2, 1}, {3, 2}}));
}

TEST(Csv, UnitWeightAndCountColumnsAreExact) {
    read_options o;
    o.csv.unit_column = "practice";
    o.csv.weight_column = "w";
    o.csv.count_column = "n";
    const auto p = csv("practice,w,n,r1\nM85001,1/3,2,A\nM85002,0.5,1,B\n", o);
    EXPECT_EQ(p.units(), (std::vector<std::string>{"M85001", "M85002"}));
    EXPECT_EQ(p.total_weight(), rational(2, 3) + rational(1, 2));
    EXPECT_EQ(*p.ballot(0).weight, rational(1, 3));
}

TEST(Csv, AColumnHeadedUnitIsTheUnitNeverARank) {
    // A newcomer trap: without it, practice codes were read as the first rank's candidates.
    const auto p = csv("Unit,rank1,rank2\nM81009,A,B\nM81012,B,A\n", {});
    EXPECT_EQ(p.candidate_count(), 2u);
    EXPECT_EQ(p.units(), (std::vector<std::string>{"M81009", "M81012"}));
    EXPECT_EQ(marks_of(p, 0), (std::vector<mark>{{0, 1}, {1, 2}}));
    read_options other;
    other.csv.unit_column = "rank2"; // a named column wins; "Unit" is then an unknown column,
    EXPECT_THROW(csv("Unit,rank1,rank2\nX,A,P\n", other), error); // refused beside rank headers
    other.csv.layout = csv_options::layout_t::rank_columns;       // unless read as a rank
    EXPECT_EQ(csv("Unit,rank1,rank2\nX,A,P\n", other).units(), (std::vector<std::string>{"P"}));
}

TEST(Csv, FuzzRegressionARowEndingBeforeTheUnitColumnIsSkippedNotLeftWithoutAUnit) {
    // fuzz_csv: a short row gave a ballot with no unit among ballots with units; the CSV written
    // from that profile (an empty unit cell) could not be read back.
    read_options lenient;
    lenient.format = file_format::csv;
    lenient.lenient = true;
    lenient.csv.layout = csv_options::layout_t::rank_columns; // the fuzzed header guides nothing
    const auto p =
        read_profile(accord_test::fixture("fuzz_regressions/csv_short_row_without_unit.csv"), lenient);
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        EXPECT_NE(p.ballot(i).unit, k_no_unit) << "ballot " << i;
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    read_options again;
    again.format = file_format::csv;
    again.csv.count_column = "count";
    again.csv.layout = csv_options::layout_t::rank_columns;
    const auto q = read_profile_text(out.str(), "rewritten.csv", again);
    EXPECT_EQ(q.unique_count(), p.unique_count());
}

TEST(Csv, FuzzRegressionASepLineThatIsTheWholeFileIsAnEmptyFileNotAnOverread) {
    // Fuzz.Replay.fuzz_csv under ASan: a file of exactly "sep=;" read the byte after it and
    // skipped past the end of the text (heap-buffer-overflow). It is an empty file after the sep line.
    for (const char* text : {"sep=;", "sep=,\n", "sep=;\r\n"}) {
        read_options o;
        o.format = file_format::csv;
        try {
            (void)read_profile_text(text, "sep_only.csv", o);
            ADD_FAILURE() << "read '" << text << "' without a header";
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::parse) << text;
            EXPECT_NE(std::string(e.what()).find("empty file"), std::string::npos) << e.what();
        }
    }
}

TEST(Csv, FuzzRegressionACandidateNoBallotRanksIsNotDroppedByTheWriter) {
    // fuzz_csv: rank columns name only mentioned candidates, so writing lost the others and the
    // file could not be read back. The writer refuses instead; unit ids are checked as UTF-8.
    read_options lenient;
    lenient.format = file_format::csv;
    lenient.lenient = true;
    read_report report;
    const auto p = read_profile(accord_test::fixture("fuzz_regressions/csv_candidate_no_ballot_ranks.csv"),
                                lenient, &report);
    EXPECT_EQ(report.skipped.size(), 2u); // an empty unit, and a unit id that is not UTF-8
    profile q({"A", "B"});
    q.add_order(std::vector<cand_t>{0});
    std::ostringstream out;
    write_profile(out, q, file_format::csv); // B is kept in the #candidates record
    EXPECT_EQ(out.str(), "#candidates,A,B\ncount,rank1\n1,A\n");
    EXPECT_EQ(read_profile_text(out.str(), "back.csv").candidate_names(), q.candidate_names());
}

TEST(Csv, LenientModeSkipsBadRowsAndLeavesNoTraceOfThem) {
    // Regression (fuzz_csv): a skipped row used to leave the candidates it named behind.
    read_options o;
    o.lenient = true;
    read_report rep;
    const auto p = csv("r1,r2\nA,B\nZ,\"x\x01\"\nB,A\n", o, &rep);
    ASSERT_EQ(rep.skipped.size(), 1u);
    EXPECT_EQ(rep.skipped[0].line, 3u);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(p.total_count(), 2);
}

TEST(Csv, WriterRoundTripsThroughItsCountColumn) {
    const auto p = csv("r1,r2,r3\nA,B,\nA,B,\nC,,A\n");
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    EXPECT_EQ(out.str(), "count,rank1,rank2,rank3\n2,A,B,\n1,C,,A\n");
    const auto q = csv(out.str()); // no flags: the count column is recognised by its name
    EXPECT_EQ(q.total_count(), 3);
    EXPECT_EQ(marks_of(q, 1), marks_of(p, 1));
    EXPECT_EQ(to_json(irv(q)), to_json(irv(p)));
}

TEST(Csv, WriterRefusesWhatCsvCannotHold) {
    profile ties({"A", "B"});
    ties.add_ranking({{0, 1}});
    std::ostringstream out;
    EXPECT_THROW(write_profile(out, ties, file_format::csv), error);
    profile label({"skipped", "B"});
    std::vector<cand_t> o{0};
    label.add_order(o);
    EXPECT_THROW(write_profile(out, label, file_format::csv), error);
}

// ---- header-aware layout detection (issue 13) -------------------------------------------------

namespace {
profile form(const std::string& file, read_options opt = {}, read_report* rep = nullptr) {
    return read_profile(accord_test::fixture("forms/" + file), opt, rep);
}
/// Each distinct ballot as "count: A>B>C" (equal ranks joined by '='), sorted: compares profiles
/// whatever order their ballots are stored in.
std::vector<std::string> ballots_of(const profile& p) {
    std::map<std::string, std::uint64_t> by;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        std::string s = b.unit == k_no_unit ? "" : p.units()[b.unit] + "|";
        if (b.weight) s += to_string(*b.weight) + "|";
        std::int32_t last = 0;
        for (const auto& m : b.marks) {
            if (last) s += m.value == last ? "=" : ">";
            for (std::int32_t g = last + 1; last && g < m.value; ++g) s += "_>"; // a skipped rank
            s += m.candidate == k_overvote ? std::string("#over") : p.candidate_name(m.candidate);
            last = m.value;
        }
        by[s] += b.count;
    }
    std::vector<std::string> out;
    for (const auto& [k, n] : by) out.push_back(std::to_string(n) + ": " + k);
    std::sort(out.begin(), out.end());
    return out;
}
const std::vector<std::string> k_priorities_ballots{"1: Access>Digital>Frailty", "1: Access>Frailty>Digital",
                                                    "1: Digital>Access>Frailty", "1: Frailty>Access>Digital"};
} // namespace

TEST(CsvIntake, MicrosoftFormsRankingCellIsReadInRankedOrderBesideItsMetadataColumns) {
    read_report rep;
    const auto p = form("microsoft_forms_ranking.csv", {}, &rep);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital"}));
    EXPECT_EQ(ballots_of(p), k_priorities_ballots);
    ASSERT_FALSE(rep.notes.empty());
    EXPECT_NE(rep.notes.back().find("ranking cell"), std::string::npos) << rep.notes.back();
    EXPECT_NE(rep.notes.back().find("Completion time"), std::string::npos) << rep.notes.back();
}

TEST(CsvIntake, GoogleFormsGridReadsOptionColumnsWithChoiceLabels) {
    EXPECT_EQ(ballots_of(form("google_forms_grid.csv")), k_priorities_ballots);
    // Cells "First", "2", blank: Access > Digital with Frailty unranked on the third row.
    EXPECT_EQ(ballots_of(form("google_forms_grid_words.csv")),
              (std::vector<std::string>{"1: Access>Digital", "1: Access>Frailty>Digital",
                                        "1: Digital>Access>Frailty", "1: Frailty>Access>Digital"}));
    // The grid the other way round: rows are the ranks, cells name the option.
    EXPECT_EQ(ballots_of(form("google_forms_grid_ranks_as_rows.csv")), k_priorities_ballots);
}

TEST(CsvIntake, SurveyMonkeyTwoHeaderRowsGiveOneColumnPerOptionWithRankNumbers) {
    read_report rep;
    const auto p = form("surveymonkey_ranking.csv", {}, &rep);
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital"}));
    EXPECT_EQ(ballots_of(p), k_priorities_ballots);
    EXPECT_EQ(p.total_count(), 4);
}

TEST(CsvIntake, ExcelExportsReadWithSemicolonsSepLineBomAndWindows1252) {
    EXPECT_EQ(ballots_of(form("excel_semicolon.csv")), k_priorities_ballots);
    EXPECT_EQ(ballots_of(form("excel_sep_line.csv")), k_priorities_ballots);
    EXPECT_EQ(ballots_of(form("excel_utf8_bom.csv")), k_priorities_ballots);
    try {
        form("excel_windows1252.csv");
        FAIL() << "Windows-1252 bytes were read as UTF-8";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("--encoding windows-1252"), std::string::npos) << e.what();
        EXPECT_EQ(e.where().line, 2u);
    }
    read_options cp;
    cp.csv.encoding = "windows-1252";
    EXPECT_EQ(form("excel_windows1252.csv", cp).candidate_names(),
              (std::vector<std::string>{"Zo\u00eb Brown", "Ren\u00e9e Cole"}));
}

TEST(CsvIntake, CastVoteRecordContestHeadersAndMetadataColumns) {
    const auto p = form("cvr_contest_parens.csv");
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital"}));
    EXPECT_EQ(ballots_of(p), (std::vector<std::string>{"1: Access>#over>Frailty", "1: Access>Frailty>Digital",
                                                       "1: Digital>_>Frailty", "1: Frailty>Access>Digital"}));
    // Two contests: refused, naming both, until one is chosen.
    try {
        form("cvr_two_contests.csv");
        FAIL() << "two contests were read as one ballot";
    } catch (const error& e) {
        const std::string w = e.what();
        EXPECT_NE(w.find("'Mayor'"), std::string::npos) << w;
        EXPECT_NE(w.find("'Council'"), std::string::npos) << w;
        EXPECT_NE(w.find("--contest"), std::string::npos) << w;
    }
    read_options council;
    council.contest = "council";
    EXPECT_EQ(ballots_of(form("cvr_two_contests.csv", council)),
              (std::vector<std::string>{"1: Kim", "1: Kim>Lee", "1: Lee>Kim"}));
}

TEST(CsvIntake, RankHeaderSpellingsAreRecognised) {
    for (const char* h :
         {"rank1,rank2", "Rank 1,Rank 2", "Choice 1,Choice 2", "1st choice,2nd choice",
          "Preference 1,Preference 2", "Mayor (1),Mayor (2)", "Mayor - Rank 1,Mayor - Rank 2",
          "RANK_1,RANK_2", "choice 1 of 2,choice 2 of 2", "First preference,Second preference", "r1,r2",
          "Rank the priorities [1st choice],Rank the priorities [2nd choice]"}) {
        SCOPED_TRACE(h);
        // Ranks read from the header numbers, not the column order.
        const auto p = csv(std::string("ballot_id,") + h + "\n7,B,A\n8,A,\n");
        EXPECT_EQ(ballots_of(p), (std::vector<std::string>{"1: A", "1: B>A"}));
    }
    EXPECT_EQ(ballots_of(csv("Rank 2,Rank 1\nB,A\n")), (std::vector<std::string>{"1: A>B"}));
}

TEST(CsvIntake, IdentifierColumnsAreIgnoredByNameWhateverTheirCaseAndSpacing) {
    for (const char* id : {"id", "ballot_id", "BallotID", "Ballot ID", "Cast Vote Record", "RowNumber",
                           "Precinct", "Ballot Style", "Start time", "Completion time", "Timestamp", "Email",
                           "Name", "Last modified time", "Respondent ID", "IP Address"}) {
        SCOPED_TRACE(id);
        const auto p = csv(std::string(id) + ",rank1,rank2\nx1,A,B\nx2,B,A\n");
        EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"A", "B"}));
    }
    read_options off; // explicit: every column is a ballot column
    off.csv.detect_columns = false;
    off.csv.layout = csv_options::layout_t::rank_columns;
    EXPECT_EQ(csv("id,rank1\nx1,A\n", off).candidate_count(), 2u);
}

TEST(CsvIntake, EmptyRowsAreVotersWhoRankedNoOneAndBlankLinesAreNotBallots) {
    // Issue 14: ",,," rows were dropped silently, changing Bucklin's majority.
    const auto p = form("empty_ballot_rows.csv");
    EXPECT_EQ(p.total_count(), 3);
    EXPECT_EQ(ballots_of(p), (std::vector<std::string>{"1: ", "1: Access>Frailty>Digital", "1: Frailty"}));
    EXPECT_EQ(csv("r1,r2\nA,B\n,\n").total_count(), 2);
    const auto t = form("blank_trailing_lines.csv"); // empty lines at the end are not voters
    EXPECT_EQ(t.total_count(), 3);
}

TEST(CsvIntake, CandidateColumnsWithDashOrNaCellsStayCandidateColumns) {
    // Issue 14: one '-' or 'n/a' cell flipped the file to rank columns and "1" won.
    const auto p = form("candidate_columns_dash_na.csv");
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital"}));
    EXPECT_EQ(ballots_of(p),
              (std::vector<std::string>{"1: Access>Digital", "1: Access>Frailty", "1: Frailty>Access"}));
}

TEST(CsvIntake, DuplicateSubmissionsFromOneUnitAreBothKeptUnderThatUnit) {
    const auto p = form("duplicate_submissions_one_unit.csv");
    EXPECT_EQ(ballots_of(p),
              (std::vector<std::string>{"1: M81012|Frailty>Access", "2: M81009|Access>Frailty"}));
}

TEST(CsvIntake, OrdinalHeadersBesideABallotId) {
    EXPECT_EQ(ballots_of(form("ordinal_headers.csv")),
              (std::vector<std::string>{"1: Access>Frailty>Digital", "1: Access>_>Frailty",
                                        "1: Frailty>Access>Digital"}));
}

TEST(CsvIntake, ExplicitOptionsWinOverDetection) {
    read_options ranks;
    ranks.csv.layout = csv_options::layout_t::rank_columns;
    // Guards are for guesses: with --rank-columns an unknown column beside rank headers is a rank.
    EXPECT_EQ(csv("Ref,rank1\nA-1,X\n", ranks).candidate_names(), (std::vector<std::string>{"A-1", "X"}));
    read_options cell;
    cell.csv.layout = csv_options::layout_t::ranking_cell;
    EXPECT_EQ(ballots_of(csv("Answer\nA;B\nB\n", cell)), (std::vector<std::string>{"1: A>B", "1: B"}));
    read_options comma;
    comma.csv.delimiter = ',';
    comma.csv.layout = csv_options::layout_t::rank_columns;
    EXPECT_EQ(csv("rank1;x\nA;B\n", comma).candidate_names(), (std::vector<std::string>{"A;B"}));
}

// ---- the writer keeps what it used to drop (issue 14) ---------------------------------------

TEST(CsvWriter, KeepsTitleSeatsWithdrawnAndCandidateOrderAndReadsBackWithNoFlags) {
    profile p({"Zed", "Amy", "Bob"});
    p.title = "Board election, 2025";
    p.seats = 2;
    p.set_withdrawn(1);
    p.add_order(std::vector<cand_t>{2, 0, 1}, 3);
    p.add_order(std::vector<cand_t>{1}, 2);
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    const auto q = read_profile_text(out.str(), "back.csv");
    EXPECT_EQ(q.title, p.title);
    EXPECT_EQ(q.seats, 2u);
    EXPECT_TRUE(q.withdrawn(1));
    EXPECT_FALSE(q.withdrawn(0));
    EXPECT_EQ(q.candidate_names(), p.candidate_names());
    EXPECT_EQ(ballots_of(q), ballots_of(p));
    // BLT -> CSV no longer makes the withdrawn candidate the IRV winner.
    EXPECT_EQ(irv(q).winners, irv(p).winners);
}

TEST(CsvWriter, NeutralisesSpreadsheetFormulasAndTheReaderReversesIt) {
    profile p({"=cmd|' /C calc'!A0", "+1", "-", "@SUM(A1)", "'=quoted", "Plain"});
    // "-" is a skipped label: refused. Without it, every name survives.
    std::ostringstream bad;
    EXPECT_THROW(write_profile(bad, p, file_format::csv), error);
    profile q({"=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "'=quoted", "Plain"});
    q.add_order(std::vector<cand_t>{0, 1, 2, 3, 4, 5});
    std::ostringstream out;
    write_profile(out, q, file_format::csv);
    const std::string text = out.str();
    for (const char* cell : {",=", ",+", ",-", ",@", "\n=", "\n+", "\n-", "\n@"})
        EXPECT_EQ(text.find(cell), std::string::npos) << "a cell starts a formula: " << cell << "\n" << text;
    EXPECT_NE(text.find("'=cmd"), std::string::npos) << text;
    EXPECT_NE(text.find("''=quoted"), std::string::npos) << text;
    const auto back = read_profile_text(text, "back.csv");
    EXPECT_EQ(back.candidate_names(), q.candidate_names());
    EXPECT_EQ(ballots_of(back), ballots_of(q));
}

TEST(CsvWriter, CandidatesNamedLikeNumbersSurviveTheRoundTrip) {
    profile p({"3", "1", "2"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 2);
    p.add_order(std::vector<cand_t>{2, 1}, 1);
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    const auto q = read_profile_text(out.str(), "back.csv");
    EXPECT_EQ(q.candidate_names(), p.candidate_names());
    EXPECT_EQ(ballots_of(q), ballots_of(p));
}

// ---- every writer x every reader, default flags ---------------------------------------------

TEST(CsvRoundTrip, EveryWriterReadsBackWithDefaultFlagsToTheSameProfileAndResults) {
    profile p({"Access", "Frailty", "Digital", "Workforce"});
    p.title = "Priorities";
    const std::vector<std::vector<cand_t>> orders{
        {0, 1, 2, 3}, {1, 0, 3, 2}, {2, 3, 1, 0}, {3, 2, 0, 1}, {0, 2, 1, 3}};
    for (std::size_t i = 0; i < orders.size(); ++i) p.add_order(orders[i], 5 + 3 * i);
    const std::vector<std::pair<file_format, const char*>> writers{{file_format::soc, "x.soc"},
                                                                   {file_format::soi, "x.soi"},
                                                                   {file_format::toc, "x.toc"},
                                                                   {file_format::toi, "x.toi"},
                                                                   {file_format::blt, "x.blt"},
                                                                   {file_format::csv, "x.csv"},
                                                                   {file_format::debian, "x.debian_votes"}};
    std::vector<std::string> texts;
    for (const auto& [f, file] : writers) {
        SCOPED_TRACE(file);
        std::ostringstream out;
        write_profile(out, p, f);
        texts.push_back(out.str());
        const auto q = read_profile_text(out.str(), file); // format from the name, no options
        EXPECT_EQ(q.candidate_names(), p.candidate_names());
        EXPECT_EQ(ballots_of(q), ballots_of(p));
        if (f != file_format::debian) EXPECT_EQ(q.title, p.title); // Debian writes it as a comment
        for (const char* rule : {"irv", "plurality", "borda", "schulze", "copeland"})
            EXPECT_EQ(to_json(run(q, rule)), to_json(run(p, rule))) << rule;
        // ... and what that reader read, written as CSV, reads back unchanged too.
        std::ostringstream again;
        write_profile(again, q, file_format::csv);
        EXPECT_EQ(ballots_of(read_profile_text(again.str(), "again.csv")), ballots_of(p));
    }
    // Auto-detection by content alone (no extension) agrees for the formats that can be told apart.
    for (std::size_t i = 0; i < writers.size(); ++i)
        if (writers[i].first == file_format::blt || writers[i].first == file_format::csv ||
            writers[i].first == file_format::debian)
            EXPECT_EQ(ballots_of(read_profile_text(texts[i], "noext")), ballots_of(p)) << writers[i].second;
}

// ---- the 1,000,000-row cast-vote record (issue 13 "must show") --------------------------------

namespace {
constexpr std::array<const char*, 13> k_trees{"Alder", "Birch", "Cedar",   "Damson", "Elm",   "Fir", "Gorse",
                                              "Hazel", "Ivy",   "Juniper", "Larch",  "Maple", "Oak"};
/// ballot_id,rank1..rank5: 1,000,000 rows, 1 to 5 ranks each, drawn without replacement with
/// fixed popularity weights from a fixed-seed mt19937_64 (whose output the standard fixes).
struct cvr_ballot {
    std::array<std::int8_t, 5> rank{}; // candidates in ranked order
    int len = 0;
};
std::string million_row_cvr(std::vector<cvr_ballot>& ballots) {
    std::mt19937_64 rng(20251204);
    const std::array<std::uint64_t, 13> pop{70, 64, 61, 55, 50, 44, 40, 33, 30, 22, 18, 12, 9};
    std::string t = "ballot_id,rank1,rank2,rank3,rank4,rank5\n";
    t.reserve(40'000'000);
    ballots.resize(1'000'000);
    for (std::size_t i = 0; i < ballots.size(); ++i) {
        const int len = 1 + static_cast<int>(rng() % 5);
        std::array<bool, 13> used{};
        auto& b = ballots[i];
        t += std::to_string(100000001 + i);
        for (int r = 0; r < 5; ++r) {
            t += ',';
            if (r >= len) continue;
            std::uint64_t total = 0;
            for (int c = 0; c < 13; ++c) total += used[c] ? 0 : pop[c];
            std::uint64_t x = rng() % total;
            int c = 0;
            for (;; ++c) {
                if (used[c]) continue;
                if (x < pop[c]) break;
                x -= pop[c];
            }
            used[c] = true;
            b.rank[b.len++] = static_cast<std::int8_t>(c);
            t += k_trees[c];
        }
        t += '\n';
    }
    return t;
}
} // namespace

TEST(CsvIntake, MillionRowCastVoteRecordWithBallotIdReadsWithNoFlagsAndIrvMatchesAPlainCount) {
    std::vector<cvr_ballot> ballots;
    const std::string text = million_row_cvr(ballots);
    const auto p = read_profile_text(text, "cvr.csv");
    ASSERT_EQ(p.candidate_count(), 13u);
    EXPECT_EQ(p.total_count(), 1'000'000);

    // The expected count, independently: each round, every ballot counts for its first
    // continuing choice; a majority of the continuing votes wins, else the fewest go.
    std::array<bool, 13> out{};
    std::array<std::int64_t, 13> tally{};
    int winner = -1;
    for (int round = 0; round < 13 && winner < 0; ++round) {
        tally.fill(0);
        std::int64_t live = 0;
        for (const auto& b : ballots)
            for (int k = 0; k < b.len; ++k)
                if (!out[b.rank[k]]) {
                    ++tally[b.rank[k]];
                    ++live;
                    break;
                }
        int lo = -1;
        for (int c = 0; c < 13; ++c) {
            if (out[c]) continue;
            if (2 * tally[c] > live) winner = c;
            if (lo < 0 || tally[c] < tally[lo]) lo = c;
        }
        for (int c = 0; c < 13 && winner < 0; ++c)
            ASSERT_TRUE(out[c] || c == lo || tally[c] != tally[lo])
                << "a tie at the bottom: the test would not decide";
        if (winner < 0) out[lo] = true;
    }
    ASSERT_GE(winner, 0);
    const auto r = irv(p);
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(r.candidates[r.winners[0]], k_trees[winner]);
    ASSERT_FALSE(r.rounds.empty());
    const auto last = round_tallies(r, r.rounds.size() - 1);
    for (int c = 0; c < 13; ++c) {
        const auto idx = *p.find_candidate(k_trees[c]);
        if (out[c])
            EXPECT_FALSE(last[idx]) << k_trees[c];
        else
            EXPECT_EQ(last[idx], rational(tally[c])) << k_trees[c];
    }
}

TEST(CsvWriter, NamesStartingWithAHashAreNotMetadata) {
    // Only records before the header can be #title/#seats/#candidates/#withdrawn.
    profile p({"#title", "#seats"});
    p.add_order(std::vector<cand_t>{0, 1});
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    const auto q = read_profile_text(out.str(), "back.csv");
    EXPECT_EQ(q.candidate_names(), p.candidate_names());
    EXPECT_EQ(q.title, "");
}

// The reading options' JSON reader (the C API's and Python's options) lives in the core.
TEST(ReadOptionsJson, KeysAreReadAndCheckedByTheCore) {
    const auto o = accord::read_options_from_json(
        "csv",
        R"({"layout": "candidate-columns", "skip_columns": ["id"], "unit_column": "precinct", "lenient": true})");
    EXPECT_EQ(o.format, accord::file_format::csv);
    EXPECT_EQ(o.csv.layout, accord::csv_options::layout_t::candidate_columns);
    EXPECT_EQ(o.csv.skip_columns, std::vector<std::string>{"id"});
    EXPECT_EQ(o.csv.unit_column, "precinct");
    EXPECT_TRUE(o.lenient);
    EXPECT_EQ(accord::read_options_from_json("", "").format, accord::file_format::auto_detect);
    for (const char* bad :
         {R"({"skip_column": ["id"]})", R"({"lenient": "yes"})", R"([1])", R"({"delimiter": ";;"})",
          R"({"threads": -1})", R"({"threads": 1000})", R"({"threads": "2"})"})
        EXPECT_THROW(accord::read_options_from_json("csv", bad), accord::error) << bad;
}
