// Determinism: every registered rule gives a byte-identical JSON result whatever the order in
// which ballots were added, and the same result when every ballot is doubled (homogeneity of
// the winners). Runs over seeded random profiles so new rules are covered as soon as they are
// registered.
#include "accord/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace accord;

namespace {
struct raw_ballot {
    std::vector<std::vector<cand_t>> tiers;
    std::uint64_t count;
};

std::vector<raw_ballot> random_ballots(std::mt19937_64& rng, std::size_t n_cand, std::size_t n_ballots) {
    std::vector<raw_ballot> out;
    std::vector<cand_t> order(n_cand);
    for (std::size_t b = 0; b < n_ballots; ++b) {
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        const std::size_t len = 1 + rng() % n_cand;
        raw_ballot rb{{}, 1 + rng() % 5};
        for (std::size_t i = 0; i < len; ++i) {
            // Occasionally tie with the previous candidate.
            if (!rb.tiers.empty() && rng() % 8 == 0)
                rb.tiers.back().push_back(order[i]);
            else
                rb.tiers.push_back({order[i]});
        }
        out.push_back(rb);
    }
    return out;
}

profile build(const std::vector<raw_ballot>& ballots, std::size_t n_cand, std::uint64_t factor = 1) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n_cand; ++c) names.push_back("C" + std::to_string(c));
    profile p(names);
    for (const auto& b : ballots) p.add_ranking(b.tiers, b.count * factor);
    return p;
}
} // namespace

TEST(Determinism, EveryRuleIgnoresBallotOrder) {
    std::mt19937_64 rng(20261123);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n_cand = 3 + trial % 5;
        auto ballots = random_ballots(rng, n_cand, 30);
        const profile a = build(ballots, n_cand);
        std::shuffle(ballots.begin(), ballots.end(), rng);
        const profile b = build(ballots, n_cand);
        for (const auto& m : methods()) {
            std::string ja;
            try {
                ja = to_json(run(a, m.name, R"({"tie_break":"random","seed":7})"));
            } catch (const error& e) {
                // Rules that need options this generic test cannot know, or other ballot kinds.
                if (e.code() == errc::invalid || e.code() == errc::unsupported) {
                    try {
                        ja = to_json(run(a, m.name));
                    } catch (const error&) {
                        continue;
                    }
                    EXPECT_EQ(ja, to_json(run(b, m.name))) << m.name << " trial " << trial;
                    continue;
                }
                throw;
            }
            EXPECT_EQ(ja, to_json(run(b, m.name, R"({"tie_break":"random","seed":7})")))
                << m.name << " trial " << trial;
        }
    }
}

TEST(Determinism, DoublingEveryBallotKeepsWinners) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n_cand = 3 + trial % 4;
        auto ballots = random_ballots(rng, n_cand, 25);
        const profile a = build(ballots, n_cand), b = build(ballots, n_cand, 2);
        for (const auto& m : methods()) {
            // Plurality and serial veto are not homogeneous: doubling the voters changes their
            // (seeded random) voter order, and that can change the winner (docs/methods/*-veto.md).
            if (m.name == "plurality-veto" || m.name == "serial-veto") continue;
            result ra, rb;
            try {
                ra = run(a, m.name);
                rb = run(b, m.name);
            } catch (const error& e) {
                if (e.code() == errc::invalid || e.code() == errc::unsupported) continue;
                throw;
            }
            EXPECT_EQ(ra.winners, rb.winners) << m.name << " trial " << trial;
            EXPECT_EQ(ra.ranking, rb.ranking) << m.name << " trial " << trial;
        }
    }
}

// The test above draws rankings, which the approval committee rules refuse; this one covers every
// rule that takes 'seats' and counts approval ballots (AV, CC, PAV, Monroe, minimax-AV, ...).
TEST(Determinism, EveryApprovalCommitteeRuleIgnoresBallotOrder) {
    std::mt19937_64 rng(20261205);
    std::set<std::string> covered;
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n_cand = 3 + trial % 5;
        std::vector<std::pair<std::vector<cand_t>, std::uint64_t>> ballots;
        for (int b = 0; b < 12; ++b) {
            std::vector<cand_t> set;
            for (cand_t c = 0; c < n_cand; ++c)
                if (rng() % 3 == 0) set.push_back(c);
            ballots.push_back({set, 1 + rng() % 4});
        }
        auto build_approval = [&](const auto& list) {
            std::vector<std::string> names;
            for (std::size_t c = 0; c < n_cand; ++c) names.push_back("C" + std::to_string(c));
            profile p(names, ballot_kind::approval);
            for (const auto& b : list) p.add_approval(b.first, b.second);
            return p;
        };
        const profile a = build_approval(ballots);
        std::shuffle(ballots.begin(), ballots.end(), rng);
        const profile b = build_approval(ballots);
        for (const auto& m : methods()) {
            if (std::find(m.options.begin(), m.options.end(), "seats") == m.options.end()) continue;
            const std::string opts = R"({"seats":2,"tie_break":"random","seed":7})";
            std::string ja;
            try {
                ja = to_json(run(a, m.name, opts));
            } catch (const error& e) {
                // Rankings only (STV, ...) or options this test cannot know ('votes' of limited);
                // the list below checks that the committee rules were not skipped.
                if (e.code() == errc::unsupported || e.code() == errc::invalid) continue;
                throw;
            }
            covered.insert(m.name);
            EXPECT_EQ(ja, to_json(run(b, m.name, opts))) << m.name << " trial " << trial;
        }
    }
    for (const char* rule :
         {"av", "sav", "cc", "pav", "seq-pav", "seq-phragmen", "equal-shares", "monroe", "greedy-monroe",
          "minimax-av", "lex-cc", "minimax-phragmen", "leximax-phragmen", "maximin-support"})
        EXPECT_TRUE(covered.count(rule)) << rule << " was not exercised";
}

// The first test draws truncated and tied rankings, which the rules needing complete strict
// rankings (plurality veto) refuse; this one draws complete strict rankings, so every ranking
// rule is covered, and checks that the rules above were not skipped.
TEST(Determinism, EveryRuleIgnoresBallotOrderOnCompleteStrictRankings) {
    std::mt19937_64 rng(20261205);
    std::set<std::string> covered;
    for (int trial = 0; trial < 12; ++trial) {
        const std::size_t n_cand = 3 + trial % 4;
        std::vector<raw_ballot> ballots;
        std::vector<cand_t> order(n_cand);
        for (int b = 0; b < 15; ++b) {
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), rng);
            raw_ballot rb{{}, 1 + rng() % 4};
            for (cand_t c : order) rb.tiers.push_back({c});
            ballots.push_back(rb);
        }
        const profile a = build(ballots, n_cand);
        std::shuffle(ballots.begin(), ballots.end(), rng);
        const profile b = build(ballots, n_cand);
        for (const auto& m : methods()) {
            std::string ja;
            try {
                ja = to_json(run(a, m.name));
            } catch (const error& e) {
                if (e.code() == errc::invalid || e.code() == errc::unsupported) continue;
                throw;
            }
            covered.insert(m.name);
            EXPECT_EQ(ja, to_json(run(b, m.name))) << m.name << " trial " << trial;
        }
    }
    for (const char* rule : {"plurality-veto", "serial-veto", "simultaneous-veto", "random-dictator",
                             "superior-voting", "bracket-voting", "knockout", "bradley-terry", "alaska",
                             "simplified-bucklin", "weighted-bucklin", "split-irv", "irv", "schulze"})
        EXPECT_TRUE(covered.count(rule)) << rule << " was not exercised";
}
