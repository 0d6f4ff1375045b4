// Organisations and weighting on the real Herefordshire practices, with every share checked
// against values computed here independently from the file's list sizes; England at scale;
// and the properties that tie weighting to counting.
#include "accord/analysis/generate.hpp"
#include "accord/registry.hpp"
#include "accord/weighting.hpp"
#include "test_data.hpp"

#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

using namespace accord;

namespace {
const std::vector<std::string> k_herefordshire{"U12199", "U38064", "U50083", "U65562", "U98974"};

organisation herefordshire(const std::filesystem::path& file) {
    org_csv_options o;
    o.within = k_herefordshire;
    return read_organisation(file, o);
}

// Independent reading of the file: practice code -> (list size, PCN code). The practice file's
// names hold no commas inside quotes in these columns' positions... so split on commas but
// respect quotes.
std::map<std::string, std::pair<std::uint64_t, std::string>> list_sizes(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::pair<std::uint64_t, std::string>> out;
    while (std::getline(in, line)) {
        std::vector<std::string> f(1);
        bool q = false;
        for (char c : line) {
            if (c == '"')
                q = !q;
            else if (c == ',' && !q)
                f.emplace_back();
            else
                f.back() += c;
        }
        if (std::find(k_herefordshire.begin(), k_herefordshire.end(), f[3]) == k_herefordshire.end())
            continue;
        out[f[0]] = {std::stoull(f[11]), f[3]};
    }
    return out;
}

rational share_of(const organisation& org, const weight_report& r, const std::string& id) {
    for (const auto& u : r.units)
        if (org[u.unit].id == id) return u.share;
    throw std::runtime_error("no unit " + id);
}
} // namespace

TEST(Organisation, HerefordshireHas19PracticesIn5PcnsAnd204771Patients) {
    ACCORD_SHARED_FILE(file, "nhs/practices_herefordshire_worcestershire_2025.csv");
    const auto org = herefordshire(file);
    EXPECT_EQ(org.of_kind("practice").size(), 19u);
    EXPECT_EQ(org.of_kind("pcn").size(), 5u);
    EXPECT_EQ(org.kinds().front(), "practice");
    const auto icb = org.of_kind("icb");
    ASSERT_EQ(icb.size(), 1u);
    EXPECT_EQ(org[icb[0]].population, 204771u);
    EXPECT_EQ(org[*org.find("U65562")].population, 47543u); // Hereford Medical Group's PCN
}

TEST(Weighting, HerefordshireSharesUnderEverySchemeMatchAnIndependentComputation) {
    ACCORD_SHARED_FILE(file, "nhs/practices_herefordshire_worcestershire_2025.csv");
    const auto org = herefordshire(file);
    const auto sizes = list_sizes(file);
    ASSERT_EQ(sizes.size(), 19u);
    const auto practices = org.of_kind("practice");
    std::uint64_t total = 0;
    std::map<std::string, int> per_pcn;
    std::map<std::string, std::uint64_t> pcn_pop;
    for (const auto& [id, v] : sizes) {
        total += v.first;
        per_pcn[v.second] += 1;
        pcn_pop[v.second] += v.first;
    }
    ASSERT_EQ(total, 204771u);

    // population: list / total. Hereford Medical Group (M81026? whichever holds 47,543) has 23.2%.
    const auto pop = compute_weights(org, practices, parse_scheme("population"));
    for (const auto& [id, v] : sizes) EXPECT_EQ(share_of(org, pop, id), rational(v.first, total)) << id;
    EXPECT_EQ(pop.largest_share, rational(47543, 204771));
    EXPECT_NEAR(to_double(pop.largest_share), 0.232, 0.0005);
    EXPECT_EQ(pop.min_majority.size(), 5u); // five practices make a population majority

    // equal: 1/19 each; the smallest majority is 10 practices.
    const auto eq = compute_weights(org, practices, parse_scheme("equal"));
    for (const auto& [id, v] : sizes) EXPECT_EQ(share_of(org, eq, id), rational(1, 19));
    EXPECT_EQ(eq.min_majority.size(), 10u);
    EXPECT_EQ(eq.sum_squared_shares, rational(1, 19));
    // ... and the 10 smallest practices cover only ~30% of patients.
    std::vector<std::uint64_t> lists;
    for (const auto& [id, v] : sizes) lists.push_back(v.first);
    std::sort(lists.begin(), lists.end());
    const auto smallest10 = std::accumulate(lists.begin(), lists.begin() + 10, std::uint64_t{0});
    EXPECT_NEAR(static_cast<double>(smallest10) / total, 0.30, 0.02);

    // sqrt (Penrose): floor(sqrt(list) * 10^6) / 10^6, shares proportional to those.
    const auto sq = compute_weights(org, practices, parse_scheme("sqrt"));
    rational sum = 0;
    std::map<std::string, rational> root;
    for (const auto& [id, v] : sizes) {
        const auto r =
            static_cast<std::uint64_t>(std::floor(std::sqrt(static_cast<long double>(v.first)) * 1000000.0L));
        root[id] = rational(r, 1000000);
        sum += root[id];
    }
    for (const auto& [id, v] : sizes) EXPECT_EQ(share_of(org, sq, id), root[id] / sum) << id;

    // group-equal: each of the 5 PCNs 1/5, split equally inside.
    const auto ge = compute_weights(org, practices, parse_scheme("group-equal"));
    for (const auto& [id, v] : sizes)
        EXPECT_EQ(share_of(org, ge, id), rational(1, 5 * per_pcn[v.second])) << id;
    const auto gp = compute_weights(org, practices, parse_scheme("group-equal:population"));
    for (const auto& [id, v] : sizes)
        EXPECT_EQ(share_of(org, gp, id), rational(v.first, 5 * pcn_pop[v.second])) << id;

    // blend:1/2 = half equal, half population.
    const auto bl = compute_weights(org, practices, parse_scheme("blend:1/2"));
    for (const auto& [id, v] : sizes)
        EXPECT_EQ(share_of(org, bl, id), rational(1, 38) + rational(v.first, 2 * total)) << id;

    // banded:5000 = one vote per started 5,000 patients.
    const auto bd = compute_weights(org, practices, parse_scheme("banded:5000"));
    std::uint64_t votes = 0;
    for (const auto& [id, v] : sizes) votes += (v.first + 4999) / 5000;
    for (const auto& [id, v] : sizes)
        EXPECT_EQ(share_of(org, bd, id), rational((v.first + 4999) / 5000, votes)) << id;

    // capped:0.15: HMG is cut to 15%, the rest share 85% in proportion to their lists.
    const auto cp = compute_weights(org, practices, parse_scheme("capped:0.15"));
    EXPECT_EQ(cp.largest_share, rational(15, 100));
    for (const auto& [id, v] : sizes)
        if (v.first != 47543)
            EXPECT_EQ(share_of(org, cp, id), rational(85, 100) * rational(v.first, total - 47543)) << id;
    rational all = 0;
    for (const auto& u : cp.units) all += u.share;
    EXPECT_EQ(all, 1);
}

TEST(Weighting, EnglandLoadsWithEveryPcnAndEverySchemeRuns) {
    ACCORD_SHARED_FILE(file, "nhs/practices_england_2025.csv");
    const auto org = read_organisation(file);
    EXPECT_EQ(org.of_kind("practice").size(), 6202u);
    std::size_t real_pcns = 0;
    for (auto i : org.of_kind("pcn")) real_pcns += org[i].id.rfind("U:", 0) != 0;
    EXPECT_EQ(real_pcns, 1297u);                       // the "Unallocated" code is not a PCN...
    EXPECT_EQ(org.of_kind("pcn").size(), 1297u + 71u); // ...its 71 practices stand alone
    EXPECT_EQ(org.of_kind("icb").size(), 42u);
    std::uint64_t total = 0;
    for (auto i : org.of_kind("practice")) total += org[i].population;
    EXPECT_EQ(total, 63560406u);
    for (const char* s :
         {"equal", "population", "sqrt", "capped:0.001", "banded:5000", "group-equal", "blend:0.5"}) {
        const auto r = compute_weights(org, org.of_kind("practice"), parse_scheme(s));
        rational sum = 0;
        for (const auto& u : r.units) sum += u.share;
        EXPECT_EQ(sum, 1) << s;
    }
    org_csv_options ex;
    ex.unallocated = unallocated_policy::exclude;
    EXPECT_EQ(read_organisation(file, ex).of_kind("practice").size(), 6202u - 71u);
}

TEST(Weighting, BadOrganisationsAndSchemesAreLocatedErrors) {
    auto expect = [](std::string_view text, std::size_t line) {
        try {
            read_organisation_text(text, "org.csv");
            FAIL() << text;
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::parse) << e.what();
            EXPECT_EQ(e.where().line, line) << e.what();
        }
    };
    expect("id,name,kind,parent,population\na,A,practice,,5\na,A2,practice,,6\n", 3); // duplicate id
    expect("id,name,kind,parent,population\na,A,practice,zz,5\n", 2);                 // unknown parent
    expect("id,name,kind,parent,population\na,A,pcn,b,5\nb,B,pcn,a,5\n", 3);          // cycle
    expect("id,name,kind,parent,population\na,A,practice,,-5\n", 2);                  // negative
    expect("id,name,kind,parent,population\na,A,practice,,lots\n", 2);                // not a number
    EXPECT_THROW(parse_scheme("capped:2"), error);
    EXPECT_THROW(parse_scheme("sideways"), error);
    EXPECT_THROW(parse_scheme("blend"), error);
}

namespace {
// A made-up organisation: 6 practices in 2 PCNs, with integer populations.
organisation small_org() {
    return read_organisation_text("id,name,kind,parent,population\n"
                                  "N,North,pcn,,\nS,South,pcn,,\n"
                                  "p1,P1,practice,N,3\np2,P2,practice,N,5\np3,P3,practice,N,2\n"
                                  "p4,P4,practice,S,7\np5,P5,practice,S,1\np6,P6,practice,S,4\n",
                                  "small.csv");
}
profile ballots_by_practice(std::uint64_t seed, const organisation& org,
                            std::uint64_t factor_by_population = 0) {
    auto base = impartial_culture(4, 6, seed);
    profile p(base.candidate_names());
    std::size_t k = 0;
    for (std::size_t i = 0; i < base.unique_count(); ++i)
        for (std::uint64_t c = 0; c < base.ballot(i).count; ++c, ++k) {
            const std::string id = "p" + std::to_string(k + 1);
            const auto u = p.intern_unit(id);
            const std::uint64_t times = factor_by_population ? org[*org.find(id)].population : 1;
            p.add(base.ballot(i).marks, times, rational(1), factor_by_population ? k_no_unit : u);
        }
    return p;
}
} // namespace

TEST(Weighting, EqualWeightingReproducesTheUnweightedResult) {
    const auto org = small_org();
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto p = ballots_by_practice(seed, org);
        for (const char* m : {"irv", "borda", "schulze", "plurality"}) {
            auto a = run(p, m), b = run_weighted(p, org, parse_scheme("equal"), m, "{}");
            EXPECT_EQ(a.winners, b.winners) << m << " seed " << seed;
            EXPECT_EQ(a.ranking, b.ranking) << m << " seed " << seed;
        }
    }
}

TEST(Weighting, PopulationWeightingEqualsDuplicatingBallotsPopulationTimes) {
    const auto org = small_org();
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto tagged = ballots_by_practice(seed, org);
        const auto duplicated = ballots_by_practice(seed, org, 1);
        for (const char* m : {"irv", "borda", "schulze", "plurality", "copeland"}) {
            auto a = run(duplicated, m), b = run_weighted(tagged, org, parse_scheme("population"), m, "{}");
            EXPECT_EQ(a.winners, b.winners) << m << " seed " << seed;
            EXPECT_EQ(a.ranking, b.ranking) << m << " seed " << seed;
        }
    }
}

TEST(Weighting, TwoStageWithOneGroupEqualsTheSingleStageRule) {
    const auto org = read_organisation_text("id,name,kind,parent,population\nG,G,pcn,,\n"
                                            "p1,P1,practice,G,1\np2,P2,practice,G,1\np3,P3,practice,G,1\n"
                                            "p4,P4,practice,G,1\np5,P5,practice,G,1\np6,P6,practice,G,1\n",
                                            "one.csv");
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto p = ballots_by_practice(seed, org);
        for (const char* m : {"borda", "schulze", "irv"}) {
            aggregate_options ag;
            ag.mode = aggregation_mode::two_stage;
            ag.inner = m;
            ag.outer = m;
            auto a = run(p, m), b = run_weighted(p, org, parse_scheme("equal"), m, "{}", ag);
            EXPECT_EQ(a.winners, b.winners) << m << " seed " << seed;
        }
    }
}

TEST(Weighting, PartnersOfAPracticeShareItsVoteOrAreFirstReducedToOnePracticeBallot) {
    // p1 has three partners (two prefer A, one B), p2 one (B), p3 three (two A, one B).
    const auto org = small_org();
    profile p({"A", "B"});
    const auto u1 = p.intern_unit("p1"), u2 = p.intern_unit("p2"), u3 = p.intern_unit("p3");
    const std::vector<cand_t> ab{0, 1}, ba{1, 0};
    p.add_order(ab, 2, rational(1), u1);
    p.add_order(ba, 1, rational(1), u1);
    p.add_order(ba, 1, rational(1), u2);
    p.add_order(ab, 2, rational(1), u3);
    p.add_order(ba, 1, rational(1), u3);
    // Each partner an equal share of the practice (normalised): A 2/3 + 2/3, B 1/3 + 1 + 1/3
    // practices' worth, i.e. 4/9 and 5/9 of the three voting practices' weight.
    const auto shared = run_weighted(p, org, parse_scheme("equal"), "plurality", "{}");
    EXPECT_EQ(shared.winners, (std::vector<cand_t>{1}));
    EXPECT_EQ(*shared.rounds[0].tallies[0], rational(4, 9));
    // Each practice's partners first reduced to one practice ballot by a named rule (two-stage
    // with the practices as the groups): p1 -> A, p2 -> B, p3 -> A, then A wins 2 to 1.
    aggregate_options ag;
    ag.mode = aggregation_mode::two_stage;
    ag.level = "practice";
    ag.group_level = "practice";
    ag.inner = "plurality";
    ag.outer = "plurality";
    const auto reduced = run_weighted(p, org, parse_scheme("equal"), "plurality", "{}", ag);
    EXPECT_EQ(reduced.winners, (std::vector<cand_t>{0}));
}

TEST(Weighting, CustomWeightsSetThroughTheApi) {
    auto org = small_org();
    for (const char* id : {"p1", "p2", "p3", "p4", "p5", "p6"})
        org.set_attribute(*org.find(id), "votes", "1");
    org.set_attribute(*org.find("p4"), "votes", "5/2");
    const auto rep = compute_weights(org, org.of_kind("practice"), parse_scheme("column:votes"));
    EXPECT_EQ(rep.units[3].share, rational(5, 15)); // 2.5 of 7.5
    EXPECT_THROW(org.set_attribute(99, "votes", "1"), error);
}

TEST(Weighting, CappedNeedsEnoughUnitsWithPatients) {
    // Found by fuzz_org: a unit with no population (a truncated row) made capped:1/3 return
    // shares adding up to 2/3. Only units with patients can take the excess, so the cap must be
    // at least 1 / their number.
    const auto org =
        read_organisation(accord_test::fixture("fuzz_regressions/org_capped_zero_population.csv"));
    const auto units = org.of_kind("practice");
    ASSERT_EQ(units.size(), 3u);
    try {
        compute_weights(org, units, parse_scheme("capped:1/3"));
        FAIL() << "an impossible cap was accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::invalid);
        EXPECT_NE(std::string(e.what()).find("at least 1/2"), std::string::npos) << e.what();
    }
    const auto ok = compute_weights(org, units, parse_scheme("capped:1/2"));
    rational sum(0);
    for (const auto& u : ok.units) sum += u.share;
    EXPECT_EQ(sum, 1);
    EXPECT_EQ(ok.units[0].share, rational(1, 2));
}
