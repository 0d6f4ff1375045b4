// Reader throughput on generated files (issue 17: a benchmark per reader, in MB/s beside a plain
// read of the same bytes): NIST 1500-103 cast-vote records in JSON, an Excel workbook as Excel
// writes one (shared strings, deflated), and the online-form exports the CSV reader recognises
// (Microsoft Forms' ranking cell, Google Forms' grid). Every input is generated here, the same
// bytes on every run, and never committed. Each benchmark reports bytes/s (MB/s) and x_baseline:
// its time over one memchr pass counting the lines of the same bytes, timed in the same run.
#include "accord/io/read.hpp"
#include "bench_util.hpp"

#include <benchmark/benchmark.h>
#include <zip.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
using namespace accord;

constexpr std::size_t k_candidates = 13;

const std::vector<std::vector<cand_t>>& ballots() {
    static const auto o = accord_bench::synthetic_orders(50'000, k_candidates, 5, 1500103);
    return o;
}

using accord_bench::count_lines;

// Reads `bytes` as `name` with `opt` once per iteration, beside the line-counting pass.
void run(benchmark::State& state, const std::string& bytes, const char* name, const read_options& opt) {
    const double base =
        accord_bench::time_per_call([&] { benchmark::DoNotOptimize(count_lines(bytes)); }, 20);
    std::size_t voters = 0;
    try {
        voters = read_profile_text(bytes, name, opt).total_count().convert_to<std::size_t>();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    accord_bench::timed_loop(state, base, [&] {
        auto p = read_profile_text(bytes, name, opt);
        benchmark::DoNotOptimize(p.unique_count());
    });
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes.size()) * state.iterations());
    state.counters["megabytes"] = static_cast<double>(bytes.size()) / 1e6;
    state.counters["ballots"] = static_cast<double>(voters);
}

std::string candidate_id(cand_t c) { return "c-" + std::to_string(c + 1); }

// As RCTab writes a CDF cast-vote record: the election's candidates and one contest, then one
// CVR per ballot with one snapshot whose contest lists a selection per ranked candidate.
std::string cdf_json() {
    const auto names = accord_bench::names(k_candidates);
    std::string t = R"({"@type":"CastVoteRecordReport","Version":"1.0.0","Election":[{"@id":"election-001",)"
                    R"("@type":"Election","Candidate":[)";
    for (cand_t c = 0; c < k_candidates; ++c)
        t += std::string(c ? "," : "") + R"({"@id":")" + candidate_id(c) + R"(","Name":")" + names[c] + "\"}";
    t +=
        R"(],"Contest":[{"@id":"contest-001","@type":"CandidateContest","Name":"Mayor","ContestSelection":[)";
    for (cand_t c = 0; c < k_candidates; ++c)
        t += std::string(c ? "," : "") + R"({"@id":"cs-)" + std::to_string(c + 1) +
             R"(","@type":"ContestSelection","CandidateIds":[")" + candidate_id(c) + "\"]}";
    t += "]}]}],\"CVR\":[\n";
    const auto& b = ballots();
    for (std::size_t i = 0; i < b.size(); ++i) {
        const std::string id = std::to_string(i + 1);
        t += std::string(i ? ",\n" : "") + R"({"@type":"CVR","BallotPrePrintedId":")" + id +
             R"(","CurrentSnapshotId":"ballot-)" + id + R"(","CVRSnapshot":[{"@id":"ballot-)" + id +
             R"(","@type":"CVR.CVRSnapshot","Type":"original","CVRContest":[{"@type":"CVR.CVRContest",)"
             R"("ContestId":"contest-001","CVRContestSelection":[)";
        for (std::size_t r = 0; r < b[i].size(); ++r)
            t += std::string(r ? "," : "") +
                 R"({"@type":"CVR.CVRContestSelection","ContestSelectionId":"cs-)" +
                 std::to_string(b[i][r] + 1) +
                 R"(","SelectionPosition":[{"@type":"CVR.SelectionPosition","HasIndication":"yes",)"
                 R"("IsAllocable":"unknown","NumberVotes":1,"Rank":)" +
                 std::to_string(r + 1) + "}]}";
        t += "]}]}]}";
    }
    t += "\n]}\n";
    return t;
}

void BM_CdfJsonGenerated(benchmark::State& state) {
    static const std::string t = cdf_json();
    read_options opt;
    opt.format = file_format::cdf_json;
    run(state, t, "generated_cvr.json", opt);
}
BENCHMARK(BM_CdfJsonGenerated)->Unit(benchmark::kMillisecond);

std::string xml_escape_free(const std::string& s) {
    if (s.find_first_of("<>&\"") != std::string::npos) throw std::logic_error("names need no escaping here");
    return s;
}

// A workbook as Excel saves one: a ballot id column of numbers, then Rank 1..5 of candidate
// names held once in the shared strings table, every part deflated. Written by libzip to a
// temporary file, read back as bytes, and the file removed.
std::string xlsx() {
    const auto names = accord_bench::names(k_candidates);
    const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::vector<std::pair<std::string, std::string>> parts;
    parts.emplace_back(
        "[Content_Types].xml",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
        R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
        R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)"
        R"(</Types>)");
    parts.emplace_back(
        "_rels/.rels",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
        R"(</Relationships>)");
    parts.emplace_back(
        "xl/_rels/workbook.xml.rels",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
        R"(</Relationships>)");
    parts.emplace_back("xl/workbook.xml",
                       R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns=")" +
                           main_ns + R"(" xmlns:r=")" + rel_ns +
                           R"("><sheets><sheet name="CVR" sheetId="1" r:id="rId1"/></sheets></workbook>)");
    // Shared strings: the five rank headers, then the candidates.
    std::vector<std::string> strings = {"Ballot ID", "Rank 1", "Rank 2", "Rank 3", "Rank 4", "Rank 5"};
    for (const auto& n : names) strings.push_back(xml_escape_free(n));
    std::string sst = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns=")" + main_ns +
                      "\" count=\"" + std::to_string(strings.size()) + "\" uniqueCount=\"" +
                      std::to_string(strings.size()) + "\">";
    for (const auto& s : strings) sst += "<si><t>" + s + "</t></si>";
    sst += "</sst>";
    const auto& b = ballots();
    const char* cols = "ABCDEF";
    std::string sheet = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns=")" +
                        main_ns + R"("><dimension ref="A1:F)" + std::to_string(b.size() + 1) +
                        R"("/><sheetData><row r="1">)";
    for (int c = 0; c < 6; ++c)
        sheet += std::string("<c r=\"") + cols[c] + "1\" t=\"s\"><v>" + std::to_string(c) + "</v></c>";
    sheet += "</row>";
    for (std::size_t i = 0; i < b.size(); ++i) {
        const std::string row = std::to_string(i + 2);
        sheet +=
            "<row r=\"" + row + "\"><c r=\"A" + row + "\"><v>" + std::to_string(100000001 + i) + "</v></c>";
        for (std::size_t r = 0; r < b[i].size(); ++r)
            sheet += std::string("<c r=\"") + cols[r + 1] + row + "\" t=\"s\"><v>" +
                     std::to_string(6 + b[i][r]) + "</v></c>";
        sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    parts.emplace_back("xl/sharedStrings.xml", std::move(sst));
    parts.emplace_back("xl/worksheets/sheet1.xml", std::move(sheet));

    const auto path = std::filesystem::temp_directory_path() / "accord_bench_generated.xlsx";
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("cannot create " + path.string());
    for (const auto& [name, text] : parts) {
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
        const zip_int64_t idx = src ? zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0 || zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 6) != 0)
            throw std::runtime_error("cannot add " + name + " to the workbook");
        zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), 1704067200, 0); // fixed: same bytes every run
    }
    if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path.string());
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::filesystem::remove(path);
    return s.str();
}

void BM_XlsxGenerated(benchmark::State& state) {
    static const std::string t = xlsx();
    read_options opt;
    opt.format = file_format::xlsx;
    run(state, t, "generated_cvr.xlsx", opt);
}
BENCHMARK(BM_XlsxGenerated)->Unit(benchmark::kMillisecond);

// Microsoft Forms' export: respondent columns, then the ranking as one cell, 'A;B;C;'.
std::string microsoft_forms() {
    const auto names = accord_bench::names(k_candidates);
    std::string t = "Id,Start time,Completion time,Email,Name,Last modified time,Rank the priorities\n";
    const auto& b = ballots();
    for (std::size_t i = 0; i < b.size(); ++i) {
        const std::string id = std::to_string(i + 1);
        t += id + ",1/9/25 10:" + std::to_string(10 + i % 50) +
             ":02,1/9/25 10:" + std::to_string(10 + i % 50) + ":40,voter" + id + "@nhs.net,Voter " + id +
             ",,";
        for (cand_t c : b[i]) t += names[c] + ";";
        t += '\n';
    }
    return t;
}

void BM_MicrosoftFormsGenerated(benchmark::State& state) {
    static const std::string t = microsoft_forms();
    read_options opt;
    opt.format = file_format::csv;
    run(state, t, "generated_forms.csv", opt);
}
BENCHMARK(BM_MicrosoftFormsGenerated)->Unit(benchmark::kMillisecond);

// Google Forms' grid export: a timestamp and e-mail, then one column per candidate holding the
// rank given as "1st choice", "2nd choice", ... (blank when unranked).
std::string google_forms_grid() {
    const auto names = accord_bench::names(k_candidates);
    const char* ordinals[] = {"1st", "2nd", "3rd", "4th", "5th"};
    std::string t = "Timestamp,Email address";
    for (const auto& n : names) t += ",Rank the priorities [" + n + "]";
    t += '\n';
    const auto& b = ballots();
    std::vector<int> rank(k_candidates);
    for (std::size_t i = 0; i < b.size(); ++i) {
        std::fill(rank.begin(), rank.end(), -1);
        for (std::size_t r = 0; r < b[i].size(); ++r) rank[b[i][r]] = static_cast<int>(r);
        t += "2025/09/01 10:" + std::to_string(10 + i % 50) + ":02 am GMT+1,voter" + std::to_string(i + 1) +
             "@nhs.net";
        for (cand_t c = 0; c < k_candidates; ++c) {
            t += ',';
            if (rank[c] >= 0) t += std::string(ordinals[rank[c]]) + " choice";
        }
        t += '\n';
    }
    return t;
}

void BM_GoogleFormsGridGenerated(benchmark::State& state) {
    static const std::string t = google_forms_grid();
    read_options opt;
    opt.format = file_format::csv;
    run(state, t, "generated_grid.csv", opt);
}
BENCHMARK(BM_GoogleFormsGridGenerated)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
