// Nothing an input or the system does may kill the host: deep JSON, thread limits, GMP running
// out of memory; errors name the problem in a short line; outputs never destroy data (issue 14).
#include "accord/analysis/generate.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/analysis/monte_carlo.hpp"
#include "accord/detail/safety.hpp"
#include "accord/io/read.hpp"
#include "accord/number.hpp"
#include "accord/organisation.hpp"
#include "accord/power.hpp"
#include "accord/registry.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace accord;
namespace fs = std::filesystem;

namespace {

std::string nested(std::size_t depth, const std::string& inner = "1") {
    return std::string(depth, '[') + inner + std::string(depth, ']');
}

profile three() {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 3);
    p.add_order(std::vector<cand_t>{1, 0, 2}, 2);
    return p;
}

errc code_of(const std::function<void()>& f, std::string* what = nullptr) {
    try {
        f();
    } catch (const error& e) {
        if (what) *what = e.what();
        return e.code();
    }
    return errc::ok;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(DeepJson, RuleOptionsNestedADepthBeyondTheLimitAreRefusedNotAStackOverflow) {
    std::string what;
    // 200,000 levels where a tie-break string is expected: dumping it into the message used to
    // recurse once per level and overflow the stack.
    const auto code =
        code_of([&] { run(three(), "irv", "{\"tie_break\": " + nested(200000, "\"x\"") + "}"); }, &what);
    EXPECT_EQ(code, errc::invalid);
    EXPECT_NE(what.find("irv: options nests arrays and objects deeper than 64 levels"), std::string::npos)
        << what;
    EXPECT_LT(what.size(), 200u);
}

TEST(DeepJson, NestingWithinTheLimitIsStillReadAndQuotedShortly) {
    std::string what;
    const auto code = code_of([&] { run(three(), "irv", "{\"tie_break\": " + nested(60) + "}"); }, &what);
    EXPECT_EQ(code, errc::invalid);
    EXPECT_NE(what.find("tie_break"), std::string::npos) << what;
    EXPECT_NE(what.find("an array of 1 value"), std::string::npos) << what;
    EXPECT_LT(what.size(), 200u);
}

TEST(DeepJson, CdfDocumentNestedTooDeepIsAParseErrorNamingTheFile) {
    std::string what;
    const auto code = code_of(
        [&] {
            read_options o;
            o.format = file_format::cdf_json;
            read_profile_text(
                "{\"Election\": [{\"Candidate\": [{\"@id\": \"c1\", \"Name\": " + nested(100000) + "}]}]}",
                "deep.json", o);
        },
        &what);
    EXPECT_EQ(code, errc::parse);
    // The location is the byte where the 65th level opens: 5 levels before "Name", 60 of its own.
    const std::string head = R"({"Election": [{"Candidate": [{"@id": "c1", "Name": )";
    const std::string at = std::to_string(head.size() + 60);
    EXPECT_EQ(what.rfind("deep.json:1:" + at +
                             ": CDF document nests arrays and objects deeper than 64 levels (at byte " + at +
                             ")",
                         0),
              0u)
        << what;
}

TEST(DeepJson, BracketsInsideStringsDoNotCount) {
    EXPECT_NO_THROW(detail::parse_json("{\"name\": \"" + std::string(1000, '[') + "\"}", "x"));
}

TEST(ErrorText, LongValuesAreQuotedAsShortExcerpts) {
    EXPECT_EQ(detail::json_excerpt(nlohmann::json(std::string(60000, 'x'))).size(), 40u + 2 + 3);
    EXPECT_EQ(detail::json_excerpt(nlohmann::json::parse(nested(3))), "an array of 1 value");
    EXPECT_EQ(detail::text_excerpt("a\x1b[31mb\xff"), "a\\x1B[31mb\\xFF");
    EXPECT_EQ(detail::text_excerpt("a\u202Eb\u200Bc"), "a\\u202Eb\\u200Bc");
    std::string what;
    code_of([&] { run(three(), "irv", "{\"tie_break\": " + std::string(36000, '9') + "}"); }, &what);
    EXPECT_LT(what.size(), 200u) << what;
}

TEST(ErrorText, InternalExceptionsAreNamedNotQuoted) {
    const auto named = [](auto ex) {
        const auto [code, msg] = detail::describe_exception(std::make_exception_ptr(ex));
        return std::make_pair(code, msg);
    };
    EXPECT_EQ(named(std::bad_alloc()).first, errc::nomem);
    EXPECT_EQ(named(std::bad_alloc()).second.find("bad_alloc"), std::string::npos);
    EXPECT_EQ(named(std::length_error("vector::reserve")).first, errc::nomem);
    EXPECT_EQ(named(std::length_error("vector::reserve")).second.find("vector::reserve"), std::string::npos);
    const auto div = named(std::overflow_error("Division by zero."));
    EXPECT_EQ(div.first, errc::invalid);
    EXPECT_EQ(div.second.find("Division by zero."), std::string::npos);
    EXPECT_NE(div.second.find("divides by zero"), std::string::npos);
    try {
        (void)nlohmann::json(std::string("bad \xff")).dump();
        FAIL();
    } catch (...) {
        const auto [code, msg] = detail::describe_exception(std::current_exception());
        EXPECT_EQ(code, errc::invalid);
        EXPECT_EQ(msg, "output holds text that is not valid UTF-8");
    }
}

TEST(Threads, MonteCarloCarriesOnWhenTheSystemRefusesThreads) {
    for (bool with_progress : {false, true}) {
        detail::fail_thread_starts_after(1); // one helper starts, the next is refused
        monte_carlo_options o;
        o.samples = 64 * 20;
        o.threads = 4;
        if (with_progress) o.progress = [](std::size_t, std::size_t) { return true; };
        std::vector<std::uint64_t> sums(sample_block_count(o.samples));
        EXPECT_NO_THROW(run_sample_blocks(o, [&](std::size_t b, std::size_t first, std::size_t last,
                                                 const std::atomic<bool>&) { sums[b] = last - first; }));
        detail::fail_thread_starts_after(-1);
        std::uint64_t total = 0;
        for (auto s : sums) total += s;
        EXPECT_EQ(total, o.samples);
    }
}

TEST(Threads, MonteCarloRunsOnTheCallingThreadWhenNoThreadCanStart) {
    detail::fail_thread_starts_after(0);
    monte_carlo_options o;
    o.samples = 640;
    o.threads = 8;
    o.progress = [](std::size_t, std::size_t) { return true; };
    std::atomic<std::size_t> done{0};
    EXPECT_NO_THROW(run_sample_blocks(o, [&](std::size_t, std::size_t first, std::size_t last,
                                             const std::atomic<bool>&) { done += last - first; }));
    detail::fail_thread_starts_after(-1);
    EXPECT_EQ(done.load(), 640u);
}

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST(Gmp, RunningOutOfMemoryThrowsBadAllocInsteadOfAborting) {
    // In a child process under a 512 MiB address-space limit, a 2 GiB GMP number: GMP's default
    // allocator prints "GNU MP: Cannot allocate memory" and aborts; accord's throws.
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        rlimit lim{512ull << 20, 512ull << 20};
        setrlimit(RLIMIT_AS, &lim);
        try {
            big_int x = 1;
            x <<= (std::uint64_t{16} << 30);
            _exit(3); // the allocation succeeded: the limit did not apply
        } catch (const std::bad_alloc&) {
            // the host survives and can go on computing
            big_int y = 12345;
            y *= y;
            _exit(y == 152399025 ? 0 : 4);
        } catch (...) {
            _exit(5);
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "child died of signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    EXPECT_EQ(WEXITSTATUS(status), 0);
}
#endif

TEST(AtomicWrite, AFailedWriteLeavesTheExistingFileUntouchedAndNoTemporaryFile) {
    const fs::path dir = fs::temp_directory_path() / ("accord_atomic_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path target = dir / "out.soi";
    { std::ofstream(target) << "precious"; }
    EXPECT_EQ(code_of([&] {
                  detail::write_file_atomically(target.string(), [](std::ostream& o) {
                      o << "half";
                      throw error(errc::unsupported, "the writer refuses");
                  });
              }),
              errc::unsupported);
    EXPECT_EQ(slurp(target), "precious");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    detail::write_file_atomically(target.string(), [](std::ostream& o) { o << "new"; });
    EXPECT_EQ(slurp(target), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

TEST(AtomicWrite, AMissingFolderIsAnIoErrorNamingThePath) {
    std::string what;
    EXPECT_EQ(
        code_of([&] { detail::write_file_atomically("/nonexistent/dir/out.soi", [](std::ostream&) {}); },
                &what),
        errc::io);
    EXPECT_NE(what.find("/nonexistent/dir/out.soi"), std::string::npos) << what;
}

TEST(MemoryBudget, AnEstimateAboveTheBudgetIsRefusedNamingTheOption) {
    std::string what;
    EXPECT_EQ(
        code_of([&] { detail::check_memory(80e9L, "the pairwise matrix of 100000 candidates", 1ull << 30); },
                &what),
        errc::nomem);
    EXPECT_NE(what.find("the pairwise matrix of 100000 candidates needs about 74.5 GiB"), std::string::npos)
        << what;
    EXPECT_NE(what.find("ACCORD_MAX_MEMORY"), std::string::npos) << what;
    EXPECT_NO_THROW(detail::check_memory(1e6L, "small", 1ull << 30));
}

TEST(Names, HiddenCharactersCanBeAllowedAndAreCountedButControlCharactersNever) {
    const auto before = detail::hidden_names_accepted();
    detail::set_hidden_characters(detail::hidden_characters::allow);
    EXPECT_NO_THROW(profile({"A",
                             "B\u202E"
                             "C",
                             "A\u200B"}));
    EXPECT_EQ(detail::hidden_names_accepted() - before, 2u); // one per name, not per character
    std::string what;
    EXPECT_EQ(code_of([&] { profile({"A", "\x1b[2J"}); }, &what), errc::invalid);
    EXPECT_NE(what.find("control character"), std::string::npos) << what;
    detail::reset_hidden_characters();
    EXPECT_EQ(code_of([&] { profile({"A", "A\u200B"}); }, &what), errc::invalid);
    EXPECT_NE(what.find("ACCORD_HIDDEN_CHARACTERS=allow"), std::string::npos) << what;
    EXPECT_EQ(detail::hidden_names_accepted() - before, 2u);
}

TEST(Names, BidiOverridesInvisibleAndControlCharactersAreRefusedEverywhere) {
    std::string what;
    EXPECT_EQ(code_of(
                  [&] {
                      profile({"A", "B\u202E"
                                    "C"});
                  },
                  &what),
              errc::invalid);
    EXPECT_NE(what.find("candidate 2 name"), std::string::npos) << what;
    EXPECT_NE(what.find("bidirectional control U+202E"), std::string::npos) << what;
    EXPECT_EQ(code_of([&] { profile({"A", "A\u200B"}); }, &what), errc::invalid);
    EXPECT_NE(what.find("invisible character U+200B"), std::string::npos) << what;
    EXPECT_EQ(code_of([&] { profile({"A", "\x1b[2J"}); }, &what), errc::invalid);
    EXPECT_NE(what.find("'\\x1B[2J' contains a control character"), std::string::npos) << what;
    EXPECT_EQ(what.find('\x1b'), std::string::npos) << "no raw escape sequence reaches the terminal";
    // Ordinary scripts, joiners and marks stay allowed.
    EXPECT_NO_THROW(profile({"Zoë", "علي\u200F", "क्\u200Dष", "Tab\there"}));
    // Readers name the line.
    EXPECT_EQ(code_of(
                  [&] {
                      read_profile_text("# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE "
                                        "NAME 2: B\u2066x\n1: 1,2\n",
                                        "bidi.soi");
                  },
                  &what),
              errc::parse);
    EXPECT_EQ(what.rfind("bidi.soi:3:", 0), 0u) << what;
}

TEST(Crashes, CdfMembersOfTheWrongTypeAreParseErrorsNotLibraryExceptions) {
    // libFuzzer (fuzz_cdf, 25 s): an element that is not an object, or an optional member that is
    // not a string, escaped as nlohmann's type_error (std::terminate in the fuzzer) instead of
    // an accord::error naming it. The fuzzer's input is kept as a seed
    // (fuzz/seeds/fuzz_cdf/fuzz_crash_value_on_non_object.json).
    read_options o;
    o.format = file_format::cdf_json;
    const std::string head = "{\"Election\": [{\"Candidate\": [{\"@id\": \"c1\", \"Name\": \"Ann\"}], "
                             "\"Contest\": [";
    for (const auto& [contest_text, needle] : std::vector<std::pair<std::string, std::string>>{
             {"7", "Contest: expected an object, got 7"},
             {"{\"@id\": 5}", "Contest @id: expected a string, got 5"}}) {
        // A named copy: Clang 14 cannot capture a structured binding in a lambda.
        const std::string contest = contest_text;
        std::string what;
        EXPECT_EQ(
            code_of([&] { read_profile_text(head + contest + "]}], \"CVR\": []}", "bad.json", o); }, &what),
            errc::parse);
        EXPECT_NE(what.find(needle), std::string::npos) << what;
    }
    std::ifstream in(std::filesystem::path(ACCORD_SOURCE_DIR) /
                         "fuzz/seeds/fuzz_cdf/fuzz_crash_value_on_non_object.json",
                     std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(text.empty());
    for (bool lenient : {false, true}) {
        o.lenient = lenient;
        try {
            (void)read_profile_text(text, "fuzz.json", o);
        } catch (const error&) {
        } // any other exception fails the test
    }
}

TEST(Crashes, ARankBeyondTheCandidateColumnsIsRefusedNotPaddedOutByTheWriter) {
    // libFuzzer (fuzz_csv, niced 20-minute run): "rank0001403392751" in a candidate column was
    // read as rank 1,403,392,751, and writing the profile back as rank columns padded every row
    // out to that many cells until the process ran out of memory.
    read_options o;
    o.format = file_format::csv;
    std::string what;
    EXPECT_EQ(code_of([&] { read_profile_text("A,B*C,2,0\n\n1,rank0001403392751", "f.csv", o); }, &what),
              errc::parse);
    EXPECT_NE(what.find("pass --candidate-columns or --rank-columns"), std::string::npos) << what;
    o.csv.layout = csv_options::layout_t::candidate_columns;
    EXPECT_EQ(code_of([&] { read_profile_text("A,B\n1,3\n", "f.csv", o); }, &what), errc::parse);
    EXPECT_NE(what.find("f.csv:2:3: column 'B': rank '3' is more than the 2 candidate columns"),
              std::string::npos)
        << what;
    // A rank within the candidates, gaps and all, is still read.
    const auto p = read_profile_text("A,B,C\n1,3,\n", "f.csv", o);
    ASSERT_EQ(p.unique_count(), 1u);
    EXPECT_EQ(p.ballot(0).marks.back().value, 3);
}

TEST(SilentChanges, CdfCandidatesSharingANameAreRefusedNotPooled) {
    std::string what;
    read_options o;
    o.format = file_format::cdf_json;
    EXPECT_EQ(code_of(
                  [&] {
                      read_profile_text(
                          "{\"Election\": [{\"Candidate\": [{\"@id\": \"c1\", \"Name\": \"Smith\"}, "
                          "{\"@id\": \"c2\", \"Name\": \"Smith\"}], \"Contest\": []}]}",
                          "twins.json", o);
                  },
                  &what),
              errc::parse);
    EXPECT_NE(what.find("Candidates @id \"c1\" and @id \"c2\" have the same Name \"Smith\""),
              std::string::npos)
        << what;
}

TEST(SilentChanges, AhpItemsNamedTwiceAreRefused) {
    std::string what;
    EXPECT_EQ(
        code_of([&] { analyse_ahp("{\"items\": [\"x\", \"x\"], \"upper\": [3]}", "{}", nullptr); }, &what),
        errc::invalid);
    EXPECT_NE(what.find("option 'items': the name 'x' is given twice"), std::string::npos) << what;
}

TEST(Irv, SkippingRoundsWithoutTransfersKeepsThePreviousRoundsTieBreak) {
    // Z1 and Z2 have no votes and go first (no vote moves), C's vote then makes A and B tie on 4:
    // round 3 (A 4, B 3) separates them, and B goes, as when every round was consulted.
    profile p({"A", "B", "C", "Z1", "Z2"});
    p.add_order(std::vector<cand_t>{0}, 4);
    p.add_order(std::vector<cand_t>{1}, 3);
    p.add_order(std::vector<cand_t>{2, 1}, 1);
    const result r = run(p, "irv");
    ASSERT_EQ(r.winners, std::vector<cand_t>{0});
    ASSERT_EQ(r.rounds.size(), 5u);
    EXPECT_EQ(r.rounds[3].eliminated, std::vector<cand_t>{1});
    ASSERT_FALSE(r.ties.empty());
    EXPECT_EQ(r.ties.back().policy, "previous-rounds");
    EXPECT_EQ(r.ties.back().chosen, std::vector<cand_t>{1});
}

TEST(MemoryBudget, PairwiseRulesRefuseAMatrixAboveTheBudgetBeforeAllocating) {
    std::vector<std::string> names;
    for (int i = 0; i < 3000; ++i) names.push_back("c" + std::to_string(i));
    profile p(names);
    p.add_order(std::vector<cand_t>{0, 1}, 1);
    detail::set_memory_budget(1 << 20);
    std::string what;
    const auto code = code_of([&] { run(p, "schulze"); }, &what);
    detail::set_memory_budget(0);
    EXPECT_EQ(code, errc::nomem);
    EXPECT_NE(
        what.find("the pairwise matrix of 3000 candidates needs about 137.3 MiB of memory, above the memory "
                  "budget of 1.00 MiB"),
        std::string::npos)
        << what;
}

TEST(Sampling, DirichletWithATinyAlphaGivesSharesNotNaN) {
    random_source rs(7);
    const std::vector<double> alpha(5, 1e-5);
    for (int k = 0; k < 50; ++k) {
        const auto w = rs.dirichlet(alpha);
        double sum = 0;
        for (double x : w) {
            ASSERT_TRUE(std::isfinite(x));
            ASSERT_GE(x, 0.0);
            sum += x;
        }
        EXPECT_NEAR(sum, 1.0, 1e-12);
    }
}

TEST(Sampling, PlackettLuceStrengthsNear1e308DoNotOverflowTheirSum) {
    // Before: the sum was infinite, the draw never fell inside a strength, and the last
    // candidate (strength 1, against two of 1e308) came first on every ballot.
    const std::vector<double> strengths{1e308, 1e308, 1.0};
    const profile p = plackett_luce(strengths, 200, 3);
    const result r = run(p, "plurality");
    ASSERT_TRUE(r.scores[2].has_value());
    EXPECT_EQ(*r.scores[2], 0);
    EXPECT_GT(*r.scores[0], 50);
    EXPECT_GT(*r.scores[1], 50);
}

TEST(Threads, PowerProgrammeCarriesOnWhenTheSystemRefusesThreads) {
    // 80 players: counts beyond 64 bits, so several prime passes that would run on helpers.
    std::vector<std::uint64_t> w;
    for (int i = 0; i < 80; ++i) w.push_back(1 + i % 7);
    const auto g = make_weighted_game(150, w);
    power_options o;
    o.indices = index_banzhaf;
    o.method = power_method::dynamic_programming;
    const auto expected = power_indices(g, o);
    detail::fail_thread_starts_after(0);
    power_result got;
    EXPECT_NO_THROW(got = power_indices(g, o));
    detail::fail_thread_starts_after(-1);
    EXPECT_EQ(got.swings, expected.swings);
}

TEST(Names, OrganisationUnitNamesFollowThePolicyNamingTheLine) {
    std::string what;
    EXPECT_EQ(code_of(
                  [&] {
                      read_organisation_text(
                          "id,name,kind,parent,population\nN,North\x1b[31m,pcn,,\np1,P1,practice,N,300\n",
                          "org.csv");
                  },
                  &what),
              errc::parse);
    EXPECT_NE(what.find("org.csv:2"), std::string::npos) << what;
    EXPECT_NE(what.find("unit name contains a control character"), std::string::npos) << what;
}
