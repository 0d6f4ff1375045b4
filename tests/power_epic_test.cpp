// Power indices beside EPIC (Staudacher et al., Efficient Power Index Computation): every index
// both compute, game by game and player by player, against the figures EPIC printed
// (tests/data/peers/epic.json, written by gen_epic.py there; README.md says how).
#include "accord/power.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

using namespace accord;

namespace {

/// A number as EPIC prints it: GMP's mpf through an ostream at the default precision, so six
/// significant digits in %g style ("0.230769", "6.71089e+07", "12", "0").
struct printed_number {
    rational value;
    rational half_unit; ///< half a unit in the sixth significant digit (0 for an exact 0)
};

rational power_of_ten(int e) {
    rational r = 1;
    for (int k = 0; k < (e < 0 ? -e : e); ++k) r *= 10;
    return e < 0 ? rational(1 / r) : r;
}

printed_number parse_printed(const std::string& text) {
    const auto e_at = text.find_first_of("eE");
    const std::string mantissa = text.substr(0, e_at);
    const int exponent = e_at == std::string::npos ? 0 : std::stoi(text.substr(e_at + 1));
    std::string digits;
    int fraction_digits = 0;
    bool after_point = false;
    bool negative = false;
    for (const char c : mantissa) {
        if (c == '-' && digits.empty())
            negative = true;
        else if (c == '.')
            after_point = true;
        else if (c >= '0' && c <= '9') {
            digits += c;
            fraction_digits += after_point ? 1 : 0;
        } else
            throw std::runtime_error("not a number EPIC prints: " + text);
    }
    if (digits.empty()) throw std::runtime_error("not a number EPIC prints: " + text);
    printed_number p;
    const auto first = digits.find_first_not_of('0');
    if (first == std::string::npos) return p; // 0, exactly
    p.value = rational(big_int(digits.substr(first))) * power_of_ten(exponent - fraction_digits);
    if (negative) p.value = -p.value;
    // The leading digit's power of ten, then half a unit five places below it.
    const int lead = static_cast<int>(digits.size() - first) - 1 - fraction_digits + exponent;
    p.half_unit = power_of_ten(lead - 5) / 2;
    return p;
}

std::vector<rational> as_rationals(const std::vector<big_int>& v) { return {v.begin(), v.end()}; }

big_int factorial_of(std::size_t n) {
    big_int f = 1;
    for (std::size_t k = 2; k <= n; ++k) f *= static_cast<unsigned>(k);
    return f;
}

/// accord's counts where EPIC (684dbf3) reports others for players of weight 0 (documented in
/// docs/methods/power.md, "Beside EPIC"); equal to accord's when no weight is 0.
struct epic_counts {
    /// Raw Shapley-Shubik: EPIC counts the orders of the players of positive weight only, so its
    /// pivots sum to n'! (n' players of positive weight), accord's to n!.
    std::vector<big_int> pivots;
    /// Raw public help theta (and the PH indices read off it): EPIC gives a player of weight 0
    /// floor(|W'| / 2) 2^z winning coalitions (|W'| those of the game without the z players of
    /// weight 0), an integer division where the count is |W'| 2^(z-1).
    std::vector<big_int> chow;
    /// Raw Johnston: EPIC sums over the coalitions of the players of positive weight, accord over
    /// all, where each appears 2^z times (with and without each of the z players of weight 0).
    std::vector<rational> johnston_raw;
};

epic_counts epic_view(const weighted_game& g, const power_result& r) {
    const auto& w = g.majorities.at(0).weights;
    const std::size_t n = w.size();
    const std::size_t z = static_cast<std::size_t>(std::count(w.begin(), w.end(), 0u));
    epic_counts e{r.pivots, r.chow, r.johnston_raw.exact};
    if (z == 0) return e;
    for (auto& j : e.johnston_raw) j /= rational(big_int(1) << z);
    const big_int scale = factorial_of(n) / factorial_of(n - z);
    for (auto& p : e.pivots) p /= scale;
    const big_int two_z = big_int(1) << z;
    const big_int reduced_winning = r.winning_coalitions / two_z;
    for (std::size_t i = 0; i < n; ++i)
        if (w[i] == 0) e.chow[i] = (reduced_winning / 2) * two_z;
    return e;
}

std::vector<rational> shares(const std::vector<big_int>& v, const big_int& over) {
    std::vector<rational> out;
    for (const auto& x : v) out.emplace_back(x, over);
    return out;
}

big_int sum_of(const std::vector<big_int>& v) {
    big_int s = 0;
    for (const auto& x : v) s += x;
    return s;
}

using epic_reader = std::function<std::vector<rational>(const power_result&, const epic_counts&)>;

/// EPIC's index codes and where accord keeps the same numbers. KBPH, NPH and PHTPH are EPIC's
/// second algorithms for KB, N and PHT (the same definitions, read off raw public help theta).
const std::map<std::string, epic_reader>& epic_indices() {
    static const std::map<std::string, epic_reader> table = {
        {"BZ", [](const power_result& r, const epic_counts&) { return r.banzhaf.exact; }},
        {"ABZ", [](const power_result& r, const epic_counts&) { return r.banzhaf_absolute.exact; }},
        {"RBZ", [](const power_result& r, const epic_counts&) { return as_rationals(r.swings); }},
        {"SH", [](const power_result& r, const epic_counts&) { return r.shapley_shubik.exact; }},
        {"RSH", [](const power_result&, const epic_counts& e) { return as_rationals(e.pivots); }},
        // EPIC prints the one power of the collectivity to act once per player.
        {"CC", [](const power_result& r,
                  const epic_counts&) { return std::vector<rational>(r.players.size(), r.coleman_act); }},
        {"CI", [](const power_result& r, const epic_counts&) { return r.coleman_initiate.exact; }},
        {"CP", [](const power_result& r, const epic_counts&) { return r.coleman_prevent.exact; }},
        {"DP", [](const power_result& r, const epic_counts&) { return r.deegan_packel.exact; }},
        {"FT", [](const power_result& r, const epic_counts&) { return r.felsenthal.exact; }},
        {"J", [](const power_result& r, const epic_counts&) { return r.johnston.exact; }},
        {"PG", [](const power_result& r, const epic_counts&) { return r.holler.exact; }},
        {"APG", [](const power_result& r, const epic_counts&) { return r.holler_absolute.exact; }},
        {"RPG", [](const power_result& r, const epic_counts&) { return as_rationals(r.minimal_winning); }},
        {"KB", [](const power_result& r, const epic_counts&) { return r.koenig_braeuninger.exact; }},
        {"KBPH",
         [](const power_result& r, const epic_counts& e) { return shares(e.chow, r.winning_coalitions); }},
        {"N", [](const power_result& r, const epic_counts&) { return r.nevison.exact; }},
        {"NPH", [](const power_result& r,
                   const epic_counts& e) { return shares(e.chow, big_int(1) << (r.players.size() - 1)); }},
        {"PHT", [](const power_result&, const epic_counts& e) { return shares(e.chow, sum_of(e.chow)); }},
        {"PHTPH", [](const power_result&, const epic_counts& e) { return shares(e.chow, sum_of(e.chow)); }},
        {"RPHT", [](const power_result&, const epic_counts& e) { return as_rationals(e.chow); }},
        {"RA", [](const power_result& r, const epic_counts&) { return r.rae.exact; }},
        {"W", [](const power_result& r,
                 const epic_counts&) { return std::vector<rational>{rational(r.winning_coalitions)}; }},
        {"WM", [](const power_result& r,
                  const epic_counts&) { return std::vector<rational>{rational(r.minimal_winning_total)}; }},
        {"O", [](const power_result& r, const epic_counts&) { return r.owen.exact; }},
        {"BO", [](const power_result& r, const epic_counts&) { return r.banzhaf_owen.exact; }},
        {"RDP", [](const power_result& r, const epic_counts&) { return r.deegan_packel_raw.exact; }},
        {"RJ", [](const power_result&, const epic_counts& e) { return e.johnston_raw; }},
        {"RFT", [](const power_result& r, const epic_counts&) { return r.felsenthal_raw.exact; }},
        {"T", [](const power_result& r, const epic_counts&) { return r.tijs.exact; }},
        {"PHX", [](const power_result& r, const epic_counts&) { return r.public_help_xi.exact; }},
        {"HN", [](const power_result& r, const epic_counts&) { return r.harsanyi_nash.exact; }},
        {"PIF", [](const power_result& r, const epic_counts&) { return r.null_player_free_f.exact; }},
        {"PIG", [](const power_result& r, const epic_counts&) { return r.null_player_free_g.exact; }},
        {"SCB",
         [](const power_result& r, const epic_counts&) { return r.symmetric_coalitional_banzhaf.exact; }},
    };
    return table;
}

std::vector<std::string> split_words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

nlohmann::json read_epic() {
    std::ifstream in(accord_test::fixture("peers/epic.json"));
    return nlohmann::json::parse(in);
}

weighted_game game_of(const nlohmann::json& j) {
    auto g = make_weighted_game(j.at("quota").get<std::uint64_t>(),
                                j.at("weights").get<std::vector<std::uint64_t>>());
    if (j.contains("unions")) g.unions = j.at("unions").get<std::vector<std::vector<player_t>>>();
    return g;
}

/// Where EPIC (684dbf3) printed no values, and why (tests/data/peers/epic.json says "refused: "
/// or "crashed: "); each is checked against the definitions by hand below.
const std::set<std::pair<std::string, std::string>>& epic_gaps() {
    static const std::set<std::pair<std::string, std::string>> gaps = {
        // EPIC takes a veto player to be one whose weight alone meets the quota (a dictator, when
        // the quota is above half the total), so it refuses Tijs with veto players none of whom
        // is a dictator (PowerEpic.TijsSharesAmongTheVetoPlayersWhereEpicSeesNone): player 1 of
        // [11; 9, 5, 3, 1, 1] (the others weigh 10), both 4s of [10; 4, 4, 2, 1, 1].
        {"epic_readme", "T"},
        {"veto_pair", "T"},
        // EPIC refuses Johnston with a "veto player" (a dictator); accord gives the dictator 1.
        {"dictator", "J"},
        {"dictator", "RJ"},
        // EPIC's -f (leave null players out) crashes when a null player has positive weight.
        {"nassau_1958", "PIF"},
        {"nassau_1958", "PIG"},
        {"dictator", "PIG"},
    };
    return gaps;
}

/// Where EPIC (684dbf3) prints other values than the definitions give, for the same reason:
/// Harsanyi-Nash gives a sole veto player everything, and EPIC finds none in [11; 9, 5, 3, 1, 1]
/// (it prints 1/5 for each player).
const std::set<std::pair<std::string, std::string>>& epic_differs() {
    static const std::set<std::pair<std::string, std::string>> differs = {{"epic_readme", "HN"}};
    return differs;
}

bool has_veto_player(const weighted_game& g) {
    const auto& m = g.majorities.at(0);
    std::uint64_t total = 0;
    for (auto w : m.weights) total += w;
    return std::any_of(m.weights.begin(), m.weights.end(), [&](auto w) { return total - w < m.quota; });
}

} // namespace

TEST(PowerEpic, PrintedNumbersAreReadToTheirSixSignificantDigits) {
    auto p = parse_printed("6.71089e+07");
    EXPECT_EQ(p.value, 67108900);
    EXPECT_EQ(p.half_unit, 50);
    p = parse_printed("0.0230769");
    EXPECT_EQ(p.value, rational(230769, 10000000));
    EXPECT_EQ(p.half_unit, rational(1, 20000000)); // half of 1e-7
    p = parse_printed("0.5");
    EXPECT_EQ(p.half_unit, rational(1, 2000000));
    p = parse_printed("12");
    EXPECT_EQ(p.value, 12);
    EXPECT_EQ(p.half_unit, rational(1, 20000));
    EXPECT_EQ(parse_printed("1e-05").value, rational(1, 100000));
    EXPECT_EQ(parse_printed("0").half_unit, 0);
}

TEST(PowerEpic, EveryIndexAgreesWithEpicOnEveryGame) {
    const auto doc = read_epic();
    ASSERT_EQ(doc.at("commit").get<std::string>().substr(0, 7), "684dbf3");
    const auto& games = doc.at("games");
    ASSERT_EQ(games.size(), 10u);
    std::size_t compared = 0, gaps = 0, differing = 0;
    for (const auto& jg : games) {
        const std::string name = jg.at("name");
        const auto g = game_of(jg);
        power_options o;
        o.indices = index_all & ~index_colomer;
        if (g.unions.empty())
            o.indices &= ~(index_owen | index_banzhaf_owen | index_symmetric_coalitional_banzhaf);
        // Tijs is undefined without a veto player: accord refuses it, as EPIC does.
        if (!has_veto_player(g)) {
            o.indices &= ~index_tijs;
            EXPECT_THROW(power_indices(g, {.indices = index_tijs}), accord::error) << name;
        }
        const auto r = power_indices(g, o);
        const auto epic = epic_view(g, r);
        const auto& printed = jg.at("epic");
        for (const auto& [code, accord_values] : epic_indices()) {
            if ((code == "O" || code == "BO" || code == "SCB") && g.unions.empty()) continue;
            ASSERT_TRUE(printed.contains(code)) << name << " lacks EPIC's " << code;
            std::string text = printed.at(code);
            if (text.starts_with("=")) text = printed.at(text.substr(1)).get<std::string>();
            if (text.starts_with("refused: ") || text.starts_with("crashed: ")) {
                if (code == "T" && !has_veto_player(g)) continue; // refused by both
                EXPECT_TRUE(epic_gaps().contains({name, code})) << name << " " << code << ": EPIC " << text;
                ++gaps;
                continue;
            }
            const auto words = split_words(text);
            const auto mine = accord_values(r, epic);
            ASSERT_EQ(words.size(), mine.size()) << name << " " << code;
            if (epic_differs().contains({name, code})) {
                bool apart = false;
                for (std::size_t i = 0; i < mine.size(); ++i) {
                    const auto p = parse_printed(words[i]);
                    apart = apart || abs(rational(mine[i] - p.value)) > p.half_unit;
                }
                EXPECT_TRUE(apart) << name << " " << code
                                   << " agrees with EPIC now: drop it from epic_differs";
                ++differing;
                continue;
            }
            for (std::size_t i = 0; i < mine.size(); ++i) {
                const auto p = parse_printed(words[i]);
                const rational gap = abs(rational(mine[i] - p.value));
                EXPECT_LE(gap, p.half_unit) << name << " " << code << " player " << i + 1 << ": accord "
                                            << to_string(mine[i]) << ", EPIC prints " << words[i];
                ++compared;
            }
        }
    }
    // The 26 codes compared before (91 players of 8 games: 2,054) on 10 games (100 players, less
    // the dictator's J: 2,252), and 697 figures of RDP, RJ, RFT, T, PHX, HN, PIF, PIG and SCB
    // (every player of every game, T only where EPIC finds a veto player, SCB with unions, less
    // the gaps and the readme game's HN, which differs).
    EXPECT_EQ(compared, 2949u);
    EXPECT_EQ(gaps, epic_gaps().size());
    EXPECT_EQ(differing, epic_differs().size());
}

// [10; 4, 4, 2, 1, 1]: each 4 is in every winning coalition (the others weigh 8 < 10), and
// neither wins alone. Tijs splits the prize between the two veto players; EPIC, which counts as
// veto players only those whose weight meets the quota, finds none and refuses. Harsanyi-Nash
// then agrees (two veto players: 1/5 each). With one veto player that is not a dictator,
// [8; 5, 2, 2, 1, 1] or EPIC's readme game [11; 9, 5, 3, 1, 1] (player 1's partners weigh
// 10), accord gives it everything under both; EPIC (684dbf3) refuses Tijs and prints 0.2 for
// each player under Harsanyi-Nash.
TEST(PowerEpic, TijsSharesAmongTheVetoPlayersWhereEpicSeesNone) {
    const auto readme =
        power_indices(make_weighted_game(11, {9, 5, 3, 1, 1}), {.indices = index_tijs | index_harsanyi_nash});
    EXPECT_EQ(readme.tijs.exact, (std::vector<rational>{1, 0, 0, 0, 0}));
    EXPECT_EQ(readme.harsanyi_nash.exact, (std::vector<rational>{1, 0, 0, 0, 0}));
    const auto pair =
        power_indices(make_weighted_game(10, {4, 4, 2, 1, 1}), {.indices = index_tijs | index_harsanyi_nash});
    EXPECT_EQ(pair.tijs.exact, (std::vector<rational>{rational(1, 2), rational(1, 2), 0, 0, 0}));
    EXPECT_EQ(pair.harsanyi_nash.exact, std::vector<rational>(5, rational(1, 5)));
    const auto one =
        power_indices(make_weighted_game(8, {5, 2, 2, 1, 1}), {.indices = index_tijs | index_harsanyi_nash});
    EXPECT_EQ(one.tijs.exact, (std::vector<rational>{1, 0, 0, 0, 0}));
    EXPECT_EQ(one.harsanyi_nash.exact, (std::vector<rational>{1, 0, 0, 0, 0}));
}

// Where EPIC printed nothing (its -f crashed, or it refused Johnston with a dictator), accord's
// values by hand. Nassau 1958, [16; 9, 9, 7, 3, 1, 1]: the last three are null players; without
// them any two of 9, 9, 7 win, so the null-player-free winning coalitions are the three pairs and
// the triple: F gives each (1/2 + 1/2 + 1/3) / 4 = 1/3, G 3 / 9 = 1/3. The dictator of
// [6; 6, 2, 1, 1] is the only critical member of every winning coalition (Johnston 1, raw 8, one
// for each of the 8 winning coalitions), and the only player left without null players (G = 1).
TEST(PowerEpic, WhereEpicPrintedNothingTheDefinitionsGiveThese) {
    const auto third = rational(1, 3);
    const auto nassau = power_indices(make_weighted_game(16, {9, 9, 7, 3, 1, 1}),
                                      {.indices = index_null_player_free_f | index_null_player_free_g});
    EXPECT_EQ(nassau.null_player_free_f.exact, (std::vector<rational>{third, third, third, 0, 0, 0}));
    EXPECT_EQ(nassau.null_player_free_g.exact, (std::vector<rational>{third, third, third, 0, 0, 0}));
    const auto dictator = power_indices(make_weighted_game(6, {6, 2, 1, 1}),
                                        {.indices = index_johnston | index_null_player_free_g});
    EXPECT_EQ(dictator.johnston.exact, (std::vector<rational>{1, 0, 0, 0}));
    EXPECT_EQ(dictator.johnston_raw.exact, (std::vector<rational>{8, 0, 0, 0}));
    EXPECT_EQ(dictator.null_player_free_g.exact, (std::vector<rational>{1, 0, 0, 0}));
}

// [6; 4, 3, 2, 1, 0]: the player of weight 0 is in 7 of the 14 winning coalitions (each winning
// coalition of the others, joined by it), and is pivotal in none of the 5! = 120 orders, where
// the others are in 50, 30, 30 and 10. EPIC prints 6 for the first: floor(|W'| / 2) 2^z with the
// |W'| = 7 winning coalitions of the others and z = 1 player of weight 0, an integer division where
// the count is |W'| 2^(z-1); and it counts the pivots among the 4! orders of the players of
// positive weight. accord's are the definitions' (checked here by hand).
TEST(PowerEpic, APlayerOfWeightZeroIsWhereEpicCountsOtherwise) {
    const auto doc = read_epic();
    const auto it = std::find_if(doc.at("games").begin(), doc.at("games").end(),
                                 [](const nlohmann::json& j) { return j.at("name") == "zero_weight"; });
    ASSERT_NE(it, doc.at("games").end());
    const auto g = game_of(*it);
    const auto r = power_indices(g, {.indices = index_chow | index_shapley_shubik | index_koenig_braeuninger |
                                                index_nevison | index_public_help});
    EXPECT_EQ(r.chow, (std::vector<big_int>{12, 10, 10, 8, 7}));
    EXPECT_EQ(r.winning_coalitions, 14);
    EXPECT_EQ(r.pivots, (std::vector<big_int>{50, 30, 30, 10, 0}));
    EXPECT_EQ(it->at("epic").at("RPHT"), "12 10 10 8 6");
    EXPECT_EQ(it->at("epic").at("RSH"), "10 6 6 2 0");
    // The same counts through EPIC's Dubey-Shapley algorithms (KB, N) are the definitions'.
    EXPECT_EQ(to_string(r.koenig_braeuninger.exact[4]), "1/2");
    EXPECT_EQ(split_words(it->at("epic").at("KB")).back(), "0.5");
    EXPECT_EQ(to_string(r.nevison.exact[4]), "7/16");
    EXPECT_EQ(split_words(it->at("epic").at("N")).back(), "0.4375");
    EXPECT_EQ(split_words(it->at("epic").at("NPH")).back(), "0.375"); // 6/16
}
