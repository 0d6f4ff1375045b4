// The CSV reader and writer on small files whose every ballot can be checked by hand.
#include "accord/io/read.hpp"
#include "accord/rules/irv.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

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
    other.csv.unit_column = "rank2"; // a named column wins; "Unit" is then an ordinary column
    EXPECT_EQ(csv("Unit,rank1,rank2\nX,A,P\n", other).units(), (std::vector<std::string>{"P"}));
}

TEST(Csv, FuzzRegressionARowEndingBeforeTheUnitColumnIsSkippedNotLeftWithoutAUnit) {
    // fuzz_csv: a short row gave a ballot with no unit among ballots with units; the CSV written
    // from that profile (an empty unit cell) could not be read back.
    read_options lenient;
    lenient.format = file_format::csv;
    lenient.lenient = true;
    const auto p = read_profile(accord_test::fixture("fuzz_regressions/csv_short_row_without_unit.csv"), lenient);
    for (std::size_t i = 0; i < p.unique_count(); ++i) EXPECT_NE(p.ballot(i).unit, k_no_unit) << "ballot " << i;
    std::ostringstream out;
    write_profile(out, p, file_format::csv);
    read_options again;
    again.format = file_format::csv;
    again.csv.count_column = "count";
    again.csv.layout = csv_options::layout_t::rank_columns;
    const auto q = read_profile_text(out.str(), "rewritten.csv", again);
    EXPECT_EQ(q.unique_count(), p.unique_count());
}

TEST(Csv, FuzzRegressionACandidateNoBallotRanksIsNotDroppedByTheWriter) {
    // fuzz_csv: rank columns name only mentioned candidates, so writing lost the others and the
    // file could not be read back. The writer refuses instead; unit ids are checked as UTF-8.
    read_options lenient;
    lenient.format = file_format::csv;
    lenient.lenient = true;
    read_report report;
    const auto p = read_profile(accord_test::fixture("fuzz_regressions/csv_candidate_no_ballot_ranks.csv"), lenient, &report);
    EXPECT_EQ(report.skipped.size(), 2u); // an empty unit, and a unit id that is not UTF-8
    profile q({"A", "B"});
    q.add_order(std::vector<cand_t>{0});
    std::ostringstream out;
    try {
        write_profile(out, q, file_format::csv);
        FAIL() << "B would be lost";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("'B'"), std::string::npos);
    }
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
    read_options o;
    o.csv.count_column = "count";
    const auto q = csv(out.str(), o);
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
