// Power indices: published values reproduced exactly, the dynamic programme against the
// enumeration and permutation oracles on seeded random games, real NHS games.
#include "accord/detail/safety.hpp"
#include "accord/power.hpp"
#include "accord/power_dp.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

using namespace accord;

namespace {

/// The indices that need a-priori unions.
constexpr unsigned k_union_indices = index_owen | index_banzhaf_owen | index_symmetric_coalitional_banzhaf;

// A small CSV reader for these tests (quoted fields with commas, no embedded newlines).
std::vector<std::map<std::string, std::string>> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::map<std::string, std::string>> rows;
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& l) {
        std::vector<std::string> out;
        std::string cur;
        bool q = false;
        for (std::size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (q) {
                if (c == '"' && i + 1 < l.size() && l[i + 1] == '"')
                    cur += '"', ++i;
                else if (c == '"')
                    q = false;
                else
                    cur += c;
            } else if (c == '"')
                q = true;
            else if (c == ',')
                out.push_back(cur), cur.clear();
            else if (c != '\r')
                cur += c;
        }
        out.push_back(cur);
        return out;
    };
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto f = split(line);
        if (header.empty()) {
            if (!f.empty() && f[0].size() >= 3 && f[0].compare(0, 3, "\xEF\xBB\xBF") == 0)
                f[0] = f[0].substr(3);
            header = f;
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

big_int factorial_of(std::size_t n) {
    big_int f = 1;
    for (std::size_t k = 2; k <= n; ++k) f *= static_cast<unsigned>(k);
    return f;
}

std::vector<std::string> exact_strings(const index_values& v) {
    std::vector<std::string> out;
    for (const auto& x : v.exact) out.push_back(to_string(x));
    return out;
}

/// Shapley-Shubik and Owen by walking every order of the players (Owen: only orders in which
/// each union's members stand together): the definition itself, for tiny games.
struct perm_oracle {
    std::vector<rational> ss, owen;
};
perm_oracle by_permutations(const weighted_game& g) {
    const std::size_t n = g.player_count();
    std::vector<player_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    std::vector<std::size_t> union_of(n, 0);
    for (std::size_t u = 0; u < g.unions.size(); ++u)
        for (auto p : g.unions[u]) union_of[p] = u;
    std::vector<big_int> ss(n, 0), ow(n, 0);
    big_int orders = 0, owen_orders = 0;
    do {
        bool contiguous = true;
        if (!g.unions.empty()) {
            std::vector<char> closed(g.unions.size(), 0);
            for (std::size_t x = 0; x < n && contiguous; ++x) {
                const auto u = union_of[perm[x]];
                if (closed[u]) contiguous = false;
                if (x + 1 < n && union_of[perm[x + 1]] != u) closed[u] = 1;
            }
        }
        ++orders;
        if (!g.unions.empty() && contiguous) ++owen_orders;
        for (std::size_t x = 0; x < n; ++x) {
            std::span<const player_t> before(perm.data(), x), upto(perm.data(), x + 1);
            if (is_winning(g, upto) && !is_winning(g, before)) {
                ++ss[perm[x]];
                if (!g.unions.empty() && contiguous) ++ow[perm[x]];
                break;
            }
        }
    } while (std::next_permutation(perm.begin(), perm.end()));
    perm_oracle o;
    for (std::size_t i = 0; i < n; ++i) {
        o.ss.push_back(rational(ss[i], orders));
        if (!g.unions.empty()) o.owen.push_back(rational(ow[i], owen_orders));
    }
    return o;
}

weighted_game random_game(std::mt19937_64& rng, std::size_t n, std::size_t majorities, bool unions) {
    weighted_game g;
    for (std::size_t d = 0; d < majorities; ++d) {
        weighted_majority m;
        const std::uint64_t top = 1 + rng() % 12;
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            m.weights.push_back(rng() % (top + 1)); // zeros included: dummies must come out 0
            total += m.weights.back();
        }
        if (total == 0) m.weights[0] = 1, total = 1;
        m.quota = 1 + rng() % total;
        g.majorities.push_back(m);
    }
    if (unions) {
        const std::size_t k = 1 + rng() % n;
        g.unions.assign(k, {});
        std::vector<player_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t x = 0; x < n; ++x) g.unions[x < k ? x : rng() % k].push_back(order[x]);
    }
    return g;
}

void expect_same(const index_values& a, const index_values& b, const std::string& what) {
    ASSERT_EQ(a.exact.size(), b.exact.size()) << what;
    for (std::size_t i = 0; i < a.exact.size(); ++i)
        EXPECT_EQ(a.exact[i], b.exact[i]) << what << " player " << i;
}

} // namespace

TEST(Power, EveryPublishedValueIsReproducedExactly) {
    ACCORD_SHARED_FILE(csv, "power/power_indices_published.csv");
    auto rows = read_csv(csv);
    ASSERT_GE(rows.size(), 80u);
    std::map<std::string, std::vector<std::map<std::string, std::string>>> cases;
    for (auto& r : rows) cases[r["case"]].push_back(r);
    ASSERT_EQ(cases.size(), 9u);
    for (auto& [name, players] : cases) {
        std::vector<std::uint64_t> w;
        std::vector<std::string> names;
        for (auto& p : players) {
            w.push_back(std::stoull(p["weight"]));
            names.push_back(p["player"]);
        }
        ASSERT_EQ(std::stoull(players[0]["n_players"]), w.size()) << name;
        auto g = make_weighted_game(std::stoull(players[0]["quota"]), w, names);
        auto r = power_indices(g, {.indices = index_banzhaf | index_shapley_shubik});
        EXPECT_EQ(r.method, "dynamic-programming");
        for (std::size_t i = 0; i < players.size(); ++i) {
            EXPECT_EQ(r.swings[i].str(), players[i]["banzhaf_swings"]) << name << " " << names[i];
            EXPECT_EQ(to_string(r.banzhaf.exact[i]), players[i]["banzhaf_normalized_exact"])
                << name << " " << names[i];
            EXPECT_EQ(to_string(r.shapley_shubik.exact[i]), players[i]["shapley_shubik_exact"])
                << name << " " << names[i];
            EXPECT_NEAR(r.banzhaf.value[i], std::stod(players[i]["banzhaf_normalized"]), 5e-7);
            EXPECT_NEAR(r.shapley_shubik.value[i], std::stod(players[i]["shapley_shubik"]), 5e-7);
        }
    }
}

TEST(Power, UnSecurityCouncilElectedMemberHas4Over2145) {
    std::vector<std::uint64_t> w(15, 1);
    std::fill(w.begin(), w.begin() + 5, 7);
    auto r = power_indices(make_weighted_game(39, w), {.indices = index_all & ~k_union_indices});
    EXPECT_EQ(to_string(r.shapley_shubik.exact[14]), "4/2145"); // Shapley & Shubik 1954
    // The five permanent members are its veto players: Tijs gives each 1/5, and with more than
    // one veto player Harsanyi-Nash (as EPIC defines it) gives every member 1/15.
    EXPECT_EQ(r.tijs.exact[0], rational(1, 5));
    EXPECT_EQ(r.tijs.exact[5], 0);
    EXPECT_EQ(r.harsanyi_nash.exact[0], rational(1, 15));
    EXPECT_EQ(to_string(r.shapley_shubik.exact[0]), "421/2145");
    EXPECT_EQ(r.swings[0], 848);
    EXPECT_EQ(r.swings[5], 84);
    // 848 = 2 * 424 winning-with-i coalitions... and a permanent member is in every MWC.
    EXPECT_EQ(r.minimal_winning_total, 210); // C(10, 4): the five permanent plus any four elected
    EXPECT_EQ(r.minimal_winning[0], 210);
    EXPECT_EQ(r.minimal_winning[5], 84); // C(9, 3)
}

// [3; 2, 1, 1], by hand: W = {AB, AC, ABC}; swings 3, 1, 1; minimal winning {AB, AC}; of the
// six orders A is pivotal in BAC, BCA, CAB, CBA, B in ABC, C in ACB.
TEST(Power, ChowRaeColomerPivotsAndMinimalWinningOfThreeTwoOneOneByHand) {
    const auto g = make_weighted_game(3, {2, 1, 1});
    for (const auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r = power_indices(g, {.indices = index_chow | index_rae | index_colomer |
                                                    index_minimal_winning | index_shapley_shubik,
                                         .method = m});
        SCOPED_TRACE(r.method);
        EXPECT_EQ(r.chow, (std::vector<big_int>{3, 2, 2}));
        EXPECT_EQ(r.winning_coalitions, 3);
        // Rae: B agrees in AB, ABC (yes, passes) and {}, A, C (no, fails): 5 of 8.
        EXPECT_EQ(exact_strings(r.rae), (std::vector<std::string>{"7/8", "5/8", "5/8"}));
        // Colomer-Martinez: (1/2)(2/3 + 2/3) for A, (1/2)(1/3) for B and C.
        EXPECT_EQ(exact_strings(r.colomer), (std::vector<std::string>{"2/3", "1/6", "1/6"}));
        EXPECT_EQ(r.minimal_winning, (std::vector<big_int>{2, 1, 1}));
        EXPECT_EQ(r.minimal_winning_total, 2);
        EXPECT_EQ(r.pivots, (std::vector<big_int>{4, 1, 1}));
        EXPECT_TRUE(r.banzhaf.empty()); // only what was asked
        EXPECT_TRUE(r.holler.empty());
    }
}

// The indices read off the Chow parameters c = (3, 2, 2), |W| = 3, and off the minimal winning
// coalitions {AB, AC} of [3; 2, 1, 1], by hand; by the programme and by enumeration.
TEST(Power, KoenigBraeuningerNevisonPublicHelpAndAbsoluteHollerOfThreeTwoOneOneByHand) {
    const auto g = make_weighted_game(3, {2, 1, 1});
    for (const auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r =
            power_indices(g, power_options_from_json(
                                 std::string(R"({"indices": ["koenig_braeuninger", "nevison", "public_help",
                                                                   "holler"], "method": ")") +
                                 (m == power_method::automatic ? "auto" : "enumeration") + "\"}"));
        SCOPED_TRACE(r.method);
        EXPECT_EQ(exact_strings(r.koenig_braeuninger),
                  (std::vector<std::string>{"1", "2/3", "2/3"}));                                 // c_i / 3
        EXPECT_EQ(exact_strings(r.nevison), (std::vector<std::string>{"3/4", "1/2", "1/2"}));     // c_i / 2^2
        EXPECT_EQ(exact_strings(r.public_help), (std::vector<std::string>{"3/7", "2/7", "2/7"})); // c_i / 7
        EXPECT_EQ(exact_strings(r.holler_absolute), (std::vector<std::string>{"1", "1/2", "1/2"})); // m_i / 2
        EXPECT_EQ(exact_strings(r.holler), (std::vector<std::string>{"1/2", "1/4", "1/4"}));        // m_i / 4
        EXPECT_TRUE(r.chow.empty()); // only what was asked
        const auto j = nlohmann::json::parse(to_json(r));
        EXPECT_EQ(j["public_help_exact"][0], "3/7");
        EXPECT_EQ(j["holler_absolute_exact"][1], "1/2");
    }
}

// [5; 3, 2, 1, 1]: minimal winning AB (size 2) and ACD (size 3). Felsenthal keeps the least size
// only: AB, so 1/2 each to A and B, 0 to C and D; Holler counts both: 2/5, 1/5, 1/5, 1/5.
TEST(Power, FelsenthalKeepsOnlyTheSmallestMinimalWinningCoalitionsByHand) {
    const auto g = make_weighted_game(5, {3, 2, 1, 1});
    for (const auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r = power_indices(g, {.indices = index_felsenthal | index_holler, .method = m});
        SCOPED_TRACE(r.method);
        EXPECT_EQ(exact_strings(r.felsenthal), (std::vector<std::string>{"1/2", "1/2", "0", "0"}));
        EXPECT_EQ(exact_strings(r.holler), (std::vector<std::string>{"2/5", "1/5", "1/5", "1/5"}));
    }
    // With three members needed too, AB no longer wins: the minimal winning coalitions are ABC,
    // ABD and ACD, all of size 3 (A in three, the others in two); only enumeration answers here.
    weighted_game two = g;
    two.majorities.push_back({3, {1, 1, 1, 1}});
    const auto r = power_indices(two, {.indices = index_felsenthal});
    EXPECT_EQ(r.method, "enumeration");
    EXPECT_EQ(exact_strings(r.felsenthal), (std::vector<std::string>{"1/3", "2/9", "2/9", "2/9"}));
}

// The same indices of the UN Security Council from its published counts (Felsenthal & Machover
// 1998): 848 winning coalitions, a permanent member in all 848 and an elected one in 466; 210
// minimal winning coalitions (the five and any four of ten), an elected member in 84.
TEST(Power, UnSecurityCouncilKoenigBraeuningerNevisonPublicHelpAndHollerFollowFromPublishedCounts) {
    std::vector<std::uint64_t> w(15, 1);
    std::fill(w.begin(), w.begin() + 5, 7);
    const auto r =
        power_indices(make_weighted_game(39, w), {.indices = index_koenig_braeuninger | index_nevison |
                                                             index_public_help | index_holler});
    EXPECT_EQ(to_string(r.koenig_braeuninger.exact[0]), "1");
    EXPECT_EQ(to_string(r.koenig_braeuninger.exact[14]), "233/424"); // 466 / 848
    EXPECT_EQ(to_string(r.nevison.exact[0]), "53/1024");             // 848 / 2^14
    EXPECT_EQ(to_string(r.nevison.exact[14]), "233/8192");           // 466 / 2^14
    EXPECT_EQ(to_string(r.public_help.exact[0]), "212/2225");        // 848 / (5 x 848 + 10 x 466)
    EXPECT_EQ(to_string(r.public_help.exact[14]), "233/4450");       // 466 / 8900
    EXPECT_EQ(to_string(r.holler_absolute.exact[0]), "1");           // 210 / 210
    EXPECT_EQ(to_string(r.holler_absolute.exact[14]), "2/5");        // 84 / 210
    EXPECT_EQ(to_string(r.holler.exact[0]), "1/9");                  // 210 / (5 x 210 + 10 x 84)
    EXPECT_EQ(to_string(r.holler.exact[14]), "2/45");                // 84 / 1890
}

// UN Security Council [39; 7 x 5, 1 x 10]: 848 winning coalitions (the five permanent members and
// at least four of ten), swings 848 and 84 (Felsenthal & Machover 1998), 421/2145 and 4/2145 of
// the 15! orders (Shapley & Shubik 1954); a permanent member is in all 848, an elected one in
// sum_{j=3..9} C(9, j) = 466; every minimal winning coalition weighs 39.
TEST(Power, UnSecurityCouncilChowRaeColomerAndPivotsFollowFromPublishedCounts) {
    std::vector<std::uint64_t> w(15, 1);
    std::fill(w.begin(), w.begin() + 5, 7);
    const auto r =
        power_indices(make_weighted_game(39, w),
                      power_options_from_json(R"({"indices": ["chow", "rae", "colomer", "minimal_winning",
                                                                          "shapley_shubik"]})"));
    EXPECT_EQ(r.winning_coalitions, 848);
    EXPECT_EQ(r.chow[0], 848);
    EXPECT_EQ(r.chow[14], 466);
    EXPECT_EQ(to_string(r.rae.exact[0]), "1077/2048");  // (2^14 + 848) / 2^15
    EXPECT_EQ(to_string(r.rae.exact[14]), "4117/8192"); // (2^14 + 84) / 2^15
    EXPECT_EQ(to_string(r.colomer.exact[0]), "7/39");   // 210 coalitions, each 7/39
    EXPECT_EQ(to_string(r.colomer.exact[14]), "2/195"); // 84 of 210, each 1/39
    EXPECT_EQ(r.minimal_winning[0], 210);
    EXPECT_EQ(r.minimal_winning[14], 84);
    EXPECT_EQ(r.pivots[0], big_int(256657766400)); // 421/2145 of 15! = 1,307,674,368,000
    EXPECT_EQ(r.pivots[14], big_int(2438553600));  // 4/2145 of 15!
    const auto j = nlohmann::json::parse(to_json(r));
    EXPECT_EQ(j["chow"][14], "466");
    EXPECT_EQ(j["winning_coalitions"], "848");
    EXPECT_EQ(j["pivots"][0], "256657766400");
    EXPECT_EQ(j["rae_exact"][0], "1077/2048");
    EXPECT_EQ(j["colomer_exact"][14], "2/195");
    EXPECT_EQ(j["minimal_winning"][14], "84");
}

TEST(Power, ColomerIsRefusedForSeveralMajoritiesAndLeftOutOfAll) {
    weighted_game g = make_weighted_game(2, {1, 1, 1});
    g.majorities.push_back({50, {60, 30, 10}});
    try {
        power_indices(g, {.indices = index_colomer});
        FAIL() << "expected a refusal";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("one weighted majority"), std::string::npos);
    }
    const auto all = power_indices(g, fit_power_options(g, power_options_from_json(R"({"indices": "all"})")));
    EXPECT_TRUE(all.colomer.empty());
    EXPECT_FALSE(all.chow.empty());
    EXPECT_FALSE(all.minimal_winning.empty()); // by enumeration with two majorities
}

TEST(Power, EnumerationOracleMatchesPublishedNassau1958Dummies) {
    auto g = make_weighted_game(16, {9, 9, 7, 3, 1, 1});
    auto r = power_indices(
        g, {.indices = index_all & ~(k_union_indices | index_tijs), .method = power_method::enumeration});
    EXPECT_EQ(exact_strings(r.banzhaf), (std::vector<std::string>{"1/3", "1/3", "1/3", "0", "0", "0"}));
    EXPECT_EQ(exact_strings(r.holler), (std::vector<std::string>{"1/3", "1/3", "1/3", "0", "0", "0"}));
    EXPECT_EQ(exact_strings(r.johnston), (std::vector<std::string>{"1/3", "1/3", "1/3", "0", "0", "0"}));
}

TEST(Power, DynamicProgrammeAgreesWithEnumerationOnSeededRandomGames) {
    std::mt19937_64 rng(20250101);
    int games = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n = 1 + rng() % 11;
        const std::size_t M = 1 + (trial % 5 == 4 ? 1 + rng() % 2 : 0);
        auto g = random_game(rng, n, M, true);
        const unsigned dp_indices =
            index_banzhaf | index_shapley_shubik | index_coleman | k_union_indices | index_chow | index_rae |
            index_koenig_braeuninger | index_nevison | index_public_help | index_public_help_xi |
            index_null_player_free_f | index_null_player_free_g | index_harsanyi_nash |
            (M == 1 ? index_holler | index_deegan_packel | index_minimal_winning | index_felsenthal : 0u);
        auto dp = power_indices(g, {.indices = dp_indices, .method = power_method::dynamic_programming});
        auto en =
            power_indices(g, {.indices = index_all & ~((M > 1 ? unsigned(index_colomer) : 0u) | index_tijs),
                              .method = power_method::enumeration});
        SCOPED_TRACE("trial " + std::to_string(trial) + " n=" + std::to_string(n) +
                     " M=" + std::to_string(M));
        ASSERT_EQ(dp.swings, en.swings);
        EXPECT_EQ(dp.winning_coalitions, en.winning_coalitions);
        expect_same(dp.banzhaf, en.banzhaf, "banzhaf");
        expect_same(dp.banzhaf_absolute, en.banzhaf_absolute, "banzhaf absolute");
        expect_same(dp.shapley_shubik, en.shapley_shubik, "shapley-shubik");
        expect_same(dp.coleman_prevent, en.coleman_prevent, "coleman prevent");
        expect_same(dp.coleman_initiate, en.coleman_initiate, "coleman initiate");
        EXPECT_EQ(dp.coleman_act, en.coleman_act);
        // The programme derives Chow and Rae from the swings; enumeration counts them directly.
        EXPECT_EQ(dp.chow, en.chow);
        expect_same(dp.rae, en.rae, "rae");
        expect_same(dp.koenig_braeuninger, en.koenig_braeuninger, "koenig-braeuninger");
        expect_same(dp.nevison, en.nevison, "nevison");
        expect_same(dp.public_help, en.public_help, "public help");
        EXPECT_EQ(dp.pivots, en.pivots);
        expect_same(dp.owen, en.owen, "owen");
        expect_same(dp.banzhaf_owen, en.banzhaf_owen, "banzhaf-owen");
        // The programme derives these from the swings by size; enumeration counts the
        // coalitions directly.
        expect_same(dp.symmetric_coalitional_banzhaf, en.symmetric_coalitional_banzhaf, "scb");
        expect_same(dp.public_help_xi, en.public_help_xi, "public help xi");
        expect_same(dp.null_player_free_f, en.null_player_free_f, "null-player-free f");
        expect_same(dp.null_player_free_g, en.null_player_free_g, "null-player-free g");
        expect_same(dp.harsanyi_nash, en.harsanyi_nash, "harsanyi-nash");
        if (M == 1) {
            EXPECT_EQ(dp.minimal_winning, en.minimal_winning);
            EXPECT_EQ(dp.minimal_winning_total, en.minimal_winning_total);
            expect_same(dp.holler, en.holler, "holler");
            expect_same(dp.holler_absolute, en.holler_absolute, "holler absolute");
            expect_same(dp.felsenthal, en.felsenthal, "felsenthal");
            expect_same(dp.felsenthal_raw, en.felsenthal_raw, "felsenthal raw");
            expect_same(dp.deegan_packel, en.deegan_packel, "deegan-packel");
            expect_same(dp.deegan_packel_raw, en.deegan_packel_raw, "deegan-packel raw");
        }
        // The raw sums are the indices before they are divided; F, G and xi sum to 1.
        // Each vulnerable coalition gives 1 in all, so the raw Johnston sums count them.
        rational xi = 0, f = 0, gg = 0, vulnerable = 0;
        for (const auto& x : en.johnston_raw.exact) vulnerable += x;
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(en.johnston_raw.exact[i] / vulnerable, en.johnston.exact[i]);
            xi += dp.public_help_xi.exact[i], f += dp.null_player_free_f.exact[i],
                gg += dp.null_player_free_g.exact[i];
            if (M == 1)
                EXPECT_EQ(en.deegan_packel_raw.exact[i] / rational(en.minimal_winning_total),
                          en.deegan_packel.exact[i]);
        }
        EXPECT_EQ(xi, 1);
        EXPECT_EQ(f, 1);
        EXPECT_EQ(gg, 1);
        // Sums: normalised indices and values add up to one.
        rational ss = 0, bz = 0, ow = 0, ho = 0, dpk = 0, jo = 0, cm = M == 1 ? 0 : 1;
        big_int pivots = 0;
        for (std::size_t i = 0; i < n; ++i) {
            ss += dp.shapley_shubik.exact[i], bz += dp.banzhaf.exact[i], ow += dp.owen.exact[i];
            ho += en.holler.exact[i], dpk += en.deegan_packel.exact[i], jo += en.johnston.exact[i];
            if (M == 1) cm += en.colomer.exact[i];
            pivots += dp.pivots[i];
        }
        EXPECT_EQ(cm, 1);
        EXPECT_EQ(pivots, factorial_of(n)); // every order has exactly one pivot
        EXPECT_EQ(ss, 1);
        EXPECT_EQ(bz, 1);
        EXPECT_EQ(ow, 1);
        EXPECT_EQ(ho, 1);
        EXPECT_EQ(dpk, 1);
        EXPECT_EQ(jo, 1);
        ++games;
    }
    EXPECT_EQ(games, 400);
}

// Banzhaf alone (no sizes) builds only the lower half of each palindromic product and mirrors
// the rest in, players swept in groups of up to 16: quotas below, at and above half the total,
// zero weights, players heavier than the quota, weights of up to 3 sweep chunks, and one or two
// majorities, each against enumeration.
TEST(Power, BanzhafFromHalfTablesAgreesWithEnumerationWhateverTheQuota) {
    std::mt19937_64 rng(20261205);
    for (int trial = 0; trial < 120; ++trial) {
        const std::size_t n = 1 + rng() % (trial % 10 == 0 ? 19 : 13);
        const std::size_t M = trial % 4 == 3 ? 2 : 1;
        // Two majorities multiply their quotas into one table: small weights there.
        const std::uint64_t top = M == 2 || trial % 3 == 0 ? 12 : trial % 3 == 1 ? 3000 : 25000;
        weighted_game g;
        for (std::size_t d = 0; d < M; ++d) {
            weighted_majority m;
            std::uint64_t total = 0;
            for (std::size_t i = 0; i < n; ++i) {
                m.weights.push_back(rng() % 7 == 0 ? 0 : 1 + rng() % top);
                total += m.weights.back();
            }
            if (total == 0) m.weights[0] = 1, total = 1;
            const std::uint64_t pick = rng() % 4;
            m.quota = pick == 0 ? total / 2 + 1 : pick == 1 ? (total + 1) / 2 : 1 + rng() % total;
            g.majorities.push_back(m);
        }
        SCOPED_TRACE("trial " + std::to_string(trial) + " n=" + std::to_string(n));
        const auto dp = power_indices(
            g, {.indices = index_banzhaf | index_chow, .method = power_method::dynamic_programming});
        const auto en =
            power_indices(g, {.indices = index_banzhaf | index_chow, .method = power_method::enumeration});
        ASSERT_EQ(dp.swings, en.swings);
        EXPECT_EQ(dp.winning_coalitions, en.winning_coalitions);
        EXPECT_EQ(dp.chow, en.chow);
    }
}

TEST(Power, ShapleyShubikAndOwenMatchTheirDefinitionOverOrders) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 1 + rng() % 7;
        auto g = random_game(rng, n, 1 + (trial % 3 == 2), true);
        auto r = power_indices(g, {.indices = index_shapley_shubik | index_owen});
        auto o = by_permutations(g);
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(r.shapley_shubik.exact[i], o.ss[i]) << "trial " << trial << " player " << i;
            EXPECT_EQ(r.owen.exact[i], o.owen[i]) << "trial " << trial << " player " << i;
        }
    }
}

TEST(Power, ManyPlayersUseMultiModularCountsExactly) {
    // [q; 1 x 140]: swings = C(139, q-1), Shapley-Shubik 1/140 each. 140 > 126 players forces
    // the residue passes and their reconstruction.
    const std::size_t n = 140;
    const std::uint64_t q = 71;
    auto r = power_indices(make_weighted_game(q, std::vector<std::uint64_t>(n, 1)),
                           {.indices = index_banzhaf | index_shapley_shubik | index_coleman});
    big_int c = 1; // C(139, 70)
    for (unsigned k = 1; k <= 70; ++k) c = c * (139 - 70 + k) / k;
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(r.swings[i], c);
        EXPECT_EQ(r.shapley_shubik.exact[i], rational(1, 140));
    }
    big_int losing = 0, b = 1; // sum_{k < 71} C(140, k)
    for (unsigned k = 0; k < 71; ++k) {
        losing += b;
        b = b * (140 - k) / (k + 1);
    }
    big_int all = 1;
    all <<= 140;
    EXPECT_EQ(r.winning_coalitions, all - losing);
}

TEST(Power, ResiduePassesOnThreadsMatchEnumerationOfASmallGameAmongDummies) {
    // A random game of up to 10 players plus enough zero-weight players to pass 64: the counts
    // then need the residue passes (run on every core), yet enumeration of the small game is an
    // oracle: swings and winning coalitions double with each dummy, every value index is
    // unchanged, and minimal winning coalitions never contain a dummy.
    std::mt19937_64 rng(64);
    for (int trial = 0; trial < 12; ++trial) {
        const std::size_t n0 = 2 + rng() % 9, M = 1 + (trial % 4 == 3);
        const auto small = random_game(rng, n0, M, false);
        auto big = small;
        const std::size_t z = 64 - n0 + rng() % 12;
        for (auto& m : big.majorities) m.weights.resize(n0 + z, 0);
        unsigned idx = index_banzhaf | index_shapley_shubik | index_coleman | index_chow | index_rae;
        if (M == 1) idx |= index_holler | index_deegan_packel;
        const auto en = power_indices(
            small, {.indices = index_all & ~(k_union_indices | index_tijs | (M > 1 ? index_colomer : 0u)),
                    .method = power_method::enumeration});
        const auto dp = power_indices(big, {.indices = idx});
        SCOPED_TRACE("trial " + std::to_string(trial) + " n0=" + std::to_string(n0) +
                     " dummies=" + std::to_string(z));
        const big_int scale = big_int(1) << static_cast<unsigned>(z);
        EXPECT_EQ(dp.winning_coalitions, en.winning_coalitions * scale);
        for (std::size_t i = 0; i < n0 + z; ++i) {
            EXPECT_EQ(dp.swings[i], i < n0 ? en.swings[i] * scale : big_int(0));
            EXPECT_EQ(dp.shapley_shubik.exact[i], i < n0 ? en.shapley_shubik.exact[i] : rational(0));
            EXPECT_EQ(dp.banzhaf.exact[i], i < n0 ? en.banzhaf.exact[i] : rational(0));
            // A dummy is in half the winning coalitions and agrees with the outcome half the time.
            EXPECT_EQ(dp.chow[i], i < n0 ? en.chow[i] * scale : big_int(dp.winning_coalitions / 2));
            EXPECT_EQ(dp.rae.exact[i], i < n0 ? en.rae.exact[i] : rational(1, 2));
            if (M == 1) {
                EXPECT_EQ(dp.minimal_winning[i], i < n0 ? en.minimal_winning[i] : big_int(0));
                EXPECT_EQ(dp.holler.exact[i], i < n0 ? en.holler.exact[i] : rational(0));
                EXPECT_EQ(dp.deegan_packel.exact[i], i < n0 ? en.deegan_packel.exact[i] : rational(0));
            }
        }
    }
}

TEST(Power, ResiduePassesOnThreadsCanBeCancelled) {
    std::vector<std::uint64_t> w(90);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 100 + 7 * i;
    int calls = 0;
    try {
        power_indices(make_weighted_game(9000, w), {.indices = index_all & ~(k_union_indices | index_tijs |
                                                                             index_johnston | index_colomer),
                                                    .progress = [&](double) { return ++calls < 4; }});
        FAIL() << "expected cancellation";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
    EXPECT_EQ(calls, 4);
}

TEST(Power, QuotaFromFractionSaysStrictlyMoreOrAtLeast) {
    EXPECT_EQ(quota_from_fraction(10, rational(1, 2), quota_rule::more_than), 6u);
    EXPECT_EQ(quota_from_fraction(10, rational(1, 2), quota_rule::at_least), 5u);
    EXPECT_EQ(quota_from_fraction(11, rational(1, 2), quota_rule::more_than), 6u);
    EXPECT_EQ(quota_from_fraction(11, rational(1, 2), quota_rule::at_least), 6u);
    EXPECT_EQ(quota_from_fraction(345, rational(255, 345), quota_rule::at_least), 255u);
    EXPECT_EQ(quota_from_fraction(9, rational(2, 3), quota_rule::at_least), 6u);
    EXPECT_EQ(quota_from_fraction(9, rational(2, 3), quota_rule::more_than), 7u);
    std::vector<std::uint64_t> w{3, 4};
    EXPECT_EQ(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), 4u);
    EXPECT_THROW(quota_from_fraction(10, rational(3, 2), quota_rule::at_least), accord::error);
}

TEST(Power, MalformedGamesAreRejectedWithReasons) {
    auto code = [](const weighted_game& g) {
        try {
            power_indices(g);
        } catch (const accord::error& e) {
            return e.code();
        }
        return errc::ok;
    };
    EXPECT_EQ(code(make_weighted_game(0, {1, 2})), errc::invalid);
    EXPECT_EQ(code(make_weighted_game(4, {1, 2})), errc::invalid);
    auto g = make_weighted_game(2, {1, 2});
    g.majorities.push_back({1, {1}});
    EXPECT_EQ(code(g), errc::invalid);
    auto u = make_weighted_game(2, {1, 2, 3});
    u.unions = {{0, 1}};
    EXPECT_EQ(code(u), errc::invalid); // player 2 in no union
    EXPECT_THROW(power_indices(make_weighted_game(2, {1, 2}), {.indices = index_owen}), accord::error);
    EXPECT_THROW(
        power_indices(make_weighted_game(40, std::vector<std::uint64_t>(40, 1)), {.indices = index_johnston}),
        accord::error); // no programme for Johnston and 2^40 coalitions refused
}

TEST(Power, ProgressCallbackCanCancel) {
    std::vector<std::uint64_t> w(60);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 100 + 7 * i;
    auto g = make_weighted_game(3000, w);
    int calls = 0;
    try {
        power_indices(g, {.progress = [&](double) { return ++calls < 3; }});
        FAIL() << "expected cancellation";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
    EXPECT_EQ(calls, 3);
    double last = -1;
    bool monotone = true;
    power_indices(g, {.progress = [&](double f) {
                      monotone = monotone && f >= last;
                      last = f;
                      return true;
                  }});
    EXPECT_TRUE(monotone);
    EXPECT_EQ(last, 1.0);
}

TEST(Power, JsonCarriesFloatsExactStringsAndSwings) {
    std::vector<std::uint64_t> w(15, 1);
    std::fill(w.begin(), w.begin() + 5, 7);
    auto r = power_indices(make_weighted_game(39, w),
                           {.indices = index_banzhaf | index_shapley_shubik | index_coleman});
    auto j = nlohmann::json::parse(to_json(r));
    EXPECT_EQ(j["players"][0], "p1");
    EXPECT_EQ(j["shapley_shubik_exact"][14], "4/2145");
    EXPECT_EQ(j["banzhaf_exact"][0], "106/635");
    EXPECT_EQ(j["swings"][0], "848");
    EXPECT_NEAR(j["shapley_shubik"][0].get<double>(), 0.196270, 1e-6);
    EXPECT_TRUE(j.contains("coleman_prevent"));
    EXPECT_EQ(j["exact"], true);
}

TEST(Power, MonteCarloIsLabelledAnEstimateAndCoversTheExactValue) {
    std::vector<std::uint64_t> w(15, 1);
    std::fill(w.begin(), w.begin() + 5, 7);
    auto g = make_weighted_game(39, w);
    auto mc = power_indices(
        g, {.method = power_method::monte_carlo, .samples = 200000, .seed = 42, .confidence = 0.999});
    auto ex = power_indices(g);
    EXPECT_FALSE(mc.exact);
    EXPECT_EQ(mc.method, "monte-carlo");
    EXPECT_TRUE(mc.shapley_shubik.exact.empty());
    for (std::size_t i = 0; i < 15; ++i) {
        EXPECT_LE(mc.shapley_shubik.lower[i], ex.shapley_shubik.value[i]);
        EXPECT_GE(mc.shapley_shubik.upper[i], ex.shapley_shubik.value[i]);
        EXPECT_LE(mc.banzhaf_absolute.lower[i], ex.banzhaf_absolute.value[i]);
        EXPECT_GE(mc.banzhaf_absolute.upper[i], ex.banzhaf_absolute.value[i]);
    }
    auto j = nlohmann::json::parse(to_json(mc));
    EXPECT_EQ(j["exact"], false);
    EXPECT_FALSE(j.contains("shapley_shubik_exact"));
}

TEST(Power, DoubleMajorityOfUnitsAndWeightsCountsBoth) {
    // Practices AND patients: 3 of 5 practices and a strict majority of 100 patients.
    weighted_game g;
    g.majorities.push_back({3, {1, 1, 1, 1, 1}});
    g.majorities.push_back({51, {40, 30, 10, 10, 10}});
    auto dp = power_indices(g, {.indices = index_banzhaf | index_shapley_shubik});
    auto en = power_indices(
        g, {.indices = index_banzhaf | index_shapley_shubik, .method = power_method::enumeration});
    EXPECT_EQ(dp.swings, en.swings);
    expect_same(dp.shapley_shubik, en.shapley_shubik, "ss");
    // With patients alone the big practice holds more; the units majority lifts the small ones.
    auto alone = power_indices(make_weighted_game(51, {40, 30, 10, 10, 10}), {.indices = index_banzhaf});
    EXPECT_GT(dp.banzhaf.exact[4], alone.banzhaf.exact[4]);
}

namespace {
struct practice {
    std::string name, pcn;
    std::uint64_t patients;
};
std::vector<practice> load_practices(const std::filesystem::path& p) {
    std::vector<practice> out;
    for (auto& r : read_csv(p))
        out.push_back({r["practice_name"], r["pcn_name"], std::stoull(r["registered_patients"])});
    return out;
}
} // namespace

TEST(Power, HerefordshireAndWorcestershire78PracticesByPatientsStrictMajority) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    auto ps = load_practices(csv);
    ASSERT_EQ(ps.size(), 78u);
    std::vector<std::uint64_t> w;
    for (auto& p : ps) w.push_back(p.patients);
    const std::uint64_t total = std::accumulate(w.begin(), w.end(), std::uint64_t{0});
    EXPECT_EQ(total, 833128u); // SOURCES.md
    const auto q = quota_from_fraction(w, rational(1, 2), quota_rule::more_than);
    EXPECT_EQ(q, 416565u);
    auto r = power_indices(make_weighted_game(q, w), {.indices = index_banzhaf | index_shapley_shubik});
    rational ss = 0, bz = 0;
    for (std::size_t i = 0; i < w.size(); ++i) ss += r.shapley_shubik.exact[i], bz += r.banzhaf.exact[i];
    EXPECT_EQ(ss, 1);
    EXPECT_EQ(bz, 1);
    // Power is monotone in weight: a heavier practice never has fewer swings.
    for (std::size_t i = 0; i < w.size(); ++i)
        for (std::size_t j = 0; j < w.size(); ++j)
            if (w[i] > w[j]) EXPECT_GE(r.swings[i], r.swings[j]);
    // A Monte Carlo estimate, run independently, brackets the exact Shapley-Shubik value of the
    // largest practice.
    const auto big = std::max_element(w.begin(), w.end()) - w.begin();
    // The largest practice (47,543 patients). These exact values were first computed by the
    // 128-bit programme that the residue passes replaced; both agreed on all 78 practices.
    EXPECT_EQ(r.swings[big], big_int("56090720431440875843356"));
    EXPECT_EQ(r.shapley_shubik.exact[big],
              rational(big_int("637630895605673470624065571"), big_int("10700179322902086669922670400")));
    EXPECT_EQ(r.winning_coalitions, big_int("151114635759225510758580"));
    auto hd = power_indices(make_weighted_game(q, w), {.indices = index_holler | index_deegan_packel});
    EXPECT_EQ(hd.minimal_winning[big], big_int("3705310624800019704734"));
    EXPECT_EQ(hd.minimal_winning_total, big_int("7272530168140082260605"));
    EXPECT_EQ(hd.deegan_packel.exact[big], rational(big_int("76448570834515252655126839737485100068749"),
                                                    big_int("5634473662384434075098229853713474117843000")));
    auto mc = power_indices(make_weighted_game(q, w), {.indices = index_shapley_shubik,
                                                       .method = power_method::monte_carlo,
                                                       .samples = 100000,
                                                       .seed = 3,
                                                       .confidence = 0.999});
    EXPECT_LE(mc.shapley_shubik.lower[big], r.shapley_shubik.value[big]);
    EXPECT_GE(mc.shapley_shubik.upper[big], r.shapley_shubik.value[big]);
}

// The public template (accord/power_dp.hpp) counted in double: normalised Banzhaf of the 78
// practices within rounding of the exact index.
TEST(PowerDp, DoubleBanzhafOfHerefordshireAndWorcestershireIsTheExactIndexWithinRounding) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    std::vector<std::uint64_t> w;
    for (const auto& p : load_practices(csv)) w.push_back(p.patients);
    ASSERT_EQ(w.size(), 78u);
    const auto g = make_weighted_game(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), w);
    const auto exact = power_indices(g, {.indices = index_banzhaf});
    const auto fast = normalised_banzhaf<double>(count_weighted_game<double>(g));
    for (std::size_t i = 0; i < w.size(); ++i)
        EXPECT_NEAR(fast[i], exact.banzhaf.value[i], 1e-12) << "practice " << i;
}

TEST(Power, HerefordshireNineteenPracticesInFivePcnsAgreeWithEnumeration) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    const std::set<std::string> pcns{"EAST HEREFORDSHIRE PCN", "HEREFORDSHIRE HEREFORD CITY HMG PCN",
                                     "NORTH & WEST HEREFORDSHIRE PCN", "SOUTH & WEST HEREFORDSHIRE PCN",
                                     "THE WBC (HEREFORD CITY) PCN"};
    std::vector<practice> ps;
    for (auto& p : load_practices(csv))
        if (pcns.count(p.pcn)) ps.push_back(p);
    ASSERT_EQ(ps.size(), 19u) << "Herefordshire is 19 practices in 5 PCNs (SOURCES.md)";
    weighted_game g;
    weighted_majority m;
    std::map<std::string, std::vector<player_t>> by_pcn;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        g.players.push_back(ps[i].name);
        m.weights.push_back(ps[i].patients);
        by_pcn[ps[i].pcn].push_back(static_cast<player_t>(i));
    }
    const std::uint64_t total = std::accumulate(m.weights.begin(), m.weights.end(), std::uint64_t{0});
    EXPECT_EQ(total, 204771u);
    m.quota = quota_from_fraction(total, rational(1, 2), quota_rule::more_than);
    g.majorities.push_back(m);
    for (auto& [_, members] : by_pcn) g.unions.push_back(members);
    const auto hmg = std::max_element(m.weights.begin(), m.weights.end()) - m.weights.begin();
    EXPECT_NEAR(double(m.weights[hmg]) / double(total), 0.232, 0.0005); // 23.2% (DESIGN.md)
    const unsigned dp_idx = index_all & ~(index_johnston | index_colomer | index_tijs);
    auto dp = power_indices(g, {.indices = dp_idx, .method = power_method::dynamic_programming});
    auto en = power_indices(g, {.indices = dp_idx, .method = power_method::enumeration});
    EXPECT_EQ(dp.swings, en.swings);
    expect_same(dp.shapley_shubik, en.shapley_shubik, "ss");
    expect_same(dp.owen, en.owen, "owen");
    expect_same(dp.banzhaf_owen, en.banzhaf_owen, "banzhaf-owen");
    expect_same(dp.holler, en.holler, "holler");
    expect_same(dp.deegan_packel, en.deegan_packel, "deegan-packel");
    // Hereford Medical Group holds 23.2% of the weight but more of the power.
    EXPECT_GT(dp.shapley_shubik.value[hmg], 0.232);
}

TEST(Power, FourierBoundContainsTheExactBanzhafOfHerefordshireAndWorcestershire) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    std::vector<std::uint64_t> w;
    for (auto& p : load_practices(csv)) w.push_back(p.patients);
    auto g = make_weighted_game(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), w);
    auto ex = power_indices(g, {.indices = index_banzhaf});
    auto fb = banzhaf_fourier(g);
    EXPECT_LT(fb.absolute_error, 1e-9);
    EXPECT_GT(fb.frequencies, 0u);
    for (std::size_t i = 0; i < w.size(); ++i) {
        EXPECT_LE(std::fabs(fb.absolute[i] - ex.banzhaf_absolute.value[i]), fb.absolute_error + 1e-16) << i;
        EXPECT_LE(std::fabs(fb.normalised[i] - ex.banzhaf.value[i]), fb.normalised_error + 1e-16) << i;
    }
}

TEST(Power, FourierMethodIsLabelledAndBracketsTheExactBanzhafOfHerefordshireAndWorcestershire) {
    ACCORD_SHARED_FILE(csv, "nhs/practices_herefordshire_worcestershire_2025.csv");
    std::vector<std::uint64_t> w;
    for (auto& p : load_practices(csv)) w.push_back(p.patients);
    const auto g = make_weighted_game(quota_from_fraction(w, rational(1, 2), quota_rule::more_than), w);
    const auto exact = power_indices(g, {.indices = index_banzhaf});
    const auto est = power_indices(g, {.indices = index_banzhaf, .method = power_method::fourier_bound});
    EXPECT_EQ(est.method, "fourier-bound");
    EXPECT_FALSE(est.exact);
    EXPECT_TRUE(est.banzhaf.exact.empty());
    EXPECT_LE(est.error_bound, 1e-12);
    ASSERT_EQ(est.notes.size(), 1u);
    EXPECT_NE(est.notes[0].find("not exact"), std::string::npos);
    for (std::size_t i = 0; i < w.size(); ++i) {
        EXPECT_LE(est.banzhaf.lower[i], exact.banzhaf.value[i]);
        EXPECT_GE(est.banzhaf.upper[i], exact.banzhaf.value[i]);
        EXPECT_NEAR(est.banzhaf_absolute.value[i], exact.banzhaf_absolute.value[i],
                    est.error_bound_absolute + 1e-15);
    }
    EXPECT_NE(to_json(est).find("\"error_bound\""), std::string::npos);
    EXPECT_THROW(power_indices(g, {.indices = index_shapley_shubik, .method = power_method::fourier_bound}),
                 accord::error);
}

TEST(Power, FourierBoundHoldsOnSeededRandomGames) {
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = 20 + rng() % 40;
        std::vector<std::uint64_t> w(n);
        for (auto& x : w) x = 1 + rng() % 5000;
        const std::uint64_t total = std::accumulate(w.begin(), w.end(), std::uint64_t{0});
        auto g = make_weighted_game(total / 3 + rng() % (total / 3), w);
        auto ex = power_indices(g, {.indices = index_banzhaf});
        auto fb = banzhaf_fourier(g);
        for (std::size_t i = 0; i < n; ++i)
            EXPECT_LE(std::fabs(fb.absolute[i] - ex.banzhaf_absolute.value[i]), fb.absolute_error + 1e-16)
                << "trial " << trial << " player " << i;
    }
}

TEST(Power, ResiduePassesGiveTheSameValuesOnOneThreadAndOnTwo) {
    std::vector<std::uint64_t> w(80);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 100 + 7 * i + (i % 3);
    const auto g = make_weighted_game(5000, w);
    const unsigned idx = index_banzhaf | index_shapley_shubik | index_holler | index_deegan_packel;
    const auto one = power_indices(g, {.indices = idx, .threads = 1});
    const auto two = power_indices(g, {.indices = idx, .threads = 2});
    EXPECT_EQ(one.swings, two.swings);
    EXPECT_EQ(one.shapley_shubik.exact, two.shapley_shubik.exact);
    EXPECT_EQ(one.deegan_packel.exact, two.deegan_packel.exact);
    rational total = 0;
    for (const auto& x : one.shapley_shubik.exact) total += x;
    EXPECT_EQ(total, rational(1)); // Shapley-Shubik values of a proper game add up to 1
}

TEST(Power, ShapleyShubikReconstructionReportsProgressAndCanBeCancelled) {
    // The reconstruction of the residues (after the passes, the last 10% of the progress) reports
    // progress and honours a cancel: cancel at the first report past 0.9.
    std::vector<std::uint64_t> w(200);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1 + i % 5;
    bool past_passes = false;
    try {
        power_indices(make_weighted_game(301, w),
                      {.indices = index_shapley_shubik, .progress = [&](double f) {
                           if (f > 0.9 && f < 1) past_passes = true;
                           return !past_passes;
                       }});
        FAIL() << "expected cancellation";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::cancelled);
    }
    EXPECT_TRUE(past_passes);
}

TEST(Power, ShapleyShubikBeyondTheTableLimitIsRefusedUpFrontWithTheEstimate) {
    // 1,700 players: the n x n Shapley-Shubik residues alone would pass 512 MiB. Refused before
    // any pass runs, naming the estimate and what to do instead.
    const auto g = make_weighted_game(851, std::vector<std::uint64_t>(1700, 1));
    try {
        power_indices(g, {.indices = index_shapley_shubik, .method = power_method::dynamic_programming});
        FAIL() << "expected a refusal";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("MiB"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("method monte-carlo"), std::string::npos) << e.what();
    }
}

TEST(Power, TheTableLimitIsAnEighthOfTheMemoryBudgetAndRaisedWithIt) {
    // Issue 14: the exact programme's 512 MiB limit was fixed, and its refusal said only "more
    // than 512 MiB". It is now an eighth of the memory budget (512 MiB by default), and the
    // refusal names the table's size and how to raise the budget.
    struct restore {
        ~restore() { detail::set_memory_budget(0); }
    } guard;
    // 120 players of weight 1..120 (total 7,260): Shapley-Shubik's table by size and weight has
    // 121 x ~3,600 cells, more than 128 KiB.
    std::vector<std::uint64_t> w(120);
    std::iota(w.begin(), w.end(), 1);
    const auto g = make_weighted_game(3631, w);
    const power_options named{.indices = index_shapley_shubik, .method = power_method::dynamic_programming};
    detail::set_memory_budget(std::uint64_t{1} << 20); // 1 MiB: tables up to 128 KiB
    try {
        power_indices(g, named);
        FAIL() << "expected a refusal";
    } catch (const accord::error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(what.find(", more than its limit of 128.0 KiB (an eighth of the memory budget; raise the "
                            "budget with $ACCORD_MAX_MEMORY, the CLI's --max-memory"),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("need"), std::string::npos) << what; // the estimate
    }
    // method auto answers with the proven-bound estimate, and says why with the limit in force.
    const auto fallback = power_indices(g, {});
    EXPECT_FALSE(fallback.exact);
    ASSERT_FALSE(fallback.notes.empty());
    EXPECT_NE(fallback.notes[0].find("more than 128.0 KiB per table"), std::string::npos)
        << fallback.notes[0];
    // Raised, the same count is exact again.
    detail::set_memory_budget(std::uint64_t{4} << 30);
    EXPECT_TRUE(power_indices(g, named).exact);
}

// Public help xi and null-player-free F hold the n x n swing counts by size as big integers: the
// estimate is refused before allocating, naming the indices and the limit.
TEST(Power, TheSwingsBySizeOfXiAndFAreCheckedAgainstTheTableLimit) {
    struct restore {
        ~restore() { detail::set_memory_budget(0); }
    } guard;
    const auto g = make_weighted_game(31, std::vector<std::uint64_t>(60, 1));
    detail::set_memory_budget(std::uint64_t{1} << 20); // tables up to 128 KiB; 60 x 60 counts pass it
    for (unsigned index : {index_public_help_xi, index_null_player_free_f}) {
        try {
            power_indices(g, {.indices = index, .method = power_method::dynamic_programming});
            FAIL() << "expected a refusal";
        } catch (const accord::error& e) {
            const std::string what = e.what();
            EXPECT_EQ(e.code(), errc::unsupported);
            EXPECT_NE(what.find("swings by coalition size"), std::string::npos) << what;
            EXPECT_NE(what.find("for 60 players, more than its limit of 128.0 KiB"), std::string::npos)
                << what;
        }
    }
    detail::set_memory_budget(std::uint64_t{4} << 30);
    EXPECT_TRUE(
        power_indices(g, {.indices = index_public_help_xi, .method = power_method::dynamic_programming})
            .exact);
}

// Every index and method is reachable by the name the front doors use (power_index_table(),
// power_method_table()), and the dynamic programme and enumeration agree when named.
TEST(Power, IndicesAndMethodsAreReachedByTheirNames) {
    const weighted_game g = make_weighted_game(6, {4, 3, 2, 1});
    weighted_game with_unions = g;
    with_unions.unions = {{0, 1}, {2, 3}};
    const auto dp = power_indices(
        with_unions,
        power_options_from_json(R"({"method": "dp", "indices": "banzhaf,coleman,banzhaf_owen"})"));
    const auto en = power_indices(
        with_unions,
        power_options_from_json(R"({"method": "enumeration", "indices": "banzhaf,coleman,banzhaf_owen"})"));
    EXPECT_EQ(dp.method, "dynamic-programming");
    EXPECT_EQ(en.method, "enumeration");
    EXPECT_EQ(dp.banzhaf_owen.exact, en.banzhaf_owen.exact);
    EXPECT_EQ(dp.coleman_prevent.exact, en.coleman_prevent.exact);
    const auto coleman = power_indices(g, power_options_from_json(R"({"indices": ["coleman"]})"));
    EXPECT_FALSE(coleman.coleman_prevent.empty());
    EXPECT_TRUE(coleman.shapley_shubik.empty());
    const auto bo = power_indices(with_unions, power_options_from_json(R"({"indices": "banzhaf_owen"})"));
    EXPECT_EQ(bo.banzhaf_owen.exact, dp.banzhaf_owen.exact);
}

// The raw sums behind Deegan-Packel, Felsenthal and Johnston, by hand for EPIC's readme game
// [11; 9, 5, 3, 1, 1]: its minimal winning coalitions are {1,2}, {1,3} and {1,4,5}, so player 1's
// raw Deegan-Packel sum is 1/2 + 1/2 + 1/3 = 4/3, player 4's 1/3; the least size is 2, in two
// coalitions with player 1 and one each with players 2 and 3.
TEST(Power, RawDeeganPackelFelsenthalAndJohnstonSumsByHand) {
    const auto g = make_weighted_game(11, {9, 5, 3, 1, 1});
    for (auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r = power_indices(
            g, {.indices = index_deegan_packel | index_felsenthal | index_johnston, .method = m});
        EXPECT_EQ(exact_strings(r.deegan_packel_raw),
                  (std::vector<std::string>{"4/3", "1/2", "1/2", "1/3", "1/3"}));
        EXPECT_EQ(exact_strings(r.felsenthal_raw), (std::vector<std::string>{"2", "1", "1", "0", "0"}));
        // Johnston: all 13 winning coalitions contain player 1 and are vulnerable; player 1 is
        // the lone critical member of 6, shares 6 with one other and {1,4,5} with two:
        // 6 + 6/2 + 1/3 = 28/3; player 2 shares {1,2}, {1,2,4} and {1,2,5} with it: 3/2.
        EXPECT_EQ(exact_strings(r.johnston_raw),
                  (std::vector<std::string>{"28/3", "3/2", "3/2", "1/3", "1/3"}));
    }
}

// Public help xi (Bertini & Stach 2015) and the null-player-free F and G (Alvarez-Mozos et al.
// 2015) by hand. [3; 2, 1, 1] wins with {1,2}, {1,3}, {1,2,3}: sum_S 1/|S| = 4/3, and player 1's
// sum of 1/|S|^2 is 1/4 + 1/4 + 1/9 = 11/18, so xi_1 = 11/24, xi_2 = xi_3 = (1/4 + 1/9) / (4/3) =
// 13/48. Without null players F is Deegan-Packel's split over all three: F_1 = (1/2 + 1/2 + 1/3) / 3
// = 4/9, F_2 = (1/2 + 1/3) / 3 = 5/18; G = 3/7, 2/7, 2/7. A fourth player of weight 0 is a null
// player and leaves F and G as they were; xi counts it, as it is in winning coalitions.
TEST(Power, PublicHelpXiAndNullPlayerFreeIndicesByHand) {
    const unsigned idx = index_public_help_xi | index_null_player_free_f | index_null_player_free_g;
    for (auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r = power_indices(make_weighted_game(3, {2, 1, 1}), {.indices = idx, .method = m});
        EXPECT_EQ(exact_strings(r.public_help_xi), (std::vector<std::string>{"11/24", "13/48", "13/48"}));
        EXPECT_EQ(exact_strings(r.null_player_free_f), (std::vector<std::string>{"4/9", "5/18", "5/18"}));
        EXPECT_EQ(exact_strings(r.null_player_free_g), (std::vector<std::string>{"3/7", "2/7", "2/7"}));
        const auto z = power_indices(make_weighted_game(3, {2, 1, 1, 0}), {.indices = idx, .method = m});
        EXPECT_EQ(exact_strings(z.null_player_free_f),
                  (std::vector<std::string>{"4/9", "5/18", "5/18", "0"}));
        EXPECT_EQ(exact_strings(z.null_player_free_g), (std::vector<std::string>{"3/7", "2/7", "2/7", "0"}));
        // With it W = {12, 13, 123, 124, 134, 1234}: sum 1/|S| = 1/2 + 1/2 + 3/3 + 1/4 = 9/4, and
        // the null player's 1/|S|^2 sum 1/9 + 1/9 + 1/16 = 41/144, over 9/4: 41/324.
        EXPECT_EQ(to_string(z.public_help_xi.exact[3]), "41/324");
    }
}

// The symmetric coalitional Banzhaf index (Alonso-Meijide & Fiestras-Janeiro 2002) of the EEC of
// 1958, [12; 4, 4, 4, 2, 2, 1] with unions {France, Germany}, {Italy, Belgium, Netherlands},
// {Luxembourg}. Italy (4) turns R + T from losing to winning when their weight is 8 to 11: with
// R = {France, Germany} or that and Luxembourg, and T = {} (twice) or one Benelux partner
// (four times). Banzhaf's 1/4 among the three unions times Shapley's t! (2 - t)! / 3! inside:
// (2 * 1/3 + 4 * 1/6) / 4 = 1/3, where Banzhaf-Owen gives 6/16. Belgium (2) swings only with the
// Netherlands in T (t = 1), beside France and Germany with or without Luxembourg: 2 * 1/6 / 4 = 1/12.
TEST(Power, SymmetricCoalitionalBanzhafOfTheEec1958ByHand) {
    auto g = make_weighted_game(12, {4, 4, 4, 2, 2, 1});
    g.unions = {{0, 1}, {2, 3, 4}, {5}};
    for (auto m : {power_method::automatic, power_method::enumeration}) {
        const auto r = power_indices(
            g, {.indices = index_symmetric_coalitional_banzhaf | index_banzhaf_owen, .method = m});
        EXPECT_EQ(exact_strings(r.symmetric_coalitional_banzhaf),
                  (std::vector<std::string>{"1/4", "1/4", "1/3", "1/12", "1/12", "0"}));
        EXPECT_EQ(to_string(r.banzhaf_owen.exact[2]), "3/8");
    }
    EXPECT_THROW(power_indices(make_weighted_game(12, {4, 4, 4, 2, 2, 1}),
                               {.indices = index_symmetric_coalitional_banzhaf}),
                 accord::error);
}

// Tijs is undefined without a veto player: refused when named, left out of "all".
TEST(Power, TijsNeedsAVetoPlayer) {
    const auto g = make_weighted_game(16, {9, 9, 7, 3, 1, 1}); // Nassau 1958: any two of 9, 9, 7 win
    try {
        power_indices(g, {.indices = index_tijs});
        FAIL() << "expected a refusal";
    } catch (const accord::error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("veto player"), std::string::npos);
    }
    const auto all = power_indices(g, fit_power_options(g, power_options_from_json(R"({"indices": "all"})")));
    EXPECT_TRUE(all.tijs.empty());
    EXPECT_FALSE(all.harsanyi_nash.empty());
    EXPECT_EQ(all.harsanyi_nash.exact, std::vector<rational>(6, rational(1, 6)));
}
