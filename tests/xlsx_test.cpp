// Excel workbooks: the .xlsx files of tests/data/forms (built by make_xlsx.py in the shapes
// Microsoft Forms and Excel write) read to the asserted ballots and results; damaged, hostile
// and misleading workbooks refused with the reason named.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "test_data.hpp"

#include "../src/io/formats.hpp"

#include <fstream>
#include <sstream>

using namespace accord;

namespace {

std::string bytes_of(const std::string& name) {
    std::ifstream in(accord_test::fixture("forms/" + name), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

profile read_fixture(const std::string& name, read_options opt = {}) {
    return read_profile(accord_test::fixture("forms/" + name), opt);
}

std::string winner(const profile& p, const char* method) {
    const auto r = run(p, method);
    EXPECT_EQ(r.winners.size(), 1u);
    return r.winners.empty() ? "" : p.candidate_name(r.winners[0]);
}

// The ten ballots of make_xlsx.py: IRV elects Frailty (6-4 in the last round), plurality Access.
void expect_workshop_ballots(const profile& p) {
    EXPECT_EQ(p.total_count(), 10);
    EXPECT_EQ(p.candidate_count(), 4u);
    EXPECT_EQ(winner(p, "irv"), "Frailty");
    EXPECT_EQ(winner(p, "plurality"), "Access");
}

std::string error_of(const std::string& name, read_options opt = {}) {
    try {
        read_fixture(name, opt);
    } catch (const error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Xlsx, FormatIsDetectedByExtensionAndByZipMagic) {
    EXPECT_EQ(parse_format("xlsx"), file_format::xlsx);
    EXPECT_STREQ(format_name(file_format::xlsx), "xlsx");
    EXPECT_EQ(detect_format("Book1.XLSX", ""), file_format::xlsx);
    EXPECT_EQ(detect_format("download", std::string_view("PK\x03\x04rest", 8)), file_format::xlsx);
    EXPECT_THROW(detect_format("old.xls", ""), error);
}

TEST(Xlsx, ExcelRankColumnsWithSharedStringsElectFrailty) {
    read_report rep;
    const profile p = read_profile(accord_test::fixture("forms/excel_rank_columns.xlsx"), {}, &rep);
    EXPECT_EQ(rep.format, file_format::xlsx);
    EXPECT_EQ(p.source_format, "xlsx");
    expect_workshop_ballots(p);
}

TEST(Xlsx, ExcelCandidateColumnsOfNumberCellsReadAsRanks) {
    const profile p = read_fixture("excel_candidate_columns.xlsx");
    EXPECT_EQ(p.candidate_names(), (std::vector<std::string>{"Access", "Frailty", "Digital", "Workforce"}));
    expect_workshop_ballots(p);
}

TEST(Xlsx, NamedSheetWithCountColumnReadsTheSecondSheet) {
    read_options opt;
    opt.xlsx.sheet = "Ballots";
    opt.csv.count_column = "count";
    const profile p = read_fixture("excel_two_sheets.xlsx", opt);
    EXPECT_EQ(p.unique_count(), 4u);
    expect_workshop_ballots(p);
}

TEST(Xlsx, MissingSheetIsRefusedNamingTheSheetsThereAre) {
    read_options opt;
    opt.xlsx.sheet = "Responses";
    try {
        read_fixture("excel_two_sheets.xlsx", opt);
        FAIL() << "read a sheet that is not there";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
        EXPECT_NE(
            std::string(e.what()).find("no sheet named 'Responses'; the workbook has 'Notes', 'Ballots'"),
            std::string::npos)
            << e.what();
    }
}

TEST(Xlsx, HiddenFirstSheetIsRefusedUnlessASheetIsNamed) {
    const std::string e = error_of("excel_hidden_first_sheet.xlsx");
    EXPECT_NE(e.find("the first sheet, 'Lookup', is hidden"), std::string::npos) << e;
    read_options opt;
    opt.xlsx.sheet = "Ballots";
    expect_workshop_ballots(read_fixture("excel_hidden_first_sheet.xlsx", opt));
}

TEST(Xlsx, SheetNameForACsvFileIsAnError) {
    read_options opt;
    opt.xlsx.sheet = "Sheet1";
    EXPECT_THROW(read_profile_text("rank1\nA\n", "b.csv", opt), error);
    read_options limit;
    limit.xlsx.max_cells = 10;
    EXPECT_THROW(read_profile_text("rank1\nA\n", "b.csv", limit), error);
}

TEST(Xlsx, InlineStringsPrefixedNamespacesAndNoCellReferencesRead) {
    read_options opt;
    opt.csv.skip_columns = {"Checked"};
    expect_workshop_ballots(read_fixture("excel_inline_strings.xlsx", opt));
}

TEST(Xlsx, BooleansReadAsTrueAndFalse) {
    const std::string csv = detail::xlsx_to_csv(bytes_of("excel_inline_strings.xlsx"), "x.xlsx", {});
    EXPECT_EQ(csv.substr(0, csv.find("\r\n", csv.find("\r\n") + 2)),
              "Checked,Rank 1,Rank 2,Rank 3\r\nTRUE,Access,Frailty,Digital");
}

TEST(Xlsx, MicrosoftFormsRankingExportBecomesTheCsvFormsWrites) {
    // Dates (date-formatted number cells) become ISO text; the ranking cell stays one cell.
    const std::string csv = detail::xlsx_to_csv(bytes_of("forms_ranking.xlsx"), "f.xlsx", {});
    const std::string expected_head =
        "ID,Start time,Completion time,Email,Name,Rank the priorities\r\n"
        "1,2025-03-04 09:15:00,2025-03-04 09:16:35,anonymous,,Access;Frailty;Digital;\r\n";
    EXPECT_EQ(csv.substr(0, expected_head.size()), expected_head);
    EXPECT_NE(csv.find("10,2025-03-04 10:18:00,2025-03-04 10:19:35,anonymous,,Workforce;Frailty;\r\n"),
              std::string::npos)
        << csv;
}

TEST(Xlsx, MicrosoftFormsRankingWorkbookReadsWithNoFlagsAndElectsFrailty) {
    // The CSV reader recognises Forms' metadata columns by name and its "A;B;C;" ranking cell.
    expect_workshop_ballots(read_fixture("forms_ranking.xlsx"));
}

TEST(Xlsx, MicrosoftFormsChoiceWorkbookReadsWithNoFlags) {
    const profile p = read_fixture("forms_choice.xlsx");
    EXPECT_EQ(p.total_count(), 10);
    EXPECT_EQ(winner(p, "plurality"), "Access");
}

TEST(Xlsx, MicrosoftFormsChoiceExportReadsWithItsMetadataColumnsSkipped) {
    read_options opt;
    opt.csv.skip_columns = {"ID", "Start time", "Completion time", "Email", "Name"};
    const profile p = read_fixture("forms_choice.xlsx", opt);
    EXPECT_EQ(p.total_count(), 10);
    EXPECT_EQ(winner(p, "plurality"), "Access");
}

TEST(Xlsx, MergedTitleAboveTheHeaderIsDropped) {
    const std::string csv = detail::xlsx_to_csv(bytes_of("excel_title_row.xlsx"), "t.xlsx", {});
    EXPECT_EQ(csv.substr(0, 10), "\r\nRank 1,R"); // row 1 (the title) blank: lines stay rows
    expect_workshop_ballots(read_fixture("excel_title_row.xlsx"));
}

TEST(Xlsx, MergedHeaderCellsAreRefusedNamingTheRange) {
    const std::string e = error_of("excel_merged_header.xlsx");
    EXPECT_NE(e.find("cells B1:D1 are merged (row 1)"), std::string::npos) << e;
}

TEST(Xlsx, TruncatedZipIsRefusedAsDamaged) {
    const std::string e = error_of("bad_truncated.xlsx");
    EXPECT_NE(e.find("zip container is damaged"), std::string::npos) << e;
}

TEST(Xlsx, TextThatIsNotAZipIsRefused) {
    read_options opt;
    opt.format = file_format::xlsx;
    try {
        read_profile_text("rank1,rank2\nA,B\n", "ballots.xlsx", opt);
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::parse);
        EXPECT_NE(std::string(e.what()).find("not a readable .xlsx workbook"), std::string::npos) << e.what();
    }
}

TEST(Xlsx, LegacyXlsBytesAreRefusedByName) {
    read_options opt;
    opt.format = file_format::xlsx;
    const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and the rest", 20);
    try {
        read_profile_text(ole, "book.xlsx", opt);
        FAIL();
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("legacy .xls"), std::string::npos) << e.what();
    }
}

TEST(Xlsx, HugeDeclaredDimensionIsRefusedBeforeAnythingIsAllocated) {
    const std::string e = error_of("bad_huge_dimension.xlsx");
    EXPECT_NE(e.find("declares the range A1:XFD1048576 (17179869184 cells)"), std::string::npos) << e;
    EXPECT_NE(e.find("xlsx_max_cells"), std::string::npos) << e;
}

TEST(Xlsx, OneCellAtTheLastRowAndColumnIsRefusedByTheCellLimit) {
    const std::string e = error_of("bad_far_cell.xlsx");
    EXPECT_NE(e.find("spans 1048576 rows by 16384 columns"), std::string::npos) << e;
}

TEST(Xlsx, DocumentTypeDeclarationIsRefused) {
    const std::string e = error_of("bad_dtd.xlsx");
    EXPECT_NE(e.find("document type declaration"), std::string::npos) << e;
}

TEST(Xlsx, UncompressedSizeLimitIsSettableAndNamed) {
    read_options opt;
    opt.xlsx.max_bytes = 2000; // the theme part alone is 10 kB uncompressed... but it is never read
    const std::string e = error_of("forms_ranking.xlsx", opt);
    EXPECT_NE(e.find("more than the"), std::string::npos) << e;
    EXPECT_NE(e.find("xlsx_max_bytes"), std::string::npos) << e;
    opt.xlsx.max_bytes = 64 * 1024;
    EXPECT_NO_THROW(read_fixture("forms_ranking.xlsx", opt));
}

TEST(Xlsx, CsvDelimiterOptionIsRefusedForAWorkbook) {
    read_options opt;
    opt.csv.delimiter = ';';
    EXPECT_THROW(read_fixture("excel_rank_columns.xlsx", opt), error);
}

TEST(Xlsx, SameBallotsAsTheCsvTheSheetStandsFor) {
    // What Excel's "Save as CSV" would write for the rank-column sheet reads to the same profile.
    std::string csv = "Rank 1,Rank 2,Rank 3\n";
    for (int i = 0; i < 4; ++i) csv += "Access,Frailty,Digital\n";
    for (int i = 0; i < 3; ++i) csv += "Frailty,Access,\n";
    for (int i = 0; i < 2; ++i) csv += "Digital,Frailty,Access\n";
    csv += "Workforce,Frailty,\n";
    const profile a = read_profile_text(csv, "b.csv");
    const profile b = read_fixture("excel_rank_columns.xlsx");
    EXPECT_EQ(a.candidate_names(), b.candidate_names());
    ASSERT_EQ(a.unique_count(), b.unique_count());
    for (std::size_t i = 0; i < a.unique_count(); ++i) {
        EXPECT_EQ(a.ballot(i).count, b.ballot(i).count);
        EXPECT_EQ(a.ballot(i).marks.size(), b.ballot(i).marks.size());
    }
}
