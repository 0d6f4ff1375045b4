// PrefLib, BLT and Debian readers and writers: every real file reads, spot counts match the
// published figures (SOURCES.md), dialect features found in the real files are understood, and
// read -> write -> read gives the same profile.
#include "accord/io/read.hpp"
#include "accord/registry.hpp"

#include "test_data.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

using namespace accord;
namespace fs = std::filesystem;

namespace {

/// Every distinct ballot as text -> its count, so two profiles compare regardless of order.
std::map<std::string, std::uint64_t> ballots_of(const profile& p) {
    std::map<std::string, std::uint64_t> out;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        std::string key;
        for (const auto& m : b.marks)
            key += std::to_string(m.candidate) + ":" + std::to_string(m.value) + " ";
        key += "w=" + (b.weight ? to_string(*b.weight) : std::string("1"));
        key += " u=" + std::to_string(b.unit);
        out[key] += b.count;
    }
    return out;
}

void expect_same_profile(const profile& a, const profile& b, bool title_too) {
    EXPECT_EQ(a.candidate_names(), b.candidate_names());
    EXPECT_EQ(a.kind(), b.kind());
    EXPECT_EQ(a.total_count(), b.total_count());
    EXPECT_EQ(a.total_weight(), b.total_weight());
    for (cand_t c = 0; c < a.candidate_count() && c < b.candidate_count(); ++c)
        EXPECT_EQ(a.withdrawn(c), b.withdrawn(c)) << c;
    if (title_too) EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(ballots_of(a), ballots_of(b));
}

profile round_trip(const profile& p, file_format f, const std::string& name) {
    std::ostringstream out;
    write_profile(out, p, f);
    read_options opt;
    opt.format = f;
    return read_profile_text(out.str(), name, opt);
}

std::vector<fs::path> files_under(const fs::path& dir, std::set<std::string> exts) {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && exts.count(e.path().extension().string())) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

errc code_of(std::string_view text, file_format f, bool lenient = false) {
    read_options opt;
    opt.format = f;
    opt.lenient = lenient;
    try {
        read_profile_text(text, "mem", opt);
    } catch (const error& e) {
        return e.code();
    }
    return errc::ok;
}

profile parse(std::string_view text, file_format f, read_report* rep = nullptr, bool lenient = false) {
    read_options opt;
    opt.format = f;
    opt.lenient = lenient;
    return read_profile_text(text, "mem", opt, rep);
}

} // namespace

// ---- every real file ------------------------------------------------------------------------

TEST(Readers, EveryPreflibFileReadsAndAgreesWithItsHeader) {
    ACCORD_SHARED_FILE(dir, "preflib");
    // The reader checks NUMBER VOTERS and NUMBER UNIQUE ORDERS against the body, so reading
    // without error proves each header agrees with its preference lines.
    auto files = files_under(dir, {".soc", ".soi", ".toc", ".toi", ".cat"});
    EXPECT_GE(files.size(), 640u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.string());
        read_report rep;
        profile p = read_profile(f, {}, &rep);
        EXPECT_GT(p.candidate_count(), 0u);
        EXPECT_GT(p.total_count(), 0);
        EXPECT_TRUE(rep.skipped.empty());
        EXPECT_EQ(p.kind(), f.extension() == ".cat" ? ballot_kind::approval : ballot_kind::ranking);
    }
}

TEST(Readers, EveryBltAndHillFileReads) {
    ACCORD_SHARED_FILE(blt, "blt");
    ACCORD_SHARED_FILE(condorcet, "condorcet");
    auto files = files_under(blt, {".blt"});
    auto hil = files_under(condorcet, {".HIL"});
    files.insert(files.end(), hil.begin(), hil.end());
    EXPECT_GE(files.size(), 49u + 92u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.string());
        profile p = read_profile(f);
        EXPECT_GT(p.candidate_count(), 0u);
        EXPECT_GE(p.seats, 1u);
        EXPECT_FALSE(p.title.empty());
        EXPECT_GT(p.total_count(), 0);
    }
}

TEST(Readers, EveryDebianTallyReadsWithNamedOptions) {
    ACCORD_SHARED_FILE(dir, "condorcet");
    auto files = files_under(dir, {".debian_votes"});
    for (const auto& f : files_under(dir / "condorcet_php_tests" / "DebianData", {".txt"}))
        files.push_back(f);
    EXPECT_EQ(files.size(), 21u + 3u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.string());
        read_options opt;
        opt.format = file_format::debian;
        profile p = read_profile(f, opt);
        EXPECT_GE(p.candidate_count(), 2u);
        EXPECT_GT(p.total_count(), 200);
        // Names come from the "Option N: name" header, never the fallback.
        EXPECT_NE(p.candidate_name(0), "Option 1");
    }
}

// ---- spot counts (SOURCES.md) ---------------------------------------------------------------

TEST(Readers, Burlington2009Has6AlternativesAnd8980Ballots) {
    ACCORD_SHARED_FILE(path, "preflib/00005 - burlington/00005-00000002.toi");
    profile p = read_profile(path);
    EXPECT_EQ(p.candidate_count(), 6u);
    EXPECT_EQ(p.total_count(), 8980);
    EXPECT_EQ(p.title, "2009 Burlington Mayoral Election");
    EXPECT_EQ(p.candidate_name(0), "Bob Kiss");
    EXPECT_EQ(p.source_format, "toi");
}

TEST(Readers, IrishDublinNorthAndWestVoteTotals) {
    ACCORD_SHARED_FILE(north, "preflib/00001 - irish/00001-00000001.soi");
    ACCORD_SHARED_FILE(west, "preflib/00001 - irish/00001-00000002.soi");
    profile n = read_profile(north);
    EXPECT_EQ(n.total_count(), 43942);
    EXPECT_EQ(n.candidate_count(), 12u);
    profile w = read_profile(west);
    EXPECT_EQ(w.total_count(), 29988);
    EXPECT_EQ(w.candidate_count(), 9u);
}

TEST(Readers, FrenchApprovalCatApprovesTheFirstCategory) {
    ACCORD_SHARED_FILE(path, "preflib/00026 - frenchapproval/00026-00000001.cat");
    profile p = read_profile(path);
    EXPECT_EQ(p.kind(), ballot_kind::approval);
    EXPECT_EQ(p.total_count(), 365);
    EXPECT_EQ(p.candidate_count(), 16u);
    // "13: 6,{1,2,...}" approves LePen (6) alone; "13: {},{...}" approves no one.
    std::uint64_t lepen_alone = 0, none = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        if (b.marks.size() == 1 && b.marks[0].candidate == 5) lepen_alone += b.count;
        if (b.marks.empty()) none += b.count;
    }
    EXPECT_GE(lepen_alone, 13u);
    EXPECT_GE(none, 13u);
}

TEST(Readers, DebianLeader2006Has421VotesAndDevoteeNames) {
    ACCORD_SHARED_FILE(path, "condorcet/condorcet_php_tests/DebianData/leader2006_tally.txt");
    read_options opt;
    opt.format = file_format::debian;
    profile p = read_profile(path, opt);
    EXPECT_EQ(p.total_count(), 421);
    ASSERT_EQ(p.candidate_count(), 8u);
    EXPECT_EQ(p.candidate_name(0), "Jeroen van Wolffelaar");
    EXPECT_EQ(p.candidate_name(3), "Anthony Towns");
    EXPECT_EQ(p.candidate_name(7), "None of the Above");
}

TEST(Readers, DebianTiesAndGapsBecomeDenseTiers) {
    // leader2006 line "V: 3-311-56": options 4,5 first, then 1,3, then 7, then 8.
    profile p = parse("  Option 1: A\n  Option 2: B\n  Option 3: C\n  Option 4: D\n  Option 5: E\n"
                      "  Option 6: F\n  Option 7: G\n  Option 8: H\nV: 3-311-56\t\tabc\n",
                      file_format::debian);
    ASSERT_EQ(p.unique_count(), 1u);
    auto tiers = tiers_of(p, p.ballot(0));
    ASSERT_EQ(tiers.size(), 4u);
    EXPECT_EQ(tiers[0], (std::vector<cand_t>{3, 4}));
    EXPECT_EQ(tiers[1], (std::vector<cand_t>{0, 2}));
    EXPECT_EQ(tiers[2], (std::vector<cand_t>{6}));
    EXPECT_EQ(tiers[3], (std::vector<cand_t>{7}));
    EXPECT_EQ(p.ballot(0).marks[2].value, 2); // renumbered densely: 1,1,2,2,3,4
}

TEST(Readers, DebianLatin1OptionNameIsDecoded) {
    ACCORD_SHARED_FILE(path, "condorcet/condorcet_php_tests/DebianData/leader2007_tally.txt");
    read_options opt;
    opt.format = file_format::debian;
    profile p = read_profile(path, opt);
    EXPECT_EQ(p.total_count(), 482);
    EXPECT_EQ(p.candidate_name(5), "Rapha\xC3\xABl Hertzog");
}

TEST(Readers, DebianWithoutNamesUsesOptionNumbers) {
    profile p = parse("V: 12-\nV: -21\n", file_format::debian);
    ASSERT_EQ(p.candidate_count(), 3u);
    EXPECT_EQ(p.candidate_name(2), "Option 3");
    EXPECT_EQ(p.total_count(), 2);
}

TEST(Readers, TidemanA77Has213VotesAnd3Candidates) {
    ACCORD_SHARED_FILE(path, "condorcet/condorcet_php_tests/TidemanData/A77.HIL");
    profile p = read_profile(path);
    EXPECT_EQ(p.total_count(), 213);
    EXPECT_EQ(p.candidate_count(), 3u);
    EXPECT_EQ(p.seats, 1u);
}

TEST(Readers, TidemanA1Has380Votes10CandidatesAnd3SeatsDespiteDosEofByte) {
    ACCORD_SHARED_FILE(path, "condorcet/condorcet_php_tests/TidemanData/A1.HIL");
    profile p = read_profile(path);
    EXPECT_EQ(p.total_count(), 380);
    EXPECT_EQ(p.candidate_count(), 10u);
    EXPECT_EQ(p.seats, 3u);
    EXPECT_EQ(p.candidate_name(0), "Candidate  1");
    EXPECT_EQ(p.title, "a1");
}

TEST(Readers, HillD01WithoutFinalZeroReads) {
    ACCORD_SHARED_FILE(path, "condorcet/tideman_condorcet_php/Input_TidemanElectionCollection/D01.HIL");
    profile p = read_profile(path);
    EXPECT_EQ(p.candidate_count(), 5u);
    EXPECT_EQ(p.candidate_name(2), "Ben Collins");
    EXPECT_EQ(p.title, "Debian01");
}

TEST(Readers, BltWithdrawnByMinusLineAndByOptionAgree) {
    ACCORD_SHARED_FILE(minus, "blt/droop/blt/SCw.blt");
    ACCORD_SHARED_FILE(option, "blt/droop/blt/SCwopt.blt");
    profile a = read_profile(minus), b = read_profile(option);
    EXPECT_TRUE(a.withdrawn(3));
    EXPECT_FALSE(a.withdrawn(2));
    expect_same_profile(a, b, true);
    EXPECT_EQ(a.seats, 4u);
}

TEST(Readers, BltNicknamesAndEqualRankings) {
    ACCORD_SHARED_FILE(path, "blt/droop/blt/meek/eq2.blt");
    profile p = read_profile(path);
    // "3 c=d b=a 0": C and D tied first, then A and B.
    bool found = false;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        auto t = tiers_of(p, b);
        if (b.count == 3 && t.size() == 2 && t[0] == std::vector<cand_t>{2, 3} &&
            t[1] == std::vector<cand_t>{0, 1})
            found = true;
    }
    EXPECT_TRUE(found);
}

TEST(Readers, BltBomUtf8NamesAndTrailingNotes) {
    ACCORD_SHARED_FILE(bom, "blt/droop/blt/42ubom.blt");
    profile p = read_profile(bom);
    EXPECT_EQ(p.candidate_name(1), "P\xC3\xB8ll\xC3\xBCx");
    ACCORD_SHARED_FILE(notes, "blt/droop/blt/cfer/dk1-3.blt");
    profile q = read_profile(notes);
    EXPECT_EQ(q.total_count(), 990); // the "A: 123 votes" notes after the title are not ballots
}

TEST(Readers, BltFractionalValuesAreExactWeights) {
    profile p = parse("3 1\n1.5 1 2 0\n1/3 2 0\n2 3 - 1 0\n(b7) 1 2=3 0\n0\n\"A\" \"B\"\n\"C\"\n\"t\"\n",
                      file_format::blt);
    EXPECT_EQ(p.total_weight(), rational(3, 2) + rational(1, 3) + 2 + 1);
    EXPECT_EQ(p.total_count(), 1 + 1 + 2 + 1);
    std::map<std::string, std::uint64_t> b = ballots_of(p);
    EXPECT_EQ(b.at("0:1 1:2 w=3/2 u=4294967295"), 1u);
    EXPECT_EQ(b.at("2:1 0:3 w=1 u=4294967295"), 2u); // "-" keeps the skipped rank
    EXPECT_EQ(b.at("1:1 2:1 w=1 u=4294967295"), 1u);
}

TEST(Readers, LegacyNumericPreflibFormat) {
    const char* text = "3\n1,Alice\n2,Bob\n3,Carol\n5,5,2\n3,1,2,3\n2,3,{1,2}\n";
    profile p = parse(text, file_format::toc);
    EXPECT_EQ(p.candidate_name(2), "Carol");
    EXPECT_EQ(p.total_count(), 5);
    EXPECT_EQ(code_of("3\n1,Alice\n2,Bob\n3,Carol\n6,6,2\n3,1,2,3\n2,3,{1,2}\n", file_format::toc),
              errc::parse);
    EXPECT_EQ(code_of(text, file_format::soc), errc::parse); // the tie is not strict
}

TEST(Readers, NumbersWithLeadingZerosAreDecimal) {
    // Found by fuzz_preflib: a declared count with leading zeros went to GMP, which read it as
    // octal (or threw a non-accord exception on an 8 or 9).
    profile p = parse("2\n1,A\n2,B\n010,010,1\n10,1,2\n", file_format::soi);
    EXPECT_EQ(p.total_count(), 10);
    EXPECT_EQ(code_of("1\n1,0;1,-\n0010021077691,0,425381261\t", file_format::soc, true), errc::parse);
    EXPECT_EQ(code_of("# NUMBER ALTERNATIVES: 1\n# NUMBER VOTERS: 09\n# ALTERNATIVE NAME 1: A\n9: 1\n",
                      file_format::soi),
              errc::ok);
    profile b = parse("2 1\n0.9 1 0\n0.10 2 0\n0\n\"A\" \"B\" \"t\"\n", file_format::blt);
    EXPECT_EQ(b.total_weight(), rational(1));
}

TEST(Readers, CrlfBlankLinesTrailingSpaceAndNoFinalNewline) {
    const char* lf =
        "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 3\n"
        "# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n2: 1,2\n1: 2";
    const char* crlf = "# DATA TYPE: soi \r\n# NUMBER ALTERNATIVES: 2\r\n\r\n# NUMBER VOTERS: 3\r\n"
                       "# NUMBER UNIQUE ORDERS: 2\r\n# ALTERNATIVE NAME 1: A \r\n# ALTERNATIVE NAME 2: B\r\n"
                       "2: 1, 2 \r\n\r\n1: 2\r\n";
    expect_same_profile(parse(lf, file_format::soi), parse(crlf, file_format::soi), true);
    profile b = parse("2 1\r\n1 1 2 0  \r\n\r\n0\r\n\"A\"\r\n\"B\"\r\n\"T\"", file_format::blt);
    EXPECT_EQ(b.candidate_name(1), "B");
    EXPECT_EQ(b.title, "T");
    profile d = parse("Option 1: X\r\nOption 2: Y\r\nV: 21 \r\nV: 1-", file_format::debian);
    EXPECT_EQ(d.candidate_name(1), "Y");
    EXPECT_EQ(d.total_count(), 2);
}

TEST(Readers, MultiplicityLimitIsTwoToThe63MinusOne) {
    const std::string head =
        "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n";
    profile p = parse(head + "9223372036854775807: 1,2\n", file_format::soi);
    EXPECT_EQ(p.total_count(), big_int("9223372036854775807"));
    EXPECT_EQ(code_of(head + "9223372036854775808: 1,2\n", file_format::soi), errc::overflow);
    EXPECT_EQ(code_of(head + "99999999999999999999999: 1,2\n", file_format::soi), errc::overflow);
    // Two lines of the same order whose sum overflows one ballot's multiplicity.
    EXPECT_EQ(code_of(head + "9223372036854775807: 1,2\n1: 1,2\n", file_format::soi), errc::overflow);
    // Different orders may together exceed 2^63: the total is exact.
    profile q = parse(head + "9223372036854775807: 1,2\n9223372036854775807: 2,1\n", file_format::soi);
    EXPECT_EQ(q.total_count(), big_int("18446744073709551614"));
    EXPECT_EQ(code_of("2 1\n9223372036854775808 1 0\n0\n\"A\" \"B\" \"t\"\n", file_format::blt),
              errc::overflow);
    EXPECT_EQ(code_of("2 1\n9223372036854775808.0 1 0\n0\n\"A\" \"B\" \"t\"\n", file_format::blt),
              errc::overflow);
}

// ---- lenient mode -----------------------------------------------------------------------------

TEST(Readers, LenientSkipsMalformedBallotLinesAndReportsThem) {
    const std::string head = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 9\n"
                             "# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n";
    const std::string text = head + "2: 1,2\nx: 1\n3: 1,7\n4: 2\n";
    EXPECT_EQ(code_of(text, file_format::soi), errc::parse);
    read_report rep;
    profile p = parse(text, file_format::soi, &rep, true);
    EXPECT_EQ(p.total_count(), 6);
    ASSERT_EQ(rep.skipped.size(), 2u);
    EXPECT_EQ(rep.skipped[0].line, 7u);
    EXPECT_EQ(rep.skipped[1].line, 8u);
    EXPECT_NE(rep.skipped[1].reason.find("out of range"), std::string::npos);

    read_report brep;
    profile b = parse("3 1\n1 1 2 0\n1 4 0\n2 2 2 0\n1 3 0\n0\n\"A\" \"B\" \"C\" \"t\"\n", file_format::blt,
                      &brep, true);
    EXPECT_EQ(b.total_count(), 2);
    ASSERT_EQ(brep.skipped.size(), 2u);
    EXPECT_EQ(brep.skipped[0].line, 3u);
    EXPECT_EQ(brep.skipped[1].line, 4u);

    read_report drep;
    profile d = parse("V: 12\nV: 1x\nV: 123\nV: -1\n", file_format::debian, &drep, true);
    EXPECT_EQ(d.total_count(), 2);
    ASSERT_EQ(drep.skipped.size(), 2u);
    EXPECT_EQ(drep.skipped[0].line, 2u);
    EXPECT_EQ(drep.skipped[1].line, 3u);
}

TEST(Readers, LenientNeverExcusesABadHeader) {
    EXPECT_EQ(code_of("# NUMBER ALTERNATIVES: x\n", file_format::soi, true), errc::parse);
    EXPECT_EQ(code_of("2 x\n0\n\"A\" \"B\" \"t\"\n", file_format::blt, true), errc::parse);
}

// ---- writers ----------------------------------------------------------------------------------

TEST(Writers, PreflibRoundTripsRealFiles) {
    ACCORD_SHARED_FILE(dir, "preflib");
    const char* files[] = {
        "00005 - burlington/00005-00000002.toi", "00005 - burlington/00005-00000002.toc",
        "00001 - irish/00001-00000002.soi",      "00026 - frenchapproval/00026-00000003.cat",
        "00007 - ers/00007-00000005.soi",        "00028 - apa/00028-00000001.soc"};
    int done = 0;
    for (const char* rel : files) {
        if (!fs::exists(dir / rel)) continue;
        SCOPED_TRACE(rel);
        profile p = read_profile(dir / rel);
        const file_format f = parse_format(p.source_format);
        expect_same_profile(p, round_trip(p, f, rel), true);
        ++done;
    }
    EXPECT_GE(done, 5);
}

TEST(Writers, BltRoundTripsRealFiles) {
    ACCORD_SHARED_FILE(dir, "blt");
    for (const auto& f : files_under(dir, {".blt"})) {
        SCOPED_TRACE(f.string());
        profile p = read_profile(f);
        profile q = round_trip(p, file_format::blt, f.string());
        expect_same_profile(p, q, true);
        EXPECT_EQ(p.seats, q.seats);
    }
}

TEST(Writers, DebianRoundTripsRealTally) {
    ACCORD_SHARED_FILE(path, "condorcet/condorcet_php_tests/DebianData/leader2006_tally.txt");
    read_options opt;
    opt.format = file_format::debian;
    profile p = read_profile(path, opt);
    expect_same_profile(p, round_trip(p, file_format::debian, "x"), false);
}

TEST(Writers, BltRoundTripsExactFractionalWeights) {
    profile p({"A", "B", "C"});
    std::vector<cand_t> o{0, 2};
    p.add_order(o, 1, rational(1, 3));
    p.add_order(o, 1, rational(5, 4));
    p.add_ranking({{1, 2}, {0}}, 7);
    p.title = "weights";
    std::ostringstream out;
    write_profile(out, p, file_format::blt);
    EXPECT_NE(out.str().find("1.25 1 3 0"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("1/3 1 3 0"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("7 2=3 1 0"), std::string::npos) << out.str();
    expect_same_profile(p, round_trip(p, file_format::blt, "w"), true);
}

TEST(Writers, BltWritesALinesValueAsCountTimesWeight) {
    // Found by fuzz_blt: two identical "1.4 ..." lines merge into 2 voters of weight 7/5, which
    // BLT can only write as one line of value 2.8. Reading it back keeps the total weight
    // (what every count uses) but not the split into voters (docs/formats.md).
    profile p = parse("3 1\n1.4 1 2 0\n1.4 1 2 0\n0\n\"A\" \"B\" \"C\" \"t\"\n", file_format::blt);
    ASSERT_EQ(p.unique_count(), 1u);
    EXPECT_EQ(p.ballot(0).count, 2u);
    std::ostringstream out;
    write_profile(out, p, file_format::blt);
    EXPECT_NE(out.str().find("\n2.8 1 2 0\n"), std::string::npos) << out.str();
    profile q = round_trip(p, file_format::blt, "w");
    EXPECT_EQ(q.total_weight(), p.total_weight());
    EXPECT_EQ(q.ballot(0).count, 1u);
    EXPECT_EQ(*q.ballot(0).weight, rational(14, 5));
}

TEST(Writers, RefuseWhatAFormatCannotHold) {
    profile ties({"A", "B", "C"});
    ties.add_ranking({{0, 1}, {2}}, 2);
    std::ostringstream out;
    auto code = [&](const profile& p, file_format f) {
        try {
            write_profile(out, p, f);
        } catch (const error& e) {
            return e.code();
        }
        return errc::ok;
    };
    EXPECT_EQ(code(ties, file_format::soi), errc::unsupported);
    EXPECT_EQ(code(ties, file_format::soc), errc::unsupported);
    EXPECT_EQ(code(ties, file_format::toc), errc::ok);
    EXPECT_EQ(code(ties, file_format::cat), errc::unsupported);

    profile partial({"A", "B", "C"});
    std::vector<cand_t> o{1};
    partial.add_order(o);
    EXPECT_EQ(code(partial, file_format::toc), errc::unsupported);
    EXPECT_EQ(code(partial, file_format::soi), errc::ok);

    profile weighted({"A", "B"});
    weighted.add_order(o = {0}, 1, rational(1, 2));
    EXPECT_EQ(code(weighted, file_format::toi), errc::unsupported);
    EXPECT_EQ(code(weighted, file_format::debian), errc::unsupported);
    EXPECT_EQ(code(weighted, file_format::blt), errc::ok);

    profile approval({"A", "B"}, ballot_kind::approval);
    approval.add_approval(o = {1}, 3);
    EXPECT_EQ(code(approval, file_format::blt), errc::unsupported);
    EXPECT_EQ(code(approval, file_format::toi), errc::unsupported);
    EXPECT_EQ(code(approval, file_format::cat), errc::ok);
    expect_same_profile(approval, round_trip(approval, file_format::cat, "a"), true);

    profile quote({"A \"Al\" B", "C"});
    EXPECT_EQ(code(quote, file_format::blt), errc::unsupported);

    profile skipped({"A", "B"});
    mark m[] = {{0, 1}, {1, 3}};
    skipped.add(m);
    EXPECT_EQ(code(skipped, file_format::toi), errc::unsupported);
    EXPECT_EQ(code(skipped, file_format::debian), errc::unsupported);
    expect_same_profile(skipped, round_trip(skipped, file_format::blt, "s"), false);
}

TEST(Writers, EveryPreflibFormatRoundTripsASmallProfile) {
    profile p({"Ann", "Bo", "Cy"});
    p.title = "small";
    std::vector<cand_t> a{0, 1, 2}, b{2, 0, 1};
    p.add_order(a, 4);
    p.add_order(b, 1);
    for (auto f : {file_format::soc, file_format::soi, file_format::toc, file_format::toi})
        expect_same_profile(p, round_trip(p, f, "small"), true);
    expect_same_profile(p, round_trip(p, file_format::debian, "small"), false);
    expect_same_profile(p, round_trip(p, file_format::blt, "small"), true);
}

TEST(Readers, DetectsFormatsFromNameAndContent) {
    EXPECT_EQ(detect_format("x.HIL", ""), file_format::blt);
    EXPECT_EQ(detect_format("x.debian_votes", ""), file_format::debian);
    EXPECT_EQ(detect_format("tally.txt", "\n  Option 1: A\nV: 1-\n"), file_format::debian);
    EXPECT_EQ(detect_format("x.txt", "# FILE NAME: x\n# DATA TYPE: soc\n"), file_format::soc);
    EXPECT_EQ(detect_format("x.txt", "3 1\n1 2 0\n"), file_format::blt);
}

TEST(CdfJson, NumberTooLargeForJsonIsAParseErrorNotAStrayException) {
    // Found by fuzzing (replay of fuzz_cdf): nlohmann's out_of_range for a huge number escaped
    // the reader as a non-accord exception.
    read_options o;
    o.format = file_format::cdf_json;
    try {
        (void)read_profile_text("9999999999e9999999999901\"t\"\n", "huge.json", o);
        FAIL() << "accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::parse);
        EXPECT_NE(std::string(e.what()).find("huge.json"), std::string::npos) << e.what();
    }
    EXPECT_THROW(run(profile({"A", "B"}), "irv", "[1e99999999999]"), error);
}

namespace {
// A CDF document with candidates A, B, C, one contest, and one CVR per ranking (candidate
// indices, first choice first); `cvr_first` puts "CVR" before "Election", as RCTab writes it.
std::string cdf_doc(const std::vector<std::vector<int>>& rankings, bool cvr_first,
                    const std::string& tail = "") {
    std::string election =
        R"("Election":[{"@id":"e","Candidate":[{"@id":"a","Name":"A"},{"@id":"b","Name":"B"},)"
        R"({"@id":"c","Name":"C"}],"Contest":[{"@id":"k","Name":"Mayor","ContestSelection":[)"
        R"({"@id":"sa","CandidateIds":["a"]},{"@id":"sb","CandidateIds":["b"]},)"
        R"({"@id":"sc","CandidateIds":["c"]}]}]}])";
    std::string cvrs = "\"CVR\":[";
    for (std::size_t i = 0; i < rankings.size(); ++i) {
        cvrs += std::string(i ? "," : "") +
                R"({"CVRSnapshot":[{"CVRContest":[{"ContestId":"k","CVRContestSelection":[)";
        for (std::size_t r = 0; r < rankings[i].size(); ++r)
            cvrs += std::string(r ? "," : "") + R"({"ContestSelectionId":"s)" +
                    std::string(1, rankings[i][r] < 0 ? 'x' : char('a' + rankings[i][r])) +
                    R"(","SelectionPosition":[{"Rank":)" + std::to_string(r + 1) + "}]}";
        cvrs += "]}]}]}";
    }
    cvrs += "]";
    return "{" + (cvr_first ? cvrs + "," + election : election + "," + cvrs) + tail + "}";
}

profile read_cdf(const std::string& text, bool lenient = false) {
    read_options o;
    o.format = file_format::cdf_json;
    o.lenient = lenient;
    return read_profile_text(text, "doc.json", o);
}

std::string cdf_error(const std::string& text) {
    try {
        (void)read_cdf(text);
    } catch (const error& e) {
        return e.what();
    }
    return "(read)";
}
} // namespace

TEST(CdfJson, RecordsBeforeOrAfterTheElectionReadTheSameBallots) {
    const std::vector<std::vector<int>> r{{0, 1}, {2}, {0, 1}, {1, 2, 0}};
    const profile before = read_cdf(cdf_doc(r, true)), after = read_cdf(cdf_doc(r, false));
    ASSERT_EQ(before.unique_count(), 3u);
    EXPECT_EQ(before.total_count(), 4);
    EXPECT_EQ(before.candidate_names(), (std::vector<std::string>{"A", "B", "C"}));
    for (const profile* p : {&before, &after}) EXPECT_EQ(run(*p, "irv").winners, std::vector<cand_t>{0});
    expect_same_profile(before, after, true);
}

TEST(CdfJson, ARepeatedCvrKeyKeepsItsLastValueAsAJsonTreeDoes) {
    // Two "CVR" keys: a tree keeps the last, so the streamed reader counts only its records.
    std::string doc = cdf_doc({{1}, {1}, {1}}, true);
    doc.insert(1, R"("CVR":[{"CVRSnapshot":[]},{"CVRSnapshot":[]}],)"); // an earlier CVR array: dropped
    const profile p = read_cdf(doc);
    EXPECT_EQ(p.total_count(), 3);
    EXPECT_EQ(run(p, "plurality").winners, std::vector<cand_t>{1});
    // The last "CVR" an object, not an array: read as the tree reads it (its values are records).
    std::string as_object = cdf_doc({{0}}, false, R"(,"CVR":{"x":{"CVRSnapshot":[{"CVRContest":[]}]}})");
    EXPECT_EQ(read_cdf(as_object).total_count(), 1);
    EXPECT_EQ(read_cdf(as_object).unique_count(), 1u);
}

TEST(CdfJson, RefusalsComeInTheOrderOfReadingTheWholeTree) {
    // The third record names an unknown selection; it is named by its number.
    const std::string bad = cdf_doc({{0}, {1}, {-1}, {2}}, true);
    EXPECT_NE(cdf_error(bad).find("CVR 3: unknown ContestSelectionId \"sx\""), std::string::npos)
        << cdf_error(bad);
    // A JSON error after that record still wins: the document is not JSON before it is a bad CDF.
    const std::string broken = bad.substr(0, bad.size() - 1) + ",}";
    EXPECT_NE(cdf_error(broken).find("not valid JSON"), std::string::npos) << cdf_error(broken);
    // So does the election: an election with no candidates is refused before any record.
    std::string no_candidates = bad;
    const auto at = no_candidates.find(R"("Candidate":[)");
    no_candidates.replace(at, no_candidates.find(R"(],"Contest")") - at + 1, R"("Candidate":[])");
    EXPECT_NE(cdf_error(no_candidates).find("Election has no candidates"), std::string::npos)
        << cdf_error(no_candidates);
    // Lenient reading skips nothing it cannot (an unknown selection is not a ballot fault).
    EXPECT_THROW((void)read_cdf(bad, true), error);
}

// Pabulib (format "pabulib"; tests/pabulib_test.cpp checks the files against their own columns).
TEST(Readers, EveryPabulibFileReadsByExtensionAndByContent) {
    for (const auto& e : fs::directory_iterator(accord_test::fixture("pabulib"))) {
        if (e.path().extension() != ".pb") continue;
        SCOPED_TRACE(e.path().filename().string());
        read_report rep;
        const profile p = read_profile(e.path(), {}, &rep);
        EXPECT_EQ(rep.format, parse_format("pabulib"));
        EXPECT_EQ(p.costs.size(), p.candidate_count());
        EXPECT_TRUE(p.budget.has_value());
        std::ifstream in(e.path(), std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(detect_format("upload", text), file_format::pabulib);
    }
}
