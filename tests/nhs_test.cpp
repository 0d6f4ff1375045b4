// NHS England's practice files as published (../shared/data/nhs/raw): the mapping and the list
// sizes joined by accord give exactly the joined files of ../shared/data/nhs, and so exactly
// the same weights for every practice and PCN; practices in one file and not the other are
// refused or named, never dropped in silence.
#include "accord/organisation.hpp"
#include "accord/weighting.hpp"
#include "test_data.hpp"

#include <fstream>
#include <sstream>

using namespace accord;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every unit's exact share under a scheme at a level, by unit id.
std::map<std::string, rational> shares(const organisation& org, const std::string& level,
                                       const std::string& scheme) {
    const auto rep = compute_weights(org, org.of_kind(level), parse_scheme(scheme));
    std::map<std::string, rational> out;
    for (const auto& u : rep.units) out[org[u.unit].id] = u.share;
    return out;
}

void expect_same_weights(const organisation& raw, const organisation& joined, std::size_t practices) {
    ASSERT_EQ(raw.size(), joined.size());
    for (const char* scheme : {"equal", "population", "sqrt", "capped:0.05", "group-equal"}) {
        const auto a = shares(raw, "practice", scheme);
        EXPECT_EQ(a.size(), practices) << scheme;
        EXPECT_TRUE(a == shares(joined, "practice", scheme)) << scheme;
    }
    const auto pcn = shares(raw, "pcn", "population");
    EXPECT_TRUE(pcn == shares(joined, "pcn", "population"));
}

const char* k_map =
    "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_"
    "LOCATION_CODE,"
    "SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_"
    "REGION_CODE,"
    "COMM_REGION_NAME,SUPPLIER_NAME\n"
    "GP_PRAC_PAT_LIST,01Oct2025,P1,\"ONE, SURGERY\",AA1 1AA,U1,PCN ONE,E1,01A,SUB A,E2,QAA,ICB "
    "A,E3,Y1,North,EMIS\n"
    "GP_PRAC_PAT_LIST,01Oct2025,P2,TWO,AA1 1AB,U1,PCN ONE,E1,01A,SUB A,E2,QAA,ICB A,E3,Y1,North,TPP\n";
const char* k_sizes_head = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,"
                           "CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";

std::string join_error(const std::string& map, const std::string& sizes) {
    try {
        join_nhs_practice_files_text(map, "map.csv", sizes, "sizes.csv");
    } catch (const error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Nhs, Raw2025FilesJoinToTheJoinedFileByteForByte) {
    ACCORD_SHARED_FILE(map, "nhs/raw/gp-reg-pat-prac-map_2025-10.csv");
    ACCORD_SHARED_FILE(sizes, "nhs/raw/gp-reg-pat-prac-all_2025-04.csv");
    ACCORD_SHARED_FILE(joined, "nhs/practices_england_2025.csv");
    nhs_join_report rep;
    EXPECT_EQ(join_nhs_practice_files(map, sizes, &rep), slurp(joined));
    EXPECT_EQ(rep.shape, "2025");
    EXPECT_EQ(rep.mapping_extract_date, "2025-10-01");
    EXPECT_EQ(rep.list_size_extract_date, "2025-04-01");
    EXPECT_EQ(rep.practices, 6202u);
    EXPECT_EQ(rep.registered_patients, 63560406u);
    EXPECT_EQ(rep.not_in_mapping.size(), 37u); // closed or merged between April and October
}

TEST(Nhs, Raw2022FilesJoinToTheJoinedFileByteForByte) {
    ACCORD_SHARED_FILE(map, "nhs/raw/gp-reg-pat-prac-map_2022-01.csv");
    ACCORD_SHARED_FILE(sizes, "nhs/raw/gp-reg-pat-prac-all_2022-01.csv");
    ACCORD_SHARED_FILE(joined, "nhs/practices_england_2022-01.csv");
    nhs_join_report rep;
    EXPECT_EQ(join_nhs_practice_files(map, sizes, &rep), slurp(joined));
    EXPECT_EQ(rep.shape, "2022");
    EXPECT_EQ(rep.mapping_extract_date, "2022-01-01");
    EXPECT_EQ(rep.list_size_extract_date, "2022-01-01");
    EXPECT_EQ(rep.practices, 6527u);
    EXPECT_EQ(rep.registered_patients, 61469262u);
    EXPECT_TRUE(rep.not_in_mapping.empty());
}

TEST(Nhs, Raw2025FilesGiveTheJoinedFilesWeightsForAll6202Practices) {
    ACCORD_SHARED_FILE(map, "nhs/raw/gp-reg-pat-prac-map_2025-10.csv");
    ACCORD_SHARED_FILE(sizes, "nhs/raw/gp-reg-pat-prac-all_2025-04.csv");
    ACCORD_SHARED_FILE(joined, "nhs/practices_england_2025.csv");
    const organisation raw = read_nhs_organisation(map, sizes);
    expect_same_weights(raw, read_organisation(joined), 6202);
    EXPECT_EQ(raw.provenance().at("mapping_extract_date"), "2025-10-01");
    EXPECT_EQ(raw.provenance().at("list_size_extract_date"), "2025-04-01");
    const std::string& gone = raw.provenance().at("list_size_practices_not_in_mapping");
    EXPECT_EQ(std::count(gone.begin(), gone.end(), ',') + 1, 37);
}

TEST(Nhs, Raw2022FilesGiveTheJoinedFilesWeightsForAll6527Practices) {
    ACCORD_SHARED_FILE(map, "nhs/raw/gp-reg-pat-prac-map_2022-01.csv");
    ACCORD_SHARED_FILE(sizes, "nhs/raw/gp-reg-pat-prac-all_2022-01.csv");
    ACCORD_SHARED_FILE(joined, "nhs/practices_england_2022-01.csv");
    const organisation raw = read_nhs_organisation(map, sizes);
    expect_same_weights(raw, read_organisation(joined), 6527);
    EXPECT_EQ(raw.of_kind("ccg").size(), read_organisation(joined).of_kind("ccg").size());
    EXPECT_EQ(raw.of_kind("stp").size(), 42u); // the 42 STPs that became ICBs
}

TEST(Nhs, JoinedFileCarriesItsExtractDatesIntoTheWeightReport) {
    ACCORD_SHARED_FILE(joined, "nhs/practices_england_2025.csv");
    const organisation org = read_organisation(joined);
    EXPECT_EQ(org.provenance().at("mapping_extract_date"), "2025-10-01");
    const std::string json =
        to_json(org, compute_weights(org, org.of_kind("practice"), parse_scheme("equal")));
    EXPECT_NE(json.find("\"provenance\":{\"list_size_extract_date\":\"2025-04-01\",\"mapping_extract_date\":"
                        "\"2025-10-01\"}"),
              std::string::npos);
}

TEST(Nhs, MappedPracticeWithoutListSizeIsRefusedByCode) {
    const std::string sizes =
        std::string(k_sizes_head) + "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n";
    const std::string e = join_error(k_map, sizes);
    EXPECT_NE(e.find("map.csv:3"), std::string::npos) << e;
    EXPECT_NE(e.find("1 practice(s) of the mapping have no list size in sizes.csv: P2"), std::string::npos)
        << e;
}

TEST(Nhs, ListSizePracticeMissingFromTheMappingIsNamed) {
    const std::string sizes = std::string(k_sizes_head) +
                              "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n"
                              "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P9,AA1 1AC,ALL,ALL,5\n"
                              "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P2,AA1 1AB,ALL,ALL,200\n";
    nhs_join_report rep;
    const std::string out = join_nhs_practice_files_text(k_map, "map.csv", sizes, "sizes.csv", &rep);
    EXPECT_EQ(rep.not_in_mapping, std::vector<std::string>{"P9"});
    EXPECT_EQ(
        out,
        "practice_code,practice_name,practice_postcode,pcn_code,pcn_name,sub_icb_code,sub_icb_name,icb_code,"
        "icb_name,"
        "region_code,region_name,registered_patients,mapping_extract_date,list_size_extract_date\r\n"
        "P1,\"ONE, SURGERY\",AA1 1AA,U1,PCN ONE,01A,SUB A,QAA,ICB A,Y1,North,100,2025-10-01,2025-04-01\r\n"
        "P2,TWO,AA1 1AB,U1,PCN ONE,01A,SUB A,QAA,ICB A,Y1,North,200,2025-10-01,2025-04-01\r\n");
}

TEST(Nhs, BreakdownRowsAreIgnoredAndABreakdownFileIsRefused) {
    const std::string with_breakdown = std::string(k_sizes_head) +
                                       "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,MALE,ALL,40\n"
                                       "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n"
                                       "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P2,AA1 1AB,ALL,ALL,200\n";
    EXPECT_NE(join_nhs_practice_files_text(k_map, "map.csv", with_breakdown, "sizes.csv").find(",100,"),
              std::string::npos);
    const std::string only_breakdown =
        std::string(k_sizes_head) + "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,MALE,0_4,4\n";
    EXPECT_NE(join_error(k_map, only_breakdown).find("no row with SEX=ALL and AGE=ALL"), std::string::npos);
}

TEST(Nhs, DuplicatesMixedExtractDatesAndWrongFilesAreRefusedByLine) {
    const std::string good = std::string(k_sizes_head) +
                             "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n" +
                             "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P2,AA1 1AB,ALL,ALL,200\n";
    EXPECT_NE(join_error(k_map, good + "GP_PRAC_PAT_LIST,2025-04-01,GP,01A,E1,P2,AA1 1AB,ALL,ALL,7\n")
                  .find("sizes.csv:4: practice P2 has a second list size (first on line 3)"),
              std::string::npos);
    EXPECT_NE(join_error(k_map, good + "GP_PRAC_PAT_LIST,2025-05-01,GP,01A,E1,P3,AA1 1AB,ALL,ALL,7\n")
                  .find("EXTRACT_DATE '2025-05-01' differs"),
              std::string::npos);
    EXPECT_NE(join_error(k_map, good.substr(0, good.size() - 4) + "2x0\n").find("NUMBER_OF_PATIENTS '2x0'"),
              std::string::npos);
    // The two files swapped: the list-size file has no practice columns.
    EXPECT_NE(join_error(good, k_map)
                  .find("no column PRACTICE_CODE in the header; is this NHS England's practice mapping"),
              std::string::npos);
    EXPECT_NE(
        join_error(std::string(k_map) + "GP_PRAC_PAT_LIST,01Oct2025,P1,X,Y,U1,P,E,01A,S,E,QAA,I,E,Y1,N,E\n",
                   good)
            .find("practice P1 appears twice"),
        std::string::npos);
}

TEST(Nhs, ExtractDatesAreReadInBothOfNhsEnglandsSpellings) {
    std::string map = k_map;
    const std::string sizes = std::string(k_sizes_head) +
                              "GP_PRAC_PAT_LIST,01Apr2025,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n" +
                              "GP_PRAC_PAT_LIST,01Apr2025,GP,01A,E1,P2,AA1 1AB,ALL,ALL,200\n";
    nhs_join_report rep;
    join_nhs_practice_files_text(map, "map.csv", sizes, "sizes.csv", &rep);
    EXPECT_EQ(rep.mapping_extract_date, "2025-10-01");
    EXPECT_EQ(rep.list_size_extract_date, "2025-04-01");
    const auto bad =
        std::string(k_sizes_head) + "GP_PRAC_PAT_LIST,April 2025,GP,01A,E1,P1,AA1 1AA,ALL,ALL,100\n";
    EXPECT_NE(join_error(map, bad).find("EXTRACT_DATE 'April 2025' is not a date"), std::string::npos);
}
