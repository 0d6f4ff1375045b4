// Sweeps, tipping points and SMAA over populations, on a four-practice example whose answers are
// worked out by hand (plurality, one ballot per practice), and on Herefordshire's practices.
#include "accord/analysis/generate.hpp"
#include "accord/analysis/sweep.hpp"
#include "accord/error.hpp"
#include "accord/registry.hpp"
#include "test_data.hpp"
#include "four_practices.hpp"

#include <gtest/gtest.h>

using namespace accord;
using accord_test::four_ballots;
using accord_test::four_org;

namespace {
const tipping_point& unit(const tipping_result& r, const std::string& id) {
    for (const auto& u : r.units)
        if (u.unit == id) return u;
    throw std::runtime_error("no unit " + id);
}
} // namespace

TEST(Sweep, PopulationWeightingMovesTheWinnerFromYToX) {
    sweep_options o;
    o.schemes = {parse_scheme("equal"), parse_scheme("population")};
    o.rules = {"plurality", "irv"};
    const auto e = sweep(four_ballots(), four_org(), o);
    ASSERT_EQ(e.size(), 4u);
    EXPECT_EQ(e[0].count.candidates[e[0].count.winners[0]], "Y");
    EXPECT_FALSE(e[0].winner_changed);
    EXPECT_DOUBLE_EQ(e[0].vs_baseline.kendall_tau_b, 1.0);
    // Population plurality: X 45 > Y 30 > Z 25, against the baseline Y > ... : X moved.
    EXPECT_EQ(e[2].scheme, "population");
    EXPECT_EQ(e[2].rule, "plurality");
    EXPECT_EQ(e[2].count.candidates[e[2].count.winners[0]], "X");
    EXPECT_TRUE(e[2].winner_changed);
    EXPECT_LT(e[2].vs_baseline.kendall_tau_b, 1.0);
    EXPECT_FALSE(e[2].vs_baseline.moved.empty());
    // Population IRV: Z (25) is eliminated and transfers to Y: Y 55 beats X 45.
    EXPECT_EQ(e[3].count.candidates[e[3].count.winners[0]], "Y");
    const auto rows = sweep_rows(e);
    EXPECT_EQ(rows[2].winner, "X");
    EXPECT_FALSE(rows[0].kendall_tau.has_value());
    EXPECT_NE(sweep_json(e).find("\"winner_changed\":true"), std::string::npos);
}

TEST(Tipping, WeightFactorsBracketTheHandComputedThresholds) {
    tipping_options o;
    o.scheme = parse_scheme("population");
    o.rule = "plurality"; // ties broken lexicographically: X before Y before Z
    const auto r = tipping_points(four_ballots(), four_org(), o);
    EXPECT_EQ(r.baseline_winner, "X");
    // a: X = 0.45 f loses to Y = 0.30 when f < 2/3 (at 2/3 the tie goes to X).
    const auto& a = unit(r, "a");
    ASSERT_TRUE(a.down.has_value());
    EXPECT_FALSE(a.up.has_value());
    EXPECT_GE(a.down->same, rational(2, 3));
    EXPECT_LT(a.down->changed, rational(2, 3));
    EXPECT_LE(a.down->same - a.down->changed, o.tolerance);
    EXPECT_EQ(a.down->new_winner, "Y");
    // b: Y = 0.15 f + 0.15 beats 0.45 when f > 2; d: Z = 0.25 f beats 0.45 when f > 9/5.
    const auto& b = unit(r, "b");
    ASSERT_TRUE(b.up.has_value());
    EXPECT_LE(b.up->same, rational(2));
    EXPECT_GT(b.up->changed, rational(2));
    EXPECT_EQ(b.up->new_winner, "Y");
    EXPECT_FALSE(b.down.has_value());
    const auto& d = unit(r, "d");
    ASSERT_TRUE(d.up.has_value());
    EXPECT_LE(d.up->same, rational(9, 5));
    EXPECT_GT(d.up->changed, rational(9, 5));
    EXPECT_EQ(d.up->new_winner, "Z");
    EXPECT_NE(tipping_json(r).find("\"new_winner\":\"Z\""), std::string::npos);
}

TEST(Tipping, PopulationChangesAreExactToOnePatient) {
    tipping_options o;
    o.scheme = parse_scheme("population");
    o.rule = "plurality";
    o.quantity = tipping_quantity::population;
    const auto r = tipping_points(four_ballots(), four_org(), o);
    // a falls from 45 to 29 (at 30 X and Y tie and X keeps it); b rises from 15 to 31.
    const auto& a = unit(r, "a");
    ASSERT_TRUE(a.down.has_value());
    EXPECT_EQ(a.down->same, rational(30));
    EXPECT_EQ(a.down->changed, rational(29));
    const auto& b = unit(r, "b");
    ASSERT_TRUE(b.up.has_value());
    EXPECT_EQ(b.up->same, rational(30));
    EXPECT_EQ(b.up->changed, rational(31));
    // Under one practice one vote populations change nothing.
    o.scheme = parse_scheme("equal");
    o.rule_options = R"({"tie_break":"lexicographic"})";
    for (const auto& u : tipping_points(four_ballots(), four_org(), o).units) {
        EXPECT_FALSE(u.up.has_value()) << u.unit;
        EXPECT_FALSE(u.down.has_value()) << u.unit;
    }
}

TEST(PopulationSmaa, NoNoiseReproducesTheCountAndSimplexSplitsTwoUnitsEvenly) {
    population_smaa_options o;
    o.scheme = parse_scheme("population");
    o.rule = "plurality";
    o.sigma = 0;
    o.monte_carlo = {.samples = 500, .seed = 1, .threads = 2};
    const auto a = population_smaa(four_ballots(), four_org(), o);
    EXPECT_EQ(a.winner[0], 1.0);
    // Two practices voting X and Y with shares uniform on the simplex: X wins iff s1 > 1/2,
    // probability 1/2, central shares (3/4, 1/4).
    const auto org = read_organisation_text(
        "id,name,kind,parent,population\nG,G,pcn,,\np,P,practice,G,9\nq,Q,practice,G,1\n", "two.csv");
    profile p({"X", "Y"});
    const cand_t x[] = {0, 1}, y[] = {1, 0};
    p.add_order(x, 1, rational(1), p.intern_unit("p"));
    p.add_order(y, 1, rational(1), p.intern_unit("q"));
    o.sampler = population_sampler::simplex;
    o.monte_carlo = {.samples = 20000, .seed = 4, .threads = 2};
    const auto s = population_smaa(p, org, o);
    EXPECT_NEAR(s.winner[0], 0.5, 4 * s.winner_se[0]);
    EXPECT_NEAR(s.central_weights[0][0], 0.75, 0.01);
    // Population noise of 50% makes the 9:1 majority fragile but not lost: X keeps it when
    // 9(1 + Z1/2) > (1 + Z2/2), which is most of the time.
    o.sampler = population_sampler::population_noise;
    o.sigma = 0.5;
    const auto n = population_smaa(p, org, o);
    EXPECT_GT(n.winner[0], 0.9);
    EXPECT_LT(n.winner[0], 1.0);
}

TEST(PopulationSmaa, BootstrapAndDirichletAreThreadCountInvariant) {
    const auto org = read_organisation_text("id,name,kind,parent,population\n"
                                            "N,North,pcn,,\nS,South,pcn,,\n"
                                            "p1,P1,practice,N,3\np2,P2,practice,N,5\np3,P3,practice,N,2\n"
                                            "p4,P4,practice,S,7\np5,P5,practice,S,1\np6,P6,practice,S,4\n",
                                            "small.csv");
    const auto base = impartial_culture(4, 60, 3);
    profile p(base.candidate_names());
    std::size_t k = 0;
    for (std::size_t i = 0; i < base.unique_count(); ++i)
        for (std::uint64_t c = 0; c < base.ballot(i).count; ++c, ++k)
            p.add(base.ballot(i).marks, 1, rational(1), p.intern_unit("p" + std::to_string(k % 6 + 1)));
    for (auto sampler : {population_sampler::bootstrap, population_sampler::dirichlet}) {
        population_smaa_options o;
        o.scheme = parse_scheme("sqrt");
        o.rule = "borda";
        o.sampler = sampler;
        o.alpha = 2;
        o.monte_carlo = {.samples = 600, .seed = 8, .threads = 1};
        const auto one = population_smaa(p, org, o);
        o.monte_carlo.threads = 3;
        const auto three = population_smaa(p, org, o);
        EXPECT_EQ(one.by_rank, three.by_rank);
        EXPECT_EQ(one.winner, three.winner);
        double total = 0;
        for (double w : one.winner) total += w;
        EXPECT_NEAR(total + double(one.incomplete) / 600, 1.0, 1e-12);
    }
}

// Positional rules skip the per-sample profile and count (exact integer sums of each ballot's
// scores); the answer must be bit-identical to counting every sample, ties for first included
// (few voters and coarse resolution make them common), with truncated ballots and withdrawals.
TEST(PopulationSmaa, AdditiveShortcutMatchesAFullCountPerSample) {
    const auto org = read_organisation_text("id,name,kind,parent,population\nN,North,pcn,,\n"
                                            "p1,P1,practice,N,3\np2,P2,practice,N,5\np3,P3,practice,N,2\n"
                                            "p4,P4,practice,N,7\n",
                                            "four.csv");
    profile p({"A", "B", "C", "D", "E"});
    p.add_ranking({{0}, {1, 2}, {3}}, 1, rational(1), p.intern_unit("p1"));
    p.add_ranking({{1}, {0}}, 2, rational(1), p.intern_unit("p2"));
    p.add_ranking({{2}, {3}, {4}, {0}, {1}}, 1, rational(1), p.intern_unit("p3"));
    p.add_ranking({{3, 4}, {2}}, 3, rational(1), p.intern_unit("p4"));
    p.set_withdrawn(4);
    for (const char* rule : {"borda", "dowdall", "anti-plurality", "positional"})
        for (const char* options : {"{}", R"({"truncation": "modified"})", R"({"unranked": "ignore"})",
                                    R"({"points": [3, 1, 1]})", R"({"tie_break": "random", "seed": 4})"}) {
            population_smaa_options o;
            o.rule = rule;
            o.rule_options = options;
            o.sampler = population_sampler::simplex;
            o.resolution = 100; // coarse: many ties
            o.monte_carlo = {.samples = 400, .seed = 5, .threads = 2};
            acceptability fast, full;
            try {
                fast = population_smaa(p, org, o);
            } catch (const error& e) {
                continue; // an option this rule does not take
            }
            o.additive_shortcut = false;
            full = population_smaa(p, org, o);
            EXPECT_EQ(fast.by_rank, full.by_rank) << rule << ' ' << options;
            EXPECT_EQ(fast.winner, full.winner) << rule << ' ' << options;
            EXPECT_EQ(fast.central_weights, full.central_weights) << rule << ' ' << options;
            EXPECT_EQ(fast.incomplete, full.incomplete) << rule << ' ' << options;
        }
}

TEST(Sweep, HerefordshireEqualSchemeMatchesTheUnweightedCount) {
    ACCORD_SHARED_FILE(file, "nhs/practices_herefordshire_worcestershire_2025.csv");
    org_csv_options oo;
    oo.within = {"U12199", "U38064", "U50083", "U65562", "U98974"}; // Herefordshire's five PCNs
    const auto org = read_organisation(file, oo);
    const auto practices = org.of_kind("practice");
    ASSERT_EQ(practices.size(), 19u);
    // One seeded Mallows ranking of 10 priorities per practice.
    const cand_t centre[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const auto m = mallows(10, centre, 0.9, practices.size(), 2025);
    profile p(m.candidate_names());
    std::size_t k = 0;
    for (std::size_t i = 0; i < m.unique_count(); ++i)
        for (std::uint64_t c = 0; c < m.ballot(i).count; ++c, ++k)
            p.add(m.ballot(i).marks, 1, rational(1), p.intern_unit(org[practices[k]].id));
    sweep_options o;
    o.schemes = {parse_scheme("equal"), parse_scheme("population"), parse_scheme("sqrt")};
    o.modes = {aggregation_mode::normalised, aggregation_mode::two_stage};
    o.rules = {"borda", "schulze", "irv"};
    const auto e = sweep(p, org, o);
    ASSERT_EQ(e.size(), 18u);
    for (const char* rule : {"borda", "schulze", "irv"}) {
        const auto plain = run(p, rule);
        const auto it = std::find_if(e.begin(), e.end(), [&](auto& x) { return x.rule == rule; });
        EXPECT_EQ(it->count.winners, plain.winners) << rule;
        EXPECT_EQ(it->count.ranking, plain.ranking) << rule;
    }
}
