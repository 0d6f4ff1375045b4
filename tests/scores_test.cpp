// Score ballots from files (docs/formats.md, "Score ballots"): star.vote's export read with no
// flags and counted as star.vote counted it, accord's own score files read back, and score cells
// that could be misread as ranks refused naming the column and the flag that reads them.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace accord;

namespace {
profile scores_fixture(const std::string& file, read_options opt = {}, read_report* rep = nullptr) {
    return read_profile(accord_test::fixture("scores/" + file), opt, rep);
}
rational score_of(const result& r, const std::string& name) {
    for (std::size_t c = 0; c < r.candidates.size(); ++c)
        if (r.candidates[c] == name) return r.scores.at(c).value();
    ADD_FAILURE() << "no candidate " << name;
    return 0;
}
rational tally_of(const round_record& round, const result& r, const std::string& name) {
    for (std::size_t c = 0; c < r.candidates.size(); ++c)
        if (r.candidates[c] == name) return round.tallies.at(c).value();
    ADD_FAILURE() << "no candidate " << name;
    return 0;
}
std::string parse_error(const std::string& text, const std::string& name, read_options opt = {}) {
    try {
        read_profile_text(text, name, opt);
    } catch (const error& e) {
        return e.what();
    }
    return "(read without error)";
}
} // namespace

TEST(Scores, StarVoteExportReadsWithNoFlagsAndElectsJorgensenAsStarVoteDid) {
    read_report rep;
    const profile p = scores_fixture("starvote_presidential_candidates.csv", {}, &rep);
    EXPECT_EQ(p.kind(), ballot_kind::score);
    EXPECT_EQ(p.total_count(), 628);
    ASSERT_EQ(p.candidate_count(), 4u);
    EXPECT_EQ(p.candidate_name(0), "Biden, Joe (Democratic)");
    ASSERT_FALSE(rep.notes.empty());
    EXPECT_NE(rep.notes[0].find("star.vote"), std::string::npos) << rep.notes[0];
    const result r = run(p, "star");
    EXPECT_EQ(score_of(r, "Jorgensen, Jo (Libertarian)"), 2452);
    EXPECT_EQ(score_of(r, "Hawkins, Howie (Green)"), 1017);
    EXPECT_EQ(score_of(r, "Biden, Joe (Democratic)"), 709);
    EXPECT_EQ(score_of(r, "Trump, Donald (Republican)"), 467);
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(tally_of(r.rounds[1], r, "Jorgensen, Jo (Libertarian)"), 461);
    EXPECT_EQ(tally_of(r.rounds[1], r, "Hawkins, Howie (Green)"), 112);
    EXPECT_EQ(r.rounds[1].inactive.exhausted_choices, 55); // no preference between the finalists
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(p.candidate_name(r.winners[0]), "Jorgensen, Jo (Libertarian)");
}

TEST(Scores, StarVoteAkaliPollRunoffElectsStarGuardianWithMostVotersIndifferent) {
    const profile p = scores_fixture("starvote_best_akali_skins.csv");
    EXPECT_EQ(p.total_count(), 669);
    EXPECT_EQ(p.candidate_count(), 16u);
    const result r = run(p, "star");
    EXPECT_EQ(score_of(r, "Star Guardian"), 2930);
    EXPECT_EQ(score_of(r, "Prestige K/DA"), 2458);
    EXPECT_EQ(score_of(r, "True Damage"), 2379);
    EXPECT_EQ(score_of(r, "Blood Moon"), 2175);
    EXPECT_EQ(score_of(r, "Original"), 2175);
    ASSERT_EQ(r.rounds.size(), 2u);
    EXPECT_EQ(tally_of(r.rounds[1], r, "Star Guardian"), 288);
    EXPECT_EQ(tally_of(r.rounds[1], r, "Prestige K/DA"), 80);
    EXPECT_EQ(r.rounds[1].inactive.exhausted_choices, 301);
    ASSERT_EQ(r.winners.size(), 1u);
    EXPECT_EQ(p.candidate_name(r.winners[0]), "Star Guardian");
}

TEST(Scores, HandWorkedFileCountsUnderEveryCardinalRule) {
    read_options opt;
    opt.format = file_format::scores;
    const profile p = scores_fixture("hand_worked.csv", opt);
    EXPECT_EQ(p.kind(), ballot_kind::score);
    EXPECT_EQ(p.total_count(), 6);
    const auto winner = [&](const char* method) {
        const result r = run(p, method);
        return r.winners.size() == 1 ? p.candidate_name(r.winners[0]) : std::string("(no single winner)");
    };
    // Totals 18, 17, 10; STAR's runoff Alice 4 : Bob 2.
    EXPECT_EQ(winner("score"), "Alice");
    EXPECT_EQ(winner("star"), "Alice");
    // Lowest scores 0, 1, 0; Bob's sorted scores 1,2,2,2,5,5 beat Alice's 0,0,3,5,5,5.
    EXPECT_EQ(winner("maximin-utility"), "Bob");
    EXPECT_EQ(winner("lex-maximin"), "Bob");
    // Products 0, 2^3 x 5^2 x 1 = 200, 0.
    EXPECT_EQ(winner("nash"), "Bob");
    EXPECT_EQ(score_of(run(p, "nash"), "Bob"), 200);
    // Each ballot rescaled to [0, 1]: Alice 3 + 2/3, Bob 6/5 + 2, Carol 6/5 + 1.
    const result ru = run(p, "relative-utilitarian");
    EXPECT_EQ(score_of(ru, "Alice"), rational(11, 3));
    EXPECT_EQ(score_of(ru, "Bob"), rational(16, 5));
    EXPECT_EQ(score_of(ru, "Carol"), rational(11, 5));
}

TEST(Scores, BlankCellIsUnscoredSoTheMeanLeavesThatBallotOut) {
    const profile p = scores_fixture("hand_worked_blank.csv"); // its #ballots record says scores
    EXPECT_EQ(p.kind(), ballot_kind::score);
    const result sum = run(p, "score");
    EXPECT_EQ(score_of(sum, "Alice"), 18);
    EXPECT_EQ(score_of(sum, "Bob"), 16);
    EXPECT_EQ(p.candidate_name(sum.winners.at(0)), "Alice");
    const result mean = run(p, "score", R"({"aggregate": "mean"})");
    EXPECT_EQ(score_of(mean, "Alice"), 3);
    EXPECT_EQ(score_of(mean, "Bob"), rational(16, 5));
    EXPECT_EQ(p.candidate_name(mean.winners.at(0)), "Bob");
}

TEST(Scores, WrittenScoreFileReadsBackWithNoFlags) {
    profile p({"Ann", "Ben", "Cy"}, ballot_kind::score);
    p.title = "Priorities 2026";
    const auto u = p.intern_unit("P81001");
    const std::vector<mark> a{{0, 5}, {1, -1}, {2, 0}};
    const std::vector<mark> b{{0, 2}, {2, 4}}; // Ben unscored
    p.add(a, 3, rational(1), u);
    p.add(b, 1, rational(1, 3), u);
    p.set_withdrawn(2);
    std::ostringstream out;
    write_profile(out, p, file_format::scores);
    EXPECT_EQ(out.str().rfind("#ballots,score\n", 0), 0u) << out.str();
    const profile q = read_profile_text(out.str(), "again.csv");
    EXPECT_EQ(q.kind(), ballot_kind::score);
    EXPECT_EQ(q.candidate_names(), p.candidate_names());
    EXPECT_EQ(q.title, p.title);
    EXPECT_TRUE(q.withdrawn(2));
    ASSERT_EQ(q.unique_count(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto x = p.ballot(i), y = q.ballot(i);
        EXPECT_TRUE(std::equal(x.marks.begin(), x.marks.end(), y.marks.begin(), y.marks.end()));
        EXPECT_EQ(x.count, y.count);
        EXPECT_EQ(x.weight ? *x.weight : rational(1), y.weight ? *y.weight : rational(1));
        EXPECT_EQ(q.units().at(y.unit), "P81001");
    }
    profile ranking({"A", "B"});
    EXPECT_THROW(write_profile(out, ranking, file_format::scores), error);
    profile clash({"count", "B"}, ballot_kind::score);
    const std::vector<mark> m{{0, 1}};
    clash.add(m);
    EXPECT_THROW(write_profile(out, clash, file_format::scores), error); // "count" would read as a count
}

TEST(Scores, ZeroInGuessedCandidateColumnsIsRefusedNamingFormatScores) {
    const auto what = parse_error("Alice,Bob,Carol\n5,2,0\n0,5,3\n", "scores.csv");
    EXPECT_NE(what.find("'Alice'"), std::string::npos) << what;
    EXPECT_NE(what.find("--format scores"), std::string::npos) << what;
    EXPECT_NE(what.find(":3:"), std::string::npos) << what; // the line of the first 0 in that column
    read_options opt;
    opt.format = file_format::scores;
    EXPECT_EQ(read_profile_text("Alice,Bob,Carol\n5,2,0\n0,5,3\n", "scores.csv", opt).kind(),
              ballot_kind::score);
}

TEST(Scores, ScoreAboveTheCandidateCountAsARankNamesFormatScores) {
    read_options opt;
    opt.csv.layout = csv_options::layout_t::candidate_columns;
    const auto what = parse_error("A,B\n5,1\n", "x.csv", opt);
    EXPECT_NE(what.find("--format scores"), std::string::npos) << what;
}

TEST(Scores, ScoreOutsideTheGivenRangeIsRefusedNamingCellAndFlag) {
    read_options opt;
    opt.format = file_format::scores;
    opt.csv.score_range = "0..5";
    EXPECT_EQ(read_profile_text("A,B\n5,0\n", "x.csv", opt).total_count(), 1);
    const auto what = parse_error("A,B\n5,0\n3,7\n", "x.csv", opt);
    EXPECT_NE(what.find("x.csv:3:3"), std::string::npos) << what;
    EXPECT_NE(what.find("'B'"), std::string::npos) << what;
    EXPECT_NE(what.find("--score-range"), std::string::npos) << what;
    opt.csv.score_range = "5..0";
    EXPECT_THROW(read_profile_text("A,B\n5,0\n", "x.csv", opt), error);
    opt.csv.score_range = "";
    const auto frac = parse_error("A,B\n2.5,0\n", "x.csv", opt);
    EXPECT_NE(frac.find("whole-number score"), std::string::npos) << frac;
    const auto big = parse_error("A,B\n9999999999,0\n", "x.csv", opt);
    EXPECT_NE(big.find("whole-number score"), std::string::npos) << big;
}

TEST(Scores, RankLayoutWithFormatScoresAndScoreRangeWithRanksAreRefused) {
    read_options opt;
    opt.format = file_format::scores;
    opt.csv.layout = csv_options::layout_t::rank_columns;
    try {
        read_profile_text("A,B\n1,2\n", "x.csv", opt);
        ADD_FAILURE() << "read";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
    }
    read_options r;
    r.format = file_format::csv;
    r.csv.score_range = "0..5";
    EXPECT_THROW(read_profile_text("rank1,rank2\nA,B\n", "x.csv", r), error);
}

TEST(Scores, NegativeScoresReadForDisAndApproval) {
    read_options opt;
    opt.format = file_format::scores;
    opt.csv.score_range = "-1..1";
    const profile p = read_profile_text("count,A,B,C\n2,1,-1,0\n1,-1,1,1\n1,0,1,-1\n", "d.csv", opt);
    const result r = run(p, "dis-and-approval");
    EXPECT_EQ(score_of(r, "A"), 1);
    EXPECT_EQ(score_of(r, "B"), 0);
    EXPECT_EQ(score_of(r, "C"), 0);
    EXPECT_EQ(p.candidate_name(r.winners.at(0)), "A");
}
