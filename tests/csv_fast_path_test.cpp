// The CSV reader's fast path for plain lines (read-ahead, a memo of repeated rows, repeats tallied
// until the end, issue 17) against its full path: the same file with every field quoted is read
// line by line by the RFC 4180 scanner, so the two readings must give the same profile, report
// and errors, whatever the file holds (quoted, short and blank lines, new candidates, count
// columns that switch the tallying off, a multiplicity overflow, a bad row).
#include "accord/io/read.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>

using namespace accord;

namespace {

/// A cast-vote record: a header, then `rows` rows of a ballot id and five ranks over 13
/// candidates, the same for every run (a fixed linear congruential sequence). `extra(row)` may
/// return lines (with their line ends) to put before row `row`. With `count`, a count column
/// follows the id, 1 on every generated row.
template <class Extra> std::string cvr(std::size_t rows, Extra extra, bool count = false) {
    std::string t = count ? "ballot_id,count,rank1,rank2,rank3,rank4,rank5\n"
                          : "ballot_id,rank1,rank2,rank3,rank4,rank5\n";
    std::uint64_t x = 12345;
    auto next = [&] {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<unsigned>(x >> 33);
    };
    for (std::size_t row = 0; row < rows; ++row) {
        t += extra(row);
        t += std::to_string(100000000 + row);
        if (count) t += ",1";
        bool used[13] = {};
        const unsigned ranks = 1 + next() % 5;
        for (unsigned r = 0; r < 5; ++r) {
            t += ',';
            if (r >= ranks) continue;
            unsigned c = next() % 13;
            while (used[c]) c = (c + 1) % 13;
            used[c] = true;
            t += "Candidate " + std::to_string(c + 1);
        }
        t += '\n';
    }
    return t;
}

/// The same text with every field of every non-blank line quoted (no field here holds a quote,
/// a comma or a line end), so that no line is plain.
std::string quote_all(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \r") == std::string::npos || line.find('"') != std::string::npos) {
            out += line + '\n';
            continue;
        }
        std::string q = "\"";
        for (const char c : line) q += c == ',' ? std::string("\",\"") : std::string(1, c);
        out += q + "\"\n";
    }
    return out;
}

struct read_outcome {
    std::string csv, error, total;
    std::size_t lines = 0;
};

read_outcome read(const std::string& text) {
    read_options o;
    o.format = file_format::csv;
    read_outcome out;
    try {
        read_report rep;
        const profile p = read_profile_text(text, "cvr.csv", o, &rep);
        std::ostringstream s;
        write_profile(s, p, file_format::csv);
        out.csv = s.str();
        out.total = p.total_count().str();
        out.lines = rep.lines;
    } catch (const error& e) {
        out.error = e.what();
    }
    return out;
}

/// The error without its byte column, which the quotes move ("cvr.csv:12:31: ..." ->
/// "cvr.csv:12: ...").
std::string without_column(const std::string& e) {
    const auto line = e.find(':'), col = line == std::string::npos ? line : e.find(':', line + 1);
    const auto end = col == std::string::npos ? col : e.find(':', col + 1);
    return end == std::string::npos ? e : e.substr(0, col) + e.substr(end);
}

/// Reads `text` as it is (mostly plain lines) and with every field quoted: the same outcome.
read_outcome expect_fast_equals_full(const std::string& text) {
    const read_outcome fast = read(text), full = read(quote_all(text));
    EXPECT_EQ(without_column(fast.error), without_column(full.error));
    EXPECT_EQ(fast.total, full.total);
    EXPECT_EQ(fast.lines, full.lines);
    EXPECT_TRUE(fast.csv == full.csv) << "the fast path's profile differs from the full path's";
    return fast;
}

constexpr std::size_t k_rows = 60000; // thousands of repeats of most rows

} // namespace

TEST(CsvFastPath, APlainCastVoteRecordReadsAsTheFullPathReadsIt) {
    const auto r = expect_fast_equals_full(cvr(k_rows, [](std::size_t) { return std::string(); }));
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.total, "60000");
}

TEST(CsvFastPath, QuotedShortAndBlankLinesBetweenPlainOnesKeepTheirOrder) {
    const auto r = expect_fast_equals_full(cvr(k_rows, [](std::size_t row) {
        if (row % 997 == 0) return std::string("\"q\",Candidate 3,\"Candidate 4\",,,\n");
        if (row % 1009 == 0) return std::string("55555\n"); // ends inside the id column
        if (row % 503 == 0) return std::string("\n  \n");
        if (row == 30000) return std::string("7,Zed,Young,,,\n"); // new candidates, late
        return std::string();
    }));
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_LT(r.csv.find("Zed"), r.csv.find("Young"));
}

TEST(CsvFastPath, ACountAboveOneTurnsTheTallyingOffAndEveryRowStillCounts) {
    const auto r = expect_fast_equals_full(cvr(
        k_rows,
        [](std::size_t row) {
            if (row == 20000 || row == 40000) return std::string("9,5,Candidate 1,Candidate 2,,,\n");
            return std::string();
        },
        true));
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.total, "60010");
}

TEST(CsvFastPath, AProbedRowsLargeCountStillOverflowsAtTheRepeatsOwnLine) {
    // The first rows (read to choose the layout) hold 2^63 - 2 of one ballot; its later rows of
    // one each pass 2^63 - 1 at the second of them, which the fast path meets as a repeat.
    const auto r = expect_fast_equals_full(cvr(
        k_rows,
        [](std::size_t row) {
            if (row == 3) return std::string("9,9223372036854775806,Zed,,,,\n");
            if (row == 20000 || row == 30000 || row == 40000) return std::string("9,1,Zed,,,,\n");
            return std::string();
        },
        true));
    EXPECT_NE(r.error.find("overflows"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("cvr.csv:"), std::string::npos) << r.error;
}

TEST(CsvFastPath, AMultiplicityOverflowIsFoundAtItsOwnLine) {
    // 2^62 twice more: the ballot's multiplicity passes 2^63 - 1 at the second repeat.
    const auto r = expect_fast_equals_full(cvr(
        k_rows,
        [](std::size_t row) {
            if (row == 10000 || row == 20000 || row == 30000)
                return std::string("9,4611686018427387904,Candidate 1,,,,\n");
            return std::string();
        },
        true));
    EXPECT_NE(r.error.find("overflows"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("cvr.csv:"), std::string::npos) << r.error;
}

TEST(CsvFastPath, ABadRowIsRefusedAtItsOwnLine) {
    const auto r = expect_fast_equals_full(cvr(k_rows, [](std::size_t row) {
        if (row == 45000 || row == 50000) return std::string("1,Candidate 2,,,,,\n"); // 7 fields
        return std::string();
    }));
    EXPECT_NE(r.error.find("row has 7 fields"), std::string::npos) << r.error;
}
