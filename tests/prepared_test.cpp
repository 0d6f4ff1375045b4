// Prepared counts: the IRV and Schulze kernels give exactly the full count's ranking and winners
// (ties, zero multiplicities and withdrawals included), the fallback is the full count, and SMAA
// through prepared counts is bit-identical to SMAA through the registry.
#include "accord/prepared.hpp"

#include "accord/analysis/sweep.hpp"
#include "accord/error.hpp"
#include "accord/registry.hpp"
#include "random_profiles.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

using namespace accord;

namespace {
// A profile of the ballots `base` holds, with these multiplicities (zero drops a ballot).
profile with_counts(const profile& base, const std::vector<std::uint64_t>& counts) {
    profile q(base.candidate_names());
    for (cand_t c = 0; c < base.candidate_count(); ++c)
        if (base.withdrawn(c)) q.set_withdrawn(c);
    for (std::size_t i = 0; i < base.unique_count(); ++i)
        if (counts[i]) q.add(base.ballot(i).marks, counts[i]);
    return q;
}
} // namespace

TEST(Prepared, IrvAndSchulzeKernelsGiveTheFullCountsRankingAndWinners) {
    std::mt19937_64 rng(17);
    std::size_t kernel_answers = 0, ties_in_kernel = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n = 2 + rng() % 7, distinct = 1 + rng() % 12;
        // Truncated strict rankings (no equal ranks): the kernels' domain.
        auto bs = accord_test::random_ballots(rng, n, distinct, false);
        for (auto& b : bs) b.tiers.resize(1 + rng() % b.tiers.size());
        profile base = accord_test::build(bs, n);
        if (trial % 5 == 0) base.set_withdrawn(static_cast<cand_t>(rng() % n));
        for (const char* rule : {"irv", "schulze"}) {
            prepared_count pc;
            try {
                pc = prepare(rule, "{}", base);
            } catch (const error&) {
                continue; // every candidate withdrawn
            }
            ASSERT_TRUE(pc.has_kernel()) << rule;
            for (int s = 0; s < 5; ++s) {
                std::vector<std::uint64_t> counts(base.unique_count());
                for (auto& c : counts) c = rng() % 4; // small counts: many ties, some zeros
                if (std::all_of(counts.begin(), counts.end(), [](auto c) { return c == 0; })) counts[0] = 1;
                // Large counts: Schulze packs a link into one integer while the total is below
                // 2^32 (so up to 2^32 - 1 exactly) and counts in 64 bits beyond.
                const std::uint64_t sum = std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
                const std::uint64_t scale = s == 3   ? ((std::uint64_t{1} << 32) - 1) / sum
                                            : s == 4 ? (std::uint64_t{1} << 32) + 7
                                                     : 1;
                for (auto& c : counts) c *= scale;
                const profile q = with_counts(base, counts);
                result full;
                try {
                    full = run(q, rule);
                } catch (const error&) {
                    continue;
                }
                prepared_outcome k;
                if (pc.try_kernel(counts, k)) {
                    ++kernel_answers;
                    if (!full.ties.empty()) ++ties_in_kernel;
                    EXPECT_EQ(k.ranking, full.ranking) << rule << " trial " << trial;
                    EXPECT_EQ(k.winners, full.winners) << rule << " trial " << trial;
                }
                const prepared_outcome any = pc(counts);
                EXPECT_EQ(any.ranking, full.ranking) << rule << " trial " << trial;
                EXPECT_EQ(any.winners, full.winners) << rule << " trial " << trial;
            }
        }
    }
    EXPECT_GT(kernel_answers, 1000u);
    EXPECT_GT(ties_in_kernel, 50u); // IRV's kernel breaks elimination ties itself, as the count does
}

TEST(Prepared, OtherMethodsAndOptionsRunTheFullCountWithOptionsParsedOnce) {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 3);
    p.add_order(std::vector<cand_t>{1, 2, 0}, 2);
    p.add_order(std::vector<cand_t>{2, 1, 0}, 2);
    const auto borda = prepare("borda", R"({"truncation": "modified"})", p);
    EXPECT_FALSE(borda.has_kernel());
    EXPECT_EQ(to_json(borda.count(p)), to_json(run(p, "borda", R"({"truncation": "modified"})")));
    const auto irv_batch = prepare("irv", R"({"batch_elimination": true})", p);
    EXPECT_FALSE(irv_batch.has_kernel());
    const std::vector<std::uint64_t> counts{1, 0, 5};
    EXPECT_EQ(irv_batch(counts).winners,
              run(with_counts(p, counts), "irv", R"({"batch_elimination": true})").winners);
}

TEST(Prepared, UnknownMethodsAndBadOptionsAreRefusedAsRunRefusesThem) {
    profile p({"A", "B"});
    p.add_order(std::vector<cand_t>{0, 1});
    try {
        (void)prepare("irvv", "{}", p);
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
    }
    try {
        (void)prepare("irv", R"({"batch": true})", p);
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("batch"), std::string::npos);
    }
    const auto pc = prepare("irv", "{}", p);
    EXPECT_THROW((void)pc(std::vector<std::uint64_t>{1, 2}), error); // two counts for one ballot
    profile other({"A", "C"});
    EXPECT_THROW((void)pc.count(other), error);
}

// SMAA through prepared counts (kernels for IRV and Schulze) against SMAA running the registry
// per sample: the acceptabilities must be bit-identical, with coarse weights (many ties) and on
// 1 and 2 threads.
TEST(PopulationSmaa, PreparedCountsAreBitIdenticalToTheRegistryPerSample) {
    const auto org = read_organisation_text("id,name,kind,parent,population\nN,North,pcn,,\n"
                                            "p1,P1,practice,N,3\np2,P2,practice,N,5\np3,P3,practice,N,2\n"
                                            "p4,P4,practice,N,7\np5,P5,practice,N,4\n",
                                            "five.csv");
    profile p({"A", "B", "C", "D", "E"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 1, rational(1), p.intern_unit("p1"));
    p.add_order(std::vector<cand_t>{1, 0}, 2, rational(1), p.intern_unit("p2"));
    p.add_order(std::vector<cand_t>{2, 3, 4, 0, 1}, 1, rational(1), p.intern_unit("p3"));
    p.add_order(std::vector<cand_t>{3, 4, 2}, 3, rational(1), p.intern_unit("p4"));
    p.add_order(std::vector<cand_t>{4, 2, 3}, 1, rational(1), p.intern_unit("p5"));
    p.add_order(std::vector<cand_t>{0, 1, 2}, 2, rational(1), p.intern_unit("p5"));
    for (const char* rule : {"irv", "schulze", "ranked-pairs"})
        for (auto sampler : {population_sampler::simplex, population_sampler::bootstrap})
            for (unsigned threads : {1u, 2u}) {
                population_smaa_options o;
                o.rule = rule;
                o.sampler = sampler;
                o.resolution = 100; // coarse: ties and zero multiplicities
                o.monte_carlo = {.samples = 700, .seed = 9, .threads = threads};
                const acceptability fast = population_smaa(p, org, o);
                o.prepared_counts = false;
                o.monte_carlo.threads = 1;
                const acceptability full = population_smaa(p, org, o);
                EXPECT_EQ(fast.by_rank, full.by_rank) << rule;
                EXPECT_EQ(fast.winner, full.winner) << rule;
                EXPECT_EQ(fast.central_weights, full.central_weights) << rule;
                EXPECT_EQ(fast.incomplete, full.incomplete) << rule;
            }
}
