// to_json() writes a result's JSON straight to text, without the nlohmann tree result_report()
// builds (issue 17: the tree was most of IRV's --json over 10,000 candidates). Both come from one
// description of the layout; these tests hold the text to the tree's own dump(), byte for byte,
// for every registered method, both indentations, names that need escaping and exact fractions.
#include "accord/detail/reports.hpp"
#include "accord/registry.hpp"
#include "accord/rules/irv.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace accord;

namespace {

void expect_text_is_tree_dump(const result& r, const std::string& what) {
    const auto tree = detail::result_report(r);
    for (int indent : {-1, 0, 2, 4})
        EXPECT_EQ(to_json(r, indent), tree.dump(indent)) << what << ", indent " << indent;
}

// Names a JSON writer must escape or pass through untouched, as the name policy lets them in:
// quotes, backslashes, a tab and UTF-8.
std::vector<std::string> awkward_names() {
    return {"Ann \"the\" Chair", "back\\slash", "tab\there", "Zoë Ó Dálaigh", "東京", "plain", "x/y", "<b>"};
}

profile ranked(std::mt19937_64& rng, bool weighted) {
    profile p(awkward_names());
    for (int b = 0; b < 60; ++b) {
        std::vector<cand_t> order;
        const std::size_t len = 1 + rng() % 5;
        while (order.size() < len) {
            const auto c = static_cast<cand_t>(rng() % 8);
            if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        }
        if (weighted)
            p.add_order(order, 1, rational(static_cast<std::int64_t>(1 + rng() % 5), 3));
        else
            p.add_order(order);
    }
    return p;
}

profile approvals(std::mt19937_64& rng) {
    profile p(awkward_names(), ballot_kind::approval);
    for (int b = 0; b < 60; ++b) {
        std::vector<cand_t> set;
        for (cand_t c = 0; c < 8; ++c)
            if (rng() % 3 == 0) set.push_back(c);
        p.add_approval(set);
    }
    return p;
}

} // namespace

TEST(ResultJson, TextIsTheTreesDumpForEveryMethodOnRankedAndApprovalBallots) {
    std::mt19937_64 rng(2026);
    const profile plain = ranked(rng, false), weighted = ranked(rng, true), approved = approvals(rng);
    int written = 0;
    for (const auto& m : methods()) {
        for (const profile* p : {&plain, &weighted, &approved}) {
            for (const char* options : {"{}", "{\"seats\":3}"}) {
                result r;
                try {
                    r = run(*p, m.name, options);
                } catch (const error&) {
                    continue; // a ballot kind or option the method does not take
                }
                expect_text_is_tree_dump(r, m.name + " " + options);
                ++written;
            }
        }
    }
    EXPECT_GT(written, 100);
}

TEST(ResultJson, TextIsTheTreesDumpForLargeCountsWrittenAsChanges) {
    std::mt19937_64 rng(9);
    const profile p = accord_test::skewed_profile(rng, 2'000, 600, 3, 4, 40);
    const result r = irv(p);
    ASSERT_GT(full_tally_entries(r), k_full_round_tallies);
    const auto tree = detail::result_report(r);
    EXPECT_EQ(to_json(r), tree.dump());
    EXPECT_EQ(tree.at("round_tallies"), "changes");
    EXPECT_EQ(tree.at("tie_candidates"), "changes");
}

TEST(ResultJson, ControlCharactersAndNumbersOutsideSixtyFourBitsMatchTheTree) {
    result r;
    r.method = "made up";
    r.candidates = {"line\nbreak", "bell\x07", "del\x7f", "d"}; // only a hand-made result has these
    r.notes = {"a note\r\nover two lines", "\x1f"};
    r.scores = {rational(big_int("123456789012345678901234567890")), rational(-7, 3),
                rational(big_int(1) << 2000, big_int(3)), std::nullopt};
    r.score_name = "points";
    expect_text_is_tree_dump(r, "scores");
}
