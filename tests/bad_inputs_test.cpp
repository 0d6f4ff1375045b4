// The bad-input catalogue: each malformed file in tests/bad_inputs/ must fail with the precise
// error code, and the message must name the file and the line.
//
// To add a case: drop a small file into tests/bad_inputs/ and add a row to k_bad_inputs
// (file name, expected code, expected 1-based line). The format is detected from the extension.
// A file in the folder without a row fails the CatalogueListsEveryFile test.
#include "accord/io/read.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace accord;
namespace fs = std::filesystem;

namespace {

struct bad_input {
    const char* file;
    errc code;
    std::size_t line;
    const char* fix = nullptr; ///< words the message must hold (the column, the flag that reads it)
};

const bad_input k_bad_inputs[] = {
    // PrefLib (.soi/.soc/.toc/.toi/.cat; 2022 and legacy numeric headers)
    {"pl_empty.soi", errc::parse, 1},
    {"pl_blank_only.soi", errc::parse, 3},
    {"pl_missing_names.soi", errc::parse, 2},
    {"pl_voters_disagree.soi", errc::parse, 4},
    {"pl_unique_disagree.soi", errc::parse, 5},
    {"pl_name_beyond_count.soi", errc::parse, 6},
    {"pl_unknown_candidate.soi", errc::parse, 8},
    {"pl_candidate_zero.soi", errc::parse, 7},
    {"pl_duplicate_candidate.soi", errc::parse, 7},
    {"pl_tie_in_soi.soi", errc::parse, 7},
    {"pl_incomplete_soc.soc", errc::parse, 8},
    {"pl_incomplete_toc.toc", errc::parse, 7},
    {"pl_zero_alternatives.soi", errc::parse, 2},
    {"pl_negative_count.soi", errc::parse, 6},
    {"pl_zero_count.soi", errc::parse, 6},
    {"pl_count_overflow.soi", errc::overflow, 6},
    {"pl_count_huge.soi", errc::overflow, 6},
    {"pl_merge_overflow.soi", errc::overflow, 8},
    {"pl_voters_header_huge.soi", errc::parse, 4},
    {"pl_invalid_utf8_name.soi", errc::parse, 5},
    {"pl_crlf_bad_candidate.soi", errc::parse, 7},
    {"pl_bom_duplicate_name.soi", errc::parse, 6},
    {"pl_data_type_mismatch.soi", errc::parse, 2},
    {"pl_header_after_body.soi", errc::parse, 7},
    {"pl_unclosed_group.toi", errc::parse, 8},
    {"pl_empty_group.toi", errc::parse, 7},
    {"pl_missing_colon.soi", errc::parse, 6},
    {"pl_cat_wrong_categories.cat", errc::parse, 9},
    {"pl_cat_missing_categories.cat", errc::parse, 7},
    {"pl_legacy_truncated.soi", errc::parse, 4},
    {"pl_legacy_sum_disagrees.soi", errc::parse, 4},
    {"pl_legacy_bad_index.soi", errc::parse, 3},
    {"pl_long_line.soi", errc::parse, 6},
    {"pl_no_final_newline_bad.soi", errc::parse, 7},
    // declares 400,000,000 alternatives in 62 bytes: refused before anything is allocated for them
    {"pl_declares_400m_alternatives.soi", errc::parse, 1},
    // CSV (read with default options, plus count/weight/unit columns named by file below)
    {"csv_empty.csv", errc::parse, 1},
    {"csv_header_only.csv", errc::parse, 1},
    {"csv_too_many_fields.csv", errc::parse, 3},
    {"csv_unterminated_quote.csv", errc::parse, 2},
    {"csv_quote_in_field.csv", errc::parse, 2},
    {"csv_count_junk.csv", errc::parse, 2},
    {"csv_count_overflow.csv", errc::overflow, 2},
    {"csv_count_merge_overflow.csv", errc::overflow, 3},
    {"csv_weight_negative.csv", errc::parse, 2},
    {"csv_weight_nan.csv", errc::parse, 2},
    {"csv_candidate_columns_bad_rank.csv", errc::parse, 2},
    {"csv_invalid_utf8.csv", errc::parse, 3},
    {"csv_crlf_unterminated.csv", errc::parse, 3},
    {"csv_bom_bad_quote.csv", errc::parse, 3},
    {"csv_delim_same_candidate_twice.csv", errc::parse, 2},
    {"csv_empty_unit.csv", errc::parse, 2},
    {"csv_row_ends_before_unit.csv", errc::parse, 3},
    // CSV layout guards (issue 13): refused rather than guessed, naming the column and the flag
    {"csv_two_contests.csv", errc::parse, 1, "--contest"},
    {"csv_forms_extra_question.csv", errc::parse, 1, "--skip-column 'Which practice are you from?'"},
    {"csv_unknown_column_beside_ranks.csv", errc::parse, 1, "--skip-column 'Ref'"},
    {"csv_identifier_like_column.csv", errc::parse, 1, "--skip-column 'Voter'"},
    {"csv_row_counter_column.csv", errc::parse, 1, "--skip-column 'No'"},
    {"csv_numeric_headers.csv", errc::parse, 1, "--rank-columns"},
    {"csv_mixed_numbers_and_names.csv", errc::parse, 3, "column 'Access'"},
    {"csv_semicolon_cell.csv", errc::parse, 1, "--ranking-cell"},
    {"csv_windows1252_name.csv", errc::parse, 2, "--encoding windows-1252"},
    {"csv_two_ranking_cells.csv", errc::parse, 1, "--contest"},
    {"csv_rank_header_gap.csv", errc::parse, 1, "'rank3'"},
    {"csv_more_candidates_than_half.csv", errc::parse, 1, "--skip-column"},
    {"csv_withdrawn_unknown.csv", errc::parse, 1, "'Zed'"},
    {"csv_seats_too_many.csv", errc::parse, 1, "#seats"},
    {"csv_grid_bad_cell.csv", errc::parse, 2, "'maybe'"},
    // Score ballots (docs/formats.md, "Score ballots"): scores never pass for ranks
    {"csv_scores_zero_as_rank.csv", errc::parse, 3, "--format scores"},
    {"csv_scores_bad_ballots_record.csv", errc::parse, 1, "#ballots takes one cell, 'score'"},
    {"csv_scores_not_integer.csv", errc::parse, 3, "whole-number score"},
    // BLT / Hill
    {"blt_empty.blt", errc::parse, 1},
    {"blt_zero_candidates.blt", errc::parse, 1},
    {"blt_zero_seats.blt", errc::parse, 1},
    {"blt_more_seats_than_candidates.blt", errc::parse, 1},
    {"blt_huge_candidate_count.blt", errc::parse, 1},
    {"blt_candidate_count_overflow.blt", errc::overflow, 1},
    {"blt_truncated_ballots.blt", errc::parse, 3},
    {"blt_truncated_names.blt", errc::parse, 5},
    {"blt_missing_title.blt", errc::parse, 5},
    {"blt_unknown_candidate.blt", errc::parse, 3},
    {"blt_duplicate_candidate.blt", errc::parse, 3},
    {"blt_bad_withdrawn.blt", errc::parse, 2},
    {"blt_negative_weight.blt", errc::parse, 3},
    {"blt_weight_overflow.blt", errc::overflow, 3},
    {"blt_weight_junk.blt", errc::parse, 3},
    {"blt_duplicate_names.blt", errc::parse, 6},
    {"blt_empty_name.blt", errc::parse, 5},
    {"blt_unterminated_quote.blt", errc::parse, 5},
    {"blt_invalid_utf8_name.blt", errc::parse, 5},
    {"blt_crlf_bad_candidate.blt", errc::parse, 4},
    {"blt_bom_missing_title.blt", errc::parse, 4},
    {"blt_nick_count.blt", errc::parse, 2},
    {"blt_unknown_nick.blt", errc::parse, 4},
    {"blt_empty_equal.blt", errc::parse, 2},
    {"blt_long_line.blt", errc::parse, 2},
    {"blt_header_junk.blt", errc::parse, 1},
    // Debian tally sheets
    {"deb_empty.debian_votes", errc::parse, 1},
    {"deb_no_votes_no_options.debian_votes", errc::parse, 3},
    {"deb_width_disagrees.debian_votes", errc::parse, 4},
    {"deb_bad_rank_char.debian_votes", errc::parse, 4},
    {"deb_zero_rank.debian_votes", errc::parse, 3},
    {"deb_missing_option.debian_votes", errc::parse, 2},
    {"deb_duplicate_option.debian_votes", errc::parse, 3},
    {"deb_empty_option_name.debian_votes", errc::parse, 2},
    {"deb_empty_vote.debian_votes", errc::parse, 4},
    {"deb_crlf_width.debian_votes", errc::parse, 4},
};

fs::path bad_dir() { return fs::path(ACCORD_SOURCE_DIR) / "tests" / "bad_inputs"; }

class BadInput : public ::testing::TestWithParam<bad_input> {};

} // namespace

TEST_P(BadInput, FailsWithPreciseCodeNamingFileAndLine) {
    const auto& c = GetParam();
    const fs::path path = bad_dir() / c.file;
    ASSERT_TRUE(fs::exists(path)) << path;
    // CSV cases exercise the optional columns their names mention.
    read_options opt;
    const std::string f = c.file;
    if (f.rfind("csv_count_", 0) == 0) opt.csv.count_column = "count";
    if (f.rfind("csv_weight_", 0) == 0) opt.csv.weight_column = "weight";
    if (f.rfind("csv_empty_unit", 0) == 0) opt.csv.unit_column = "unit";
    if (f.rfind("csv_delim_", 0) == 0) opt.csv.overvote_delimiter = "|";
    try {
        read_profile(path, opt);
        FAIL() << c.file << " was accepted";
    } catch (const error& e) {
        EXPECT_EQ(errc_name(e.code()), std::string(errc_name(c.code))) << e.what();
        EXPECT_EQ(e.where().line, c.line) << e.what();
        const std::string what = e.what();
        EXPECT_NE(what.find(path.string() + ":" + std::to_string(c.line)), std::string::npos) << what;
        EXPECT_LT(what.size(), 400u) << "messages stay one readable line";
        if (c.fix) {
            EXPECT_NE(what.find(c.fix), std::string::npos) << "the message names the way out: " << what;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(k_bad_inputs), accord_test::name_by_file{});

TEST(BadInputs, CatalogueListsEveryFile) {
    std::set<std::string> listed;
    for (const auto& c : k_bad_inputs) listed.insert(c.file);
    EXPECT_EQ(listed.size(), std::size(k_bad_inputs)) << "a file is listed twice";
    for (const auto& e : fs::directory_iterator(bad_dir()))
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') {
            EXPECT_TRUE(listed.count(e.path().filename().string())) << "no row for " << e.path().filename();
        }
}

TEST(BadInputs, LenientModeStillRejectsEveryHeaderProblemAndOverflow) {
    // Lenient mode may only excuse ballot lines: every catalogue file whose problem is in a
    // header (or an overflow) fails the same way with lenient set.
    const char* header_cases[] = {"pl_missing_names.soi",           "pl_zero_alternatives.soi",
                                  "pl_count_overflow.soi",          "blt_zero_seats.blt",
                                  "blt_truncated_names.blt",        "blt_weight_overflow.blt",
                                  "deb_missing_option.debian_votes"};
    for (const char* f : header_cases) {
        read_options opt;
        opt.lenient = true;
        EXPECT_THROW(read_profile(bad_dir() / f, opt), error) << f;
    }
}
