// accord/governance.hpp: constitutions (reading, checking, the bad-constitution catalogue),
// mandates, power in a body, votes through a constitution with roll-call and consensus figures
// checked by hand, and records that verify or name what changed.
#include "accord/governance.hpp"

#include "fixtures.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace accord;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

fs::path src() { return fs::path(ACCORD_SOURCE_DIR); }
fs::path place() { return src() / "tests" / "data" / "governance" / "place.json"; }

struct bad_constitution {
    const char* file;
    errc code;
    std::size_t line;
};

// tests/bad_inputs/constitution/: each file is tests/data/governance/place.json with one fault.
const bad_constitution k_bad_constitutions[] = {
    {"c_not_json.json", errc::parse, 4},
    {"c_unknown_key.json", errc::parse, 4},
    {"c_missing_version.json", errc::parse, 1},
    {"c_impossible_review_date.json", errc::parse, 5},
    {"c_unknown_sovereign.json", errc::invalid, 24},
    {"c_reserved_matter_delegated.json", errc::invalid, 32},
    {"c_delegation_cycle.json", errc::invalid, 34},
    {"c_non_delegable_passed_on.json", errc::invalid, 35},
    {"c_sub_delegation_without_right.json", errc::invalid, 33},
    {"c_category_delegated_twice.json", errc::invalid, 33},
    {"c_unknown_category.json", errc::invalid, 32},
    {"c_seat_represents_nothing.json", errc::invalid, 15},
    {"c_term_ends_before_start.json", errc::invalid, 15},
    {"c_member_not_a_practice.json", errc::parse, 9},
    {"c_members_and_seats.json", errc::parse, 19},
    {"c_unknown_voting_right.json", errc::parse, 17},
    {"c_two_casting_votes.json", errc::invalid, 13},
    {"c_negative_limit.json", errc::invalid, 33},
    {"c_organisation_missing.json", errc::io, 6},
    {"c_unknown_rule_preset.json", errc::parse, 28},
    {"c_body_defined_twice.json", errc::parse, 19},
    {"c_no_voting_seat.json", errc::invalid, 19},
    {"c_delegates_to_itself.json", errc::invalid, 34},
    {"c_limit_not_a_number.json", errc::parse, 32},
    {"c_nested_deep.json", errc::parse, 4}, // refused before parsing (freeing recurses per level)
};

fs::path bad_dir() { return src() / "tests" / "bad_inputs" / "constitution"; }

class BadConstitution : public ::testing::TestWithParam<bad_constitution> {};

json vote_invocation(const fs::path& constitution, const fs::path& ballots, const std::string& category) {
    return {{"command", "vote"},
            {"constitution", constitution.string()},
            {"ballots", ballots.string()},
            {"category", category}};
}

// A scratch copy of the place fixtures, so a test may change a byte.
fs::path scratch_copy(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("accord_governance_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "governance");
    fs::copy_file(src() / "tests/data/place_org.csv", dir / "place_org.csv");
    for (const char* f : {"place.json", "place_priorities.csv", "board_votes.csv"})
        fs::copy_file(src() / "tests/data/governance" / f, dir / "governance" / f);
    return dir;
}

} // namespace

TEST_P(BadConstitution, IsRefusedWithItsCodeFileAndLine) {
    const auto& c = GetParam();
    const fs::path path = bad_dir() / c.file;
    ASSERT_TRUE(fs::exists(path)) << path;
    try {
        read_constitution(path);
        FAIL() << c.file << " was accepted";
    } catch (const error& e) {
        EXPECT_EQ(errc_name(e.code()), std::string(errc_name(c.code))) << e.what();
        EXPECT_EQ(e.where().line, c.line) << e.what();
        const std::string what = e.what();
        EXPECT_NE(what.find(path.string() + ":" + std::to_string(c.line)), std::string::npos) << what;
    }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadConstitution, ::testing::ValuesIn(k_bad_constitutions),
                         accord_test::name_by_file{});

TEST(BadConstitutions, CatalogueListsEveryFileAndHasAtLeastFifteen) {
    std::set<std::string> listed;
    for (const auto& c : k_bad_constitutions) listed.insert(c.file);
    EXPECT_EQ(listed.size(), std::size(k_bad_constitutions));
    EXPECT_GE(listed.size(), 15u);
    for (const auto& e : fs::directory_iterator(bad_dir()))
        EXPECT_TRUE(listed.count(e.path().filename().string())) << "no row for " << e.path().filename();
}

TEST(BadConstitutions, SemanticErrorsExplainThemselves) {
    const constitution c = read_constitution(bad_dir() / "c_delegation_cycle.json", false);
    const auto fs = check_constitution(c, "2026-01-15");
    ASSERT_FALSE(fs.empty());
    EXPECT_TRUE(fs.front().error);
    EXPECT_NE(fs.front().message.find("delegation cycle for 'spending': board -> exec -> board"),
              std::string::npos)
        << fs.front().message;
    const constitution r = read_constitution(bad_dir() / "c_reserved_matter_delegated.json", false);
    EXPECT_NE(check_constitution(r, "2026-01-15").front().message.find("reserved matter"), std::string::npos);
}

TEST(Constitution, PlaceFixtureReadsGroupingsBodiesAndSnapshot) {
    const constitution c = read_constitution(place());
    EXPECT_EQ(c.version, "2");
    ASSERT_TRUE(c.find_grouping("N"));
    EXPECT_EQ(c.find_grouping("N")->population, 45000u);
    EXPECT_EQ(c.find_grouping("fed")->members.size(), 5u);
    EXPECT_EQ(c.find_grouping("fed")->population, 52000u);
    EXPECT_EQ(c.find_body("board")->seats.size(), 4u);
    EXPECT_EQ(c.find_body("board")->seats[3].vote, voting_right::observer);
}

TEST(Constitution, CheckFlagsExpiredTermsSoonEndingTermsAndVacanciesAsWarnings) {
    const constitution c = read_constitution(place());
    const auto fs = check_constitution(c, "2026-01-15");
    std::vector<std::string> msgs;
    for (const auto& f : fs) {
        EXPECT_FALSE(f.error) << f.message;
        msgs.push_back(f.message);
    }
    ASSERT_EQ(msgs.size(), 3u);
    EXPECT_NE(msgs[0].find("seat 'north' of 'board': the term ends on 2026-03-31, within 90 days"),
              std::string::npos)
        << msgs[0];
    EXPECT_NE(msgs[1].find("the term ended on 2025-12-31"), std::string::npos) << msgs[1];
    EXPECT_NE(msgs[2].find("'deputy' of 'exec' is vacant"), std::string::npos) << msgs[2];
    // After the review date, the overdue review is flagged too.
    const auto later = check_constitution(c, "2026-07-01");
    EXPECT_TRUE(std::any_of(later.begin(), later.end(), [](const finding& f) {
        return f.message.find("due for review on 2026-06-30") != std::string::npos;
    }));
    const auto seats = seats_needing_attention(c, "2026-01-15");
    ASSERT_EQ(seats.size(), 3u);
    EXPECT_EQ(seats[1].seat, "fed");
    EXPECT_EQ(seats[1].status, "expired");
}

TEST(Mandate, ExecutiveDecidesSpendingUpToItsLimitAndTheChainSaysWhy) {
    const constitution c = read_constitution(place());
    const mandate_answer small = mandate(c, "exec", "spending", "2026-01-15", rational(15000));
    EXPECT_TRUE(small.allowed) << small.reason;
    EXPECT_EQ(small.rule.name, "unanimity");
    ASSERT_EQ(small.chain.size(), 3u);
    EXPECT_NE(small.chain[1].find(
                  "delegation 0: All practices (all) delegates 'spending' to Board (board), up to 100000"),
              std::string::npos)
        << small.chain[1];
    const mandate_answer mid = mandate(c, "exec", "spending", "2026-01-15", rational(50000));
    EXPECT_FALSE(mid.allowed);
    EXPECT_EQ(mid.decider, "board");
    EXPECT_NE(mid.chain.back().find("50000 is above it, so the matter stays with Board (board)"),
              std::string::npos)
        << mid.chain.back();
    const mandate_answer big = mandate(c, "board", "spending", "", rational(150000));
    EXPECT_EQ(big.decider, "all");
    EXPECT_EQ(big.rule.name, "double-majority");
    EXPECT_EQ(mandate(c, "all", "constitution").decider, "all");
    EXPECT_FALSE(mandate(c, "board", "constitution").allowed);
}

TEST(Mandate, ALapsedDelegationReturnsTheMatterToTheSovereign) {
    const constitution c = read_constitution(place());
    EXPECT_TRUE(mandate(c, "board", "representation", "2026-06-01").allowed);
    const mandate_answer m = mandate(c, "board", "representation", "2027-01-01");
    EXPECT_FALSE(m.allowed);
    EXPECT_EQ(m.decider, "all");
    EXPECT_THROW(mandate(c, "nobody", "spending"), error);
    EXPECT_THROW(mandate(c, "board", "nothing"), error);
}

TEST(Mandate, BoardPowerExcludesTheObserverAndSharesEqually) {
    const constitution c = read_constitution(place());
    const power_result r = body_power(c, "board", "representation");
    ASSERT_EQ(r.players.size(), 3u); // north, south, fed; the ICB observer is not a player
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(to_string(r.banzhaf.exact[i]), "1/3");
}

TEST(Vote, RankedVoteByAllPracticesHasHandCheckedTurnoutRollCallAndConsensus) {
    const json o = json::parse(evaluate_invocation(
        vote_invocation(place(), src() / "tests/data/governance/place_priorities.csv", "priorities").dump()));
    // Borda (2, 1, 0): A = 2+1+0+2 = 5, B = 1+2+2+1 = 6, C = 1: B > A > C.
    EXPECT_EQ(o["result"]["winners"], json::array({"B"}));
    EXPECT_EQ(o["body"]["id"], "all");
    EXPECT_EQ(o["turnout"]["units"], 4);
    EXPECT_EQ(o["turnout"]["eligible_units"], 5);
    EXPECT_EQ(o["turnout"]["population_share"], "49/52");
    EXPECT_EQ(o["missing"], json::array({"p5"}));
    EXPECT_EQ(o["quorum"]["units"]["met"], true);
    EXPECT_EQ(o["quorate"], true);
    const auto& rc = o["roll_call"];
    ASSERT_EQ(rc.size(), 4u);
    EXPECT_EQ(rc[0]["unit"], "p1");
    EXPECT_EQ(rc[0]["pcn"], "N");
    EXPECT_DOUBLE_EQ(rc[0]["winner_rank"].get<double>(), 2.0);
    EXPECT_NEAR(rc[0]["kendall_tau_b"].get<double>(), 1.0 / 3, 1e-12); // A>B>C against B>A>C
    EXPECT_NEAR(rc[1]["kendall_tau_b"].get<double>(), 1.0, 1e-12);
    const auto& k = o["consensus"];
    EXPECT_EQ(k["winner_first"], 2);
    EXPECT_EQ(k["winner_first_share"], "1/2");
    EXPECT_NEAR(k["mean_kendall_tau_b"].get<double>(), 0.5, 1e-12);
    EXPECT_EQ(k["population_winner_first_share"], "15/49"); // p2 + p3 = 15,000 of 49,000
    ASSERT_EQ(o["by_pcn"].size(), 2u);
    EXPECT_EQ(o["by_pcn"][0]["pcn"], "N");
    EXPECT_EQ(o["by_pcn"][0]["winner_first"], 2);
    EXPECT_EQ(o["by_pcn"][1]["winner_first"], 0);
}

TEST(Vote, MotionGoesToTheBodyTheAmountSendsItToWithARollCall) {
    json inv = vote_invocation(place(), src() / "tests/data/governance/board_votes.csv", "spending");
    inv["amount"] = "50000";
    const json o = json::parse(evaluate_invocation(inv.dump()));
    EXPECT_EQ(o["body"]["id"], "board"); // above the executive's 20,000
    EXPECT_EQ(o["decision"]["passed"], true);
    EXPECT_EQ(o["turnout"]["units"], 3);
    EXPECT_EQ(o["turnout"]["eligible_units"], 3); // the ICB observer is not eligible
    ASSERT_EQ(o["roll_call"].size(), 3u);
    EXPECT_EQ(o["roll_call"][1]["unit"], "south");
    EXPECT_EQ(o["roll_call"][1]["vote"], "no");
    EXPECT_EQ(o["consensus"]["units_with_outcome"], 2);
    EXPECT_EQ(o["consensus"]["units_with_outcome_share"], "2/3");
}

TEST(Vote, RefusesNonMembersObserversAndDuplicatesUnlessANamedRuleResolvesThem) {
    const fs::path dir = scratch_copy("eligibility");
    const fs::path c = dir / "governance/place.json";
    auto run_with = [&](const std::string& text, const std::string& dup = "refuse") {
        std::ofstream(dir / "votes.csv") << text;
        json inv = vote_invocation(c, dir / "votes.csv", "spending");
        inv["amount"] = "50000";
        inv["duplicates"] = dup;
        return json::parse(evaluate_invocation(inv.dump()));
    };
    EXPECT_THROW(run_with("unit,vote\nnorth,yes\nexec,yes\n"), error);  // not a member of the board
    EXPECT_THROW(run_with("unit,vote\nnorth,yes\nicb,yes\n"), error);   // an observer has no vote
    EXPECT_THROW(run_with("unit,vote\nnorth,yes\nnorth,yes\n"), error); // two returns
    const json once = run_with("unit,vote\nnorth,yes\nnorth,yes\nsouth,no\n", "identical-once");
    EXPECT_EQ(once["duplicate_returns"], json::array({"north"}));
    EXPECT_EQ(once["decision"]["votes"]["yes_units"], "1");
    EXPECT_THROW(run_with("unit,vote\nnorth,yes\nnorth,no\n", "identical-once"), error);
    EXPECT_EQ(run_with("unit,vote\nnorth,yes\n")["missing"], json::array({"south", "fed"}));
}

TEST(Vote, ARankedVoteBelowItsQuorumIsCountedButNotDecided) {
    const fs::path dir = scratch_copy("quorum");
    std::ofstream(dir / "two.csv") << "unit,rank1,rank2,rank3\np1,A,B,C\np2,B,A,C\n";
    const json o = json::parse(evaluate_invocation(
        vote_invocation(dir / "governance/place.json", dir / "two.csv", "priorities").dump()));
    EXPECT_EQ(o["quorum"]["units"]["have"], "2/5"); // needs 3/5
    EXPECT_EQ(o["quorum"]["units"]["met"], false);
    EXPECT_EQ(o["quorate"], false);
    EXPECT_EQ(o["decided"], false);
    EXPECT_EQ(o["missing"], json::array({"p3", "p4", "p5"}));
}

TEST(Vote, RankedDuplicatesAreRefusedOrCountedOnceWhenIdentical) {
    const fs::path dir = scratch_copy("ranked_duplicates");
    std::ofstream(dir / "same.csv") << "unit,rank1,rank2,rank3\np1,A,B,C\np1,A,B,C\np2,B,A,C\np3,B,C,A\n";
    std::ofstream(dir / "differ.csv") << "unit,rank1,rank2,rank3\np1,A,B,C\np1,C,B,A\np2,B,A,C\np3,B,C,A\n";
    json inv = vote_invocation(dir / "governance/place.json", dir / "same.csv", "priorities");
    EXPECT_THROW(evaluate_invocation(inv.dump()), error);
    inv["duplicates"] = "identical-once";
    const json o = json::parse(evaluate_invocation(inv.dump()));
    EXPECT_EQ(o["duplicate_returns"], json::array({"p1"}));
    EXPECT_EQ(o["turnout"]["units"], 3);
    EXPECT_EQ(o["consensus"]["ballots"], 3);
    inv["ballots"] = (dir / "differ.csv").string();
    EXPECT_THROW(evaluate_invocation(inv.dump()), error);
    inv["duplicates"] = "share";
    try {
        evaluate_invocation(inv.dump());
        FAIL() << "share was accepted for ranked returns";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
    }
}

TEST(Record, VerifyPassesOnAFreshRecordAndNamesAChangedFileOrAnEditedField) {
    const fs::path dir = scratch_copy("record");
    const json inv =
        vote_invocation(dir / "governance/place.json", dir / "governance/place_priorities.csv", "priorities");
    const std::string rec = make_record(inv.dump());
    const json r = json::parse(rec);
    EXPECT_EQ(r["record"], "accord-record/1");
    ASSERT_EQ(r["inputs"].size(), 3u);
    EXPECT_EQ(r["inputs"][0]["role"], "constitution");
    EXPECT_EQ(r["inputs"][1]["role"], "organisation");
    EXPECT_EQ(r["inputs"][0]["sha256"].get<std::string>().size(), 64u);
    EXPECT_TRUE(r["outcome"].contains("roll_call"));
    EXPECT_TRUE(r["outcome"].contains("consensus"));
    const fs::path path = dir / "record.json";
    write_text_file(path, rec);
    EXPECT_TRUE(verify_record(path).ok);

    // An edited number is named by its field.
    json edited = r;
    edited["outcome"]["turnout"]["units"] = 5;
    write_text_file(dir / "edited.json", edited.dump(2));
    const verify_report e = verify_record(dir / "edited.json");
    EXPECT_FALSE(e.ok);
    ASSERT_EQ(e.problems.size(), 1u);
    EXPECT_EQ(e.problems[0], "outcome.turnout.units: recorded 5, recount gives 4");

    // One changed byte of an input is named by its file.
    const fs::path ballots = dir / "governance/place_priorities.csv";
    std::string text;
    {
        std::ifstream in(ballots, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text[text.find("p4,A,B,C") + 5] = 'C';
    text[text.find("p4,A,C,C") + 7] = 'B';
    write_text_file(ballots, text);
    const verify_report b = verify_record(path);
    EXPECT_FALSE(b.ok);
    ASSERT_FALSE(b.problems.empty());
    EXPECT_NE(b.problems[0].find("input 'ballots' (" + ballots.string() + ") has changed"), std::string::npos)
        << b.problems[0];
}

TEST(Record, ABriefIsARecordThatStandsOnlyOnAVoteThatStands) {
    const fs::path dir = scratch_copy("brief_record");
    const json vote =
        vote_invocation(dir / "governance/place.json", dir / "governance/place_priorities.csv", "priorities");
    const fs::path vote_path = dir / "vote.json";
    write_text_file(vote_path, make_record(vote.dump()));
    const json inv = {{"command", "brief"}, {"record", vote_path.string()}, {"body", "board"}};
    const json r = json::parse(make_record(inv.dump()));
    ASSERT_EQ(r["inputs"].size(), 2u);
    EXPECT_EQ(r["inputs"][0]["role"], "vote record");
    EXPECT_EQ(r["inputs"][1]["role"], "constitution");
    EXPECT_EQ(r["outcome"]["voted_down"][0]["option"], "C");
    const fs::path path = dir / "brief.json";
    write_text_file(path, r.dump(2));
    const verify_report ok = verify_record(path);
    EXPECT_TRUE(ok.ok);
    EXPECT_NE(std::find(ok.checked.begin(), ok.checked.end(),
                        "the vote record stands: its inputs are unchanged and its recount matches"),
              ok.checked.end());
    // A changed ballot under the vote fails the brief, through the vote's record.
    const fs::path ballots = dir / "governance/place_priorities.csv";
    std::string text;
    {
        std::ifstream in(ballots, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.replace(text.find("p4,A,B,C"), 8, "p4,A,C,B");
    write_text_file(ballots, text);
    const verify_report bad = verify_record(path);
    EXPECT_FALSE(bad.ok);
    ASSERT_FALSE(bad.problems.empty());
    EXPECT_EQ(bad.problems[0].rfind("vote record: input 'ballots' (", 0), 0u) << bad.problems[0];
}

TEST(Record, Sha256OfAKnownStringMatchesTheStandardVector) {
    const fs::path p = fs::temp_directory_path() / "accord_sha_abc.txt";
    write_text_file(p, "abc");
    // FIPS 180-2, appendix B.1.
    EXPECT_EQ(sha256_file(p), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Record, DeclarationIsPlainLanguageHtmlWithTheRollCall) {
    const json inv =
        vote_invocation(place(), src() / "tests/data/governance/place_priorities.csv", "priorities");
    const std::string html = declaration_html(make_record(inv.dump()));
    EXPECT_NE(html.find("The first priority agreed is <b>B</b>"), std::string::npos);
    EXPECT_NE(html.find("4 of 5 members returned a vote (80.0%)"), std::string::npos);
    EXPECT_NE(html.find("No return from: p5"), std::string::npos);
    EXPECT_NE(html.find("accord verify"), std::string::npos);
}

TEST(Brief, CarriesTheAgreedOrderRedLinesLatitudeAndWhatGoesBack) {
    const json inv =
        vote_invocation(place(), src() / "tests/data/governance/place_priorities.csv", "priorities");
    const json b = json::parse(make_brief(
        make_record(inv.dump()), R"({"meeting": "ICB 3 Feb", "expires": "2026-03-31", "body": "board"})"));
    ASSERT_EQ(b["agreed_order"].size(), 3u);
    EXPECT_EQ(b["agreed_order"][0]["option"], "B");
    // C: bottom half (place 3 of 3) on p1, p2, p4 -> 3 of 4, a red line.
    ASSERT_EQ(b["voted_down"].size(), 1u);
    EXPECT_EQ(b["voted_down"][0]["option"], "C");
    EXPECT_EQ(b["voted_down"][0]["in_bottom_half"], 3);
    std::set<std::string> lat, back;
    for (const auto& l : b["latitude"]) lat.insert(l["category"]);
    for (const auto& l : b["refer_back"]) back.insert(l["category"]);
    EXPECT_EQ(lat, (std::set<std::string>{"spending", "representation"}));
    EXPECT_TRUE(back.count("constitution"));
    EXPECT_TRUE(back.count("priorities"));
    EXPECT_TRUE(back.count("spending")); // above 100000
}

TEST(Governance, HerefordshireExampleConstitutionIsValid) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    const constitution c = read_constitution(src() / "examples/governance/herefordshire.json");
    EXPECT_EQ(c.find_grouping("federation")->members.size(), 19u);
    EXPECT_EQ(c.find_grouping("federation")->population, 204771u);
    EXPECT_EQ(c.org.of_kind("pcn").size(), 5u);
    const json o = json::parse(
        evaluate_invocation(vote_invocation(src() / "examples/governance/herefordshire.json",
                                            src() / "examples/governance/priorities.csv", "priorities")
                                .dump()));
    EXPECT_EQ(o["organisation_snapshot"]["list_size_extract_date"], "2025-04-01");
    EXPECT_EQ(o["organisation_snapshot"]["mapping_extract_date"], "2025-10-01");
    EXPECT_EQ(o["turnout"]["units"], 17);
    EXPECT_EQ(o["missing"], json::array({"M81024", "M81600"}));
}
